"""Two server processes on one PostgreSQL: clients syncing through either see the same world."""

from __future__ import annotations

from clients import Client, unique, write_entry

from team_desktop.core import feed
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.sync import account


def test_clients_through_two_servers_share_one_database(tmp_path, server_factory, postgres_url):
    first = server_factory("postgresql", database_url=postgres_url)
    second = server_factory("postgresql", database_url=postgres_url)
    awa = Client(tmp_path / "awa", first.url).sign_up(unique("awa"), "Awa")
    ben = Client(tmp_path / "ben", second.url).sign_up(unique("ben"), "Ben")
    try:
        with awa:
            group = account.create_group(awa.connection, "Équipe du CFA")
        with ben:
            account.join_group(ben.connection, group.invite_code)
        with awa:
            write_entry(awa, "Partagé via le serveur 1", "bonjour", "group", group.id)
            note_id = notes.create("Plan", "début\n", group_id=group.id, visibility="group")
        awa.sync()
        ben.sync()
        with ben:
            assert [i.title for i in feed.items() if i.kind == "entry"] == [
                "Partagé via le serveur 1"
            ]
            doc = notes.load(note_id)
            doc.apply_local_edit(len("début\n"), 0, "suite écrite par Ben\n", local_author())
            notes.save(note_id, doc)
        ben.sync()
        awa.sync()
        with awa:
            assert notes.load(note_id).text == "début\nsuite écrite par Ben\n"
    finally:
        awa.close()
        ben.close()
