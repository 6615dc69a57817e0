"""Answering a research questionnaire, offline: Likert scales and open questions.

The answers are always kept on this device; they reach the research team only when the
learner takes part. Every question may be left unanswered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.content.activities import likert_scale
from team_desktop.core.render import escape, render_markdown
from team_desktop.core.research import answers, consent
from team_desktop.ui.consent_dialog import local_time

NO_ANSWER = 0


class QuestionnaireDialog(QDialog):
    """One questionnaire, prefilled with the learner's last answers.

    Signals: saved(answer id).
    """

    saved = Signal(str)

    def __init__(self, activity_uid: str, title: str, fields: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.activity_uid = activity_uid
        self.items = fields["items"]
        self.setWindowTitle(title)
        self.resize(680, 640)
        previous = answers.latest(activity_uid)
        given = answers.latest_answers(activity_uid)
        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(render_markdown(fields.get("intro", "")))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.scales: dict[str, QButtonGroup] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        for number, item in enumerate(self.items, start=1):
            box = QGroupBox()
            box.setAccessibleName(item["text"])
            inner = QVBoxLayout(box)
            question = QLabel(f"<b>{number}.</b> {escape(item['text'])}")
            question.setWordWrap(True)
            inner.addWidget(question)
            if item["kind"] == "likert":
                group = QButtonGroup(box)
                labels = [*likert_scale(item), self.tr("Je préfère ne pas répondre")]
                for rank, label in enumerate(labels, start=1):
                    button = QRadioButton(label)
                    value = rank if rank <= len(labels) - 1 else NO_ANSWER
                    group.addButton(button, value)
                    inner.addWidget(button)
                chosen = group.button(given.get(item["id"], NO_ANSWER)) or group.button(NO_ANSWER)
                chosen.setChecked(True)
                self.scales[item["id"]] = group
            else:
                editor = QPlainTextEdit(str(given.get(item["id"], "")))
                editor.setAccessibleName(item["text"])
                editor.setPlaceholderText(self.tr("Votre réponse (facultative)"))
                editor.setMinimumHeight(90)
                inner.addWidget(editor)
                self.texts[item["id"]] = editor
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(title)
        scroll.setWidgetResizable(True)
        # Long questions wrap rather than widen the page.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.where = QLabel(self._where_text(previous))
        self.where.setWordWrap(True)
        self.where.setObjectName("hint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("questionnaireStatus")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _where_text(self, previous) -> str:
        parts = []
        if previous is not None:
            parts.append(
                self.tr("Réponses enregistrées le {d}.").format(d=local_time(previous.answered_at))
            )
        if consent.consenting():
            parts.append(
                self.tr(
                    "Vous participez à la recherche : vos réponses lui seront transmises à la "
                    "prochaine synchronisation."
                )
            )
            if any(item["kind"] != "likert" for item in self.items):
                # docs/privacy.md: a free text can name a third party, so it never leaves.
                parts.append(
                    self.tr(
                        "Vos réponses écrites, elles, ne sont jamais remises à l'équipe de "
                        "recherche : elle ne reçoit que vos choix sur les échelles."
                    )
                )
        else:
            parts.append(
                self.tr(
                    "Vous ne participez pas à la recherche : vos réponses restent sur cet appareil."
                )
            )
        return " ".join(parts)

    def given(self) -> dict[str, int | str]:
        """The answers as filled in (unanswered questions left out)."""
        values: dict[str, int | str] = {}
        for item_id, group in self.scales.items():
            if group.checkedId() not in (NO_ANSWER, -1):
                values[item_id] = group.checkedId()
        for item_id, editor in self.texts.items():
            if editor.toPlainText().strip():
                values[item_id] = editor.toPlainText()
        return values

    def save(self) -> None:
        """Keep the answers; a refused answer is explained and nothing is lost."""
        try:
            answer_id = answers.save(self.activity_uid, self.items, self.given())
        except answers.AnswerError as error:
            self.status.setText(str(error))
            return
        self.saved.emit(answer_id)
        self.accept()
