"""The strict schema of every change a device may push: types, formats, lengths, allowed keys.

One Pydantic model per kind, published in the OpenAPI document (`POST /sync`). A change that
does not fit is refused alone, with its French reason (`Refused`), and the rest of its batch
applies: `parse_change` never raises.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from team_server.errors import describe

# Sizes a single record may reach (docs/sync-protocol.md, "Sizes"): far above what a learner
# writes, low enough that no record makes a pull expensive.
MAX_TEXT = 200_000  # an entry's body, in characters
MAX_COMMENT = 20_000
MAX_NOTE_UPDATE = 4 * 2**20  # a note update, in base64 characters
MAX_TITLE = 1_000
MAX_LIST = 100
SHORT = 200  # names, uids, ids, tags
MAX_ANNOUNCEMENT = 10_000  # an announcement's text, in characters
MAX_WEEKS = 60  # weeks of a season

DEVICE_ONLY = "Cet élément est réservé à cet appareil : il ne doit pas être envoyé au serveur."


def _time(value: str) -> str:
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError("date ISO 8601 attendue (2026-11-29T08:15:00Z)") from error
    return value


def _date(value: str) -> str:
    try:
        dt.date.fromisoformat(value[:10])
        if len(value) > 10:
            _time(value)
    except ValueError as error:
        raise ValueError("date attendue (2026-11-29)") from error
    return value


def _base64(value: str) -> str:
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("base64 illisible") from error
    return value


def _day(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError("date attendue (2027-01-20)") from error
    return value


def _words(value: str) -> str:
    if not value.strip():
        raise ValueError("Un commentaire ne peut pas être vide.")
    return value


def _statement(value: str) -> str:
    if not value.strip():
        raise ValueError("Le texte ne peut pas être vide.")
    return value


def _visibility(value: str) -> str:
    if value == "device":
        raise ValueError(DEVICE_ONLY)
    if value not in ("private", "group"):
        raise ValueError("« private » ou « group » attendu")
    return value


def _lesson_and_device(value: str) -> str:
    if "|" not in value:
        raise ValueError("Un compteur de temps s'identifie par « leçon|appareil ».")
    return value


Text = Annotated[str, StringConstraints(max_length=SHORT)]
Time = Annotated[str, StringConstraints(max_length=40), AfterValidator(_time)]
Date = Annotated[str, StringConstraints(max_length=40), AfterValidator(_date)]
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_day)]
Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]  # uuid4().hex
Hash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]  # SHA-256, lowercase
Visibility = Annotated[str, AfterValidator(_visibility)]
Base64 = Annotated[str, StringConstraints(max_length=MAX_NOTE_UPDATE), AfterValidator(_base64)]
Key = Annotated[str, StringConstraints(min_length=1, max_length=SHORT, pattern=r"^[^\x00-\x1f]+$")]
# A pack's competency, `<pack id>/<competency id>` (docs/content-format.md).
CompetencyUid = Annotated[
    str,
    StringConstraints(max_length=SHORT, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"),
]
MAX_STATEMENT = 5_000


class Strict(BaseModel):
    """No unknown key, no coercion: `"false"` is not a boolean, `"3"` is not a number."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Shareable(Strict):
    """A record kept private or shared with one group (`group_id`)."""

    visibility: Visibility = "private"
    group_id: Uuid | None = None

    @model_validator(mode="after")
    def _group_named(self) -> Shareable:
        if self.visibility == "group" and self.group_id is None:
            raise ValueError("Un élément partagé doit indiquer son groupe (group_id).")
        return self


class Attachment(Strict):
    hash: Hash
    name: Annotated[str, StringConstraints(max_length=255)]
    size: int = Field(ge=0)
    mime: Text | None = None


class EntryData(Shareable):
    """A journal entry. `deleted: true` is a tombstone: the server empties its text."""

    title: Annotated[str, StringConstraints(max_length=MAX_TITLE)] = ""
    body: Annotated[str, StringConstraints(max_length=MAX_TEXT)] = ""
    tags: list[Text] = Field(default=[], max_length=MAX_LIST)
    attachments: list[Attachment] = Field(default=[], max_length=MAX_LIST)
    template_id: Text | None = None
    lesson_uid: Text | None = None
    activity_uid: Text | None = None
    entry_date: Date | None = None
    trashed_at: Time | None = None
    deleted: bool = False
    conflict_of: Uuid | None = None
    created_at: Time | None = None
    updated_at: Time | None = None


class NoteData(Shareable):
    """A co-preparation note: a Yjs update (what the server lacks) and the device's state."""

    update: Base64 = ""
    state: Base64 = ""
    activity_uid: Text | None = None
    trashed_at: Time | None = None
    deleted: bool = False
    created_at: Time | None = None


class CommentData(Strict):
    target_kind: Literal["entry", "note"]
    target_id: Uuid
    body: Annotated[str, StringConstraints(max_length=MAX_COMMENT), AfterValidator(_words)]
    created_at: Time


class EvidenceData(Shareable):
    """A piece of evidence a learner links to a competency: what an entry or a note shows.
    `deleted: true` is a tombstone: the server empties its text."""

    competency_uid: CompetencyUid
    source_kind: Literal["entry", "note"]
    source_id: Uuid
    source_title: Annotated[str, StringConstraints(max_length=MAX_TITLE)] = ""
    statement: Annotated[str, StringConstraints(max_length=MAX_STATEMENT)] = ""
    deleted: bool = False
    created_at: Time | None = None
    updated_at: Time | None = None


class EndorsementData(Strict):
    """A peer's endorsement of a piece of evidence shared with their group ("J'ai observé…")."""

    evidence_id: Uuid
    body: Annotated[str, StringConstraints(max_length=MAX_COMMENT), AfterValidator(_statement)]
    created_at: Time


class ValidationData(Strict):
    """A facilitator's decision on a learner's competency, within their group."""

    competency_uid: CompetencyUid
    learner_id: Uuid
    group_id: Uuid
    validated: bool
    comment: Annotated[str, StringConstraints(max_length=MAX_STATEMENT)] = ""
    decided_at: Time


class ProgressData(Strict):
    completed: bool
    changed_at: Time


class BookmarkData(Strict):
    bookmarked: bool
    changed_at: Time


class TimeData(Strict):
    seconds: int = Field(ge=0, le=10**9)


class QuizData(Strict):
    activity_uid: Text
    answers: dict[Key, list[int]] = Field(max_length=MAX_LIST)
    # Counts of right answers: whole numbers, so the research export says "1", not "1.0".
    score: int = Field(ge=0, le=10**6)
    max_score: int = Field(ge=0, le=10**6)
    answered_at: Time


class AnswerData(Strict):
    activity_uid: Text
    answers: dict[Key, int | Annotated[str, StringConstraints(max_length=5_000)]] = Field(
        max_length=MAX_LIST
    )
    answered_at: Time


class SeasonWeek(Strict):
    """When one week of the season opens; no date: the week is self-paced."""

    week: int = Field(ge=1, le=MAX_WEEKS)
    opens_on: Day | None = None


class SeasonData(Strict):
    """A group's season, set by its facilitators (the record's id is the group's id)."""

    start_date: Day
    packs: list[Key] = Field(default=[], max_length=MAX_LIST)
    weeks: list[SeasonWeek] = Field(default=[], max_length=MAX_WEEKS)
    changed_at: Time

    @model_validator(mode="after")
    def _each_week_once(self) -> SeasonData:
        if len({week.week for week in self.weeks}) != len(self.weeks):
            raise ValueError("Chaque semaine ne peut avoir qu'une date d'ouverture.")
        return self


class AnnouncementData(Strict):
    """A facilitator's announcement to a group. `deleted: true` is a tombstone."""

    group_id: Uuid
    title: Annotated[str, StringConstraints(max_length=SHORT)] = ""
    body: Annotated[str, StringConstraints(max_length=MAX_ANNOUNCEMENT)] = ""
    published_at: Time
    changed_at: Time
    deleted: bool = False

    @model_validator(mode="after")
    def _titled(self) -> AnnouncementData:
        if not self.deleted and not self.title.strip():
            raise ValueError("Une annonce doit avoir un titre.")
        return self


class ProgressShareData(Strict):
    """The learner's choice to show their progress to the group's facilitators (id: the group)."""

    share: bool
    decided_at: Time


class Change(Strict):
    change_id: Key
    base_rev: int | None = None


class EntryChange(Change):
    kind: Literal["entry"]
    id: Uuid
    data: EntryData


class NoteChange(Change):
    kind: Literal["note"]
    id: Uuid
    data: NoteData


class CommentChange(Change):
    kind: Literal["comment"]
    id: Uuid
    data: CommentData


class EvidenceChange(Change):
    kind: Literal["evidence"]
    id: Uuid
    data: EvidenceData


class EndorsementChange(Change):
    kind: Literal["endorsement"]
    id: Uuid
    data: EndorsementData


class ValidationChange(Change):
    kind: Literal["validation"]
    id: Uuid
    data: ValidationData


class ProgressChange(Change):
    kind: Literal["progress"]
    id: Key  # the lesson's uid
    data: ProgressData


class BookmarkChange(Change):
    kind: Literal["bookmark"]
    id: Key
    data: BookmarkData


class TimeChange(Change):
    kind: Literal["time"]
    id: Annotated[Key, AfterValidator(_lesson_and_device)]  # "<lesson uid>|<device id>"
    data: TimeData


class QuizChange(Change):
    kind: Literal["quiz"]
    id: Key
    data: QuizData


class AnswerChange(Change):
    kind: Literal["answer"]
    id: Key
    data: AnswerData


class SeasonChange(Change):
    kind: Literal["season"]
    id: Uuid  # the group's id
    data: SeasonData


class AnnouncementChange(Change):
    kind: Literal["announcement"]
    id: Uuid
    data: AnnouncementData


class ProgressShareChange(Change):
    kind: Literal["progress_share"]
    id: Uuid  # the group's id
    data: ProgressShareData


class StatementChange(Change):
    """An xAPI 1.0.3 statement of TEAM Desktop's profile; its content is checked apart
    (team_server/research/statements.py), its id is the statement's UUID."""

    kind: Literal["statement"]
    id: Key
    data: dict[str, Any] = Field(max_length=8)


AnyChange = Annotated[
    EntryChange
    | NoteChange
    | CommentChange
    | ProgressChange
    | BookmarkChange
    | TimeChange
    | QuizChange
    | AnswerChange
    | StatementChange
    | EvidenceChange
    | EndorsementChange
    | ValidationChange
    | SeasonChange
    | AnnouncementChange
    | ProgressShareChange,
    Field(discriminator="kind"),
]
_ADAPTER = TypeAdapter(AnyChange)
KINDS = (
    *("entry", "note", "comment", "progress", "bookmark", "time", "quiz", "answer", "statement"),
    *("evidence", "endorsement", "validation"),
    *("season", "announcement", "progress_share"),
)


class Refused(BaseModel):
    """A pushed change that does not fit its schema: refused alone, with its reason."""

    change_id: str | None
    error: str
    field: str | None


def parse_change(raw: object) -> dict | Refused:
    """The change as plain data (only the keys it was sent with), or why it is refused."""
    change_id = raw.get("change_id") if isinstance(raw, dict) else None
    change_id = change_id if isinstance(change_id, str) else None
    if isinstance(raw, dict) and isinstance(raw.get("kind"), str) and raw["kind"] not in KINDS:
        return Refused(
            change_id=change_id, error=f"Type d'élément inconnu : {raw['kind']!r}.", field="kind"
        )
    try:
        change = _ADAPTER.validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or None  # [0] is the kind
        reason = "Modification refusée : " + describe(first, skip=1)
        return Refused(change_id=change_id, error=reason, field=where)
    return change.model_dump(exclude_unset=True) | {"kind": change.kind, "id": change.id}
