"""Errors a learner can meet while syncing, each with a French message saying what to do."""

from __future__ import annotations

from team_desktop.core.i18n import _


class SyncError(Exception):
    """Base of every sync failure; `str(error)` is the message shown to the learner."""


class OfflineError(SyncError):
    def __init__(self, detail: str = ""):
        super().__init__(
            _(
                "Pas de connexion au serveur. Vos changements sont gardés et partiront à la prochaine synchronisation."
            )
        )
        self.detail = detail


class CertificateError(SyncError):
    """The server's TLS certificate is not trusted here (self-signed, expired, wrong name, or
    this computer's clock is wrong); `detail` is OpenSSL's reason, in English."""

    def __init__(self, detail: str = ""):
        super().__init__(
            _(
                "Cet ordinateur ne fait pas confiance au certificat de sécurité du serveur : rien "
                "n'a été envoyé, vos changements restent ici. Vérifiez l'adresse du serveur et la "
                "date de l'ordinateur, ou demandez à l'administrateur du serveur."
            )
        )
        self.detail = detail


class AuthError(SyncError):
    def __init__(self) -> None:
        super().__init__(
            _("Le serveur ne vous reconnaît plus : reconnectez-vous (Partage › Compte et serveur).")
        )


class ServerRefused(SyncError):
    """The server answered with an error and its own explanation."""

    def __init__(self, status: int, detail: str):
        super().__init__(
            detail or _("Le serveur a refusé la demande (erreur {s}).").format(s=status)
        )
        self.status = status


class ProtocolTooOld(SyncError):
    def __init__(self, detail: str = ""):
        super().__init__(
            detail
            or _(
                "Le serveur demande une version plus récente de TEAM Desktop : mettez l'application à jour."
            )
        )


class MalformedReply(SyncError):
    def __init__(self, detail: str = ""):
        super().__init__(
            _(
                "Réponse du serveur illisible ou incomplète ; rien n'a été perdu, réessayez plus tard."
            )
        )
        self.detail = detail


class ServerChanged(SyncError):
    """The server at this address is not the one this device synced with."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Le serveur à cette adresse n'est plus celui avec lequel cet appareil se synchronisait "
                "(base effacée ou autre serveur). Rien n'a été supprimé ici : choisissez quoi faire "
                "dans Partage › Compte et serveur."
            )
        )
