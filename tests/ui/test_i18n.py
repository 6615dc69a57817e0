"""Languages: complete catalogues, an interface entirely in English, French plurals, the choice."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)
from screens import dialogs, views

from team_desktop import cli
from team_desktop.core import course, i18n
from team_desktop.core.export.labels import human_size
from team_desktop.core.notes import store as notes
from team_desktop.core.portfolio import listing, templates
from team_desktop.core.portfolio.listing import EntryFilter
from team_desktop.ui.app import start_language
from team_desktop.ui.language import (
    choose_language,
    format_date,
    install_language,
    locale_for,
    month_name,
)
from team_desktop.ui.lesson_browser import LessonBrowser
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.preferences import LANGUAGE, Preferences
from team_desktop.ui.search_view import SearchView
from team_desktop.ui.shortcuts_help import ShortcutsDialog
from team_desktop.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
# Words and letters that betray French left in the English interface.
FRENCH = re.compile(
    r"[éèêàâùûôîçœ]|\b(le|la|les|des|du|une|et|ou|vos|votre|mes|mon|dans|pour|sur|avec|"
    r"leçon|accueil|rechercher|favoris|synchroniser|journal de bord|corbeille|semaine|"
    r"enregistrer|annuler|fermer|aperçu|aucun|nouvelle|partage|modèles?)\b",
    re.IGNORECASE,
)


@pytest.fixture
def english(qapp):
    """The interface in English for one test, then French again."""
    install_language(qapp, "en")
    yield
    install_language(qapp, "fr")


def need_lupdate(translations) -> None:
    if translations.qt_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate absent de cet environnement : catalogues Qt non vérifiés")


# -- the catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_qt_catalogue_holds_every_string_of_the_sources_translated(translations, language):
    need_lupdate(translations)
    missing, unfinished = translations.qt_gaps(language)
    advice = "lancer `python packaging/translations.py update`, puis traduire"
    assert not missing, f"{advice} : " + "; ".join(f"{m.context} « {m.source} »" for m in missing)
    assert not unfinished, f"{advice} : " + "; ".join(f"« {m.source} »" for m in unfinished)


def test_core_catalogue_holds_every_message_translated(translations):
    missing, untranslated = translations.core_gaps("en")
    assert not missing, [e.msgid for e in missing]
    assert not untranslated, [e.msgid for e in untranslated]
    assert not translations.non_literal_core_calls()


def test_no_qt_string_hides_from_lupdate_inside_an_f_string():
    # lupdate reads no call inside an f-string: such a string would never be translated.
    hidden = []
    for path in sorted((ROOT / "team_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.relative_to(ROOT)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and getattr(call.func, "attr", "") in ("tr", "translate")
                ]
    assert not hidden


def test_extraction_finds_markers_and_plurals(translations, tmp_path):
    package = tmp_path / "team_desktop"
    package.mkdir()
    (package / "module.py").write_text(
        "from team_desktop.core.i18n import N_, _, ngettext\n"
        "LABELS = {'a': N_('Étiquette')}\n"
        "def f(n):\n"
        "    return _('Bonjour {n}').format(n=n) + ngettext('{n} entrée', '{n} entrées', n)\n"
        "    # f-strings are never translated: reported, not extracted\n"
        "def g(n):\n"
        "    return _(f'Bonjour {n}')\n",
        encoding="utf-8",
    )
    found = {(e.msgid, e.msgid_plural) for e in translations.extract_core(tmp_path)}
    assert found == {("Étiquette", ""), ("Bonjour {n}", ""), ("{n} entrée", "{n} entrées")}
    assert translations.non_literal_core_calls(tmp_path) == ["team_desktop/module.py:7"]


def test_compiled_core_catalogue_reads_back_with_plurals(translations, tmp_path):
    entries = [
        translations.PoEntry("Bonjour", msgstr=["Hello"]),
        translations.PoEntry("{n} entrée", "{n} entrées", ["{n} entry", "{n} entries"]),
        translations.PoEntry("Pas traduit"),
    ]
    mo = tmp_path / "team_desktop.mo"
    translations.write_mo(translations.PO_HEADER["en"], entries, mo)
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.gettext("Bonjour") == "Hello"
    assert catalogue.ngettext("{n} entrée", "{n} entrées", 1) == "{n} entry"
    assert catalogue.ngettext("{n} entrée", "{n} entrées", 3) == "{n} entries"
    assert catalogue.gettext("Pas traduit") == "Pas traduit"


def test_po_file_survives_a_round_trip(translations, tmp_path):
    header, entries = translations.read_po(translations.po_path("en"))
    copy = tmp_path / "copy.po"
    translations.write_po(copy, header, entries)
    assert copy.read_text(encoding="utf-8") == translations.po_path("en").read_text("utf-8")


# -- the interface in English --------------------------------------------------------------


def content_strings(window: MainWindow) -> list[str]:
    """Course content and the learner's own words: French whatever the interface says."""
    found = []
    for module in course.modules():
        found += [module.title] + [lesson.title for lesson in module.lessons]
    found += [c.title for c in templates.available(window.store.paths.packs)]
    found += [n.title for n in notes.list_notes()]
    found += [s.title for s in listing.list_entries(EntryFilter())]
    return sorted({f for f in found if f}, key=len, reverse=True)


def visible_texts(root: QWidget) -> list[str]:
    """What a learner reads or hears on `root`: labels, buttons, lists, names, tooltips."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())  # its text is the learner's
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                texts.append(widget.horizontalHeaderItem(column).text())
                texts += [widget.item(r, column).text() for r in range(widget.rowCount())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            iterator = QTreeWidgetItemIterator(widget)
            while item := iterator.value():
                texts.append(item.text(0))
                iterator += 1
        elif isinstance(widget, LessonBrowser) and isinstance(widget.window(), ShortcutsDialog):
            texts.append(widget.toPlainText())
    return [t for t in texts if t]


def menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        for action in menu.actions():
            texts += [action.text(), action.statusTip()]
    return texts + [a.text() for a in window.toolbar.actions()]


def french_left(texts: list[str], content: list[str]) -> list[str]:
    found = []
    for text in texts:
        remainder = text
        for piece in content:
            remainder = remainder.replace(piece, "")
        if FRENCH.search(remainder):
            found.append(text)
    return sorted(set(found))


def test_the_window_views_and_dialogs_are_all_in_english(english, store, qtbot):
    window = MainWindow(store, TaskRunner())
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    content = content_strings(window)
    texts = menu_texts(window)
    for _name, view in views(window):
        texts += visible_texts(window)
        content = content_strings(window)
        if isinstance(view, SearchView):
            assert "Search: “séance”" in view.toPlainText()
        if view is window.lesson:
            page = view.browser.toPlainText()
            assert "Answer in my learning journal" in page and "SELF-ASSESSMENT QUIZ" in page
        if view is window.module:
            assert "Objectives" in view.toPlainText() and "Lessons" in view.toPlainText()
        if view is window.sharing.feed:
            assert "Nothing shared yet" in view.toPlainText()
    for _name, dialog in dialogs(window):
        texts += visible_texts(dialog)
    texts += [window.statusBar().currentMessage(), window.sharing.status.text()]
    assert "&File" in texts and "&Learning journal" in texts
    left = french_left(texts, content + ["Français"])  # each language is named in itself
    assert not left, "\n".join(left)


def test_the_english_home_page_says_the_course_is_in_french(english, store, qtbot):
    window = MainWindow(store, TaskRunner())
    qtbot.addWidget(window)
    labels = [label.text() for label in window.home.findChildren(QLabel)]
    assert "The course content is in French." in labels
    assert "Welcome to the TEAM MOOC" in labels


def test_the_french_home_page_says_nothing_about_the_language(window):
    labels = [label.text() for label in window.home.findChildren(QLabel)]
    assert "Le contenu du cours est en français." not in labels
    assert "Bienvenue dans le MOOC TEAM" in labels


# -- plurals, dates, numbers --------------------------------------------------------------


def test_french_plurals_come_from_the_french_catalogue(qapp):
    def results(n: int) -> str:
        return QCoreApplication.translate("MainWindow", "%n résultat(s)", "", n)

    assert [results(n) for n in (0, 1, 2)] == ["0 résultat", "1 résultat", "2 résultats"]
    assert i18n.ngettext("{n} entrée", "{n} entrées", 0) == "{n} entrée"
    assert i18n.ngettext("{n} entrée", "{n} entrées", 2) == "{n} entrées"


def test_english_plurals(english):
    def results(n: int) -> str:
        return QCoreApplication.translate("MainWindow", "%n résultat(s)", "", n)

    assert [results(n) for n in (0, 1, 2)] == ["0 results", "1 result", "2 results"]
    assert i18n.ngettext("{n} entrée", "{n} entrées", 1) == "{n} entry"
    assert i18n.ngettext("{n} entrée", "{n} entrées", 0) == "{n} entries"


def test_dates_and_numbers_follow_the_language(qapp, english):
    day = dt.date(2024, 5, 2)
    assert (format_date(day), month_name(2024, 5)) == ("02/05/2024", "May 2024")
    assert i18n.format_date(day) == "02/05/2024"
    assert human_size(1234567) == "1.2 MB"
    install_language(qapp, "fr")
    assert (format_date(day), month_name(2024, 5)) == ("02/05/2024", "mai 2024")
    assert human_size(1234567) == "1,2 Mo"
    assert i18n.format_datetime(dt.datetime(2024, 5, 2, 14, 5)) == "02/05/2024 14:05"


def test_the_system_locale_keeps_its_own_formats():
    assert locale_for("en", QLocale("en_US")).name() == "en_US"
    assert locale_for("en", QLocale("fr_FR")).name() == "en_GB"
    assert locale_for("fr", QLocale("fr_CA")).name() == "fr_CA"
    assert locale_for("fr", QLocale("C")).name() == "fr_FR"


# -- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "saved", "system", "chosen"),
    [
        (None, "system", "fr_FR", "fr"),
        (None, "system", "fr_CA", "fr"),
        (None, "system", "en_US", "en"),
        (None, "system", "en_GB", "en"),
        (None, "system", "de_DE", "fr"),  # not offered: French, the course's language
        (None, "system", "C", "fr"),
        (None, "en", "fr_FR", "en"),  # the preferences win over the system
        ("fr", "en", "en_US", "fr"),  # and --lang over both
    ],
)
def test_language_chosen_from_command_line_preferences_then_system(
    requested, saved, system, chosen
):
    assert choose_language(requested, saved, system) == chosen


def test_start_reads_the_language_from_the_data_folders_preferences(qapp, data_paths):
    data_paths.root.mkdir(parents=True)
    Preferences(data_paths.ui_state).set(LANGUAGE, "en")
    try:
        assert start_language(qapp, None, data_paths) == "en"
        assert QCoreApplication.translate("Actions", "&Fichier") == "&File"
        assert i18n._("Mutualisation") == "Shared work"
        assert start_language(qapp, "fr", data_paths) == "fr"
        assert QCoreApplication.translate("Actions", "&Fichier") == "&Fichier"
    finally:
        install_language(qapp, "fr")


@pytest.mark.parametrize("where", ["before", "after"])
def test_command_line_messages_in_english_with_lang(tmp_path, capsys, where):
    missing = str(tmp_path / "absent")
    args = ["backup", "--data-dir", missing, "-o", str(tmp_path / "x.teambackup")]
    args = ["--lang", "en", *args] if where == "before" else [*args, "--lang", "en"]
    try:
        assert cli.main(args) == 1
    finally:
        i18n.set_language("fr")
    assert f"The data folder {missing} does not exist." in capsys.readouterr().err
