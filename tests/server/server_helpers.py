"""Speaking the sync protocol from tests, as a minimal client would (plain HTTP, no app code)."""

from __future__ import annotations

import base64
import itertools
import uuid

from live_server import Account

_outbox_seq = itertools.count(1)


def new_id() -> str:
    return uuid.uuid4().hex


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def entry_data(title: str = "Séance du lundi", body: str = "Ce qui a marché.", **fields) -> dict:
    data = {
        "title": title,
        "body": body,
        "tags": [],
        "attachments": [],
        "template_id": None,
        "lesson_uid": None,
        "activity_uid": None,
        "entry_date": "2026-11-29",
        "visibility": "private",
        "group_id": None,
        "trashed_at": None,
        "deleted": False,
        "conflict_of": None,
        "created_at": "2026-11-29T08:15:00Z",
        "updated_at": "2026-11-29T08:15:00Z",
    }
    data.update(fields)
    return data


def xapi_statement(verb: str = "completed", **fields) -> dict:
    """A statement as TEAM Desktop makes them (the server replaces the actor)."""
    statement = {
        "id": str(uuid.uuid4()),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "https://mooc-team.fr", "name": new_id()},
        },
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": "https://mooc-team.fr/xapi/lessons/team-s1/recherche",
            "definition": {"name": {"fr-FR": "Une recherche avec vous"}},
        },
        "timestamp": "2026-11-29T08:15:00Z",
    }
    statement.update(fields)
    return statement


class Device:
    """One device of an account, keeping its cursor like a client does."""

    def __init__(self, account: Account, device_id: str | None = None):
        self.account = account
        self.id = device_id or new_id()
        self.cursor = 0
        self.server_id: str | None = None
        self.membership_version: int | None = None

    def change(self, kind: str, record_id: str, data: dict, base_rev: int | None = None) -> dict:
        return {
            "change_id": f"{self.id}:{next(_outbox_seq)}",
            "kind": kind,
            "id": record_id,
            "base_rev": base_rev,
            "data": data,
        }

    def exchange(self, changes: list[dict] = (), limit: int = 200, **overrides) -> dict:
        """One POST /sync; the cursor and versions advance as a client's would."""
        body = {
            "protocol": 1,
            "device_id": self.id,
            "server_id": self.server_id,
            "cursor": self.cursor,
            "membership_version": self.membership_version,
            "limit": limit,
            "changes": list(changes),
        }
        body.update(overrides)
        response = self.account.post("/sync", json=body)
        assert response.status_code == 200, response.text
        answer = response.json()
        if self.server_id is None or answer["server_id"] == self.server_id:
            self.server_id = answer["server_id"]
            self.cursor = answer["cursor"]
            self.membership_version = answer["membership_version"]
        return answer

    def push(self, kind: str, record_id: str, data: dict, base_rev: int | None = None) -> dict:
        """Push one change; returns its ack."""
        answer = self.exchange([self.change(kind, record_id, data, base_rev)])
        return answer["acks"][0]

    def pull_all(self, limit: int = 200) -> list[dict]:
        """Every change up to date, following `more`."""
        pulled = []
        while True:
            answer = self.exchange(limit=limit)
            pulled += answer["changes"]
            if not answer["more"]:
                return pulled


def by_id(changes: list[dict], record_id: str) -> list[dict]:
    return [change for change in changes if change["id"] == record_id]
