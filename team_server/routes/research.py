"""The researchers' endpoint: the research dataset as a zip (researchers only)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from team_server.auth import CurrentUser
from team_server.db import connected
from team_server.research.export import write_dataset

router = APIRouter()

NOT_RESEARCHER = (
    "Réservé aux chercheurs : un administrateur du serveur accorde ce rôle "
    "(team-server grant-researcher IDENTIFIANT)."
)


@router.get("/research/export")
@connected
def research_export(user: CurrentUser) -> FileResponse:
    """The dataset of consenting learners (CSV, data dictionary, xAPI JSON) in one zip."""
    if not user.researcher:
        raise HTTPException(403, NOT_RESEARCHER)
    folder = Path(tempfile.mkdtemp(prefix="team-recherche-"))
    write_dataset(folder / "jeu-de-donnees")
    archive = shutil.make_archive(str(folder / "jeu-de-donnees"), "zip", folder / "jeu-de-donnees")
    return FileResponse(
        archive,
        media_type="application/zip",
        filename="team-recherche.zip",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
