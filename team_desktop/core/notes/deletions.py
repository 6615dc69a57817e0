"""Yjs delete sets: did merging an update delete something of this device's own accord?

Yrs cleans up redundant formatting marks while it integrates an update, and records that
clean-up as deletions made here. Deletions never show in a state vector, so unless this device
sends them on, its copy of a note keeps differing from its co-authors' (the same text, but
different authors on some runs). `merged_with_own_deletions` tells when a pulled note must
travel back.
"""

from __future__ import annotations

Ranges = dict[int, list[tuple[int, int]]]  # client id -> merged [start, end) clock ranges


def _varuints(data: bytes) -> list[int]:
    numbers, value, shift = [], 0, 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            numbers.append(value)
            value, shift = 0, 0
    return numbers


def delete_set(update: bytes) -> Ranges | None:
    """The deleted ranges a v1 update carries; None when they cannot be read alone.

    Diffing an update against its own state vector leaves no structs, only the delete set
    (an update with gaps keeps some structs: None then).
    """
    from pycrdt import get_state, get_update  # loaded with the first note, not at start

    numbers = _varuints(get_update(update, get_state(update)))
    if not numbers or numbers[0] != 0:
        return None
    ranges: Ranges = {}
    position, clients = 2, numbers[1]
    for _ in range(clients):
        client, count = numbers[position], numbers[position + 1]
        pairs = numbers[position + 2 : position + 2 + 2 * count]
        ranges.setdefault(client, []).extend(
            (clock, clock + length) for clock, length in zip(pairs[::2], pairs[1::2], strict=True)
        )
        position += 2 + 2 * count
    return {client: _merged(spans) for client, spans in ranges.items()}


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covered(inner: Ranges, outer: Ranges) -> bool:
    """Whether every range of `inner` lies within one range of `outer` (both merged, sorted).

    One walk through both lists, never a search per range: a note with thousands of
    scattered deletions took 10-20 s per change with the quadratic search.
    """
    for client, spans in inner.items():
        others = outer.get(client, [])
        at = 0
        for start, end in spans:
            # The last outer range starting at or before `start` is the only one that can hold it.
            while at + 1 < len(others) and others[at + 1][0] <= start:
                at += 1
            if not others or not (others[at][0] <= start and end <= others[at][1]):
                return False
    return True


def deletions_covered(update: bytes, other: bytes) -> bool:
    """True when every deletion `update` carries is also in `other` (False if unreadable)."""
    inner, outer = delete_set(update), delete_set(other)
    return inner is not None and outer is not None and covered(inner, outer)


def merged_with_own_deletions(before: bytes, update: bytes, after: bytes) -> bool:
    """True when `after` (the stored state once `update` was merged into `before`) deletes
    more than `before` and `update` did: that clean-up must be sent to the others."""
    now = delete_set(after)
    old, incoming = delete_set(before), delete_set(update)
    if now is None or old is None:
        return True  # cannot tell: sending the note again is harmless
    if incoming is None:
        return now != old
    known = {
        client: _merged(old.get(client, []) + incoming.get(client, []))
        for client in old.keys() | incoming.keys()
    }
    return not covered(now, known)
