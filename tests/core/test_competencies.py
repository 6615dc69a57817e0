"""Competencies on one device: the framework of installed packs, linking evidence, the rules."""

from __future__ import annotations

import pytest

from team_desktop.core import outbox
from team_desktop.core.competencies import evidence, overview
from team_desktop.core.notes import store as notes
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.store.competency_models import Evidence
from team_desktop.core.store.db import set_setting
from team_desktop.core.store.sync_models import GroupRecord, Person
from team_desktop.core.sync.records import apply_incoming, forget_left_groups

COPREP = "test-mini/co-preparer"


def _entry(store, title="Séance du mardi", visibility="private") -> str:
    entry = create_entry(store.paths.packs, title=title, visibility=visibility)
    save_entry(entry.id, body="Nous avons préparé à deux.", visibility=visibility)
    return entry.id


def test_framework_lists_the_installed_packs_competencies(course):
    items = overview.overview()
    assert [item.competency.uid for item in items] == ["test-mini/ecrire-sa-pratique", COPREP]
    assert items[1].competency.title.startswith("Co-préparer")
    assert items[1].lessons == ["Partager et chercher ensemble"]
    assert all(item.evidence == [] and item.validation is None for item in items)


def test_linked_evidence_is_private_and_queued(course):
    entry = _entry(course)
    note = notes.create("Plan de la séance", "")
    first = evidence.link(COPREP, "entry", entry, "  Les rôles sont écrits phase par phase. ")
    evidence.link(COPREP, "note", note, "Le plan à deux")
    [item] = [i for i in overview.overview() if i.competency.uid == COPREP]
    assert [e.statement for e in item.evidence] == [
        "Les rôles sont écrits phase par phase.",
        "Le plan à deux",
    ]
    assert item.evidence[0].source_title == "Séance du mardi" and item.evidence[0].group == ""
    assert {(row.kind, row.record_id) for row in outbox.pending()} >= {("evidence", first)}
    with pytest.raises(evidence.CompetencyError, match="une phrase"):
        evidence.link(COPREP, "entry", entry, "   ")
    device_only = _entry(course, "Brouillon", visibility="device")
    with pytest.raises(evidence.CompetencyError, match="appareil"):
        evidence.link(COPREP, "entry", device_only, "Rien")
    with pytest.raises(evidence.CompetencyError, match="propre preuve|partagée"):
        evidence.endorse(first, "Moi")


def test_shared_with_a_group_then_unlinked(course):
    GroupRecord.create(id="a" * 32, name="Les binômes", role="member")
    proof = evidence.link(COPREP, "entry", _entry(course), "Rôles répartis")
    evidence.share(proof, "a" * 32)
    assert overview.evidence_items()[0].group == "Les binômes"
    with pytest.raises(evidence.CompetencyError, match="propre preuve"):
        evidence.endorse(proof, "J'ai observé")
    with pytest.raises(evidence.CompetencyError, match="anime"):
        evidence.validate(COPREP, "b" * 32, "a" * 32)
    evidence.remove(proof)
    assert overview.evidence_items() == []
    assert Evidence.get_by_id(proof).statement == ""  # the tombstone keeps no words


def test_a_pulled_endorsement_of_ones_own_evidence_is_skipped(course):
    set_setting("sync.user_id", "c" * 32)
    Person.create(id="d" * 32, display_name="Dana")
    shared = {
        "kind": "evidence",
        "id": "e" * 32,
        "owner": "d" * 32,
        "owner_name": "Dana",
        "group_id": "a" * 32,
        "rev": 1,
        "data": {
            "competency_uid": COPREP,
            "source_kind": "entry",
            "source_id": "f" * 32,
            "statement": "Une séance à deux",
            "visibility": "group",
            "group_id": "a" * 32,
        },
    }
    assert apply_incoming(shared, "c" * 32) is None
    own = {
        "kind": "endorsement",
        "id": "1" * 32,
        "owner": "d" * 32,
        "data": {
            "evidence_id": "e" * 32,
            "body": "Bravo moi",
            "created_at": "2026-12-01T09:00:00Z",
        },
    }
    assert "auteur" in apply_incoming(own, "c" * 32)
    stray = {**shared, "id": "2" * 32, "data": {**shared["data"], "competency_uid": "Nope"}}
    assert "competency_uid" in apply_incoming(stray, "c" * 32)
    [peer] = overview.peers_evidence()
    assert peer.author == "Dana" and peer.endorsements == []


def test_leaving_a_group_drops_its_peers_evidence_not_ones_own(course):
    set_setting("sync.user_id", "c" * 32)
    GroupRecord.create(id="a" * 32, name="Les binômes", role="member")
    mine = evidence.link(COPREP, "entry", _entry(course), "La mienne")
    evidence.share(mine, "a" * 32)
    peer = {
        "kind": "evidence",
        "id": "e" * 32,
        "owner": "d" * 32,
        "group_id": "a" * 32,
        "data": {
            "competency_uid": COPREP,
            "source_kind": "note",
            "source_id": "f" * 32,
            "statement": "Celle d'un pair",
            "visibility": "group",
            "group_id": "a" * 32,
        },
    }
    assert apply_incoming(peer, "c" * 32) is None
    forget_left_groups([], "c" * 32)
    assert [row.id for row in Evidence.select()] == [mine]
