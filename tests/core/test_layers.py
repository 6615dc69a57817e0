"""The layers hold: core and server never import Qt, and no module imports itself in a circle.

Imports are read from the source (every `import`, also those inside functions), so a late
import cannot hide a cycle or a Qt dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("team_desktop", "team_server")
QT = ("PySide6", "shiboken6", "team_desktop.ui")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_names(path: Path, name: str) -> set[str]:
    """Every module name `path` imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Our modules and, for each, the other modules of ours it imports."""
    paths = {
        _module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }
    imports = {name: _imported_names(path, name) for name, path in paths.items()}
    # A module's own packages are always imported before it: an edge to them is no cycle.
    return {
        name: {n for n in found if n in paths and not name.startswith(n + ".")}
        for name, found in imports.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_sees_a_circle_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_app_or_the_server():
    graph = import_graph()
    assert len(graph) > 150
    assert cycles(graph) == []


def test_core_and_server_source_never_import_qt():
    offenders = []
    for package in ("team_desktop/core", "team_server"):
        for path in (ROOT / package).rglob("*.py"):
            names = _imported_names(path, _module_name(path))
            offenders += [(str(path), n) for n in names if n.startswith(QT)]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    core = ROOT / "team_desktop" / "core"
    modules = sorted(_module_name(path) for path in core.rglob("*.py"))
    probe = "import importlib, sys\n"
    probe += "".join(f"importlib.import_module({name!r})\n" for name in modules)
    probe += "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert len(modules) > 80
