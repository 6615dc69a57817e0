"""Throttling account creation per address: how many usernames one address may probe."""

from __future__ import annotations

import math
import time

from team_server.db import write_transaction
from team_server.models import SignupAttempt

WINDOW = 3600.0  # seconds over which attempts count
# Answers "this name is taken" per address: enough for typos, too few to list who has an
# account (the answer has to say it, or nobody could choose a free name).
MAX_TAKEN_PER_ADDRESS = 10


def admit(address: str) -> tuple[int | None, int | None]:
    """Count an attempt before it is made, under the write lock, as if its name were taken
    (parallel probes cannot all slip under the limit); returns (attempt id, None), or
    (None, seconds to wait) when the address is over a limit."""
    now = time.time()
    with write_transaction():
        SignupAttempt.delete().where(SignupAttempt.at < now - WINDOW).execute()
        # Creating accounts is otherwise free (a whole class signs up from its training
        # centre's one address); nginx's rate limit bounds the volume (docs/deploy.md).
        times = [
            row.at
            for row in SignupAttempt.select(SignupAttempt.at)
            .where((SignupAttempt.address == address) & SignupAttempt.taken)
            .order_by(SignupAttempt.at.desc())
            .limit(MAX_TAKEN_PER_ADDRESS)
        ]
        if len(times) >= MAX_TAKEN_PER_ADDRESS:
            return None, max(1, math.ceil(times[-1] + WINDOW - now))
        attempt = SignupAttempt.create(address=address, taken=True, at=now)
    return attempt.id, None


def told_nothing(attempt_id: int) -> None:
    """The attempt revealed no existing name (an account made, or a refused form)."""
    SignupAttempt.update(taken=False).where(SignupAttempt.id == attempt_id).execute()
