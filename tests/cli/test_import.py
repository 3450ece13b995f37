"""cancelog import: the CSV and JSON of export come back exactly; bad files change nothing."""
import json
import re

import pytest

from conftest import assert_one_error_line
from exchange_data import (NOTES, export_bytes, make_rich, other_db, rows, write_csv)

HEADER = ["number", "operator", "channel", "requested_on", "note"]


@pytest.fixture
def rich(cl):
    return make_rich(cl)


@pytest.fixture
def seeded(cl):
    """A database with one case, so that 'unchanged' means something."""
    cl.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0", "--note", "seed")
    return cl


def good_rows(n):
    return [[f"+9945012300{i:02d}", "Azercell", "store", "2026-03-01", f"row {i}"]
            for i in range(n)]


def import_events(cl):
    return cl.sql("SELECT case_id, case_last, kind FROM events WHERE kind = 'case.import'")


# --- Round trips -----------------------------------------------------------------------------

def test_csv_round_trip_is_byte_identical(rich, tmp_path):
    exported = export_bytes(rich)
    (tmp_path / "cases.csv").write_bytes(exported)
    other = other_db(tmp_path)
    r = other.ok("import", tmp_path / "cases.csv")
    assert r.out.startswith(f"Imported {tmp_path / 'cases.csv'}: 6 cases added, 0 updated")
    assert export_bytes(other) == exported
    # The statuses past requested rest on one imported check each, dated last_check_at.
    checks = other.sql("SELECT case_id, outcome, checked_at, imported, method FROM checks "
                       "ORDER BY case_id")
    assert checks == [(1, "rejected", "2026-02-25T08:00:00Z", 1, "other"),
                      (2, "confirmed", "2026-03-03T07:30:00Z", 1, "other"),
                      (3, "action-needed", "2026-03-03T06:00:00Z", 1, "other")]
    # Rows with a receipt tick receipt-kept; the withdrawn case 6 has no check.
    ticked = other.sql("SELECT case_id FROM checklist WHERE item = 'receipt-kept' "
                       "ORDER BY case_id")
    assert ticked == [(1,), (2,), (3,), (5,), (6,)]
    assert other.json("show", "5")["follows"] == 1
    assert import_events(other) == [(1, 6, "case.import")]


def test_json_round_trip_is_byte_identical(rich, tmp_path):
    exported = export_bytes(rich, "--format", "json", "--what", "all")
    (tmp_path / "all.json").write_bytes(exported)
    other = other_db(tmp_path)
    other.ok("import", tmp_path / "all.json")
    assert export_bytes(other, "--format", "json", "--what", "all") == exported
    assert export_bytes(other) == export_bytes(rich)
    assert export_bytes(other, "--what", "checks") == export_bytes(rich, "--what", "checks")
    assert import_events(other) == [(1, 6, "case.import")]
    history = other.json("show", "3")["history"]
    assert [e["kind"] for e in history] == ["case.import"]
    assert "imported from all.json" in other.ok("show", "3").out


def test_ids_are_renumbered_when_taken_and_follows_still_links(rich, tmp_path):
    exported = export_bytes(rich, "--format", "json", "--what", "all")
    (tmp_path / "all.json").write_bytes(exported)
    other = other_db(tmp_path)
    other.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0")
    other.ok("import", tmp_path / "all.json")
    ids = {c["uuid"]: c["id"] for c in other.json("list")}
    retry = other.json("show", str(ids["00000000-0000-4000-8000-000000000005"]))
    assert retry["follows"] == ids["00000000-0000-4000-8000-000000000001"]
    assert sorted(ids.values()) == [1, 2, 3, 4, 5, 6, 7]
    assert import_events(other) == [(2, 7, "case.import")]
    confirmed = other.json("show", str(ids["00000000-0000-4000-8000-000000000002"]))
    assert [c["outcome"] for c in confirmed["checks"]] == ["pending", "confirmed"]


def test_known_uuids_are_skipped_and_counted(rich, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_bytes(export_bytes(rich))
    before = rich.dump()
    r = rich.ok("import", path)
    assert "0 cases added, 0 updated, 6 skipped (already present)" in r.out
    assert "--update" in r.out
    assert rich.dump() == before  # not even an empty history entry


def test_update_replaces_fields_and_records_them(rich, tmp_path):
    table = rows(export_bytes(rich))
    header = table[0]
    table[4][header.index("note")] = "called again, still open"
    table[4][header.index("status")] = "pending"
    table[4][header.index("last_check_at")] = "2026-03-04T08:00:00Z"
    table[4][header.index("next_check_on")] = ""
    path = write_csv(tmp_path / "edited.csv", table)
    r = rich.json("import", path, "--update")
    assert r == {"file": str(path), "format": "csv", "added": 0, "updated": 1, "skipped": 5,
                 "dry_run": False}
    shown = rich.json("show", "4")
    assert shown["note"] == "called again, still open"
    assert shown["status"] == "pending"
    assert shown["next_check_on"] is None
    assert [(c["outcome"], c["imported"]) for c in shown["checks"]] == [("pending", True)]
    fields = {e["field"] for e in shown["history"] if e["kind"] == "case.update"}
    assert fields == {"note", "status", "next_check_on"}
    assert rich.json("show", "3")["note"] == NOTES[3]  # other rows: identical, untouched


def test_update_cannot_send_a_case_back_to_requested(rich, tmp_path):
    table = rows(export_bytes(rich))
    table[2][table[0].index("status")] = "requested"
    before = rich.dump()
    r = rich.run("import", write_csv(tmp_path / "x.csv", table), "--update")
    assert_one_error_line(r)
    # Case 1's note holds a line break: case 2 starts on physical line 4.
    assert "line 4: column status: case 2 is confirmed" in r.err
    assert rich.dump() == before


def test_dry_run_leaves_the_database_file_byte_for_byte(rich, tmp_path):
    other = other_db(tmp_path)
    other.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0")
    path = tmp_path / "all.json"
    path.write_bytes(export_bytes(rich, "--format", "json", "--what", "all"))
    before = other.db.read_bytes()
    r = other.ok("import", path, "--dry-run")
    assert r.out.startswith(f"Dry run: {path} would add 6 cases, update 0 and skip 0")
    assert other.db.read_bytes() == before
    assert not other.db.with_name(other.db.name + "-wal").exists()
    csv_path = tmp_path / "cases.csv"
    csv_path.write_bytes(export_bytes(rich))
    assert rich.json("import", csv_path, "--dry-run", "--update")["dry_run"] is True
    assert other.db.read_bytes() == before


# --- Spreadsheet CSV -------------------------------------------------------------------------

def test_columns_by_name_in_any_order_with_bom_crlf_and_guards(cl, tmp_path):
    text = ("\ufeffNote,channel,requested_on,Number,operator,status,last_check_at\r\n"
            "'=1+1,store,2026-03-01,050 123 45 67,,confirmed,2026-03-02\r\n"
            '"two\r\nlines, ""quoted""",Online,2026-02-27,\'+994551234567,bakcell,,\r\n')
    path = tmp_path / "sheet.csv"
    path.write_bytes(text.encode())
    cl.ok("import", path)
    first, second = cl.json("show", "1"), cl.json("show", "2")
    assert first["note"] == "=1+1"
    assert first["number"] == "+994501234567" and first["number_raw"] == "050 123 45 67"
    assert first["operator"] == "Azercell" and first["operator_inferred"] is True
    assert first["status"] == "confirmed" and first["next_check_on"] is None
    assert [(c["outcome"], c["checked_at"]) for c in first["checks"]] == [
        ("confirmed", "2026-03-01T20:00:00Z")]  # the day's start in Baku
    assert second["note"] == 'two\nlines, "quoted"'
    assert second["operator"] == "Bakcell" and second["operator_inferred"] is False
    assert second["status"] == "requested" and second["next_check_on"] == "2026-03-02"
    assert second["created_at"] == "2026-03-04T10:00:00Z"
    assert second["checklist"][4] == {"item": "receipt-kept", "ticked_at": None}


def test_lf_line_ends_and_unknown_columns(cl, tmp_path):
    path = write_csv(tmp_path / "lf.csv", [HEADER + ["comment", ""], *[r + ["x", ""] for r in
                                                                     good_rows(3)]], "\n")
    r = cl.ok("import", path)
    assert "3 cases added" in r.out
    assert "cancelog: warning: " in r.err and "'comment'" in r.err


def test_status_past_requested_gets_one_imported_check_each(cl, tmp_path):
    statuses = ["requested", "pending", "action-needed", "no-answer", "confirmed", "rejected",
                "withdrawn"]
    table = [HEADER + ["status", "receipt"]]
    table += [r + [s, "R" if s == "pending" else ""] for r, s in zip(good_rows(7), statuses)]
    cl.ok("import", write_csv(tmp_path / "s.csv", table))
    got = cl.sql("SELECT c.status, k.outcome, k.imported FROM cases c "
                 "LEFT JOIN checks k ON k.case_id = c.id ORDER BY c.id")
    assert got == [("requested", None, None), ("pending", "pending", 1),
                   ("action-needed", "action-needed", 1), ("no-answer", "no-answer", 1),
                   ("confirmed", "confirmed", 1), ("rejected", "rejected", 1),
                   ("withdrawn", None, None)]
    assert cl.sql("SELECT case_id FROM checklist") == [(2,)]


def test_a_masked_export_cannot_be_imported(rich, tmp_path):
    path = tmp_path / "masked.csv"
    path.write_bytes(export_bytes(rich, "--mask"))
    other = other_db(tmp_path)
    r = other.run("import", path)
    assert_one_error_line(r)
    assert "line 2: column number: '+99450***4567'" in r.err


def test_a_checks_export_is_recognised(rich, tmp_path):
    path = tmp_path / "checks.csv"
    path.write_bytes(export_bytes(rich, "--what", "checks"))
    r = rich.run("import", path)
    assert_one_error_line(r)
    assert "line 1: this is a CSV of checks" in r.err
    path = tmp_path / "checks.json"
    path.write_bytes(export_bytes(rich, "--format", "json", "--what", "checks"))
    r = rich.run("import", path)
    assert_one_error_line(r)
    assert "this is a JSON of checks" in r.err


# --- Bad files: exit 2, the line, nothing written --------------------------------------------

def bad_file(kind):
    good = [HEADER, *good_rows(8)]
    if kind == "missing-column":
        return write_rows([[c for i, c in enumerate(r) if i != 2] for r in good])
    if kind == "bad-number-line-7":
        good[6][0] = "+99412"
        return write_rows(good)
    if kind == "bad-date-line-3":
        good[2][3] = "2026-02-30"
        return write_rows(good)
    if kind == "wrong-column-count":
        return write_rows(good).replace(b"row 3\r\n", b"row 3,extra\r\n")
    if kind == "unterminated-quote":
        return write_rows(good).replace(b",row 4\r\n", b',"row 4\r\n')
    if kind == "empty":
        return b""
    if kind == "blank":
        return b"\xef\xbb\xbf \r\n\r\n"
    if kind == "binary":
        return bytes(range(256)) * 8
    if kind == "png":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    if kind == "latin1":
        return write_rows(good).replace(b"row 5", "café".encode("latin-1"))
    if kind == "duplicate-uuid":
        u = "00000000-0000-4000-8000-000000000009"
        return write_rows([HEADER + ["uuid"], good[1] + [u], good[2] + [u]])
    if kind == "bad-json":
        return (b'[\n  {"number": "+994501234567", "operator": "Azercell", "channel": "store", '
                b'"requested_on": "2026-03-01"},\n  {"number": tru}\n]\n')
    if kind == "json-object":
        return b'{"number": "+994501234567"}\n'
    if kind == "json-bad-field":
        return (b'[\n {"number": "+994501234567", "operator": "Azercell", "channel": "store",\n'
                b'  "requested_on": "2026-03-01"},\n {"number": "+994501234567", '
                b'"operator": "Azercell",\n  "channel": "fax", "requested_on": "2026-03-01"}\n]')
    raise AssertionError(kind)


def write_rows(table):
    return "".join(",".join(r) + "\r\n" for r in table).encode()


BAD_FILES = [
    # (kind, words the error output must hold)
    ("missing-column", ("line 1: column channel: the header has no such column",
                        "line 1: the header cannot be used; nothing was imported")),
    ("bad-number-line-7", "line 7: column number: '+99412' is too short"),
    ("bad-date-line-3", "line 3: column requested_on: '2026-02-30' is not a date"),
    ("wrong-column-count", "line 5: the row has 6 fields but the header has 5"),
    ("unterminated-quote", "line 6: a quoted field is not closed"),
    ("empty", "line 1: the file is empty"),
    ("blank", "line 1: the file is empty"),
    ("binary", "line 1: the file holds a NUL byte: it is a binary file"),
    ("png", "line 1: the text is not valid UTF-8"),
    ("latin1", "line 7: the text is not valid UTF-8"),
    ("duplicate-uuid", "line 3: column uuid: the same uuid is on an earlier line"),
    ("bad-json", "line 3: the file is not valid JSON"),
    ("json-object", "line 1: the file is JSON but not a list of cases"),
    ("json-bad-field", "line 4: field channel: unknown value 'fax'"),
]


@pytest.mark.parametrize("kind,words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_the_line_and_change_nothing(seeded, tmp_path, kind, words):
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(bad_file(kind))
    before = seeded.dump()
    for extra in ([], ["--dry-run"], ["--update"]):
        r = seeded.run("import", path, *extra)
        assert_one_error_line(r, 2)
        assert len(r.err.splitlines()) <= 2, r  # one mistake, one line (and the summary)
        for phrase in (words if isinstance(words, tuple) else (words,)):
            assert phrase in r.err, r
        assert "nothing was imported" in r.err
        assert seeded.dump() == before


def test_every_bad_row_is_listed_up_to_50(seeded, tmp_path):
    table = [HEADER, *good_rows(70)]
    for row in table[1:61]:
        row[2] = "fax"
    before = seeded.dump()
    r = seeded.run("import", write_csv(tmp_path / "many.csv", table))
    assert_one_error_line(r)
    listed = [line for line in r.err.splitlines() if re.search(r": line \d+: column channel:", line)]
    assert len(listed) == 50
    assert listed[0].startswith(f"cancelog: {tmp_path / 'many.csv'}: line 2: column channel: ")
    assert "… and 10 more errors" in r.err
    assert r.err.splitlines()[-1].endswith("errors in 60 of 70 rows; nothing was imported; "
                                           "correct them and import the file again")
    assert seeded.dump() == before


def test_missing_or_unreadable_file(seeded, tmp_path):
    r = seeded.run("import", tmp_path / "nope.csv")
    assert_one_error_line(r)
    assert "cannot read" in r.err and "No such file" in r.err
    r = seeded.run("import", tmp_path)
    assert_one_error_line(r)
    assert "is a folder" in r.err

# --- Validation on a second thread ------------------------------------------------------------

def many_rows(n, bad_every=0):
    """n cases over several of the importer's batches, with ids, uuids, links and notes that
    span lines; with bad_every, every so many rows carry a mistake of another kind."""
    header = ["id", "uuid", "number", "operator", "channel", "requested_on", "status", "note",
              "follows"]
    table = [header]
    for i in range(1, n + 1):
        number = f"+99450{2000000 + i:07d}"
        row = [str(i), f"00000000-0000-4000-8000-{i:012d}", number, "Azercell",
               ["store", "online", "phone", "other"][i % 4], "2026-02-01",
               ["requested", "pending", "confirmed", "rejected"][i % 4],
               "line one\nline two" if i % 7 == 0 else f"note {i}, \"quoted\"",
               str(i - 1) if i % 10 == 0 else ""]
        if bad_every and i % bad_every == 0:
            kind = (i // bad_every) % 4
            if kind == 0:
                row[2] = "+99420" + row[2][6:]        # no such line
            elif kind == 1:
                row[0] = str(i - 1)                   # an id given twice
            elif kind == 2:
                row = row[:-1]                        # a field missing
            else:
                row[5] = "2027-01-01"                 # in the future
        table.append(row)
    return table


@pytest.mark.parametrize("bad_every", [0, 97])
def test_parallel_validation_gives_what_one_thread_gives(tmp_path, bad_every):
    path = write_csv(tmp_path / "many.csv", many_rows(2500, bad_every))
    serial = other_db(tmp_path, "serial")
    parallel = other_db(tmp_path, "parallel")
    one = serial.run("import", path, env={"CANCELOG_IMPORT_THREADS": "1"})
    two = parallel.run("import", path, env={"CANCELOG_IMPORT_THREADS": "2"})
    assert (one.code, one.out, one.err) == (two.code, two.out, two.err)
    assert one.code == (2 if bad_every else 0), one
    if bad_every:
        assert len(re.findall(r": line \d+: ", one.err)) > 10
        assert serial.dump() == parallel.dump()
    else:
        assert serial.sql("SELECT count(*) FROM cases") == [(2500,)]
        assert serial.dump() == parallel.dump()
        assert serial.sql("SELECT follows FROM cases WHERE id = 20") == [(19,)]
