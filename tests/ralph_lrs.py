"""A real Learning Record Store for the tests: Ralph (ralph-malph), with its filesystem backend.

Registered for the whole suite by tests/conftest.py. Ralph pins its own FastAPI, so it lives in
a virtual environment of its own, made once with pip under pytest's cache folder
(`.pytest_cache/d/ralph-venv`, about a minute the first time, started in the background when
the whole suite runs; a later run reuses it) and run as a separate process on a loopback port.

Ralph 5.1.0's filesystem LRS backend writes its statements file in "create" mode, so every
write after the first fails (500, "already exists and overwrite is not allowed"). The fixture
therefore starts Ralph's own app (what `ralph runserver -b fs` starts) with uvicorn, after
switching that backend to "append" mode; validation and duplicate handling are Ralph's.

- `ralph_venv` (session): the virtual environment's folder. When Ralph cannot be installed (no
  network), tests that need it skip, printing why, or fail when TEAM_TEST_REQUIRE_RALPH=1
  (.ci/run sets it).
- `ralph_factory` (function): `ralph_factory(port=None)` makes a `Ralph` (not started) with its
  own credentials and data folder; all are stopped at the end.

A `Ralph` has `.url` (the xAPI base address), `.user`, `.password`, `.start()`, `.stop()`,
`.post(statements)`, `.stored()` (every statement it stored, in order, read from its data
file) and `.strict_errors(statements)` (Ralph's full xAPI 1.0.3 model on each: "ok" or why).
`LrsServer(data_dir, database_url, ralph)` is a `LiveServer` forwarding to it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from live_server import LiveServer, free_port

# Ralph's OIDC module imports requests without declaring it.
RALPH_PACKAGES = ["ralph-malph[cli,lrs]==5.1.0", "requests"]
LAUNCHER = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
"""
# Ralph's LRS endpoint checks only the bare minimum of a statement; its xAPI 1.0.3 model
# checks everything (IRIs, UUIDs, language maps, scores, times).
STRICT_CHECK = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
for line in sys.stdin:
    try:
        BaseXapiStatement(**json.loads(line))
        print("ok")
    except Exception as error:
        print(" ".join(str(error).split()))
"""
START_TIMEOUT = 60.0
USER, PASSWORD = "team-server", "un secret pour le LRS"
# `ralph auth`: one user with every scope, its statements' authority, written to the file.
AUTH = ["auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-w"]
AUTH += ["-A", "team-server", "https://mooc-team.fr"]


def _unavailable(reason: str) -> None:
    if os.environ.get("TEAM_TEST_REQUIRE_RALPH") == "1":
        pytest.fail(reason + ", and TEAM_TEST_REQUIRE_RALPH=1 requires Ralph")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def ralph_venv(request: pytest.FixtureRequest) -> Path:
    """Ralph's own virtual environment, made once and kept in pytest's cache folder."""
    return _locked_venv(_venv_path(request.config))


def pytest_sessionstart(session: pytest.Session) -> None:
    """On a whole-suite run, start making Ralph's environment while the first files run.

    Installing Ralph is mostly waiting on the network (about a minute on a fresh clone): the
    controlling process does it in a thread, and the test process that needs it first waits on
    the lock only for what is left.
    """
    config = session.config
    if hasattr(config, "workerinput") or config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return  # a test process, or a run of chosen tests: made when first needed
    threading.Thread(target=_make_quietly, args=(_venv_path(config),), daemon=True).start()


def _make_quietly(venv: Path) -> None:
    try:
        _locked_venv(venv)
    except BaseException:  # noqa: BLE001 (skip or fail outside a test)
        pass  # the fixture tries again in the test that needs Ralph, and says why it cannot


def _venv_path(config: pytest.Config) -> Path:
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    return (
        Path(cache.mkdir("ralph-venv"))
        if cache
        else Path(tempfile.gettempdir()) / "team-ralph-venv"
    )


def _locked_venv(venv: Path) -> Path:
    # Processes in parallel (pytest-xdist, the background start) share the folder: one makes
    # it, the others wait.
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / "ralph-venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _ralph_venv_in(venv)


def _ralph_venv_in(venv: Path) -> Path:
    marker = venv / "team-installed.txt"
    wanted = " ".join(RALPH_PACKAGES)
    if marker.exists() and marker.read_text() == wanted and (venv / "bin" / "ralph").exists():
        return venv
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        # No .pyc for every installed file: Ralph compiles what it imports when it first starts.
        [str(venv / "bin" / "pip"), "install", "--quiet", "--no-compile", *RALPH_PACKAGES],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            _unavailable("LRS tests skipped: installing Ralph took more than 10 minutes")
        if done.returncode != 0:
            _unavailable(f"LRS tests skipped: Ralph could not be installed ({done.stderr[-500:]})")
    marker.write_text(wanted)
    return venv


class Ralph:
    """One Ralph LRS process on loopback, with its own credentials and statements file."""

    def __init__(self, venv: Path, root: Path, port: int | None = None):
        self.venv = venv
        self.root = root
        self.port = port or free_port()
        self.user, self.password = USER, PASSWORD
        self.process: subprocess.Popen | None = None
        root.mkdir(parents=True, exist_ok=True)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("RALPH_")},
            "RALPH_APP_DIR": str(root / "app"),
            "RALPH_AUTH_FILE": str(root / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(root / "data"),
        }
        shutil.copyfile(self._auth_file(), root / "auth.json")

    def _auth_file(self) -> Path:
        """The credentials file of `ralph auth`: every Ralph has the same, so it runs once."""
        made = self.venv / f"team-auth-{zlib.crc32(' '.join(AUTH).encode()):08x}.json"
        if made.exists():
            return made
        scratch = self.root / "auth-made.json"
        done = subprocess.run(
            [str(self.venv / "bin" / "ralph"), *AUTH],
            capture_output=True,
            text=True,
            env={**self.env, "RALPH_AUTH_FILE": str(scratch)},
            cwd=self.root,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        # Whole or absent for a test process reading it meanwhile (pytest-xdist).
        partial = made.with_name(f"{made.name}.{os.getpid()}")
        shutil.copyfile(scratch, partial)
        os.replace(partial, made)
        return made

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> Ralph:
        """Start Ralph's LRS app with the filesystem backend and wait until it answers."""
        with (self.root / "ralph.log").open("ab") as log:
            self.process = subprocess.Popen(
                [str(self.venv / "bin" / "python"), "-c", LAUNCHER, str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.root,
                start_new_session=True,  # stop it and anything it starts as one group
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"Ralph did not start:\n{(self.root / 'ralph.log').read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def post(self, statements: list[dict]) -> requests.Response:
        """Post statements as any LRS client would."""
        return requests.post(
            self.url + "statements",
            json=statements,
            auth=(self.user, self.password),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=30,
        )

    def strict_errors(self, statements: list[dict]) -> list[str]:
        """Ralph's xAPI 1.0.3 model's complaints about each statement ("ok" when valid)."""
        done = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", STRICT_CHECK],
            input="".join(json.dumps(s) + "\n" for s in statements),
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    def stored(self) -> list[dict]:
        """Every statement Ralph stored, in the order it stored them."""
        path = self.root / "data" / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


class LrsServer(LiveServer):
    """A team-server that forwards statements to `lrs` every 0.2 s."""

    def __init__(self, data_dir: Path, database_url: str | None, lrs: Ralph):
        super().__init__(data_dir, database_url)
        self.lrs = lrs

    def command(self) -> list[str]:
        return super().command() + [
            "--lrs-url",
            self.lrs.url,
            "--lrs-user",
            self.lrs.user,
            "--lrs-password",
            self.lrs.password,
            "--lrs-interval",
            "0.2",
        ]


@pytest.fixture
def ralph_factory(ralph_venv: Path, tmp_path: Path) -> Iterator[Callable[..., Ralph]]:
    made: list[Ralph] = []

    def make(port: int | None = None) -> Ralph:
        ralph = Ralph(ralph_venv, tmp_path / f"ralph-{len(made)}", port)
        made.append(ralph)
        return ralph

    yield make
    for ralph in made:
        ralph.stop()
