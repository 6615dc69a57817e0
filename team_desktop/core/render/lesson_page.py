"""A whole lesson as safe HTML: its prose, its activities where they are written, its state."""

from __future__ import annotations

from collections.abc import Callable

from team_desktop.core.content.lesson_file import split_segments
from team_desktop.core.content.model import Activity
from team_desktop.core.course import LessonPage
from team_desktop.core.i18n import _
from team_desktop.core.quiz import QuizState
from team_desktop.core.render import clean_html, escape, render_markdown
from team_desktop.core.render.activity import activity_html

ActivityExtra = Callable[[Activity, str], str]


def lesson_html(
    page: LessonPage,
    quiz_states: dict[str, QuizState] | None = None,
    activity_extra: ActivityExtra | None = None,
) -> str:
    """The lesson page; `activity_extra(activity, uid)` adds safe HTML under an activity."""
    quiz_states = quiz_states or {}
    parts = [
        f'<p class="meta">{escape(page.pack_title)} · '
        f"{escape(_('{n} min').format(n=page.minutes))}"
        f"{' · ' + escape(_('✔ terminée')) if page.completed else ''}</p>"
    ]
    if page.updated_since_completed:
        parts.append(
            f'<p class="notice">{escape(_("Cette leçon a été mise à jour depuis que vous l’avez terminée."))}</p>'
        )
    segments, _problems = split_segments(page.body, "", 1)
    for segment in segments:
        if segment.activity is None:
            parts.append(render_markdown(segment.markdown, page.lesson_links))
        else:
            uid = f"{page.pack_id}/{segment.activity.id}"
            extra = activity_extra(segment.activity, uid) if activity_extra else ""
            parts.append(activity_html(segment.activity, uid, quiz_states.get(uid), extra))
    # Already sanitized piece by piece; cleaning the whole page once more costs little.
    return clean_html("".join(parts))
