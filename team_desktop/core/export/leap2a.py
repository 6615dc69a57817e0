"""The journal as a Leap2A (2010-07) zip, the ePortfolio exchange format Mahara imports.

Terms and namespaces, and where they were checked:
- Namespaces `leap2` = http://terms.leapspecs.org/ and the `<leap2:version>` element:
  leapspecs wiki, "Updating Leap2A to 2010-07". Categories base
  http://wiki.leapspecs.org/2A/categories/ (with the final slash). Mahara 22.10.0 knows these
  only under their web.archive.org addresses, so it imports every item as a post of one
  catch-all blog; Mahara's fix (bug 1999608, after 22.10.0) accepts both.
- The journal is an item of type `selection` with category `selection_type#Blog`, listing its
  entries with `leap2:has_part`: Mahara's artefact/blog/import/leap/lib.php imports exactly that
  as a blog (score 100) and each `has_part` target as a post. Any other item no plugin claims
  becomes a post of a second, catch-all blog: so the lesson or activity an entry is about is
  written in the post itself, not as an item of its own.
- Plain tags are `atom:category` WITHOUT a scheme: Mahara's `get_entry_tags` reads only those.
- Files: Leap2A 2A/attachments — a file is a `resource` item linked to the file in the zip with
  `rel="enclosure"` (Mahara's LeapImportFile::is_file: exactly one enclosure to a non-item); the
  post points at it with Atom's `related`, which Mahara attaches to the post.
- An image in the text has `src` = the file item's id and `rel="enclosure"`: Mahara rewrites it
  to the imported file (PluginImportLeap::fix_artefact_reference), parsing the post with
  DOMDocument::loadHTML, which reads bytes as Latin-1 unless they start with a byte order mark.
  Such a post's text therefore starts with U+FEFF, which loadHTML consumes.
- The feed's `<author><name>` is required by Mahara, which splits it at the first space into
  the user's first and last names: it is the learner's own name.
- `categories:audience#Private` marks private entries (Leap2A categories, "audience").
- XHTML content is a `div` in the XHTML namespace, unprefixed: Mahara's `get_entry_content`
  expects that exact opening.
- Competencies and attestations: see core/export/competencies.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from team_desktop import __version__
from team_desktop.core.export import competencies
from team_desktop.core.export.html import rewrite_body_images
from team_desktop.core.export.naming import UniqueNames
from team_desktop.core.export.output import ExportError, staged_file
from team_desktop.core.export.selection import (
    Attachment,
    ExportEntry,
    ExportResult,
    learner_name,
)
from team_desktop.core.export.xhtml import XHTML_NS, to_xhtml, xml_attr, xml_text
from team_desktop.core.i18n import _
from team_desktop.core.render import render_markdown
from team_desktop.core.store.portfolio_models import GROUP

Progress = Callable[[int, int], None]

ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LEAP2_NS = "http://terms.leapspecs.org/"
CATEGORIES_NS = "http://wiki.leapspecs.org/2A/categories/"
LEAP2A_VERSION = "http://www.leapspecs.org/2010-07/2A/"
# Stable ids across exports: the same entry keeps the same Atom id.
_ID_SPACE = uuid.UUID("5b0d0a52-6a4e-4e63-9d0c-7f3f1d5e2a11")


def export_leap2a(
    entries: list[ExportEntry],
    output: Path,
    author: str = "",
    progress: Progress | None = None,
) -> ExportResult:
    """Write `output` as a zip: `leap2a.xml` at the root and the attached files under `files/`.

    `author` is the learner's name (their known name when empty); Mahara refuses a file
    without one, so no name at all is an ExportError."""
    author = " ".join((author or learner_name()).split())
    if not author:
        raise ExportError(
            _(
                "Indiquez votre nom : Mahara en a besoin pour importer le fichier "
                "(rien n'a été écrit)."
            )
        )
    result = ExportResult(Path(output), len(entries))
    with (
        staged_file(Path(output)) as scratch,
        zipfile.ZipFile(scratch, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        names = UniqueNames()
        files: dict[str, str] = {}  # blob hash -> path in the zip
        for done, entry in enumerate(entries):
            if progress:
                progress(done, len(entries))
            for attachment in entry.attachments:
                if attachment.hash in files:
                    continue
                if not attachment.present:
                    result.missing_attachments.append(attachment.name)
                    continue
                files[attachment.hash] = f"files/{names.take_file_name(attachment.name)}"
                archive.write(attachment.path, files[attachment.hash])
                result.attachments += 1
        archive.writestr("leap2a.xml", leap2a_xml(entries, files, author))
    if progress:
        progress(len(entries), len(entries))
    return result


def leap2a_xml(entries: list[ExportEntry], files: dict[str, str], author: str) -> str:
    """The Atom feed; `files` maps each attachment hash present in the zip to its path."""
    now = _stamp(dt.datetime.now(dt.UTC))
    journal_id = _iri("journal")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        f'<feed xmlns="{ATOM_NS}" xmlns:rdf="{RDF_NS}" xmlns:leap2="{LEAP2_NS}" '
        f'xmlns:categories="{CATEGORIES_NS}" xmlns:mahara="{competencies.MAHARA_NS}">\n',
        f"<leap2:version>{LEAP2A_VERSION}</leap2:version>\n",
        f"<id>{_iri('export', now)}</id>\n",
        _element("title", _("Journal de formation exporté de TEAM Desktop")),
        f"<updated>{now}</updated>\n",
        f'<generator version="{__version__}">TEAM Desktop</generator>\n',
        f"<author><name>{xml_text(author)}</name></author>\n",
    ]
    journal_links = "".join(
        f'<link rel="leap2:has_part" href="{_entry_iri(e)}" leap2:display_order="{n}"/>\n'
        for n, e in enumerate(entries, start=1)
    )
    parts.append(
        _item(
            journal_id,
            _("Mon journal de formation"),
            now,
            "selection",
            _text_content(_("Journal de formation du MOOC TEAM.")),
            '<category scheme="categories:selection_type#" term="Blog"/>\n' + journal_links,
        )
    )
    file_items: dict[str, Attachment] = {}
    for entry in entries:
        parts.append(_entry_item(entry, journal_id, files, file_items))
    for digest, attachment in file_items.items():
        parts.append(_file_item(attachment, files[digest], now))
    parts.append(competencies.leap2a_items(competencies.shown(), _iri, _stamp))
    parts.append("</feed>\n")
    return "".join(parts)


def _entry_item(
    entry: ExportEntry, journal_id: str, files: dict[str, str], file_items: dict[str, Attachment]
) -> str:
    extra = [f'<link rel="leap2:is_part_of" href="{journal_id}"/>\n']
    if entry.author:
        extra.append(f"<author><name>{xml_text(entry.author)}</name></author>\n")
    for tag in entry.tags:
        extra.append(f"<category term={xml_attr(tag)}/>\n")
    if entry.visibility != GROUP:
        extra.append('<category scheme="categories:audience#" term="Private"/>\n')
    if entry.conflict_of:
        extra.append(f'<link rel="related" href="{_iri("entry", entry.conflict_of)}"/>\n')
    for attachment in entry.attachments:
        if attachment.hash in files:
            file_items.setdefault(attachment.hash, attachment)
            extra.append(f'<link rel="related" href="{_iri("file", attachment.hash)}"/>\n')
    body = rewrite_body_images(
        render_markdown(entry.body),
        [a for a in entry.attachments if a.hash in files],
        lambda a: f'src="{_iri("file", a.hash)}" rel="enclosure"',
    )
    xhtml = _context_html(entry) + to_xhtml(body)
    if 'rel="enclosure"' in xhtml:
        xhtml = "\ufeff" + xhtml  # read as UTF-8 by Mahara's loadHTML (module docstring)
    content = f'<content type="xhtml"><div xmlns="{XHTML_NS}">{xhtml}</div></content>\n'
    published = _stamp(dt.datetime.combine(entry.date, dt.time(12), dt.UTC))
    return _item(
        _entry_iri(entry),
        entry.title or _("Sans titre"),
        _stamp(entry.updated_at),
        "entry",
        content,
        "".join(extra),
        published,
    )


def _context_html(entry: ExportEntry) -> str:
    """Who wrote a peer's entry, and the lesson or activity it is about, atop the post."""
    lines = []
    if entry.author:
        lines.append(_("Par {name}").format(name=entry.author))
    for label, link in ((_("Leçon"), entry.lesson), (_("Activité"), entry.activity)):
        if link:
            where = _(" (module « {m} »)").format(m=link.module) if link.module else ""
            lines.append(f"{label} : {link.title}{where}")
    if not lines:
        return ""
    return "<p><em>" + "<br/>".join(xml_text(line) for line in lines) + "</em></p>"


def _file_item(attachment: Attachment, zip_path: str, now: str) -> str:
    enclosure = (
        f'<link rel="enclosure" href="{quote(zip_path)}" type={xml_attr(attachment.mime)} '
        f'length="{attachment.size}"/>\n'
    )
    return _item(
        _iri("file", attachment.hash),
        attachment.name,
        now,
        "resource",
        _text_content(attachment.name),
        enclosure,
    )


def _item(
    item_id: str,
    title: str,
    updated: str,
    leap_type: str,
    content: str,
    extra: str,
    published: str | None = None,
) -> str:
    head = f"<entry>\n<id>{item_id}</id>\n{_element('title', title)}<updated>{updated}</updated>\n"
    if published:
        head += f"<published>{published}</published>\n"
    return f'{head}{content}<rdf:type rdf:resource="leap2:{leap_type}"/>\n{extra}</entry>\n'


def _text_content(text: str) -> str:
    return f'<content type="text">{xml_text(text)}</content>\n'


def _element(name: str, text: str) -> str:
    return f"<{name}>{xml_text(text)}</{name}>\n"


def _entry_iri(entry: ExportEntry) -> str:
    return _iri("entry", entry.id)


def _iri(*parts: str) -> str:
    """A stable `urn:uuid:` Atom id for a thing of this export (entries keep theirs)."""
    return f"urn:uuid:{uuid.uuid5(_ID_SPACE, '/'.join(parts))}"


def _stamp(moment: dt.datetime) -> str:
    """RFC 3339, in UTC, as Atom wants."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
