"""Test-only: the app's writing, as fast as it goes, until it is SIGKILLed (test_writer_kills.py).

Run as `python writer_kill_driver.py DATA_DIR`; each SEED line read on stdin forks a writer
process (the app's modules already imported, so that a round costs a fork, not a Python start)
that opens the store, prints `{"ready": PID}`, then for each write a JSON line
`{"begin": [kind, id, value]}` before it starts and `{"saved": [kind, id, value]}` once the
call returned: journal entries created and rewritten, notes typed into, lessons (un)done. Once
the writer is dead, this process prints `{"ended": EXIT_CODE}` on a line of its own.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from team_desktop.core import progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author
from team_desktop.core.notes.positions import utf16_len
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.store.db import open_store
from team_desktop.core.store.portfolio_models import JournalEntry, Note

WORDS = ["séance", "élèves", "binôme", "coopéré", "🙂", "œuvre", "à revoir", "bilan"]
ME = Author("moi", "Moi")


def say(tag: str, kind: str, record_id: str, value: str) -> None:
    print(json.dumps({tag: [kind, record_id, value]}, ensure_ascii=False), flush=True)


def main(data_dir: str, seed: str) -> int:
    random_ = random.Random(int(seed))
    store = open_store(DataPaths(Path(data_dir)))
    entries = [row.id for row in JournalEntry.select(JournalEntry.id)]
    note_ids = [row.id for row in Note.select(Note.id)]
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for number in range(100_000):
        text = " ".join(random_.choices(WORDS, k=random_.randint(1, 40))) + f" #{number}"
        roll = random_.random()
        if roll < 0.3 or not entries:
            entry = create_entry(store.paths.packs, title=f"Entrée {seed}-{number}")
            entries.append(entry.id)
            say("begin", "entry", entry.id, text)
            save_entry(entry.id, body=text)
            say("saved", "entry", entry.id, text)
        elif roll < 0.6:
            entry_id = random_.choice(entries)
            say("begin", "entry", entry_id, text)
            save_entry(entry_id, body=text)
            say("saved", "entry", entry_id, text)
        elif roll < 0.85:
            if not note_ids or random_.random() < 0.2:
                note_ids.append(notes.create(f"Note {seed}-{number}", ""))
            note_id = random_.choice(note_ids)
            doc = notes.load(note_id)
            doc.apply_local_edit(utf16_len(doc.text), 0, text + "\n", ME)
            say("begin", "note", note_id, doc.text)
            notes.save(note_id, doc)
            say("saved", "note", note_id, doc.text)
        else:
            done = random_.random() < 0.5
            say("begin", "progress", "test-mini/premiere", str(done))
            progress.set_completed("test-mini/premiere", done)
            say("saved", "progress", "test-mini/premiere", str(done))
    return 0


def serve(data_dir: str) -> int:
    """Fork one writer per seed read on stdin and report how it ended."""
    for line in sys.stdin:
        writer = os.fork()
        if writer == 0:
            os._exit(main(data_dir, line.strip()))
        _, status = os.waitpid(writer, 0)
        # On a line of its own: the killed writer may have left a line unfinished.
        print("\n" + json.dumps({"ended": os.waitstatus_to_exitcode(status)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1]))
