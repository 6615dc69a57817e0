"""Files in S3-compatible object storage: a real S3 server process (moto) the tests start.

The attachment and pack tests of test_server_blobs.py and test_server_packs.py run here again
against a server whose files go to a bucket (resumable uploads and Range downloads must not
change); then `team-server move-files` moves a database's files, resumably and idempotently.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import BACKENDS, LiveServer, _database_for, free_port

# The same tests, collected again here: this module's `live_server` stores files in S3.
from test_server_blobs import (  # noqa: F401
    FILE,
    put,
    test_a_cut_download_resumes_with_range,
    test_a_file_that_does_not_match_its_hash_is_discarded,
    test_an_uploaded_file_is_whole_and_known,
    test_uploading_a_file_the_server_has_proves_possession,
    uploaded,
)
from test_server_packs import (  # noqa: F401
    published,
    test_a_cut_pack_download_resumes,
    test_the_catalogue_lists_versions_with_checksums,
)

from team_server.db import open_database

START_TIMEOUT = 30.0
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "team-test",
    "AWS_SECRET_ACCESS_KEY": "team-test-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}


class S3Server:
    """moto's S3-compatible server, a process of its own on a free loopback port."""

    def __init__(self, log: Path):
        self.endpoint = f"http://127.0.0.1:{free_port()}"
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> S3Server:
        port = self.endpoint.rsplit(":", 1)[1]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", port],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                requests.get(self.endpoint + "/moto-api/", timeout=1)
                return self
            except requests.ConnectionError:
                time.sleep(0.1)
        self.stop()
        tail = self.log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"moto's S3 server did not start:\n{tail}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, **_boto_credentials())

    def new_bucket(self) -> str:
        name = f"team-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def objects(self, bucket: str) -> dict[str, int]:
        """Key -> size of every object in the bucket."""
        listing = self.client().list_objects_v2(Bucket=bucket).get("Contents", [])
        return {item["Key"]: item["Size"] for item in listing}


def _boto_credentials() -> dict:
    return {
        "aws_access_key_id": CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        "region_name": CREDENTIALS["AWS_DEFAULT_REGION"],
    }


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """A running S3 server, and the credentials in the environment of every process started."""
    try:
        import moto.server  # noqa: F401
    except ImportError as error:
        pytest.skip(f"S3 storage tests skipped: moto[server] is not installed ({error})")
    server = S3Server(tmp_path_factory.mktemp("s3") / "moto.log")
    try:
        server.start()
    except RuntimeError as error:
        pytest.skip(f"S3 storage tests skipped: moto's server cannot start here ({error})")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in CREDENTIALS.items():
            patch.setenv(name, value)
        yield server
    server.stop()


def storage_options(s3: S3Server, bucket: str, prefix: str = "fichiers") -> tuple[str, ...]:
    return ("--file-storage", f"s3://{bucket}/{prefix}", "--s3-endpoint", s3.endpoint)


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, s3: S3Server
) -> Iterator[LiveServer]:
    """A server for the module whose files go to a bucket of its own."""
    url, admin = _database_for(request.param, request)
    bucket = s3.new_bucket()
    folder = tmp_path_factory.mktemp(f"server-s3-{request.param}")
    server = LiveServer(folder, url, storage_options(s3, bucket)).start()
    server.bucket = bucket
    yield server
    server.stop()
    if admin:
        admin.drop(url)


def chunks_in_database(server: LiveServer) -> int:
    """Rows of finished files' bytes in the server's database (uploads in progress aside)."""
    db = open_database(server.database_url or f"sqlite:///{server.data_dir}/team-server.sqlite3")
    try:
        with db.connection_context():
            return db.execute_sql(
                "SELECT COUNT(*) FROM chunk WHERE blob_id IS NOT NULL"
            ).fetchone()[0]
    finally:
        db.close_all()


def test_finished_files_are_objects_and_leave_no_bytes_in_the_database(
    live_server: LiveServer,
    s3: S3Server,
    uploaded: str,  # noqa: F811 (the fixture imported above)
    published: Path,  # noqa: F811
):
    objects = s3.objects(live_server.bucket)
    pack = hashlib.sha256(published.read_bytes()).hexdigest()
    assert objects == {
        f"fichiers/{uploaded}": len(FILE),
        f"fichiers/{pack}": len(published.read_bytes()),
    }
    assert chunks_in_database(live_server) == 0


def test_a_file_that_fails_its_hash_writes_no_object(live_server: LiveServer, s3: S3Server):
    account = live_server.new_account("eve")
    data = os.urandom(10_000)
    claimed = hashlib.sha256(b"autre chose").hexdigest()
    assert put(account, claimed, data, total=len(data)).status_code == 422
    assert f"fichiers/{claimed}" not in s3.objects(live_server.bucket)


def test_an_unusable_storage_is_refused_at_start_in_french(tmp_path: Path, s3: S3Server):
    base = [sys.executable, "-m", "team_server", "serve", "--data-dir", str(tmp_path)]
    for options, message in (
        (["--file-storage", "ftp://ailleurs"], "Stockage des fichiers non pris en charge"),
        (
            ["--file-storage", "s3://seau-absent", "--s3-endpoint", s3.endpoint],
            "Stockage des fichiers inaccessible",
        ),
    ):
        refused = subprocess.run(
            base + ["--port", str(free_port()), *options],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert refused.returncode == 2 and message in refused.stderr, refused.stderr


@pytest.mark.parametrize("backend", BACKENDS)
def test_move_files_moves_every_file_resumably_and_once(server_factory, s3: S3Server, backend):
    server = server_factory(backend)  # files in the database, as before this setting
    account = server.new_account("awa")
    # The first is sent to S3 in two parts (8 MiB and the rest), the last is empty.
    files = [os.urandom(size) for size in (9_000_000, 1_000, 0)]
    digests = [hashlib.sha256(data).hexdigest() for data in files]
    for digest, data in zip(digests, files, strict=True):
        assert put(account, digest, data, total=len(data)).json()["complete"] is True
    bucket = s3.new_bucket()
    # As the deploy guide says: servers restarted with the new storage first, then the move.
    server.stop()
    server.options = ("--file-storage", f"s3://{bucket}/neuf", "--s3-endpoint", s3.endpoint)
    server.start()
    # An earlier run was cut after writing the first object, before the database knew it.
    s3.client().put_object(
        Bucket=bucket, Key=f"neuf/{digests[0]}", Body=files[0], Metadata={"sha256": digests[0]}
    )
    to = ["--to", f"s3://{bucket}/neuf"]

    first = server.admin("move-files", *to)
    assert first.returncode == 0, first.stderr
    assert f": 3 ({sum(map(len, files))} octets), dont 1 déjà écrits" in first.stdout
    assert s3.objects(bucket) == {
        f"neuf/{digest}": len(data) for digest, data in zip(digests, files, strict=True)
    }
    assert chunks_in_database(server) == 0
    again = server.admin("move-files", *to)
    assert again.returncode == 0 and ": 0 (0 octets)" in again.stdout, again.stdout

    # The running server reads the moved files, Range included.
    big = account.get(f"/blobs/{digests[0]}", headers={"Range": "bytes=8999000-"})
    assert big.status_code == 206 and big.content == files[0][8_999_000:]
    assert account.get(f"/blobs/{digests[1]}").content == files[1]
    empty = account.get(f"/blobs/{digests[2]}")
    assert empty.status_code == 200 and empty.content == b""
