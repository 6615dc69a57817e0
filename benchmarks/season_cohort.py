"""The learners of a season's replay: accounts logged in on one device each, in groups of 10
to 30 (a training session's size), each holding a shared attachment and up to date."""

from __future__ import annotations

import hashlib
import random
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from benchmarks.load import PASSWORD, SimClient, sync_body

# The server refuses more than ten sign-ups at once from one address (team_server/signups.py).
SETUP_THREADS = 4
_local = threading.local()


@dataclass
class Learner(SimClient):
    """A device of the season: its account, group, and what it wrote that others can see."""

    username: str = ""
    group_id: str | None = None
    entries: list[str] = field(default_factory=list)
    busy: bool = False


@dataclass
class Cohort:
    """Everything the requests refer to: learners in groups, a published pack, a file."""

    learners: list[Learner]
    pack_path: str  # /api/v1/packs/ID/VERSION
    attachment: str  # a file's sha256 every learner may read


def make_cohort(api: str, count: int, pack_path: str, seed: int = 7) -> Cohort:
    """`count` learners, logged in, in groups of 10 to 30, and a shared attachment.

    Made by a few threads at once: each sign-up and login hashes a password (Argon2id) on
    purpose slowly, and one at a time they would leave a server of two workers half idle.
    """
    chance = random.Random(seed)
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(chance.randint(10, 30), count - sum(sizes)))
    data = b"Photo du tableau blanc " * 4000
    digest = hashlib.sha256(data).hexdigest()
    with ThreadPoolExecutor(SETUP_THREADS) as pool:
        learners = list(pool.map(lambda _n: _sign_up(api), range(count)))
        starts = [sum(sizes[:n]) for n in range(len(sizes))]
        groups = [learners[start : start + size] for start, size in zip(starts, sizes, strict=True)]
        list(pool.map(lambda group: _form_group(api, group), groups))
        list(pool.map(lambda learner: _ready(api, learner, data, digest), learners))
    return Cohort(learners, pack_path, digest)


def _http() -> requests.Session:
    """This thread's session (a Session is not to be shared between threads)."""
    if not hasattr(_local, "http"):
        _local.http = requests.Session()
        _local.http.headers["X-Team-Protocol"] = "1"
    return _local.http


def _sign_up(api: str) -> Learner:
    username = f"saison-{uuid.uuid4().hex[:10]}"
    account = {"username": username, "password": PASSWORD, "display_name": "Apprenant"}
    _http().post(api + "/accounts", json=account).raise_for_status()
    login = _http().post(
        api + "/login",
        json={"username": username, "password": PASSWORD, "device_name": "saison"},
    )
    login.raise_for_status()
    return Learner(token=login.json()["token"], username=username)


def _form_group(api: str, group: list[Learner]) -> None:
    """The first learner creates the group, the others join it with its invitation code."""
    lead = _http().post(api + "/groups", json={"name": "Session"}, headers=_bearer(group[0]))
    lead.raise_for_status()
    for learner in group:
        learner.group_id = lead.json()["id"]
        if learner is not group[0]:
            joined = _http().post(
                api + "/groups/join",
                json={"invite_code": lead.json()["invite_code"]},
                headers=_bearer(learner),
            )
            joined.raise_for_status()


def _ready(api: str, learner: Learner, data: bytes, digest: str) -> None:
    """The learner holds the attachment, as after a shared entry's attachment was fetched,
    and is up to date, as a device that synced five minutes ago."""
    _http().put(
        f"{api}/blobs/{digest}",
        data=data,
        headers={**_bearer(learner), "X-Total-Size": str(len(data))},
    ).raise_for_status()
    answer = _http().post(
        api + "/sync",
        data=sync_body(learner, []),
        headers={**_bearer(learner), "Content-Type": "application/json"},
    )
    answer.raise_for_status()
    learner.cursor, learner.server_id = answer.json()["cursor"], answer.json()["server_id"]
    learner.membership_version = answer.json()["membership_version"]


def _bearer(learner: Learner) -> dict:
    return {"Authorization": f"Bearer {learner.token}"}
