"""Packs: publishing with `team-server publish-pack`, the catalogue, resumable downloads."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import requests
from live_server import LiveServer

from team_desktop.core.content.archive import build_archive

MINI_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "mini-pack"


def publish(server: LiveServer, path: Path) -> subprocess.CompletedProcess:
    """The admin command, on the same database as the running server."""
    return server.admin("publish-pack", str(path))


def build(tmp: Path, version: str = "1.0.0", extra: str = "") -> Path:
    """The mini pack at `version` as a .teampack, with an extra file if `extra` is given."""
    folder = tmp / f"pack-{version}-{len(extra)}"
    shutil.copytree(MINI_PACK, folder)
    meta = folder / "pack.toml"
    meta.write_text(meta.read_text().replace('version = "1.0.0"', f'version = "{version}"'))
    if extra:
        (folder / "assets").mkdir(exist_ok=True)
        (folder / "assets" / "extra.txt").write_text(extra)
    archive = tmp / f"{folder.name}.teampack"
    build_archive(folder, archive)
    return archive


@pytest.fixture(scope="module")
def published(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = build(tmp_path_factory.mktemp("packs"))
    done = publish(live_server, archive)
    assert done.returncode == 0, done.stderr
    assert "test-mini 1.0.0" in done.stdout and "publié" in done.stdout
    return archive


def test_the_catalogue_lists_versions_with_checksums(live_server: LiveServer, published: Path):
    # Public: no token, no protocol header needed to browse packs.
    catalogue = requests.get(live_server.api + "/packs").json()
    assert catalogue == [
        {
            "id": "test-mini",
            "version": "1.0.0",
            "title": "Module d'essai",
            "week": 1,
            "sha256": hashlib.sha256(published.read_bytes()).hexdigest(),
            "size": published.stat().st_size,
        }
    ]


def test_a_cut_pack_download_resumes(live_server: LiveServer, published: Path):
    url = live_server.api + "/packs/test-mini/1.0.0"
    whole = requests.get(url)
    assert whole.status_code == 200 and whole.content == published.read_bytes()
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert 'filename="test-mini-1.0.0.teampack"' in whole.headers["Content-Disposition"]
    half = len(whole.content) // 2
    rest = requests.get(url, headers={"Range": f"bytes={half}-"})
    assert rest.status_code == 206
    assert whole.content[:half] + rest.content == whole.content
    # If the file changed meanwhile (If-Range no longer matches), the whole file comes back.
    changed = requests.get(url, headers={"Range": f"bytes={half}-", "If-Range": '"autre"'})
    assert changed.status_code == 200 and changed.content == whole.content


def test_publishing_again_is_harmless_but_a_changed_version_is_refused(
    live_server: LiveServer, published: Path, tmp_path: Path
):
    again = publish(live_server, published)
    assert again.returncode == 0 and "déjà publié" in again.stdout
    different = build(tmp_path, "1.0.0", extra="ajout")
    refused = publish(live_server, different)
    assert refused.returncode == 1
    assert "changez le numéro de version" in refused.stderr
    newer = publish(live_server, build(tmp_path, "1.1.0", extra="ajout"))
    assert newer.returncode == 0, newer.stderr
    versions = [p["version"] for p in requests.get(live_server.api + "/packs").json()]
    assert versions == ["1.0.0", "1.1.0"]


def test_a_damaged_pack_is_refused_as_the_app_would(
    live_server: LiveServer, published: Path, tmp_path: Path
):
    damaged = tmp_path / "abime.teampack"
    with zipfile.ZipFile(published) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data + b"!" if info.filename.endswith(".md") else data)
    refused = publish(live_server, damaged)
    assert refused.returncode == 1
    assert "empreinte" in refused.stderr
    assert len(requests.get(live_server.api + "/packs").json()) <= 2


def test_an_unknown_pack_is_404(live_server: LiveServer):
    answer = requests.get(live_server.api + "/packs/absent/1.0.0")
    assert answer.status_code == 404 and "Pack introuvable" in answer.json()["detail"]
