"""cancelog add: recording a cancellation request."""
from conftest import assert_one_error_line


def test_number_in_several_arguments_is_case_1_inferred_azercell(cl):
    r = cl.ok("add", "050", "123", "45", "67", "--channel", "store", "--receipt", "AZC-778812")
    assert r.out.startswith("Added case 1: +994 50 123 45 67, Azercell, store")
    assert "inferred from the prefix +99450" in r.out
    assert r.err == ""  # a receipt was given and no other case is open
    cases = cl.json("list")
    assert len(cases) == 1
    c = cases[0]
    assert c["id"] == 1
    assert c["number"] == "+994501234567"
    assert c["number_raw"] == "050 123 45 67"
    assert c["operator"] == "Azercell"
    assert c["operator_inferred"] is True
    assert c["channel"] == "store"
    assert c["card"] == "prepaid"
    assert c["receipt"] == "AZC-778812"
    assert c["status"] == "requested"
    assert c["requested_on"] == "2026-03-04"


def test_quoted_number_and_json_output(cl):
    c = cl.json("add", "050 123 45 67", "--channel", "online", "--receipt", "R-1")
    expected_keys = [
        "id", "uuid", "number", "number_raw", "operator", "operator_inferred", "card",
        "channel", "requested_on", "receipt", "status", "next_check_on", "note", "follows",
        "created_at", "updated_at",
    ]
    assert list(c.keys()) == expected_keys
    assert c["number"] == "+994501234567"
    assert len(c["uuid"]) == 36 and c["uuid"][14] == "4"
    assert c["created_at"] == "2026-03-04T10:00:00Z"


def test_explicit_operator_matches_case_insensitively_and_is_not_inferred(cl):
    c = cl.json("add", "+994501234567", "--operator", "bakcell", "--channel", "phone",
                "--receipt", "CALL-1")
    assert c["operator"] == "Bakcell"
    assert c["operator_inferred"] is False


def test_each_operator_prefix_is_inferred(cl):
    expected = {
        "+994101234567": "Azercell", "+994501234567": "Azercell", "+994511234567": "Azercell",
        "+994551234567": "Bakcell", "+994991234567": "Bakcell",
        "+994701234567": "Nar", "+994771234567": "Nar",
    }
    for number, operator in expected.items():
        c = cl.json("add", number, "--channel", "store", "--receipt", "R")
        assert c["operator"] == operator, number
        assert c["operator_inferred"] is True


def test_naxtel_prefix_has_no_hint_and_asks_for_the_operator(cl):
    r = cl.run("add", "+994601234567", "--channel", "store")
    assert_one_error_line(r)
    assert "--operator" in r.err
    c = cl.json("add", "+994601234567", "--operator", "Nar", "--channel", "store",
                "--receipt", "R")
    assert c["operator"] == "Nar"


def test_warns_without_receipt_and_for_a_second_open_case(cl):
    first = cl.ok("add", "0501234567", "--channel", "store")
    assert "warning: no receipt reference given" in first.err
    second = cl.ok("add", "+994 50 123 45 67", "--channel", "online", "--receipt", "X")
    assert "warning: case 1 for this number is still open" in second.err
    assert "Added case 2" in second.out


def test_dates_in_every_accepted_form(cl):
    forms = {
        "2026-03-01": "2026-03-01", "today": "2026-03-04", "yesterday": "2026-03-03",
        "-2d": "2026-03-02", "-1w": "2026-02-25", "TODAY": "2026-03-04",
    }
    for text, day in forms.items():
        c = cl.json("add", "0501234567", "--channel", "store", "--receipt", "R", "--on", text)
        assert c["requested_on"] == day, text


def test_today_is_the_local_date_of_the_user_time_zone(cl):
    # 22:30 UTC on March 3rd is already March 4th in Baku (UTC+4).
    cl.at("2026-03-03T22:30:00Z")
    assert cl.json("add", "0501234567", "--channel", "store", "--receipt", "R")[
        "requested_on"] == "2026-03-04"
    assert cl.json("add", "0501234568", "--channel", "store", "--receipt", "R",
                   env={"TZ": "UTC"})["requested_on"] == "2026-03-03"
    # TZ as POSIX allows it (a leading colon), and as a path to the zone's file.
    assert cl.json("add", "0501234569", "--channel", "store", "--receipt", "R",
                   env={"TZ": ":Asia/Baku"})["requested_on"] == "2026-03-04"
    assert cl.json("add", "0501234570", "--channel", "store", "--receipt", "R",
                   env={"TZ": "/usr/share/zoneinfo/America/New_York"})["requested_on"] == \
        "2026-03-03"


def test_first_check_follows_the_channel(cl):
    store = cl.json("add", "0501234567", "--channel", "store", "--receipt", "R")
    phone = cl.json("add", "0551234567", "--channel", "phone", "--receipt", "R")
    assert store["next_check_on"] == "2026-03-07"
    assert phone["next_check_on"] == "2026-03-05"


def test_postpaid_and_note(cl):
    c = cl.json("add", "0771234567", "--channel", "store", "--card", "postpaid",
                "--note", "Qəbz itdi, чек, 收据", "--receipt", "N-77")
    assert c["card"] == "postpaid"
    assert c["note"] == "Qəbz itdi, чек, 收据"


def test_receipt_ticks_receipt_kept(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-1")
    shown = cl.json("show", "1")
    ticked = {i["item"]: i["ticked_at"] for i in shown["checklist"]}
    assert ticked["receipt-kept"] == "2026-03-04T10:00:00Z"
    assert ticked["no-arrears"] is None


def test_ids_are_never_reused(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    cl.sql("DELETE FROM checklist")
    cl.sql("DELETE FROM cases")
    c = cl.json("add", "0501234567", "--channel", "store", "--receipt", "R")
    assert c["id"] == 2
