"""Formatting commands insert or remove only their marks, and undo themselves when repeated."""

from __future__ import annotations

import pytest

from team_desktop.core import markdown_format as fmt
from team_desktop.core.render import render_markdown


def run(text: str, command, *args) -> tuple[str, str]:
    """The text after `command`, and what it selects."""
    result = command(text, *args)
    new = fmt.apply(text, result)
    return new, new[result.selection[0] : result.selection[1]]


def test_bold_wraps_the_selection_and_a_second_time_unwraps_it():
    text = "Préparer la séance 🙂 ensemble"
    bold, selected = run(text, fmt.toggle_inline, 12, 18, fmt.BOLD)
    assert bold == "Préparer la **séance** 🙂 ensemble" and selected == "séance"
    start = bold.index("séance")
    assert run(bold, fmt.toggle_inline, start, start + 6, fmt.BOLD)[0] == text


def test_a_caret_inside_a_word_formats_the_word_and_spaces_stay_outside():
    assert run("une idée forte", fmt.toggle_inline, 6, 6, fmt.ITALIC)[0] == "une *idée* forte"
    assert run("un mot ", fmt.toggle_inline, 2, 7, fmt.BOLD)[0] == "un **mot** "


def test_italic_and_bold_together_come_apart_one_at_a_time():
    text = "***fort***"
    assert run(text, fmt.toggle_inline, 3, 7, fmt.ITALIC)[0] == "**fort**"
    assert run(text, fmt.toggle_inline, 3, 7, fmt.BOLD)[0] == "*fort*"
    assert run("**fort**", fmt.toggle_inline, 2, 6, fmt.ITALIC)[0] == "***fort***"


def test_headings_replace_each_other_and_repeat_back_to_a_paragraph():
    text = "Objectifs\nsuite"
    h2, _ = run(text, fmt.set_heading, 3, 3, 2)
    assert h2 == "## Objectifs\nsuite"
    assert run(h2, fmt.set_heading, 5, 5, 3)[0] == "### Objectifs\nsuite"
    assert run(h2, fmt.set_heading, 5, 5, 2)[0] == text
    assert run(h2, fmt.set_heading, 5, 5, 0)[0] == text


def test_lists_number_each_line_skip_blank_ones_and_switch_kind():
    text = "pain\n\nbeurre\nconfiture\nhors"
    end = text.index("hors") - 1
    numbered, selected = run(text, fmt.toggle_lines, 0, end, fmt.NUMBERED)
    assert numbered == "1. pain\n\n2. beurre\n3. confiture\nhors"
    assert selected.startswith("1. pain") and selected.endswith("confiture")
    end = numbered.index("hors") - 1
    bullets, _ = run(numbered, fmt.toggle_lines, 0, end, fmt.BULLET)
    assert bullets == "- pain\n\n- beurre\n- confiture\nhors"
    assert run(bullets, fmt.toggle_lines, 0, bullets.index("hors") - 1, fmt.BULLET)[0] == text


def test_a_quote_wraps_a_list_and_comes_off_again():
    text = "- un\n- deux"
    quoted, _ = run(text, fmt.toggle_lines, 0, len(text), fmt.QUOTE)
    assert quoted == "> - un\n> - deux"
    assert run(quoted, fmt.toggle_lines, 0, len(quoted), fmt.QUOTE)[0] == text


def test_edits_are_only_marks_so_text_between_them_is_never_rewritten():
    text = "a\nb\nc"
    result = fmt.toggle_lines(text, 0, len(text), fmt.BULLET)
    assert [e.text for e in result.edits] == ["- ", "- ", "- "]
    assert all(e.start == e.end for e in result.edits)
    bold = fmt.toggle_inline("long texte ici", 0, 14, fmt.BOLD)
    assert all(e.start == e.end and e.text == "**" for e in bold.edits)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (5, 12)])
def test_links_wrap_the_selection_or_insert_the_label(start, end):
    text = "voir Eduscol ici"
    linked, selected = run(text, fmt.link, start, end, "https://eduscol.fr", "lien")
    if start == end:
        assert linked == "[lien](https://eduscol.fr)voir Eduscol ici" and selected == "lien"
    else:
        assert linked == "voir [Eduscol](https://eduscol.fr) ici" and selected == "Eduscol"


def test_a_table_goes_after_the_line_and_renders_as_a_table():
    text = "Avant\nAprès"
    new, selected = run(text, fmt.table, 2, ["Phase", "Qui"])
    assert new.startswith("Avant\n\n| Phase | Qui |\n| --- | --- |\n")
    assert new.endswith("|   |   |\n\nAprès")
    assert selected == "Phase"
    assert "<table>" in render_markdown(new)
