"""team-server's own distribution (packaging/server) holds everything the server imports, no Qt.

Read from the source, every import included (also those inside functions), so that a module
the server starts to use is added to the distribution before an administrator's install lacks it.
"""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.core.test_layers import ROOT, _imported_names, _module_name, import_graph

PYPROJECT = ROOT / "packaging" / "server" / "pyproject.toml"


def _project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def _packaged(module: str, patterns: list[str]) -> bool:
    """Whether setuptools' `find` with `patterns` takes the package holding `module`."""
    package = module if (ROOT / Path(*module.split("."))).is_dir() else module.rpartition(".")[0]
    return any(fnmatch.fnmatchcase(package, pattern) for pattern in patterns)


def server_modules() -> set[str]:
    """Every module of ours that team-server imports, directly or through another one."""
    graph = import_graph()
    found = {name for name in graph if name.split(".")[0] == "team_server"}
    todo = list(found)
    while todo:
        for other in graph[todo.pop()] - found:
            found.add(other)
            todo.append(other)
    return found


def test_the_distribution_packages_every_module_the_server_imports():
    patterns = _project()["tool"]["setuptools"]["packages"]["find"]["include"]
    modules = server_modules()
    assert "team_desktop.core.content.archive" in modules
    assert sorted(name for name in modules if not _packaged(name, patterns)) == []
    assert not _packaged("team_desktop.ui.main_window", patterns)


def _installed(requirements: list[str]) -> set[str]:
    """The distributions pip installs for `requirements`, as this environment's metadata says."""
    found: set[str] = set()
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        new_extras = [e for e in ("", *requirement.extras) if (name, e) not in found]
        for wanted in new_extras:
            found.add((name, wanted))
            todo += [(Requirement(line), wanted) for line in metadata.requires(name) or []]
    return {name for name, _ in found}


def test_its_dependencies_cover_every_library_the_server_imports_and_none_is_qt():
    installed = _installed(_project()["project"]["dependencies"])
    assert {"fastapi", "starlette", "psycopg-binary"} <= installed
    assert not [d for d in installed if d.startswith(("pyside6", "shiboken6"))]

    providers = metadata.packages_distributions()
    libraries = set()
    for name in server_modules():
        path = ROOT / Path(*name.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        libraries |= {n.split(".")[0] for n in _imported_names(path, _module_name(path))}
    third_party = libraries - set(sys.stdlib_module_names) - {"team_server", "team_desktop"}
    assert "fastapi" in third_party
    uncovered = sorted(
        top
        for top in third_party
        if not {canonicalize_name(d) for d in providers.get(top, [])} & installed
    )
    assert uncovered == []
