"""A throwaway self-signed TLS certificate, made with openssl, for the tests that speak HTTPS."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def self_signed_certificate(folder: Path, name: str = "127.0.0.1") -> tuple[Path, Path]:
    """(certificate, key) for `name` (an IP address or a host name); skips without openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: no certificate for the HTTPS checks")
    cert, key = folder / "cert.pem", folder / "key.pem"
    kind = "IP" if name.replace(".", "").isdigit() else "DNS"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={name}", "-addext", f"subjectAltName={kind}:{name}"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key
