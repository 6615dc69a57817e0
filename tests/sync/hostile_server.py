"""A real HTTP server on loopback that answers what an attacker would, for the client's tests.

`HostileServer()` listens on a free port; `answer(method, path_prefix, reply)` sets what a
request gets: `reply` is a dict (sent as JSON), bytes, or a function of the `Request` returning
`(status, headers, body)`. Unset routes get 404. Every request is kept in `requests`.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Reply = dict | list | bytes | Callable[[Request], tuple[int, dict[str, str], bytes]]


class HostileServer:
    """Serves `/api/v1/...` with the replies a test sets; stop with `close()`."""

    def __init__(self):
        self.routes: list[tuple[str, str, Reply]] = []
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(
                    self.command, self.path, dict(self.headers), self.rfile.read(length)
                )
                server.requests.append(request)
                status, headers, body = server.reply_to(request)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _serve  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, method: str, prefix: str, reply: Reply) -> None:
        """Requests `method /api/v1<prefix...>` get `reply` (the latest setting wins)."""
        self.routes.insert(0, (method, "/api/v1" + prefix, reply))

    def reply_to(self, request: Request) -> tuple[int, dict[str, str], bytes]:
        for method, prefix, reply in self.routes:
            if request.method == method and request.path.startswith(prefix):
                if callable(reply):
                    return reply(request)
                if isinstance(reply, bytes):
                    return 200, {"Content-Type": "application/octet-stream"}, reply
                body = json.dumps(reply).encode()
                return 200, {"Content-Type": "application/json"}, body
        return 404, {"Content-Type": "application/json"}, b'{"detail": "introuvable"}'

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def sync_page(changes: list, cursor: int, server_id: str = "serveur-hostile") -> dict:
    """A `/sync` answer carrying `changes`, acknowledging nothing."""
    return {
        "server_id": server_id,
        "cursor": cursor,
        "acks": [],
        "changes": changes,
        "more": False,
        "membership_version": None,
    }


def acking(changes: list, cursor: int) -> Callable[[Request], tuple[int, dict[str, str], bytes]]:
    """A `/sync` reply that acknowledges every pushed change as applied and sends `changes`."""

    def reply(request: Request) -> tuple[int, dict[str, str], bytes]:
        body = request.body
        if request.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        pushed = json.loads(body)["changes"]
        page = sync_page(changes, cursor)
        page["acks"] = [
            {"change_id": c["change_id"], "status": "applied", "rev": 1} for c in pushed
        ]
        return 200, {"Content-Type": "application/json"}, json.dumps(page).encode()

    return reply
