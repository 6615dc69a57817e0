""" "Mes données": see what the server holds, download all of it, delete the account."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

from team_server import account_deletion, auth, personal_data
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
@connected
def my_data_zip(user: auth.CurrentUser) -> FileResponse:
    """All of it: JSON files and the learner's files, in one zip."""
    folder = Path(tempfile.mkdtemp(prefix="team-mes-donnees-"))
    target = folder / "mes-donnees.zip"
    personal_data.write_zip(user, target)
    return FileResponse(
        target,
        media_type="application/zip",
        filename="mes-donnees-team.zip",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
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
