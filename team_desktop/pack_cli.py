"""`team-pack`: check, build and inspect course packs from the command line."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from team_desktop.core.content.archive import PackArchiveError, build_archive, extract_archive
from team_desktop.core.content.loader import PackError, load_pack
from team_desktop.core.i18n import _


def _validate(args: argparse.Namespace) -> int:
    pack, problems = load_pack(Path(args.folder))
    for problem in problems:
        print(problem)
    if pack is None:
        return 1
    count = len(pack.activities())
    print(
        _("{id} {v} : {l} leçons, {a} activités, aucun problème.").format(
            id=pack.id, v=pack.version, l=len(pack.lessons), a=count
        ),
        file=sys.stderr,
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    output = Path(args.output) if args.output else Path(f"{folder.name}.teampack")
    try:
        manifest = build_archive(folder, output)
    except PackError as error:
        for problem in error.problems:
            print(problem)
        return 1
    print(
        _("{out} : {id} {v}, {n} fichiers.").format(
            out=output,
            id=manifest["pack"]["id"],
            v=manifest["pack"]["version"],
            n=len(manifest["files"]),
        )
    )
    return 0


def _info(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        try:
            pack = extract_archive(Path(args.file), Path(scratch))
        except PackArchiveError as error:
            print(error)
            return 1
        meta = pack.meta
        print(f"{meta['title']} ({meta['id']} {meta['version']})")
        print(
            _("Semaine {w}, {h} h, langue {lang}, licence {lic}").format(
                w=meta["week"], h=meta["hours"], lang=meta["language"], lic=meta["license"]
            )
        )
        print(_("Auteurs : {a}").format(a=", ".join(meta["authors"])))
        for lesson in pack.lessons:
            kinds = ", ".join(f"{a.kind}:{a.id}" for a in lesson.activities)
            print(
                f"  {lesson.order:>2}. {lesson.title} ({lesson.minutes} min){' — ' + kinds if kinds else ''}"
            )
        print(_("Empreintes vérifiées : le pack serait accepté."))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="team-pack", description=_("Outils pour les packs de cours TEAM.")
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help=_("vérifier un dossier de pack"))
    validate.add_argument("folder")
    validate.set_defaults(run=_validate)
    build = commands.add_parser("build", help=_("construire un fichier .teampack"))
    build.add_argument("folder")
    build.add_argument("-o", "--output")
    build.set_defaults(run=_build)
    info = commands.add_parser("info", help=_("vérifier un .teampack comme l'application"))
    info.add_argument("file")
    info.set_defaults(run=_info)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `team-pack`."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
