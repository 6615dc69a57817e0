"""The issue's scenario, on real devices and a real server: evidence, a peer's endorsement, a
facilitator's validation, then an attestation that verifies offline, a modified copy that does
not, and a revocation the learner sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clients import FIXTURES, unique, write_entry

from team_desktop.core.competencies import evidence, overview
from team_desktop.core.content.archive import build_archive
from team_desktop.core.credentials import attestations, printable
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.errors import ServerRefused

COPREP = "test-mini/co-preparer"


def _publish(live_server, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini-pack", folder)
    build_archive(folder, tmp_path / "mini.teampack")
    assert live_server.admin("publish-pack", str(tmp_path / "mini.teampack")).returncode == 0


def test_linked_endorsed_validated_attested_verified_and_revoked(
    make_client, live_server, tmp_path
):
    _publish(live_server, tmp_path)
    awa = make_client("awa").sign_up(unique("awa"), "Awa")  # facilitator
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    chloe = make_client("chloe").sign_up(unique("chloe"), "Chloé")
    with awa:
        group = account.create_group(awa.connection, "Binômes du jeudi")
    for peer in (ben, chloe):
        with peer:
            account.join_group(peer.connection, group.invite_code)
    with ben:
        entry = write_entry(ben, "Séance à deux", "Rôles écrits phase par phase.")
        proof = evidence.link(COPREP, "entry", entry, "Nous avons réparti les rôles.")
        evidence.share(proof, group.id)
        ben_id = sync_state.load().user_id
    ben.sync()
    chloe.sync()
    with chloe:
        evidence.endorse(proof, "J'ai observé la séance : chacun savait quand intervenir.")
    chloe.sync()
    awa.sync()
    with awa:
        evidence.validate(COPREP, ben_id, group.id, comment="Vu en séance.")
    awa.sync()
    ben.sync()
    with ben:
        [item] = [i for i in overview.overview() if i.competency.uid == COPREP]
        assert item.validated and item.validation.by == "Awa"
        assert [e.author for e in item.evidence[0].endorsements] == ["Chloé"]
        row = attestations.request(ben.connection, "competency", COPREP, [proof])
        verified = attestations.verify(row.token, row.issuer_keys)
        assert verified.holder == "Ben" and verified.name.startswith("Co-préparer")
        assert verified.evidence == [("Séance à deux", "Nous avons réparti les rôles.")]
        # Offline: the file verifies against the keys kept here; a modified copy does not.
        exported = printable.write_file(row, tmp_path / "attestation.jwt")
        assert printable.read_file(exported, printable.known_keys()).id == verified.id
        header, payload, signature = row.token.split(".")
        tampered = tmp_path / "modifiee.jwt"
        tampered.write_text(f"{header}.{payload[:-4]}AAAA.{signature}")
        with pytest.raises(attestations.AttestationError, match="signature"):
            printable.read_file(tampered, printable.known_keys())
        html = printable.attestation_html(verified, False, printable.issued_on(row))
        assert "Ben" in html and "Co-préparer" in html and "jwks.json" in html
        # A module not finished yet: the server says why, nothing is kept.
        with pytest.raises(ServerRefused, match="leçon"):
            attestations.request(ben.connection, "module", "test-mini")
    with awa:
        [listed] = awa.connection.json("GET", f"/groups/{group.id}/attestations")
        awa.connection.json("POST", f"/groups/{group.id}/attestations/{listed['id']}/revoke")
    with ben:
        assert attestations.refresh(ben.connection) == 1
        [(kept, still)] = attestations.listing()
        assert kept.revoked and still is not None  # revoked, yet still a genuine signature
