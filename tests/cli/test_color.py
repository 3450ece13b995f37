"""Colour only on a terminal, never with NO_COLOR; --color=auto|always|never. Bars in stats
only on a terminal. The terminal is a real pseudo-terminal."""
from conftest import run_on_terminal

ESC = "\x1b["


def run_on_pty(cl, *args, env=None):
    """What cancelog printed with its standard output on a pseudo-terminal."""
    return run_on_terminal(cl, *args, env=env)[0]


def seed(cl):
    cl.at("2026-02-20T09:00:00Z").ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    cl.at("2026-03-04T10:00:00Z")


def test_colour_on_a_terminal(cl):
    seed(cl)
    out = run_on_pty(cl, "list")
    assert ESC in out
    assert f"{ESC}31m2026-02-23{ESC}0m" in out  # the overdue next check in red


def test_no_colour_with_no_color_set(cl):
    seed(cl)
    assert ESC not in run_on_pty(cl, "list", env={"NO_COLOR": "1"})
    assert ESC not in run_on_pty(cl, "show", "1", env={"NO_COLOR": "1"})


def test_no_colour_in_a_pipe(cl):
    seed(cl)
    assert ESC not in cl.ok("list").out
    assert ESC not in cl.ok("show", "1").out


def test_color_flag_overrides(cl):
    seed(cl)
    assert ESC in cl.ok("list", "--color", "always").out
    assert ESC in cl.ok("--color=always", "show", "1").out
    assert ESC not in run_on_pty(cl, "list", "--color", "never")
    r = cl.run("list", "--color", "sometimes")
    assert r.code == 2


def test_stats_bars_only_on_a_terminal(cl):
    seed(cl)
    assert "█" in run_on_pty(cl, "stats")
    assert "█" not in cl.ok("stats").out
