"""Account controls: changing the password, one's devices, logging one of them out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field

from team_server import auth, registration
from team_server.db import connected, database
from team_server.models import Token, User, utcnow
from team_server.personal_data import iso

router = APIRouter()

NO_DEVICE = "Appareil introuvable (déjà déconnecté ?)."


class PasswordIn(BaseModel):
    current_password: str = Field(max_length=registration.MAX_PASSWORD)
    new_password: str = Field(max_length=registration.MAX_PASSWORD)


def _this_token(authorization: str | None) -> str:
    return auth.token_digest(auth.bearer_token(authorization))


def _live_tokens(user: User, request: Request):
    """The account's tokens that still open a session (neither revoked nor expired)."""
    return Token.select().where(
        (Token.user == user.id)
        & Token.revoked_at.is_null()
        & (Token.last_used_at >= auth.expiry_cutoff(request))
    )


@router.get("/me/devices")
@connected
def my_devices(
    user: auth.CurrentUser, request: Request, authorization: str | None = Header(default=None)
) -> list[dict]:
    """The devices logged in to the account: name, when logged in, when last seen (to the
    hour: a token's use is written at most hourly), and which one asks."""
    this = _this_token(authorization)
    tokens = _live_tokens(user, request).order_by(Token.last_used_at.desc(), Token.id.desc())
    return [
        {
            "id": token.id,
            "device_name": token.device_name,
            "logged_in_at": iso(token.created_at),
            "last_seen_at": iso(token.last_used_at),
            "current": token.token_hash == this,
        }
        for token in tokens
    ]


@router.delete("/me/devices/{device_id}", status_code=204)
@connected
def log_out_device(
    device_id: Annotated[int, Path(ge=1, le=2**62)], user: auth.CurrentUser, request: Request
) -> Response:
    """Log one of the account's devices out: its token stops working at once."""
    revoked = (
        Token.update(revoked_at=utcnow())
        .where(Token.id.in_(_live_tokens(user, request).select(Token.id)))
        .where(Token.id == device_id)
        .execute()
    )
    if not revoked:
        raise HTTPException(404, NO_DEVICE)
    return Response(status_code=204)


@router.post("/me/password", status_code=204)
@connected
def change_password(
    body: PasswordIn, user: auth.CurrentUser, authorization: str | None = Header(default=None)
) -> Response:
    """A new password, given the current one (password checks throttled as logins); every
    other device of the account is logged out, this one stays logged in."""
    if not auth.confirm_password(user, body.current_password):
        raise HTTPException(403, "Mot de passe actuel incorrect : rien n'a changé.")
    try:
        registration.check_password_rules(body.new_password)
    except registration.RegistrationError as error:
        raise HTTPException(error.status, str(error)) from error
    new_hash = auth.hash_password(body.new_password)  # slow on purpose: outside the transaction
    with database.atomic():
        User.update(password_hash=new_hash).where(User.id == user.id).execute()
        Token.update(revoked_at=utcnow()).where(
            (Token.user == user.id)
            & Token.revoked_at.is_null()
            & (Token.token_hash != _this_token(authorization))
        ).execute()
    return Response(status_code=204)
