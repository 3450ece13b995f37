"""Crash safety: an import of 100,000 rows killed with SIGKILL at a random moment leaves a
database that opens, passes `doctor`, and holds every imported row or none of them.

The release build only (the sanitizer build is ten times slower and proves nothing more
here). scripts/test runs 3 trials; scripts/stress (CANCELOG_STRESS=1) runs 50. The moment of
each kill is drawn from the running time of a complete import measured first, so that kills
land while rows are written, while the transaction commits and just after."""
import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BIN, Cancelog

ROWS = 100_000
TRIALS = 50 if os.environ.get("CANCELOG_STRESS") == "1" else 3
SEED_CASES = 2

pytestmark = pytest.mark.skipif(os.environ.get("CANCELOG_SANITIZED") == "1",
                                reason="release build only: the sanitizer build is too slow")


def write_rows(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("number,operator,channel,requested_on,receipt,note\r\n")
        for i in range(ROWS):
            f.write(f"+99450{i:07d},,store,2026-03-01,R-{i},row {i}\r\n")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """The CSV, a small database to import into, and the time a complete import takes."""
    work = tmp_path_factory.mktemp("crash")
    csv = work / "rows.csv"
    write_rows(csv)
    seed = cancelog_in(work / "seed")
    seed.ok("add", "0551234567", "--channel", "online", "--receipt", "SEED-1", "--note", "kept")
    seed.ok("add", "0701234567", "--operator", "Nar", "--channel", "store", "--receipt", "SEED-2")
    seed_cases = [seed.json("show", c["id"]) for c in seed.json("list")]
    assert len(seed_cases) == SEED_CASES

    full = cancelog_in(work / "full")
    shutil.copytree(seed.db.parent, full.db.parent)
    started = time.monotonic()
    full.ok("import", csv)
    duration = time.monotonic() - started
    assert count_cases(full) == SEED_CASES + ROWS
    return {"csv": csv, "seed": seed, "seed_cases": seed_cases, "duration": duration}


def cancelog_in(folder):
    folder.mkdir(parents=True)
    return Cancelog(folder)


def count_cases(cl):
    return cl.sql("SELECT count(*) FROM cases")[0][0]


def report(summary):
    build = os.environ.get("CANCELOG_BUILD_DIR")
    if build:
        out = Path(build) / "reliability"
        out.mkdir(parents=True, exist_ok=True)
        (out / "crash.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


def test_an_import_killed_at_any_moment_keeps_all_rows_or_none(setup, tmp_path):
    rng = random.Random(os.environ.get("CANCELOG_SEED"))
    outcomes = {"none": 0, "all": 0}
    for trial in range(TRIALS):
        cl = cancelog_in(tmp_path / f"trial-{trial}")
        shutil.copytree(setup["seed"].db.parent, cl.db.parent)
        # Kills spread over the whole import, its commit and a little after: trial i of N
        # draws from the i-th of N equal slices of that span, so that even 3 trials reach the
        # commit.
        slice_ = 1.1 / TRIALS
        delay = rng.uniform(trial * slice_, (trial + 1) * slice_) * setup["duration"]
        proc = subprocess.Popen([BIN, "import", str(setup["csv"])], env=cl.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()

        doctor = cl.run("doctor")
        assert doctor.code == 0, (trial, delay, doctor)
        count = count_cases(cl)
        assert count in (SEED_CASES, SEED_CASES + ROWS), (trial, delay, count)
        outcomes["all" if count > SEED_CASES else "none"] += 1
        # The cases that were there before are exactly as they were.
        for before in setup["seed_cases"]:
            assert cl.json("show", before["id"]) == before, trial
        # The database takes writes again.
        cl.ok("add", "0771234567", "--operator", "Nar", "--channel", "store", "--receipt", "A")
        shutil.rmtree(cl.home)

    report({"rows": ROWS, "trials": TRIALS, "import_seconds": round(setup["duration"], 2),
            "ended_with_all_rows": outcomes["all"], "ended_with_no_rows": outcomes["none"],
            "rows_lost": 0})
