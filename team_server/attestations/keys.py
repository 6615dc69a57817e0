"""The server's Ed25519 signing key, kept in the database so every instance signs alike."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from team_desktop.core.credentials.jws import public_jwk
from team_server.models import ServerMeta

KEY_NAME = "attestation_key_ed25519"


def new_key_value() -> str:
    """A fresh private key, as stored in `server_meta` (raw bytes, base64)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    return base64.b64encode(raw).decode("ascii")


def signing_key() -> Ed25519PrivateKey:
    """The key that signs attestations (made by the schema migration)."""
    value = ServerMeta.get_by_id(KEY_NAME).value
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(value))


def jwks() -> dict:
    """The public key set published at `/.well-known/jwks.json`."""
    return {"keys": [public_jwk(signing_key().public_key())]}
