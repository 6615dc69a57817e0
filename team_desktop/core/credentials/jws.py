"""Compact JWS with Ed25519 (RFC 8037 keys): signing, verifying, and public keys as JWKs.

The algorithm is named `Ed25519`, the fully specified name of RFC 9864, which deprecates the
polymorphic `EdDSA`. The server signs with this module and the app verifies with it; tests
check both against a JOSE library not written here (joserfc). Only `Ed25519` is accepted: a
token naming any other algorithm (`none`, `HS256` with the public key as secret, ...) is
refused before anything else.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALGORITHM = "Ed25519"
MAX_TOKEN = 1_000_000  # characters: far above a credential, bounded against a hostile file


class JwsError(ValueError):
    """A token that is not a valid signature by one of the given keys."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    if not isinstance(text, str) or not text.isascii():
        raise JwsError("base64url attendu")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as error:
        raise JwsError("base64url illisible") from error


def public_jwk(key: Ed25519PublicKey) -> dict:
    """The public key as a JWK with its RFC 7638 thumbprint as `kid`."""
    x = b64url(key.public_bytes(Encoding.Raw, PublicFormat.Raw))
    canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"))
    kid = b64url(hashlib.sha256(canonical.encode("ascii")).digest())
    return {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "alg": ALGORITHM, "use": "sig"}


def sign(payload: dict, key: Ed25519PrivateKey, typ: str) -> str:
    """`payload` signed as a compact JWS whose header names the key (`kid`) and `typ`."""
    header = {"alg": ALGORITHM, "kid": public_jwk(key.public_key())["kid"], "typ": typ}
    signing_input = ".".join(
        b64url(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        for part in (header, payload)
    )
    signature = key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


def header_of(token: str) -> dict:
    """The unverified header of a compact JWS (to choose a key), or JwsError."""
    parts = _parts(token)
    return _json(parts[0])


def verify(token: str, keys: list[dict], typ: str) -> dict:
    """The payload of `token` if one of `keys` (JWKs) signed it with EdDSA and `typ`."""
    header_part, payload_part, signature_part = _parts(token)
    header = _json(header_part)
    if header.get("alg") != ALGORITHM or header.get("typ") != typ:
        raise JwsError("algorithme ou type de jeton inattendu")
    if set(header.get("crit", [])):
        raise JwsError("extension critique inconnue")
    candidates = [k for k in keys if isinstance(k, dict) and k.get("kid") == header.get("kid")]
    signing_input = f"{header_part}.{payload_part}".encode("ascii")
    signature = unb64url(signature_part)
    for jwk in candidates:
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
            continue
        try:
            Ed25519PublicKey.from_public_bytes(unb64url(jwk.get("x", ""))).verify(
                signature, signing_input
            )
        except (InvalidSignature, ValueError):
            continue
        payload = _json(payload_part)
        return payload
    raise JwsError("signature invalide")


def _parts(token: object) -> list[str]:
    if not isinstance(token, str) or len(token) > MAX_TOKEN:
        raise JwsError("jeton illisible")
    parts = token.strip().split(".")
    if len(parts) != 3 or not all(parts):
        raise JwsError("jeton illisible")
    return parts


def _json(part: str) -> dict:
    try:
        value = json.loads(unb64url(part).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise JwsError("jeton illisible") from error
    if not isinstance(value, dict):
        raise JwsError("jeton illisible")
    return value
