"""`POST /bundles`: a signed-in TEAM Desktop delivers an offline device's `.teamsync` request.

The courier may be anyone signed in: the request is authenticated by its own signature (the
offline learner's session key), and the answer is signed with that key, so the courier can
neither forge nor read-and-alter it unnoticed. Same delivery as `team-server deliver-bundle`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from team_server.auth import CurrentUser
from team_server.bundles import BundleError, deliver
from team_server.db import connected

router = APIRouter()


@router.post("/bundles", response_class=FileResponse)
async def deliver_bundle(request: Request, courier: CurrentUser) -> FileResponse:
    """Apply the request file in the body; answer the answer file (application/octet-stream)."""
    del courier  # signed in is all a courier needs to be
    data = await request.body()  # bounded by the body middleware (max_body_bytes)
    folder = Path(tempfile.mkdtemp(prefix="teamsync-"))
    request_path, answer_path = folder / "demande.teamsync", folder / "reponse.teamsync"
    request_path.write_bytes(data)
    try:
        await run_in_threadpool(
            connected(deliver), request_path, answer_path, request.app.state.settings
        )
    except BundleError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(422, str(error)) from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        answer_path,
        media_type="application/octet-stream",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
