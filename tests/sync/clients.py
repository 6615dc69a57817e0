"""Client devices for sync tests: each a real store in its own data directory."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from team_desktop.core import library
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.sync import account
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.engine import SyncReport, run_sync

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD = "un mot de passe assez long"


class Client:
    """One device: a store, and a connection of its own once logged in.

    Use `with client:` around anything that reads or writes its store.
    """

    def __init__(self, root: Path, url: str):
        self.url = url
        self.store: Store = open_store(DataPaths(root))
        with self:
            installed, failures = library.install_bundled(self.store, FIXTURES)
            assert not failures
        self.connection: Connection | None = None
        self._bound = None

    def __enter__(self) -> Client:
        self._bound = self.store.bound()
        self._bound.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._bound.__exit__(*exc)

    def sign_up(self, username: str, display_name: str) -> Client:
        with self:
            login = account.log_in(
                self.url,
                username,
                PASSWORD,
                f"appareil-{uuid.uuid4().hex[:4]}",
                display_name,
                create=True,
            )
        self.connection = login.connection
        return self

    def log_in(self, username: str) -> Client:
        with self:
            login = account.log_in(self.url, username, PASSWORD, f"appareil-{uuid.uuid4().hex[:4]}")
        self.connection = login.connection
        return self

    def sync(self, connection: Connection | None = None) -> SyncReport:
        with self:
            return run_sync(self.store, connection or self.connection)

    def close(self) -> None:
        self.store.close()


@contextlib.contextmanager
def client_factory(tmp_path: Path, url: str) -> Iterator[Callable[..., Client]]:
    """`make(name, url=None)`: new devices with their own data directories, closed at the end."""
    made: list[Client] = []

    def make(name: str, other_url: str | None = None) -> Client:
        client = Client(tmp_path / name, other_url or url)
        made.append(client)
        return client

    try:
        yield make
    finally:
        for client in made:
            client.close()


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


def group_of_two(
    make: Callable[..., Client], name: str = "Collège Jean Moulin"
) -> tuple[Client, Client, str]:
    """Awa and Ben, each signed up on a device of their own, in one group Awa created.

    Returns (awa, ben, the group's id).
    """
    from team_desktop.core.sync import account

    awa = make("awa").sign_up(unique("awa"), "Awa")
    ben = make("ben").sign_up(unique("ben"), "Ben")
    with awa:
        group = account.create_group(awa.connection, name)
    with ben:
        account.join_group(ben.connection, group.invite_code)
    return awa, ben, group.id


def deliver_by_admin(server, request: Path, answer: Path):
    """`team-server deliver-bundle` on the live server's database, as its administrator runs it."""
    return server.admin("deliver-bundle", str(request), "--out", str(answer))


def write_entry(
    client: Client | Store,
    title: str,
    body: str,
    visibility: str = "private",
    group_id: str | None = None,
) -> str:
    """A journal entry written as the learner would (call inside `with client:`), in a
    client's store or in an open window's."""
    from team_desktop.core.portfolio.entries import create_entry, save_entry

    store = client.store if isinstance(client, Client) else client
    entry = create_entry(store.paths.packs, title=title, visibility=visibility)
    save_entry(entry.id, body=body, visibility=visibility, group_id=group_id)
    return entry.id
