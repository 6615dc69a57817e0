"""Shared fixtures for the Qt-free core tests: a fresh store, pack folders and archives."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from team_desktop.core.content.archive import build_archive
from team_desktop.core.content.loader import load_pack
from team_desktop.core.content.model import Pack
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.store.models import MODELS, database

MINI_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "mini-pack"


class PackFolder:
    """A writable copy of a pack folder, with small editing helpers for tests."""

    def __init__(self, root: Path):
        self.root = root

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        (self.root / name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` in file `name` (fails if not exactly one)."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def line_of(self, name: str, needle: str, nth: int = 1) -> int:
        """1-based number of the `nth` line of `name` containing `needle`."""
        found = [
            n for n, line in enumerate(self.text(name).splitlines(), start=1) if needle in line
        ]
        assert len(found) >= nth, f"{needle!r} not found {nth} time(s) in {name}"
        return found[nth - 1]

    def set_version(self, version: str) -> None:
        meta = self.text("pack.toml")
        current = next(line for line in meta.splitlines() if line.startswith("version ="))
        self.replace("pack.toml", current, f'version = "{version}"')

    def load(self) -> Pack:
        pack, problems = load_pack(self.root)
        assert pack is not None, [str(p) for p in problems]
        return pack

    def build(self, output: Path) -> Path:
        build_archive(self.root, output)
        return output


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[[str], PackFolder]:
    """Factory: a fresh copy of the mini pack under tmp_path/<name>."""

    def make(name: str = "mini-pack") -> PackFolder:
        dest = tmp_path / name
        shutil.copytree(MINI_PACK, dest)
        return PackFolder(dest)

    return make


@pytest.fixture
def pack(make_pack: Callable[[str], PackFolder]) -> PackFolder:
    """A writable copy of tests/fixtures/mini-pack."""
    return make_pack("mini-pack")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in tmp_path/data, active for the models."""
    opened = open_store(DataPaths(tmp_path / "data"))
    yield opened
    opened.close()


def table_snapshot() -> dict[str, list]:
    """Every row of every table of the active store, search index included."""
    snapshot: dict[str, list] = {}
    for model in MODELS:
        snapshot[model.__name__] = sorted(model.select().tuples(), key=repr)
    rows = database.execute_sql("SELECT kind, ref, title, body FROM search_index").fetchall()
    snapshot["search_index"] = sorted(rows)
    return snapshot


@pytest.fixture
def snapshot_tables() -> Callable[[], dict[str, list]]:
    return table_snapshot


def tree(*roots: Path, exclude: Path | None = None) -> set[str]:
    """Every path under `roots` (files and folders), except those under `exclude`."""
    found = set()
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if exclude is not None and (path == exclude or exclude in path.parents):
                continue
            found.add(str(path))
    return found


@pytest.fixture
def snapshot_tree() -> Callable[..., set[str]]:
    return tree


class ArchiveKit:
    """Crafts `.teampack` files, good or hostile, entry by entry."""

    @staticmethod
    def entries(archive: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(archive) as source:
            return {info.filename: source.read(info) for info in source.infolist()}

    @staticmethod
    def manifest_for(meta: dict, files: dict[str, bytes], fmt: int = 1) -> bytes:
        manifest = {
            "format": fmt,
            "pack": meta,
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        }
        return json.dumps(manifest, ensure_ascii=False).encode()

    @staticmethod
    def write(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                if isinstance(name, zipfile.ZipInfo):
                    name.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(name, data)
        return path


@pytest.fixture
def archive_kit() -> type[ArchiveKit]:
    return ArchiveKit


@pytest.fixture
def good_archive(tmp_path: Path, pack: PackFolder) -> Path:
    """The mini pack built into tmp_path/good.teampack."""
    return pack.build(tmp_path / "good.teampack")


@pytest.fixture
def course(store: Store) -> Store:
    """The fresh `store` with the mini pack (lessons, activities) installed."""
    from team_desktop.core import library

    installed, failures = library.install_bundled(store, MINI_PACK.parent)
    assert [r.pack_id for r in installed] == ["test-mini"] and not failures
    return store
