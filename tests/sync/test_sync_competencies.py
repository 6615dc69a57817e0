"""Evidence, endorsements and validations between real devices through a real server."""

from __future__ import annotations

import pytest
from clients import unique, write_entry

from team_desktop.core import outbox
from team_desktop.core.competencies import evidence
from team_desktop.core.store.competency_models import (
    CompetencyValidation,
    Endorsement,
    Evidence,
)
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state

COMPETENCY = "team-s2-co-intervention/co-preparer"


def test_evidence_is_endorsed_by_a_peer_and_validated_offline_first(make_client):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")  # facilitator
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    with awa:
        group = account.create_group(awa.connection, "Formateurs du Nord")
    with ben:
        account.join_group(ben.connection, group.invite_code)
        entry = write_entry(ben, "Atelier à deux", "Nous avons réparti les rôles.")
        proof = evidence.link(COMPETENCY, "entry", entry, "Les rôles étaient répartis.")
    ben.sync()
    awa.sync()
    with awa:
        assert Evidence.select().count() == 0  # private until shared
    with ben:
        evidence.share(proof, group.id)
        with pytest.raises(evidence.CompetencyError, match="propre preuve"):
            evidence.endorse(proof, "Moi-même")
    ben.sync()
    awa.sync()
    with awa:
        awa_id = sync_state.load().user_id
        [seen] = Evidence.select()
        assert (
            seen.statement == "Les rôles étaient répartis."
            and seen.source_title == "Atelier à deux"
        )
        evidence.endorse(proof, "J'ai observé la séance : chacun savait quand intervenir.")
        with pytest.raises(evidence.CompetencyError, match="anime"):
            evidence.validate(COMPETENCY, seen.author_id, "0" * 32)
        evidence.validate(COMPETENCY, seen.author_id, group.id, comment="Vu en séance.")
    awa.sync()
    with awa:
        assert outbox.count() == 0
    ben.sync()
    with ben:
        [endorsement] = Endorsement.select()
        assert endorsement.body.startswith("J'ai observé") and endorsement.evidence_id == proof
        [decision] = CompetencyValidation.select()
        assert decision.validated and decision.learner_id == Evidence.get_by_id(proof).author_id
        # Unlinked: the tombstone takes it out of the group, with its endorsements.
        evidence.remove(proof)
    ben.sync()
    awa.sync()
    with awa:
        assert Evidence.select().count() == 0
        # As a comment does, her endorsement stays hers alone (the server kept it private).
        assert {row.author_id for row in Endorsement.select()} <= {awa_id}
