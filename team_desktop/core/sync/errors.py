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


class SessionExpired(AuthError):
    """The server says this device's session expired (unused too long, or logged out from
    another device): nothing queued here is lost, it leaves after the next login."""

    def __init__(self) -> None:
        SyncError.__init__(
            self,
            _(
                "Votre session a expiré, reconnectez-vous (Partage › Compte et serveur). Rien "
                "n'est perdu : vos changements en attente partiront après la reconnexion."
            ),
        )


class WrongPassword(AuthError):
    """A login refused by the server: the username or the password is wrong."""

    def __init__(self) -> None:
        SyncError.__init__(
            self,
            _(
                "Identifiant ou mot de passe incorrect. Vérifiez-les (majuscules comprises), ou "
                "cochez « Créer un nouveau compte » si vous n'en avez pas encore sur ce serveur."
            ),
        )


class Unreachable(OfflineError):
    """The server address given to log in could not be reached (or is not an address)."""

    def __init__(self, url: str, detail: str = ""):
        SyncError.__init__(
            self,
            _(
                "L'adresse « {url} » n'a pas pu être jointe. Vérifiez qu'elle est bien écrite "
                "(par exemple https://team.mon-organisme.fr) et que l'ordinateur est connecté."
            ).format(url=url),
        )
        self.detail = detail


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


class ReplyTooLarge(MalformedReply):
    """A reply (inflated) went past what this client accepts: it is dropped unread."""

    def __init__(self, limit: int):
        SyncError.__init__(
            self,
            _(
                "Le serveur a envoyé une réponse bien plus grosse que prévu (plus de {n} Mo) : "
                "elle est refusée ; rien n'a été perdu."
            ).format(n=max(limit // (1024 * 1024), 1)),
        )
        self.detail = f"over {limit} bytes"
