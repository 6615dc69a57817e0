"""Delete sets of a note: compared in one walk, however scattered the deletions are."""

from __future__ import annotations

import pycrdt

from team_desktop.core.notes.deletions import (
    covered,
    delete_set,
    deletions_covered,
    merged_with_own_deletions,
)

SCATTERED = 15_000
IN_A_NOTE = 5_000  # building a real note costs Yrs a walk per deletion: fewer there


class CountedSpans(list):
    """A list of ranges that counts every element read from it."""

    reads = 0

    def __getitem__(self, index):
        CountedSpans.reads += 1
        return super().__getitem__(index)

    def __iter__(self):
        for item in super().__iter__():
            CountedSpans.reads += 1
            yield item


def _ranges(spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    return {7: CountedSpans(spans)}


def test_comparing_scattered_deletions_reads_each_range_a_bounded_number_of_times():
    inner = [(2 * n, 2 * n + 1) for n in range(SCATTERED)]
    outer = [(4 * n, 4 * n + 3) for n in range(SCATTERED)]  # holds every inner range
    CountedSpans.reads = 0
    assert covered(_ranges(inner), _ranges(outer))
    # Linear: a few reads per range. The search per range read SCATTERED²/4 (56 million).
    assert CountedSpans.reads <= 5 * (len(inner) + len(outer))


def test_covered_tells_a_range_held_by_no_single_range():
    assert covered({1: [(3, 5)]}, {1: [(0, 2), (3, 6)]})
    assert not covered({1: [(3, 5)]}, {1: [(0, 4)]})
    assert not covered({1: [(1, 2)]}, {})
    assert not covered({1: [(1, 2)]}, {2: [(0, 9)]})
    assert not covered({1: [(0, 2), (9, 10)]}, {1: [(0, 5)]})
    assert covered({}, {1: [(0, 5)]})


def _scattered_note() -> tuple[bytes, bytes]:
    """A note's state before and after deleting every other character of a long text."""
    doc = pycrdt.Doc()
    text = doc.get("body", type=pycrdt.Text)
    text += "ab" * IN_A_NOTE
    before = doc.get_update()
    with doc.transaction():
        for pair in reversed(range(IN_A_NOTE)):  # every other character: one range each
            del text[2 * pair + 1 : 2 * pair + 2]
    return before, doc.get_update()


def test_a_large_scattered_delete_set_is_read_and_compared_whole():
    before, after = _scattered_note()
    ranges = delete_set(after)
    assert ranges is not None and sum(len(spans) for spans in ranges.values()) == IN_A_NOTE
    assert deletions_covered(after, after)
    assert not deletions_covered(after, before)
    # Merging what the others already have deletes nothing of this device's own accord.
    assert not merged_with_own_deletions(after, after, after)
    assert merged_with_own_deletions(before, before, after)
