"""Bad input to check, withdraw, reopen, edit, tick, untick and log: exit 2, one error line,
and the database exactly as it was."""
import pytest

from conftest import assert_one_error_line

BAD_INPUTS = [
    # (id, arguments, words the message must contain)
    ("check-unknown-case", ["check", "99", "--outcome", "pending"], "no case 99"),
    ("check-bad-case-id", ["check", "abc", "--outcome", "pending"], "not a case id"),
    ("check-missing-outcome", ["check", "1"], "--outcome"),
    ("check-bad-outcome", ["check", "1", "--outcome", "done"],
     "pending, action-needed, no-answer, confirmed, rejected"),
    ("check-bad-method", ["check", "1", "--outcome", "pending", "--method", "fax"],
     "phone, online, store, sms, other"),
    ("check-in-the-future", ["check", "1", "--outcome", "pending", "--at", "2026-03-04 14:01"],
     "in the future"),
    ("check-tomorrow", ["check", "1", "--outcome", "pending", "--at", "2026-03-05T10:00:00Z"],
     "in the future"),
    ("check-before-the-request", ["check", "1", "--outcome", "pending",
                                  "--at", "2026-03-01 23:59"], "before the request"),
    ("check-before-the-request-offset", ["check", "1", "--outcome", "pending",
                                         "--at", "2026-03-01T21:00:00+02:00"],
     "before the request"),
    ("check-before-latest-check", ["check", "4", "--outcome", "pending",
                                   "--at", "2026-03-02 09:00"], "latest check"),
    ("check-bad-instant", ["check", "1", "--outcome", "pending", "--at", "yesterday noon"],
     "not a date and time"),
    ("check-next-in-the-past", ["check", "1", "--outcome", "pending", "--next", "yesterday"],
     "in the past"),
    ("check-bad-next", ["check", "1", "--outcome", "pending", "--next", "soon"], "--next"),
    ("check-next-after-rejection", ["check", "1", "--outcome", "rejected", "--next", "+3d"],
     "rejected request gets no more checks"),
    ("check-withdrawn-case", ["check", "2", "--outcome", "pending"], "case 2 is withdrawn"),
    ("check-confirmed-case", ["check", "3", "--outcome", "confirmed"],
     "cancelog reopen 3 --note"),
    ("check-long-ref", ["check", "1", "--outcome", "pending", "--ref", "x" * 600], "too long"),
    ("check-newline-in-ref", ["check", "1", "--outcome", "pending", "--ref", "a\nb"],
     "one line"),
    ("check-control-chars-note", ["check", "1", "--outcome", "pending", "--note", "a\x07b"],
     "control characters"),
    ("tick-unknown-item", ["tick", "1", "balance"],
     "no-arrears, balance-used, data-backed-up, accounts-moved, receipt-kept, number-dead, "
     "sim-destroyed"),
    ("tick-postpaid-item-on-prepaid", ["tick", "1", "final-bill-settled"],
     "postpaid lines only"),
    ("tick-one-bad-item-of-several", ["tick", "1", "no-arrears", "nope"], "'nope'"),
    ("tick-unknown-case", ["tick", "9", "no-arrears"], "no case 9"),
    ("tick-no-item", ["tick", "1"], "items"),
    ("untick-unknown-item", ["untick", "1", "sim"], "unknown checklist item"),
    ("untick-postpaid-item-on-prepaid", ["untick", "1", "final-bill-settled"],
     "postpaid lines only"),
    ("withdraw-withdrawn", ["withdraw", "2"], "already withdrawn"),
    ("withdraw-confirmed", ["withdraw", "3"], "already confirmed"),
    ("withdraw-unknown-case", ["withdraw", "42"], "no case 42"),
    ("reopen-without-note", ["reopen", "3"], "--note"),
    ("reopen-blank-note", ["reopen", "3", "--note", "   "], "say why"),
    ("reopen-open-case", ["reopen", "1", "--note", "why not"], "not closed"),
    ("edit-nothing", ["edit", "1"], "nothing to change"),
    ("edit-status", ["edit", "1", "--status", "confirmed"], "the status is not edited"),
    ("edit-future-date", ["edit", "1", "--on", "tomorrow"], "in the future"),
    ("edit-date-after-a-check", ["edit", "3", "--on", "2026-03-03"],
     "cannot be later than its checks"),
    ("edit-bad-number", ["edit", "1", "--number", "12"], "too short"),
    ("edit-unknown-operator", ["edit", "1", "--operator", "Vodafone"],
     "Azercell, Bakcell, Nar"),
    ("edit-bad-channel", ["edit", "1", "--channel", "shop"], "store, online, phone"),
    ("edit-bad-card", ["edit", "1", "--card", "gold"], "prepaid, postpaid"),
    ("edit-prepaid-with-final-bill-ticked", ["edit", "3", "--card", "prepaid"],
     "untick 3 final-bill-settled"),
    ("edit-newline-in-receipt", ["edit", "1", "--receipt", "A\nB"], "one line"),
    ("log-unknown-case", ["log", "99"], "no case 99"),
    ("log-bad-limit", ["log", "--limit", "-1"], "--limit"),
]


@pytest.fixture
def seeded(cl):
    """1: open prepaid (store); 2: withdrawn; 3: confirmed postpaid with its final bill
    settled; 4: pending, last checked 2026-03-03 12:00 local."""
    cl.at("2026-03-02T08:00:00Z")
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "R-2")
    cl.ok("withdraw", "2")
    cl.at("2026-03-01T08:00:00Z").ok("add", "0701234567", "--channel", "phone", "--card",
                                     "postpaid", "--receipt", "R-3")
    cl.at("2026-03-02T08:00:00Z").ok("check", "3", "--outcome", "confirmed")
    cl.ok("tick", "3", "final-bill-settled")
    cl.ok("add", "0771234567", "--channel", "phone", "--receipt", "R-4")
    cl.at("2026-03-03T08:00:00Z").ok("check", "4", "--outcome", "pending")
    cl.at("2026-03-04T10:00:00Z")
    return cl


@pytest.mark.parametrize("name,args,words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_and_changes_nothing(seeded, name, args, words):
    before = seeded.dump()
    result = seeded.run(*args)
    assert_one_error_line(result, 2)
    assert words in result.err, result
    assert seeded.dump() == before


def test_help_of_every_new_command(cl):
    for command in ("check", "withdraw", "reopen", "edit", "tick", "untick", "log", "undo"):
        r = cl.ok(command, "--help")
        assert "Usage" in r.out or "usage" in r.out.lower(), command
        assert "Example" in r.out, command
