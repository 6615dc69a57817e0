"""The built app (PyInstaller) opens the course on a machine as bare as a trainer's.

The build takes about half a minute, so these tests run only with TEAM_TEST_FROZEN=1 (CI sets
it). They build with packaging/build.sh, or test the build TEAM_FROZEN_APP points at (the
dist/team-desktop folder). The app runs with an empty environment: no virtualenv, no Python
path, only PATH=/usr/bin:/bin, HOME and QT_QPA_PLATFORM.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
LESSON = "team-s2-co-intervention/configurations"

pytestmark = pytest.mark.skipif(
    os.environ.get("TEAM_TEST_FROZEN") != "1",
    reason="app construite non testée : TEAM_TEST_FROZEN=1 pour la construire et la tester",
)


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built app's folder: the one TEAM_FROZEN_APP names, or a fresh build."""
    if os.environ.get("TEAM_FROZEN_APP"):
        folder = Path(os.environ["TEAM_FROZEN_APP"]).resolve()
    else:
        build = subprocess.run(
            ["bash", str(REPO / "packaging" / "build.sh")],
            capture_output=True,
            text=True,
            timeout=1200,
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
        print(build.stdout)
        folder = REPO / "dist" / "team-desktop"
    assert (folder / "team-desktop").is_file(), f"pas d'exécutable dans {folder}"
    return folder


def course_pack_ids() -> set[str]:
    """The ids of the course packs in content/, which the app must install on first start."""
    return {
        tomllib.loads((pack / "pack.toml").read_text(encoding="utf-8"))["id"]
        for pack in (REPO / "content").iterdir()
        if (pack / "pack.toml").is_file()
    }


def installed_pack_ids(data: Path) -> set[str]:
    """The packs recorded in the store of a data folder."""
    connection = sqlite3.connect(data / "team.sqlite3")
    try:
        return {row[0] for row in connection.execute("SELECT id FROM pack_record")}
    finally:
        connection.close()


def run_frozen(executable: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the built app as a trainer's machine would: nothing of this virtualenv around."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(executable), *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_built_app_opens_the_course(bundle: Path, tmp_path: Path, image_difference):
    data, shot = tmp_path / "donnees", tmp_path / "lecon.png"
    result = run_frozen(
        bundle / "team-desktop",
        tmp_path / "home",
        *("--data-dir", str(data), "--screenshot", str(shot), "--lesson", LESSON),
    )
    assert result.returncode == 0, result.stderr
    assert "pack fourni invalide" not in result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    assert len(course_pack_ids()) == 5
    assert installed_pack_ids(data) == course_pack_ids()

    # The same lesson from the source tree: fonts, SVG figures and style must match.
    source_shot = tmp_path / "lecon-source.png"
    source = subprocess.run(
        [sys.executable, "-m", "team_desktop", "--data-dir", str(tmp_path / "source")]
        + ["--screenshot", str(source_shot), "--lesson", LESSON],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert source.returncode == 0, source.stderr
    assert image_difference(image, QImage(str(source_shot))) < 1.0


def test_built_app_on_a_stick_keeps_data_beside_it(bundle: Path, tmp_path: Path):
    # FAT32 and exFAT, what sticks are formatted with, have no symbolic links.
    assert [path for path in bundle.rglob("*") if path.is_symlink()] == []
    stick = tmp_path / "cle-usb"
    shutil.copytree(bundle, stick / "team-desktop")
    (stick / "data").mkdir()
    home = tmp_path / "home"
    result = run_frozen(
        stick / "team-desktop" / "team-desktop",
        home,
        *("--screenshot", str(tmp_path / "accueil.png")),
    )
    assert result.returncode == 0, result.stderr
    assert installed_pack_ids(stick / "data") == course_pack_ids()
    assert (stick / "data" / "packs" / "team-s2-co-intervention").is_dir()
    assert not (home / ".local" / "share" / "TEAM Desktop").exists()  # nothing left on the PC


def python_locations() -> list[Path]:
    """Every place this machine's Python lives: prefixes, stdlib, libpython, interpreters."""
    base = {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}
    found = {Path(sys.prefix), REPO / "build" / "venv", Path(sys.executable).resolve()}
    found |= {Path(sysconfig.get_path(n, vars=base)) for n in ("stdlib", "platstdlib", "purelib")}
    libdir, library = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
    found.add(Path(libdir or "/", library or "libpython3.so"))
    for pattern in ("usr/lib/python3*", "usr/local/lib/python3*", "usr/lib/*/libpython3*"):
        found |= set(Path("/").glob(pattern))
    found |= set(Path("/usr/bin").glob("python3*")) | set(Path("/usr/local/bin").glob("python3*"))
    found = {path.resolve() for path in found if path.exists()}
    # A folder already hidden hides what it holds; mounting inside it again would fail.
    return sorted(p for p in found if not any(f in p.parents for f in found if f.is_dir()))


def test_built_app_runs_with_python_hidden(bundle: Path, tmp_path: Path):
    """With every Python of this machine hidden (mount namespace), the app still opens."""
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare --mount refusé ici (root avec CAP_SYS_ADMIN nécessaire)")
    empty = tmp_path / "vide"
    empty.mkdir()
    hide = [
        f"mount --bind {'/dev/null' if path.is_file() else empty} '{path}'"
        for path in python_locations()
    ]
    data = tmp_path / "donnees"
    script = "\n".join(
        [
            "set -e",
            *hide,
            "if python3 -c 1 2>/dev/null; then echo PYTHON-VISIBLE; fi",
            f"exec '{bundle / 'team-desktop'}' --data-dir '{data}' "
            f"--screenshot '{tmp_path / 'lecon.png'}' --lesson {LESSON}",
        ]
    )
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "PYTHON-VISIBLE" not in result.stdout
    assert installed_pack_ids(data) == course_pack_ids()
