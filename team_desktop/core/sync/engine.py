"""The sync engine: push pending changes in batches, pull what changed, apply, save the cursor.

Plain Python, run off the GUI thread. Each round trip pushes at most BATCH changes and pulls at
most PULL_LIMIT; a pulled batch is applied in one transaction together with the new cursor, so
a cut at any moment loses nothing and a replay changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from team_desktop.core import outbox
from team_desktop.core.research import consent_sync
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import database
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import account, files, kept_files, records, recovery
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import PROTOCOL, Connection
from team_desktop.core.sync.errors import MalformedReply, ServerChanged
from team_desktop.core.sync.transfers import TransferControl
from team_desktop.core.wire_time import iso

BATCH = 100
PULL_LIMIT = 200
MAX_ROUNDS = 10_000  # a guard against a server that always says "more"

Progress = Callable[[int, int], None]


def checkpoint(stage: str) -> None:
    """A named step of an exchange; does nothing. The crash tests replace it to kill the
    process exactly there (tests/reliability/sync_kill_driver.py): "sending", "applying",
    "saving-cursor", "committed"."""


@dataclass
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    pulled: int = 0
    round_trips: int = 0
    conflicts: list[str] = field(default_factory=list)  # ids of conflict copies made
    files: files.FilesReport | None = None
    requeued: int = 0  # records queued again for a server restored from an older backup
    rejected: dict[str, str] = field(default_factory=dict)  # "kind/id" -> server's reason
    skipped: list[str] = field(default_factory=list)  # why pulled records were not applied
    released: int = 0  # files the server let go: no device of the learner keeps them


def run_sync(
    store: Store,
    connection: Connection,
    progress: Progress | None = None,
    control: TransferControl | None = None,
    max_file: int | None = None,
) -> SyncReport:
    """Exchange all writing with the server, then attachments: text first on a slow line.

    Between the two, the device says which files its writing still uses (the others may leave
    the server). `control` follows the files' bytes and may pause them; with `max_file` (a
    metered connection) larger files wait, see `files.sync_files`. Every write it makes
    names the sync as its initiator on the change bus.
    """
    with changes.initiated_by(changes.SYNC):
        consent_sync.before_sync(connection)
        report = exchange_records(store, connection, progress)
        consent_sync.after_sync(connection, report.rejected)
        user_id = sync_state.load().user_id
        report.released = kept_files.declare_kept(connection, store.device_id, user_id)
        report.files = files.sync_files(
            store.paths, connection, user_id, progress, control, max_file
        )
    return report


def exchange_records(
    store: Store, connection: Connection, progress: Progress | None = None
) -> SyncReport:
    """Exchange records (no files) with the server until both sides are up to date."""
    report = SyncReport()
    state = sync_state.load()
    skipped: set[tuple[str, str]] = set()  # rejected in this run: not sent again until next run
    for _round in range(MAX_ROUNDS):
        rows = [
            row
            for row in Outbox.select().order_by(Outbox.seq)
            if (row.kind, row.record_id) not in skipped
        ][:BATCH]
        changes, sent = prepare_changes(rows, store.device_id)
        payload = request_body(store.device_id, state, changes)
        checkpoint("sending")
        answer = connection.sync(payload)
        report.round_trips += 1
        _check_answer(answer)
        if state.server_id and answer["server_id"] != state.server_id:
            raise ServerChanged()
        apply_answer(answer, state, sent, report, skipped)
        checkpoint("committed")
        report.pulled += len(answer["changes"])
        if progress:
            remaining = Outbox.select().count() - len(skipped)
            progress(report.pushed, report.pushed + max(remaining, 0))
        more_to_push = Outbox.select().count() > len(skipped)
        unanswered = bool(sent) and not {ack.get("change_id") for ack in answer["acks"]} & set(sent)
        if not answer.get("more") and (not more_to_push or unanswered):
            break  # a server that acknowledges nothing is not asked again and again
    with database.atomic():
        sync_state.save(last_sync_at=iso(dt.datetime.now(dt.UTC)), last_error=None)
    return report


def request_body(device_id: str, state: sync_state.SyncState, changes: list[dict]) -> dict:
    """The body of POST /sync that pushes `changes` (a sync file carries the same)."""
    return {
        "protocol": PROTOCOL,
        "device_id": device_id,
        "server_id": state.server_id or None,
        "cursor": state.cursor,
        "membership_version": state.membership_version,
        "limit": PULL_LIMIT,
        "changes": changes,
    }


def apply_answer(
    answer: dict,
    state: sync_state.SyncState,
    sent: dict[str, Outbox],
    report: SyncReport,
    skipped: set[tuple[str, str]],
    since: int | None = None,
) -> None:
    """Apply one checked answer (acks, pulled page, groups, cursor) in one transaction.

    `since` (an answer to an older file request, docs/sync-protocol.md): only records after the
    device's own cursor are applied, the groups and membership are left to the next exchange,
    and the cursor only ever moves forward.
    """
    with database.atomic():
        _apply_acks(answer["acks"], sent, report, skipped)
        for change in answer["changes"]:
            if since is not None and not (isinstance(change, dict) and _after(change, since)):
                continue
            reason = records.apply_incoming(change, state.user_id)
            if reason is not None:
                report.skipped.append(reason)
            checkpoint("applying")
        if since is not None:
            state.cursor = max(state.cursor, answer["cursor"])
            sync_state.save(cursor=state.cursor, server_id=answer["server_id"])
            return
        resynced = answer.get("membership_version") != state.membership_version
        if isinstance(answer.get("groups"), list):
            account.remember_groups(answer["groups"])
            if resynced and state.membership_version is not None:
                records.forget_left_groups(answer["groups"], state.user_id)
        checkpoint("saving-cursor")
        state.cursor = answer["cursor"]
        state.server_id = answer["server_id"]
        state.membership_version = answer.get("membership_version")
        sync_state.save(
            cursor=state.cursor,
            server_id=state.server_id,
            membership_version=state.membership_version,
        )
        if answer.get("restored"):
            # The server's database is older than what this device saw: what was sent after
            # its backup is gone there, so everything of the learner's goes again.
            report.requeued += recovery.adopt_server()
            sync_state.save(cursor=state.cursor, server_id=state.server_id)


def _after(change: dict, since: int) -> bool:
    seq = change.get("seq")
    return isinstance(seq, int) and not isinstance(seq, bool) and seq > since


def prepare_changes(rows: list[Outbox], device_id: str) -> tuple[list[dict], dict[str, Outbox]]:
    """Changes to send for these outbox rows; rows whose record is gone or device-only are dropped."""
    changes, sent = [], {}
    for row in rows:
        data = records.OUTGOING[row.kind](row.record_id) if row.kind in records.OUTGOING else None
        if data is None:
            with database.atomic():
                Outbox.delete().where(
                    (Outbox.kind == row.kind)
                    & (Outbox.record_id == row.record_id)
                    & (Outbox.seq == row.seq)
                ).execute()
            continue
        change_id = f"{device_id}:{row.seq}"
        changes.append(
            {
                "change_id": change_id,
                "kind": row.kind,
                "id": row.record_id,
                "base_rev": records.base_rev(row.kind, row.record_id),
                "data": data,
            }
        )
        sent[change_id] = row
    return changes, sent


def _apply_acks(
    acks: list[dict], sent: dict[str, Outbox], report: SyncReport, skipped: set[tuple[str, str]]
) -> None:
    for ack in acks:
        row = sent.get(ack.get("change_id"))
        if row is None:
            continue
        done = (
            (Outbox.kind == row.kind)
            & (Outbox.record_id == row.record_id)
            & (Outbox.seq == row.seq)
        )
        status = ack.get("status")
        if status in ("applied", "duplicate"):
            # Only the state that was sent is acknowledged: an edit made meanwhile has a new seq.
            Outbox.delete().where(done).execute()
            if row.kind == "entry":
                # A newer local edit grew from the text just accepted: it is its base now.
                records.set_server_rev(row.record_id, ack.get("rev"))
            elif row.kind == "note":
                records.note_acknowledged(row.record_id, ack.get("state"))
            report.pushed += 1
        elif status == "conflict" and row.kind == "entry":
            copy_id = records.make_conflict_copy(row.record_id)
            if copy_id:
                outbox.enqueue("entry", copy_id)
                report.conflicts.append(copy_id)
            # The server's version comes in the pull and replaces ours; our text lives on in the copy.
            Outbox.delete().where(
                (Outbox.kind == row.kind) & (Outbox.record_id == row.record_id)
            ).execute()
            records.set_server_rev(row.record_id, None)
        else:
            reason = ack.get("error") or "refusé par le serveur"
            Outbox.update(attempts=Outbox.attempts + 1, last_error=reason).where(
                (Outbox.kind == row.kind) & (Outbox.record_id == row.record_id)
            ).execute()
            report.rejected[f"{row.kind}/{row.record_id}"] = reason
            skipped.add((row.kind, row.record_id))


def _check_answer(answer: dict) -> None:
    """A malformed reply is refused before anything of it is applied.

    Plain tests, not `assert`: `python -O` drops asserts, and with them this whole check.
    """
    try:
        well_formed = (
            isinstance(answer["server_id"], str)
            and bool(answer["server_id"])
            and isinstance(answer["cursor"], int)
            and len(answer["server_id"]) <= 200
            and not isinstance(answer["cursor"], bool)
            and isinstance(answer["acks"], list)
            and all(isinstance(ack, dict) for ack in answer["acks"])
            and isinstance(answer["changes"], list)
            and _optional(answer.get("membership_version"), int)
            and _optional(answer.get("groups"), list)
            and all(_group(group) for group in answer.get("groups") or [])
        )  # each change is checked alone as it applies: one bad record skips, not the page
    except (KeyError, TypeError, AttributeError) as error:
        raise MalformedReply(repr(error)) from error
    if not well_formed:
        raise MalformedReply("unexpected types in the sync answer")


def _optional(value: object, kind: type) -> bool:
    return value is None or (isinstance(value, kind) and not isinstance(value, bool))


def _group(group: object) -> bool:
    """A group as `account.remember_groups` keeps it (a name shown as plain text)."""
    return (
        isinstance(group, dict)
        and isinstance(group.get("id"), str)
        and isinstance(group.get("name"), str)
        and len(group["id"]) <= 200
        and len(group["name"]) <= 500
        and _optional(group.get("role"), str)
        and _optional(group.get("invite_code"), str)
    )
