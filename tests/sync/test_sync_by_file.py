"""Sync by file: a device that never touches the network syncs through `.teamsync` files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from clients import deliver_by_admin as deliver
from clients import group_of_two, unique, write_entry

from team_desktop.core import feed, outbox
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import by_file, engine
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.bundle_file import BODY, SIGNATURE, BundleError


def _offline_group(make_client):
    """Awa and Ben in one group; from then on Awa has no connection at all."""
    awa, ben, group_id = group_of_two(make_client)
    awa.connection = None
    return awa, ben, group_id


def _round_trip(awa, live_server, tmp_path: Path, name: str):
    request, answer = tmp_path / f"{name}.teamsync", tmp_path / f"{name}-reponse.teamsync"
    with awa:
        by_file.write_request(awa.store, request)
    done = deliver(live_server, request, answer)
    assert done.returncode == 0, done.stderr
    with awa:
        return by_file.import_answer(awa.store, answer)


def _rewrite(path: Path, edit) -> None:
    """Change the body as someone with the file but not the key would: checksum made to match."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    body = json.loads(members[BODY])
    edit(body)
    members[BODY] = json.dumps(body).encode()
    signature = json.loads(members[SIGNATURE])
    signature["sha256"] = hashlib.sha256(members[BODY]).hexdigest()
    members[SIGNATURE] = json.dumps(signature).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_offline_device_shares_and_reads_comments_through_files(make_client, live_server, tmp_path):
    awa, ben, group_id = _offline_group(make_client)
    with ben:
        write_entry(ben, "L'atelier de Ben", "Des rôles tournants.", "group", group_id)
    ben.sync()
    with awa:
        shared = write_entry(
            awa, "Séance d'Awa", "Un débriefing en **trois** temps.", "group", group_id
        )
        write_entry(awa, "Mes doutes", "privé", "private")
    request = tmp_path / "awa-1.teamsync"
    with awa:
        summary = by_file.write_request(awa.store, request)
    assert "Modifications à envoyer : 2." in summary and "entrées du journal : 2" in summary
    with zipfile.ZipFile(request) as archive:
        assert archive.read("LISEZMOI.txt").decode() == summary  # readable by whoever finds it
    answer = tmp_path / "awa-1-reponse.teamsync"
    done = deliver(live_server, request, answer)
    assert done.returncode == 0, done.stderr
    assert "Modifications reçues de l'appareil : 2, dont 0 refusée(s)." in done.stdout
    with awa:
        assert outbox.count() == 2  # nothing is acknowledged until the answer comes back
        report = by_file.import_answer(awa.store, answer)
        assert report.pushed == 2 and outbox.count() == 0
        assert [item.title for item in feed.items()] == ["Séance d'Awa", "L'atelier de Ben"]
    ben.sync()
    with ben:
        titles = [item.title for item in feed.items()]
        assert "Séance d'Awa" in titles and "Mes doutes" not in titles
        feed.add_comment("entry", shared, "On essaie lundi !")
    ben.sync()
    _round_trip(awa, live_server, tmp_path, "awa-2")
    with awa:
        [mine] = [item for item in feed.items() if item.id == shared]
        assert [(c.author, c.body) for c in mine.comments] == [("Ben", "On essaie lundi !")]
        state = sync_state.load()
        assert state.cursor > 0 and state.server_id
        assert not state.last_error


def test_delivered_twice_or_out_of_order_is_refused(make_client, live_server, tmp_path):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    first, second = tmp_path / "1.teamsync", tmp_path / "2.teamsync"
    with awa:
        write_entry(awa, "Première", "un")
        by_file.write_request(awa.store, first)
        write_entry(awa, "Deuxième", "deux")
        by_file.write_request(awa.store, second)
    assert deliver(live_server, second, tmp_path / "r2.teamsync").returncode == 0
    again = deliver(live_server, second, tmp_path / "r2-bis.teamsync")
    assert again.returncode == 1 and "déjà été transmis" in again.stderr
    late = deliver(live_server, first, tmp_path / "r1.teamsync")
    assert late.returncode == 1 and "plus récent de cet appareil" in late.stderr
    assert not (tmp_path / "r2-bis.teamsync").exists() and not (tmp_path / "r1.teamsync").exists()


def test_wrong_server_damaged_and_tampered_requests_change_nothing(
    make_client, live_server, tmp_path
):
    awa, ben, group_id = _offline_group(make_client)
    request = tmp_path / "awa.teamsync"
    with awa:
        write_entry(awa, "Séance d'Awa", "texte", "group", group_id)
        by_file.write_request(awa.store, request)
    other = subprocess.run(
        [sys.executable, "-m", "team_server", "deliver-bundle", str(request), "--out",
         str(tmp_path / "x.teamsync"), "--data-dir", str(tmp_path / "autre-serveur")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert other.returncode == 1 and "autre serveur TEAM" in other.stderr
    damaged = tmp_path / "abime.teamsync"
    damaged.write_bytes(request.read_bytes()[: request.stat().st_size // 2])
    cut = deliver(live_server, damaged, tmp_path / "x.teamsync")
    assert cut.returncode == 1 and "endommagé" in cut.stderr
    forged = tmp_path / "falsifie.teamsync"
    forged.write_bytes(request.read_bytes())
    _rewrite(forged, lambda body: body["sync"]["changes"][0]["data"].update(title="Faux"))
    changed = deliver(live_server, forged, tmp_path / "x.teamsync")
    assert changed.returncode == 1 and "modifié depuis" in changed.stderr
    as_ben = tmp_path / "pour-ben.teamsync"
    as_ben.write_bytes(request.read_bytes())
    with ben:
        ben_id = sync_state.load().user_id
    _rewrite(as_ben, lambda body: body.update(user_id=ben_id))
    impostor = deliver(live_server, as_ben, tmp_path / "x.teamsync")
    assert impostor.returncode == 1 and "modifié depuis" in impostor.stderr
    assert not (tmp_path / "x.teamsync").exists()
    ben.sync()
    with ben:
        assert JournalEntry.select().count() == 0  # none of those files reached the server
    # The genuine file still goes through afterwards: the refusals consumed nothing.
    assert deliver(live_server, request, tmp_path / "ok.teamsync").returncode == 0
    ben.sync()
    with ben:
        assert [e.title for e in JournalEntry.select()] == ["Séance d'Awa"]


def test_answer_refused_for_another_learner_damaged_tampered_or_twice(
    make_client, live_server, tmp_path
):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    for client, name in ((awa, "awa"), (ben, "ben")):
        with client:
            write_entry(client, f"Entrée de {name}", "texte")
            by_file.write_request(client.store, tmp_path / f"{name}.teamsync")
        answer = tmp_path / f"{name}-reponse.teamsync"
        assert deliver(live_server, tmp_path / f"{name}.teamsync", answer).returncode == 0
    answer = tmp_path / "awa-reponse.teamsync"
    damaged = tmp_path / "abime.teamsync"
    damaged.write_bytes(answer.read_bytes()[:-40])
    forged = tmp_path / "falsifie.teamsync"
    forged.write_bytes(answer.read_bytes())
    _rewrite(forged, lambda body: body["pages"][0]["acks"].clear())
    with awa:
        before = sync_state.load()
        for path, words in (
            (tmp_path / "ben-reponse.teamsync", "autre compte"),
            (damaged, "endommagé"),
            (forged, "modifié depuis"),
        ):
            with pytest.raises(BundleError, match=words):
                by_file.import_answer(awa.store, path)
            assert sync_state.load() == before and outbox.count() == 1
        by_file.import_answer(awa.store, answer)
        assert outbox.count() == 0
        after = sync_state.load()
        with pytest.raises(BundleError, match="déjà été importée"):
            by_file.import_answer(awa.store, answer)
        assert sync_state.load() == after


def test_answer_to_an_older_request_is_applied_safely(make_client, live_server, tmp_path):
    awa, ben, group_id = _offline_group(make_client)
    with awa:
        entry_id = write_entry(awa, "Séance", "version 1", "group", group_id)
        by_file.write_request(awa.store, tmp_path / "1.teamsync")
    assert deliver(live_server, tmp_path / "1.teamsync", tmp_path / "r1.teamsync").returncode == 0
    with ben:
        write_entry(ben, "De Ben", "texte", "group", group_id)
    ben.sync()
    with awa:
        # A new entry, not an edit: an entry edited before the first answer came back would
        # meet its own first version on the server as a conflict (a copy, nothing lost).
        write_entry(awa, "Suite", "version 2", "group", group_id)
        by_file.write_request(awa.store, tmp_path / "2.teamsync")
    assert deliver(live_server, tmp_path / "2.teamsync", tmp_path / "r2.teamsync").returncode == 0
    with awa:
        by_file.import_answer(awa.store, tmp_path / "r2.teamsync")
        cursor = sync_state.load().cursor
        by_file.import_answer(awa.store, tmp_path / "r1.teamsync")  # arrives last, is older
        assert sync_state.load().cursor == cursor  # never moved back
        assert outbox.count() == 0
        titles = sorted(e.title for e in JournalEntry.select())
        assert titles == sorted(["De Ben", "Séance", "Suite"])  # nothing twice, nothing lost
        assert JournalEntry.get_by_id(entry_id).body == "version 1"
        assert {item.title for item in feed.items()} == {"De Ben", "Séance", "Suite"}


def test_an_answer_of_several_pages_ends_past_what_its_request_pushed(
    make_client, live_server, tmp_path, monkeypatch
):
    awa, ben, group_id = _offline_group(make_client)
    with ben:
        for number in range(3):
            write_entry(ben, f"Séance de Ben {number}", "Ce qui a marché.", "group", group_id)
    ben.sync()
    with awa:
        for number in range(3):
            write_entry(awa, f"Séance d'Awa {number}", "À revoir.", "group", group_id)
    monkeypatch.setattr(engine, "PULL_LIMIT", 1)  # one change a page: several pages
    request, answer = tmp_path / "1.teamsync", tmp_path / "1-reponse.teamsync"
    with awa:
        by_file.write_request(awa.store, request)
    assert deliver(live_server, request, answer).returncode == 0
    with zipfile.ZipFile(answer) as archive:
        pages = json.loads(archive.read(BODY))["pages"]
    assert len(pages) > 1 and not any(page.get("restored") for page in pages)
    sent = {change["data"]["title"] for page in pages for change in page["changes"]}
    assert sent >= {f"Séance de Ben {n}" for n in range(3)}
    with awa:
        by_file.import_answer(awa.store, answer)
        assert len({e.title for e in JournalEntry.select()}) == 6
    # The answer's cursor is past the entries this request pushed: the next file brings
    # nothing back.
    assert _round_trip(awa, live_server, tmp_path, "2").pulled == 0
