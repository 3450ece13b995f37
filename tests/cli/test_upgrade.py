"""Upgrades: a database made by the first schema version (tests/fixtures/schema-v1.db, made by
tests/fixtures/make_schema_v1.py) opened by the current program keeps every record.

Opening the copy upgrades it to the latest schema version: the test checks user_version,
that the copy made before the upgrade sits beside it as <db>.v1.bak and holds exactly the v1
database, and that every record shows as it did under version 1."""
import json
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from types import SimpleNamespace

import pytest

from conftest import BIN, SOURCE_DIR, Result, assert_one_error_line

FIXTURES = SOURCE_DIR / "tests" / "fixtures"
sys.path.insert(0, str(FIXTURES))
from make_schema_v1 import collect  # noqa: E402


def latest_schema_version():
    return max(int(p.name[:4]) for p in (SOURCE_DIR / "schema").glob("[0-9][0-9][0-9][0-9]_*.sql"))


def user_version(db):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def sql_dump(db):
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.iterdump())


def assert_fields_kept(expected, actual, where="records"):
    """Every field the v1 program showed is there, with the same value; fields added by a
    later version are allowed."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}: field {key} is gone"
            assert_fields_kept(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_fields_kept(e, a, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: {expected!r} became {actual!r}"


def test_a_version_1_database_keeps_every_record(cl):
    fixture = FIXTURES / "schema-v1.db"
    assert user_version(fixture) == 1
    cl.db.parent.mkdir(parents=True)
    shutil.copy(fixture, cl.db)
    cl.db.chmod(0o600)  # git keeps 0644; the warning about it is another test's
    latest = latest_schema_version()
    assert latest > 1

    first = cl.ok("list")
    assert first.err == ""
    backup = cl.db.with_name(cl.db.name + ".v1.bak")
    assert user_version(cl.db) == latest
    assert backup.exists(), "no copy was written before the upgrade"
    assert user_version(backup) == 1
    assert sql_dump(backup) == sql_dump(fixture)
    assert (backup.stat().st_mode & 0o777) == 0o600

    def run(*args, **_):
        return SimpleNamespace(stdout=cl.ok(*args).out)

    actual = collect(run, cl.home)
    expected = json.loads((FIXTURES / "schema-v1.expected.json").read_text())
    assert_fields_kept(expected, actual)
    assert cl.ok("doctor").code == 0
    # And it takes writes: a check on the reopened case, undone again.
    cl.ok("check", "4", "--outcome", "confirmed")
    cl.ok("undo")


def test_an_upgrade_on_a_full_disk_leaves_the_v1_database_intact(cl):
    """The copy made before an upgrade cannot be written (a file size limit below the
    database's size): the upgrade does not start, the v1 file is as it was, no half copy is
    left, and the next run, with room, upgrades."""
    latest = latest_schema_version()
    assert latest > 1
    fixture = FIXTURES / "schema-v1.db"
    cl.db.parent.mkdir(parents=True)
    shutil.copy(fixture, cl.db)
    cl.db.chmod(0o600)
    original = cl.db.read_bytes()

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = subprocess.run([BIN, "list"], env=cl.env, cwd=cl.home, capture_output=True,
                          text=True, preexec_fn=limit)
    r = Result(proc)
    assert_one_error_line(r, 1)
    assert "free some space" in r.err, r
    assert cl.db.read_bytes() == original
    left = {p.name for p in cl.db.parent.iterdir()} - {"cancelog.db-wal", "cancelog.db-shm"}
    assert left == {"cancelog.db"}  # no backup, no half copy
    cl.ok("list")
    assert user_version(cl.db) == latest
    assert user_version(cl.db.with_name(cl.db.name + ".v1.bak")) == 1


def start_at_once(cl, args_list):
    """Starts every command before waiting for any, and returns their results."""
    procs = [subprocess.Popen([BIN, *args], env=cl.env, cwd=cl.home, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for args in args_list]
    results = []
    for p in procs:
        out, err = p.communicate()
        results.append(Result(SimpleNamespace(returncode=p.returncode, stdout=out, stderr=err)))
    return results


def test_processes_opening_an_old_database_at_once_upgrade_it_once(cl):
    """Six commands open a version 1 database together: one copies and upgrades it under the
    write lock, the others wait and find it upgraded. All succeed, and there is one copy."""
    cl.db.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema-v1.db", cl.db)
    cl.db.chmod(0o600)
    results = start_at_once(cl, [["list"], ["due"], ["list", "--json"], ["stats"],
                                 ["show", "1"], ["add", "+994501112233", "--channel", "store", "--receipt", "R1"]])
    for r in results:
        assert r.code == 0 and r.err == "", r
    assert user_version(cl.db) == latest_schema_version()
    backups = sorted(p.name for p in cl.db.parent.iterdir() if ".bak" in p.name)
    assert backups == ["cancelog.db.v1.bak"]
    assert sql_dump(cl.db.with_name("cancelog.db.v1.bak")) == sql_dump(FIXTURES / "schema-v1.db")


def test_processes_creating_a_database_at_once_all_succeed(cl, tmp_path):
    """Commands that create the same new database together: the schema appears whole, at the
    latest version, and no command sees half of it (once an 'upgrade' of a half-made file)."""
    for n in range(8):
        db = tmp_path / f"new{n}" / "cancelog.db"
        results = start_at_once(cl, [["--db", str(db), "add", f"+9945011{n}{w:04d}",
                                      "--channel", "online", "--receipt", f"R{w}"]
                                     for w in range(4)])
        for r in results:
            assert r.code == 0 and r.err == "", r
        assert user_version(db) == latest_schema_version()
        assert not [p.name for p in db.parent.iterdir() if ".bak" in p.name]
