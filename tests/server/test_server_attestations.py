"""Attestations through real HTTP, checked by implementations not written here.

The signature by joserfc (a JOSE library) against the published JWK set, the credential by
1EdTech's JSON schema for Open Badges 3.0 (tests/fixtures/openbadges), with `jsonschema`.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import shutil
import zipfile
from pathlib import Path

import jsonschema
import pytest
import requests
from joserfc import jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry
from live_server import Account, LiveServer
from server_helpers import Device, new_id

from team_desktop.core.content.archive import build_archive

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA = json.loads(
    (FIXTURES / "openbadges" / "ob_v3p0_achievementcredential_schema.json").read_text()
)
T1 = "2026-12-01T09:00:00Z"
COPREP = "test-mini/co-preparer"
ED25519 = JWSRegistry(algorithms=["Ed25519"])


@pytest.fixture(scope="module")
def published(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("pack") / "mini"
    shutil.copytree(FIXTURES / "mini-pack", folder)
    archive = folder.parent / "mini.teampack"
    build_archive(folder, archive)
    done = live_server.admin("publish-pack", str(archive))
    assert done.returncode == 0, done.stderr


def keys(server: LiveServer) -> KeySet:
    # Public: no account, no protocol header.
    return KeySet.import_key_set(requests.get(server.url + "/.well-known/jwks.json").json())


def decode(token: str, server: LiveServer) -> dict:
    """The credential, verified by joserfc with the server's published keys."""
    decoded = jwt.decode(token, keys(server), algorithms=["Ed25519"], registry=ED25519)
    assert decoded.header["typ"] == "vc+jwt" and decoded.header["alg"] == "Ed25519"
    return decoded.claims


def complete_module(device: Device) -> None:
    for lesson in ("premiere", "seconde"):
        device.push("progress", f"test-mini/{lesson}", {"completed": True, "changed_at": T1})


def test_a_completed_module_is_attested_on_request_and_verifies(
    live_server: LiveServer, ben: Account, published
):
    refused = ben.post("/attestations", json={"kind": "module", "uid": "test-mini"})
    assert refused.status_code == 409 and "2 leçon(s) sur 2" in refused.json()["detail"]
    complete_module(Device(ben))
    issued = ben.post("/attestations", json={"kind": "module", "uid": "test-mini"})
    assert issued.status_code == 201, issued.text
    token = issued.json()["credential"]
    credential = decode(token, live_server)
    jsonschema.Draft201909Validator(SCHEMA).validate(credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == live_server.url + "/api/v1/issuer"
    achievement = credential["credentialSubject"]["achievement"]
    assert (
        achievement["name"] == "Module d'essai" and "0,5 h" in achievement["criteria"]["narrative"]
    )
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Ben"
    assert "evidence" not in credential
    # Asked again: the same credential, not a second one.
    again = ben.post("/attestations", json={"kind": "module", "uid": "test-mini"})
    assert again.json()["credential"] == token
    profile = requests.get(live_server.api + "/issuer").json()
    assert profile["id"] == credential["issuer"]["id"] and "Profile" in profile["type"]


def test_a_modified_copy_is_refused(live_server: LiveServer, ben: Account, published):
    complete_module(Device(ben))
    token = ben.post("/attestations", json={"kind": "module", "uid": "test-mini"}).json()[
        "credential"
    ]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Quelqu'un d'autre"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(BadSignatureError):
        decode(f"{header}.{forged}.{signature}", live_server)
    # The schema alone would not notice: only the signature protects the words.
    jsonschema.Draft201909Validator(SCHEMA).validate(claims)


def test_a_validated_competency_with_chosen_evidence_and_its_revocation(
    live_server: LiveServer, awa: Account, ben: Account, group: dict, published
):
    body = {"kind": "competency", "uid": COPREP}
    assert ben.post("/attestations", json=body).status_code == 409  # not validated yet
    shown, hidden = new_id(), new_id()
    device = Device(ben)
    for evidence, statement in ((shown, "Les rôles étaient écrits."), (hidden, "Brouillon")):
        device.push(
            "evidence",
            evidence,
            {
                "competency_uid": COPREP,
                "source_kind": "note",
                "source_id": new_id(),
                "source_title": "Plan à deux",
                "statement": statement,
            },
        )
    decision = {
        "competency_uid": COPREP,
        "learner_id": ben.id,
        "group_id": group["id"],
        "validated": True,
        "decided_at": T1,
    }
    assert Device(awa).push("validation", new_id(), decision)["status"] == "applied"
    issued = ben.post("/attestations", json=body | {"evidence_ids": [shown]})
    assert issued.status_code == 201, issued.text
    credential = decode(issued.json()["credential"], live_server)
    jsonschema.Draft201909Validator(SCHEMA).validate(credential)
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "Competency"
    assert [e["narrative"] for e in credential["evidence"]] == ["Les rôles étaient écrits."]
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"

    def revoked() -> bool:
        answer = requests.get(status["statusListCredential"])
        assert answer.headers["content-type"].startswith("application/vc+jwt")
        listed = decode(answer.text, live_server)
        assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        encoded = listed["credentialSubject"]["encodedList"][1:]  # "u": multibase base64url
        bits = gzip.decompress(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
        index = int(status["statusListIndex"])
        return bool(bits[index // 8] & (0x80 >> (index % 8)))

    assert not revoked()
    attestation = issued.json()["id"]
    path = f"/groups/{group['id']}/attestations/{attestation}/revoke"
    assert ben.post(path).status_code == 403  # a member is not a facilitator
    listed = awa.get(f"/groups/{group['id']}/attestations").json()
    assert {(a["holder"], a["uid"]) for a in listed} >= {("Ben", COPREP)}
    assert awa.post(path).json()["revoked"] is True
    assert revoked()
    assert [a["revoked"] for a in ben.get("/attestations").json() if a["uid"] == COPREP] == [True]
    # What the server holds about Ben says it too (Mes données).
    assert ben.get("/me/data").json()["attestations"] >= 1
    archive = zipfile.ZipFile(io.BytesIO(ben.get("/me/data.zip").content))
    kept = json.loads(archive.read("enregistrements/attestations.json"))
    assert [a["revoked_at"] is not None for a in kept if a["uid"] == COPREP] == [True]


def test_requests_that_do_not_fit_are_refused(ben: Account, chloe: Account, group: dict):
    for body in (
        {"kind": "module", "uid": "test-mini/co-preparer"},
        {"kind": "competency", "uid": "test-mini"},
        {"kind": "diplome", "uid": "test-mini"},
        {"kind": "module", "uid": "test-mini", "extra": 1},
    ):
        assert ben.post("/attestations", json=body).status_code == 422, body
    assert chloe.get(f"/groups/{group['id']}/attestations").status_code == 404
