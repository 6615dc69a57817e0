"""TEAM Desktop's translations: extract the strings to translate, and compile the catalogues.

    python packaging/translations.py update   # after changing user-visible strings
    python packaging/translations.py build    # .ts → .qm and .po → .mo (setup.sh, build.sh)
    python packaging/translations.py check    # what is missing or untranslated (exit 1 if any)

French is the source language. The Qt layer (`self.tr`, `QCoreApplication.translate`,
`QT_TRANSLATE_NOOP`) is extracted by pyside6-lupdate into `resources/translations/*.ts`: the
complete English catalogue, and a French one holding only the plural forms of "%n" messages.
Core messages (`_`, `N_`, `ngettext` from team_desktop.core.i18n) are extracted here with `ast`
into a gettext catalogue, `resources/locale/en/LC_MESSAGES/team_desktop.po`. Compiled files
(.qm, .mo) are build products, never committed: the app runs in French without them.
"""

from __future__ import annotations

import argparse
import array
import ast
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "team_desktop"
TS_DIR = Path("resources/translations")
PO_DIR = Path("resources/locale")
DOMAIN = "team_desktop"
# Qt catalogues: language → only plural forms (the source language's own "%n" messages).
QT_CATALOGUES = {"en": False, "fr": True}
GETTEXT_LANGUAGES = ("en",)
PO_HEADER = {
    "en": "Content-Type: text/plain; charset=UTF-8\n"
    "Language: en\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
}
CORE_MARKERS = {"_": 1, "N_": 1, "ngettext": 2}


def ts_path(language: str, root: Path = ROOT) -> Path:
    return root / TS_DIR / f"{DOMAIN}_{language}.ts"


def po_path(language: str, root: Path = ROOT) -> Path:
    return root / PO_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def sources(root: Path = ROOT) -> list[Path]:
    """Every Python file of the app, relative to `root`, in a stable order."""
    return sorted(p.relative_to(root) for p in (root / PACKAGE).rglob("*.py"))


# -- Qt: lupdate and lrelease ---------------------------------------------------------------


def qt_tool(name: str) -> str | None:
    """`pyside6-lupdate` / `pyside6-lrelease` from the running environment, if installed."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.is_file():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    try:
        import PySide6
    except ImportError:
        return None
    binary = Path(PySide6.__file__).parent / (name + (".exe" if os.name == "nt" else ""))
    return str(binary) if binary.is_file() else None


def lupdate(target: Path, language: str, plural_only: bool, root: Path = ROOT) -> None:
    """Extract the Qt layer's strings into `target` (merging the translations it holds)."""
    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate est introuvable : installez PySide6.")
    command = [tool, "-silent", "-locations", "none", "-no-obsolete"]
    command += ["-source-language", "fr", "-target-language", language]
    if plural_only:
        command.append("-pluralonly")
    command += [str(p) for p in sources(root)] + ["-ts", str(target)]
    subprocess.run(command, cwd=root, check=True)


@dataclass(frozen=True)
class TsMessage:
    """One message of a .ts file: its key, whether it has plural forms, its translations."""

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[TsMessage]:
    """The messages of a Qt .ts file."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if message.get("numerus") == "yes"
                else (translation.text or "",)
            )
            messages.append(
                TsMessage(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    message.get("numerus") == "yes",
                    forms,
                    kind in ("unfinished", "obsolete", "vanished") or not all(forms),
                )
            )
    return messages


def qt_gaps(language: str, root: Path = ROOT) -> tuple[list[TsMessage], list[TsMessage]]:
    """(strings in the sources but not in the committed .ts, untranslated ones in it)."""
    committed = read_ts(ts_path(language, root))
    with tempfile.TemporaryDirectory() as scratch:
        fresh_path = Path(scratch) / f"{DOMAIN}_{language}.ts"
        lupdate(fresh_path, language, QT_CATALOGUES[language], root)
        fresh = read_ts(fresh_path)
    known = {m.key for m in committed}
    return [m for m in fresh if m.key not in known], [m for m in committed if m.unfinished]


def lrelease(source: Path, target: Path) -> bool:
    """Compile a .ts into a .qm (atomically); False when lrelease is not installed."""
    tool = qt_tool("lrelease")
    if tool is None:
        return False
    # One scratch file per process: test processes in parallel compile the same catalogues.
    scratch = target.with_suffix(f".qm.{os.getpid()}.tmp")
    subprocess.run([tool, "-silent", str(source), "-qm", str(scratch)], check=True)
    os.replace(scratch, target)
    return True


# -- core: gettext catalogue ----------------------------------------------------------------


@dataclass
class PoEntry:
    """A gettext message: its id (and plural id), its translations, where it comes from."""

    msgid: str
    msgid_plural: str = ""
    msgstr: list[str] = field(default_factory=lambda: [""])
    references: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def translated(self) -> bool:
        return (
            not self.fuzzy
            and all(self.msgstr)
            and len(self.msgstr) == (2 if self.msgid_plural else 1)
        )


def extract_core(root: Path = ROOT) -> list[PoEntry]:
    """Every `_("…")`, `N_("…")` and `ngettext("…", "…", n)` of the app, in source order."""
    found: dict[tuple[str, str], PoEntry] = {}
    for path in sources(root):
        tree = ast.parse((root / path).read_text(encoding="utf-8"), str(path))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        for call in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
            name = getattr(call.func, "id", None)
            wanted = CORE_MARKERS.get(name)
            texts = [a.value for a in call.args[: wanted or 0] if isinstance(a, ast.Constant)]
            if not wanted or len(texts) != wanted or not all(isinstance(t, str) for t in texts):
                continue
            key = (texts[0], texts[1] if wanted == 2 else "")
            entry = found.setdefault(key, PoEntry(key[0], key[1], ["", ""] if key[1] else [""]))
            if path.as_posix() not in entry.references:
                entry.references.append(path.as_posix())
    return list(found.values())


def non_literal_core_calls(root: Path = ROOT) -> list[str]:
    """`_()`/`ngettext()` calls on f-strings or concatenations: never found in a catalogue."""
    problems = []
    for path in sources(root):
        tree = ast.parse((root / path).read_text(encoding="utf-8"), str(path))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) in CORE_MARKERS:
                if any(isinstance(a, (ast.JoinedStr, ast.BinOp)) for a in call.args[:2]):
                    problems.append(f"{path}:{call.lineno}")
    return problems


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, chars = [], iter(body)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(following, following))
        else:
            out.append(char)
    return "".join(out)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


def read_po(path: Path) -> tuple[str, list[PoEntry]]:
    """(header, entries) of a .po file written by `write_po` or by hand."""
    header, entries = "", []
    current: PoEntry | None = None
    field_name, index = "", 0
    references: list[str] = []
    fuzzy = False
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("#:"):
            references += stripped[2:].split()
        elif stripped.startswith("#,"):
            fuzzy = "fuzzy" in stripped
        elif stripped.startswith("msgid_plural "):
            current.msgid_plural = _unquote(stripped[13:])
            current.msgstr = ["", ""]
            field_name = "msgid_plural"
        elif stripped.startswith("msgid "):
            if current is not None:
                entries.append(current)
            current = PoEntry(_unquote(stripped[6:]), references=references, fuzzy=fuzzy)
            references, fuzzy, field_name = [], False, "msgid"
        elif stripped.startswith("msgstr"):
            index = int(stripped[7]) if stripped.startswith("msgstr[") else 0
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(stripped.split(" ", 1)[1])
            field_name = "msgstr"
        elif stripped.startswith('"') and current is not None:
            text = _unquote(stripped)
            if field_name == "msgid":
                current.msgid += text
            elif field_name == "msgid_plural":
                current.msgid_plural += text
            else:
                current.msgstr[index] += text
    if current is not None:
        entries.append(current)
    if entries and entries[0].msgid == "":
        header = entries.pop(0).msgstr[0]
    return header, entries


def write_po(path: Path, header: str, entries: list[PoEntry]) -> None:
    """Write a .po file: one line per string, references without line numbers."""
    lines = [
        "# TEAM Desktop: core messages (French source) and their translation.",
        "# Updated by `python packaging/translations.py update`; translate the empty msgstr.",
        'msgid ""',
        "msgstr " + _quote(header),
        "",
    ]
    for entry in entries:
        if entry.references:
            lines.append("#: " + " ".join(entry.references))
        if entry.fuzzy:
            lines.append("#, fuzzy")
        lines.append("msgid " + _quote(entry.msgid))
        if entry.msgid_plural:
            lines.append("msgid_plural " + _quote(entry.msgid_plural))
            lines += [f"msgstr[{i}] " + _quote(text) for i, text in enumerate(entry.msgstr)]
        else:
            lines.append("msgstr " + _quote(entry.msgstr[0]))
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def update_po(language: str, root: Path = ROOT) -> None:
    """Extract core messages into the language's .po, keeping the translations it has."""
    path = po_path(language, root)
    header, old = read_po(path) if path.is_file() else (PO_HEADER[language], [])
    known = {(e.msgid, e.msgid_plural): e for e in old}
    entries = []
    for entry in extract_core(root):
        previous = known.get((entry.msgid, entry.msgid_plural))
        if previous is not None:
            entry.msgstr, entry.fuzzy = previous.msgstr, previous.fuzzy
        entries.append(entry)
    write_po(path, header or PO_HEADER[language], entries)


def core_gaps(language: str, root: Path = ROOT) -> tuple[list[PoEntry], list[PoEntry]]:
    """(core messages missing from the committed .po, untranslated ones in it)."""
    _header, committed = read_po(po_path(language, root))
    known = {(e.msgid, e.msgid_plural) for e in committed}
    missing = [e for e in extract_core(root) if (e.msgid, e.msgid_plural) not in known]
    return missing, [e for e in committed if not e.translated]


def write_mo(header: str, entries: list[PoEntry], target: Path) -> None:
    """Compile to a GNU .mo file (the layout of CPython's Tools/i18n/msgfmt.py), atomically."""
    messages = {b"": header.encode("utf-8")}
    for entry in entries:
        if not entry.translated:
            continue
        key = entry.msgid.encode("utf-8")
        if entry.msgid_plural:
            key += b"\0" + entry.msgid_plural.encode("utf-8")
        messages[key] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets, value_offsets = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_offsets += [id_length, id_offset + key_start]
        value_offsets += [str_length, str_offset + value_start]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    output += array.array("i", key_offsets + value_offsets).tobytes() + ids + strs
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(f".mo.{os.getpid()}.tmp")
    scratch.write_bytes(output)
    os.replace(scratch, target)


# -- commands -------------------------------------------------------------------------------


def update(root: Path = ROOT) -> None:
    """Bring every catalogue up to date with the sources (translations kept)."""
    for language, plural_only in QT_CATALOGUES.items():
        lupdate(ts_path(language, root), language, plural_only, root)
    for language in GETTEXT_LANGUAGES:
        update_po(language, root)


def build(root: Path = ROOT) -> list[Path]:
    """Compile every catalogue next to its source; returns the files written."""
    written = []
    for language in QT_CATALOGUES:
        source = ts_path(language, root)
        target = source.with_suffix(".qm")
        if source.is_file() and lrelease(source, target):
            written.append(target)
    for language in GETTEXT_LANGUAGES:
        source = po_path(language, root)
        if source.is_file():
            header, entries = read_po(source)
            write_mo(header, entries, source.with_suffix(".mo"))
            written.append(source.with_suffix(".mo"))
    if not written:
        print("translations: rien à compiler (PySide6 absent ?) ; l'interface restera en français")
    return written


def check(root: Path = ROOT) -> int:
    """Print what is missing or untranslated; 1 if anything is."""
    problems = []
    for language in QT_CATALOGUES:
        missing, unfinished = qt_gaps(language, root)
        problems += [f"{language}.ts: absent : {m.context} « {m.source} »" for m in missing]
        problems += [f"{language}.ts: à traduire : {m.context} « {m.source} »" for m in unfinished]
    for language in GETTEXT_LANGUAGES:
        missing, untranslated = core_gaps(language, root)
        problems += [f"{language}.po: absent : « {e.msgid} »" for e in missing]
        problems += [f"{language}.po: à traduire : « {e.msgid} »" for e in untranslated]
    problems += [f"chaîne non extractible : {p}" for p in non_literal_core_calls(root)]
    print("\n".join(problems) or "translations: complet")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    command = parser.parse_args(argv).command
    if command == "update":
        update()
    elif command == "build":
        for path in build():
            print(path.relative_to(ROOT))
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
