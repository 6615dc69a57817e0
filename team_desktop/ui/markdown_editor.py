"""Writing Markdown without knowing it: a text editor that shows formatting, and its toolbar.

The text stays the Markdown that is stored, character for character: the highlighter only
changes how it looks (headings larger, bold in bold, marks dimmed) and commands insert or
remove marks as separate small edits (see `core.markdown_format`). A "Markdown" switch shows
the plain source in a fixed-width font for those who prefer it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QMargins, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from team_desktop.core import markdown_format as fmt
from team_desktop.core.notes.positions import index_to_utf16, utf16_to_index
from team_desktop.ui import themes
from team_desktop.ui.markdown_highlighter import MarkdownHighlighter

MONOSPACE = "DejaVu Sans Mono"
LINE_CHARS = 90  # longer lines are hard to read: a wide editor centres a column this wide
# Command name -> key combinations. Ctrl+Shift+7 and 8 are the word processors' numbered and
# bulleted lists; a US keyboard reports Shift+7 as "&" and Shift+8 as "*".
_CTRL, _SHIFT, _ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
KEYS = {
    "bold": [(_CTRL, Qt.Key.Key_B)],
    "italic": [(_CTRL, Qt.Key.Key_I)],
    "link": [(_CTRL, Qt.Key.Key_K)],
    "numbered": [(_CTRL | _SHIFT, Qt.Key.Key_7), (_CTRL | _SHIFT, Qt.Key.Key_Ampersand)],
    "bullet": [(_CTRL | _SHIFT, Qt.Key.Key_8), (_CTRL | _SHIFT, Qt.Key.Key_Asterisk)],
    "quote": [(_CTRL | _SHIFT, Qt.Key.Key_9), (_CTRL | _SHIFT, Qt.Key.Key_ParenLeft)],
    "heading0": [(_CTRL | _ALT, Qt.Key.Key_0)],
    "heading1": [(_CTRL | _ALT, Qt.Key.Key_1)],
    "heading2": [(_CTRL | _ALT, Qt.Key.Key_2)],
    "heading3": [(_CTRL | _ALT, Qt.Key.Key_3)],
}
_BY_KEY = {
    QKeyCombination(mods, key): name for name, combos in KEYS.items() for mods, key in combos
}


def shortcut_text(command: str) -> str:
    """The first shortcut of `command`, as the platform writes it (for tooltips and help)."""
    mods, key = KEYS[command][0]
    return QKeySequence(QKeyCombination(mods, key)).toString(QKeySequence.SequenceFormat.NativeText)


class MarkdownTextEdit(QPlainTextEdit):
    """A plain-text editor for Markdown that shows its formatting and runs formatting commands.

    `separate_edits`: each mark is its own undo step and its own contentsChange (co-preparation
    notes need this: one block edit would report the words between two marks as replaced).
    Signals: source_view_changed(bool).
    """

    source_view_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, separate_edits: bool = False):
        super().__init__(parent)
        self.separate_edits = separate_edits
        # The margins around a centred column look like the page, not like a grey frame.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.highlighter = MarkdownHighlighter(self.document())
        themes.announcer().changed.connect(self._restyle)  # marks take the new theme's colours
        self._source_view = False
        self._link_dialog: QInputDialog | None = None

    def _restyle(self, _theme: str) -> None:
        if not self._source_view:
            self.highlighter.rehighlight()

    # -- the two views ----------------------------------------------------------------------

    def source_view(self) -> bool:
        """True when the plain Markdown source is shown."""
        return self._source_view

    def set_source_view(self, source: bool) -> None:
        """Show the Markdown source (fixed-width, no formatting) or the formatted text."""
        if source == self._source_view:
            return
        self._source_view = source
        self.highlighter.setDocument(None if source else self.document())
        font = QFont(self.font())
        font.setFamily(MONOSPACE if source else QFont().family())
        font.setStyleHint(QFont.StyleHint.Monospace if source else QFont.StyleHint.AnyStyle)
        self.setFont(font)
        self.source_view_changed.emit(source)

    # -- commands ---------------------------------------------------------------------------

    def run_command(self, command: str) -> None:
        """Apply formatting `command` ("bold", "bullet", "heading2"…) to the selection."""
        if self.isReadOnly():
            return
        if command == "link":
            self.ask_link()
            return
        text = self.toPlainText()
        cursor = self.textCursor()
        start = utf16_to_index(text, cursor.selectionStart())
        end = utf16_to_index(text, cursor.selectionEnd())
        if command in (fmt.BOLD, fmt.ITALIC):
            result = fmt.toggle_inline(text, start, end, command)
        elif command.startswith("heading"):
            result = fmt.set_heading(text, start, end, int(command[-1]))
        elif command == "table":
            result = fmt.table(text, end, [self.tr("Colonne 1"), self.tr("Colonne 2")])
        else:
            result = fmt.toggle_lines(text, start, end, command)
        self.apply_formatting(result)

    def ask_link(self) -> None:
        """Ask for the address of a link made of the selection."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Insérer un lien"))
        dialog.setLabelText(self.tr("Adresse du lien (par exemple https://eduscol.education.fr) :"))
        dialog.textValueSelected.connect(self.insert_link)
        dialog.open()
        self._link_dialog = dialog

    def insert_link(self, url: str) -> None:
        """Make the selection a link to `url` (an empty address changes nothing)."""
        url = url.strip().replace(" ", "%20").replace(")", "%29")
        if not url or self.isReadOnly():
            return
        text = self.toPlainText()
        cursor = self.textCursor()
        start = utf16_to_index(text, cursor.selectionStart())
        end = utf16_to_index(text, cursor.selectionEnd())
        self.apply_formatting(fmt.link(text, start, end, url, self.tr("lien")))

    def apply_formatting(self, result: fmt.Formatting) -> None:
        """Make the edits of `result` in the document, then select what it says."""
        text = self.toPlainText()
        cursor = QTextCursor(self.document())
        if not self.separate_edits:
            cursor.beginEditBlock()
        for edit in result.edits:  # last first: earlier positions stay valid
            cursor.setPosition(index_to_utf16(text, edit.start))
            cursor.setPosition(index_to_utf16(text, edit.end), QTextCursor.MoveMode.KeepAnchor)
            if edit.text:
                cursor.insertText(edit.text)
            else:
                cursor.removeSelectedText()
        if not self.separate_edits:
            cursor.endEditBlock()
        new = self.toPlainText()
        start, end = (min(i, len(new)) for i in result.selection)
        shown = self.textCursor()
        shown.setPosition(index_to_utf16(new, start))
        shown.setPosition(index_to_utf16(new, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(shown)

    # -- line length ------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        # Margins first: the resize lays the text out again for the viewport's new width.
        self._limit_line_length()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._limit_line_length():
            super().resizeEvent(QResizeEvent(self.size(), self.size()))  # lay the text out again

    def _limit_line_length(self) -> bool:
        """Centre a column of LINE_CHARS characters; True if the margins changed."""
        limit = LINE_CHARS * self.fontMetrics().averageCharWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        spare = max(0, self.width() - 2 * self.frameWidth() - bar - limit)
        margins = QMargins(spare // 2, 0, spare - spare // 2, 0)
        if margins == self.viewportMargins():
            return False
        self.setViewportMargins(margins)
        return True

    # -- keys -------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # noqa: D102 (Qt's API)
        # Ctrl+B means bold here, not the window's "add to favourites".
        if event.type() == QEvent.Type.ShortcutOverride and _command_for(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's API)
        command = _command_for(event)
        if command:
            self.run_command(command)
            return
        super().keyPressEvent(event)


def _command_for(event: QKeyEvent) -> str | None:
    mods = event.modifiers() & (_CTRL | _SHIFT | _ALT)
    return _BY_KEY.get(QKeyCombination(mods, Qt.Key(event.key())))


class FormatBar(QToolBar):
    """The formatting buttons over one `MarkdownTextEdit`, and the Markdown source switch."""

    def __init__(self, editor: MarkdownTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("formatBar")
        self.setAccessibleName(self.tr("Mise en forme"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_: dict[str, QAction] = {}

        headings = QMenu(self)
        for level, label in enumerate(
            (self.tr("Texte normal"), self.tr("Titre 1"), self.tr("Titre 2"), self.tr("Titre 3"))
        ):
            self._action(f"heading{level}", label, label, menu=headings)
        heading_button = QToolButton(self)
        heading_button.setText(self.tr("Titre"))
        heading_button.setToolTip(self.tr("Transformer la ligne en titre"))
        heading_button.setAccessibleName(self.tr("Titre"))
        heading_button.setMenu(headings)
        heading_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(heading_button)
        for command, text, tip in (
            ("bold", self.tr("G"), self.tr("Gras")),
            ("italic", self.tr("I"), self.tr("Italique")),
            ("bullet", self.tr("• Liste"), self.tr("Liste à puces")),
            ("numbered", self.tr("1. Liste"), self.tr("Liste numérotée")),
            ("quote", self.tr("« Citation"), self.tr("Citation")),
            ("link", self.tr("Lien"), self.tr("Lien")),
            ("table", self.tr("Tableau"), self.tr("Insérer un petit tableau")),
        ):
            self._action(command, text, tip)
        for command, attribute in (("bold", "setBold"), ("italic", "setItalic")):
            font = QFont(self.font())
            getattr(font, attribute)(True)
            self.actions_[command].setFont(font)

        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.source = QAction(self.tr("Markdown"), self)
        self.source.setCheckable(True)
        self.source.setToolTip(self.tr("Afficher le texte source en Markdown, sans mise en forme"))
        self.source.toggled.connect(editor.set_source_view)
        editor.source_view_changed.connect(self.source.setChecked)
        self.addAction(self.source)
        # Keyboard users format with the shortcuts (listed in every tooltip and in F1): nine
        # buttons between the tags and the text would make Tab tedious.
        for button in self.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _action(self, command: str, text: str, tip: str, menu: QMenu | None = None) -> QAction:
        action = QAction(text, self)
        if command in KEYS:
            tip = self.tr("{tip} ({keys})").format(tip=tip, keys=shortcut_text(command))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: self.editor.run_command(command))
        (menu or self).addAction(action)
        self.actions_[command] = action
        return action
