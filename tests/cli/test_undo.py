"""cancelog undo: reverts the most recent changing command as a new event group; again for
the one before; never redoes."""
from conftest import assert_one_error_line


def add_store_case(cl):
    cl.at("2026-03-02T08:00:00Z")
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-1")
    cl.at("2026-03-04T10:00:00Z")


def test_add_then_undo_leaves_no_case(cl):
    add_store_case(cl)
    r = cl.ok("undo")
    assert r.out.splitlines() == [
        "Undid 'add' of 2026-03-02 12:00:",
        "  #1 unticked receipt-kept (undo)",
        "  #1 removed: +994501234567, Azercell, store, requested 2026-03-02 (undo)",
    ]
    assert cl.json("list") == []
    assert cl.sql("SELECT count(*) FROM cases") == [(0,)]
    assert cl.sql("SELECT count(*) FROM checklist") == [(0,)]
    assert_one_error_line(cl.run("show", "1"))
    # The history keeps both the add (now undone) and the undo.
    log = cl.json("log", "1")
    assert [(e["kind"], e["undone"], e["undoes"]) for e in log] == [
        ("case.remove", False, 1),
        ("checklist.untick", False, 1),
        ("checklist.tick", True, None),
        ("case.add", True, None),
    ]
    assert log[0]["command"] == "undo" and log[0]["group"] == 2
    assert log[0]["old"]["number"] == "+994501234567"
    assert cl.sql("SELECT id, undoes, undone_by FROM event_groups ORDER BY id") == [
        (1, None, 2), (2, 1, None)]
    # A new case gets a new id: ids are never reused.
    assert cl.json("add", "0501234567", "--channel", "store", "--receipt", "R")["id"] == 2


def test_check_then_undo_restores_status_and_next_check(cl):
    add_store_case(cl)
    cl.ok("check", "1", "--outcome", "pending")
    before_check = {"status": "requested", "next_check_on": "2026-03-05"}
    after_check = cl.json("show", "1")
    assert (after_check["status"], after_check["next_check_on"]) == ("pending", "2026-03-07")
    r = cl.ok("undo")
    assert r.out.splitlines() == [
        "Undid 'check' of 2026-03-04 14:00:",
        "  #1 next_check_on 2026-03-07 → 2026-03-05 (undo)",
        "  #1 status pending → requested (undo)",
        "  #1 check removed: pending by store at 2026-03-04 14:00 (undo)",
    ]
    c = cl.json("show", "1")
    assert {k: c[k] for k in before_check} == before_check
    assert c["checks"] == []
    assert c["status_set_by"]["command"] == "add"
    assert cl.sql("SELECT count(*) FROM checks") == [(0,)]


def test_edit_of_three_fields_is_one_undo(cl):
    add_store_case(cl)
    before = cl.json("show", "1")
    cl.ok("edit", "1", "--channel", "online", "--receipt", "REQ-1", "--note", "asked online")
    edited = cl.json("show", "1")
    assert (edited["channel"], edited["receipt"], edited["note"]) == (
        "online", "REQ-1", "asked online")
    cl.ok("undo")
    after = cl.json("show", "1")
    for field in ("channel", "receipt", "note", "next_check_on", "status", "operator"):
        assert after[field] == before[field], field
    assert after["checklist"] == before["checklist"]
    undo_events = [e for e in cl.json("log", "1") if e["command"] == "undo"]
    assert sorted(e["field"] for e in undo_events) == ["channel", "note", "receipt"]


def test_second_undo_reverts_the_one_before_and_never_redoes(cl):
    add_store_case(cl)
    cl.ok("check", "1", "--outcome", "pending")
    cl.ok("tick", "1", "no-arrears")
    assert "Undid 'tick'" in cl.ok("undo").out
    assert "Undid 'check'" in cl.ok("undo").out
    c = cl.json("show", "1")
    assert (c["status"], c["checks"]) == ("requested", [])
    assert "Undid 'add'" in cl.ok("undo").out
    assert cl.json("list") == []
    before = cl.dump()
    r = cl.run("undo")
    assert_one_error_line(r)
    assert "nothing to undo" in r.err and "does not redo" in r.err
    assert cl.dump() == before


def test_nothing_to_undo_in_an_empty_history(cl):
    cl.ok("list")
    before = cl.dump()
    r = cl.run("undo")
    assert_one_error_line(r)
    assert "nothing to undo: the history is empty" in r.err
    assert cl.dump() == before


def test_undo_after_a_later_command_keeps_the_later_one(cl):
    add_store_case(cl)
    cl.ok("check", "1", "--outcome", "pending")
    cl.ok("undo")  # the check
    cl.ok("edit", "1", "--note", "after the undo")
    cl.ok("undo")  # the edit, not the check again
    c = cl.json("show", "1")
    assert c["note"] == "" and c["checks"] == []
    cl.ok("undo")  # the add
    assert cl.json("list") == []


def test_undo_of_withdraw_and_reopen(cl):
    add_store_case(cl)
    cl.ok("check", "1", "--outcome", "confirmed")
    cl.ok("reopen", "1", "--note", "the line still rings")
    assert cl.json("show", "1")["status"] == "pending"
    cl.ok("undo")
    c = cl.json("show", "1")
    assert (c["status"], c["next_check_on"]) == ("confirmed", None)
    assert c["status_set_by"]["command"] == "check"
    cl.ok("reopen", "1", "--note", "again")
    cl.ok("withdraw", "1", "--note", "gave up")
    cl.ok("undo")
    c = cl.json("show", "1")
    assert (c["status"], c["next_check_on"]) == ("pending", "2026-03-07")
    assert c["status_set_by"] == {"command": "reopen", "at": "2026-03-04T10:00:00Z",
                                  "check": None, "reason": "again"}


def test_undo_of_the_final_bill_tick_brings_its_check_back(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--card", "postpaid", "--receipt", "R")
    cl.ok("check", "1", "--outcome", "confirmed")
    assert cl.json("show", "1")["next_check_on"] == "2026-04-08"
    cl.ok("tick", "1", "final-bill-settled")
    assert cl.json("show", "1")["next_check_on"] is None
    cl.ok("undo")
    c = cl.json("show", "1")
    assert c["next_check_on"] == "2026-04-08"
    assert {i["item"]: i["ticked_at"] for i in c["checklist"]}["final-bill-settled"] is None


def test_untick_undone_keeps_the_original_instant(cl):
    add_store_case(cl)
    cl.at("2026-03-05T10:00:00Z").ok("untick", "1", "receipt-kept")
    cl.ok("undo")
    ticked = {i["item"]: i["ticked_at"] for i in cl.json("show", "1")["checklist"]}
    assert ticked["receipt-kept"] == "2026-03-02T08:00:00Z"


def test_undo_of_settings_and_operators(cl):
    cl.ok("config", "set", "remind.first.online", "5d")
    cl.ok("operator", "add", "Magti", "--country", "GE", "--prefix", "+99559")
    cl.ok("operator", "edit", "Magti", "--hotline", "570", "--name", "Magti GSM")
    cl.ok("undo")
    op = next(o for o in cl.json("operator", "list") if o["name"] == "Magti")
    assert op["hotline"] == "" and op["prefixes"] == ["+99559"]
    cl.ok("undo")
    assert "Magti" not in [o["name"] for o in cl.json("operator", "list")]
    assert cl.sql("SELECT count(*) FROM prefix_hints WHERE prefix = '+99559'") == [(0,)]
    assert cl.ok("config", "get", "remind.first.online").out == "5d\n"
    cl.ok("undo")
    assert cl.ok("config", "get", "remind.first.online").out == "3d\n"


def test_undo_json(cl):
    add_store_case(cl)
    cl.ok("tick", "1", "no-arrears")
    out = cl.json("undo")
    assert out["undone"] == {"group": 2, "command": "tick", "at": "2026-03-04T10:00:00Z"}
    assert len(out["events"]) == 1
    event = out["events"][0]
    assert (event["kind"], event["field"], event["old"], event["new"], event["undoes"],
            event["command"]) == ("checklist.untick", "no-arrears", "2026-03-04T10:00:00Z",
                                  None, 2, "undo")


def test_undo_refuses_a_change_made_behind_its_back(cl):
    add_store_case(cl)
    cl.ok("edit", "1", "--note", "by cancelog")
    cl.sql("UPDATE cases SET note = 'by hand'")
    before = cl.dump()
    r = cl.run("undo")
    assert_one_error_line(r, 1)
    assert "nothing was undone" in r.err
    assert cl.dump() == before


def test_undo_refuses_an_unknown_kind_without_half_reverting(cl):
    add_store_case(cl)
    cl.ok("edit", "1", "--note", "real change")
    # A later cancelog wrote a kind this one does not know into the same group.
    group = cl.sql("SELECT max(id) FROM event_groups")[0][0]
    cl.sql("INSERT INTO events (group_id, case_id, kind, new) VALUES (?, 1, 'case.teleport', '{}')",
           group)
    before = cl.dump()
    r = cl.run("undo")
    assert_one_error_line(r, 1)
    assert "case.teleport" in r.err and "nothing was undone" in r.err
    assert cl.dump() == before
