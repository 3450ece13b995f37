"""cancelog check (methods, --at, --next), withdraw and reopen."""
import pytest


@pytest.mark.parametrize("channel,method", [
    ("store", "store"), ("online", "online"), ("phone", "phone"), ("other", "other")])
def test_default_method_is_the_request_channel(cl, channel, method):
    cl.ok("add", "0501234567", "--channel", channel, "--receipt", "R", "--on", "-1d")
    assert cl.json("check", "1", "--outcome", "pending")["check"]["method"] == method


def test_method_given_wins(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    assert cl.json("check", "1", "--outcome", "pending", "--method", "SMS")["check"][
        "method"] == "sms"


@pytest.mark.parametrize("text,stored", [
    ("2026-03-03 09:15", "2026-03-03T05:15:00Z"),            # local time, Baku
    ("2026-03-03T09:15", "2026-03-03T05:15:00Z"),
    ("2026-03-03T09:15:30+04:00", "2026-03-03T05:15:30Z"),    # with an offset
    ("2026-03-03T07:15:00+02:00", "2026-03-03T05:15:00Z"),
    ("2026-03-03T05:15:00Z", "2026-03-03T05:15:00Z"),
    ("2026-03-02 00:00", "2026-03-01T20:00:00Z"),             # the request day's first minute
    ("2026-03-04 14:00", "2026-03-04T10:00:00Z"),             # now
])
def test_at_accepts_local_times_and_offsets(cl, text, stored):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R", "--on", "2026-03-02")
    check = cl.json("check", "1", "--outcome", "pending", "--at", text)["check"]
    assert check["checked_at"] == stored
    assert check["created_at"] == "2026-03-04T10:00:00Z"


def test_next_check_counts_from_the_day_of_the_check(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R", "--on", "2026-02-20")
    c = cl.json("check", "1", "--outcome", "pending", "--at", "2026-02-27 10:00")["case"]
    # 3 days after the check: already overdue, and `list --due` says so.
    assert c["next_check_on"] == "2026-03-02"
    assert [x["id"] for x in cl.json("list", "--due")] == [1]


def test_next_overrides_the_policy(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    assert cl.json("check", "1", "--outcome", "no-answer", "--next", "+1w")["case"][
        "next_check_on"] == "2026-03-11"
    assert cl.json("check", "1", "--outcome", "pending", "--next", "today")["case"][
        "next_check_on"] == "2026-03-04"
    r = cl.ok("check", "1", "--outcome", "confirmed", "--next", "2026-04-01")
    assert "Next check: 2026-04-01." in r.out


def test_settings_change_the_next_check(cl):
    cl.ok("config", "set", "remind.after.pending", "1w")
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    assert cl.json("check", "1", "--outcome", "pending")["case"]["next_check_on"] == "2026-03-11"


def test_a_settled_final_bill_before_confirmation_needs_no_final_bill_check(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--card", "postpaid", "--receipt", "R")
    cl.ok("tick", "1", "final-bill-settled")
    r = cl.ok("check", "1", "--outcome", "confirmed")
    assert "No more checks." in r.out
    assert cl.json("show", "1")["next_check_on"] is None


def test_checks_may_share_an_instant_but_not_go_back(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R", "--on", "-2d")
    cl.ok("check", "1", "--outcome", "no-answer", "--at", "2026-03-03 10:00")
    cl.ok("check", "1", "--outcome", "pending", "--at", "2026-03-03 10:00")
    assert [k["outcome"] for k in cl.json("show", "1")["checks"]] == ["no-answer", "pending"]


def test_withdraw_ends_the_reminders_and_keeps_the_reason(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    r = cl.ok("withdraw", "1", "--note", "kept the line after all")
    assert r.out == "Case 1 withdrawn; no more checks.\n"
    c = cl.json("show", "1")
    assert (c["status"], c["next_check_on"]) == ("withdrawn", None)
    assert c["status_set_by"] == {"command": "withdraw", "at": "2026-03-04T10:00:00Z",
                                  "check": None, "reason": "kept the line after all"}
    log = cl.json("log", "1")
    assert [(e["kind"], e["field"], e["old"], e["new"]) for e in log[:3]] == [
        ("case.reason", None, None, "kept the line after all"),
        ("case.update", "next_check_on", "2026-03-07", None),
        ("case.update", "status", "requested", "withdrawn"),
    ]
    text = cl.ok("show", "1").out
    assert "withdrawn — withdrawn 2026-03-04 14:00: kept the line after all" in text
    assert "#1 status requested → withdrawn (withdraw: kept the line after all)" in text


def test_withdraw_without_a_note(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    cl.ok("withdraw", "1")
    assert [e["kind"] for e in cl.json("log", "1")][:2] == ["case.update", "case.update"]
    assert cl.json("show", "1")["status_set_by"]["reason"] is None


def test_reopen_returns_to_pending_with_a_check_and_the_reason(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R", "--on", "-3d")
    cl.ok("check", "1", "--outcome", "confirmed", "--ref", "OK-1")
    cl.at("2026-03-10T08:00:00Z")
    r = cl.ok("reopen", "1", "--note", "the line still rings")
    assert r.out == "Case 1 reopened: confirmed → pending. Next check: 2026-03-13.\n"
    c = cl.json("show", "1")
    assert (c["status"], c["next_check_on"]) == ("pending", "2026-03-13")
    assert c["status_set_by"] == {"command": "reopen", "at": "2026-03-10T08:00:00Z",
                                  "check": None, "reason": "the line still rings"}
    # The confirming check stays in the record.
    assert [k["outcome"] for k in c["checks"]] == ["confirmed"]
    assert "pending — reopened 2026-03-10 12:00: the line still rings" in cl.ok("show", "1").out
    # Checks go on; the reopened case can be confirmed again.
    cl.ok("check", "1", "--outcome", "confirmed", "--ref", "OK-2")
    assert cl.json("show", "1")["status_set_by"]["check"] == 2


def test_reopen_a_rejected_and_a_withdrawn_case(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    cl.ok("add", "0551234567", "--channel", "store", "--receipt", "R")
    cl.ok("check", "1", "--outcome", "rejected")
    cl.ok("withdraw", "2")
    cl.ok("reopen", "1", "--note", "the store found the contract")
    cl.ok("reopen", "2", "--note", "asked again")
    assert [c["status"] for c in cl.json("list")] == ["pending", "pending"]
