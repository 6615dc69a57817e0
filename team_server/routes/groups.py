"""Groups: create one (with an invite code), join by code, leave, see it and its members; its
facilitators remove a member, give the group a new code and see the progress learners share.

A user who is not a member gets 404 for a group, exactly as for a group that does not exist.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response
from peewee import IntegrityError
from pydantic import BaseModel

from team_server import auth, facilitation, registration
from team_server.auth import CurrentUser
from team_server.db import connected, database
from team_server.models import FACILITATOR, MEMBER, Group, Membership, User

router = APIRouter()

NO_GROUP = "Groupe introuvable."
FACILITATORS_ONLY = "Seuls les animateurs du groupe peuvent faire cela."


class GroupIn(BaseModel):
    name: str


class JoinIn(BaseModel):
    invite_code: str


def membership_of(user: User, group_id: str) -> Membership:
    """The user's membership of a group, or 404 (whether the group exists or not)."""
    row = (
        Membership.select(Membership, Group)
        .join(Group)
        .where((Membership.user == user.id) & (Membership.group == group_id))
        .first()
    )
    if row is None:
        raise HTTPException(404, NO_GROUP)
    return row


@router.post("/groups", status_code=201)
@connected
def create_group(body: GroupIn, user: CurrentUser) -> dict:
    """A new group; its creator is its facilitator."""
    try:
        group = registration.create_group(user.id, body.name)
    except registration.RegistrationError as error:
        raise HTTPException(error.status, str(error)) from error
    return {
        "id": group.id,
        "name": group.name,
        "invite_code": group.invite_code,
        "role": FACILITATOR,
    }


@router.post("/groups/join")
@connected
def join_group(body: JoinIn, user: CurrentUser) -> dict:
    """Join the group of an invite code; joining again changes nothing. Tries are throttled
    as password checks are: a code must not be guessable."""
    # Counted per account, apart from its logins and from the address's (as DELETE /me).
    tries = f"invite:{user.id}"
    wait = auth.admit(tries, "")
    if wait is not None:
        raise auth.too_many_tries(wait)
    code = "".join(body.invite_code.split()).upper()
    group = Group.get_or_none(Group.invite_code == code)
    if group is None:
        raise HTTPException(404, "Code d'invitation inconnu : vérifiez-le auprès de l'animateur.")
    where = (Membership.group == group.id) & (Membership.user == user.id)
    try:
        with database.atomic():
            row = Membership.get_or_none(where)
            if row is None:
                row = Membership.create(group=group.id, user=user.id, role=MEMBER)
                registration.bump_membership(user.id)
    except IntegrityError:
        row = Membership.get(where)  # the same join from another device, a moment earlier
    auth.clear_failures(tries, "")
    return {"id": group.id, "name": group.name, "role": row.role}


@router.post("/groups/{group_id}/leave", status_code=204)
@connected
def leave_group(group_id: str, user: CurrentUser) -> Response:
    """Leave a group; the last facilitator leaving hands the role to the longest-standing member."""
    with database.atomic():
        row = membership_of(user, group_id)
        row.delete_instance()
        registration.bump_membership(user.id)
        remaining = Membership.select().where(Membership.group == group_id)
        if row.role == FACILITATOR and not remaining.where(Membership.role == FACILITATOR).exists():
            heir = remaining.order_by(Membership.joined_at, Membership.id).first()
            if heir is not None:
                heir.role = FACILITATOR
                heir.save()
    return Response(status_code=204)


@router.get("/groups/{group_id}")
@connected
def get_group(group_id: str, user: CurrentUser) -> dict:
    row = membership_of(user, group_id)
    return {
        "id": row.group.id,
        "name": row.group.name,
        "invite_code": row.group.invite_code,
        "role": row.role,
    }


@router.get("/groups/{group_id}/members")
@connected
def list_members(group_id: str, user: CurrentUser) -> list[dict]:
    """Members of a group the user belongs to, in the order they joined."""
    membership_of(user, group_id)
    rows = (
        Membership.select(Membership, User)
        .join(User)
        .where(Membership.group == group_id)
        .order_by(Membership.joined_at, Membership.id)
    )
    return [
        {"id": row.user.id, "display_name": row.user.display_name, "role": row.role} for row in rows
    ]


def _facilitated(user: User, group_id: str) -> Membership:
    row = membership_of(user, group_id)
    if row.role != FACILITATOR:
        raise HTTPException(403, FACILITATORS_ONLY)
    return row


@router.delete("/groups/{group_id}/members/{member_id}", status_code=204)
@connected
def remove_member(group_id: str, member_id: str, user: CurrentUser) -> Response:
    """A facilitator removes a member: as if they had left (their devices resync and drop
    the group's records); they may come back only with the code, so rotate it too."""
    _facilitated(user, group_id)
    if member_id == user.id:
        raise HTTPException(422, "Pour quitter le groupe, utilisez « Quitter le groupe ».")
    with database.atomic():
        removed = (
            Membership.delete()
            .where((Membership.group == group_id) & (Membership.user == member_id))
            .execute()
        )
        if not removed:
            raise HTTPException(404, "Cette personne n'est pas membre du groupe.")
        registration.bump_membership(member_id)
    return Response(status_code=204)


@router.post("/groups/{group_id}/invite-code")
@connected
def rotate_invite_code(group_id: str, user: CurrentUser) -> dict:
    """A new invite code for the group; the old one no longer lets anyone in."""
    row = _facilitated(user, group_id)
    group = row.group
    group.invite_code = registration.new_invite_code()
    group.save()
    return {"id": group.id, "invite_code": group.invite_code}


@router.get("/groups/{group_id}/progress")
@connected
def group_progress(group_id: str, user: CurrentUser) -> dict:
    """The progress of the group's learners, for its facilitators: only of those who chose to
    show it (`progress_share`); the others appear with `shared: false` and nothing else."""
    _facilitated(user, group_id)
    return {"group_id": group_id, "learners": facilitation.group_progress(group_id)}
