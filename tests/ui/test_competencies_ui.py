"""The competencies view against a real server: a learner links evidence and shares it, a peer
endorses it, the facilitator validates it, the view shows all three; the learner gets an
attestation that verifies, prints it, and the view tells a modified copy from a genuine one.
A facilitator revokes an attestation from the window, and the learner's device shows it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from team_desktop.core.competencies import evidence, overview
from team_desktop.core.content.archive import build_archive
from team_desktop.core.credentials import attestations
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.store.competency_models import Attestation
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state
from team_desktop.ui.actions import Act
from team_desktop.ui.competencies_controller import write_attestation_pdf
from team_desktop.ui.competency_panes import ROLE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import FIXTURES, PASSWORD, Client, unique  # noqa: E402

COPREP = "test-mini/co-preparer"


@pytest.fixture
def server(server_factory, tmp_path):
    server = server_factory("sqlite")
    shutil.copytree(FIXTURES / "mini-pack", tmp_path / "mini")
    build_archive(tmp_path / "mini", tmp_path / "mini.teampack")
    assert server.admin("publish-pack", str(tmp_path / "mini.teampack")).returncode == 0
    return server


def _sync(window, qtbot) -> None:
    with qtbot.waitSignal(window.sharing.service.synced, timeout=20000):
        window.actions_[Act.SYNC_NOW].trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)


def _select(view, uid: str) -> None:
    for top in range(view.mine.tree.topLevelItemCount()):
        module = view.mine.tree.topLevelItem(top)
        for child in range(module.childCount()):
            if module.child(child).data(0, ROLE) == uid:
                view.mine.tree.setCurrentItem(module.child(child))


def test_evidence_endorsed_validated_then_attested(window, qtbot, server, store, tmp_path):
    account.log_in(server.url, unique("ben"), PASSWORD, "portable", "Ben", create=True)
    ben_id = sync_state.load().user_id
    with store.bound():
        awa = Client(tmp_path / "awa", server.url).sign_up(unique("awa"), "Awa")
        chloe = Client(tmp_path / "chloe", server.url).sign_up(unique("chloe"), "Chloé")
        with awa:
            group = account.create_group(awa.connection, "Binômes du jeudi")
        with chloe:
            account.join_group(chloe.connection, group.invite_code)
    account.join_group(account.connect(), group.invite_code)
    entry = create_entry(store.paths.packs, title="Séance à deux")
    save_entry(entry.id, body="Rôles écrits phase par phase.")

    window.actions_[Act.COMPETENCIES].trigger()
    view = window.competencies.view
    assert window.stack.currentWidget() is view
    _select(view, COPREP)
    assert view.mine.competency_uid() == COPREP and not view.mine.attest_button.isEnabled()
    assert window.competencies.link(COPREP, "entry", entry.id, "Nous avons réparti les rôles.")
    assert view.mine.evidence.count() == 1 and "privée" in view.mine.details.toPlainText()
    evidence.share(view.mine.evidence.currentItem().data(ROLE), group.id)
    view.reload()
    assert "partagée avec Binômes du jeudi" in view.mine.details.toPlainText()
    _sync(window, qtbot)

    with store.bound():
        chloe.sync()
        with chloe:
            [proof] = overview.peers_evidence()
            evidence.endorse(proof.id, "J'ai observé la séance : chacun savait quand intervenir.")
        chloe.sync()
        awa.sync()
        with awa:
            evidence.validate(COPREP, ben_id, group.id, comment="Vu en séance.")
        awa.sync()
    _sync(window, qtbot)
    qtbot.waitUntil(lambda: "Validée" in view.mine.details.toPlainText(), timeout=10000)
    shown = view.mine.details.toPlainText()
    assert "J'ai observé la séance" in shown and "Chloé" in shown and "Awa" in shown
    assert view.mine.attest_button.isEnabled()

    window.competencies.request_attestation(COPREP, with_evidence=True)
    qtbot.waitUntil(lambda: view.attestations.list.count() == 1, timeout=15000)
    assert view.tabs.currentIndex() == 2
    assert "signature vérifiée" in view.attestations.list.item(0).text()
    assert "Nous avons réparti les rôles." in view.attestations.details.toPlainText()
    row = Attestation.get()
    pages = write_attestation_pdf(row, tmp_path / "attestation.pdf")
    text = PdfReader(tmp_path / "attestation.pdf").pages[0].extract_text()
    assert pages == 1 and "Ben" in text and "Co-préparer" in text
    # A copy changed behind the app's back no longer verifies, and the view says so.
    header, payload, signature = row.token.split(".")
    Attestation.update(token=f"{header}.{payload[:-4]}AAAA.{signature}").execute()
    view.reload()
    assert "ne se vérifie pas" in view.attestations.list.item(0).text()
    awa.close()
    chloe.close()
    # No sync left to start after the window is gone.
    window.sharing.service._debounce.stop()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)


def test_a_facilitator_revokes_from_the_window_and_the_learner_sees_it(
    window, qtbot, server, store, tmp_path
):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    group = account.create_group(account.connect(), "Binômes du vendredi")
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Ben")
        with ben:
            account.join_group(ben.connection, group.invite_code)
            ben_id = sync_state.load().user_id
    evidence.validate(COPREP, ben_id, group.id)
    _sync(window, qtbot)
    window.actions_[Act.COMPETENCIES].trigger()
    view = window.competencies.view
    view.tabs.setCurrentIndex(2)
    assert view.attestations.group_button.isVisible()
    with store.bound():
        ben.sync()
        with ben:
            attestations.request(ben.connection, "competency", COPREP)
    dialog = window.competencies.show_group_attestations()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=15000)
    assert "Ben" in dialog.list.item(0).text() and dialog.revoke_button.isEnabled()
    dialog.list.setCurrentRow(0)
    dialog.revoke(dialog.list.item(0).data(ROLE)["id"])
    qtbot.waitUntil(lambda: "révoquée" in dialog.list.item(0).text(), timeout=15000)
    assert not dialog.revoke_button.isEnabled()
    dialog.close()
    with store.bound():
        with ben:
            assert attestations.refresh(ben.connection) == 1
            [(row, verified)] = attestations.listing()
            assert row.revoked and verified is not None
        ben.close()
    window.sharing.service._debounce.stop()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
