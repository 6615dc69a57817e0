"""Every menu and toolbar action of the main window, declared once with its shortcut."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


class Act(enum.Enum):
    IMPORT_PACK = "import_pack"
    EXPORT_JOURNAL = "export_journal"
    BACKUP = "backup"
    RESTORE = "restore"
    QUIT = "quit"
    HOME = "home"
    PREVIOUS = "previous"
    NEXT = "next"
    SEARCH = "search"
    BOOKMARKS = "bookmarks"
    TOGGLE_DONE = "toggle_done"
    TOGGLE_BOOKMARK = "toggle_bookmark"
    ABOUT = "about"
    NOTES = "notes"
    NEW_NOTE = "new_note"
    SYNC_NOW = "sync_now"
    ACCOUNT = "account"
    GROUPS = "groups"
    FEED = "feed"
    PENDING = "pending"
    UPDATE_PACKS = "update_packs"
    JOURNAL = "journal"
    NEW_ENTRY = "new_entry"
    RESEARCH_CONSENT = "research_consent"
    MY_DATA = "my_data"
    PRIVACY = "privacy"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


# (label, shortcuts, status tip)
_SPEC: dict[Act, tuple[str, list, str]] = {
    Act.IMPORT_PACK: (
        "&Importer un pack…",
        [QKeySequence.StandardKey.Open],
        "Installer un module reçu sous forme de fichier .teampack",
    ),
    Act.EXPORT_JOURNAL: (
        "&Exporter le journal…",
        ["Ctrl+Shift+E"],
        "Exporter le journal ou les notes en Markdown, HTML, PDF ou Leap2A",
    ),
    Act.BACKUP: (
        "&Sauvegarder mes données…",
        [],
        "Enregistrer toutes vos données dans un fichier de sauvegarde",
    ),
    Act.RESTORE: (
        "&Restaurer une sauvegarde…",
        [],
        "Remplacer vos données par celles d'une sauvegarde (les actuelles sont gardées)",
    ),
    Act.QUIT: ("&Quitter", [QKeySequence.StandardKey.Quit], "Fermer TEAM Desktop"),
    Act.HOME: ("&Accueil", ["Alt+Home", "Ctrl+Shift+H"], "Revenir à l'accueil"),
    Act.PREVIOUS: ("Leçon &précédente", ["Alt+Left"], "Ouvrir la leçon précédente"),
    Act.NEXT: ("Leçon &suivante", ["Alt+Right"], "Ouvrir la leçon suivante"),
    Act.SEARCH: ("&Rechercher", [QKeySequence.StandardKey.Find], "Chercher dans tout le cours"),
    Act.BOOKMARKS: ("Mes &favoris", ["Ctrl+Shift+B"], "Voir les leçons mises en favori"),
    Act.TOGGLE_DONE: (
        "Marquer comme &terminée",
        ["Ctrl+D"],
        "Marquer la leçon comme terminée, ou non",
    ),
    Act.TOGGLE_BOOKMARK: (
        "Ajouter aux fa&voris",
        ["Ctrl+B"],
        "Ajouter ou retirer la leçon des favoris",
    ),
    Act.ABOUT: ("À &propos de TEAM Desktop", [], "Version et licences"),
    Act.NOTES: (
        "&Notes de co-préparation",
        ["Ctrl+Shift+P"],
        "Les notes que vous écrivez à plusieurs pour préparer une séance",
    ),
    Act.NEW_NOTE: (
        "Nouvelle &note de co-préparation",
        ["Ctrl+Shift+N"],
        "Commencer une note de co-préparation à partir du modèle",
    ),
    Act.SYNC_NOW: (
        "&Synchroniser maintenant",
        ["F5", "Ctrl+R"],
        "Envoyer vos changements et recevoir ceux de votre groupe",
    ),
    Act.ACCOUNT: ("&Compte et serveur…", [], "Se connecter ou créer un compte"),
    Act.GROUPS: ("Mes &groupes…", ["Ctrl+G"], "Créer ou rejoindre un groupe, voir ses membres"),
    Act.FEED: ("&Mutualisation", ["Ctrl+M"], "Ce que votre groupe partage"),
    Act.UPDATE_PACKS: (
        "Mettre à &jour les modules…",
        [],
        "Télécharger les nouvelles versions des modules proposées par le serveur",
    ),
    Act.PENDING: (
        "En &attente d'envoi",
        [],
        "Les changements qui n'ont pas encore quitté cet appareil",
    ),
    Act.JOURNAL: (
        "&Journal de bord",
        ["Ctrl+J"],
        "Vos entrées de journal, leurs filtres et la corbeille",
    ),
    Act.NEW_ENTRY: (
        "&Nouvelle entrée…",
        [QKeySequence.StandardKey.New],
        "Commencer une entrée de journal à partir d'un modèle",
    ),
    Act.RESEARCH_CONSENT: (
        "&Participation à la recherche…",
        [],
        "Lire l'information sur la recherche, accepter ou refuser",
    ),
    Act.MY_DATA: (
        "Mes &données…",
        [],
        "Ce que le serveur conserve, le télécharger, supprimer votre compte",
    ),
    Act.PRIVACY: (
        "&Confidentialité",
        [],
        "Ce que TEAM Desktop fait de vos données",
    ),
}


def create_actions(parent: QObject) -> dict[Act, QAction]:
    """One QAction per `Act`, owned by `parent`."""
    actions = {}
    for act, (label, shortcuts, tip) in _SPEC.items():
        action = QAction(_tr(label), parent)
        action.setObjectName(act.value)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setStatusTip(_tr(tip))
        action.setToolTip(_tr(tip))
        actions[act] = action
    return actions
