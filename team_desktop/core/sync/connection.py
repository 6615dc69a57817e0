"""The HTTP connection to a TEAM server: one session, timeouts, retries, gzip, clear errors."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from team_desktop import __version__
from team_desktop.core.sync.errors import (
    AuthError,
    CertificateError,
    MalformedReply,
    OfflineError,
    ProtocolTooOld,
    ReplyTooLarge,
    ServerRefused,
    SessionExpired,
)

if TYPE_CHECKING:
    import ssl

    import requests

PROTOCOL = 1
TIMEOUT = (10, 60)  # connect, read (seconds): slow lines need a patient read
RETRIES = 3
BACKOFF = 1.5
GZIP_ABOVE = 500
# Every reply is read in pieces and inflated at most this far: a server (or a line in the
# middle) could otherwise send a small gzip that inflates to gigabytes in memory.
MAX_REPLY_BYTES = 64 * 2**20  # a sync page, a list: far above what an honest server sends
MAX_ERROR_BYTES = 64 * 2**10  # an error's explanation
PIECE = 64 * 1024


def certificate_failure(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The failed certificate check behind a connection error (None: the line, not the check).

    requests wraps it two or three levels deep, and a handshake cut by the line is an
    SSLError too: only a refused certificate is told apart from being offline.
    """
    import ssl

    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        linked = (*current.args, getattr(current, "reason", None), current.__context__)
        pending += [item for item in linked if isinstance(item, BaseException)]
    return None


GZIP_MAGIC = b"\x1f\x8b"  # JSON never starts with these bytes


def encode_body(body: Any) -> bytes:
    """A JSON body as it goes on the wire: compact UTF-8, gzip-compressed above GZIP_ABOVE."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, mtime=0) if len(data) > GZIP_ABOVE else data


def _framed(response: requests.Response) -> bool:
    """Whether the reply said where its body ends, as every reply of a TEAM server does."""
    headers = response.headers
    return "content-length" in headers or "chunked" in headers.get("transfer-encoding", "")


class Connection:
    """A session with one server; `token` is set after login."""

    def __init__(
        self, base_url: str, token: str | None = None, sleep: Callable[[float], None] = time.sleep
    ):
        self.base_url = base_url.rstrip("/")
        # requests (with urllib3) loads with the first connection, not at the app's start.
        import requests

        self.token = token
        self._sleep = sleep
        self.session = requests.Session()
        # Every byte counts on a 2G line: no "Accept: */*" nor "Connection: keep-alive",
        # which say what HTTP/1.1 means anyway.
        self.session.headers.clear()
        self.session.headers.update(
            {
                "X-Team-Protocol": str(PROTOCOL),
                "User-Agent": f"TEAM-Desktop/{__version__}",
                "Accept-Encoding": "gzip",
            }
        )

    def url(self, path: str) -> str:
        return f"{self.base_url}/api/v1{path}"

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        retry: bool = True,
        headers: dict | None = None,
        data: bytes | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """Send a request; network errors are retried with back-off, then raised as OfflineError."""
        import requests

        all_headers = dict(headers or {})
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            data = encode_body(body)
            all_headers["Content-Type"] = "application/json"
            if data[:2] == GZIP_MAGIC:
                all_headers["Content-Encoding"] = "gzip"
        attempts = RETRIES if retry else 1
        for attempt in range(attempts):
            try:
                # Always streamed: the body is read here, bounded, unless the caller streams it.
                response = self.session.request(
                    method,
                    self.url(path),
                    data=data,
                    headers=all_headers,
                    timeout=TIMEOUT,
                    stream=True,
                )
                if response.status_code >= 400:
                    _read_bounded(response, MAX_ERROR_BYTES, truncate=True)
                elif not stream:
                    _read_bounded(response, MAX_REPLY_BYTES)
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as error:
                untrusted = certificate_failure(error)
                if untrusted is not None:
                    # Not the line: retrying cannot help, and "offline" would hide it forever.
                    raise CertificateError(untrusted.verify_message or str(error)) from error
                # ChunkedEncodingError: the line dropped in the middle of the reply's body.
                if attempt + 1 == attempts:
                    raise OfflineError(str(error)) from error
                self._sleep(BACKOFF * (2**attempt))
                continue
            if response.status_code in (502, 503, 504) and attempt + 1 < attempts:
                self._sleep(BACKOFF * (2**attempt))
                continue
            self._raise_for_status(response)
            return response
        raise AssertionError("unreachable")

    def json(self, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
        """A request whose answer must be JSON."""
        import requests

        response = self.request(method, path, body, **kwargs)
        if response.status_code == 204:
            return None
        try:
            return response.json()
        except (ValueError, requests.exceptions.ContentDecodingError) as error:
            if not _framed(response):
                # The line dropped inside the reply's headers: cut short, not garbled.
                raise OfflineError(str(error)) from error
            raise MalformedReply(str(error)) from error

    @staticmethod
    def _raise_for_status(response: requests.Response) -> None:
        import requests

        if response.status_code < 400:
            return
        try:
            detail = response.json().get("detail", "")
            if not isinstance(detail, str):
                detail = ""
        except (ValueError, AttributeError, requests.exceptions.ContentDecodingError):
            detail = ""
        if response.status_code == 401:
            # RFC 6750's challenge says an expired token apart, whatever the language.
            if "expired" in response.headers.get("WWW-Authenticate", ""):
                raise SessionExpired()
            raise AuthError()
        if response.status_code == 426:
            raise ProtocolTooOld(detail)
        raise ServerRefused(response.status_code, detail)

    # -- accounts and groups ---------------------------------------------------------------

    def health(self) -> dict:
        return self.json("GET", "/health")

    def create_account(self, username: str, password: str, display_name: str) -> dict:
        return self.json(
            "POST",
            "/accounts",
            {"username": username, "password": password, "display_name": display_name},
            retry=False,
        )

    def login(self, username: str, password: str, device_name: str) -> dict:
        answer = self.json(
            "POST",
            "/login",
            {"username": username, "password": password, "device_name": device_name},
            retry=False,
        )
        if not isinstance(answer, dict) or not isinstance(answer.get("token"), str):
            raise MalformedReply("login")
        self.token = answer["token"]
        return answer

    def logout(self) -> None:
        self.request("POST", "/logout", retry=False)
        self.token = None

    def me(self) -> dict:
        return self.json("GET", "/me")

    def change_password(self, current: str, new: str) -> None:
        self.request(
            "POST",
            "/me/password",
            {"current_password": current, "new_password": new},
            retry=False,
        )

    def devices(self) -> list:
        answer = self.json("GET", "/me/devices")
        if not isinstance(answer, list):
            raise MalformedReply("devices")
        return answer

    def log_out_device(self, device_id: int) -> None:
        self.request("DELETE", f"/me/devices/{int(device_id)}", retry=False)

    def create_group(self, name: str) -> dict:
        return self.json("POST", "/groups", {"name": name}, retry=False)

    def join_group(self, code: str) -> dict:
        return self.json("POST", "/groups/join", {"invite_code": code.strip().upper()}, retry=False)

    def leave_group(self, group_id: str) -> None:
        self.request("POST", f"/groups/{group_id}/leave", retry=False)

    def remove_member(self, group_id: str, member_id: str) -> None:
        self.request("DELETE", f"/groups/{group_id}/members/{member_id}", retry=False)

    def rotate_invite_code(self, group_id: str) -> dict:
        return self.json("POST", f"/groups/{group_id}/invite-code", retry=False)

    def group_progress(self, group_id: str) -> dict:
        return self.json("GET", f"/groups/{group_id}/progress")

    def members(self, group_id: str) -> list[dict]:
        return self.json("GET", f"/groups/{group_id}/members")

    def sync(self, payload: dict) -> dict:
        answer = self.json("POST", "/sync", payload)
        if not isinstance(answer, dict):
            raise MalformedReply("sync")
        return answer

    def iter_download(self, path: str, offset: int = 0, limit: int = 2**31) -> Iterator[bytes]:
        """Chunks of a file from `offset` on (HTTP Range), for resumable downloads; at most
        `limit` bytes from `offset` (ReplyTooLarge past it, as inflated)."""
        import requests

        headers = {"Range": f"bytes={offset}-"} if offset else {}
        response = self.request("GET", path, headers=headers, stream=True)
        if offset and response.status_code != 206:
            raise MalformedReply("range ignored")
        received = 0
        try:
            for chunk in response.iter_content(PIECE):
                received += len(chunk)
                if received > limit:
                    response.close()
                    raise ReplyTooLarge(limit)
                yield chunk
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
            raise OfflineError(str(error)) from error
        except requests.exceptions.ContentDecodingError as error:
            raise MalformedReply(str(error)) from error


def _read_bounded(response: requests.Response, limit: int, truncate: bool = False) -> None:
    """Read the body into `response.content`, inflating at most `limit` bytes.

    requests would inflate a gzip body whole on `.content` or `.json()`; reading it here in
    pieces (urllib3 bounds each piece's inflation) stops at the limit instead. Past it, an
    error's explanation is cut short (`truncate`), any other reply is refused.
    """
    import requests

    body, size = [], 0
    try:
        for chunk in response.iter_content(PIECE):
            body.append(chunk)
            size += len(chunk)
            if size > limit:
                response.close()
                if not truncate:
                    raise ReplyTooLarge(limit)
                break
    except requests.exceptions.ContentDecodingError:
        body = []  # garbled: `.json()` then fails on an empty body, as on any garbage
    # What `.content` would have cached: `.json()` and `.text` read it from here.
    response._content = b"".join(body)[: limit if truncate else None]
    response._content_consumed = True
