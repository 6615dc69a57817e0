"""Seeds and case counts for the randomised reliability tests.

Every random test takes its cases from `seeds(name, ci_cases)`: CI runs `ci_cases` seeds;
`TEAM_FUZZ_SCALE=N` runs N times as many (the long runs of docs/reliability.md);
`TEAM_FUZZ_SEED=S` replays exactly the one seed a failure printed.
"""

from __future__ import annotations

import os
import random
import zlib


def scale() -> int:
    """How many times the CI case count to run (TEAM_FUZZ_SCALE, default 1)."""
    return max(1, int(os.environ.get("TEAM_FUZZ_SCALE", "1")))


def seeds(name: str, ci_cases: int) -> list[int]:
    """The seeds to run for the test `name`: fixed in CI, or the one to replay."""
    replay = os.environ.get("TEAM_FUZZ_SEED")
    if replay:
        return [int(replay)]
    base = zlib.crc32(name.encode()) * 1000
    return [base + number for number in range(ci_cases * scale())]


def rng(seed: int) -> random.Random:
    return random.Random(seed)


def replay_hint(seed: int) -> str:
    """The line a failure prints so that it can be replayed exactly."""
    return f"replay with TEAM_FUZZ_SEED={seed}"
