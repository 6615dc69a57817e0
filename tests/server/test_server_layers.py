"""The server never imports Qt (it reuses only the Qt-free core of the app)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SERVER = Path(__file__).resolve().parents[2] / "team_server"


def test_no_qt_in_the_server_source():
    for path in SERVER.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "team_desktop.ui" not in text, path


def test_importing_every_server_module_loads_no_qt():
    modules = sorted(
        "team_server." + ".".join(path.relative_to(SERVER).with_suffix("").parts)
        for path in SERVER.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    )
    probe = "import importlib, sys\n"
    probe += "".join(f"importlib.import_module({name!r})\n" for name in modules)
    probe += "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(modules) > 10
