"""cancelog edit, tick, untick and log."""


def add_case(cl, *extra):
    cl.at("2026-03-02T08:00:00Z")
    cl.ok("add", "0501234567", "--channel", "store", *extra)
    cl.at("2026-03-04T10:00:00Z")


def test_edit_writes_one_event_per_changed_field(cl):
    add_case(cl)
    r = cl.ok("edit", "1", "--channel", "online", "--receipt", "REQ-1", "--note", "asked online",
              "--card", "prepaid")  # unchanged: no event
    assert r.out == "Updated case 1: channel, receipt, note.\n"
    log = cl.json("log", "1")
    assert [(e["command"], e["kind"], e["field"], e["old"], e["new"]) for e in log[:4]] == [
        ("edit", "checklist.tick", "receipt-kept", None, "2026-03-04T10:00:00Z"),
        ("edit", "case.update", "note", "", "asked online"),
        ("edit", "case.update", "receipt", "", "REQ-1"),
        ("edit", "case.update", "channel", "store", "online"),
    ]
    c = cl.json("show", "1")
    assert (c["channel"], c["receipt"], c["note"], c["updated_at"]) == (
        "online", "REQ-1", "asked online", "2026-03-04T10:00:00Z")
    assert c["status"] == "requested"


def test_edit_without_a_change_writes_nothing(cl):
    add_case(cl, "--receipt", "R-1")
    before = cl.dump()
    assert cl.ok("edit", "1", "--receipt", "R-1").out == "Case 1 is unchanged.\n"
    assert cl.dump() == before


def test_edit_json_prints_the_case(cl):
    add_case(cl)
    c = cl.json("edit", "1", "--note", "n")
    assert (c["id"], c["note"], c["updated_at"]) == (1, "n", "2026-03-04T10:00:00Z")


def test_a_new_number_keeps_the_operator_and_says_when_the_prefix_differs(cl):
    add_case(cl, "--receipt", "R")
    r = cl.ok("edit", "1", "--number", "055 123 45 67")
    assert "Updated case 1: number, number_raw." in r.out
    assert "warning: the operator Azercell was inferred from the old number" in r.err
    assert "suggests Bakcell" in r.err
    c = cl.json("show", "1")
    assert (c["number"], c["number_raw"], c["operator"], c["operator_inferred"]) == (
        "+994551234567", "055 123 45 67", "Azercell", True)
    r = cl.ok("edit", "1", "--operator", "bakcell")
    assert r.err == ""
    c = cl.json("show", "1")
    assert (c["operator"], c["operator_inferred"]) == ("Bakcell", False)
    # Given together, nothing is inferred and nothing is said.
    r = cl.ok("edit", "1", "--number", "0701234567", "--operator", "Nar")
    assert r.err == ""


def test_edit_moves_the_first_check_of_a_waiting_case(cl):
    add_case(cl, "--receipt", "R")
    assert cl.json("show", "1")["next_check_on"] == "2026-03-05"
    cl.ok("edit", "1", "--on", "2026-03-01", "--channel", "phone")
    assert cl.json("show", "1")["next_check_on"] == "2026-03-02"
    # Once checked, the next check is the check's business.
    cl.ok("check", "1", "--outcome", "pending")
    cl.ok("edit", "1", "--channel", "store")
    assert cl.json("show", "1")["next_check_on"] == "2026-03-07"


def test_clearing_the_receipt_keeps_the_tick(cl):
    add_case(cl, "--receipt", "R")
    cl.ok("edit", "1", "--receipt", "")
    c = cl.json("show", "1")
    assert c["receipt"] == ""
    assert {i["item"]: i["ticked_at"] for i in c["checklist"]}["receipt-kept"] is not None


def test_confirmed_postpaid_becoming_prepaid_loses_the_final_bill_check(cl):
    add_case(cl, "--receipt", "R", "--card", "postpaid")
    cl.ok("check", "1", "--outcome", "confirmed")
    assert cl.json("show", "1")["next_check_on"] == "2026-04-08"
    cl.ok("edit", "1", "--card", "prepaid")
    c = cl.json("show", "1")
    assert (c["card"], c["next_check_on"], c["status"]) == ("prepaid", None, "confirmed")


def test_tick_and_untick(cl):
    add_case(cl)
    r = cl.ok("tick", "1", "no-arrears", "No-Arrears", "balance-used")
    assert r.out == "Case 1: ticked no-arrears, balance-used.\n"
    r = cl.ok("tick", "1", "no-arrears", "accounts-moved")
    assert r.out == ("Case 1: ticked accounts-moved.\n"
                     "Case 1: already ticked: no-arrears.\n")
    out = cl.json("tick", "1", "no-arrears")
    assert out == {"case": 1, "ticked": [], "already_ticked": ["no-arrears"]}
    groups = cl.sql("SELECT count(*) FROM event_groups")
    assert groups == [(3,)]  # add and two ticks; the no-op tick wrote nothing
    r = cl.ok("untick", "1", "balance-used", "sim-destroyed")
    assert r.out == ("Case 1: unticked balance-used.\n"
                     "Case 1: not ticked: sim-destroyed.\n")
    assert cl.json("log", "1")[0] == {
        "id": 5, "group": 4, "at": "2026-03-04T10:00:00Z", "command": "untick", "case": 1,
        "kind": "checklist.untick", "field": "balance-used", "old": "2026-03-04T10:00:00Z",
        "new": None, "undone": False, "undoes": None,
    }
    ticked = {i["item"]: i["ticked_at"] for i in cl.json("show", "1")["checklist"]}
    assert ticked == {"no-arrears": "2026-03-04T10:00:00Z", "balance-used": None,
                      "data-backed-up": None, "accounts-moved": "2026-03-04T10:00:00Z",
                      "receipt-kept": None, "number-dead": None, "sim-destroyed": None}


def test_final_bill_tick_on_an_open_postpaid_case_keeps_its_check(cl):
    add_case(cl, "--receipt", "R", "--card", "postpaid")
    r = cl.ok("tick", "1", "final-bill-settled")
    assert "no more checks" not in r.out
    assert cl.json("show", "1")["next_check_on"] == "2026-03-05"


def test_log_newest_first_with_limit_and_all_cases(cl):
    add_case(cl, "--receipt", "R")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "B")
    cl.ok("check", "1", "--outcome", "pending", "--ref", "AZ-1")
    all_events = cl.json("log")
    assert [e["id"] for e in all_events] == sorted((e["id"] for e in all_events), reverse=True)
    assert [e["case"] for e in all_events] == [1, 1, 1, 2, 2, 1, 1]
    assert len(cl.json("log", "--limit", "2")) == 2
    assert len(cl.json("log", "2")) == 2
    lines = cl.ok("log", "--limit", "2").out.splitlines()
    assert lines == [
        "2026-03-04 14:00  #1 next_check_on 2026-03-05 → 2026-03-07",
        "2026-03-04 14:00  #1 status requested → pending (check by store, ref AZ-1)",
    ]
    assert "#1 check: pending by store at 2026-03-04 14:00, ref AZ-1" in cl.ok("log", "1").out


def test_log_of_an_empty_history_and_of_a_removed_case(cl):
    assert cl.ok("log").out == "No history yet.\n"
    assert cl.json("log") == []
    add_case(cl, "--receipt", "R")
    cl.ok("undo")
    # The case is gone, its history is not.
    assert [e["kind"] for e in cl.json("log", "1")][:2] == ["case.remove", "checklist.untick"]
