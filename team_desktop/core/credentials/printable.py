"""An attestation as a file others can verify, and as a printable page (the PDF's source)."""

from __future__ import annotations

from pathlib import Path

from team_desktop.core.credentials.attestations import Verified, verify
from team_desktop.core.export.html import page
from team_desktop.core.export.labels import long_date
from team_desktop.core.export.output import staged_file
from team_desktop.core.i18n import _
from team_desktop.core.render import escape
from team_desktop.core.store.competency_models import Attestation

SUFFIX = ".jwt"  # the signed credential as the server made it (media type application/vc+jwt)


def write_file(row: Attestation, output: Path) -> Path:
    """The attestation as its signed text: any Open Badges 3.0 verifier can read it."""
    with staged_file(Path(output)) as scratch:
        scratch.write_text(row.token + "\n", encoding="ascii")
    return Path(output)


def read_file(path: Path, issuer_keys: list[str]) -> Verified:
    """Verify an attestation file offline against the issuers' keys known here."""
    token = Path(path).read_text(encoding="ascii", errors="replace").strip()
    last = None
    for keys in issuer_keys:
        try:
            return verify(token, keys)
        except ValueError as error:
            last = error
    raise last or ValueError(_("Aucune clé d'émetteur connue sur cet appareil."))


def known_keys() -> list[str]:
    """The distinct key sets of the issuers whose attestations this device keeps."""
    return list(dict.fromkeys(row.issuer_keys for row in Attestation.select()))


def attestation_html(verified: Verified, revoked: bool, issued_on: str) -> str:
    """One page: who, what, the criteria, the evidence shown, how to verify it."""
    kind = _("Compétence") if verified.achievement_type == "Competency" else _("Module suivi")
    evidence = "".join(
        f"<li><b>{escape(name)}</b> — {escape(narrative)}</li>"
        for name, narrative in verified.evidence
    )
    status = (
        f'<p class="revoked"><b>{escape(_("Attestation révoquée par l’animation du groupe."))}</b></p>'
        if revoked
        else ""
    )
    body = (
        f'<p class="meta">{escape(verified.issuer)}</p>'
        f"<h1>{escape(_('Attestation'))}</h1>"
        f"{status}"
        f"<p>{escape(_('Délivrée à'))} <b>{escape(verified.holder)}</b> "
        f"{escape(_('le {date}').format(date=issued_on))}</p>"
        f'<h2 class="entry-title">{escape(kind)} : {escape(verified.name)}</h2>'
        f"<p>{escape(verified.description)}</p>"
        f"<h2>{escape(_('Critères'))}</h2><p>{escape(verified.criteria)}</p>"
        + (
            f"<h2>{escape(_('Preuves choisies par la personne'))}</h2><ul>{evidence}</ul>"
            if evidence
            else ""
        )
        + f"<h2>{escape(_('Vérifier cette attestation'))}</h2>"
        f"<p>{escape(_('C’est un badge numérique Open Badges 3.0 signé par le serveur du parcours. Le fichier « .jwt » exporté avec elle se vérifie avec la clé publique de l’émetteur :'))} "
        f"{escape(verified.issuer_url)}/.well-known/jwks.json</p>"
        f'<p class="meta">{escape(_("Identifiant : {id}").format(id=verified.id))}</p>'
    )
    return page(_("Attestation — {name}").format(name=verified.name), body)


def issued_on(row: Attestation) -> str:
    """The day the attestation was issued, in words."""
    return long_date(row.issued_at.date())
