"""Pack validation: `load_pack` and `team-pack validate` locate each problem as file:line."""

from __future__ import annotations

import re
import tomllib

import pytest

from team_desktop.core.content.loader import load_pack
from team_desktop.pack_cli import main

PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+): (?P<message>.+)$")


def test_fixture_pack_is_valid(pack):
    loaded, problems = load_pack(pack.root)

    assert problems == []
    assert loaded is not None
    meta = tomllib.loads(pack.text("pack.toml"))
    assert loaded.id == meta["id"]
    assert loaded.version == meta["version"]
    assert [lesson.filename for lesson in loaded.lessons] == sorted(
        p.name for p in pack.root.glob("*.md")
    )
    assert [lesson.order for lesson in loaded.lessons] == sorted(
        lesson.order for lesson in loaded.lessons
    )
    # Every ```activity block of every lesson became an activity, with its lesson's id.
    blocks = sum(pack.text(p.name).count("```activity") for p in pack.root.glob("*.md"))
    assert len(loaded.activities()) == blocks
    for lesson in loaded.lessons:
        assert all(activity.lesson_id == lesson.id for activity in lesson.activities)


def test_validate_cli_accepts_fixture_pack(pack, capsys):
    assert main(["validate", str(pack.root)]) == 0

    out, err = capsys.readouterr()
    assert out == ""  # no problem line
    meta = tomllib.loads(pack.text("pack.toml"))
    assert f"{meta['id']} {meta['version']}" in err
    assert "aucun problème" in err


def test_validate_cli_missing_folder(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "absent")]) == 1
    out, _err = capsys.readouterr()
    assert out.startswith("pack.toml:1: ")
    assert "introuvable" in out


# Each case mutates a copy of the mini pack and returns (file, acceptable lines, message part).


def _missing_required_field(pack):
    line = next(x for x in pack.text("pack.toml").splitlines() if x.startswith("summary ="))
    pack.replace("pack.toml", line + "\n", "")
    # A missing field has no line of its own: the problem is put on the file's first line.
    return "pack.toml", {1}, "« summary »"


def _bad_semver(pack):
    pack.set_version("1.0")
    return "pack.toml", {pack.line_of("pack.toml", 'version = "1.0"')}, "version invalide"


def _unknown_field(pack):
    pack.replace("pack.toml", "hours = 0.5\n", 'hours = 0.5\ncouleur = "bleu"\n')
    return "pack.toml", {pack.line_of("pack.toml", "couleur")}, "champ inconnu : « couleur »"


def _toml_syntax_error(pack):
    pack.replace("pack.toml", "week = 1\n", "week = = 1\n")
    return "pack.toml", {pack.line_of("pack.toml", "week = = 1")}, "TOML invalide"


def _lesson_without_header(pack):
    text = pack.text("02-seconde.md")
    body = text.split("+++\n", 2)[2]
    assert "+++" not in body
    pack.write("02-seconde.md", body)
    return "02-seconde.md", {1}, "+++"


def _header_missing_minutes(pack):
    line = next(x for x in pack.text("02-seconde.md").splitlines() if x.startswith("minutes ="))
    pack.replace("02-seconde.md", line + "\n", "")
    return "02-seconde.md", {1}, "« minutes »"


def _duplicate_lesson_id(pack):
    pack.replace("02-seconde.md", 'id = "seconde"', 'id = "premiere"')
    line = pack.line_of("02-seconde.md", 'id = "premiere"')
    return "02-seconde.md", {line}, "en double « premiere »"


def _duplicate_activity_id(pack):
    pack.replace("02-seconde.md", 'id = "mini-coprep"', 'id = "mini-reflexion"')
    line = pack.line_of("02-seconde.md", 'id = "mini-reflexion"')
    return "02-seconde.md", {line}, "en double « mini-reflexion »"


def _unknown_activity_type(pack):
    pack.replace("01-premiere.md", 'type = "reflection"', 'type = "reflexion"')
    line = pack.line_of("01-premiere.md", 'type = "reflexion"')
    return "01-premiere.md", {line}, "type d'activité inconnu : « reflexion »"


def _single_choice_two_correct(pack):
    pack.replace("01-premiere.md", 'text = "Un seul"\n', 'text = "Un seul"\ncorrect = true\n')
    line = pack.line_of("01-premiere.md", "[[questions]]")
    return "01-premiere.md", {line}, "exactement une bonne réponse"


def _choice_without_feedback(pack):
    pack.replace("01-premiere.md", 'feedback = "Oui, ensemble."\n', "")
    question = pack.line_of("01-premiere.md", "[[questions]]")
    choice = pack.line_of("01-premiere.md", "[[questions.choices]]")
    return "01-premiere.md", {question, choice}, "choix 1 : « feedback » manquant"


def _questionnaire_bad_kind(pack):
    pack.replace("02-seconde.md", 'kind = "likert"', 'kind = "echelle"')
    item = pack.line_of("02-seconde.md", "[[items]]")
    kind = pack.line_of("02-seconde.md", 'kind = "echelle"')
    return "02-seconde.md", {item, kind}, "« kind »"


def _unterminated_activity(pack):
    text = pack.text("02-seconde.md")
    assert text.endswith("\n```\n")
    pack.write("02-seconde.md", text[: -len("```\n")])
    opening = pack.text("02-seconde.md").count("```activity")
    line = pack.line_of("02-seconde.md", "```activity", nth=opening)
    return "02-seconde.md", {line}, "non fermé"


def _image_missing(pack):
    (pack.root / "assets" / "schema.svg").unlink()
    return "01-premiere.md", {pack.line_of("01-premiere.md", "assets/schema.svg")}, "introuvable"


def _image_without_alt(pack):
    pack.replace("01-premiere.md", "![Schéma d'essai](", "![](")
    line = pack.line_of("01-premiere.md", "![](assets/schema.svg)")
    return "01-premiere.md", {line}, "texte alternatif"


def _remote_image(pack):
    pack.replace("01-premiere.md", "(assets/schema.svg)", "(https://example.org/schema.png)")
    line = pack.line_of("01-premiere.md", "https://example.org/schema.png")
    return "01-premiere.md", {line}, "image distante"


def _link_to_missing_lesson(pack):
    pack.replace("01-premiere.md", "(02-seconde.md)", "(03-absente.md)")
    line = pack.line_of("01-premiere.md", "(03-absente.md)")
    return "01-premiere.md", {line}, "leçon introuvable : 03-absente.md"


def _reference_missing_publisher(pack):
    line = next(x for x in pack.text("pack.toml").splitlines() if x.startswith("publisher ="))
    pack.replace("pack.toml", line + "\n", "")
    return "pack.toml", {pack.line_of("pack.toml", "[[references]]")}, "« publisher »"


def _competency_with_unknown_lesson(pack):
    pack.replace("pack.toml", 'lessons = ["seconde"]', 'lessons = ["seconde", "absente"]')
    line = pack.line_of("pack.toml", "[[competencies]]", nth=2)
    return "pack.toml", {line}, "leçon introuvable dans ce module : « absente »"


def _duplicate_competency_id(pack):
    pack.replace("pack.toml", 'id = "co-preparer"', 'id = "ecrire-sa-pratique"')
    line = pack.line_of("pack.toml", "[[competencies]]", nth=2)
    return "pack.toml", {line}, "identifiant en double « ecrire-sa-pratique »"


def _competency_without_lessons(pack):
    pack.replace("pack.toml", 'lessons = ["premiere"]\n', "")
    return "pack.toml", {pack.line_of("pack.toml", "[[competencies]]")}, "« lessons »"


CASES = {
    "missing-required-field": _missing_required_field,
    "bad-semver": _bad_semver,
    "unknown-field": _unknown_field,
    "toml-syntax-error": _toml_syntax_error,
    "lesson-without-header": _lesson_without_header,
    "header-missing-minutes": _header_missing_minutes,
    "duplicate-lesson-id": _duplicate_lesson_id,
    "duplicate-activity-id": _duplicate_activity_id,
    "unknown-activity-type": _unknown_activity_type,
    "single-choice-two-correct": _single_choice_two_correct,
    "choice-without-feedback": _choice_without_feedback,
    "questionnaire-bad-kind": _questionnaire_bad_kind,
    "unterminated-activity": _unterminated_activity,
    "image-missing": _image_missing,
    "image-without-alt": _image_without_alt,
    "remote-image": _remote_image,
    "link-to-missing-lesson": _link_to_missing_lesson,
    "reference-missing-publisher": _reference_missing_publisher,
    "competency-with-unknown-lesson": _competency_with_unknown_lesson,
    "duplicate-competency-id": _duplicate_competency_id,
    "competency-without-lessons": _competency_without_lessons,
}


@pytest.mark.parametrize("mutate", CASES.values(), ids=CASES.keys())
def test_load_pack_locates_problem(pack, mutate):
    filename, lines, message = mutate(pack)

    loaded, problems = load_pack(pack.root)

    assert loaded is None
    matching = [p for p in problems if message in p.message]
    assert matching, f"no problem mentions {message!r}: {[str(p) for p in problems]}"
    assert any(p.path == filename and p.line in lines for p in matching), (
        f"expected {filename}:{sorted(lines)}, got {[str(p) for p in matching]}"
    )


@pytest.mark.parametrize("mutate", CASES.values(), ids=CASES.keys())
def test_validate_cli_prints_located_problem(pack, mutate, capsys):
    filename, lines, message = mutate(pack)

    assert main(["validate", str(pack.root)]) == 1

    out, err = capsys.readouterr()
    assert "aucun problème" not in err
    printed = [PROBLEM_LINE.match(line) for line in out.splitlines()]
    assert printed and all(printed), f"not all lines are file:line: message:\n{out}"
    assert any(
        m["file"] == filename and int(m["line"]) in lines and message in m["message"]
        for m in printed
    ), out


def test_every_problem_is_reported_not_only_the_first(pack, capsys):
    expected = [_bad_semver(pack), _unknown_activity_type(pack), _link_to_missing_lesson(pack)]

    assert main(["validate", str(pack.root)]) == 1

    out = capsys.readouterr().out
    for filename, lines, message in expected:
        assert any(
            line.startswith(f"{filename}:{n}: ") and message in line
            for line in out.splitlines()
            for n in lines
        ), (message, out)


def test_toml_error_in_activity_block_is_located_in_the_lesson(pack):
    pack.replace("01-premiere.md", 'title = "Votre expérience"', 'title = "Votre expérience')
    expected = pack.line_of("01-premiere.md", 'title = "Votre expérience')

    _loaded, problems = load_pack(pack.root)

    assert any(
        p.path == "01-premiere.md" and p.line == expected and "TOML" in p.message for p in problems
    ), [str(p) for p in problems]


def test_duplicate_lesson_id_points_at_the_id_line_wherever_it_is(pack):
    # Regression, fixed: loader.load_pack reports a duplicate lesson id at a hard-coded line 2
    # (team_desktop/core/content/loader.py:59-61, `Problem(path.name, 2, ...)`), which is
    # only right when `id` is the first header field; the format imposes no order. The
    # duplicate `order` check (loader.py:85-87) has the same hard-coded 2. Fix: locate with
    # key_line(header text, "id"/"order", 2), e.g. by keeping the header's line per key.
    header = pack.text("02-seconde.md").split("+++\n")[1]
    reordered = (
        'title = "Partager et chercher ensemble"\nid = "premiere"\norder = 2\nminutes = 15\n'
    )
    pack.replace("02-seconde.md", header, reordered)
    expected = pack.line_of("02-seconde.md", 'id = "premiere"')
    assert expected != 2

    _loaded, problems = load_pack(pack.root)

    duplicates = [p for p in problems if "en double « premiere »" in p.message]
    assert duplicates, [str(p) for p in problems]
    assert [(p.path, p.line) for p in duplicates] == [("02-seconde.md", expected)]
