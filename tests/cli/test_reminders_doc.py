"""docs/reminders.md: the systemd units and the crontab line work as written (with a stand-in
notify-send). The guide's reminder sections run in tests/cli/test_guide.py."""
import configparser
import os
import re
import shlex
import subprocess

import pytest

from conftest import BIN, SOURCE_DIR

SYSTEMD = SOURCE_DIR / "docs" / "systemd"
SERVICE = SYSTEMD / "cancelog-due.service"
TIMER = SYSTEMD / "cancelog-due.timer"


def unit(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def systemd_command(line):
    """What systemd runs for an ExecStart= line: $$ is a literal $ (no variables are set)."""
    assert "%" not in line  # no specifiers in the command
    return shlex.split(line.replace("$$", "$"))


@pytest.fixture
def desktop(cl, tmp_path):
    """A PATH with cancelog and a notify-send that records its arguments, one per line."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(BIN, bin_dir / "cancelog")
    calls = tmp_path / "notify-calls"
    fake = bin_dir / "notify-send"
    fake.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n---\\n" "$a"; done >> {calls}\n')
    fake.chmod(0o755)
    env = dict(cl.env, PATH=f"{bin_dir}:/usr/bin:/bin")
    return env, calls


def run_job(argv, env):
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)


def notifications(calls):
    if not calls.exists():
        return []
    return calls.read_text().split("\n---\n")[:-1]


def test_unit_files_have_the_keys_that_make_them_work():
    service = unit(SERVICE)
    assert service["Unit"]["Description"]
    assert service["Service"]["Type"] == "oneshot"
    command = service["Service"]["ExecStart"]
    assert "cancelog due --exit-code" in command and "notify-send" in command
    assert service["Service"]["Environment"].startswith("PATH=%h/.local/bin:")
    timer = unit(TIMER)
    assert timer["Timer"]["OnCalendar"] == "*-*-* 09:00:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    # The timer starts the service of the same name.
    assert "Unit" not in timer["Timer"] and SERVICE.stem == TIMER.stem


def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    # In system mode it needs no running systemd. It prints a line naming the file for every
    # unknown key, bad value or missing program, and fails for a unit it cannot load.
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", str(TIMER), str(SERVICE)],
                       capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r
    assert "cancelog-due" not in r.stdout + r.stderr, r


def test_the_service_notifies_only_when_something_is_due(cl, desktop):
    env, calls = desktop
    argv = systemd_command(unit(SERVICE)["Service"]["ExecStart"])
    assert argv[:2] == ["/bin/sh", "-c"]
    cl.at("2026-03-01T08:00:00Z").ok("add", "0501234567", "--channel", "store",
                                     "--receipt", "AZC-1")
    env["CANCELOG_NOW"] = "2026-03-02T05:00:00Z"  # 09:00 in Baku: nothing due yet
    r = run_job(argv, env)
    assert r.returncode == 0, r
    assert notifications(calls) == []
    env["CANCELOG_NOW"] = "2026-03-05T05:00:00Z"  # the check of the 4th is a day late
    r = run_job(argv, env)
    assert r.returncode == 0, r
    expected = cl.at("2026-03-05T05:00:00Z").ok("due").out.rstrip("\n")
    assert notifications(calls) == ["--app-name=cancelog", "Cancellation checks due", expected]
    assert "1 day overdue" in expected
    # cancelog failing fails the unit, with its error on standard error (the journal).
    calls.unlink()
    env["CANCELOG_NOW"] = "not a time"
    r = run_job(argv, env)
    assert r.returncode == 2 and "cancelog: error:" in r.stderr
    assert notifications(calls) == []


def test_the_crontab_line_notifies_only_when_something_is_due(cl, desktop):
    env, calls = desktop
    text = (SOURCE_DIR / "docs" / "reminders.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"```crontab\n(.*?)\n```", text, flags=re.S)
    fields = line.split(None, 5)
    assert fields[:5] == ["0", "9", "*", "*", "*"]
    job = ["/bin/sh", "-c", fields[5]]  # cron runs the rest of the line with sh
    cl.at("2026-03-01T08:00:00Z").ok("add", "0501234567", "--channel", "phone",
                                     "--receipt", "AZC-1")
    env["CANCELOG_NOW"] = "2026-03-01T05:00:00Z"
    assert run_job(job, env).returncode != 0  # `[ $? -eq 3 ]` was false: nothing sent
    assert notifications(calls) == []
    env["CANCELOG_NOW"] = "2026-03-02T05:00:00Z"
    assert run_job(job, env).returncode == 0
    due = cl.at("2026-03-02T05:00:00Z").ok("due").out.rstrip("\n")
    assert notifications(calls) == ["--app-name=cancelog", "Cancellation checks due", due]
