""" "Mes données": see what the server holds, download all of it, delete the account."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from team_server import account_deletion, auth, data_archive, personal_data
from team_server.db import connected

router = APIRouter()


class DeleteIn(BaseModel):
    password: str
    shared: Literal["remove", "anonymise"]


@router.get("/me/data")
@connected
def my_data(user: auth.CurrentUser) -> dict:
    """What the server holds about the learner, by kind."""
    return personal_data.summary(user)


@router.get(
    "/me/data.zip",
    responses={200: {"description": "Mes données", "content": {"application/zip": {}}}},
)
def my_data_zip(user: auth.CurrentUser) -> StreamingResponse:
    """All of it: JSON files and the learner's files, in one zip streamed as it is made
    (no copy of it is ever kept on the server)."""
    return StreamingResponse(
        data_archive.zip_pieces(user),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="mes-donnees-team.zip"'},
    )


@router.delete("/me", status_code=204)
@connected
def delete_me(body: DeleteIn, user: auth.CurrentUser) -> Response:
    """Delete the account (the password confirms it, throttled as a login); shared
    contributions are removed or kept anonymised, as the learner chose."""
    if not auth.confirm_password(user, body.password):
        raise HTTPException(403, "Mot de passe incorrect : le compte n'a pas été supprimé.")
    account_deletion.delete_account(user, body.shared)
    return Response(status_code=204)
