"""A newer pack published on the server is offered, downloaded resumably, and installed."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clients import FIXTURES, unique
from fault_proxy import FaultProxy

from team_desktop.core import progress
from team_desktop.core.content.archive import build_archive
from team_desktop.core.store.models import PackRecord
from team_desktop.core.sync import packs
from team_desktop.core.sync.errors import OfflineError


def _publish(server, archive: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "team_server",
        "publish-pack",
        str(archive),
        "--data-dir",
        str(server.data_dir),
    ]
    if server.database_url:
        command += ["--database-url", server.database_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def _version(tmp_path: Path, version: str) -> Path:
    folder = tmp_path / f"mini-{version}"
    shutil.copytree(FIXTURES / "mini-pack", folder)
    meta = folder / "pack.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace('version = "1.0.0"', f'version = "{version}"'),
        encoding="utf-8",
    )
    # A big asset, so the download is long enough to be cut.
    (folder / "assets" / "photo.bin").write_bytes(os.urandom(300_000))
    archive = tmp_path / f"mini-{version}.teampack"
    build_archive(folder, archive)
    return archive


def test_newer_pack_offered_then_resumed_after_a_cut(make_client, live_server, tmp_path):
    learner = make_client("apprenant").sign_up(unique("gil"), "Gil")
    with learner:
        progress.set_completed("test-mini/premiere")
    _publish(live_server, _version(tmp_path, "1.0.0"))
    _publish(live_server, _version(tmp_path, "1.4.2"))
    with learner:
        [offer] = [o for o in packs.offers(learner.connection) if o.id == "test-mini"]
    assert (offer.installed, offer.version) == ("1.0.0", "1.4.2")

    proxy = FaultProxy(live_server.port)
    try:
        line = proxy.line_for(learner)
        proxy.cut_reply_after = proxy.received + offer.size // 2
        with learner, pytest.raises(OfflineError) as cut:
            packs.download_and_install(learner.store, line, offer)
        assert "reprendra là où elle s'est arrêtée" in str(cut.value)  # what to do, in French
        proxy.heal()
        before = proxy.received
        with learner:
            result = packs.download_and_install(learner.store, line, offer)
            resumed_bytes = proxy.received - before
            assert result.previous_version == "1.0.0" and result.version == "1.4.2"
            assert PackRecord.get_by_id("test-mini").version == "1.4.2"
            assert progress.is_completed("test-mini/premiere")  # unchanged lesson keeps progress
            assert packs.offers(learner.connection) == []
        assert resumed_bytes < offer.size * 0.75  # only the rest travelled
    finally:
        proxy.close()


def test_a_pack_that_does_not_match_its_checksum_is_dropped_and_told(
    make_client, live_server, tmp_path
):
    learner = make_client("apprenant").sign_up(unique("ines"), "Inès")
    _publish(live_server, _version(tmp_path, "2.0.0"))  # newer than any other test's
    with learner:
        offers = packs.offers(learner.connection)
        [offer] = [o for o in offers if (o.id, o.version) == ("test-mini", "2.0.0")]
        tampered = dataclasses.replace(offer, sha256="0" * 64)
        with pytest.raises(packs.PackDamaged) as damaged:
            packs.download_and_install(learner.store, learner.connection, tampered)
        assert "téléchargé à nouveau" in str(damaged.value)
        assert PackRecord.get_by_id("test-mini").version == "1.0.0"
        assert list(learner.store.paths.tmp.glob("pack-*")) == []  # nothing half-kept
