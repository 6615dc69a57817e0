"""`POST /sync`: push a batch of changes, pull what changed since the client's cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException
from peewee import Select
from pydantic import BaseModel, Field, WrapValidator

from team_server import PROTOCOL, schemas
from team_server import records as rec
from team_server.auth import CurrentUser, token_query
from team_server.db import handed_out_seq
from team_server.exchange import apply_batch
from team_server.middleware import protocol_refusal
from team_server.models import Counter, ServerMeta, User
from team_server.prepared import Prepared
from team_server.pull import pull
from team_server.quotas import quota_of
from team_server.routes.accounts import server_id, user_groups
from team_server.settings import Settings

router = APIRouter()


# Published as the strict schema of each kind; parsed one change at a time, so that a change
# that does not fit is refused alone (`schemas.Refused`) and the rest of the batch applies.
ChangeIn = Annotated[schemas.AnyChange, WrapValidator(lambda raw, _next: schemas.parse_change(raw))]


class SyncIn(BaseModel):
    protocol: int
    device_id: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$")
    server_id: str | None = None
    cursor: int = Field(default=0, ge=0)
    membership_version: int | None = None
    limit: int = Field(default=200, ge=1)
    changes: list[ChangeIn] = []


# The route table's entry for the exchange: it publishes it in the OpenAPI document (its body,
# its token) and keeps the framework's answers to other methods (405) and to `/sync/` (307).
# POST /api/v1/sync itself is answered in front of the framework, by team_server/sync_lane.py
# (decision 0026), so this function is never called.
@router.post("/sync", response_model=dict)
def sync(body: SyncIn, user: CurrentUser) -> dict:
    """Apply the pushed changes (all or none), then answer the next page of the pull."""
    raise NotImplementedError("POST /sync is answered by team_server/sync_lane.py")


def answer_sync(
    user: User, body: SyncIn, settings: Settings, known: tuple[str, int] | None = None
) -> dict:
    """One exchange, over the network or from a sync file (`team_server/bundles.py`);
    `known`: the server's id and the counter, read with the token (`TOKEN_SERVER_SEQ`)."""
    if body.protocol != PROTOCOL:
        raise HTTPException(426, protocol_refusal(body.protocol))
    if len(body.changes) > settings.max_changes:
        raise HTTPException(
            413, f"Trop de modifications en une fois (au plus {settings.max_changes})."
        )
    # With nothing to push, the counter is read now (or was, with the token), with the
    # server's id: one statement. Not inside a write transaction (a sync file's pages): the
    # counter there lags the seqs it handed out, which last_seq counts.
    if body.changes or handed_out_seq() is not None:
        ours, high = server_id(), None
    else:
        ours, high = known or _server_and_seq()
    if body.server_id is not None and body.server_id != ours:
        # The client's cursor belongs to another server (or a wiped database): touch nothing,
        # let the learner decide.
        return _answer(ours, User.get_by_id(user.id), [], [], 0, False)
    quota = quota_of(user, settings.quota_bytes)
    acks, echoes = apply_batch(user, body.device_id, body.changes, quota)
    # The version first (read with the token), then the groups: a join in between makes the
    # next exchange resync.
    groups = user_groups(user)
    cursor = body.cursor
    if high is None:
        high = rec.last_seq()  # after the push: its own records are below it
    restored = cursor > high  # the device saw more than this database holds
    if body.membership_version != user.membership_version or restored:
        cursor = 0  # new groups, or a database restored from an older backup: resend all
        if body.membership_version is not None or body.cursor:
            echoes = {}  # the device may drop what it pushed (a group it left): resend it too
    limit = min(body.limit, settings.max_pull)
    group_ids = [g["id"] for g in groups]
    if cursor == high or _only_echoes(cursor, high, echoes):
        # Nothing committed since but this push: the usual sync, answered without a query.
        changes, cursor, more = [], high, False
    else:
        changes, cursor, more = pull(
            user, body.device_id, group_ids, cursor, limit, echoes, settings.max_pull_bytes, high
        )
    answer = _answer(ours, user, acks, changes, cursor, more, groups)
    if restored:
        answer["restored"] = True
    return answer


def _seq() -> Select:
    # Named apart: a column called `value` would be read back as ServerMeta's text.
    return Counter.select(Counter.value).where(Counter.name == "seq").alias("seq")


# A sync with nothing to push reads these two together (team_server/prepared.py)...
_SERVER_AND_SEQ = Prepared(
    lambda key: ServerMeta.select(ServerMeta.value, _seq()).where(ServerMeta.key == key),
    1,
    tuples=True,
)
# ... and, over the network, with its token: one statement (a round trip on PostgreSQL) fewer.
TOKEN_SERVER_SEQ = Prepared(
    lambda digest: token_query(
        digest,
        ServerMeta.select(ServerMeta.value).where(ServerMeta.key == "server_id").alias("server_id"),
        _seq(),
    ),
    parameters=1,
)


def _server_and_seq() -> tuple[str, int]:
    """This server's id and the highest `seq` committed."""
    return tuple(_SERVER_AND_SEQ.run("server_id")[0])


def _only_echoes(cursor: int, high: int, echoes: dict[int, int]) -> bool:
    """Whether every seq after `cursor` up to `high` is a record this device just pushed."""
    return 0 < high - cursor <= len(echoes) and set(range(cursor + 1, high + 1)) <= set(
        echoes.values()
    )


def _answer(
    server: str,
    user: User,
    acks: list[dict],
    changes: list[dict],
    cursor: int,
    more: bool,
    groups: list[dict] | None = None,
) -> dict:
    return {
        "server_id": server,
        "membership_version": user.membership_version,
        "groups": user_groups(user) if groups is None else groups,
        "acks": acks,
        "changes": changes,
        "cursor": cursor,
        "more": more,
    }
