"""How each kind of pushed change is applied: checked (visibility, authorship, groups), merged
with what the server holds, written with a fresh `seq` (records.save)."""

from __future__ import annotations

import json
from collections.abc import Callable

from team_server import blobstore, facilitation, merge
from team_server import records as rec
from team_server.merge import Rejected
from team_server.models import GROUP, NoteDeviceState, Record, StatementForward, User
from team_server.research import statements

NOT_FOUND = "Introuvable : cet élément n'existe pas ou ne vous est pas visible."
NOT_YOURS = "Seul son auteur peut modifier cet élément."
NOT_MEMBER = "Groupe introuvable : vous n'en êtes pas (ou plus) membre."
NOTE_DELETED = "Cette note a été supprimée définitivement par son auteur : la modification reste sur votre appareil."
NO_CONSENT = "Vous n'avez pas donné votre accord pour la recherche : ces réponses ne sont pas conservées sur le serveur."
COMMENT_TARGET = "On ne peut commenter qu'une entrée ou une note partagée avec un de vos groupes."
ENDORSE_TARGET = "On ne peut appuyer qu'une preuve partagée avec un de vos groupes."
OWN_EVIDENCE = "On ne peut pas appuyer sa propre preuve : seul un pair le peut."
NOT_FACILITATOR = "Seule une personne qui anime le groupe peut valider une compétence."
NOT_LEARNER = "Cette personne n'est pas (ou plus) membre de ce groupe."


class Conflict(Exception):
    """An entry edited from a revision the server has moved past."""

    def __init__(self, rev: int):
        super().__init__(rev)
        self.rev = rev


def _own(merge_rule: Callable[[dict | None, dict], dict]) -> Callable[..., Record]:
    """Handler for a per-user kind merged by `merge_rule`."""

    def apply(user: User, device_id: str, change: dict) -> Record:
        kind = change["kind"]
        if kind in ("answer", "statement") and not user.research_consent:
            raise Rejected(NO_CONSENT)
        record = rec.find(kind, user, change["id"])
        current = json.loads(record.data) if record else None
        merged = merge_rule(current, change["data"])
        if record is not None and merged == current:
            return record
        return rec.save(record or rec.new_record(kind, user, change["id"]), merged)

    return apply


def _check_group(user: User, data: dict) -> tuple[str, str | None]:
    visibility = data.get("visibility") or "private"
    group_id = data.get("group_id") if visibility == GROUP else None
    if visibility == GROUP and not rec.is_member(user, group_id):
        raise Rejected(NOT_MEMBER)
    return visibility, group_id


def _find_own(kind: str, user: User, record_id: str) -> Record | None:
    """The record this change would update, if any; refused when it is another's."""
    record = rec.find(kind, user, record_id)
    if record is not None and record.owner_id != user.id:
        raise Rejected(NOT_YOURS if rec.can_see(user, record) else NOT_FOUND)
    return record


def _apply_entry(user: User, device_id: str, change: dict) -> Record:
    data = merge.entry_kept(change["data"])
    visibility, group_id = _check_group(user, data)
    record = _find_own("entry", user, change["id"])
    if record is not None:
        current = json.loads(record.data)
        if current == data:
            return record  # the same text again (a lost ack): nothing to merge
        if record.rev != change.get("base_rev"):
            raise Conflict(record.rev)
    record = rec.save(
        record or rec.new_record("entry", user, change["id"]),
        data,
        visibility=visibility,
        group_id=group_id,
    )
    blobstore.set_citations(user, record, [item["hash"] for item in data.get("attachments", [])])
    rec.rescope_comments(record)
    return record


NOTE_FIELDS = ("visibility", "group_id", "activity_uid", "trashed_at", "deleted", "created_at")


def _apply_note(user: User, device_id: str, change: dict) -> Record:
    pushed = change["data"]
    update = merge.decode_b64(pushed.get("update", ""), "update")
    state = merge.decode_b64(pushed.get("state", ""), "state")
    merge.check_state_vector(state)
    meta = {field: pushed.get(field) for field in NOTE_FIELDS}
    meta["deleted"] = meta["deleted"] is True
    record = rec.find("note", user, change["id"])
    if record is not None and not rec.can_see(user, record):
        raise Rejected(NOT_FOUND)
    current = json.loads(record.data) if record else None
    if current is not None and current["deleted"] and not meta["deleted"]:
        raise Rejected(NOTE_DELETED)
    if current is not None and record.owner_id != user.id:
        meta = current  # only the author shares, bins or deletes a note; members write in it
    visibility, group_id = _check_group(user, meta)
    meta = {**meta, "group_id": group_id}
    document = merge.note_merge(bytes(record.crdt) if record and record.crdt else None, update)
    if meta["deleted"]:
        document = b""  # a tombstone keeps no words
    if record is None or meta != current or document != bytes(record.crdt or b""):
        record = rec.save(
            record or rec.new_record("note", user, change["id"]),
            meta,
            visibility=visibility,
            group_id=group_id,
            crdt=document,
        )
        rec.rescope_comments(record)
    if state:
        NoteDeviceState.insert(
            record=record.id, user=user.id, device_id=device_id, state=state
        ).on_conflict(
            conflict_target=[
                NoteDeviceState.record,
                NoteDeviceState.user,
                NoteDeviceState.device_id,
            ],
            preserve=[NoteDeviceState.state],
        ).execute()
    return record


def _apply_comment(user: User, device_id: str, change: dict) -> Record:
    data = change["data"]
    record = _find_own("comment", user, change["id"])
    if record is not None:
        return record  # append-only: the first version stays
    target = Record.get_or_none(
        (Record.kind == data["target_kind"])
        & (Record.scope == "")
        & (Record.record_id == data["target_id"])
    )
    if target is None or target.visibility != GROUP or not rec.can_see(user, target):
        raise Rejected(COMMENT_TARGET)
    if json.loads(target.data).get("deleted"):
        raise Rejected(NOT_FOUND)
    record = rec.new_record("comment", user, change["id"])
    record.target = rec.target_key(target.kind, target.record_id)
    return rec.save(record, data, visibility=GROUP, group_id=target.group_id)


def _apply_evidence(user: User, device_id: str, change: dict) -> Record:
    """Evidence: its author's latest version wins; a tombstone keeps no words."""
    data = dict(change["data"])
    if data.get("deleted") is True:
        data.update(statement="", source_title="")
    visibility, group_id = _check_group(user, data)
    record = _find_own("evidence", user, change["id"])
    if record is not None and json.loads(record.data) == data:
        return record
    record = rec.save(
        record or rec.new_record("evidence", user, change["id"]),
        data,
        visibility=visibility,
        group_id=group_id,
    )
    rec.rescope_comments(record)
    return record


def _apply_endorsement(user: User, device_id: str, change: dict) -> Record:
    """A peer's endorsement: append-only, in the group of the evidence, never one's own."""
    data = change["data"]
    record = _find_own("endorsement", user, change["id"])
    if record is not None:
        return record  # append-only
    target = rec.find("evidence", user, data["evidence_id"])
    if target is None or target.visibility != GROUP or not rec.can_see(user, target):
        raise Rejected(ENDORSE_TARGET)
    if target.owner_id == user.id:
        raise Rejected(OWN_EVIDENCE)
    if json.loads(target.data).get("deleted"):
        raise Rejected(NOT_FOUND)
    record = rec.new_record("endorsement", user, change["id"])
    record.target = rec.target_key(target.kind, target.record_id)
    return rec.save(record, data, visibility=GROUP, group_id=target.group_id)


def _apply_validation(user: User, device_id: str, change: dict) -> Record:
    """A facilitator validates (or withdraws) a member's competency; the group sees it."""
    data = change["data"]
    record = _find_own("validation", user, change["id"])
    group_id = data["group_id"]
    if not rec.is_member(user, group_id):
        raise Rejected(NOT_MEMBER)
    if not rec.is_facilitator(user, group_id):
        raise Rejected(NOT_FACILITATOR)
    if data["learner_id"] == user.id or not rec.is_member(User(id=data["learner_id"]), group_id):
        raise Rejected(NOT_LEARNER)
    if record is not None and json.loads(record.data) == data:
        return record
    return rec.save(
        record or rec.new_record("validation", user, change["id"]),
        data,
        visibility=GROUP,
        group_id=group_id,
    )


def _apply_statement(user: User, device_id: str, change: dict) -> Record:
    """An xAPI statement: kept once, made pseudonymous, queued for the LRS."""
    if not user.research_consent:
        raise Rejected(NO_CONSENT)
    record = rec.find("statement", user, change["id"])
    if record is not None:
        return record  # append-only: the first version stays
    data = statements.normalise(change["id"], change["data"], user.id)
    record = rec.save(rec.new_record("statement", user, change["id"]), data)
    StatementForward.create(record=record.id)
    return record


HANDLERS: dict[str, Callable[[User, str, dict], Record]] = {
    "progress": _own(merge.merge_progress),
    "time": _own(merge.merge_time),
    "bookmark": _own(merge.merge_bookmark),
    "quiz": _own(merge.keep_first),
    "answer": _own(merge.keep_first),
    "statement": _apply_statement,
    "entry": _apply_entry,
    "note": _apply_note,
    "comment": _apply_comment,
    "evidence": _apply_evidence,
    "endorsement": _apply_endorsement,
    "validation": _apply_validation,
    "season": facilitation.apply_season,
    "announcement": facilitation.apply_announcement,
    "progress_share": facilitation.apply_progress_share,
}
