"""`team-server create-user`: the first facilitator of a deployment, made from the command line."""

from __future__ import annotations

import re
import uuid

from live_server import LiveServer

PASSWORD = "un mot de passe d'administrateur"


def fresh(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def log_in(server: LiveServer, username: str, password: str = PASSWORD):
    return server.session().post(
        server.api + "/login",
        json={"username": username, "password": password, "device_name": "admin"},
    )


def test_the_first_facilitator_and_their_group_are_made_on_the_command_line(
    live_server: LiveServer,
):
    username = fresh("Awa")  # usernames are case-insensitive, stored lowercased
    done = live_server.admin(
        "create-user",
        username,
        "--display-name",
        " Awa   Diallo ",
        "--group",
        "CFA du Cher",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert f"Compte créé : {username.lower()} (Awa Diallo)." in done.stdout
    code = re.search(r"Code d'invitation : ([A-Z0-9]{8})$", done.stdout, re.MULTILINE).group(1)
    # The running server sees the account at once: it logs in and leads the group.
    answer = log_in(live_server, username.lower())
    assert answer.status_code == 200, answer.text
    facilitator = live_server.session(answer.json()["token"])
    me = facilitator.get(live_server.api + "/me").json()
    assert me["display_name"] == "Awa Diallo"
    assert [(g["name"], g["role"], g["invite_code"]) for g in me["groups"]] == [
        ("CFA du Cher", "facilitator", code)
    ]
    # A trainer joins with the printed code, as the facilitator would hand it out.
    ben = live_server.new_account("ben", "Ben")
    joined = ben.post("/groups/join", json={"invite_code": code.lower()})
    assert joined.status_code == 200 and joined.json()["role"] == "member"
    members = facilitator.get(live_server.api + f"/groups/{me['groups'][0]['id']}/members").json()
    assert [m["display_name"] for m in members] == ["Awa Diallo", "Ben"]


def test_without_a_group_only_the_account_is_made(live_server: LiveServer):
    username = fresh("chloe")
    done = live_server.admin(
        "create-user", username, "--display-name", "Chloé", "--password-stdin", stdin=PASSWORD
    )
    assert done.returncode == 0, done.stderr
    assert "Code d'invitation" not in done.stdout
    token = log_in(live_server, username).json()["token"]
    assert live_server.session(token).get(live_server.api + "/me").json()["groups"] == []


def test_a_refused_account_or_group_creates_nothing(live_server: LiveServer):
    taken = live_server.new_account("taken").username
    again = live_server.admin(
        "create-user", taken.upper(), "--display-name", "X", "--password-stdin", stdin=PASSWORD
    )
    assert again.returncode == 1
    assert f"L'identifiant « {taken} » est déjà pris. Rien n'est créé." in again.stderr
    short = live_server.admin(
        "create-user", fresh("dan"), "--display-name", "Dan", "--password-stdin", stdin="court\n"
    )
    assert short.returncode == 1 and "au moins 8 caractères" in short.stderr
    # The group's name is refused after the account was made: the account goes too.
    lonely = fresh("eve")
    no_group = live_server.admin(
        "create-user",
        lonely,
        "--display-name",
        "Eve",
        "--group",
        "   ",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert no_group.returncode == 1 and "nom du groupe" in no_group.stderr
    assert log_in(live_server, lonely).status_code == 401
    made = live_server.session().post(
        live_server.api + "/accounts",
        json={"username": lonely, "password": PASSWORD, "display_name": "Eve"},
    )
    assert made.status_code == 201, made.text


def test_without_a_terminal_the_password_must_come_from_stdin(live_server: LiveServer):
    username = fresh("fanny")
    done = live_server.admin("create-user", username, "--display-name", "Fanny")
    assert done.returncode == 1
    assert "utilisez --password-stdin" in done.stderr
    assert log_in(live_server, username).status_code == 401
