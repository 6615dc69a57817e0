"""Tables of the research layer: questionnaire answers and xAPI statements made here."""

from __future__ import annotations

from peewee import BooleanField, DateTimeField, TextField

from team_desktop.core.store.models import BaseModel, utcnow


class QuestionnaireAnswer(BaseModel):
    """One saving of a research questionnaire; kept here whatever the consent (it is the
    learner's own), sent only when saved while consenting (`shared`)."""

    id = TextField(primary_key=True)  # a UUID made on the device
    activity_uid = TextField(index=True)
    answers_json = TextField()  # {item id: rank (likert, from 1) or text (open)}
    answered_at = DateTimeField(default=utcnow)
    shared = BooleanField(default=False)


class ResearchStatement(BaseModel):
    """An xAPI statement made on this device while the learner consents, waiting to leave."""

    id = TextField(primary_key=True)  # the statement's UUID
    verb = TextField()
    object_id = TextField(index=True)
    data_json = TextField()
    created_at = DateTimeField(default=utcnow, index=True)


RESEARCH_MODELS = [QuestionnaireAnswer, ResearchStatement]
