"""What leaves this device at the next sync: records per kind, shared items, bytes of text and files.

The text estimate builds the very requests the engine would send (same batches, same JSON,
same gzip) without sending or changing anything, so it matches the bytes on the wire closely.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.portfolio_models import GROUP, JournalEntry, Note
from team_desktop.core.store.sync_models import GroupRecord, Outbox
from team_desktop.core.sync import engine, files, kept_files, records
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import encode_body

# The request line and headers of one POST /sync (bearer token, protocol, encodings, length).
HTTP_OVERHEAD = 300


@dataclass
class SharedItem:
    """An entry or note that goes to a group."""

    kind: str
    title: str
    group: str


@dataclass
class Preview:
    counts: dict[str, int] = field(default_factory=dict)  # kind -> records
    shared: list[SharedItem] = field(default_factory=list)
    text_bytes: int = 0  # the requests of a sync, files aside, as they travel
    requests: int = 0
    file_count: int = 0
    file_bytes: int = 0
    held_count: int = 0  # files above `files_max`: they stay here this time
    held_bytes: int = 0


def what_leaves(paths: DataPaths, device_id: str, files_max: int | None = None) -> Preview:
    """What the next sync would send, files above `files_max` bytes held back (None: no limit).

    Reads only (call inside the store's binding).
    """
    state = sync_state.load()
    preview = Preview()
    pending = []
    for row in Outbox.select().order_by(Outbox.seq):
        data = records.OUTGOING[row.kind](row.record_id) if row.kind in records.OUTGOING else None
        if data is None:
            continue  # the engine drops such a row without sending it
        pending.append(
            {
                "change_id": f"{device_id}:{row.seq}",
                "kind": row.kind,
                "id": row.record_id,
                "base_rev": records.base_rev(row.kind, row.record_id),
                "data": data,
            }
        )
        item = _shared(row.kind, row.record_id)
        if item is not None:
            preview.shared.append(item)
    preview.counts = dict(Counter(change["kind"] for change in pending))
    batches = [pending[i : i + engine.BATCH] for i in range(0, len(pending), engine.BATCH)] or [[]]
    for batch in batches:
        body = encode_body(engine.request_body(device_id, state, batch))
        preview.text_bytes += len(body) + HTTP_OVERHEAD
    preview.requests = len(batches)
    # A sync also tells the server which files this device keeps, when that changed.
    kept = kept_files.request_body(device_id, state.user_id)
    if kept is not None:
        preview.text_bytes += len(encode_body(kept)) + HTTP_OVERHEAD
        preview.requests += 1
    for size in files.pending_uploads(paths, state.user_id).values():
        if files_max is None or size <= files_max:
            preview.file_count, preview.file_bytes = (
                preview.file_count + 1,
                preview.file_bytes + size,
            )
        else:
            preview.held_count, preview.held_bytes = (
                preview.held_count + 1,
                preview.held_bytes + size,
            )
    return preview


def _shared(kind: str, record_id: str) -> SharedItem | None:
    model = {"entry": JournalEntry, "note": Note}.get(kind)
    row = model.get_or_none(model.id == record_id) if model else None
    if row is None or row.visibility != GROUP or not row.group_id:
        return None
    group = GroupRecord.get_or_none(GroupRecord.id == row.group_id)
    title = row.title if kind == "entry" else row.title_cache
    return SharedItem(kind, title, group.name if group else "")
