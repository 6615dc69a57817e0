"""`team-desktop`: launch the app, or run one of its command-line tasks."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from team_desktop import __version__, data_cli
from team_desktop.core.i18n import LANGUAGES, _, language_for_locale, set_language


def build_parser() -> argparse.ArgumentParser:
    """The command line; every form accepts `--data-dir` and `--lang`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        help=_("garder toutes les données dans DOSSIER (clé USB, usage portable)"),
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("langue de l'interface (sinon celle des préférences, ou du système)"),
    )
    parser = argparse.ArgumentParser(
        prog="team-desktop",
        parents=[common],
        description=_("TEAM Desktop, le compagnon hors ligne du MOOC TEAM."),
    )
    parser.add_argument("--version", action="version", version=f"TEAM Desktop {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="FICHIER.png",
        help=_("enregistrer une capture de la fenêtre (1280×800) puis quitter"),
    )
    parser.add_argument(
        "--lesson",
        metavar="ID",
        help=_("leçon à ouvrir (par exemple team-s2-co-intervention/configurations)"),
    )
    parser.add_argument(
        "--view", choices=["home", "bookmarks", "search", "journal"], help=argparse.SUPPRESS
    )
    parser.add_argument("--search", metavar="MOTS", help=_("ouvrir la recherche sur ces mots"))
    parser.set_defaults(command=None)
    data_cli.add_commands(parser.add_subparsers(dest="command", metavar="COMMANDE"))
    return parser


def split_pack_files(argv: list[str]) -> tuple[list[str], list[str]]:
    """(pack files to import, other arguments) from a command line.

    A file manager opens packs as `team-desktop FILE.teampack` (the .desktop entry's %f); a
    positional argument beside the subcommands would be ambiguous, so packs are taken out first.
    """
    packs = [arg for arg in argv if arg.lower().endswith(".teampack") and not arg.startswith("-")]
    return packs, [arg for arg in argv if arg not in packs]


def early_language(argv: list[str]) -> str:
    """The language of command-line messages: `--lang` wherever it is, else the environment's."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")  # an unknown value is refused by the full parser, in French
    known, _rest = early.parse_known_args(argv)
    if known.lang in LANGUAGES:
        return known.lang
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable):
            return language_for_locale(os.environ[variable])
    return language_for_locale("")


def no_screen() -> bool:
    """True on Linux with no display to open a window on (Qt would abort with a core dump)."""
    variables = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return sys.platform.startswith("linux") and not any(os.environ.get(v) for v in variables)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `team-desktop`."""
    packs, rest = split_pack_files(list(sys.argv[1:] if argv is None else argv))
    set_language(early_language(rest))
    args = build_parser().parse_args(rest)
    args.import_files = packs
    if args.command:
        return data_cli.run_command(args)
    if args.screenshot:
        # A capture is drawn off screen: it needs no display, and flashes no window.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif no_screen():
        print(
            _(
                "team-desktop : aucun écran ici (ni DISPLAY ni WAYLAND_DISPLAY) : ouvrez TEAM "
                "Desktop depuis une session graphique. Sans écran, --screenshot et les commandes "
                "(export, backup, restore) fonctionnent."
            ),
            file=sys.stderr,
        )
        return 1
    # Until the window has painted (ui.app.start_background), no cyclic garbage collection:
    # the start creates some 400 000 objects and little garbage, and the collector's passes
    # over them cost it about 40 ms.
    gc.disable()
    # Qt is imported only when a window is needed: command-line tasks start fast without it.
    from team_desktop.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
