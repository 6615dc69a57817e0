"""Serving a stored file with HTTP Range, so a cut download resumes where it stopped."""

from __future__ import annotations

import re

from fastapi import HTTPException
from starlette.responses import StreamingResponse

from team_server import blobstore, objectstore

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def file_responses(media_type: str) -> dict:
    """What a download route answers, for the OpenAPI document: the file, whole or a range."""
    content = {media_type: {"schema": {"type": "string", "format": "binary"}}}
    return {
        200: {"description": "Le fichier", "content": content},
        206: {"description": "Une partie du fichier (Range)", "content": content},
    }


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The (first, last) bytes asked for, or None for the whole file; 416 if unsatisfiable.

    Several ranges at once are not supported: the whole file is sent instead (allowed by HTTP).
    """
    if not header:
        return None
    match = RANGE.match(header.strip().replace(" ", ""))
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # "bytes=-n": the last n bytes
        start, end = max(size - int(last), 0), size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        raise HTTPException(
            416, "Plage d'octets hors du fichier.", headers={"Content-Range": f"bytes */{size}"}
        )
    return start, end


def file_response(
    digest: str,
    size: int,
    range_header: str | None,
    if_range: str | None,
    media_type: str,
    filename: str | None = None,
) -> StreamingResponse:
    """200 with the whole blob, or 206 with the range asked for."""
    etag = f'"{digest}"'
    wanted = parse_range(range_header, size) if if_range in (None, etag) else None
    headers = {"Accept-Ranges": "bytes", "ETag": etag}
    if filename:
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if wanted is None:
        start, end, status = 0, size - 1, 200
    else:
        (start, end), status = wanted, 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1)
    try:
        content = blobstore.read(digest, start, end)
    except objectstore.Unavailable:
        raise HTTPException(
            503,
            "Stockage des fichiers momentanément inaccessible : réessayez plus tard.",
            headers={"Retry-After": "30"},
        ) from None
    return StreamingResponse(
        content,
        status_code=status,
        headers=headers,
        media_type=media_type,
    )
