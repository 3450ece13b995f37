"""Shared fixtures for the CLI tests: they run the built binary as a user would.

Every test gets its own database in a temporary folder, a fixed clock (CANCELOG_NOW) and a
fixed time zone, so that no test depends on today's date or on the machine.
"""
import json
import os
import pty
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

BIN = os.environ.get("CANCELOG_BIN")
SOURCE_DIR = Path(os.environ.get("CANCELOG_SOURCE_DIR", Path(__file__).resolve().parents[2]))

# The schema version this program writes: one schema/NNNN_*.sql file per version.
SCHEMA_VERSION = len(list((SOURCE_DIR / "schema").glob("[0-9][0-9][0-9][0-9]_*.sql")))

# The day most tests live in: a Wednesday, 14:00 in Baku.
DEFAULT_NOW = "2026-03-04T10:00:00Z"
DEFAULT_TZ = "Asia/Baku"


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        # Binary runs (bytes input) keep the raw bytes too; out/err are always text.
        self.raw_out = proc.stdout
        decode = lambda b: b.decode("utf-8", "replace") if isinstance(b, bytes) else b
        self.out = decode(proc.stdout)
        self.err = decode(proc.stderr)

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return f"<exit {self.code}\nstdout: {self.out}\nstderr: {self.err}>"


class Cancelog:
    """Runs the cancelog binary against one private database."""

    def __init__(self, tmp_path):
        self.home = tmp_path
        self.db = tmp_path / "data" / "cancelog.db"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "TZ": DEFAULT_TZ,
            "CANCELOG_DB": str(self.db),
            "CANCELOG_NOW": DEFAULT_NOW,
        }

    def run(self, *args, env=None, input=None, expect=None, cwd=None):
        """Runs `cancelog ARGS`; `expect` checks the exit code when given."""
        full_env = dict(self.env)
        for key, value in (env or {}).items():
            if value is None:
                full_env.pop(key, None)
            else:
                full_env[key] = value
        proc = subprocess.run(
            [BIN, *[a if isinstance(a, bytes) else str(a) for a in args]],
            env=full_env,
            input=input,
            capture_output=True,
            text=not isinstance(input, bytes),
            cwd=cwd or self.home,
            timeout=120,
        )
        result = Result(proc)
        if expect is not None:
            assert result.code == expect, result
        return result

    def ok(self, *args, **kwargs):
        """Runs a command that must succeed."""
        return self.run(*args, expect=0, **kwargs)

    def json(self, *args, **kwargs):
        """Runs a command with --json that must succeed, and parses its output."""
        return self.ok(*args, "--json", **kwargs).json()

    def at(self, instant):
        """Moves the clock."""
        self.env["CANCELOG_NOW"] = instant
        return self

    def dump(self):
        """The whole database as SQL text, to prove that a failed command changed nothing."""
        if not self.db.exists():
            return ""
        with sqlite3.connect(self.db) as conn:
            return "\n".join(conn.iterdump())

    def sql(self, query, *params):
        """Runs a query on the database directly (for checks behind cancelog's back)."""
        with sqlite3.connect(self.db) as conn:
            return conn.execute(query, params).fetchall()


@pytest.fixture
def cl(tmp_path):
    assert BIN and Path(BIN).exists(), "set CANCELOG_BIN to the built binary (ctest does)"
    return Cancelog(tmp_path)


def run_on_terminal(cl, *args, terminal="stdout", env=None):
    """Runs cancelog with one stream (`terminal`: stdout or stderr) on a real pseudo-terminal
    and the other on a pipe; the run must succeed. Returns (what the terminal showed, what the
    pipe got), both as text."""
    full = dict(cl.env)
    full.update(env or {})
    leader, follower = pty.openpty()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, terminal: follower}
    proc = subprocess.Popen([BIN, *map(str, args)], env=full, cwd=cl.home, **streams)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO once the process closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    piped = (proc.stderr if terminal == "stdout" else proc.stdout).read()
    shown = b"".join(chunks)
    assert proc.wait() == 0, (shown, piped)
    return shown.decode(), piped.decode()


def assert_one_error_line(result, code=2):
    """The contract for failures: the exit code and one line 'cancelog: error: ...'."""
    assert result.code == code, result
    lines = result.err.splitlines()
    errors = [line for line in lines if line.startswith("cancelog: error: ")]
    assert len(errors) == 1, result
    assert lines[-1] == errors[0], result
    assert not any(l for l in lines if not l.startswith("cancelog: ")), result
