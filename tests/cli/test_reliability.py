"""Reliability: concurrent writers and a lock held too long."""
import os
import sqlite3
import subprocess
import threading
import time

from conftest import BIN, assert_one_error_line

WRITERS = 4
# The full load runs against the release build; the sanitizer build (ten times slower per
# process) runs the same race with fewer cases per writer.
CASES_PER_WRITER = 25 if os.environ.get("CANCELOG_SANITIZED") == "1" else 250


def test_four_writers_at_once_lose_nothing(cl):
    """4 processes each add 250 cases to a database that does not exist yet, while list
    runs in a loop beside them: all 1,000 cases arrive, no 'database is locked'."""
    script = r'''
import subprocess, sys
bin, writer, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(count):
    number = "+99450%03d%04d" % (writer, i)
    r = subprocess.run([bin, "add", number, "--channel", "store", "--receipt", "W%d-%d" % (writer, i)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        sys.exit(1)
'''
    env = dict(cl.env)
    writers = [
        subprocess.Popen(["/usr/bin/python3", "-c", script, BIN, str(w), str(CASES_PER_WRITER)],
                         env=env, stderr=subprocess.PIPE, text=True)
        for w in range(WRITERS)
    ]
    reader_failures = []
    reads = 0

    def read_loop():
        nonlocal reads
        while any(w.poll() is None for w in writers):
            r = cl.run("list", "--status", "open", "--limit", "5")
            reads += 1
            if r.code != 0:
                reader_failures.append(r)

    reader = threading.Thread(target=read_loop)
    reader.start()
    errors = [w.communicate()[1] for w in writers]
    reader.join()
    assert [w.returncode for w in writers] == [0] * WRITERS, errors
    assert reader_failures == []
    assert reads > 0
    cases = cl.json("list")
    assert len(cases) == WRITERS * CASES_PER_WRITER
    assert len({c["id"] for c in cases}) == WRITERS * CASES_PER_WRITER
    assert len({c["number"] for c in cases}) == WRITERS * CASES_PER_WRITER
    assert cl.sql("PRAGMA integrity_check") == [("ok",)]


def test_a_lock_held_longer_than_the_busy_timeout_fails_cleanly(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    before = cl.dump()
    holder = sqlite3.connect(cl.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        # Readers are not blocked by a writer (WAL).
        assert len(cl.json("list")) == 1
        started = time.monotonic()
        r = cl.run("add", "0551234567", "--channel", "store", "--receipt", "R2")
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_error_line(r, 1)
    assert "locked" in r.err and "nothing was written" in r.err
    assert waited >= 4.5  # it waited for the busy timeout (5 s) before giving up
    assert cl.dump() == before
    cl.ok("add", "0551234567", "--channel", "store", "--receipt", "R2")
