"""Tables of a facilitated group on this device: its season, its announcements, the
learner's choice to show their progress to its facilitators, and, for a facilitator, the
group's progress as last received."""

from __future__ import annotations

from peewee import BooleanField, DateTimeField, TextField

from team_desktop.core.store.models import BaseModel


class GroupSeason(BaseModel):
    """A group's season as its facilitators last set it (`data_json`: start, packs, weeks)."""

    group_id = TextField(primary_key=True)
    data_json = TextField()  # {"start_date", "packs": [...], "weeks": [{"week", "opens_on"}]}
    changed_at = DateTimeField()
    author_id = TextField(null=True)  # null: set here, before the first sync


class Announcement(BaseModel):
    """A facilitator's message to a group; `read_at` is this device's own."""

    id = TextField(primary_key=True)
    group_id = TextField(index=True)
    author_id = TextField(null=True)
    title = TextField()
    body = TextField()
    published_at = DateTimeField()
    changed_at = DateTimeField()
    deleted = BooleanField(default=False)
    read_at = DateTimeField(null=True)


class ProgressShare(BaseModel):
    """The learner's latest choice to show (or not) their progress to a group's facilitators."""

    group_id = TextField(primary_key=True)
    share = BooleanField()
    decided_at = DateTimeField()


class GroupProgressReport(BaseModel):
    """The last `GET /groups/{id}/progress` answer this facilitator received, to read offline.

    Only what the learners agreed to show; replaced by each fetch, and gone once this device's
    account no longer facilitates the group.
    """

    group_id = TextField(primary_key=True)
    answer_json = TextField()
    fetched_at = DateTimeField()


GROUP_MODELS = [GroupSeason, Announcement, ProgressShare]  # store v9; never change a released step
