"""A database holding everything an export must carry, for test_export and test_import:
checks of every kind, checklist ticks, a case that follows a rejected one, a withdrawn case,
and text that is hard for CSV and for spreadsheets."""
import csv
import io
import os
from pathlib import Path

from conftest import DEFAULT_NOW, SOURCE_DIR, Cancelog

GOLDEN = SOURCE_DIR / "tests" / "cli" / "golden"

NOTES = {
    1: 'Hello, "world"\nsecond line',
    2: '=HYPERLINK("http://example.com","x")',
    3: "ə ğ ı ö ş ü ç — Россия — 北京",
    4: "+1\ttab, and 'quote'",
    5: "@SUM(1)",
    6: "-1+1",
}


def check(cl, case_id, at, method, outcome, reference="", note=""):
    """Records a check behind cancelog's back (the `check` command is another issue)."""
    cl.sql("INSERT INTO checks (case_id, checked_at, method, outcome, reference, note, "
           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
           case_id, at, method, outcome, reference, note, at)


def make_rich(cl):
    cl.at("2026-02-20T09:00:00Z").ok("add", "0501234567", "--channel", "store",
                                     "--receipt", 'AZC-1, shelf "B"', "--note", NOTES[1])
    cl.at("2026-03-01T09:00:00Z").ok("add", "0551234567", "--channel", "online",
                                     "--receipt", "@REQ(1)", "--note", NOTES[2])
    cl.at("2026-03-02T09:00:00Z").ok("add", "0701234567", "--operator", "Nar",
                                     "--channel", "phone", "--card", "postpaid",
                                     "--receipt", "-1+1", "--note", NOTES[3])
    cl.at("2026-03-03T09:00:00Z").ok("add", "+994 50 222 33 44", "--channel", "other",
                                     "--note", NOTES[4])
    check(cl, 1, "2026-02-25T08:00:00Z", "phone", "rejected", "AGENT-7", "said no,\nwrong form")
    cl.sql("UPDATE cases SET status = 'rejected', next_check_on = NULL WHERE id = 1")
    check(cl, 2, "2026-03-02T07:00:00Z", "online", "pending", "", "")
    check(cl, 2, "2026-03-03T07:30:00Z", "sms", "confirmed", "=cmd|' /C calc'!A0", "-ok")
    cl.sql("UPDATE cases SET status = 'confirmed', next_check_on = NULL WHERE id = 2")
    check(cl, 3, "2026-03-03T06:00:00Z", "store", "action-needed", "З-42", "принести паспорт")
    cl.sql("UPDATE cases SET status = 'action-needed', next_check_on = '2026-03-04' "
           "WHERE id = 3")
    cl.sql("INSERT INTO checklist (case_id, item, ticked_at) VALUES "
           "(2, 'number-dead', '2026-03-03T08:00:00Z'), (3, 'no-arrears', '2026-03-02T09:30:00Z')")
    # A retry of the rejected case 1: add links it by itself.
    cl.at("2026-03-04T09:00:00Z").ok("add", "0501234567", "--channel", "store",
                                     "--receipt", "AZC-2", "--note", NOTES[5])
    cl.ok("add", "0771234567", "--operator", "Nar", "--channel", "store", "--on", "2026-02-10",
          "--receipt", "W-1", "--note", NOTES[6])
    cl.sql("UPDATE cases SET status = 'withdrawn', next_check_on = NULL WHERE id = 6")
    # Stable uuids, so that exports can be compared with golden files.
    cl.sql("UPDATE cases SET uuid = printf('00000000-0000-4000-8000-%012d', id)")
    cl.at(DEFAULT_NOW)
    return cl


def other_db(tmp_path, name="other"):
    """A second, empty database with its own home."""
    home = tmp_path / name
    home.mkdir()
    return Cancelog(home)


def export_bytes(cl, *args):
    """Runs export to a file and returns the file's bytes (stdout would lose the CRs)."""
    path = cl.home / "export.out"
    cl.ok("export", *args, "-o", path)
    data = path.read_bytes()
    path.unlink()
    return data


def rows(data):
    """The rows of CSV bytes, read by Python's csv module."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def write_csv(path, table, line_end="\r\n"):
    """Writes rows as CSV with Python's csv module."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator=line_end).writerows(table)
    return path


def check_golden(name, data):
    """Compares bytes with tests/cli/golden/NAME; CANCELOG_TEST_ACCEPT=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("CANCELOG_TEST_ACCEPT") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no golden file {path}; create it with CANCELOG_TEST_ACCEPT=1"
    assert data == path.read_bytes(), f"{name} differs from its golden file"
