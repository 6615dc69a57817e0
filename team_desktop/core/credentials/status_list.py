"""Bitstring Status List (W3C): which credentials are revoked, as one gzip-compressed bitstring."""

from __future__ import annotations

import gzip
import zlib

from team_desktop.core.credentials.jws import JwsError, b64url, unb64url

MIN_BITS = 131_072  # 16 KiB: the specification's minimum, so one index tells little
MAX_ENCODED = 1_000_000
MAX_BYTES = 16 * 2**20  # a decompressed list: bounded against a gzip bomb


def encode(revoked: set[int], size: int = MIN_BITS) -> str:
    """`encodedList`: multibase base64url ("u") of the gzip of the bitstring (bit 0 first)."""
    size = max(size, MIN_BITS, (max(revoked, default=0) // 8 + 1) * 8)
    bits = bytearray(size // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)  # most significant bit first
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def is_set(encoded: str, index: int) -> bool:
    """Whether bit `index` of an `encodedList` is set; JwsError for an unreadable list."""
    if not isinstance(encoded, str) or not encoded.startswith("u") or len(encoded) > MAX_ENCODED:
        raise JwsError("liste d'état illisible")
    try:
        bits = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(unb64url(encoded[1:]), MAX_BYTES)
    except zlib.error as error:
        raise JwsError("liste d'état illisible") from error
    if not 0 <= index < len(bits) * 8:
        raise JwsError("position hors de la liste d'état")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
