"""A progress line on standard error for long imports, exports and doctor runs: only when
standard error is a terminal (a real pseudo-terminal here), erased at the end, never in a
pipe. The runs are real (a database of 65,536 cases, a CSV of 20,000 rows) but how long they
take depends on the machine, so the tests that want the line set CANCELOG_PROGRESS_DELAY=0
(as git's tests set GIT_PROGRESS_DELAY) instead of hoping a run outlasts the default 0.25 s."""
import sqlite3

import pytest

from conftest import Cancelog, run_on_terminal

CASES_DOUBLINGS = 16  # 2**16 = 65,536 cases: each run below takes seconds, not milliseconds
CSV_ROWS = 20000


NO_DELAY = {"CANCELOG_PROGRESS_DELAY": "0"}


def run_with_terminal_stderr(cl, *args, env=NO_DELAY):
    """Runs cancelog with standard error on a pseudo-terminal (standard output a pipe);
    returns (standard output, what the terminal showed)."""
    shown, out = run_on_terminal(cl, *args, terminal="stderr", env=env)
    return out, shown


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A database with many cases, made fast by doubling rows in SQL behind cancelog's back."""
    cl = Cancelog(tmp_path_factory.mktemp("big"))
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1", "--note", "n")
    columns = ("number, number_raw, operator_id, operator_inferred, card, channel, requested_on, "
               "receipt, status, next_check_on, note, created_at, updated_at")
    with sqlite3.connect(cl.db) as conn:
        for _ in range(CASES_DOUBLINGS):
            conn.execute(f"INSERT INTO cases (uuid, {columns}) "
                         f"SELECT lower(hex(randomblob(16))), {columns} FROM cases")
    conn.close()
    rows = ["number,operator,channel,requested_on,receipt"]
    rows += [f"+99455{2000000 + i},Bakcell,online,2026-02-{1 + i % 28:02d},REQ-{i}"
             for i in range(CSV_ROWS)]
    (cl.home / "many.csv").write_text("\r\n".join(rows) + "\r\n")
    return cl


def assert_progress_shown_and_erased(err, words):
    assert words in err, err
    assert "\r" in err
    # The last thing on the terminal erases the line: nothing of it stays.
    assert err.rstrip("\n").endswith("\r\x1b[K"), repr(err[-80:])


def test_export_shows_progress_on_a_terminal(big):
    out, err = run_with_terminal_stderr(big, "export", "--format", "json", "--what", "all",
                                        "-o", "all.json")
    assert_progress_shown_and_erased(err, "cancelog: exporting: ")
    assert out.startswith(f"Exported {2 ** CASES_DOUBLINGS} cases")


def test_doctor_shows_progress_on_a_terminal(big):
    out, err = run_with_terminal_stderr(big, "doctor")
    assert_progress_shown_and_erased(err, "cancelog: doctor: ")
    assert "problem:" not in out


def test_import_shows_progress_on_a_terminal(big):
    out, err = run_with_terminal_stderr(big, "--db", big.home / "import.db", "import", "many.csv")
    assert_progress_shown_and_erased(err, "cancelog: importing many.csv: ")
    assert f"{CSV_ROWS} cases added" in out


RUNS = [
    ["export", "--format", "json", "--what", "all", "-o", "delayed.json"],
    ["doctor"],
    ["--db", "delayed.db", "import", "many.csv"],
]


@pytest.mark.parametrize("args", RUNS)
def test_no_line_before_the_delay(big, args):
    # A run shorter than the delay stays quiet: an hour is longer than any of these runs.
    out, err = run_with_terminal_stderr(big, *args, env={"CANCELOG_PROGRESS_DELAY": "3600"})
    assert err == ""


def test_a_delay_with_a_fraction_is_accepted(big):
    # No warning for 900.5 seconds, and no line within them.
    out, err = run_with_terminal_stderr(big, "doctor", env={"CANCELOG_PROGRESS_DELAY": "900.5"})
    assert err == ""


@pytest.mark.parametrize("value", ["soon", "-1", "1s", "nan", "inf"])
def test_a_delay_that_is_not_seconds_is_a_warning(big, value):
    # The default delay then holds, and the run does its work.
    r = big.ok("doctor", env={"CANCELOG_PROGRESS_DELAY": value})
    assert r.err == (f"cancelog: warning: CANCELOG_PROGRESS_DELAY={value} is not a number of "
                     "seconds; the progress line waits the default 0.25 s\n")


@pytest.mark.parametrize("args", [
    ["export", "--format", "json", "--what", "all", "-o", "piped.json"],
    ["doctor"],
    ["--db", "piped.db", "import", "many.csv"],
])
def test_never_in_a_pipe(big, args):
    r = big.ok(*args)
    assert "\r" not in r.err and "\x1b" not in r.err
    assert r.err == ""

