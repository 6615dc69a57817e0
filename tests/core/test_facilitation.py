"""A facilitated group on one device: the season, announcements, the progress choice, the
facilitator's report and its CSV; pulled records checked before they touch the store."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from team_desktop.core import outbox
from team_desktop.core.facilitation import announcements, report, season, sharing
from team_desktop.core.research.my_data import forget_account
from team_desktop.core.store.group_models import (
    Announcement,
    GroupProgressReport,
    GroupSeason,
    ProgressShare,
)
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import records
from team_desktop.core.sync.skipped import listing as skipped_listing

LED, JOINED = "a" * 32, "b" * 32
FACILITATOR_ID = "f" * 32


@pytest.fixture
def groups(store):
    GroupRecord.create(id=LED, name="SPOC saison 2", role="facilitator", invite_code="ABCD2345")
    GroupRecord.create(id=JOINED, name="Collège Jean Moulin", role="member")
    return store


def queued(kind: str) -> list[str]:
    return [row.record_id for row in outbox.pending() if row.kind == kind]


def pulled(kind: str, record_id: str, data: dict, group_id: str = JOINED, **fields) -> dict:
    change = {
        "seq": 1,
        "kind": kind,
        "id": record_id,
        "rev": 1,
        "owner": FACILITATOR_ID,
        "owner_name": "Awa",
        "group_id": group_id,
        "data": data,
    }
    return change | fields


def season_data(changed_at: str = "2027-01-05T09:00:00Z", **fields) -> dict:
    data = {
        "start_date": "2027-01-06",
        "packs": ["test-mini"],
        "weeks": [{"week": 1, "opens_on": "2027-01-06"}, {"week": 3, "opens_on": "2027-01-20"}],
        "changed_at": changed_at,
    }
    return data | fields


def test_a_facilitator_sets_the_season_offline_and_it_is_queued(groups):
    start = dt.date(2027, 1, 6)
    weeks = season.weekly_dates(start, [1, 2, 3]) | {4: None}
    season.set_season(LED, start, ["test-mini"], weeks)
    assert queued("season") == [LED]
    data = records.OUTGOING["season"](LED)
    assert data["weeks"] == [
        {"week": 1, "opens_on": "2027-01-06"},
        {"week": 2, "opens_on": "2027-01-13"},
        {"week": 3, "opens_on": "2027-01-20"},
        {"week": 4, "opens_on": None},
    ]
    assert data["start_date"] == "2027-01-06" and data["changed_at"].endswith("Z")
    assert season.season_of(LED).weeks[3] == dt.date(2027, 1, 20)
    with pytest.raises(season.FacilitationError, match="animation du groupe"):
        season.set_season(JOINED, start, [], {})
    with pytest.raises(season.FacilitationError, match="1 à 60"):
        season.set_season(LED, start, [], {61: None})


def test_learners_read_the_opening_of_each_week_in_french(groups):
    today = dt.date(2027, 1, 10)
    assert season.opening_text(3, dt.date(2027, 1, 20), today) == "Semaine 3 — ouvre le 20 janvier"
    assert (
        season.opening_text(1, dt.date(2027, 1, 1), today)
        == "Semaine 1 — ouverte depuis le 1er janvier"
    )
    assert season.opening_text(4, None, today) == "Semaine 4 — à votre rythme"


def test_a_pulled_season_applies_latest_first_and_a_malformed_one_is_skipped(groups):
    assert records.apply_incoming(pulled("season", JOINED, season_data()), "me") is None
    current = season.current_season()
    assert current.group_id == JOINED and current.weeks == {
        1: dt.date(2027, 1, 6),
        3: dt.date(2027, 1, 20),
    }
    older = season_data("2027-01-01T00:00:00Z", start_date="2030-01-01")
    assert records.apply_incoming(pulled("season", JOINED, older), "me") is None
    assert season.season_of(JOINED).start_date == dt.date(2027, 1, 6)
    hostile = {
        "weeks": season_data(weeks=[{"week": 2}, {"week": 2}]),
        "start_date": season_data(start_date="20 janvier"),
        "colour": season_data(colour="rouge"),
        "id": season_data(),
    }
    for field, data in hostile.items():
        change = pulled("season", "pas-un-uuid" if field == "id" else JOINED, data)
        change["data"]["changed_at"] = "2031-01-01T00:00:00Z"
        reason = records.apply_incoming(change, "me")
        assert reason is not None and field in reason, (field, reason)
    # A server that says two different groups for one record is not believed.
    moved = pulled("season", JOINED, season_data("2031-01-01T00:00:00Z"), group_id=LED)
    assert "group_id" in records.apply_incoming(moved, "me")
    elsewhere = {
        "group_id": LED,
        "title": "Ailleurs",
        "published_at": "2027-01-07T08:00:00Z",
        "changed_at": "2027-01-07T08:00:00Z",
    }
    assert "group_id" in records.apply_incoming(pulled("announcement", "9" * 32, elsewhere), "me")
    assert season.season_of(JOINED).start_date == dt.date(2027, 1, 6)
    assert announcements.listing() == []
    assert len(skipped_listing()) >= 1


def test_announcements_arrive_unread_and_a_deletion_removes_them(groups):
    first, second = "c" * 32, "d" * 32
    for record_id, title, when in ((first, "Bienvenue", "07"), (second, "Jeudi", "08")):
        data = {
            "group_id": JOINED,
            "title": title,
            "body": "Rendez-vous à 17 h.",
            "published_at": f"2027-01-{when}T08:00:00Z",
            "changed_at": f"2027-01-{when}T08:00:00Z",
            "deleted": False,
        }
        assert records.apply_incoming(pulled("announcement", record_id, data), "me") is None
    assert [row.title for row in announcements.listing()] == ["Jeudi", "Bienvenue"]
    assert announcements.unread_count() == 2
    announcements.mark_read([second])
    assert announcements.unread_count() == 1
    # An edit keeps it read; a deletion removes it here.
    edited = {**data, "title": "Jeudi (salle 12)", "changed_at": "2027-01-09T08:00:00Z"}
    records.apply_incoming(pulled("announcement", second, edited), "me")
    assert Announcement.get_by_id(second).read_at is not None
    gone = {**edited, "title": "", "body": "", "deleted": True}
    records.apply_incoming(pulled("announcement", second, gone), "me")
    assert [row.id for row in announcements.listing()] == [first]
    too_long = {**edited, "body": "x" * 100_001}
    assert "body" in records.apply_incoming(pulled("announcement", "e" * 32, too_long), "me")


def test_a_facilitator_publishes_and_withdraws_an_announcement(groups):
    made = announcements.publish(LED, "  Semaine 2 ouverte ", "Bonne lecture !")
    assert queued("announcement") == [made]
    assert records.OUTGOING["announcement"](made)["title"] == "Semaine 2 ouverte"
    assert announcements.unread_count() == 0  # its author has read it
    with pytest.raises(season.FacilitationError, match="titre"):
        announcements.publish(LED, "   ", "Sans titre")
    with pytest.raises(season.FacilitationError, match="animation"):
        announcements.publish(JOINED, "Coucou", "")
    announcements.delete(made)
    assert announcements.listing() == []
    assert records.OUTGOING["announcement"](made)["deleted"] is True


def test_a_facilitator_corrects_an_announcement_and_it_is_sent_again(groups):
    made = announcements.publish(LED, "Semaine 2 ouvert", "Bonne lecture !")
    outbox.drop("announcement", made)  # as if sent at a sync
    announcements.edit(made, " Semaine 2  ouverte ", "Bonne lecture à tous !")
    assert queued("announcement") == [made]
    sent = records.OUTGOING["announcement"](made)
    assert (sent["title"], sent["body"]) == ("Semaine 2 ouverte", "Bonne lecture à tous !")
    assert announcements.unread_count() == 0  # its author has still read it
    with pytest.raises(season.FacilitationError, match="titre"):
        announcements.edit(made, "  ", "Sans titre")
    assert records.OUTGOING["announcement"](made)["title"] == "Semaine 2 ouverte"
    theirs = "c" * 32  # an announcement of a group the learner only belongs to
    Announcement.create(
        id=theirs,
        group_id=JOINED,
        title="Jeudi",
        body="",
        published_at="2027-01-07T08:00:00Z",
        changed_at="2027-01-07T08:00:00Z",
    )
    with pytest.raises(season.FacilitationError, match="animation"):
        announcements.edit(theirs, "Vendredi", "")
    assert Announcement.get_by_id(theirs).title == "Jeudi"
    announcements.delete(made)
    with pytest.raises(season.FacilitationError, match="retirée"):
        announcements.edit(made, "Semaine 2", "")


def test_leaving_a_group_forgets_its_season_and_announcements(groups):
    records.apply_incoming(pulled("season", JOINED, season_data()), "me")
    data = {
        "group_id": JOINED,
        "title": "Bienvenue",
        "published_at": "2027-01-07T08:00:00Z",
        "changed_at": "2027-01-07T08:00:00Z",
    }
    records.apply_incoming(pulled("announcement", "c" * 32, data), "me")
    GroupRecord.delete().where(GroupRecord.id == JOINED).execute()
    records.forget_left_groups([{"id": LED}], "me")
    assert GroupSeason.select().count() == 0 and Announcement.select().count() == 0


def test_the_progress_choice_is_queued_and_a_later_decision_wins(groups):
    assert sharing.shares(JOINED) is None
    sharing.set_share(JOINED, False)
    assert queued("progress_share") == [JOINED]
    assert records.OUTGOING["progress_share"](JOINED)["share"] is False
    outbox.drop("progress_share", JOINED)
    # An older "yes" from another device does not undo this "no"; a newer one does.
    older = {"share": True, "decided_at": "2020-01-01T00:00:00Z"}
    records.apply_incoming(pulled("progress_share", JOINED, older), "me")
    assert sharing.shares(JOINED) is False
    newer = {"share": True, "decided_at": "2099-01-01T00:00:00Z"}
    records.apply_incoming(pulled("progress_share", JOINED, newer), "me")
    assert sharing.shares(JOINED) is True
    tie = {"share": False, "decided_at": "2099-01-01T00:00:00Z"}
    records.apply_incoming(pulled("progress_share", JOINED, tie), "me")
    assert ProgressShare.get_by_id(JOINED).share is False
    assert "share" in records.apply_incoming(
        pulled("progress_share", JOINED, {"share": "oui", "decided_at": "2099-01-02T00:00:00Z"}),
        "me",
    )


def answer_of_three() -> dict:
    return {
        "group_id": LED,
        "learners": [
            {
                "id": "1" * 32,
                "display_name": '=HYPERLINK("http://x")',
                "shared": True,
                "lessons_done": ["test-mini/premiere", "ailleurs/lecon"],
                "activities": ["test-mini/mini-quiz"],
                "shared_items": 2,
            },
            {"id": "2" * 32, "display_name": "Marc", "shared": False, "lessons_done": []},
            {"id": "3" * 32, "display_name": "Noor", "shared": True, "lessons_done": "tout"},
        ],
    }


def test_the_report_checks_the_answer_and_counts_per_module(course):
    learners, unreadable = report.parse(answer_of_three())
    assert unreadable == 1  # Noor's entry does not have the expected shape: left out alone
    assert [(lr.name, lr.shared) for lr in learners] == [
        ('=HYPERLINK("http://x")', True),
        ("Marc", False),
    ]
    assert learners[1].lessons_done == set()  # a refusal carries nothing, whatever is sent
    [mini] = report.modules()
    [part] = report.by_module(learners[0], [mini])
    assert (part.lessons_done, part.activities_done) == (1, 1)
    assert len(mini.lessons) == 2 and part.hours == 0.3  # 0.25 h, rounded half up
    [group] = report.summary(learners, [mini])
    assert (group.finished, group.started, group.sharing) == (0, 1, 1)  # Marc is not counted
    with pytest.raises(report.ReportError):
        report.parse({"learners": "tous"})


def test_the_csv_is_safe_to_open_and_says_who_did_not_share(course, tmp_path):
    learners, _unreadable = report.parse(answer_of_three())
    target = tmp_path / "progression.csv"
    rows = report.write_csv(target, learners, report.modules())
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets read UTF-8
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows == len(table) - 1 == 3
    assert table[0][0] == "Participant·e" and table[0][9] == "Heures réalisées (h)"
    assert table[1][0] == '\'=HYPERLINK("http://x")'  # neutralised: read as text
    assert table[1][2] == "Module d'essai" and table[1][8] == "0,5"
    assert table[2][2] == "Total" and table[2][10] == "2"
    assert table[3][:3] == ["Marc", "non", "n'a pas partagé sa progression"]


def test_a_forgotten_account_leaves_no_progress_report_of_its_groups(groups):
    GroupProgressReport.create(
        group_id=LED, answer_json='{"learners": []}', fetched_at="2027-01-12T09:30:00Z"
    )
    assert report.last_received(LED) is not None
    forget_account()  # the account was deleted on the server
    assert GroupProgressReport.select().count() == 0
