"""ASGI layers in front of the routes: protocol version, body size limit, gzip request bodies."""

from __future__ import annotations

import asyncio
import json
import re
import zlib

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from team_server import PROTOCOL

API = "/api/v1"
# Readable by any client, whatever protocol it speaks: the health check (which tells the
# protocol), the pack files (plain downloads), and what verifies an attestation.
PROTOCOL_FREE = (f"{API}/health", f"{API}/packs", f"{API}/issuer", f"{API}/status/")
# A body a little too large is read to its end before the 413, so the client gets the answer
# instead of a reset connection; a much larger one is cut short.
DRAIN_FACTOR = 4

OLD_PROTOCOL = (
    "Ce serveur parle la version {server} du protocole de synchronisation et cette application "
    "la version {client} : mettez TEAM Desktop à jour (ou, si l'application est la plus récente, "
    "demandez à l'administrateur de mettre le serveur à jour)."
)


NO_PROTOCOL = (
    "Cette requête ne dit pas quelle version du protocole de synchronisation elle parle "
    "(en-tête X-Team-Protocol) : mettez TEAM Desktop à jour."
)


def protocol_refusal(client: str | int | None) -> str:
    """The French 426 message for a client speaking protocol `client` (None: it did not say)."""
    if client is None or client == "":
        return NO_PROTOCOL
    return OLD_PROTOCOL.format(server=PROTOCOL, client=client)


class ProtocolMiddleware:
    """426 for an API request whose `X-Team-Protocol` is missing or not ours; nothing runs."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] == "http"
            and path.startswith(API + "/")
            and not path.startswith(PROTOCOL_FREE)
        ):
            refusal = wrong_protocol(Headers(scope=scope).get("x-team-protocol"))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def wrong_protocol(version: str | None) -> JSONResponse | None:
    """The 426 for an `X-Team-Protocol` header that is missing or not ours, else None."""
    if version == str(PROTOCOL):
        return None
    return JSONResponse({"detail": protocol_refusal(version)}, status_code=426)


SLOW_BODY = "Requête reçue trop lentement : la connexion est fermée, réessayez."


class RequestBodyMiddleware:
    """Reads a request body whole, refusing it past `max_bytes` (413) or when it takes more
    than `timeout` seconds to arrive (408: a client sending a byte now and then holds no
    connection forever), and ungzipping it."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 60.0):
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        data = await read_body(
            scope, receive, send, Headers(scope=scope), self.max_bytes, self.timeout
        )
        if data is None:
            return
        if not scope["path"].endswith("/sync") and unstorable(data):
            # The sync exchange refuses such a change alone (team_server/schemas.py).
            await _refuse(scope, receive, send, 422, UNSTORABLE)
            return
        raw = [
            (name, value)
            for name, value in scope["headers"]
            if name not in (b"content-encoding", b"content-length")
        ]
        scope = dict(scope, headers=[*raw, (b"content-length", str(len(data)).encode())])
        await self.app(scope, _replay(data, receive), send)


def too_large(max_bytes: int) -> str:
    """The French 413 message for a body past `max_bytes`."""
    return f"Requête trop volumineuse (plus de {max_bytes // 2**20} Mo)."


async def read_body(
    scope: Scope, receive: Receive, send: Send, headers: Headers, max_bytes: int, timeout: float
) -> bytes | None:
    """The request's whole body, ungzipped; None when it was refused (the answer is sent:
    415, 413, 408 closing the connection, 400 for bad gzip) or the client went away."""
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        await _refuse(scope, receive, send, 415, "Encodage du corps non pris en charge.")
        return None
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAIN_FACTOR * max_bytes:
        await _refuse(scope, receive, send, 413, too_large(max_bytes))
        return None
    body = bytearray()
    seen = 0
    more = True
    try:
        # One deadline for the whole body. (asyncio.wait_for per message made a task and a
        # timer for each: a fifth of a sync with nothing to do, measured.)
        async with asyncio.timeout(timeout):
            while more and seen <= DRAIN_FACTOR * max_bytes:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen <= max_bytes:
                    body += chunk
                more = message.get("more_body", False)
    except TimeoutError:
        await _refuse(scope, receive, send, 408, SLOW_BODY, close=True)
        return None
    if seen > max_bytes:
        await _refuse(scope, receive, send, 413, too_large(max_bytes))
        return None
    data = bytes(body)
    if encoding == "gzip":
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            await _refuse(scope, receive, send, 400, "Corps compressé (gzip) illisible.")
            return None
        if len(data) > max_bytes or inflater.unconsumed_tail:
            await _refuse(scope, receive, send, 413, too_large(max_bytes))
            return None
    return data


UNSTORABLE = "Requête invalide : un texte contient un caractère nul ou un caractère Unicode isolé."
# How JSON writes a NUL or half of a surrogate pair; raw, either is already unreadable JSON.
_SUSPECT = re.compile(rb"\\u(0000|d[89a-f])", re.IGNORECASE)


def unstorable(body: bytes) -> bool:
    """True when a JSON body holds a NUL or a lone surrogate, which no database stores."""
    if not _SUSPECT.search(body):
        return False  # the usual case: no need to read the JSON twice
    try:
        return _holds_unstorable(json.loads(body))
    except (ValueError, RecursionError):
        return False  # unreadable JSON: the route answers it


def _holds_unstorable(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value or not value.isascii() and _lone_surrogate(value)
    if isinstance(value, dict):
        return any(_holds_unstorable(k) or _holds_unstorable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_unstorable(item) for item in value)
    return False


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(
    scope: Scope, receive: Receive, send: Send, status: int, detail: str, close: bool = False
) -> None:
    # Closing: the rest of a body never read must not be taken for the next request.
    headers = {"Connection": "close"} if close else None
    await JSONResponse({"detail": detail}, status_code=status, headers=headers)(
        scope, receive, send
    )
