"""`team-desktop export|backup|restore`: the learner's data from the command line, no window.

Scripted backups and exports run here; Qt is loaded only for PDF (offscreen) and for the data
directory lock a restore must hold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from team_desktop.core.i18n import LANGUAGES, _, ngettext

FORMATS = ("markdown", "html", "pdf", "leap2a")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Declare the `export`, `backup` and `restore` subcommands."""
    # SUPPRESS: a `--data-dir` given before the subcommand must not be reset by it.
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help=_("dossier de données à utiliser"),
    )
    data_dir.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_("langue des messages")
    )
    export = commands.add_parser(
        "export",
        parents=[data_dir],
        help=_("exporter le journal (ou les notes) sans ouvrir la fenêtre"),
        description=_("Exporter le journal de formation, ou les notes de co-préparation."),
    )
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", required=True, metavar="CHEMIN")
    export.add_argument("--tag", action="append", default=[], help=_("seulement ce mot-clé"))
    export.add_argument("--entry", action="append", default=[], help=_("seulement cette entrée"))
    export.add_argument("--module", metavar="ID", help=_("seulement les entrées de ce module"))
    export.add_argument("--since", type=_date, metavar="AAAA-MM-JJ", help=_("à partir du"))
    export.add_argument("--until", type=_date, metavar="AAAA-MM-JJ", help=_("jusqu'au"))
    export.add_argument("--author", metavar="NOM", help=_("votre nom dans l'export Leap2A"))
    export.add_argument(
        "--peers",
        action="store_true",
        help=_("ajouter les entrées partagées par vos groupes, au nom de leur auteur"),
    )
    export.add_argument(
        "--notes", action="store_true", help=_("exporter les notes de co-préparation")
    )
    backup = commands.add_parser(
        "backup",
        parents=[data_dir],
        help=_("sauvegarder toutes vos données dans un fichier .teambackup"),
    )
    backup.add_argument("-o", "--output", required=True, metavar="FICHIER")
    restore = commands.add_parser(
        "restore",
        parents=[data_dir],
        help=_("restaurer une sauvegarde (TEAM Desktop doit être fermé)"),
    )
    restore.add_argument("file", metavar="FICHIER")


def run_command(args: argparse.Namespace) -> int:
    """Run a subcommand; 0 on success, 1 with a French message on stderr otherwise."""
    from team_desktop.core.backup import BackupError
    from team_desktop.core.export.output import ExportError
    from team_desktop.core.restore import RestoreError
    from team_desktop.core.store.db import StoreError

    handlers = {"export": _export, "backup": _backup, "restore": _restore}
    try:
        print(handlers[args.command](args))
    except (ExportError, BackupError, RestoreError, StoreError, _Refused) as error:
        print(f"team-desktop: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            "team-desktop: "
            + _("Erreur d'écriture ou de lecture ({e}). Vos données n'ont pas changé.").format(
                e=error
            ),
            file=sys.stderr,
        )
        return 1
    return 0


class _Refused(Exception):
    """A command that cannot run as asked; the message says why."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(_("date attendue sous la forme AAAA-MM-JJ")) from error


def _existing_data(args: argparse.Namespace):
    from team_desktop.core.paths import DataPaths, private_files_from_now, resolve_data_dir

    private_files_from_now()  # exports hold the learner's writing: theirs only
    given = getattr(args, "data_dir", None)
    if given and not Path(given).is_dir():
        raise _Refused(_("Le dossier de données {d} n'existe pas.").format(d=given))
    paths = DataPaths(resolve_data_dir(given))
    if not paths.database.is_file():
        raise _Refused(_("Aucune donnée TEAM Desktop dans {d}.").format(d=paths.root))
    return paths


def _export(args: argparse.Namespace) -> str:
    from team_desktop.core.export.selection import Selection, select_entries
    from team_desktop.core.store.db import open_store

    if args.notes and args.format not in ("markdown", "pdf"):
        raise _Refused(_("Les notes s'exportent en Markdown ou en PDF."))
    output = Path(args.output)
    store = open_store(_existing_data(args))
    try:
        if args.notes:
            return _export_notes(args.format, output)
        selection = Selection(
            tuple(args.entry), tuple(args.tag), args.module, args.since, args.until, args.peers
        )
        entries = select_entries(store.paths, selection)
        result = _export_entries(args.format, entries, output, args.author or "")
    finally:
        store.close()
    for name in result.missing_attachments:
        print(_("Attention : pièce jointe introuvable : {f}").format(f=name), file=sys.stderr)
    return _("Journal exporté ({fmt}) : {entries}, {attachments} → {p}").format(
        fmt=args.format,
        entries=_entries(result.entries),
        attachments=_attachments(result.attachments),
        p=output,
    )


def _entries(n: int) -> str:
    return ngettext("{n} entrée", "{n} entrées", n).format(n=n)


def _notes(n: int) -> str:
    return ngettext("{n} note", "{n} notes", n).format(n=n)


def _attachments(n: int) -> str:
    return ngettext("{n} pièce jointe", "{n} pièces jointes", n).format(n=n)


def _export_entries(fmt: str, entries, output: Path, author: str):
    from team_desktop.core.export import html, leap2a, markdown
    from team_desktop.core.export.selection import ExportResult

    if fmt == "markdown":
        return markdown.export_markdown(entries, output)
    if fmt == "html":
        return html.export_html(entries, output)
    if fmt == "leap2a":
        return leap2a.export_leap2a(entries, output, author)
    result = ExportResult(output, len(entries))
    _pdf(html.journal_html(entries, result=result), output, _("Mon journal de formation"), author)
    return result


def _export_notes(fmt: str, output: Path) -> str:
    from team_desktop.core.export.notes import export_notes_markdown, notes_html, select_notes

    notes = select_notes()
    if fmt == "markdown":
        export_notes_markdown(notes, output)
    else:
        _pdf(notes_html(notes), output, _("Mes notes de co-préparation"))
    return _("Notes exportées ({fmt}) : {notes} → {p}").format(
        fmt=fmt, notes=_notes(len(notes)), p=output
    )


def _pdf(html: str, output: Path, title: str, author: str = "") -> int:
    # A PDF needs fonts, hence a QGuiApplication; never a window, so offscreen is enough.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from team_desktop.ui.pdf_export import write_pdf

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    from team_desktop.core.export.selection import learner_name

    return write_pdf(html, output, title, author or learner_name())


def _backup(args: argparse.Namespace) -> str:
    from team_desktop.core.backup import create_backup
    from team_desktop.core.export.labels import human_size

    result = create_backup(_existing_data(args), Path(args.output))
    return _("Sauvegarde écrite : {p} ({entries}, {notes}, {attachments} ; {s}).").format(
        p=result.path,
        entries=_entries(result.counts.get("entries", 0)),
        notes=_notes(result.counts.get("notes", 0)),
        attachments=_attachments(result.counts.get("attachments", 0)),
        s=human_size(result.size),
    )


def _restore(args: argparse.Namespace) -> str:
    from PySide6.QtCore import QLockFile

    from team_desktop.core.paths import DataPaths, resolve_data_dir
    from team_desktop.core.restore import restore_backup

    paths = DataPaths(resolve_data_dir(getattr(args, "data_dir", None)))
    # The app's own lock: while it is held the app is open here, and while we hold it the app
    # cannot start on a half-restored folder.
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        raise _Refused(
            _(
                "TEAM Desktop est ouvert sur ce dossier de données ({d}) : fermez-le, puis "
                "relancez la restauration. Vos données n'ont pas changé."
            ).format(d=paths.root)
        )
    try:
        result = restore_backup(Path(args.file), paths)
    finally:
        lock.unlock()
    text = _("Sauvegarde du {d} restaurée dans {root}.").format(
        d=result.info.created_label, root=paths.root
    )
    if result.previous:
        text += " " + _("Vos données d'avant sont gardées dans {p}.").format(p=result.previous)
    return text
