"""cancelog snooze: moves the next check, in the history, undone by undo."""
import pytest

from conftest import assert_one_error_line


@pytest.fixture
def cases(cl):
    """1: open (next check 2026-03-04); 2: withdrawn; 3: rejected; 4: confirmed prepaid;
    5: confirmed postpaid waiting for its final bill (2026-04-07). Today is 2026-03-04."""
    cl.at("2026-03-01T08:00:00Z")
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "R-2")
    cl.ok("withdraw", "2")
    cl.ok("add", "0701234567", "--channel", "phone", "--receipt", "R-3")
    cl.ok("add", "0771234567", "--channel", "phone", "--receipt", "R-4")
    cl.ok("add", "0991234567", "--channel", "phone", "--card", "postpaid", "--receipt", "R-5")
    cl.at("2026-03-03T08:00:00Z")
    cl.ok("check", "3", "--outcome", "rejected")
    cl.ok("check", "4", "--outcome", "confirmed")
    cl.ok("check", "5", "--outcome", "confirmed")
    cl.at("2026-03-04T10:00:00Z")
    return cl


def next_check(cl, case):
    return cl.json("show", case)["next_check_on"]


def test_snooze_moves_the_next_check_and_says_so(cases):
    r = cases.ok("snooze", "1", "+3d")
    assert r.out == "Case 1: next check moved from 2026-03-04 to 2026-03-07.\n"
    assert next_check(cases, "1") == "2026-03-07"
    assert cases.ok("snooze", "1", "2026-03-20").out == (
        "Case 1: next check moved from 2026-03-07 to 2026-03-20.\n")
    for word, expected in (("today", "2026-03-04"), ("tomorrow", "2026-03-05"),
                           ("+1w", "2026-03-11"), ("2026-03-04", "2026-03-04")):
        cases.ok("snooze", "1", word)
        assert next_check(cases, "1") == expected, word


def test_snooze_is_in_the_history_and_undo_takes_it_back(cases):
    cases.ok("snooze", "#1", "+2d")
    events = cases.json("log", "1", "--limit", "1")
    assert [(e["command"], e["kind"], e["field"], e["old"], e["new"]) for e in events] == [
        ("snooze", "case.update", "next_check_on", "2026-03-04", "2026-03-06")]
    assert "next_check_on 2026-03-04 → 2026-03-06" in cases.ok("log", "1", "--limit", "1").out
    before_undo = cases.json("due", "--within", "3d")
    assert [(x["id"], x["next_check_on"]) for x in before_undo if x["id"] == 1] == [
        (1, "2026-03-06")]
    cases.ok("undo")
    assert next_check(cases, "1") == "2026-03-04"
    assert [x["id"] for x in cases.json("due") if x["kind"] == "check"] == [1]


def test_snooze_to_the_same_date_changes_nothing(cases):
    before = cases.dump()
    r = cases.ok("snooze", "1", "today")
    assert r.out == "Case 1: the next check is already on 2026-03-04.\n"
    assert cases.dump() == before


def test_the_final_bill_check_of_a_confirmed_postpaid_line_can_be_snoozed(cases):
    assert next_check(cases, "5") == "2026-04-07"
    r = cases.ok("snooze", "5", "2026-04-20")
    assert r.out == "Case 5: next check moved from 2026-04-07 to 2026-04-20.\n"
    shown = cases.json("show", "5")
    assert shown["status"] == "confirmed" and shown["next_check_on"] == "2026-04-20"


def test_snooze_json(cases):
    j = cases.json("snooze", "1", "+1d")
    assert j["id"] == 1 and j["next_check_on"] == "2026-03-05" and j["status"] == "requested"


@pytest.mark.parametrize("args,words", [
    (["99", "+1d"], "there is no case 99"),
    (["abc", "+1d"], "not a case id"),
    (["1", "soon"], "date: 'soon' is not a date"),
    (["1", "2026-02-30"], "date:"),
    (["1", "yesterday"], "2026-03-03 is in the past; give today or a later date"),
    (["1", "2026-03-01"], "in the past"),
    (["1"], "date"),
    ([], "id"),
    (["2", "+1d"], "case 2 is withdrawn: it has no checks left to move"),
    (["3", "+1d"], "case 3 is rejected"),
    (["4", "+1d"], "case 4 is confirmed and has no check left to move"),
])
def test_bad_input_is_refused_and_changes_nothing(cases, args, words):
    before = cases.dump()
    r = cases.run("snooze", *args)
    assert_one_error_line(r, 2)
    assert words in r.err, r
    assert cases.dump() == before


def test_help(cl):
    r = cl.ok("snooze", "--help")
    assert "Example" in r.out and "+3d" in r.out
