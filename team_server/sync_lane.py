"""`POST /api/v1/sync` answered in front of the framework, with the same checks and answers.

Most of a season's traffic is syncs with nothing to do, and FastAPI's routing, dependency
solving, two thread hops and three middlewares cost more than the exchange itself (decision
0026). This ASGI callable sits outermost: it answers the exchange and hands every other
request to the FastAPI app unchanged. It runs what the framework ran, through the same pieces:
the protocol header (`middleware.wrong_protocol`), the body's limits and gzip
(`middleware.read_body`), the token (`auth.token_user`), the body's model (`SyncIn`), the
exchange (`answer_sync`), the error answers (`errors`) and gzip of answers of 500 bytes or more,
as `GZipMiddleware` does.
"""

from __future__ import annotations

import email.message
import json
import zlib

import anyio.to_thread
from pydantic import ValidationError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from team_server import errors
from team_server.auth import TOKEN_USER, token_user
from team_server.db import database
from team_server.middleware import API, read_body, wrong_protocol
from team_server.routes.sync import TOKEN_SERVER_SEQ, SyncIn, answer_sync
from team_server.settings import Settings

SYNC_PATH = f"{API}/sync"
# GZipMiddleware's settings in team_server/app.py: answers this large are compressed.
GZIP_MINIMUM = 500
GZIP_LEVEL = 9
VARY = (b"vary", b"Accept-Encoding")


class SyncLane:
    """The ASGI application: `POST /api/v1/sync` here, anything else to `app`."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != SYNC_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = wrong_protocol(headers.get("x-team-protocol"))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        settings = self.settings
        raw = await read_body(
            scope, receive, send, headers, settings.max_body_bytes, settings.body_timeout
        )
        if raw is None:
            return  # refused (answered) or the client went away
        # Everything that touches the database runs in the thread pool, as FastAPI's `def`
        # routes did: inline on the event loop it halved the rate under load (decision 0014).
        status, body, raw_headers = await anyio.to_thread.run_sync(
            self._exchange,
            raw,
            headers.get("content-type"),
            headers.get("authorization"),
            "gzip" in headers.get("accept-encoding", ""),
        )
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})

    def _exchange(
        self, raw: bytes, content_type: str | None, authorization: str | None, gzip: bool
    ) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
        """The answer's status, body and headers, in the order FastAPI checked: unreadable
        JSON (400), then the token (401), then the body's fields (422), then the exchange."""
        try:
            body, invalid = parse(raw, content_type)
            if invalid and invalid[0]["type"] == "json_invalid":
                response = _invalid(invalid)
            else:
                # With nothing to push, the token's statement reads the counter too.
                lookup = TOKEN_USER if invalid or body.changes else TOKEN_SERVER_SEQ
                with database.connection_context():
                    user = token_user(authorization, self.settings.session_days, lookup)
                    if invalid:
                        response = _invalid(invalid)
                    else:
                        known = (user.server_id, user.seq) if lookup is TOKEN_SERVER_SEQ else None
                        response = JSONResponse(answer_sync(user, body, self.settings, known))
        except HTTPException as error:
            response = errors.http_error(error)
        except errors.DATABASE_BUSY as error:
            response = errors.database_busy(error)
        except Exception:
            response = errors.internal_error("POST", SYNC_PATH)
        return _encoded(response, gzip)


def parse(raw: bytes, content_type: str | None) -> tuple[SyncIn | None, list[dict]]:
    """The body validated as FastAPI did, or its validation errors (located in "body")."""
    if not raw:
        return None, [{"type": "missing", "loc": ("body",)}]
    try:
        if not declares_json(content_type):
            # FastAPI validated the bytes themselves (which no model accepts).
            return SyncIn.model_validate(raw, from_attributes=True), []
        try:
            return SyncIn.model_validate_json(raw), []  # one pass, in Rust: every real client
        except ValidationError as error:
            if error.errors()[0]["type"] != "json_invalid":
                raise
        # Python's json reads what jiter refuses and FastAPI accepted: a lone surrogate or
        # nesting past 200 levels in one change (refused alone, not the batch), a byte-order
        # mark, UTF-16.
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            return None, [{"type": "json_invalid", "loc": ("body",)}]
        return SyncIn.model_validate(value, from_attributes=True), []
    except ValidationError as error:
        return None, [dict(e, loc=("body", *e["loc"])) for e in error.errors(include_url=False)]


def declares_json(content_type: str | None) -> bool:
    """Whether FastAPI read a body of this Content-Type as JSON (none: not, it is strict)."""
    if content_type == "application/json":
        return True
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def _invalid(invalid: list[dict]) -> JSONResponse:
    status, message = errors.validation_message(invalid)
    return JSONResponse({"detail": message}, status_code=status)


def _encoded(response: Response, gzip: bool) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """The response as GZipMiddleware sends it: from `GZIP_MINIMUM` bytes, varying by
    Accept-Encoding, and compressed when the client accepts gzip."""
    body, headers = bytes(response.body), response.raw_headers
    if len(body) < GZIP_MINIMUM:
        return response.status_code, body, headers
    if not gzip:
        return response.status_code, body, [*headers, VARY]
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    body = compressor.compress(body) + compressor.flush()
    headers = [
        (name, str(len(body)).encode() if name == b"content-length" else value)
        for name, value in headers
    ]
    return response.status_code, body, [*headers, VARY, (b"content-encoding", b"gzip")]
