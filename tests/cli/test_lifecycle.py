"""Three cancellations walked through their lives, with the clock fixed at every step:
`show --json` and `log --json` are checked field by field after each command.

Times are UTC; Baku is UTC+4, so 08:00Z is noon on the user's clock.
"""


def expect(record, **fields):
    """Every named field of a JSON record has the expected value."""
    for key, value in fields.items():
        assert key in record, (key, record)
        assert record[key] == value, (key, record[key], value)


def expect_events(events, *expected):
    """The newest events, each (command, kind, field, old, new), all not undone."""
    assert len(events) >= len(expected), events
    for event, (command, kind, field, old, new) in zip(events, expected):
        expect(event, command=command, kind=kind, field=field, old=old, new=new, undone=False,
               undoes=None)


def expect_checklist(shown, ticked):
    """The checklist: exactly these items ticked, at these instants."""
    actual = {item["item"]: item["ticked_at"] for item in shown["checklist"]}
    assert {k: v for k, v in actual.items() if v is not None} == ticked, actual
    return actual


def test_azercell_prepaid_cancelled_in_a_store(cl):
    # Day 0: the request, made in a store, with the receipt number.
    cl.at("2026-03-02T08:00:00Z")
    added = cl.ok("add", "050 123 45 67", "--channel", "store", "--receipt", "AZC-778812")
    assert added.out.startswith("Added case 1:")
    c = cl.json("show", "1")
    expect(c, id=1, number="+994501234567", operator="Azercell", operator_inferred=True,
           card="prepaid", channel="store", requested_on="2026-03-02", receipt="AZC-778812",
           status="requested", next_check_on="2026-03-05", follows=None, age_days=0,
           checks=[], receipt_files=[], followed_by=[],
           created_at="2026-03-02T08:00:00Z", updated_at="2026-03-02T08:00:00Z")
    expect(c["status_set_by"], command="add", at="2026-03-02T08:00:00Z", check=None,
           reason=None)
    assert c["chain"] == [{"id": 1, "status": "requested", "requested_on": "2026-03-02"}]
    expect_checklist(c, {"receipt-kept": "2026-03-02T08:00:00Z"})
    assert "final-bill-settled" not in [i["item"] for i in c["checklist"]]
    log = cl.json("log", "1")
    expect_events(log,
                  ("add", "checklist.tick", "receipt-kept", None, "2026-03-02T08:00:00Z"),
                  ("add", "case.add", None, None, log[1]["new"]))
    expect(log[1]["new"], id=1, number="+994501234567", status="requested")
    assert log[0]["group"] == log[1]["group"]

    # Day 3, 13:00 in Baku: asked in the store; still pending.
    cl.at("2026-03-05T09:00:00Z")
    r = cl.ok("check", "1", "--outcome", "pending", "--ref", "agent Leyla")
    assert r.out.splitlines() == [
        "Case 1: requested → pending (check by store, ref agent Leyla).",
        "Next check: 2026-03-08.",
    ]
    c = cl.json("show", "1")
    expect(c, status="pending", next_check_on="2026-03-08", age_days=3,
           updated_at="2026-03-05T09:00:00Z")
    assert c["checks"] == [{
        "id": 1, "case": 1, "checked_at": "2026-03-05T09:00:00Z", "method": "store",
        "outcome": "pending", "reference": "agent Leyla", "note": "", "imported": False,
        "created_at": "2026-03-05T09:00:00Z",
    }]
    expect(c["status_set_by"], command="check", at="2026-03-05T09:00:00Z", check=1, reason=None)
    log = cl.json("log", "1")
    assert len(log) == 5
    expect_events(log,
                  ("check", "case.update", "next_check_on", "2026-03-05", "2026-03-08"),
                  ("check", "case.update", "status", "requested", "pending"),
                  ("check", "check.add", None, None, c["checks"][0]))
    assert {e["group"] for e in log[:3]} == {log[0]["group"]}
    assert all(e["case"] == 1 and e["at"] == "2026-03-05T09:00:00Z" for e in log[:3])

    # Day 7: a phone call confirms; the agent gave a reference. Recorded an hour later.
    cl.at("2026-03-09T11:30:00Z")
    r = cl.ok("check", "1", "--outcome", "confirmed", "--method", "phone", "--ref", "AZ-1552",
              "--at", "2026-03-09 14:30")
    assert r.out.splitlines() == [
        "Case 1: pending → confirmed (check by phone, ref AZ-1552).",
        "No more checks.",
        "Still to do: number-dead, sim-destroyed (mark each with 'cancelog tick 1 ITEM').",
    ]
    c = cl.json("show", "1")
    expect(c, status="confirmed", next_check_on=None, age_days=7)
    assert [k["outcome"] for k in c["checks"]] == ["pending", "confirmed"]
    expect(c["checks"][1], id=2, checked_at="2026-03-09T10:30:00Z", method="phone",
           reference="AZ-1552", created_at="2026-03-09T11:30:00Z")
    expect(c["status_set_by"], command="check", check=2)
    expect_events(cl.json("log", "1"),
                  ("check", "case.update", "next_check_on", "2026-03-08", None),
                  ("check", "case.update", "status", "pending", "confirmed"),
                  ("check", "check.add", None, None, c["checks"][1]))
    text = cl.ok("show", "1").out
    assert "confirmed — check 2026-03-09 14:30 by phone, ref AZ-1552" in text
    assert "#1 status pending → confirmed (check by phone, ref AZ-1552)" in text
    assert ("2026-03-09 15:30  #1 status pending → confirmed (check by phone, ref AZ-1552)"
            in cl.ok("log").out.splitlines())

    # The test call no longer connects; the SIM is cut up.
    r = cl.ok("tick", "1", "number-dead", "sim-destroyed")
    assert r.out == "Case 1: ticked number-dead, sim-destroyed.\n"
    c = cl.json("show", "1")
    expect_checklist(c, {"receipt-kept": "2026-03-02T08:00:00Z",
                         "number-dead": "2026-03-09T11:30:00Z",
                         "sim-destroyed": "2026-03-09T11:30:00Z"})
    expect(c, status="confirmed", next_check_on=None)
    expect_events(cl.json("log", "1"),
                  ("tick", "checklist.tick", "sim-destroyed", None, "2026-03-09T11:30:00Z"),
                  ("tick", "checklist.tick", "number-dead", None, "2026-03-09T11:30:00Z"))
    assert len(cl.json("log", "1")) == 10


def test_bakcell_postpaid_online_with_arrears(cl):
    cl.at("2026-03-02T06:00:00Z")
    cl.ok("add", "+994 55 234 56 78", "--channel", "online", "--card", "postpaid",
          "--receipt", "REQ-5521")
    c = cl.json("show", "1")
    expect(c, operator="Bakcell", card="postpaid", channel="online", status="requested",
           next_check_on="2026-03-05")
    assert "final-bill-settled" in [i["item"] for i in c["checklist"]]

    # The online form answers: unpaid arrears block the cancellation.
    cl.at("2026-03-04T10:00:00Z")
    r = cl.ok("check", "1", "--outcome", "action-needed",
              "--note", "arrears of 12.40 AZN must be paid first")
    assert r.out.splitlines()[:2] == ["Case 1: requested → action-needed (check by online).",
                                      "Next check: 2026-03-05."]
    c = cl.json("show", "1")
    expect(c, status="action-needed", next_check_on="2026-03-05")
    expect(c["checks"][0], method="online", outcome="action-needed", reference="",
           note="arrears of 12.40 AZN must be paid first")
    expect_events(cl.json("log", "1"),
                  ("check", "case.update", "status", "requested", "action-needed"),
                  ("check", "check.add", None, None, c["checks"][0]))
    # next_check_on did not move: 2026-03-05 either way, so no event for it.
    assert [e["field"] for e in cl.json("log", "1") if e["command"] == "check"] == [
        "status", None]

    # Paid; the arrears item is ticked.
    cl.at("2026-03-04T12:00:00Z")
    cl.ok("tick", "1", "no-arrears")
    c = cl.json("show", "1")
    expect_checklist(c, {"receipt-kept": "2026-03-02T06:00:00Z",
                         "no-arrears": "2026-03-04T12:00:00Z"})
    expect(c, status="action-needed")
    expect_events(cl.json("log", "1"),
                  ("tick", "checklist.tick", "no-arrears", None, "2026-03-04T12:00:00Z"))

    # Confirmed online; a postpaid line keeps one more check, for the final bill.
    cl.at("2026-03-06T07:00:00Z")
    r = cl.ok("check", "1", "--outcome", "confirmed", "--ref", "BK-99812")
    assert "Next check: 2026-04-10 (the final bill)." in r.out
    assert "final-bill-settled" in r.out  # still to do
    c = cl.json("show", "1")
    expect(c, status="confirmed", next_check_on="2026-04-10")
    expect(c["status_set_by"], command="check", check=2)
    expect_events(cl.json("log", "1"),
                  ("check", "case.update", "next_check_on", "2026-03-05", "2026-04-10"),
                  ("check", "case.update", "status", "action-needed", "confirmed"))

    # The final bill came and is paid: ticking it ends the reminders.
    cl.at("2026-04-10T08:00:00Z")
    r = cl.ok("tick", "1", "final-bill-settled")
    assert r.out.splitlines() == ["Case 1: ticked final-bill-settled.",
                                  "The final bill is settled: no more checks for case 1."]
    c = cl.json("show", "1")
    expect(c, status="confirmed", next_check_on=None, updated_at="2026-04-10T08:00:00Z")
    expect_events(cl.json("log", "1"),
                  ("tick", "case.update", "next_check_on", "2026-04-10", None),
                  ("tick", "checklist.tick", "final-bill-settled", None,
                   "2026-04-10T08:00:00Z"))


def test_nar_by_phone_rejected_then_a_new_case_follows(cl):
    cl.at("2026-03-02T10:00:00Z")
    cl.ok("add", "070 555 12 34", "--channel", "phone", "--receipt", "CALL-7781")
    expect(cl.json("show", "1"), operator="Nar", next_check_on="2026-03-03")

    # Nobody answered the hotline.
    cl.at("2026-03-03T08:00:00Z")
    r = cl.ok("check", "1", "--outcome", "no-answer")
    assert r.out.startswith("Case 1: requested → no-answer (check by phone).\n")
    c = cl.json("show", "1")
    expect(c, status="no-answer", next_check_on="2026-03-04")
    expect(c["checks"][0], method="phone", outcome="no-answer")
    expect_events(cl.json("log", "1"),
                  ("check", "case.update", "next_check_on", "2026-03-03", "2026-03-04"),
                  ("check", "case.update", "status", "requested", "no-answer"))

    # Rejected: the contract is in another person's name.
    cl.at("2026-03-04T08:00:00Z")
    r = cl.ok("check", "1", "--outcome", "rejected", "--ref", "NAR-77",
              "--note", "contract in another name")
    assert "No more checks." in r.out
    assert "'cancelog add +994705551234 ...'" in r.out
    c = cl.json("show", "1")
    expect(c, status="rejected", next_check_on=None, followed_by=[])
    expect(c["status_set_by"], command="check", check=2)
    expect(c["checks"][1], outcome="rejected", reference="NAR-77",
           note="contract in another name")
    expect_events(cl.json("log", "1"),
                  ("check", "case.update", "next_check_on", "2026-03-04", None),
                  ("check", "case.update", "status", "no-answer", "rejected"))

    # The contract holder goes to a store: a new case, linked to the rejected one.
    cl.at("2026-03-04T12:00:00Z")
    r = cl.ok("add", "+994705551234", "--channel", "store", "--receipt", "NS-9")
    assert "Follows case 1, which was rejected." in r.out
    new = cl.json("show", "2")
    expect(new, id=2, follows=1, status="requested", next_check_on="2026-03-07")
    assert new["chain"] == [
        {"id": 1, "status": "rejected", "requested_on": "2026-03-02"},
        {"id": 2, "status": "requested", "requested_on": "2026-03-04"},
    ]
    old = cl.json("show", "1")
    expect(old, followed_by=[2], chain=new["chain"], status="rejected")
    expect(cl.json("log", "2")[1]["new"], follows=1)

    # Confirmed in the store three days later.
    cl.at("2026-03-07T08:00:00Z")
    cl.ok("check", "2", "--outcome", "confirmed", "--ref", "NS-9/OK")
    new = cl.json("show", "2")
    expect(new, status="confirmed", next_check_on=None)
    expect(new["checks"][0], method="store", outcome="confirmed", reference="NS-9/OK")
    assert [link["status"] for link in new["chain"]] == ["rejected", "confirmed"]
    expect_events(cl.json("log", "2"),
                  ("check", "case.update", "next_check_on", "2026-03-07", None),
                  ("check", "case.update", "status", "requested", "confirmed"))
    text = cl.ok("show", "2").out
    assert "Linked        #1 rejected → #2 confirmed (this case)" in text
    assert "Linked        #1 rejected (this case) → #2 confirmed" in cl.ok("show", "1").out
    # The rejected case's history is its own; the whole log has both.
    assert {e["case"] for e in cl.json("log", "1")} == {1}
    assert {e["case"] for e in cl.json("log")} == {1, 2}


def test_check_json_output(cl):
    cl.ok("add", "0501234567", "--channel", "online", "--receipt", "R", "--on", "yesterday")
    out = cl.json("check", "1", "--outcome", "pending")
    assert list(out) == ["case", "check"]
    expect(out["case"], id=1, status="pending", next_check_on="2026-03-07")
    expect(out["check"], id=1, case=1, method="online", outcome="pending",
           checked_at="2026-03-04T10:00:00Z")
