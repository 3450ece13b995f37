"""cancelog list and show."""
import unicodedata

import pytest

from conftest import assert_one_error_line


def width(text):
    """Display width as a terminal shows it: East Asian wide characters take two columns,
    combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


@pytest.fixture
def three(cl):
    cl.at("2026-02-20T09:00:00Z").ok("add", "0501234567", "--channel", "store",
                                     "--receipt", "AZC-1", "--note", "北京 中文备注")
    cl.at("2026-03-01T09:00:00Z").ok("add", "0551234567", "--channel", "online",
                                     "--receipt", "BK-22", "--note", "Bakı, ə ğ ı ö ş ü ç")
    cl.at("2026-03-04T09:00:00Z").ok("add", "0701234567", "--channel", "phone",
                                     "--operator", "Nar", "--card", "postpaid",
                                     "--receipt", "CALL-3", "--note", "е́ combining, Россия")
    cl.at("2026-03-04T10:00:00Z")
    return cl


def test_newest_first_with_days_waiting(three):
    cases = three.json("list")
    assert [c["id"] for c in cases] == [3, 2, 1]
    assert [c["days_waiting"] for c in cases] == [0, 3, 12]


def test_table_columns_align_by_display_width(three):
    out = three.ok("list").out.splitlines()
    header, rows = out[0], out[1:4]
    note_col = width(header[: header.index("NOTE")])
    for row in rows:
        note = next(n for n in ("北京", "Bakı", "е́") if n in row)
        assert width(row[: row.index(note)]) == note_col, row
    receipt_col = width(header[: header.index("RECEIPT")])
    for row in rows:
        ref = next(r for r in ("AZC-1", "BK-22", "CALL-3") if r in row)
        assert width(row[: row.index(ref)]) == receipt_col


def test_filters(three):
    ids = lambda *args: [c["id"] for c in three.json("list", *args)]
    assert ids("--operator", "bakcell") == [2]
    assert ids("--channel", "phone") == [3]
    assert ids("--number", "+994 50 123 45 67") == [1]
    assert ids("--number", "050 123 45 67") == [1]
    assert ids("--since", "2026-03-01") == [3, 2]
    assert ids("--until", "2026-03-01") == [2, 1]
    assert ids("--since", "2026-03-01", "--until", "2026-03-01") == [2]
    assert ids("--since", "-1w") == [3, 2]
    assert ids("--search", "中文") == [1]
    assert ids("--search", "bk-2") == [2]
    assert ids("--search", "%") == []
    assert ids("--limit", "2") == [3, 2]
    assert ids("--status", "requested") == [3, 2, 1]
    assert ids("--status", "open") == [3, 2, 1]
    assert ids("--status", "closed") == []
    assert ids("--status", "confirmed", "--status", "requested") == [3, 2, 1]
    # First checks: store +3d (02-23), online +3d (03-04), phone +1d (03-05).
    assert ids("--due") == [2, 1]


def test_empty_list(cl):
    assert cl.ok("list").out == "No cases.\n"
    assert cl.json("list") == []


def test_show_text_and_json(three):
    text = three.ok("show", "3").out
    assert "Case 3" in text
    assert "+994 70 123 45 67" in text
    assert "postpaid" in text
    assert "final-bill-settled" in text  # postpaid lines have the final bill item
    shown = three.json("show", "3")
    assert shown["id"] == 3 and shown["operator"] == "Nar"
    assert shown["operator_inferred"] is False
    assert shown["checks"] == []
    assert [e["kind"] for e in shown["history"]] == ["checklist.tick", "case.add"]
    assert shown["history"][1]["new"]["number"] == "+994701234567"
    prepaid = three.json("show", "1")
    assert "final-bill-settled" not in [i["item"] for i in prepaid["checklist"]]
    assert "#1" in three.ok("show", "#1").out


def test_show_unknown_case(cl):
    assert_one_error_line(cl.run("show", "7"))


def test_help_and_version(cl):
    assert cl.ok("--version").out.strip().startswith("cancelog ")
    for command in (["add"], ["list"], ["show"], ["operator"], ["operator", "add"],
                    ["operator", "edit"], ["operator", "list"], ["config"], ["config", "set"]):
        r = cl.ok(*command, "--help")
        assert "Usage" in r.out or "usage" in r.out.lower(), command
