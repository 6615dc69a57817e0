"""The journal as a folder of Markdown files: one per entry, an index, the attachments."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from team_desktop.core.export.labels import human_size, long_date
from team_desktop.core.export.naming import UniqueNames, slugify
from team_desktop.core.export.output import staged_folder
from team_desktop.core.export.selection import Attachment, ExportEntry, ExportResult
from team_desktop.core.i18n import _, ngettext

Progress = Callable[[int, int], None]
ATTACHMENTS_DIR = "attachments"
# `![alt](source)` or `![alt](<source with spaces> "title")`.
_IMAGE = re.compile(r'!\[([^\]]*)\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)')


def export_markdown(
    entries: list[ExportEntry], output: Path, progress: Progress | None = None
) -> ExportResult:
    """Write `output/` (absent or empty): `index.md`, one `.md` per entry, `attachments/`."""
    result = ExportResult(Path(output), len(entries))
    with staged_folder(Path(output)) as folder:
        names, files = UniqueNames(), UniqueNames()
        names.take("index", ".md")
        copied: dict[tuple[str, str], str] = {}
        index_lines = [f"# {_('Mon journal de formation')}", "", _index_intro(len(entries)), ""]
        for done, entry in enumerate(entries):
            if progress:
                progress(done, len(entries))
            links = [_copy_attachment(a, folder, files, copied, result) for a in entry.attachments]
            name = names.take(f"{entry.date:%Y-%m-%d}-{slugify(entry.title)}", ".md")
            (folder / name).write_text(entry_markdown(entry, links), encoding="utf-8")
            index_lines.append(f"- {long_date(entry.date)} — [{_md_text(entry.title)}]({name})")
        (folder / "index.md").write_text("\n".join(index_lines) + "\n", encoding="utf-8")
        if progress:
            progress(len(entries), len(entries))
    return result


def entry_markdown(entry: ExportEntry, attachment_links: list[tuple[Attachment, str]]) -> str:
    """One entry as Markdown with a small front matter (values are JSON, hence valid YAML)."""
    meta = {
        "title": entry.title,
        "date": entry.date.isoformat(),
        "tags": entry.tags,
        "visibility": entry.visibility,
    }
    for key, link in (("lesson", entry.lesson), ("activity", entry.activity)):
        if link:
            meta[key] = link.title
            meta[f"{key}_uid"] = link.uid
    if entry.author:
        meta["author"] = entry.author
    meta["id"] = entry.id
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    )
    parts = [
        f"---\n{front}\n---",
        f"# {_md_text(entry.title) or _('Sans titre')}",
        f"*{_md_text(_('Par {name}').format(name=entry.author))}*" if entry.author else "",
        _local_images(entry.body.strip(), attachment_links),
    ]
    if attachment_links:
        lines = [f"## {_('Pièces jointes')}", ""]
        for attachment, target in attachment_links:
            size = human_size(attachment.size)
            if target:
                lines.append(f"- [{_md_text(attachment.name)}]({target}) ({size})")
            else:
                lines.append(f"- {_md_text(attachment.name)} ({size}, {_('fichier manquant')})")
        parts.append("\n".join(lines))
    return "\n\n".join(part for part in parts if part) + "\n"


def _copy_attachment(
    attachment: Attachment,
    folder: Path,
    files: UniqueNames,
    copied: dict[tuple[str, str], str],
    result: ExportResult,
) -> tuple[Attachment, str]:
    """Copy a blob once per (content, name); '' when the blob is missing from the store."""
    key = (attachment.hash, attachment.name)
    if key not in copied:
        if not attachment.present:
            result.missing_attachments.append(attachment.name)
            copied[key] = ""
        else:
            name = files.take_file_name(attachment.name)
            (folder / ATTACHMENTS_DIR).mkdir(exist_ok=True)
            shutil.copyfile(attachment.path, folder / ATTACHMENTS_DIR / name)
            result.attachments += 1
            copied[key] = f"{ATTACHMENTS_DIR}/{name}"
    return attachment, copied[key]


def _local_images(body: str, attachment_links: list[tuple[Attachment, str]]) -> str:
    """Images of the text point at their copy in `attachments/`; one naming no file of the
    export becomes its description, so no link leads nowhere (web images are left alone)."""
    targets = {}
    for attachment, target in attachment_links:
        if target:
            targets[attachment.name] = target
            targets[attachment.hash] = target

    def fix(match: re.Match) -> str:
        alt, source = match.group(1), match.group(2) or match.group(3)
        if source.startswith(("http://", "https://")):
            return match.group(0)
        target = targets.get(unquote(source.rstrip("/").rsplit("/", 1)[-1]))
        if target:
            return f"![{alt}](<{target}>)"
        return f"*[{_('image absente')} : {alt or source}]*"

    return _IMAGE.sub(fix, body)


def _index_intro(count: int) -> str:
    return ngettext(
        "{n} entrée, exportée le {d} depuis TEAM Desktop.",
        "{n} entrées, exportées le {d} depuis TEAM Desktop.",
        count,
    ).format(n=count, d=long_date(dt.date.today()))


def _md_text(text: str) -> str:
    """Plain text safe inside Markdown link text and headings."""
    return " ".join(text.split()).replace("[", "\\[").replace("]", "\\]")
