"""The strict schema of each pushed kind: what an honest device sends fits, nothing else does."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import records
from team_server.schemas import MAX_TEXT, Refused, parse_change

ID = "0123456789abcdef0123456789abcdef"
HASH = "ab" * 32
T = "2026-11-29T08:15:00Z"


def change(kind: str, data: dict, record_id: str = ID, **fields) -> dict:
    return {"change_id": "device:1", "kind": kind, "id": record_id, "data": data, **fields}


def refusal(kind: str, data: dict, record_id: str = ID) -> Refused:
    parsed = parse_change(change(kind, data, record_id))
    assert isinstance(parsed, Refused), parsed
    return parsed


def test_the_desktops_entries_fit_as_they_are_sent():
    """What team_desktop/core/sync/records.py pushes today, group entry with a file included."""
    row = JournalEntry(
        id=ID,
        title="Séance du lundi",
        body="Ce qui a marché.",
        tags_json='["cycle 3"]',
        attachments_json=json.dumps(
            [{"hash": HASH, "name": "plan.pdf", "size": 12, "mime": "application/pdf"}]
        ),
        template_id=None,
        lesson_uid="team-s1/recherche",
        activity_uid=None,
        entry_date=dt.date(2026, 11, 29),
        visibility="group",
        group_id=ID,
        trashed_at=dt.datetime(2026, 11, 30, 9, 0),
        deleted=False,
        conflict_of=None,
        created_at=dt.datetime(2026, 11, 29, 8, 15),
        updated_at=dt.datetime(2026, 11, 29, 8, 20),
    )
    data = records.entry_data(row)
    assert parse_change(change("entry", data, base_rev=3)) == change("entry", data, base_rev=3)


@pytest.mark.parametrize(
    ("kind", "data", "record_id"),
    [
        ("progress", {"completed": True, "changed_at": T}, "team-s1/recherche"),
        ("bookmark", {"bookmarked": False, "changed_at": T}, "team-s1/recherche"),
        ("time", {"seconds": 120}, f"team-s1/recherche|{ID}"),
        (
            "quiz",
            {
                "activity_uid": "a",
                "answers": {"0": [1]},
                "score": 1,
                "max_score": 2,
                "answered_at": T,
            },
            ID,
        ),
        ("answer", {"activity_uid": "a", "answers": {"q": 3, "r": "Oui"}, "answered_at": T}, ID),
        ("comment", {"target_kind": "note", "target_id": ID, "body": "Oui", "created_at": T}, ID),
        (
            "note",
            {
                "update": "AAA=",
                "state": "AA==",
                "visibility": "private",
                "group_id": None,
                "activity_uid": None,
                "trashed_at": None,
                "deleted": False,
            },
            ID,
        ),
    ],
)
def test_every_kind_fits_as_the_desktop_sends_it(kind: str, data: dict, record_id: str):
    assert not isinstance(parse_change(change(kind, data, record_id)), Refused)


@pytest.mark.parametrize(
    ("kind", "data", "field", "words"),
    [
        # Regression: the string "false" was taken as a deletion, emptying the entry everywhere.
        ("entry", {"deleted": "false"}, "data.deleted", "true ou false"),
        # Regression: fields the server did not check broke every peer's pull for good.
        ("entry", {"entry_date": "lundi"}, "data.entry_date", "date"),
        ("entry", {"created_at": 12}, "data.created_at", "texte"),
        ("entry", {"updated_at": "hier"}, "data.updated_at", "ISO 8601"),
        ("entry", {"conflict_of": "../../x"}, "data.conflict_of", "format"),
        ("entry", {"tags": [1]}, "data.tags.0", "texte"),
        ("entry", {"attachments": [{"hash": "abc", "name": "x", "size": 1}]}, None, "format"),
        (
            "entry",
            {"attachments": [{"hash": HASH, "name": "x", "size": 1, "path": "/"}]},
            None,
            "non prévu",
        ),
        ("entry", {"visibility": "device"}, "data.visibility", "réservé à cet appareil"),
        ("entry", {"visibility": "group"}, "data", "group_id"),
        ("entry", {"body": "x" * (MAX_TEXT + 1)}, "data.body", "trop long"),
        ("entry", {"surprise": 1}, "data.surprise", "non prévu"),
        ("note", {"trashed_at": "demain"}, "data.trashed_at", "ISO 8601"),
        ("note", {"deleted": 0}, "data.deleted", "true ou false"),
        ("note", {"update": "pas du base64 !"}, "data.update", "base64"),
        (
            "comment",
            {"target_kind": "quiz", "target_id": ID, "body": "x", "created_at": T},
            None,
            "valeur",
        ),
        (
            "comment",
            {"target_kind": "entry", "target_id": ID, "body": "  ", "created_at": T},
            None,
            "vide",
        ),
        ("progress", {"completed": "yes", "changed_at": T}, "data.completed", "true ou false"),
        ("time", {"seconds": -1}, "data.seconds", "petit"),
        ("time", {"seconds": True}, "data.seconds", "entier"),
        (
            "quiz",
            {"activity_uid": "a", "answers": {}, "score": "1", "max_score": 2, "answered_at": T},
            "data.score",
            "nombre",
        ),
    ],
)
def test_what_does_not_fit_is_refused_with_its_reason(kind, data, field, words):
    refused = refusal(kind, data, f"lesson|{ID}" if kind == "time" else ID)
    assert refused.change_id == "device:1"
    assert words in refused.error, refused.error
    if field:
        assert refused.field == field


def test_a_change_without_shape_is_refused_not_raised():
    assert parse_change([1]).change_id is None
    assert "inconnu" in parse_change(change("mystère", {})).error
    assert "kind" in parse_change({"change_id": "c", "id": ID, "data": {}}).error
    assert "« id »" in refusal("entry", {}, record_id="pas-un-uuid").error
