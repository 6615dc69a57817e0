"""The course packs shipped in content/: valid, complete, and keeping the promises they make."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from team_desktop.core.content.loader import load_pack
from team_desktop.core.content.model import ACTIVITY_KINDS, Pack

CONTENT = Path(__file__).resolve().parents[2] / "content"
FOLDERS = sorted(p for p in CONTENT.iterdir() if (p / "pack.toml").is_file())


def _load(folder: Path) -> Pack:
    pack, problems = load_pack(folder)
    assert pack is not None, "\n".join(str(p) for p in problems)
    return pack


@pytest.fixture(scope="module")
def packs() -> dict[int, Pack]:
    return {pack.meta["week"]: pack for pack in map(_load, FOLDERS)}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_each_pack_validates_without_problem(folder):
    pack, problems = load_pack(folder)
    assert problems == []
    assert pack is not None


def test_the_course_has_five_weeks_and_every_activity_kind(packs):
    assert sorted(packs) == [1, 2, 3, 4, 5]
    kinds = {a.kind for pack in packs.values() for a in pack.activities()}
    assert kinds == set(ACTIVITY_KINDS)


def test_the_final_questionnaire_repeats_the_first_one_item_for_item(packs):
    """Week 1 promises a before/after comparison: same item ids, kinds, texts and scales."""

    def questionnaire(pack: Pack, activity_id: str) -> dict[str, dict]:
        found = [a for a in pack.activities() if a.id == activity_id]
        assert len(found) == 1, activity_id
        return {item["id"]: item for item in found[0].fields["items"]}

    before = questionnaire(packs[1], "s1-questionnaire-profil")
    after = questionnaire(packs[5], "s5-questionnaire-synthese")
    for item_id, item in before.items():
        assert after.get(item_id) == item, item_id


# A straight apostrophe between letters, or UTF-8 read as Latin-1 ("Ã©", "â€™" and kin).
BAD_TYPOGRAPHY = re.compile(r"\w'\w|[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u2019\u201a-\u201e]")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_typographic_apostrophes_and_no_mojibake_in_text_or_diagrams(folder):
    files = [*folder.glob("*.md"), folder / "pack.toml", *folder.glob("assets/*.svg")]
    files += folder.glob("templates/*.toml")
    offenders = [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BAD_TYPOGRAPHY.search(line)
    ]
    assert offenders == []


def _minutes(cell: str) -> int:
    """'3 h 05', '4 h', '20 min' or '—' as minutes."""
    cell = cell.replace("\u00a0", " ").strip()
    found = re.fullmatch(r"(?:(\d+) h(?: (\d+))?)?(?:(\d+) min)?|—", cell)
    assert found, cell
    hours, extra, minutes = (int(g or 0) for g in found.groups())
    return hours * 60 + extra + minutes


def test_workload_agrees_between_plan_pack_hours_and_lesson_minutes(packs):
    """The plan in week 1, each pack's `hours` and the sum of its lessons' minutes agree."""
    plan = packs[1].lessons[0].body
    rows = [
        (week, cells)
        for week, cells in re.findall(r"^\| ([1-5]) \|(.+)\|$", plan, flags=re.MULTILINE)
        if cells.count("|") == 3  # the workload table, not the table of themes
    ]
    assert [int(week) for week, _cells in rows] == [1, 2, 3, 4, 5]
    for week, cells in rows:
        core, deepening, tools, total = (_minutes(c) for c in cells.split("|"))
        pack = packs[int(week)]
        optional = [
            lesson for lesson in pack.lessons if lesson.title.startswith("Approfondissement")
        ]
        trainer = [lesson for lesson in pack.lessons if lesson.order >= 80]
        assert deepening == sum(lesson.minutes for lesson in optional), week
        assert tools == sum(lesson.minutes for lesson in trainer), week
        assert total == sum(lesson.minutes for lesson in pack.lessons) == core + deepening + tools
        assert abs(pack.meta["hours"] - total / 60) <= 0.125, week
    cores = {int(week): _minutes(cells.split("|")[0]) for week, cells in rows}
    assert cores[5] < min(cores[2], cores[4])


def test_one_glossary_reachable_from_every_lesson(packs):
    glossaries = {pack.lessons[-1].body for pack in packs.values()}
    assert len(glossaries) == 1 and all(p.lessons[-1].id == "glossaire" for p in packs.values())
    for pack in packs.values():
        for lesson in pack.lessons[:-1]:
            assert "](90-glossaire.md)" in lesson.body, f"{pack.id}/{lesson.id}"


def test_each_thematic_module_has_at_least_three_situations_and_a_trainer_sheet(packs):
    for week in (2, 3, 4, 5):
        headings = re.findall(r"^## Situation ", packs[week].lessons[0].body, flags=re.MULTILINE)
        assert len(headings) >= 3, week
    assert all(any(lesson.id == "fiche-animation" for lesson in p.lessons) for p in packs.values())
