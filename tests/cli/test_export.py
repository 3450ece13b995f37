"""cancelog export: CSV and JSON that a spreadsheet opens safely and import reads back."""
import json
import os
import stat
import subprocess
import sys

import pytest

from conftest import BIN, assert_one_error_line
from exchange_data import NOTES, check_golden, export_bytes, make_rich, rows

CASE_COLUMNS = ["id", "uuid", "number", "number_raw", "operator", "operator_inferred", "card",
                "channel", "requested_on", "receipt", "status", "next_check_on",
                "last_check_at", "note", "follows", "created_at", "updated_at"]
CHECK_COLUMNS = ["id", "case", "number", "checked_at", "method", "outcome", "reference",
                 "note", "imported", "created_at"]


def guarded(text):
    """What the export writes for free text: an apostrophe before formula-like text."""
    first = text.lstrip("'")
    return "'" + text if first and first[0] in "=+-@\t\r\n" else text


def cell(value):
    """A JSON value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.fixture
def rich(cl):
    return make_rich(cl)


def test_cases_csv_matches_the_golden_file(rich):
    data = export_bytes(rich)
    check_golden("export_cases.csv", data)
    assert data.split(b"\r\n")[0].decode() == ",".join(CASE_COLUMNS)
    assert data.endswith(b"\r\n")


def test_checks_csv_matches_the_golden_file(rich):
    data = export_bytes(rich, "--what", "checks")
    check_golden("export_checks.csv", data)
    assert rows(data)[0] == CHECK_COLUMNS


def test_json_all_matches_the_golden_file(rich):
    check_golden("export_all.json", export_bytes(rich, "--format", "json", "--what", "all"))


def test_python_csv_reads_every_cell_as_show_json_says(rich):
    table = rows(export_bytes(rich))
    header, body = table[0], table[1:]
    assert [int(r[0]) for r in body] == [1, 2, 3, 4, 5, 6]  # in the order they were recorded
    for row in body:
        shown = rich.json("show", row[0])
        checks = [c["checked_at"] for c in shown["checks"]]
        for name, value in zip(header, row):
            if name == "last_check_at":
                expected = max(checks) if checks else ""
            elif name == "number":
                expected = shown["number"]  # clean E.164, never guarded
            else:
                expected = guarded(cell(shown[name]))
            assert value == expected, (row[0], name)
    notes = {int(r[0]): r[header.index("note")] for r in body}
    assert notes[1] == NOTES[1]
    assert notes[2] == "'" + NOTES[2]
    assert notes[3] == NOTES[3]
    assert notes[4] == "'" + NOTES[4]
    assert notes[5] == "'@SUM(1)" and notes[6] == "'-1+1"


def test_raw_leaves_formulas_as_they_are(rich):
    body = rows(export_bytes(rich, "--raw"))[1:]
    notes = {int(r[0]): r[13] for r in body}
    assert notes == NOTES
    assert all(not r[2].startswith("'") for r in body)


def test_bom_for_spreadsheets(rich):
    data = export_bytes(rich, "--bom")
    assert data.startswith(b"\xef\xbb\xbfid,uuid,")
    assert data[3:] == export_bytes(rich)


def test_mask_hides_the_middle_digits_everywhere(rich):
    data = export_bytes(rich, "--mask")
    body = rows(data)[1:]
    assert body[0][2] == "+99450***4567"
    assert body[0][3] == "+99450***4567"  # what was typed shows the number too
    for digits in (b"501234567", b"0501234567", b"5012345"):
        assert digits not in data
    as_json = json.loads(export_bytes(rich, "--format", "json", "--mask"))
    assert {c["number"] for c in as_json} >= {"+99450***4567", "+99455***4567"}
    assert all(c["number_raw"] == c["number"] for c in as_json)
    checks = export_bytes(rich, "--what", "checks", "--mask")
    assert b"+994551234567" not in checks and b"+99455***4567" in checks


@pytest.mark.parametrize("args", [
    ["--status", "confirmed"], ["--status", "open"], ["--operator", "nar"],
    ["--channel", "store"], ["--number", "050 123 45 67"], ["--since", "2026-03-01"],
    ["--until", "2026-02-28"], ["--due"], ["--search", "Россия"], ["--limit", "2"],
])
def test_filters_select_what_list_selects(rich, args):
    listed = sorted(c["id"] for c in rich.json("list", *args))
    exported = [int(r[0]) for r in rows(export_bytes(rich, *args))[1:]]
    assert exported == listed  # the same cases, in id order
    as_json = json.loads(export_bytes(rich, "--format", "json", *args))
    assert [c["id"] for c in as_json] == listed


def test_json_all_nests_checks_and_checklist(rich):
    cases = json.loads(export_bytes(rich, "--format", "json", "--what", "all"))
    by_id = {c["id"]: c for c in cases}
    assert [k["outcome"] for k in by_id[2]["checks"]] == ["pending", "confirmed"]
    assert by_id[2]["checklist"] == [
        {"item": "receipt-kept", "ticked_at": "2026-03-01T09:00:00Z"},
        {"item": "number-dead", "ticked_at": "2026-03-03T08:00:00Z"},
    ]
    assert by_id[4]["checks"] == [] and by_id[4]["checklist"] == []
    assert by_id[5]["follows"] == 1
    shown = rich.json("show", "2")
    assert by_id[2]["checks"] == shown["checks"]
    plain = json.loads(export_bytes(rich, "--format", "json"))
    assert "checks" not in plain[0]


def test_checks_of_selected_cases(rich):
    body = rows(export_bytes(rich, "--what", "checks", "--status", "confirmed"))[1:]
    assert [(r[1], r[5]) for r in body] == [("2", "pending"), ("2", "confirmed")]
    assert body[1][6] == "'=cmd|' /C calc'!A0"  # the DDE attack, guarded
    as_json = json.loads(export_bytes(rich, "--format", "json", "--what", "checks"))
    assert [c["case"] for c in as_json] == [1, 2, 2, 3]


def test_stdout_by_default_and_format_from_the_extension(rich):
    out = rich.run("export", input=b"", expect=0).raw_out
    assert out == export_bytes(rich)
    rich.ok("export", "-o", "cases.json")
    assert json.loads((rich.home / "cases.json").read_text())[0]["id"] == 1
    assert rich.json("export")[0]["id"] == 1  # the global --json
    r = rich.ok("export", "-o", "x.csv")
    assert r.out == "Exported 6 cases to 'x.csv'.\n"


def test_output_file_is_private_and_replaced_whole(rich):
    target = rich.home / "cases.csv"
    target.write_text("old")
    os.chmod(target, 0o644)
    r = subprocess.run(["sh", "-c", 'umask 000; exec "$@"', "sh", BIN, "export", "-o", target],
                       env=rich.env, capture_output=True, cwd=rich.home)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_bytes() == export_bytes(rich)
    assert sorted(p.name for p in rich.home.iterdir() if p.name.startswith(".")) == []


def test_empty_database_gives_the_header_only(cl):
    assert export_bytes(cl) == (",".join(CASE_COLUMNS) + "\r\n").encode()
    assert cl.json("export") == []


@pytest.mark.parametrize("args,words", [
    (["--what", "all"], "--format json --what all"),
    (["--format", "xml"], "csv, json, ics"),
    (["--what", "everything"], "cases, checks, all"),
    (["--format", "json", "--bom"], "--bom applies to CSV only"),
    (["--format", "json", "--raw"], "--raw applies to CSV only"),
    (["--format", "ics", "--what", "checks"], "a calendar holds"),
    (["--format", "ics", "--bom"], "--bom applies to CSV only"),
    (["--status", "done"], "open, closed"),
    (["-o", "/nonexistent/dir/x.csv"], "does not exist; create it first"),
])
def test_bad_options_are_refused(rich, args, words):
    before = rich.dump()
    r = rich.run("export", *args)
    assert_one_error_line(r, 1 if "cannot write" in words else 2)
    assert words in r.err
    assert rich.dump() == before


def test_memory_does_not_grow_with_the_number_of_cases(cl):
    """Streams row by row: ten times the cases, about the same peak memory."""
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")

    def grow_to(n):
        cl.sql("INSERT INTO cases (uuid, number, number_raw, operator_id, card, channel, "
               "requested_on, note, created_at, updated_at) "
               "WITH RECURSIVE k(i) AS (SELECT (SELECT max(id) FROM cases) + 1 UNION ALL "
               f"SELECT i + 1 FROM k WHERE i < {n}) SELECT printf('u-%d', i), '+994501234567', "
               "'050', 1, 'prepaid', 'store', '2026-03-01', printf('note %d, with text', i), "
               "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z' FROM k")

    def peak_kib(*args):
        probe = ("import resource, subprocess, sys; "
                 "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        # AddressSanitizer keeps freed memory in quarantine (256 MiB): not a leak, but it
        # would look like growth.
        env = dict(cl.env, ASAN_OPTIONS="quarantine_size_mb=1")
        r = subprocess.run([sys.executable, "-c", probe, BIN, *args], env=env,
                           capture_output=True, text=True, check=True)
        return int(r.stdout)

    grow_to(3000)
    small = {f: peak_kib("export", "--format", f) for f in ("csv", "json")}
    grow_to(30000)
    large = {f: peak_kib("export", "--format", f) for f in ("csv", "json")}
    for f in small:
        assert large[f] < small[f] + 4096, (f, small[f], large[f])
