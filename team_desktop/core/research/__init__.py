"""Participatory research on the learner's side: consent, questionnaire answers, xAPI records.

docs/decisions/0008-research-data.md explains the choices; docs/privacy.md tells the learner.
"""

from team_desktop.core.research.traces import record

__all__ = ["record"]
