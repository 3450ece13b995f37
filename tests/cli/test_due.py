"""cancelog due: the clock moves day by day (CANCELOG_NOW) and due follows the database alone."""
import pytest

from conftest import assert_one_error_line


def day(d, time="10:00:00"):
    """An instant on a March 2026 day, in UTC (14:00 in Baku)."""
    return f"2026-03-{d:02d}T{time}Z"


def due_ids(cl, *args):
    return [(x["id"], x["days_overdue"]) for x in cl.json("due", *args) if x["kind"] == "check"]


def exit_code(cl):
    return cl.run("due", "--exit-code").code


def test_a_case_is_due_on_its_date_and_stays_overdue_until_checked(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-1")
    # First check 3 days after a store request: 2026-03-04.
    for d in (1, 2, 3):
        cl.at(day(d))
        assert cl.ok("due").out == "Nothing is due.\n"
        assert exit_code(cl) == 0
    cl.at(day(4))
    out = cl.ok("due").out
    assert out == ("Checks due:\n"
                   "#1 +994 50 123 45 67 (Azercell, hotline *1111): requested, due today\n"
                   "   Ask whether the cancellation went through; have the receipt reference "
                   "AZC-1 ready.\n")
    assert exit_code(cl) == 3
    for d, overdue in ((5, "1 day overdue"), (6, "2 days overdue"), (9, "5 days overdue")):
        cl.at(day(d))
        assert overdue in cl.ok("due").out
        assert due_ids(cl) == [(1, d - 4)]
        assert exit_code(cl) == 3
    # Checked on the 9th: pending, next check 3 days later.
    cl.at(day(9)).ok("check", "1", "--outcome", "pending")
    for d in (9, 10, 11):
        cl.at(day(d))
        assert due_ids(cl) == []
        assert exit_code(cl) == 0
    cl.at(day(12))
    assert due_ids(cl) == [(1, 0)]
    assert "Ask whether the pending cancellation has gone through now" in cl.ok("due").out
    assert exit_code(cl) == 3


def test_snooze_moves_the_check(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "phone", "--receipt", "C-1")
    cl.at(day(2))
    assert due_ids(cl) == [(1, 0)]
    cl.ok("snooze", "1", "+3d")
    for d in (2, 3, 4):
        assert due_ids(cl.at(day(d))) == []
    assert due_ids(cl.at(day(5))) == [(1, 0)]
    assert due_ids(cl.at(day(7))) == [(1, 2)]


def test_a_two_week_gap_shows_every_missed_check_most_overdue_first(cl):
    cl.at(day(1))
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "A")   # 1: check on the 4th
    cl.ok("add", "0551234567", "--channel", "phone", "--receipt", "B")   # 2: on the 2nd
    cl.ok("add", "0701234567", "--channel", "online", "--receipt", "C")  # 3: on the 4th
    cl.at(day(2)).ok("add", "0771234567", "--channel", "other", "--receipt", "D")  # 4: the 5th
    cl.at(day(3)).ok("check", "2", "--outcome", "action-needed")         # 2: on the 4th
    cl.ok("add", "0991234567", "--channel", "store", "--receipt", "E")   # 5: on the 6th
    cl.ok("withdraw", "5")                                               # no more checks
    # Nobody runs cancelog for two weeks.
    cl.at(day(18))
    assert due_ids(cl) == [(1, 14), (2, 14), (3, 14), (4, 13)]
    out = cl.ok("due").out
    assert out.index("#1 ") < out.index("#2 ") < out.index("#3 ") < out.index("#4 ")
    assert "14 days overdue" in out and "13 days overdue" in out
    assert "Ask what is still needed (arrears? ID?)" in out
    assert "#5 " not in out
    assert exit_code(cl) == 3


def test_what_to_ask_and_the_hotline_in_json(cl):
    cl.at(day(1)).ok("add", "0701234567", "--channel", "phone")
    cl.at(day(2)).ok("add", "0551234567", "--channel", "phone", "--receipt", "B-9")
    cl.ok("check", "2", "--outcome", "no-answer")
    cl.at(day(3))
    items = cl.json("due")
    assert [(x["id"], x["status"], x["days_overdue"]) for x in items] == [
        (1, "requested", 1), (2, "no-answer", 0)]
    nar, bakcell = items
    assert nar["kind"] == "check"
    assert nar["operator"] == "Nar" and nar["hotline"] == "" and nar["website"] == "nar.az"
    assert nar["number"] == "+994701234567"  # E.164, as in every JSON
    assert nar["next_check_on"] == "2026-03-02"
    assert nar["ask"] == ("Ask whether the cancellation went through; give the number and the "
                          "date of the request (2026-03-01).")
    assert bakcell["hotline"] == "555" and bakcell["receipt"] == "B-9"
    assert bakcell["ask"].startswith("Nobody answered last time")
    assert bakcell["final_bill"] is False
    out = cl.ok("due").out
    assert "#1 +994 70 123 45 67 (Nar, nar.az): requested, 1 day overdue" in out
    assert "#2 +994 55 123 45 67 (Bakcell, hotline 555): no-answer, due today" in out


def test_within_adds_the_next_days(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "store", "--receipt", "A")  # the 4th
    cl.ok("add", "0551234567", "--channel", "phone", "--receipt", "B")             # the 2nd
    cl.at(day(2))
    assert due_ids(cl) == [(2, 0)]
    assert due_ids(cl, "--within", "1d") == [(2, 0)]
    assert due_ids(cl, "--within", "2d") == [(2, 0), (1, -2)]
    assert due_ids(cl, "--within", "1w") == [(2, 0), (1, -2)]
    out = cl.ok("due", "--within", "2d").out
    assert out.startswith("Checks due by 2026-03-04:\n")
    assert "requested, due in 2 days" in out
    assert "due tomorrow" in cl.at(day(3)).ok("due", "--within", "1d").out
    # --exit-code counts what --within shows.
    cl.at(day(1))
    assert cl.run("due", "--exit-code").code == 0
    assert cl.run("due", "--within", "1d", "--exit-code").code == 3


def test_the_local_date_near_midnight(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "store", "--receipt", "A")  # the 4th
    # 2026-03-03 23:59:59 in Baku (UTC+4), then 00:00 on the 4th.
    cl.at("2026-03-03T19:59:59Z")
    assert due_ids(cl) == []
    assert exit_code(cl) == 0
    cl.at("2026-03-03T20:00:00Z")
    assert due_ids(cl) == [(1, 0)]
    assert exit_code(cl) == 3
    # The same instants in UTC are still the 3rd: nothing until UTC midnight.
    utc = {"TZ": "UTC"}
    assert cl.json("due", env=utc) == []
    assert cl.run("due", "--exit-code", env=utc).code == 0
    cl.at("2026-03-03T23:59:59Z")
    assert cl.json("due", env=utc) == []
    cl.at("2026-03-04T00:00:00Z")
    assert [x["id"] for x in cl.json("due", env=utc)] == [1]
    # Late on the 4th in UTC it is already the 5th in Baku: one day overdue there.
    cl.at("2026-03-04T21:30:00Z")
    assert due_ids(cl) == [(1, 1)]
    assert [x["days_overdue"] for x in cl.json("due", env=utc)] == [0]


def test_confirmed_lines_with_after_items_to_do(cl):
    cl.at(day(1))
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "A")
    cl.ok("add", "0551234567", "--channel", "online", "--card", "postpaid", "--receipt", "B")
    cl.ok("add", "0701234567", "--channel", "store")  # no receipt: receipt-kept stays unticked
    cl.at(day(4))
    for case in ("1", "2", "3"):
        cl.ok("check", case, "--outcome", "confirmed")
    assert due_ids(cl) == []  # no more checks, but things to do
    todo = [(x["id"], x["items"]) for x in cl.json("due") if x["kind"] == "todo"]
    assert todo == [(1, ["number-dead", "sim-destroyed"]),
                    (2, ["number-dead", "sim-destroyed", "final-bill-settled"]),
                    (3, ["number-dead", "sim-destroyed"])]
    out = cl.ok("due").out
    assert out == ("Confirmed, still to do (mark each with 'cancelog tick ID ITEM'):\n"
                   "#1 +994 50 123 45 67 (Azercell): number-dead, sim-destroyed\n"
                   "#2 +994 55 123 45 67 (Bakcell): number-dead, sim-destroyed, "
                   "final-bill-settled\n"
                   "#3 +994 70 123 45 67 (Nar): number-dead, sim-destroyed\n")
    assert exit_code(cl) == 3
    cl.ok("tick", "1", "number-dead", "sim-destroyed")
    cl.ok("tick", "3", "number-dead", "sim-destroyed")  # receipt-kept is not asked for
    cl.ok("tick", "2", "number-dead", "sim-destroyed")
    assert [(x["id"], x["items"]) for x in cl.json("due")] == [(2, ["final-bill-settled"])]
    # 35 days after the confirmation: the final-bill check joins the list.
    cl.at("2026-04-08T10:00:00Z")
    items = cl.json("due")
    assert [(x["kind"], x["id"]) for x in items] == [("check", 2), ("todo", 2)]
    assert items[0]["final_bill"] is True and items[0]["status"] == "confirmed"
    assert items[0]["ask"].startswith("Check the final bill")
    out = cl.ok("due").out
    assert "Checks due:\n#2 +994 55 123 45 67 (Bakcell, hotline 555): confirmed, due today\n" in out
    assert "\n\nConfirmed, still to do" in out
    # Ticking the settled bill ends both.
    cl.ok("tick", "2", "final-bill-settled")
    assert cl.ok("due").out == "Nothing is due.\n"
    assert exit_code(cl) == 0
    cl.ok("undo")
    assert [x["kind"] for x in cl.json("due")] == ["check", "todo"]


def test_an_imported_file_has_the_same_after_items_to_do(cl, tmp_path):
    # import writes the after items left itself, from each case's status, card and ticks
    # (storage::CaseImporter): the copy lists what the original lists, new or updated.
    cl.at(day(1))
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "A")
    cl.ok("add", "0551234567", "--channel", "online", "--card", "postpaid", "--receipt", "B")
    cl.ok("add", "0701234567", "--channel", "store")
    cl.ok("add", "0771234567", "--channel", "store", "--card", "postpaid")
    cl.at(day(4))
    for case in ("1", "2", "3", "4"):
        cl.ok("check", case, "--outcome", "confirmed")
    cl.ok("tick", "1", "number-dead")
    cl.ok("tick", "2", "sim-destroyed", "final-bill-settled")
    cl.ok("tick", "3", "number-dead", "sim-destroyed")
    original = cl.json("due")
    assert [(x["id"], x["items"]) for x in original] == [
        (1, ["sim-destroyed"]), (2, ["number-dead"]),
        (4, ["number-dead", "sim-destroyed", "final-bill-settled"])]
    dump = tmp_path / "all.json"
    cl.ok("export", "--format", "json", "--what", "all", "--output", str(dump))
    copy = ["--db", str(tmp_path / "copy.db")]
    cl.ok(*copy, "import", str(dump))
    assert cl.json(*copy, "due") == original
    # --update rewrites the stored cases with the triggers on: the same list again.
    cl.ok(*copy, "import", "--update", str(dump))
    assert cl.json(*copy, "due") == original
    cl.ok(*copy, "tick", "4", "number-dead")  # and the copy's triggers still work
    assert [x["items"] for x in cl.json(*copy, "due")][-1] == ["sim-destroyed",
                                                                "final-bill-settled"]


def test_reopening_brings_a_check_back_and_the_todo_goes(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "store", "--receipt", "A")
    cl.at(day(4)).ok("check", "1", "--outcome", "confirmed")
    assert [x["kind"] for x in cl.json("due")] == ["todo"]
    cl.at(day(6)).ok("reopen", "1", "--note", "the line still rings")
    assert [(x["kind"], x["next_check_on"]) for x in cl.json("due", "--within", "3d")] == [
        ("check", "2026-03-09")]
    cl.ok("withdraw", "1")
    assert cl.json("due", "--within", "1w") == []


def test_an_empty_database_and_a_pipe(cl):
    r = cl.ok("due")
    assert r.out == "Nothing is due.\n" and r.err == ""
    assert cl.json("due") == []
    assert cl.run("due", "--exit-code").code == 0
    assert cl.run("due", "--exit-code", "--json").out == "[]\n"


def test_without_exit_code_due_exits_0_even_when_something_is_due(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "phone", "--receipt", "A")
    cl.at(day(5))
    assert cl.run("due").code == 0
    r = cl.run("due", "--exit-code", "--json")
    assert r.code == 3 and [x["id"] for x in r.json()] == [1]


@pytest.mark.parametrize("args,words", [
    (["--within", "banana"], "--within: 'banana' is not a length of time"),
    (["--within", "-3d"], "--within"),
    (["--within", "3"], "--within"),
    (["--within", "99999w"], "too long"),
    (["--bogus"], "--bogus"),
    (["7"], "7"),
])
def test_bad_input(cl, args, words):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "phone", "--receipt", "A")
    before = cl.dump()
    r = cl.run("due", *args)
    assert_one_error_line(r, 2)
    assert words in r.err
    assert cl.dump() == before


def test_a_bad_clock_is_bad_input_for_due_exit_code_too(cl):
    r = cl.run("due", "--exit-code", env={"CANCELOG_NOW": "yesterday-ish"})
    assert_one_error_line(r, 2)


def test_a_confirmed_line_found_to_be_postpaid_gets_its_final_bill_check(cl):
    cl.at(day(1)).ok("add", "0501234567", "--channel", "store", "--receipt", "A")
    cl.at(day(4)).ok("check", "1", "--outcome", "confirmed")
    assert cl.json("show", "1")["next_check_on"] is None
    cl.ok("edit", "1", "--card", "postpaid")
    assert cl.json("show", "1")["next_check_on"] == "2026-04-08"  # 35 days after the 4th
    todo = [x["items"] for x in cl.json("due") if x["kind"] == "todo"]
    assert todo == [["number-dead", "sim-destroyed", "final-bill-settled"]]
    cl.ok("undo")
    assert cl.json("show", "1")["next_check_on"] is None
    assert [x["items"] for x in cl.json("due")] == [["number-dead", "sim-destroyed"]]
