"""Forwarding xAPI statements to an external Learning Record Store.

Statements wait in `statement_forward` rows (one per statement, made with it). A pass claims a
batch under the write lock (a lease, so two instances never send the same batch), posts it, and
marks it sent only once the LRS accepted it; an LRS that is down leaves the rows waiting for the
next pass. A statement the LRS already has (a pass cut after the post) is a success: the LRS
answers a known id with 204, or stores only the new ones. A statement the LRS refuses as
invalid is marked refused (kept, never retried) so it cannot block the others.
docs/decisions/0008-research-data.md explains the choice of a loop in every instance.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass

import requests

from team_server.db import database, write_transaction
from team_server.models import Record, StatementForward, User, utcnow

log = logging.getLogger("team_server.lrs")

XAPI_VERSION = "1.0.3"
BATCH = 50
LEASE = dt.timedelta(minutes=5)  # far longer than one post may take
TIMEOUT = (5, 30)
REFUSALS = (400, 409, 422)  # the LRS judged the statements themselves


@dataclass(frozen=True)
class LrsConfig:
    """Where to send statements: the LRS's xAPI base address and its Basic credentials."""

    url: str
    user: str = ""
    password: str = ""

    @property
    def statements_url(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/statements") else base + "/statements"


@dataclass
class PassReport:
    """What one forwarding pass did; `error` says why it stopped early (the LRS is down)."""

    sent: int = 0
    refused: int = 0
    error: str | None = None


def claim(batch: int = BATCH, now: dt.datetime | None = None) -> list[tuple[int, dict]]:
    """Lease up to `batch` waiting statements of consenting learners: (row id, statement)."""
    now = now or utcnow()
    with write_transaction():
        rows = list(
            StatementForward.select(StatementForward.id, Record.data)
            .join(Record)
            .join(User)
            .where(
                StatementForward.sent_at.is_null()
                & ~StatementForward.refused
                & (StatementForward.lease_until.is_null() | (StatementForward.lease_until < now))
                & User.research_consent
            )
            .order_by(StatementForward.id)
            .limit(batch)
            .tuples()
        )
        ids = [row_id for row_id, _data in rows]
        if ids:
            StatementForward.update(
                lease_until=now + LEASE, attempts=StatementForward.attempts + 1
            ).where(StatementForward.id.in_(ids)).execute()
    return [(row_id, json.loads(data)) for row_id, data in rows]


def _mark(ids: list[int], **values) -> None:
    with database.atomic():
        StatementForward.update(lease_until=None, **values).where(
            StatementForward.id.in_(ids)
        ).execute()


def _post(session: requests.Session, config: LrsConfig, statements: list[dict]):
    return session.post(
        config.statements_url,
        json=statements,
        auth=(config.user, config.password) if config.user else None,
        headers={"X-Experience-API-Version": XAPI_VERSION},
        timeout=TIMEOUT,
    )


def _describe(response: requests.Response) -> str:
    return f"HTTP {response.status_code} : {response.text[:300]}"


def forward_once(
    config: LrsConfig, session: requests.Session | None = None, batch: int = BATCH
) -> PassReport:
    """Send every waiting statement, batch by batch; stop at the first sign the LRS is down."""
    session = session or requests.Session()
    report = PassReport()
    while True:
        claimed = claim(batch)
        if not claimed:
            return report
        ids = [row_id for row_id, _statement in claimed]
        try:
            response = _post(session, config, [statement for _id, statement in claimed])
        except requests.RequestException as error:
            _mark(ids, last_error=str(error)[:300])
            report.error = f"LRS injoignable : {error}"
            return report
        if response.status_code in (200, 204):
            _mark(ids, sent_at=utcnow(), last_error=None)
            report.sent += len(ids)
        elif response.status_code in REFUSALS:
            # One bad statement refuses the whole batch: find it by sending them one by one.
            if not _one_by_one(session, config, claimed, report):
                return report
        else:
            _mark(ids, last_error=_describe(response))
            report.error = f"LRS indisponible : {_describe(response)}"
            return report


def _one_by_one(
    session: requests.Session, config: LrsConfig, claimed: list[tuple[int, dict]], report
) -> bool:
    for position, (row_id, statement) in enumerate(claimed):
        try:
            response = _post(session, config, [statement])
        except requests.RequestException as error:
            _mark([i for i, _s in claimed[position:]], last_error=str(error)[:300])
            report.error = f"LRS injoignable : {error}"
            return False
        if response.status_code in (200, 204):
            _mark([row_id], sent_at=utcnow(), last_error=None)
            report.sent += 1
        elif response.status_code in REFUSALS:
            log.warning("LRS refused statement %s: %s", statement.get("id"), _describe(response))
            _mark([row_id], refused=True, last_error=_describe(response))
            report.refused += 1
        else:
            _mark([i for i, _s in claimed[position:]], last_error=_describe(response))
            report.error = f"LRS indisponible : {_describe(response)}"
            return False
    return True


def waiting() -> int:
    """Statements not yet accepted by the LRS (refused ones excluded)."""
    return (
        StatementForward.select()
        .where(StatementForward.sent_at.is_null() & ~StatementForward.refused)
        .count()
    )


class Forwarder(threading.Thread):
    """The loop each server instance runs when an LRS is configured; waits longer while the
    LRS fails (up to 16 intervals), and stops with the server."""

    def __init__(self, config: LrsConfig, interval: float):
        super().__init__(name="lrs-forwarder", daemon=True)
        self.config = config
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        session = requests.Session()
        wait = self.interval
        while not self.stopping.is_set():
            try:
                with database.connection_context():
                    report = forward_once(self.config, session)
            except Exception:  # a database hiccup must not end the loop
                log.exception("forwarding statements failed")
                report = PassReport(error="database")
            if report.error:
                log.warning("statements not forwarded: %s", report.error)
                wait = min(wait * 2, self.interval * 16)
            else:
                wait = self.interval
            self.stopping.wait(wait)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=TIMEOUT[0] + TIMEOUT[1])
