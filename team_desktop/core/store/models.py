"""Tables of the local store."""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def utcnow() -> dt.datetime:
    """Timezone-aware now, the only clock the store uses."""
    return dt.datetime.now(dt.UTC)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """Small key/value facts about this store: device id, last lesson, ..."""

    key = TextField(primary_key=True)
    value = TextField()


class PackRecord(BaseModel):
    """An installed course pack; its files live in `packs/<id>/`."""

    id = TextField(primary_key=True)
    title = TextField()
    version = TextField()
    week = IntegerField()
    order = IntegerField()
    meta_json = TextField()
    installed_at = DateTimeField(default=utcnow)


class LessonRecord(BaseModel):
    """A lesson of an installed pack; `uid` is `<pack id>/<lesson id>`."""

    uid = TextField(primary_key=True)
    pack = ForeignKeyField(PackRecord, backref="lessons", on_delete="CASCADE")
    slug = TextField()
    title = TextField()
    order = IntegerField()
    minutes = IntegerField()
    filename = TextField()
    body = TextField()
    content_hash = TextField()


class ActivityRecord(BaseModel):
    """An activity of an installed pack; `uid` is `<pack id>/<activity id>`."""

    uid = TextField(primary_key=True)
    pack = ForeignKeyField(PackRecord, backref="activities", on_delete="CASCADE")
    lesson_uid = TextField(index=True)
    kind = TextField()
    title = TextField()
    fields_json = TextField()


# Learner data below refers to lessons by uid, not by foreign key: replacing a pack
# must never cascade into the learner's progress.


class LessonProgress(BaseModel):
    """Where the learner is in a lesson."""

    lesson_uid = TextField(primary_key=True)
    completed = BooleanField(default=False)
    completed_at = DateTimeField(null=True)
    completed_hash = TextField(null=True)
    scroll = FloatField(default=0.0)
    last_opened_at = DateTimeField(null=True)
    updated_at = DateTimeField(default=utcnow)


class TimeSpent(BaseModel):
    """Seconds spent on a lesson, counted per device so merging never double-counts."""

    lesson_uid = TextField()
    device_id = TextField()
    seconds = IntegerField(default=0)

    class Meta:
        primary_key = CompositeKey("lesson_uid", "device_id")


class QuizAttempt(BaseModel):
    """One submitted answer to a quiz, with its score."""

    id = TextField(primary_key=True)
    activity_uid = TextField(index=True)
    answers_json = TextField()
    score = IntegerField()
    max_score = IntegerField()
    answered_at = DateTimeField(default=utcnow)


class Bookmark(BaseModel):
    """A lesson the learner marked to come back to; unmarking keeps the row for sync."""

    lesson_uid = TextField(primary_key=True)
    created_at = DateTimeField(default=utcnow)
    bookmarked = BooleanField(default=True)
    changed_at = DateTimeField(default=utcnow)


MODELS = [
    Setting,
    PackRecord,
    LessonRecord,
    ActivityRecord,
    LessonProgress,
    TimeSpent,
    QuizAttempt,
    Bookmark,
]
