"""Sync by file: write what the outbox would push into a `.teamsync` request, import the answer.

The request holds the very payload a network sync sends; the answer holds the pages of pull
the device would have received, applied by the engine's own `apply_answer` (one transaction
per page, with the cursor). Both are signed with the key of the device's session.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from team_desktop.core.export.labels import human_size
from team_desktop.core.i18n import N_, _, ngettext
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import database
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import bundle_file, bundle_files, credentials, engine, files
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.bundle_file import BundleError
from team_desktop.core.sync.errors import MalformedReply
from team_desktop.core.wire_time import iso

MAX_CHANGES = 500  # what the server takes in one exchange; the rest goes in the next file
KEPT_IMPORTS = 50  # answers remembered as imported (an answer is for one request number)
KIND_LABELS = {
    "entry": N_("entrées du journal"),
    "note": N_("notes"),
    "comment": N_("commentaires"),
    "progress": N_("leçons (progression)"),
    "time": N_("temps passé"),
    "bookmark": N_("favoris"),
    "quiz": N_("quiz"),
    "answer": N_("réponses de recherche"),
    "statement": N_("traces d'activité"),
}


def _key() -> bytes:
    state = sync_state.load()
    token = credentials.load_token(state.server_url, state.username) if state.configured else None
    if not token:
        raise BundleError(
            _(
                "Pour synchroniser par fichier, cet appareil doit être connecté à votre compte "
                "(Partage › Compte et serveur) : la connexion lui donne la clé qui signe ses fichiers."
            )
        )
    return bundle_file.signing_key(bundle_file.token_hash(token))


def write_request(
    store: Store, path: Path, files_max: int = 0, progress: engine.Progress | None = None
) -> str:
    """Write a request file of what the next sync would push; returns its readable summary.

    Attachments of ours up to `files_max` bytes each travel in it, and the answer may bring
    the group's files up to that size (none when 0).
    """
    key = _key()
    state = sync_state.load()
    with changes.initiated_by(changes.SYNC):
        rows = list(Outbox.select().order_by(Outbox.seq).limit(MAX_CHANGES))
        pushed, _sent = engine.prepare_changes(rows, store.device_id)
    chosen = bundle_files.for_request(store.paths, state.user_id, files_max)
    number = sync_state.bundle_number() + 1
    body = {
        "format": bundle_file.FORMAT,
        "version": bundle_file.VERSION,
        "kind": "request",
        "number": number,
        "user_id": state.user_id,
        "device_id": store.device_id,
        "server_id": state.server_id or None,
        "written_at": iso(dt.datetime.now(dt.UTC)),
        "sync": engine.request_body(store.device_id, state, pushed),
        **bundle_files.body_fields(store.paths, chosen, files_max),
    }
    waiting = Outbox.select().count() - len(pushed)
    summary = request_summary(state.display_name, number, pushed, waiting, chosen)
    bundle_file.write(path, body, summary, key, bundle_files.pieces(store.paths, chosen, progress))
    with database.atomic():
        sync_state.save(bundle_number=number)
    return summary


def request_summary(
    name: str,
    number: int,
    pushed: list[dict],
    waiting: int,
    chosen: bundle_files.RequestFiles | None = None,
) -> str:
    """What a request holds, in words, for whoever finds the file on a stick."""
    counts = Counter(change["kind"] for change in pushed)
    chosen = chosen or bundle_files.RequestFiles()
    lines = [
        _("Demande de synchronisation TEAM de {name}, fichier n° {n}.").format(name=name, n=number),
        _("Modifications à envoyer : {n}.").format(n=len(pushed)),
        *(
            f"  {_(KIND_LABELS.get(kind, kind))} : {count}"
            for kind, count in sorted(counts.items())
        ),
        _(
            "À transmettre au serveur : dans TEAM Desktop connecté au même serveur, ou par "
            "l'administrateur (team-server deliver-bundle FICHIER --out REPONSE)."
        ),
    ]
    if chosen.carried:
        lines.insert(
            -1,
            _("Pièces jointes dans ce fichier : {n} ({size}).").format(
                n=len(chosen.carried), size=human_size(chosen.bytes)
            ),
        )
    if chosen.left:
        later = ngettext(
            "{n} pièce jointe plus grande que la taille choisie attend une connexion ou un "
            "prochain fichier.",
            "{n} pièces jointes plus grandes que la taille choisie attendent une connexion ou "
            "un prochain fichier.",
            len(chosen.left),
        )
        lines.append(later.format(n=len(chosen.left)))
    if waiting > 0:
        later = ngettext(
            "{n} autre modification partira dans le fichier suivant.",
            "{n} autres modifications partiront dans le fichier suivant.",
            waiting,
        )
        lines.append(later.format(n=waiting))
    lines.append(_("Importez la réponse avant d'écrire le fichier suivant."))
    return "\n".join(lines) + "\n"


def import_answer(
    store: Store, path: Path, progress: engine.Progress | None = None
) -> engine.SyncReport:
    """Apply an answer file as a pull; BundleError (nothing changed) when it is not for us."""
    bundle = bundle_file.read(path, "answer")
    body, state = bundle.body, sync_state.load()
    if body.get("user_id") != state.user_id:
        raise BundleError(
            _(
                "Cette réponse de synchronisation est destinée à un autre compte : rien n'a été modifié."
            )
        )
    if body.get("device_id") != store.device_id:
        raise BundleError(
            _(
                "Cette réponse de synchronisation est destinée à un autre appareil : rien n'a été modifié."
            )
        )
    if state.server_id and body.get("server_id") != state.server_id:
        raise BundleError(
            _("Cette réponse vient d'un autre serveur que le vôtre : rien n'a été modifié.")
        )
    if not bundle.signed_by(_key()):
        raise bundle_file.tampered()
    number, pages = body.get("request"), body.get("pages")
    imported = sync_state.bundles_imported()
    if not isinstance(number, int) or not 0 < number <= sync_state.bundle_number():
        raise bundle_file.tampered()
    if number in imported:
        raise BundleError(
            _("Cette réponse de synchronisation a déjà été importée : rien n'a été modifié.")
        )
    try:
        if not isinstance(pages, list) or not pages:
            raise MalformedReply("no pages")
        for page in pages:
            engine._check_answer(page)
            if page["server_id"] != body.get("server_id"):
                raise MalformedReply("pages of two servers")
    except MalformedReply as error:
        raise bundle_file.damaged() from error
    # Current: nothing reached the device since the request; else only what is newer applies.
    current = (
        body.get("request_cursor") == state.cursor
        and body.get("request_membership_version") == state.membership_version
    )
    report = engine.SyncReport()
    with changes.initiated_by(changes.SYNC):
        sent = _outbox_rows(pages[0]["acks"], store.device_id)
        for index, page in enumerate(pages):
            since = None if current else state.cursor
            engine.apply_answer(page, state, sent if index == 0 else {}, report, set(), since)
            report.pulled += len(page["changes"])
            report.round_trips += 1
            if progress:
                progress(index + 1, len(pages))
        report.files = files.FilesReport()
        report.files.uploaded, report.files.downloaded = bundle_files.import_answer_files(
            store.paths, bundle
        )
        with database.atomic():
            kept = [*imported, number][-KEPT_IMPORTS:]
            sync_state.save(
                bundles_imported=json.dumps(kept), last_sync_at=iso(dt.datetime.now(dt.UTC))
            )
    return report


def _outbox_rows(acks: list[dict], device_id: str) -> dict[str, Outbox]:
    """The outbox rows the acks answer, still waiting (an edit since has a new seq: not these)."""
    prefix = f"{device_id}:"
    seqs = {}
    for ack in acks:
        change_id = ack.get("change_id")
        if (
            isinstance(change_id, str)
            and change_id.startswith(prefix)
            and change_id[len(prefix) :].isdigit()
        ):
            seqs[int(change_id[len(prefix) :])] = change_id
    rows = Outbox.select().where(Outbox.seq.in_(list(seqs))) if seqs else []
    return {seqs[row.seq]: row for row in rows}
