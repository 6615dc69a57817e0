"""The pack catalogue and pack downloads (public, resumable with Range)."""

from __future__ import annotations

from fastapi import APIRouter, Header, HTTPException
from starlette.responses import StreamingResponse

from team_server.db import connected
from team_server.models import Pack
from team_server.publishing import catalogue, entry
from team_server.ranges import file_response, file_responses

router = APIRouter()


@router.get("/packs")
@connected
def list_packs() -> list[dict]:
    """Every published pack version with its checksum and size."""
    return catalogue()


@router.get("/packs/{pack_id}/{version}", responses=file_responses("application/zip"))
@connected
def download_pack(
    pack_id: str,
    version: str,
    range_header: str | None = Header(default=None, alias="Range"),
    if_range: str | None = Header(default=None, alias="If-Range"),
) -> StreamingResponse:
    """The `.teampack` file; `Range: bytes=n-` resumes a cut download (206)."""
    pack = Pack.get_or_none((Pack.pack_id == pack_id) & (Pack.version == version))
    if pack is None:
        raise HTTPException(404, f"Pack introuvable : {pack_id} {version}.")
    info = entry(pack)
    return file_response(
        info["sha256"],
        info["size"],
        range_header,
        if_range,
        "application/zip",
        filename=f"{pack_id}-{version}.teampack",
    )
