"""Real `team-server` processes on free loopback ports, for the server tests and the client's.

Registered for the whole suite by tests/conftest.py (`pytest_plugins`). Fixtures:

- `live_server` (module scope, tests run once per backend, "sqlite" and "postgresql"): a
  started server on a fresh database, shared by a module's tests, so they use fresh usernames
  (`new_account` does) and never stop it (use `server_factory` for restarts).
- `server_factory` (function scope): `server_factory(backend="sqlite", database_url=None,
  options=())` starts another server (a fresh database unless `database_url` is given; two
  servers on one PostgreSQL database share it; `options` go to the server and to its
  `.admin` commands alike, e.g. its file storage; `serve_args` to `serve` only, e.g. its
  quota); all are stopped and their databases dropped afterwards.
- `postgres_url`: the URL of a fresh, migrated PostgreSQL database (skips, printing why, when
  TEAM_TEST_POSTGRES_URL is not set; fails instead when TEAM_TEST_REQUIRE_POSTGRES=1).

A `LiveServer` has `.url` (the base address a client is given), `.api` (`.url + "/api/v1"`),
`.stop()`, `.start()` (again on the same port and database), `.session(token)` and
`.admin(*args)` (a `team-server` command on its database) and `.sql(statement, *params)`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
import requests

BACKENDS = ("sqlite", "postgresql")
# A condition waited on, not a sleep: only a slow start pays it. At a load average of 12 on
# two cores, importing the server and opening PostgreSQL once took more than 30 s.
START_TIMEOUT = 90.0
PROTOCOL_HEADERS = {"X-Team-Protocol": "1"}
PASSWORD = "mot de passe solide"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """One `python -m team_server` process; its data directory and database outlive restarts."""

    def __init__(
        self,
        data_dir: Path,
        database_url: str | None = None,
        options: tuple = (),
        serve_args: tuple = (),
    ):
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.options = tuple(options)  # of every command on this server (its file storage)
        self.serve_args = tuple(serve_args)  # of `serve` only, such as ("--quota-mo", "1")
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = self.data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return self.url + "/api/v1"

    def command(self) -> list[str]:
        command = [sys.executable, "-m", "team_server", "serve", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
        if self.database_url:
            command += ["--database-url", self.database_url]
        return command + list(self.options) + list(self.serve_args)

    def start(self) -> LiveServer:
        """Start the process and wait until /api/v1/health answers."""
        if self.process is not None:
            raise RuntimeError("server already running")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEAM_")}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                raise RuntimeError(f"team-server exited at start:\n{self.log_tail()}")
            try:
                if requests.get(self.api + "/health", timeout=1).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):
                pass  # not listening yet, or too busy starting to answer within the second
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            f"team-server did not answer within {START_TIMEOUT} s:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def admin(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
        """`team-server ARGS` on this server's database, as an administrator runs it."""
        where = ["--data-dir", str(self.data_dir), *self.options]
        if self.database_url:
            where += ["--database-url", self.database_url]
        return subprocess.run(
            [sys.executable, "-m", "team_server", *args, *where],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def sql(self, statement: str, *params) -> list[tuple]:
        """Run SQL straight on the server's database (`?` placeholders); returns the rows.

        For tests that must stand where time or an administrator would (a token left unused
        for months), never to check what the API itself can tell.
        """
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url) as connection:
                cursor = connection.execute(statement.replace("?", "%s"), params)
                return cursor.fetchall() if cursor.description else []
        import sqlite3

        with sqlite3.connect(self.data_dir / "team-server.sqlite3") as connection:
            return connection.execute(statement, params).fetchall()

    def session(self, token: str | None = None) -> requests.Session:
        """A plain HTTP session speaking protocol 1, with the bearer token if given."""
        session = requests.Session()
        session.headers.update(PROTOCOL_HEADERS)
        if token:
            session.headers["Authorization"] = f"Bearer {token}"
        return session

    def new_account(self, prefix: str = "user", display_name: str | None = None) -> Account:
        """A fresh account (unique username), logged in on a device named after it."""
        username = f"{prefix}-{uuid.uuid4().hex[:8]}"
        anonymous = self.session()
        created = anonymous.post(
            self.api + "/accounts",
            json={
                "username": username,
                "password": PASSWORD,
                "display_name": display_name or prefix.capitalize(),
            },
        )
        assert created.status_code == 201, created.text
        token = self.login(username)
        return Account(created.json()["id"], username, token, self.session(token), self)

    def login(self, username: str, device_name: str = "test") -> str:
        answer = self.session().post(
            self.api + "/login",
            json={"username": username, "password": PASSWORD, "device_name": device_name},
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["token"]


@dataclass
class Account:
    """A logged-in test user: `http` is a session carrying its token."""

    id: str
    username: str
    token: str
    http: requests.Session
    server: LiveServer

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.server.api + path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.http.post(self.server.api + path, **kwargs)


class PostgresAdmin:
    """Creates and drops throwaway databases on the test PostgreSQL server."""

    def __init__(self, admin_url: str):
        import psycopg

        self.admin_url = admin_url
        self._psycopg = psycopg
        self.created: list[str] = []
        self.template: str | None = None

    def _execute(self, sql: str) -> None:
        with self._psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def _url(self, name: str) -> str:
        return urlunparse(urlparse(self.admin_url)._replace(path="/" + name))

    def create(self, migrated: bool = False) -> str:
        """A new database, empty or already migrated; returns its URL."""
        name = f"team_test_{uuid.uuid4().hex[:12]}"
        if not migrated:
            self._execute(f"CREATE DATABASE {name}")
            self.created.append(name)
            return self._url(name)
        # Copying a database migrated once is much faster than migrating each one.
        self._execute(f"CREATE DATABASE {name} TEMPLATE {self._template()}")
        self.created.append(name)
        with self._psycopg.connect(self._url(name), autocommit=True) as connection:
            # Each database is another server, as a fresh migration would make it.
            connection.execute(
                "UPDATE server_meta SET value = %s WHERE key = 'server_id'", (uuid.uuid4().hex,)
            )
        return self._url(name)

    def _template(self) -> str:
        if self.template is None:
            url = self.create()
            migrate(url)  # the real `team-server migrate`
            self.template = urlparse(url).path.lstrip("/")
        return self.template

    def drop(self, url: str) -> None:
        name = urlparse(url).path.lstrip("/")
        if name in self.created:
            # FORCE: a server still connected must not keep the database alive.
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self.created.remove(name)

    def drop_all(self) -> None:
        for name in list(self.created):
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.created.clear()


def migrate(database_url: str) -> None:
    """`team-server migrate` on a database, as an administrator would run it."""
    done = subprocess.run(
        [sys.executable, "-m", "team_server", "migrate", "--database-url", database_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def postgres_admin_url() -> str:
    """TEAM_TEST_POSTGRES_URL, or skip (fail when TEAM_TEST_REQUIRE_POSTGRES=1)."""
    url = os.environ.get("TEAM_TEST_POSTGRES_URL")
    if url:
        return url
    reason = "PostgreSQL tests skipped: TEAM_TEST_POSTGRES_URL is not set (.ci/run sets it)"
    if os.environ.get("TEAM_TEST_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason + ", and TEAM_TEST_REQUIRE_POSTGRES=1 requires them")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[PostgresAdmin]:
    admin = PostgresAdmin(postgres_admin_url())
    yield admin
    admin.drop_all()


@pytest.fixture
def postgres_url(postgres_admin: PostgresAdmin) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database, dropped after the test."""
    url = postgres_admin.create(migrated=True)
    yield url
    postgres_admin.drop(url)


def _database_for(
    backend: str, request: pytest.FixtureRequest
) -> tuple[str | None, PostgresAdmin | None]:
    """The database URL for a backend (None: the embedded SQLite default) and who drops it."""
    if backend == "sqlite":
        return None, None  # SQLite in the data directory, migrated by the server at start
    admin = request.getfixturevalue("postgres_admin")
    return admin.create(migrated=True), admin


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A running server for the module, once on SQLite and once on PostgreSQL."""
    url, admin = _database_for(request.param, request)
    server = LiveServer(tmp_path_factory.mktemp(f"server-{request.param}"), url).start()
    yield server
    server.stop()
    if admin:
        admin.drop(url)


@pytest.fixture
def server_factory(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[..., LiveServer]]:
    """Start servers on demand; see the module docstring."""
    started: list[LiveServer] = []
    made: list[tuple[str, PostgresAdmin]] = []  # databases made here, dropped at the end

    def start(
        backend: str = "sqlite",
        database_url: str | None = None,
        options: tuple = (),
        serve_args: tuple = (),
    ) -> LiveServer:
        url = database_url
        if url is None:
            url, admin = _database_for(backend, request)
            if admin:
                made.append((url, admin))
        server = LiveServer(tmp_path / f"server-{len(started)}", url, options, serve_args)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()
    for url, admin in made:
        admin.drop(url)
