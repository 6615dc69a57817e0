"""Mutualisation shows a shared entry as its author meant it: pictures, files, answered
sections only, long text folded, names, readable comments; an empty comment is refused."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from team_desktop.core import feed
from team_desktop.core.portfolio import entries
from team_desktop.core.portfolio.attachments import add_attachment
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.ui.actions import Act
from team_desktop.ui.feed_view import IMAGE_WIDTH, CommentDialog
from tests.core.export_kit import png_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique  # noqa: E402

LONG = "\n\n".join(f"Paragraphe {n} : " + "des mots pour remplir la page. " * 8 for n in range(12))


def test_feed_with_an_attachment_sections_folding_and_names(
    window, qtbot, server, store, tmp_path, opened_files
):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa Diallo", create=True)
    picture, leaflet = tmp_path / "tableau.png", tmp_path / "deroule.pdf"
    picture.write_bytes(png_bytes(1200, 300))
    leaflet.write_bytes(b"%PDF-1.4\n% une fiche\n")
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Benoît Martin")
        with ben:
            group = account.create_group(ben.connection, "CFA du Cher")
            gibbs = entries.create_entry(ben.store.paths.packs, "gibbs", title="Atelier d'écriture")
            body = gibbs.body.replace(
                "## Description\nQue s’est-il passé ? Où, quand, avec qui, qu’avez-vous fait ?\n",
                "## Description\nQue s’est-il passé ? Où, quand, avec qui, qu’avez-vous fait ?\n"
                "Mardi, atelier à deux avec Claire.\n",
            )
            assert body != gibbs.body
            entries.save_entry(gibbs.id, body=body, visibility="group", group_id=group.id)
            add_attachment(ben.store.paths, gibbs.id, picture)
            add_attachment(ben.store.paths, gibbs.id, leaflet)
            long_one = entries.create_entry(ben.store.paths.packs, title="Bilan du module")
            entries.save_entry(long_one.id, body=LONG, visibility="group", group_id=group.id)
        ben.sync()
    account.join_group(account.connect(), group.invite_code)
    with qtbot.waitSignal(window.sharing.service.synced, timeout=20000):
        window.actions_[Act.SYNC_NOW].trigger()

    window.actions_[Act.FEED].trigger()
    view = window.sharing.feed
    text = view.toPlainText()
    assert "Benoît Martin ·" in text and "vous ·" not in text
    assert "Mardi, atelier à deux avec Claire." in text
    assert "Description" in text and "Ressentis" not in text  # left as the template gave it
    image = view.document().resource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("attachment:" + hashlib.sha256(picture.read_bytes()).hexdigest()),
    )
    assert isinstance(image, QImage) and image.width() == IMAGE_WIDTH  # shown, scaled down
    assert "deroule.pdf" in text
    pdf_hash = hashlib.sha256(leaflet.read_bytes()).hexdigest()
    assert f"team:attachment/{gibbs.id}/{pdf_hash}" in view.toHtml()
    view.anchorClicked.emit(QUrl(f"team:attachment/entry/{gibbs.id}/{pdf_hash}"))
    [url] = opened_files
    assert Path(url.toLocalFile()).name == "deroule.pdf"
    assert Path(url.toLocalFile()).read_bytes() == leaflet.read_bytes()

    assert "Paragraphe 2" in text and "Paragraphe 11" not in text  # folded
    assert "Lire la suite" in text
    view.anchorClicked.emit(QUrl(f"team:expand/entry/{long_one.id}"))
    assert "Paragraphe 11" in view.toPlainText()

    own = entries.create_entry(store.paths.packs, title="Mon retour")
    entries.save_entry(own.id, body="Merci !", visibility="group", group_id=GroupRecord.get().id)
    assert [i.author for i in feed.items() if i.id == own.id] == ["Awa Diallo"]
    with store.bound():
        ben.close()


def test_an_empty_comment_is_refused_before_the_dialog_closes(window, qtbot):
    dialog = CommentDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("   \n ")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != CommentDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "Écrivez votre commentaire" in dialog.error.text()
    dialog.editor.setPlainText("Très utile, merci.")
    assert not dialog.error.isVisible()
    dialog.accept()
    assert dialog.result() == CommentDialog.DialogCode.Accepted
