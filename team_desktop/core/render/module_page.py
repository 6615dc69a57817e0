"""A module's overview page: summary, objectives, workload, lessons and bibliography."""

from __future__ import annotations

from team_desktop.core.course import Module
from team_desktop.core.i18n import _
from team_desktop.core.render import clean_html, escape, render_markdown


def module_html(module: Module, meta: dict) -> str:
    """Overview of one module, with links to its lessons."""
    parts = [
        f'<p class="meta">{escape(_("Semaine {w}").format(w=meta["week"]))} · '
        f"{escape(_('environ {h} h de travail').format(h=_hours(meta['hours'])))} · "
        f"{escape(_('version {v}').format(v=meta['version']))} · {escape(meta['license'])}</p>",
        f"<h1>{escape(meta['title'])}</h1>",
        render_markdown(meta["summary"]),
        f"<h2>{escape(_('Objectifs'))}</h2><ul>",
        *(f"<li>{escape(objective)}</li>" for objective in meta["objectives"]),
        "</ul>",
        f"<h2>{escape(_('Leçons'))} ({module.done}/{len(module.lessons)})</h2><ol>",
    ]
    for lesson in module.lessons:
        mark = " ✔" if lesson.completed else ""
        parts.append(
            f'<li><a href="team:lesson/{escape(lesson.uid)}">{escape(lesson.title)}</a>'
            f" <small>({escape(_('{n} min').format(n=lesson.minutes))})</small>{mark}</li>"
        )
    parts.append("</ol>")
    references = meta.get("references", [])
    if references:
        parts.append(f"<h2>{escape(_('Pour aller plus loin'))}</h2><ul>")
        for ref in sorted(references, key=lambda r: (r["author"], r["year"])):
            title = escape(ref["title"])
            if ref.get("url"):
                title = f'<a href="{escape(ref["url"])}">{title}</a>'
            parts.append(
                f"<li>{escape(ref['author'])} ({ref['year']}). <i>{title}</i>. "
                f"{escape(ref['publisher'])}.</li>"
            )
        parts.append("</ul>")
    parts.append(
        f'<p class="meta">{escape(_("Auteurs : {a}").format(a=", ".join(meta["authors"])))}</p>'
    )
    return clean_html("".join(parts))


def _hours(hours: float) -> str:
    return f"{hours:g}".replace(".", ",")
