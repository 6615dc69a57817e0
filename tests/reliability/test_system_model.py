"""Whole-system model test: clients against a real server, checked against a model.

Three learners on four devices (Awa has two; Awa and Ben share a group, Chloé is in another)
do random things, seeded: write, edit, bin, share and unshare journal entries; create notes
and type into them (their own or their group's); comment on what their group shares; mark
lessons done or not; sync; go offline and come back. A model records what each write should
do. After everyone syncs, every device must hold exactly what its learner may see: every
entry with its last text, visibility and bin state, every note with every word typed into it
and the same text on every device, the comments on what is shared (a comment whose target
was once made private stays with its author only, as the server decides), each lesson's last
state.
No write the server acknowledged may be missing (Jepsen's "set" check), and nothing crosses
groups.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from clients import Client, unique
from fuzz import replay_hint, rng, seeds

from team_desktop.core import feed, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author
from team_desktop.core.notes.positions import utf16_len
from team_desktop.core.portfolio.bin import trash_entry
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import JournalEntry, Note
from team_desktop.core.store.sync_models import Outbox, SharedComment
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError

STEPS = 120  # per case; CI runs 3 cases
LESSONS = ("test-mini/premiere", "test-mini/seconde")


@dataclass
class Device:
    name: str
    user: str
    client: Client
    online: bool = True


@dataclass
class Model:
    """What the writing should amount to once everyone has synced."""

    groups: dict[str, str] = field(default_factory=dict)  # user -> group id
    user_ids: dict[str, str] = field(default_factory=dict)
    entries: dict[str, dict] = field(default_factory=dict)
    notes: dict[str, dict] = field(default_factory=dict)
    comments: dict[str, dict] = field(default_factory=dict)
    progress: dict[tuple[str, str], bool] = field(default_factory=dict)

    def may_see(self, user: str, record: dict) -> bool:
        return record["owner"] == user or (
            record["visibility"] == "group" and record["group"] == self.groups[user]
        )


def _world(make_client) -> tuple[list[Device], Model]:
    model = Model()
    names = {"awa": unique("awa"), "ben": unique("ben"), "chloe": unique("chloe")}
    awa = make_client("awa-portable").sign_up(names["awa"], "Awa")
    devices = [
        Device("awa-portable", "awa", awa),
        Device("awa-tablette", "awa", make_client("awa-tablette").log_in(names["awa"])),
        Device("ben", "ben", make_client("ben").sign_up(names["ben"], "Ben")),
        Device("chloe", "chloe", make_client("chloe").sign_up(names["chloe"], "Chloé")),
    ]
    with awa:
        group = account.create_group(awa.connection, "Collège Jean Moulin")
    with devices[2].client:
        account.join_group(devices[2].client.connection, group.invite_code)
    with devices[3].client:
        other = account.create_group(devices[3].client.connection, "Lycée des Flandres")
    model.groups = {"awa": group.id, "ben": group.id, "chloe": other.id}
    for device in devices:
        with device.client:
            account.refresh_groups(device.client.connection)
            model.user_ids[device.user] = account.sync_state.load().user_id
    return devices, model


def _act(device: Device, model: Model, random_: random.Random, step: int) -> None:
    """One random action on `device`, recorded in the model."""
    user, client = device.user, device.client
    group = model.groups[user]
    mine = [i for i, e in model.entries.items() if e["device"] == device.name]
    roll = random_.random()
    with client:
        here_notes = {row.id for row in Note.select(Note.id).where(~Note.deleted)}
        here_entries = {row.id for row in JournalEntry.select(JournalEntry.id)}
        if roll < 0.18 or not mine:
            visibility = random_.choice(["private", "group"])
            entry = create_entry(client.store.paths.packs, title=f"E{step}", visibility=visibility)
            body = f"écrit à l'étape {step} 🙂"
            save_entry(entry.id, body=body, visibility=visibility,
                       group_id=group if visibility == "group" else None)  # fmt: skip
            model.entries[entry.id] = {"owner": user, "device": device.name, "body": body,
                                       "visibility": visibility, "trashed": False,
                                       "group": group if visibility == "group" else None}  # fmt: skip
        elif roll < 0.32:
            entry_id = random_.choice(mine)
            body = f"réécrit à l'étape {step}"
            save_entry(entry_id, body=body)
            model.entries[entry_id]["body"] = body
        elif roll < 0.38:
            entry_id = random_.choice(mine)
            trash_entry(entry_id)
            model.entries[entry_id]["trashed"] = True
        elif roll < 0.48:
            entry_id = random_.choice(mine)
            record = model.entries[entry_id]
            shared = record["visibility"] == "private"
            save_entry(entry_id, visibility="group" if shared else "private",
                       group_id=group if shared else None)  # fmt: skip
            record["visibility"] = "group" if shared else "private"
            record["group"] = group if shared else None
        elif roll < 0.55:
            visibility = random_.choice(["private", "group"])
            note_id = notes.create(f"N{step}", "", group_id=group if visibility == "group" else None,
                                   visibility=visibility)  # fmt: skip
            model.notes[note_id] = {"owner": user, "visibility": visibility, "words": set(),
                                    "group": group if visibility == "group" else None}  # fmt: skip
        elif roll < 0.72:
            candidates = sorted(
                i for i in here_notes if i in model.notes and model.may_see(user, model.notes[i])
            )
            if candidates:
                note_id = random_.choice(candidates)
                word = f"mot{step}{device.name[0]}é"
                doc = notes.load(note_id)
                doc.apply_local_edit(utf16_len(doc.text), 0, f" {word}",
                                     Author(model.user_ids[user], user))  # fmt: skip
                notes.save(note_id, doc)
                model.notes[note_id]["words"].add(word)
        elif roll < 0.80:
            targets = sorted(
                i for i in here_entries
                if i in model.entries and model.entries[i]["owner"] != user
                and model.entries[i]["visibility"] == "group" and not model.entries[i]["trashed"]
                and model.entries[i]["group"] == group
            )  # fmt: skip
            if targets:
                target = random_.choice(targets)
                comment_id = feed.add_comment("entry", target, f"Merci ! ({step})")
                model.comments[comment_id] = {"author": user, "target": target, "group": group}
        elif roll < 0.88:
            lesson, done = random_.choice(LESSONS), random_.random() < 0.6
            progress.set_completed(lesson, done)
            model.progress[(user, lesson)] = done
        elif roll < 0.93:
            device.online = not device.online
    if device.online and random_.random() < 0.5:
        _sync(device, model)


def _sync(device: Device, model: Model) -> None:
    """Sync, then note what the server now knows: an entry it saw private keeps the
    comments written before with their authors only, for good (the server's rule)."""
    device.client.sync()
    for entry_id, record in model.entries.items():
        if record["device"] == device.name and record["visibility"] == "private":
            for comment in model.comments.values():
                if comment["target"] == entry_id:
                    comment["detached"] = True


def _check(devices: list[Device], model: Model, seed: int) -> None:
    hint = replay_hint(seed)
    note_texts: dict[str, set[str]] = {}
    for device in devices:
        user = device.user
        with device.client:
            assert Outbox.select().count() == 0, f"{device.name} still has changes; {hint}"
            here = {row.id: row for row in JournalEntry.select()}
            expected = {i for i, e in model.entries.items() if model.may_see(user, e)}
            assert set(here) == expected, f"{device.name}: entries differ; {hint}"
            for entry_id in expected:
                record, row = model.entries[entry_id], here[entry_id]
                assert row.body == record["body"], f"{device.name} {entry_id}; {hint}"
                assert row.visibility == record["visibility"], hint
                assert (row.trashed_at is not None) == record["trashed"], hint
            visible_notes = {i for i, n in model.notes.items() if model.may_see(user, n)}
            present = {row.id for row in Note.select().where(~Note.deleted)}
            assert present == visible_notes, f"{device.name}: notes differ; {hint}"
            for note_id in visible_notes:
                text = notes.load(note_id).text
                missing = {w for w in model.notes[note_id]["words"] if w not in text}
                assert not missing, f"{device.name} lost {missing}; {hint}"
                note_texts.setdefault(note_id, set()).add(text)
            comments = {row.id for row in SharedComment.select()}
            for comment_id, comment in model.comments.items():
                if comment.get("detached"):  # its target left the group once: author only
                    if user != comment["author"]:
                        assert comment_id not in comments, f"{device.name}: stale comment; {hint}"
                    continue
                if model.groups[user] == comment["group"]:
                    assert comment_id in comments, f"{device.name} misses a comment; {hint}"
                else:
                    assert comment_id not in comments, f"a comment crossed groups; {hint}"
            for lesson in LESSONS:
                expected_done = model.progress.get((user, lesson), False)
                assert progress.is_completed(lesson) == expected_done, f"{lesson}; {hint}"
    for note_id, texts in note_texts.items():
        assert len(texts) == 1, f"note {note_id} differs between devices; {hint}"


@pytest.mark.parametrize("seed", seeds("system-model", 3))
def test_every_device_ends_with_exactly_what_its_learner_may_see(make_client, seed):
    random_ = rng(seed)
    devices, model = _world(make_client)
    for step in range(STEPS):
        device = random_.choice(devices)
        try:
            _act(device, model, random_, step)
        except SyncError as error:
            raise AssertionError(f"sync failed: {error}; {replay_hint(seed)}") from error
    for device in devices:
        device.online = True
    for _round in range(2):  # the second round brings what the first one sent to the others
        for device in devices:
            _sync(device, model)
    with devices[0].client:
        assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    _check(devices, model, seed)
    figures = {
        "entries": len(model.entries),
        "shared": sum(e["visibility"] == "group" for e in model.entries.values()),
        "binned": sum(e["trashed"] for e in model.entries.values()),
        "notes": len(model.notes),
        "words": sum(len(n["words"]) for n in model.notes.values()),
        "comments": len(model.comments),
    }
    print(f"system model, seed {seed}: {figures}")
    assert figures["entries"] > 10
