"""Deliver another device's `.teamsync` request through this device's connection (POST /bundles).

The courier's app only carries the file: it checks that it is a sync request, sends it, and
writes the server's answer beside it, still signed for the device that wrote the request.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from team_desktop.core.i18n import _
from team_desktop.core.sync import bundle_file
from team_desktop.core.sync.bundle_file import BundleError
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import OfflineError, ServerRefused

MAX_ONLINE_BYTES = 16 * 2**20  # the server's body limit (max_body_bytes)


def answer_path(request: Path) -> Path:
    """Where the answer to `request` is written: beside it, named after it."""
    return request.with_name(f"{request.stem}-reponse{bundle_file.SUFFIX}")


def deliver(connection: Connection, request: Path) -> tuple[Path, str]:
    """Send the request; write the answer beside it. Returns its path and readable summary."""
    bundle_file.read(request, "request")  # a damaged file or an answer is refused here
    if request.stat().st_size > MAX_ONLINE_BYTES:
        raise BundleError(
            _(
                "Ce fichier est trop gros pour être transmis en ligne (plus de 16 Mo, à cause de "
                "ses pièces jointes). Sur l'appareil qui l'a écrit, écrivez-en un autre avec une "
                "taille de pièces jointes plus petite, ou confiez-le à l'administrateur du serveur."
            )
        )
    try:
        response = connection.request(
            "POST",
            "/bundles",
            data=request.read_bytes(),
            headers={"Content-Type": "application/octet-stream"},
            retry=False,  # a delivery applied once must not be sent again blindly
            stream=True,
        )
    except ServerRefused as error:
        if error.status == 413:
            raise BundleError(_("Ce fichier est trop gros pour ce serveur.")) from error
        raise
    target = answer_path(request)
    partial = target.with_name(target.name + ".partiel")
    received = 0
    import requests

    try:
        with open(partial, "wb") as out:
            for piece in _pieces(response, requests.RequestException):
                received += len(piece)
                if received > bundle_file.MAX_FILE_BYTES:
                    raise bundle_file.damaged()
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        answer = bundle_file.read(partial, "answer")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target, summary_of(target) or str(answer.body.get("request", ""))


def _pieces(response, network_error: type[Exception]):
    try:
        yield from response.iter_content(bundle_file.PIECE)
    except network_error as error:  # the line dropped: the answer may come again by a new file
        raise OfflineError(str(error)) from error


def summary_of(path: Path) -> str:
    """The readable summary a sync file carries (empty if it has none)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(bundle_file.README)[: bundle_file.MAX_SIDE_BYTES].decode("utf-8")
    except (OSError, zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return ""
