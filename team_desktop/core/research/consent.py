"""The learner's research consent on this device: the text they read, their choice, its date.

The text is data (`resources/research/consentement.md`, with its version in a TOML header); a
new version asks again. The choice travels to the server at the next sync (`consent_sync`),
and the most recent decision, from whichever device, is the one in force.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.paths import resources_dir
from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.research_models import QuestionnaireAnswer, ResearchStatement
from team_desktop.core.store.sync_models import Outbox

TEXT_FILE = "research/consentement.md"
CHOICE, VERSION, DECIDED_AT, SYNCED = (
    "research.consent",
    "research.consent_version",
    "research.consent_at",
    "research.consent_synced",
)
RESEARCH_KINDS = ("answer", "statement")


@dataclass(frozen=True)
class ConsentText:
    """The information the learner reads before choosing."""

    version: str
    title: str
    markdown: str


def load_text(path: Path | None = None) -> ConsentText:
    """The consent text shipped with the app (or the one at `path`)."""
    raw = (path or resources_dir() / TEXT_FILE).read_text(encoding="utf-8")
    _before, header, body = raw.split("+++", 2)
    meta = tomllib.loads(header)
    return ConsentText(str(meta["version"]), meta["title"], body.strip() + "\n")


@dataclass(frozen=True)
class Decision:
    """The learner's choice as stored here."""

    consent: bool
    version: str
    decided_at: dt.datetime
    synced: bool


def decision() -> Decision | None:
    """The stored choice, or None if the learner never chose on this device."""
    choice = get_setting(CHOICE)
    if choice is None:
        return None
    return Decision(
        consent=choice == "1",
        version=get_setting(VERSION) or "",
        decided_at=dt.datetime.fromisoformat(
            get_setting(DECIDED_AT) or "1970-01-01T00:00:00+00:00"
        ),
        synced=get_setting(SYNCED) == "1",
    )


def consenting() -> bool:
    """True while the learner takes part (with any version of the text they accepted)."""
    current = decision()
    return bool(current and current.consent)


def needs_asking(text: ConsentText | None = None) -> bool:
    """No choice stored yet, or the choice was made on another version of the text."""
    current = decision()
    return current is None or current.version != (text or load_text()).version


def decide(
    consent: bool, version: str, when: dt.datetime | None = None, synced: bool = False
) -> None:
    """Store a choice; withdrawing drops the research records still waiting to leave."""
    when = min(when or utcnow(), utcnow())
    with database.atomic():
        set_setting(CHOICE, "1" if consent else "0")
        set_setting(VERSION, version)
        set_setting(DECIDED_AT, when.isoformat())
        set_setting(SYNCED, "1" if synced else "0")
        if not consent:
            _forget_pending_research()


def _forget_pending_research() -> None:
    """Nothing made for research leaves the device once the learner withdrew; the answers
    stay here, for the learner, and are no longer meant for the research."""
    Outbox.delete().where(Outbox.kind.in_(RESEARCH_KINDS)).execute()
    ResearchStatement.delete().execute()
    QuestionnaireAnswer.update(shared=False).execute()


def mark_synced() -> None:
    """The server has this device's choice."""
    set_setting(SYNCED, "1")
