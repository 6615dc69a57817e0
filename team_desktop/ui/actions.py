"""Every menu and toolbar action of the main window, declared once with its shortcut, and the
menus and toolbar that hold them: controllers connect handlers, they never add menus."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar


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
    OPEN_LOGS = "open_logs"
    NOTES = "notes"
    NEW_NOTE = "new_note"
    NEW_PLAN = "new_plan"
    PLANS = "plans"
    SYNC_NOW = "sync_now"
    ACCOUNT = "account"
    GROUPS = "groups"
    FEED = "feed"
    PENDING = "pending"
    SYNC_BY_FILE = "sync_by_file"
    DELIVER_FILE = "deliver_file"
    IMPORT_ANSWER = "import_answer"
    UPDATE_PACKS = "update_packs"
    JOURNAL = "journal"
    NEW_ENTRY = "new_entry"
    COMPETENCIES = "competencies"
    COURSE_PLAN = "course_plan"
    TEXT_BIGGER = "text_bigger"
    TEXT_SMALLER = "text_smaller"
    TEXT_NORMAL = "text_normal"
    PREFERENCES = "preferences"
    SHORTCUTS = "shortcuts"
    RESEARCH_CONSENT = "research_consent"
    MY_DATA = "my_data"
    PRIVACY = "privacy"


class Menu(enum.Enum):
    FILE = "file"
    GO = "go"
    JOURNAL = "journal"
    LESSON = "lesson"
    NOTES = "notes"
    RESEARCH = "research"
    SHARING = "sharing"
    VIEW = "view"
    HELP = "help"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


# (label, shortcuts, status tip); QT_TRANSLATE_NOOP lets lupdate find the texts.
_SPEC: dict[Act, tuple[str, list, str]] = {
    Act.IMPORT_PACK: (
        QT_TRANSLATE_NOOP("Actions", "&Importer un pack…"),
        [QKeySequence.StandardKey.Open],
        QT_TRANSLATE_NOOP("Actions", "Installer un module reçu sous forme de fichier .teampack"),
    ),
    Act.EXPORT_JOURNAL: (
        QT_TRANSLATE_NOOP("Actions", "&Exporter le journal…"),
        ["Ctrl+Shift+E"],
        QT_TRANSLATE_NOOP(
            "Actions", "Exporter le journal ou les notes en Markdown, HTML, PDF ou Leap2A"
        ),
    ),
    Act.BACKUP: (
        QT_TRANSLATE_NOOP("Actions", "&Sauvegarder mes données…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Enregistrer toutes vos données dans un fichier de sauvegarde"
        ),
    ),
    Act.RESTORE: (
        QT_TRANSLATE_NOOP("Actions", "&Restaurer une sauvegarde…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions",
            "Remplacer vos données par celles d'une sauvegarde (les actuelles sont gardées)",
        ),
    ),
    Act.QUIT: (
        QT_TRANSLATE_NOOP("Actions", "&Quitter"),
        [QKeySequence.StandardKey.Quit],
        QT_TRANSLATE_NOOP("Actions", "Fermer TEAM Desktop"),
    ),
    Act.HOME: (
        QT_TRANSLATE_NOOP("Actions", "&Accueil"),
        ["Alt+Home", "Ctrl+Shift+H"],
        QT_TRANSLATE_NOOP("Actions", "Revenir à l'accueil"),
    ),
    Act.PREVIOUS: (
        QT_TRANSLATE_NOOP("Actions", "Leçon &précédente"),
        ["Alt+Left"],
        QT_TRANSLATE_NOOP("Actions", "Ouvrir la leçon précédente"),
    ),
    Act.NEXT: (
        QT_TRANSLATE_NOOP("Actions", "Leçon &suivante"),
        ["Alt+Right"],
        QT_TRANSLATE_NOOP("Actions", "Ouvrir la leçon suivante"),
    ),
    Act.SEARCH: (
        QT_TRANSLATE_NOOP("Actions", "&Rechercher"),
        [QKeySequence.StandardKey.Find],
        QT_TRANSLATE_NOOP("Actions", "Chercher dans tout le cours"),
    ),
    Act.BOOKMARKS: (
        QT_TRANSLATE_NOOP("Actions", "Mes &favoris"),
        ["Ctrl+Shift+B"],
        QT_TRANSLATE_NOOP("Actions", "Voir les leçons mises en favori"),
    ),
    Act.TOGGLE_DONE: (
        QT_TRANSLATE_NOOP("Actions", "Marquer comme &terminée"),
        ["Ctrl+D"],
        QT_TRANSLATE_NOOP("Actions", "Marquer la leçon comme terminée, ou non"),
    ),
    Act.TOGGLE_BOOKMARK: (
        QT_TRANSLATE_NOOP("Actions", "Ajouter aux fa&voris"),
        ["Ctrl+B"],
        QT_TRANSLATE_NOOP("Actions", "Ajouter ou retirer la leçon des favoris"),
    ),
    Act.OPEN_LOGS: (
        QT_TRANSLATE_NOOP("Actions", "Ouvrir le dossier des journaux techniques"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions",
            "Les journaux techniques aident à comprendre un problème : envoyez ce dossier à "
            "votre formateur ou à l'assistance. Ils ne contiennent ni vos textes ni vos mots "
            "de passe.",
        ),
    ),
    Act.ABOUT: (
        QT_TRANSLATE_NOOP("Actions", "À &propos de TEAM Desktop"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Version et licences"),
    ),
    Act.NOTES: (
        QT_TRANSLATE_NOOP("Actions", "&Notes de co-préparation"),
        ["Ctrl+Shift+P"],
        QT_TRANSLATE_NOOP(
            "Actions", "Les notes que vous écrivez à plusieurs pour préparer une séance"
        ),
    ),
    Act.NEW_NOTE: (
        QT_TRANSLATE_NOOP("Actions", "Nouvelle &note de co-préparation"),
        ["Ctrl+Shift+N"],
        QT_TRANSLATE_NOOP("Actions", "Commencer une note de co-préparation à partir du modèle"),
    ),
    Act.NEW_PLAN: (
        QT_TRANSLATE_NOOP("Actions", "Nouveau &plan de séance…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Préparer une séance phase par phase, l'observer, puis la débriefer"
        ),
    ),
    Act.PLANS: (
        QT_TRANSLATE_NOOP("Actions", "Plans de &séance"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Vos plans de séance, leurs observations et leurs débriefings"
        ),
    ),
    Act.SYNC_NOW: (
        QT_TRANSLATE_NOOP("Actions", "&Synchroniser maintenant"),
        ["F5", "Ctrl+R"],
        QT_TRANSLATE_NOOP("Actions", "Envoyer vos changements et recevoir ceux de votre groupe"),
    ),
    Act.ACCOUNT: (
        QT_TRANSLATE_NOOP("Actions", "&Compte et serveur…"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Se connecter ou créer un compte"),
    ),
    Act.GROUPS: (
        QT_TRANSLATE_NOOP("Actions", "Mes &groupes…"),
        ["Ctrl+G"],
        QT_TRANSLATE_NOOP("Actions", "Créer ou rejoindre un groupe, voir ses membres"),
    ),
    Act.FEED: (
        QT_TRANSLATE_NOOP("Actions", "&Mutualisation"),
        ["Ctrl+M"],
        QT_TRANSLATE_NOOP("Actions", "Ce que votre groupe partage"),
    ),
    Act.SYNC_BY_FILE: (
        QT_TRANSLATE_NOOP("Actions", "Synchroniser par &fichier…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions",
            "Écrire vos changements dans un fichier (sur une clé USB par exemple), pour qu'un "
            "appareil connecté les transmette",
        ),
    ),
    Act.DELIVER_FILE: (
        QT_TRANSLATE_NOOP("Actions", "&Transmettre un fichier de synchronisation…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions",
            "Envoyer au serveur le fichier d'un appareil sans connexion, et écrire sa réponse à "
            "côté",
        ),
    ),
    Act.IMPORT_ANSWER: (
        QT_TRANSLATE_NOOP("Actions", "&Importer la réponse…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Recevoir sur cet appareil la réponse à votre fichier de synchronisation"
        ),
    ),
    Act.UPDATE_PACKS: (
        QT_TRANSLATE_NOOP("Actions", "Mettre à &jour les modules…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Télécharger les nouvelles versions des modules proposées par le serveur"
        ),
    ),
    Act.PENDING: (
        QT_TRANSLATE_NOOP("Actions", "En &attente d'envoi"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Les changements qui n'ont pas encore quitté cet appareil"),
    ),
    Act.COMPETENCIES: (
        QT_TRANSLATE_NOOP("Actions", "Mes &compétences"),
        ["Ctrl+Shift+K"],
        QT_TRANSLATE_NOOP(
            "Actions", "Vos preuves, les appuis de vos pairs, les validations et vos attestations"
        ),
    ),
    Act.JOURNAL: (
        QT_TRANSLATE_NOOP("Actions", "&Journal de bord"),
        ["Ctrl+J"],
        QT_TRANSLATE_NOOP("Actions", "Vos entrées de journal, leurs filtres et la corbeille"),
    ),
    Act.NEW_ENTRY: (
        QT_TRANSLATE_NOOP("Actions", "&Nouvelle entrée…"),
        [QKeySequence.StandardKey.New],
        QT_TRANSLATE_NOOP("Actions", "Commencer une entrée de journal à partir d'un modèle"),
    ),
    Act.COURSE_PLAN: (
        QT_TRANSLATE_NOOP("Actions", "Plan du &cours"),
        ["F6"],
        QT_TRANSLATE_NOOP(
            "Actions", "Aller au plan du cours (flèches pour choisir, Entrée pour ouvrir)"
        ),
    ),
    Act.TEXT_BIGGER: (
        QT_TRANSLATE_NOOP("Actions", "A&grandir le texte"),
        [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        QT_TRANSLATE_NOOP("Actions", "Agrandir le texte du cours et des éditeurs"),
    ),
    Act.TEXT_SMALLER: (
        QT_TRANSLATE_NOOP("Actions", "&Réduire le texte"),
        [QKeySequence.StandardKey.ZoomOut],
        QT_TRANSLATE_NOOP("Actions", "Réduire le texte du cours et des éditeurs"),
    ),
    Act.TEXT_NORMAL: (
        QT_TRANSLATE_NOOP("Actions", "Taille &normale du texte"),
        ["Ctrl+0"],
        QT_TRANSLATE_NOOP("Actions", "Revenir à la taille normale du texte"),
    ),
    Act.PREFERENCES: (
        QT_TRANSLATE_NOOP("Actions", "&Préférences…"),
        ["Ctrl+,"],
        QT_TRANSLATE_NOOP("Actions", "Langue, thème et taille du texte"),
    ),
    Act.SHORTCUTS: (
        QT_TRANSLATE_NOOP("Actions", "&Raccourcis clavier"),
        [QKeySequence.StandardKey.HelpContents],
        QT_TRANSLATE_NOOP("Actions", "Tous les raccourcis clavier de TEAM Desktop"),
    ),
    Act.RESEARCH_CONSENT: (
        QT_TRANSLATE_NOOP("Actions", "&Participation à la recherche…"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Lire l'information sur la recherche, accepter ou refuser"),
    ),
    Act.MY_DATA: (
        QT_TRANSLATE_NOOP("Actions", "Mes &données…"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Ce que le serveur conserve, le télécharger, supprimer votre compte"
        ),
    ),
    Act.PRIVACY: (
        QT_TRANSLATE_NOOP("Actions", "&Confidentialité"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Ce que TEAM Desktop fait de vos données"),
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


# The menu bar, left to right ("Aide" last, as everywhere else); None is a separator.
_MENUS: dict[Menu, tuple[str, list[Act | None]]] = {
    Menu.FILE: (
        QT_TRANSLATE_NOOP("Actions", "&Fichier"),
        [Act.IMPORT_PACK, None, Act.EXPORT_JOURNAL, Act.BACKUP, Act.RESTORE, None, Act.QUIT],
    ),
    Menu.GO: (
        QT_TRANSLATE_NOOP("Actions", "&Aller"),
        [Act.HOME, Act.COURSE_PLAN, Act.PREVIOUS, Act.NEXT, None, Act.SEARCH, Act.BOOKMARKS],
    ),
    Menu.JOURNAL: (
        QT_TRANSLATE_NOOP("Actions", "&Journal"),
        [Act.NEW_ENTRY, Act.JOURNAL, None, Act.COMPETENCIES],
    ),
    Menu.LESSON: (QT_TRANSLATE_NOOP("Actions", "&Leçon"), [Act.TOGGLE_DONE, Act.TOGGLE_BOOKMARK]),
    Menu.NOTES: (
        QT_TRANSLATE_NOOP("Actions", "&Co-préparation"),
        [Act.NEW_NOTE, Act.NOTES, None, Act.NEW_PLAN, Act.PLANS],
    ),
    Menu.RESEARCH: (
        QT_TRANSLATE_NOOP("Actions", "&Recherche participative"),
        [Act.RESEARCH_CONSENT, Act.MY_DATA, Act.PRIVACY],
    ),
    Menu.SHARING: (
        QT_TRANSLATE_NOOP("Actions", "&Partage"),
        [
            Act.SYNC_NOW,
            Act.FEED,
            Act.PENDING,
            None,
            Act.SYNC_BY_FILE,
            Act.DELIVER_FILE,
            Act.IMPORT_ANSWER,
            None,
            Act.UPDATE_PACKS,
            None,
            Act.GROUPS,
            Act.ACCOUNT,
        ],
    ),
    Menu.VIEW: (
        QT_TRANSLATE_NOOP("Actions", "Affic&hage"),
        [Act.TEXT_BIGGER, Act.TEXT_SMALLER, Act.TEXT_NORMAL, None, Act.PREFERENCES],
    ),
    Menu.HELP: (
        QT_TRANSLATE_NOOP("Actions", "Ai&de"),
        [Act.PRIVACY, Act.SHORTCUTS, Act.OPEN_LOGS, None, Act.ABOUT],
    ),
}

# The toolbar's buttons, after the course plan's and before the search field.
TOOLBAR = (Act.HOME, Act.BOOKMARKS, Act.JOURNAL, Act.NOTES, Act.FEED)


def create_menus(bar: QMenuBar, actions: dict[Act, QAction]) -> dict[Menu, QMenu]:
    """Fill `bar` with the declared menus of `actions`; returns each menu by its key."""
    menus = {}
    for key, (title, acts) in _MENUS.items():
        menu = bar.addMenu(_tr(title))
        menu.setObjectName(f"{key.value}Menu")
        for act in acts:
            menu.addSeparator() if act is None else menu.addAction(actions[act])
        menus[key] = menu
    return menus
