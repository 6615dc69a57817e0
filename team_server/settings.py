"""The server's settings: declared once, read from the command line or the environment."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import platformdirs

ENV_DATABASE_URL = "TEAM_DATABASE_URL"
ENV_DATA_DIR = "TEAM_SERVER_DATA_DIR"
# Where finished files go: "database" (chunks, the default) or s3://bucket/prefix, and the
# S3-compatible endpoint (none: AWS itself). Credentials: the usual AWS_* variables.
ENV_STORAGE = {"file_storage": "TEAM_FILE_STORAGE", "s3_endpoint": "TEAM_S3_ENDPOINT"}
ENV_S3_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION")
# The external Learning Record Store that statements are forwarded to (none by default).
ENV_LRS = {
    "lrs_url": "TEAM_LRS_URL",
    "lrs_user": "TEAM_LRS_USER",
    "lrs_password": "TEAM_LRS_PASSWORD",
}
ENV_PUBLIC_URL = "TEAM_PUBLIC_URL"
# How the command line hands its settings to the app in every worker process.
ENV_SETTINGS = "TEAM_SERVER_SETTINGS"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
SQLITE_NAME = "team-server.sqlite3"


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything an instance needs; instances of one deployment share the same database."""

    data_dir: Path
    database_url: str | None = None  # None: the embedded SQLite file in data_dir
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = 1
    max_body_bytes: int = 16 * 2**20  # any request body, after gzip decoding
    max_blob_bytes: int = 200 * 2**20  # one attachment
    max_changes: int = 500  # changes pushed in one sync request
    max_pull: int = 500  # changes pulled in one sync answer
    max_pull_bytes: int = 4 * 2**20  # about this much data in one sync answer (one record more)
    session_days: float = 120.0  # a device token unused this long expires (using it renews it)
    quota_bytes: int = 1024 * 2**20  # files and records one account may store (0: no limit)
    body_timeout: float = 60.0  # seconds to receive a whole request body (slow clients)
    lrs_url: str | None = None  # e.g. https://lrs.example.org/xAPI/ (statements/ is added)
    lrs_user: str = ""
    lrs_password: str = ""
    lrs_interval: float = 30.0  # seconds between two forwarding passes of an instance
    file_storage: str = "database"  # or s3://bucket/prefix (docs/decisions/0023)
    s3_endpoint: str | None = None  # e.g. https://s3.example.org for an S3-compatible store
    # The address learners and verifiers reach this server at (the issuer of attestations);
    # None: the address each request came to.
    public_url: str | None = None

    @property
    def embedded(self) -> bool:
        """True when the server runs on its own SQLite file (no --database-url)."""
        return self.database_url is None

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / SQLITE_NAME

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    def to_env(self) -> str:
        """Serialized for `from_env` in a worker process."""
        values = dataclasses.asdict(self)
        values["data_dir"] = str(self.data_dir)
        return json.dumps(values)

    @classmethod
    def from_env(cls) -> Settings:
        """The settings the command line left in the environment (or the defaults)."""
        raw = os.environ.get(ENV_SETTINGS)
        if not raw:
            return resolve()
        values = json.loads(raw)
        values["data_dir"] = Path(values["data_dir"])
        return cls(**values)


def resolve(
    data_dir: str | os.PathLike | None = None, database_url: str | None = None, **values
) -> Settings:
    """Settings from command-line values, then the environment, then the defaults."""
    if data_dir:
        chosen = Path(data_dir)
    elif os.environ.get(ENV_DATA_DIR):
        chosen = Path(os.environ[ENV_DATA_DIR])
    else:
        chosen = Path(platformdirs.user_data_dir("TEAM Server", appauthor=False))
    url = database_url or os.environ.get(ENV_DATABASE_URL) or None
    for key, variable in {**ENV_LRS, **ENV_STORAGE, "public_url": ENV_PUBLIC_URL}.items():
        if values.get(key) is None and os.environ.get(variable):
            values[key] = os.environ[variable]
    given = {key: value for key, value in values.items() if value is not None}
    return Settings(data_dir=chosen.expanduser().resolve(), database_url=url, **given)
