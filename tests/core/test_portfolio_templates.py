"""Journal templates: built-in ones are data files; a reflection must name a known template."""

from __future__ import annotations

import re
from pathlib import Path

from team_desktop.core.content.journal_templates import BUILTIN_IDS, builtin_templates
from team_desktop.core.content.loader import load_pack
from team_desktop.core.notes.templates import default_template
from team_desktop.core.paths import resources_dir
from team_desktop.pack_cli import main


def test_builtin_templates_are_the_data_files():
    templates = builtin_templates()

    assert [t.id for t in templates][:4] == list(BUILTIN_IDS)
    files = sorted(p.stem for p in (resources_dir() / "journal-templates").glob("*.toml"))
    assert sorted(t.id for t in templates) == files
    gibbs = next(t for t in templates if t.id == "gibbs")
    headings = re.findall(r"^## (.+)$", gibbs.body, re.MULTILINE)
    assert headings == [
        "Description",
        "Ressentis",
        "Évaluation",
        "Analyse",
        "Conclusion",
        "Plan d’action",
    ]
    # Each section carries a guiding question.
    for section in gibbs.body.split("## ")[1:]:
        assert "?" in section


def test_reflection_may_name_a_builtin_template(pack):
    pack.replace("01-premiere.md", 'template = "gibbs"', 'template = "retour-pair"')

    loaded, problems = load_pack(pack.root)

    assert problems == [] and loaded is not None


def test_reflection_may_name_its_own_pack_template(pack):
    (pack.root / "templates").mkdir()
    pack.write(
        "templates/retour.toml",
        'id = "mini-retour"\ntitle = "Retour"\nbody = """\n## Ce qui s\'est passé\n"""\n',
    )
    pack.replace("01-premiere.md", 'template = "gibbs"', 'template = "mini-retour"')

    loaded, problems = load_pack(pack.root)

    assert problems == []
    assert [t.id for t in loaded.templates] == ["mini-retour"]


def test_unknown_reflection_template_is_reported_at_its_line(pack, capsys):
    pack.replace("01-premiere.md", 'template = "gibbs"', 'template = "gibs"')
    line = pack.line_of("01-premiere.md", 'template = "gibs"')

    loaded, problems = load_pack(pack.root)

    assert loaded is None
    assert [(p.path, p.line) for p in problems] == [("01-premiere.md", line)]
    assert "gibs" in problems[0].message and "inconnu" in problems[0].message
    assert main(["validate", str(pack.root)]) == 1
    out, _err = capsys.readouterr()
    assert out.startswith(f"01-premiere.md:{line}: ")


def test_another_packs_template_is_not_enough(pack, make_pack):
    # Template ids are per pack: naming a template that only another pack ships is an error.
    other = make_pack("other")
    (other.root / "templates").mkdir()
    other.write("templates/t.toml", 'id = "ailleurs"\ntitle = "T"\nbody = "## A"\n')
    pack.replace("01-premiere.md", 'template = "gibbs"', 'template = "ailleurs"')

    assert load_pack(other.root)[0] is not None
    loaded, problems = load_pack(pack.root)
    assert loaded is None and "ailleurs" in problems[0].message


def test_no_template_holds_a_table_a_trainer_could_break():
    """A pipe table breaks with one stray "|": templates use one heading per phase instead."""
    bodies = {"note": default_template()}
    bodies.update({f"builtin {t.id}": t.body for t in builtin_templates()})
    content = Path(__file__).resolve().parents[2] / "content"
    packs = sorted(p.parent for p in content.glob("*/pack.toml"))
    assert len(packs) == 5
    for root in packs:
        pack, problems = load_pack(root)
        assert pack is not None, problems
        bodies.update({f"{pack.id} {t.id}": t.body for t in pack.templates})
        for lesson in pack.lessons:
            for activity in lesson.activities:
                if isinstance(activity.fields.get("template"), str):
                    bodies[f"{pack.id} {activity.id}"] = activity.fields["template"]
    assert any("phase par phase" in body for body in bodies.values())
    tables = {name for name, body in bodies.items() if re.search(r"^\s*\|", body, re.MULTILINE)}
    assert tables == set()
