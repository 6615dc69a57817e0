"""The Linux desktop integration files: the .desktop entry and the .teampack MIME type."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP_FILE = RESOURCES / "team-desktop.desktop"
MIME_FILE = RESOURCES / "mime" / "team-desktop.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TEAMPACK = "application/x-teampack"


@pytest.fixture(scope="module")
def entry() -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(strict=True, delimiters=("=",), comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read_string(DESKTOP_FILE.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def values(raw: str) -> list[str]:
    """A desktop-entry list value (`a;b;`) as a list."""
    return [part for part in raw.split(";") if part]


def test_entry_launches_the_app_with_a_file(entry):
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["team-desktop", "%f"]
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "team-desktop"
    assert (RESOURCES / "icons" / "team-desktop.svg").is_file()
    assert "Education" in values(entry["Categories"])


def test_entry_speaks_french_first_then_english(entry):
    assert entry["Name"] == entry["Name[en]"] == "TEAM Desktop"
    assert "hors ligne" in entry["GenericName"] and "offline" in entry["GenericName[en]"].lower()
    assert "sans connexion" in entry["Comment"] and "offline" in entry["Comment[en]"]


def test_entry_opens_the_type_the_mime_file_defines(entry):
    assert values(entry["MimeType"]) == [TEAMPACK]
    mime_type = ET.parse(MIME_FILE).getroot().find(f"{MIME_NS}mime-type")
    assert mime_type is not None and mime_type.get("type") == TEAMPACK
    assert [glob.get("pattern") for glob in mime_type.iter(f"{MIME_NS}glob")] == ["*.teampack"]
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text for c in mime_type}
    assert comments.get("fr") == "Module de cours TEAM"


def test_entry_passes_desktop_file_validate():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate absent (paquet Debian desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no warnings or hints either


def test_mime_database_maps_teampack_files(tmp_path: Path):
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database absent (paquet Debian shared-mime-info)")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_FILE, packages)
    result = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert any(line.endswith(f":{TEAMPACK}:*.teampack") for line in globs)
    subclasses = (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8")
    assert f"{TEAMPACK} application/zip" in subclasses
