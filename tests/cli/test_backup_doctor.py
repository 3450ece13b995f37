"""cancelog backup and doctor."""
import os
import re
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from conftest import BIN, SCHEMA_VERSION, SOURCE_DIR, assert_one_error_line
from evidence_files import make_jpeg, make_pdf, make_png


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def filled(cl, tmp_path):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-1")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "BK-2")
    png = tmp_path / "receipt.png"
    png.write_bytes(make_png())
    cl.ok("receipt", "add", "2", png)
    return cl


def lines_of(result):
    return result.out.splitlines()


# --- backup ---

def test_backup_is_a_private_complete_copy(filled, tmp_path):
    target = tmp_path / "backups" / "copy.db"
    target.parent.mkdir()
    r = filled.ok("backup", target)
    assert r.out.startswith("Backed up ") and str(target) in r.out
    assert mode(target) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]  # no temp files
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM cases").fetchone() == (2,)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()
    assert [c["id"] for c in filled.json("--db", target, "list")] == [2, 1]
    assert filled.ok("--db", target, "receipt", "verify").out.startswith("ok: 1 receipt file, ")
    assert filled.run("--db", target, "doctor").code == 0


def test_backup_private_under_a_permissive_umask(filled, tmp_path):
    target = tmp_path / "open-umask.db"
    r = subprocess.run(["sh", "-c", 'umask 000; exec "$@"', "sh", BIN, "backup", str(target)],
                       env=filled.env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert mode(target) == 0o600


def test_backup_refuses_to_overwrite_unless_forced(filled, tmp_path):
    target = tmp_path / "copy.db"
    target.write_bytes(b"precious")
    r = filled.run("backup", target)
    assert_one_error_line(r, 2)
    assert "--force" in r.err
    assert target.read_bytes() == b"precious"
    filled.ok("backup", target, "--force")
    assert filled.run("--db", target, "doctor").code == 0


@pytest.mark.parametrize("spelling", ["same", "relative", "link", "wal"])
def test_backup_never_overwrites_the_live_database(filled, tmp_path, spelling):
    live = filled.db
    target = {
        "same": live,
        "relative": os.path.relpath(live, tmp_path),
        "link": tmp_path / "hardlink.db",
        "wal": f"{live}-wal",
    }[spelling]
    if spelling == "link":
        os.link(live, target)
    before = filled.dump()
    r = filled.run("backup", target, "--force")
    assert_one_error_line(r, 2)
    assert "the database itself" in r.err
    assert filled.dump() == before
    assert filled.run("doctor").code == 0


def test_backup_path_mistakes_are_bad_input(filled, tmp_path):
    r = filled.run("backup", tmp_path)
    assert_one_error_line(r, 2)
    assert "is a folder" in r.err
    r = filled.run("backup", tmp_path / "missing" / "copy.db")
    assert_one_error_line(r, 2)
    assert "does not exist" in r.err
    assert not (tmp_path / "missing").exists()
    assert_one_error_line(filled.run("backup"), 2)  # the path is required


def test_failed_backup_leaves_nothing(filled):
    r = filled.run("backup", "/proc/cancelog-backup.db")
    assert_one_error_line(r, 1)


WRITER = r"""
import os, subprocess, sys
bin, stop = sys.argv[1], sys.argv[2]
added = 0
while not os.path.exists(stop) and added < 2000:
    r = subprocess.run([bin, "add", "+99450%07d" % (1000000 + added), "--channel", "store",
                        "--receipt", "R-%d" % added], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("add failed: " + r.stderr)
    added += 1
print(added)
"""


def test_backup_while_another_process_adds_cases(filled, tmp_path):
    # A bigger database (about 2 MiB) takes several backup steps.
    bulk = tmp_path / "scan.bin"
    bulk.write_bytes(os.urandom(2 * 1024 * 1024))
    filled.ok("receipt", "add", "1", bulk)
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, BIN, str(stop)], env=filled.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    copies = []
    try:
        deadline = time.time() + 60
        while filled.sql("SELECT count(*) FROM cases")[0][0] < 5 and time.time() < deadline:
            time.sleep(0.05)
        for n in range(3):
            copy = tmp_path / f"copy-{n}.db"
            filled.ok("backup", copy)
            copies.append(copy)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    added = int(out)
    total = filled.sql("SELECT count(*) FROM cases")[0][0]
    assert total == 2 + added
    counts = []
    for copy in copies:
        assert mode(copy) == 0o600
        r = filled.run("--db", copy, "doctor")
        assert r.code == 0, r
        counts.append(len(filled.json("--db", copy, "list")))
    assert all(2 <= c <= total for c in counts)
    assert counts == sorted(counts)
    assert counts[-1] > 2  # copies were taken while the writer was adding


# --- doctor ---

def test_doctor_all_well(filled):
    r = filled.ok("doctor")
    lines = lines_of(r)
    assert all(line.startswith("ok: ") for line in lines), r
    checks = [line.split(":")[1].strip() for line in lines]
    for check in ("permissions", "schema", "journal", "integrity", "foreign-keys", "receipts"):
        assert check in checks
    assert "ok: receipts: 1 receipt file, as it was added (SHA-256)" in lines
    j = filled.json("doctor")
    assert j["ok"] is True and j["database"] == str(filled.db)
    assert {f["check"] for f in j["findings"]} >= {"integrity", "foreign-keys", "receipts"}
    assert all(set(f) == {"check", "ok", "message"} for f in j["findings"])


def test_doctor_reports_an_altered_receipt(filled):
    subprocess.run(["sqlite3", filled.db,
                    "UPDATE receipt_files SET content = X'89504e470d0a1a0a' WHERE id = 1"],
                   check=True)
    r = filled.run("doctor")
    assert_one_error_line(r, 1)
    problems = [l for l in lines_of(r) if l.startswith("problem: ")]
    assert len(problems) == 1
    assert problems[0].startswith("problem: receipts: case 2, file 'receipt.png':")
    j = filled.run("--json", "doctor", expect=1).json()
    assert j["ok"] is False
    assert [f["check"] for f in j["findings"] if not f["ok"]] == ["receipts"]


def test_doctor_reports_a_broken_reference(filled):
    # The sqlite3 shell does not enforce foreign keys unless asked.
    subprocess.run(["sqlite3", filled.db,
                    "INSERT INTO checks (case_id, checked_at, method, outcome, created_at) "
                    "VALUES (99, '2026-03-04T09:00:00Z', 'phone', 'pending', "
                    "'2026-03-04T09:00:00Z')"], check=True)
    r = filled.run("doctor")
    assert_one_error_line(r, 1)
    assert "problem: foreign-keys: row 1 of checks refers to a missing row of cases" in r.out


def test_doctor_reports_loose_permissions_once_then_they_are_fixed(filled):
    os.chmod(filled.db, 0o644)
    r = filled.run("doctor")
    assert_one_error_line(r, 1)
    assert f"problem: permissions: {filled.db} was 0644" in r.out
    assert mode(filled.db) == 0o600
    assert filled.run("doctor").code == 0


def test_doctor_checks_its_own_folder(cl, tmp_path):
    env = {"CANCELOG_DB": None, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    cl.run("list", env=env, expect=0)
    folder = tmp_path / "xdg" / "cancelog"
    r = cl.run("doctor", env=env, expect=0)
    assert f"ok: permissions: the folder {folder} is 0700" in r.out
    os.chmod(folder, 0o755)
    r = cl.run("doctor", env=env)
    assert_one_error_line(r, 1)
    assert f"problem: permissions: the folder {folder} was 0755" in r.out


def test_doctor_reports_a_damaged_file(filled):
    for n in range(40):
        filled.ok("add", f"+99450{2000000 + n}", "--channel", "store", "--receipt", f"R{n}")
    page = filled.sql("SELECT rootpage FROM sqlite_master WHERE name = 'cases_status'")[0][0]
    size = filled.sql("PRAGMA page_size")[0][0]
    with open(filled.db, "r+b") as f:  # scribble over the index's cell pointers
        f.seek(size * (page - 1) + 8)
        f.write(b"\xa5" * 200)
    r = filled.run("doctor")
    assert_one_error_line(r, 1)
    problems = [l for l in lines_of(r) if l.startswith("problem: integrity: ")]
    assert problems[0].startswith(f"problem: integrity: On tree page {page} cell ")
    assert len(problems) == 21  # 20 listed, then a count
    assert re.fullmatch(r"problem: integrity: and \d+ more problems", problems[-1])
    assert "ok: receipts: 1 receipt file, " in r.out  # the other checks still ran


def test_doctor_on_a_file_that_is_no_database(cl):
    cl.db.parent.mkdir(parents=True)
    cl.db.write_bytes(b"this is not a database, just text " * 200)
    r = cl.run("doctor")
    assert_one_error_line(r, 1)
    assert "problem: open:" in r.out and "not a usable cancelog database" in r.out


def test_doctor_without_a_database_creates_none(cl):
    r = cl.run("doctor")
    assert_one_error_line(r, 2)
    assert "no database" in r.err
    assert not cl.db.exists()
