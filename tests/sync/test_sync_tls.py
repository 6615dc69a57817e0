"""HTTPS: a certificate this computer does not trust is said so, not taken for being offline."""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tls_cert import self_signed_certificate

from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import CertificateError, OfflineError


class Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.dumps({"status": "ok", "protocol": 1}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(https URL on loopback, its self-signed certificate)."""
    cert, key = self_signed_certificate(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_an_untrusted_certificate_is_told_in_french_at_once(https_server, monkeypatch):
    url, _cert = https_server
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    waits: list[float] = []
    with pytest.raises(CertificateError) as refused:
        Connection(url, sleep=waits.append).health()
    assert "certificat de sécurité du serveur" in str(refused.value)
    assert "self-signed" in refused.value.detail
    assert waits == []  # no retry: waiting would not make the certificate trusted


def test_a_private_authority_trusted_through_requests_ca_bundle(https_server, monkeypatch):
    # What docs/deploy.md tells a training centre with its own certificate authority.
    url, cert = https_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    assert Connection(url).health() == {"status": "ok", "protocol": 1}


def test_a_handshake_cut_by_the_line_is_still_offline():
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def hang_up() -> None:
        for _ in range(3):  # one per attempt
            connection, _address = listener.accept()
            connection.recv(100)  # the start of the TLS handshake, then the line drops
            connection.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    try:
        with pytest.raises(OfflineError):
            Connection(f"https://127.0.0.1:{port}", sleep=lambda _s: None).health()
    finally:
        thread.join(timeout=10)
        listener.close()
