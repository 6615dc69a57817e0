"""Attachments: resumable uploads by SHA-256, downloads with Range, only for those who may see them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from team_server import blobstore, kept_files
from team_server.auth import CurrentUser
from team_server.db import connected
from team_server.models import User
from team_server.quotas import quota_of
from team_server.ranges import file_response, file_responses

router = APIRouter()

NO_FILE = "Fichier introuvable."


def _checked(digest: str) -> str:
    if not blobstore.is_hash(digest):
        raise HTTPException(404, NO_FILE)
    return digest


def _readable_size(user: User, digest: str) -> int:
    """Size of a complete file this user may read, or 404 (missing and hidden look the same)."""
    size = blobstore.size_of(_checked(digest))
    if size is None or not blobstore.may_read(user, digest):
        raise HTTPException(404, NO_FILE)
    return size


@router.head("/blobs/{digest}")
@connected
def has_blob(digest: str, user: CurrentUser) -> Response:
    """200 with Content-Length when the server has the whole file and this user may read it."""
    size = _readable_size(user, digest)
    return Response(status_code=200, headers={"Content-Length": str(size)})


@router.get("/blobs/{digest}/upload")
@connected
def upload_status(digest: str, user: CurrentUser) -> dict:
    """How far this user's interrupted upload of the file got."""
    _checked(digest)
    size = blobstore.size_of(digest)
    if size is not None and blobstore.may_read(user, digest):
        return {"received": size, "complete": True}
    return {"received": blobstore.received(user, digest), "complete": False}


@router.put("/blobs/{digest}")
async def upload(
    digest: str,
    request: Request,
    user: CurrentUser,
    offset: int = Query(default=0, ge=0),
    total_size: int | None = Header(default=None, alias="X-Total-Size"),
) -> JSONResponse:
    """Append the body at `offset`; the last piece is checked against the hash."""
    _checked(digest)
    limit = request.app.state.settings.max_blob_bytes
    if total_size is None or total_size < 0:
        raise HTTPException(
            400, "En-tête X-Total-Size manquant : la taille du fichier est requise."
        )
    if total_size > limit:
        raise HTTPException(413, f"Fichier trop volumineux (au plus {limit // 2**20} Mo).")
    body = await request.body()
    try:
        received, complete = await run_in_threadpool(
            connected(blobstore.append),
            user,
            digest,
            offset,
            total_size,
            body,
            quota_of(user, request.app.state.settings.quota_bytes),
        )
    except blobstore.UploadError as error:
        return JSONResponse(
            {"detail": str(error), "received": error.received}, status_code=error.status
        )
    return JSONResponse({"received": received, "complete": complete})


@router.get("/blobs/{digest}", responses=file_responses("application/octet-stream"))
@connected
def download(
    digest: str,
    user: CurrentUser,
    range_header: str | None = Header(default=None, alias="Range"),
    if_range: str | None = Header(default=None, alias="If-Range"),
) -> Response:
    """The file, or from a byte on (`Range: bytes=n-`, 206)."""
    size = _readable_size(user, digest)
    return file_response(digest, size, range_header, if_range, "application/octet-stream")


Hash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class KeptIn(BaseModel):
    """A device's declaration of the attachments its learner's writing still uses."""

    model_config = ConfigDict(extra="forbid", strict=True)
    device_id: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$")
    hashes: list[Hash] = Field(max_length=kept_files.MAX_KEPT)


class KeptOut(BaseModel):
    held: list[str]
    released: int


@router.put("/kept-files", response_model=KeptOut)
@connected
def declare_kept(body: KeptIn, user: CurrentUser) -> dict:
    """What this device keeps; a file none of the learner's devices keeps and none of their
    records cites leaves the server. `held`: the kept files the server has for them."""
    return kept_files.declare(user, body.device_id, body.hashes)
