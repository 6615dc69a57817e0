"""A group: shared entries and comments reach members, notes merge, outsiders see nothing."""

from __future__ import annotations

import re

from clients import PASSWORD, unique, write_entry

from team_desktop.core import feed, feed_page, outbox
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.store.portfolio_models import JournalEntry, Note
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account


def _group_of_two(make_client):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    with awa:
        group = account.create_group(awa.connection, "Lycée Jean Jaurès")
        code = group.invite_code
        group_id = group.id
    assert len(code) == 8
    with ben:
        joined = account.join_group(ben.connection, code)
        assert joined.id == group_id
        assert GroupRecord.get_by_id(group_id).role == "member"
    return awa, ben, group_id


def test_shared_entry_and_comments_reach_the_group(make_client):
    awa, ben, group_id = _group_of_two(make_client)
    with awa:
        shared = write_entry(
            awa, "Notre atelier", "Deux adultes, **une** séance.", "group", group_id
        )
        write_entry(awa, "Mes doutes", "privé", "private")
    awa.sync()
    ben.sync()
    with ben:
        items = feed.items()
        assert [(i.title, i.author) for i in items] == [("Notre atelier", "Awa")]
        assert JournalEntry.select().where(JournalEntry.title == "Mes doutes").count() == 0
        assert "<strong>une</strong>" in feed_page.feed_html(items)
        feed.add_comment("entry", shared, "Très transposable chez nous !")
    ben.sync()
    awa.sync()
    with awa:
        [item] = feed.items()
        assert [(c.author, c.body) for c in item.comments] == [
            ("Ben", "Très transposable chez nous !")
        ]
        assert outbox.count() == 0


def test_group_note_edited_offline_on_both_sides_keeps_every_edit(make_client):
    awa, ben, group_id = _group_of_two(make_client)
    with awa:
        note_id = notes.create(
            "Séance commune",
            "## Objectifs\n",
            group_id=group_id,
            visibility="group",
            activity_uid="test-mini/co-preparer",
        )
    awa.sync()
    ben.sync()
    with ben:
        assert Note.get_by_id(note_id).text_cache == "## Objectifs\n"
        # The co-author's copy knows which course activity the note prepares.
        assert Note.get_by_id(note_id).activity_uid == "test-mini/co-preparer"
    # Both edit offline: Awa appends, Ben inserts at the start, with accents and an emoji.
    with awa:
        doc = notes.load(note_id)
        doc.apply_local_edit(len("## Objectifs\n"), 0, "Faire coopérer 🙂\n", local_author())
        notes.save(note_id, doc)
    with ben:
        doc = notes.load(note_id)
        doc.apply_local_edit(0, 0, "Public : CAP cuisine\n", local_author())
        notes.save(note_id, doc)
    awa.sync()
    ben.sync()
    awa.sync()
    texts = []
    for client in (awa, ben):
        with client:
            texts.append(notes.load(note_id).text)
            assert outbox.count() == 0
    assert texts[0] == texts[1]
    assert texts[0] == "Public : CAP cuisine\n## Objectifs\nFaire coopérer 🙂\n"
    with awa:
        names = set(notes.load(note_id).author_names().values())
    assert names == {"Awa", "Ben"}


def test_outsider_pulls_nothing_and_cannot_comment(make_client):
    awa, ben, group_id = _group_of_two(make_client)
    eve = make_client("eve").sign_up(unique("eve"), "Ève")
    with awa:
        shared = write_entry(awa, "Pour le groupe", "réservé", "group", group_id)
        notes.create("Note du groupe", "texte", group_id=group_id, visibility="group")
    awa.sync()
    eve.sync()
    with eve:
        assert feed.items() == []
        assert JournalEntry.select().count() == 0 and Note.select().count() == 0
        comment_id = feed.add_comment("entry", shared, "je ne devrais pas pouvoir")
    report = eve.sync()
    assert list(report.rejected) == [f"comment/{comment_id}"]
    with eve:
        [waiting] = outbox.pending()
        assert waiting.kind == "comment" and waiting.last_error  # kept, with the server's reason
    awa.sync()
    with awa:
        [item] = [i for i in feed.items() if i.id == shared]
        assert item.comments == []


def test_withdrawn_entry_and_left_group_disappear_from_the_member(make_client):
    from team_desktop.core.portfolio.entries import save_entry

    awa, ben, group_id = _group_of_two(make_client)
    with awa:
        first = write_entry(awa, "Partagée puis reprise", "un temps visible", "group", group_id)
        write_entry(awa, "Toujours partagée", "reste au groupe", "group", group_id)
    awa.sync()
    ben.sync()
    with ben:
        feed.add_comment("entry", first, "Merci !")
    ben.sync()
    with awa:
        save_entry(first, visibility="private")
    awa.sync()
    ben.sync()
    with ben:
        assert [i.title for i in feed.items()] == ["Toujours partagée"]
        assert JournalEntry.get_or_none(JournalEntry.id == first) is None
    with ben:
        ben.connection.leave_group(group_id)
    ben.sync()
    with ben:
        assert feed.items() == []
        assert GroupRecord.select().count() == 0
    with awa:  # the owner keeps everything
        assert sorted(e.title for e in JournalEntry.select()) == [
            "Partagée puis reprise",
            "Toujours partagée",
        ]


def test_a_facilitator_made_on_the_server_finds_the_invite_code_in_the_app(
    make_client, live_server
):
    username = unique("animatrice")
    made = live_server.admin(
        "create-user",
        username,
        "--display-name",
        "Awa Diallo",
        "--group",
        "CFA du Cher",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert made.returncode == 0, made.stderr
    code = re.search(r"Code d'invitation : (\w+)", made.stdout).group(1)
    # Her first device never created the group, yet Mes groupes shows the code to hand out.
    awa = make_client("awa").log_in(username)
    with awa:
        assert [(g.name, g.role, g.invite_code) for g in GroupRecord.select()] == [
            ("CFA du Cher", "facilitator", code)
        ]
