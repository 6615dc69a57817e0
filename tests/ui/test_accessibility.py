"""Accessibility: every control has a name a screen reader can say, tab order follows the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from screens import dialogs, views

from team_desktop.core import progress
from team_desktop.core.portfolio import entries, listing
from team_desktop.core.portfolio.listing import EntryFilter
from team_desktop.ui.main_window import MainWindow


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces for `widget`: its accessible name, else its own text."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text().replace("&", "").strip()
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable, visible widgets under `root` (included) that a screen reader cannot name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisible()
            or widget.focusProxy() is not None
            # The editor inside a spin box or combo box takes its parent's name.
            or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
        ):
            continue
        if not spoken_name(widget):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {root.objectName() or type(root).__name__}"
            )
    return found


def test_every_control_of_every_view_and_dialog_has_a_name(window: MainWindow, qtbot):
    missing = unnamed_controls(window)
    for name, view in views(window):
        qtbot.waitUntil(view.isVisible)
        missing += [f"{name}: {m}" for m in unnamed_controls(view)]
    for name, dialog in dialogs(window):
        qtbot.waitExposed(dialog)
        missing += [f"{name}: {m}" for m in unnamed_controls(dialog)]
    assert not missing, "\n".join(missing)


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab visits, in order (an editor inside a control counts as it)."""
    chain: list[QWidget] = []
    cursor = root.nextInFocusChain()
    while cursor is not root:
        widget = cursor
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            widget = widget.parent()
        if (
            root.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget not in chain
        ):
            chain.append(widget)
        cursor = cursor.nextInFocusChain()
    return chain


def test_a_control_without_a_name_is_found(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    search, button = QLineEdit(), QPushButton("Chercher")
    search.setPlaceholderText("un mot")  # a placeholder is not announced as a name
    for widget in (search, button):
        layout.addWidget(widget)
    box.show()
    assert unnamed_controls(box) == ["QLineEdit '' in QWidget"]
    search.setAccessibleName("Mots cherchés")
    assert unnamed_controls(box) == []


def test_tab_follows_the_screen_in_the_lesson_view(window):
    window.open_lesson("test-mini/seconde")
    lesson = window.lesson
    assert tab_chain(lesson) == [
        lesson.previous_button,
        lesson.next_button,
        lesson.bookmark_button,
        lesson.done_button,
        lesson.browser,
    ]
    # Tab goes round the window: the search field above, the plan on the left, the lesson.
    chain = tab_chain(window)
    start = chain.index(window.search_field)
    chain = chain[start:] + chain[:start]
    assert chain[1] is window.navigator
    assert chain.index(window.navigator) < chain.index(lesson.previous_button)


def test_tab_follows_the_screen_in_the_entry_editor(window):
    entry = entries.create_entry(window.store.paths.packs, None, "test-mini/mini-reflexion")
    window.journal.show(entry.id)
    editor = window.journal.view.editor
    panel = editor.attachments
    assert tab_chain(editor) == [
        editor.title,
        editor.date,
        editor.tags,
        editor.visibility,
        editor.link,  # back to the lesson this entry answers
        editor.text,  # the preview is hidden: the editor shows the formatting
        panel.add_button,
        panel.open_button,
        panel.remove_button,
        editor.preview_button,
        editor.history_button,
        editor.trash_button,
    ]


# -- the keyboard alone ------------------------------------------------------------------------


def press(qtbot, window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is, as a learner without a mouse would."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def ready(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_keyboard_alone_opens_a_lesson_reads_it_and_marks_it_done(window, qtbot):
    window.resize(900, 500)  # a lesson longer than the screen, to scroll
    ready(window, qtbot)
    press(qtbot, window, Qt.Key.Key_F6)  # Aller › Plan du cours
    assert window.navigator.hasFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Down):  # module, unfold, lesson
        press(qtbot, window, key)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.lesson
    assert window.lesson.current_uid == "test-mini/premiere"
    assert window.lesson.browser.hasFocus()
    bar = window.lesson.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    before = bar.value()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert bar.value() > before
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert progress.is_completed("test-mini/premiere")


def test_keyboard_alone_writes_a_journal_entry(window, qtbot):
    ready(window, qtbot)
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.journal.view.template_dialog
    qtbot.waitUntil(dialog.list.hasFocus)
    press(qtbot, window, Qt.Key.Key_Return)  # the free template, chosen by default
    qtbot.waitUntil(lambda: not dialog.isVisible())
    ready(window, qtbot)  # the window manager's part: the window is active again
    editor = window.journal.view.editor
    qtbot.waitUntil(editor.title.hasFocus)
    # QTest types ASCII only (it aborts on "é"): plain words stand for the learner's.
    qtbot.keyClicks(editor.title, "Seance du mardi")
    for _ in range(6):
        if editor.text.hasFocus():
            break
        press(qtbot, window, Qt.Key.Key_Tab)
    assert editor.text.hasFocus()
    qtbot.keyClicks(editor.text, "Ce qui a marche : la repartition des roles.")
    press(qtbot, window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)  # Aller › Accueil
    assert window.stack.currentWidget() is window.home
    (summary,) = listing.list_entries(EntryFilter())
    entry = entries.get_entry(summary.id)
    assert entry.title == "Seance du mardi"
    assert "la repartition des roles" in entry.body


def test_keyboard_alone_asks_for_a_sync_and_is_told_none_is_set_up(window, qtbot):
    ready(window, qtbot)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.sharing.status.text() == "Synchronisation non configurée"
    assert window.sharing.service.state == "unconfigured"
