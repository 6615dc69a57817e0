"""HTML for activities inside a lesson, with `team:` links as their calls to action."""

from __future__ import annotations

from team_desktop.core.content.activities import likert_scale
from team_desktop.core.content.model import Activity
from team_desktop.core.i18n import N_, _
from team_desktop.core.quiz import QuizState, question_is_right, score
from team_desktop.core.render import escape, render_markdown

# Each box's colour comes from the reading style sheet (core/render/reading_style.py), by kind.
KIND_LABELS = {
    "reflection": N_("Réflexion"),
    "quiz": N_("Quiz d'autoévaluation"),
    "copreparation": N_("Co-préparation"),
    "peer": N_("Entre pairs"),
    "questionnaire": N_("Questionnaire de recherche"),
}


def activity_html(
    activity: Activity, uid: str, quiz_state: QuizState | None = None, extra_html: str = ""
) -> str:
    """One activity as a boxed block; `extra_html` is already-safe HTML shown under it."""
    label = KIND_LABELS[activity.kind]
    body = _BODIES[activity.kind](activity, uid, quiz_state or QuizState())
    return (
        f'<a name="activity-{escape(activity.id)}"></a>'
        f'<table class="activity {activity.kind}" width="100%" cellpadding="14" cellspacing="0">'
        f'<tr><td><p class="activity-kind">{escape(_(label)).upper()}</p>'
        f"<h3>{escape(activity.title)}</h3>{body}{extra_html}</td></tr></table>"
    )


def _action(href: str, text: str) -> str:
    return f'<p class="cta"><a href="{escape(href)}">{escape(text)}</a></p>'


def _reflection(activity: Activity, uid: str, _state: QuizState) -> str:
    return render_markdown(activity.fields["prompt"]) + _action(
        f"team:reflect/{uid}", _("✍ Répondre dans mon journal de bord")
    )


def _copreparation(activity: Activity, uid: str, _state: QuizState) -> str:
    return render_markdown(activity.fields["instructions"]) + _action(
        f"team:coprep/{uid}", _("✎ Ouvrir une note de co-préparation")
    )


def _peer(activity: Activity, uid: str, _state: QuizState) -> str:
    html = render_markdown(activity.fields["instructions"])
    if activity.fields.get("comment_prompt"):
        html += render_markdown(activity.fields["comment_prompt"])
    return html + _action(f"team:peer/{uid}", _("⇄ Partager avec mon groupe"))


def _questionnaire(activity: Activity, uid: str, _state: QuizState) -> str:
    html = render_markdown(activity.fields.get("intro", ""))
    html += "<ol>"
    for item in activity.fields["items"]:
        html += f"<li>{escape(item['text'])}"
        if item["kind"] == "likert":
            html += f"<br/><small>{escape(' · '.join(likert_scale(item)))}</small>"
        html += "</li>"
    html += "</ol>"
    return html + _action(f"team:questionnaire/{uid}", _("☑ Répondre au questionnaire"))


def _quiz(activity: Activity, uid: str, state: QuizState) -> str:
    fields = activity.fields
    html = render_markdown(fields.get("intro", ""))
    for q_index, question in enumerate(fields["questions"]):
        chosen = state.selected.get(q_index, set())
        multiple = question.get("multiple", False)
        hint = _("plusieurs réponses possibles") if multiple else _("une seule réponse")
        html += f'<p class="question"><b>{q_index + 1}. {escape(question["text"])}</b> <small>({hint})</small></p>'
        if state.submitted:
            verdict = (
                _("Bonne réponse.")
                if question_is_right(question, chosen)
                else _("Pas tout à fait.")
            )
            html += f'<p class="verdict">{escape(verdict)}</p>'
        html += '<ul class="choices">'
        for c_index, choice in enumerate(question["choices"]):
            html += _choice_html(
                uid, q_index, c_index, choice, c_index in chosen, multiple, state.submitted
            )
        html += "</ul>"
    if state.submitted:
        right, total = score(fields, state)
        html += f'<p class="score"><b>{escape(_("Votre score : {r} / {t}").format(r=right, t=total))}</b></p>'
        html += _action(f"team:quiz-reset/{uid}", _("↺ Recommencer le quiz"))
    else:
        html += _action(f"team:quiz-submit/{uid}", _("✔ Valider mes réponses"))
    return html


def _choice_html(
    uid: str, q: int, c: int, choice: dict, selected: bool, multiple: bool, submitted: bool
) -> str:
    marks = ("☑", "☐") if multiple else ("◉", "○")
    mark = marks[0] if selected else marks[1]
    text = escape(choice["text"])
    if not submitted:
        return f'<li><a href="team:quiz/{escape(uid)}/{q}/{c}">{mark} {text}</a></li>'
    correct = choice.get("correct", False)
    css = "right" if correct else ("wrong" if selected else "neutral")
    sign = "✔" if correct else "✘"
    return (
        f'<li class="{css}">{mark} {text} <b>{sign}</b><br/>'
        f"<small>{escape(choice['feedback'])}</small></li>"
    )


_BODIES = {
    "reflection": _reflection,
    "quiz": _quiz,
    "copreparation": _copreparation,
    "peer": _peer,
    "questionnaire": _questionnaire,
}
