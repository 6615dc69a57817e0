"""Competencies in the portfolio exports: a section of the HTML/PDF journal, Leap2A items.

In Leap2A, the competencies are ONE `leap2:ability` item marked for Mahara's résumé as its
"work skills" (`mahara:artefactplugin` plugin "resume", type "workskill"): Mahara's
htdocs/artefact/resume/import/leap/lib.php claims an ability only with that mark, and keeps
one such text per user (a second would replace the first). Attestations are
`leap2:achievement` items marked `pseudo:certification`, which it imports as certifications.
"""

from __future__ import annotations

import datetime as dt

from team_desktop.core.competencies.overview import CompetencyItem, overview
from team_desktop.core.credentials.attestations import listing
from team_desktop.core.export.labels import long_date
from team_desktop.core.export.xhtml import XHTML_NS, to_xhtml, xml_text
from team_desktop.core.i18n import _
from team_desktop.core.render import escape

MAHARA_NS = "http://wiki.mahara.org/Developer_Area/Import%2F%2FExport/LEAP_Extensions#"


def shown() -> list[CompetencyItem]:
    """The competencies the learner has something to show for (evidence or a validation)."""
    return [item for item in overview() if item.evidence or item.validation is not None]


def _competency_html(item: CompetencyItem) -> str:
    lines = [f"<h3>{escape(item.competency.title)}</h3>"]
    lines.append(f'<p class="meta">{escape(item.pack_title)}</p>')
    if item.validation is not None and item.validation.validated:
        validated = _("Validée par {name} le {date}.").format(
            name=item.validation.by, date=long_date(item.validation.decided_at.date())
        )
        lines.append(f"<p><b>{escape(validated)}</b></p>")
    for proof in item.evidence:
        lines.append(f"<p><b>{escape(proof.source_title)}</b> — {escape(proof.statement)}</p>")
        for endorsement in proof.endorsements:
            said = _("Appui de {name} : {text}").format(
                name=endorsement.author, text=endorsement.body
            )
            lines.append(f"<blockquote>{escape(said)}</blockquote>")
    return "".join(lines)


def html_section(items: list[CompetencyItem]) -> str:
    """The competencies after the journal's entries ("" when there is nothing to show)."""
    if not items:
        return ""
    title = _("Mes compétences")
    return (
        f'<h2 class="entry-title pagebreak">{escape(title)}</h2>'
        + "".join(_competency_html(item) for item in items)
        + _attestations_html()
    )


def _attestations_html() -> str:
    rows = [
        (row, verified) for row, verified in listing() if verified is not None and not row.revoked
    ]
    if not rows:
        return ""
    items = "".join(
        f"<li>{escape(verified.name)} — {escape(long_date(row.issued_at.date()))}</li>"
        for row, verified in rows
    )
    heading = _("Attestations vérifiables (Open Badges 3.0)")
    return f"<h3>{escape(heading)}</h3><ul>{items}</ul>"


def leap2a_items(items: list[CompetencyItem], item_id, stamp) -> str:
    """The Leap2A items: the competencies as one ability, each attestation an achievement.

    `item_id(*parts)` makes a stable Atom id, `stamp(moment)` an Atom date."""
    now = stamp(dt.datetime.now(dt.UTC))
    parts = []
    if items:
        body = to_xhtml("".join(_competency_html(item) for item in items))
        parts.append(
            _entry(
                item_id("competencies"),
                _("Compétences développées dans le MOOC TEAM"),
                now,
                "ability",
                f'<content type="xhtml"><div xmlns="{XHTML_NS}">{body}</div></content>\n',
                '<mahara:artefactplugin mahara:plugin="resume" mahara:type="workskill"/>\n',
            )
        )
    for row, verified in listing():
        if verified is None or row.revoked:
            continue
        text = f"{verified.description} {verified.criteria}".strip()
        parts.append(
            _entry(
                item_id("attestation", row.id),
                verified.name,
                stamp(row.issued_at),
                "achievement",
                f'<content type="text">{xml_text(text)}</content>\n',
                '<mahara:artefactplugin mahara:plugin="resume" mahara:type="pseudo:certification"/>\n'
                f'<leap2:date leap2:point="end">{stamp(row.issued_at)}</leap2:date>\n',
            )
        )
    return "".join(parts)


def _entry(item: str, title: str, updated: str, kind: str, content: str, extra: str) -> str:
    return (
        f"<entry>\n<id>{item}</id>\n<title>{xml_text(title)}</title>\n<updated>{updated}</updated>\n"
        f'{content}<rdf:type rdf:resource="leap2:{kind}"/>\n{extra}</entry>\n'
    )
