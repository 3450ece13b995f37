"""Bad input is refused: exit 2 (or 1 for a file the program cannot use), one line on stderr,
and the database exactly as it was."""
import os

import pytest

from conftest import SCHEMA_VERSION, assert_one_error_line

GOOD = ["--channel", "store", "--receipt", "R-1"]

BAD_INPUTS = [
    # (id, arguments, exit code, words the message must contain)
    ("too-short", ["add", "12", *GOOD], 2, "too short"),
    ("too-long", ["add", "+9945012345678901", *GOOD], 2, "too long"),
    ("letters", ["add", "050-ABC-45-67", *GOOD], 2, "digits"),
    ("not-a-number", ["add", "hello", *GOOD], 2, "not a phone number"),
    ("empty-number", ["add", "", *GOOD], 2, "empty"),
    ("blank-number", ["add", "   ", *GOOD], 2, "empty"),
    ("bad-country-code", ["add", "+999123456789", *GOOD], 2, "country code"),
    ("invalid-prefix", ["add", "+994201234567", *GOOD], 2, "not a valid number"),
    ("unknown-operator", ["add", "0501234567", "--operator", "Vodafone", *GOOD], 2,
     "Azercell, Bakcell, Nar"),
    ("unknown-channel", ["add", "0501234567", "--channel", "shop"], 2, "store, online, phone"),
    ("unknown-card", ["add", "0501234567", "--card", "gold", *GOOD], 2, "prepaid, postpaid"),
    ("future-date", ["add", "0501234567", "--on", "tomorrow", *GOOD], 2, "future"),
    ("future-offset", ["add", "0501234567", "--on", "+3d", *GOOD], 2, "future"),
    ("impossible-date", ["add", "0501234567", "--on", "2026-02-30", *GOOD], 2, "no such day"),
    ("garbage-date", ["add", "0501234567", "--on", "last week", *GOOD], 2, "not a date"),
    ("bad-offset", ["add", "0501234567", "--on", "-3x", *GOOD], 2, "offset"),
    ("unknown-flag", ["add", "0501234567", "--colour", "red", *GOOD], 2, "--help"),
    ("missing-channel", ["add", "0501234567"], 2, "--channel"),
    ("missing-number", ["add", "--channel", "store"], 2, "number"),
    ("unknown-command", ["frobnicate"], 2, "--help"),
    ("no-command", [], 2, "--help"),
    ("unknown-case", ["show", "99"], 2, "no case 99"),
    ("bad-case-id", ["show", "abc"], 2, "not a case id"),
    ("zero-case-id", ["show", "0"], 2, "not a case id"),
    ("control-chars-note", ["add", "0501234567", "--note", "a\x1b[31mred", *GOOD], 2,
     "control characters"),
    ("newline-in-receipt", ["add", "0501234567", "--channel", "store", "--receipt", "A\nB"], 2,
     "one line"),
    ("huge-note", ["add", "0501234567", "--note", "x" * 20000, *GOOD], 2, "too long"),
    ("unknown-status-filter", ["list", "--status", "done"], 2, "open, closed"),
    ("since-after-until", ["list", "--since", "2026-03-02", "--until", "2026-03-01"], 2,
     "--since"),
    ("bad-limit", ["list", "--limit", "-1"], 2, "--limit"),
    ("unknown-setting", ["config", "set", "colour", "red"], 2, "default-region"),
    ("bad-duration", ["config", "set", "remind.first.online", "banana"], 2, "length of time"),
    ("negative-duration", ["config", "set", "remind.first.online", "-3d"], 2, "length of time"),
    ("bad-region", ["config", "set", "default-region", "XX"], 2, "region"),
    ("duplicate-operator", ["operator", "add", "azercell"], 2, "exists already"),
    ("bad-operator-country", ["operator", "add", "Foo", "--country", "Q1"], 2, "country"),
    ("bad-prefix", ["operator", "add", "Foo", "--prefix", "99450"], 2, "prefix"),
    ("taken-prefix", ["operator", "add", "Foo", "--prefix", "+99450"], 2, "Azercell"),
    ("edit-unknown-operator", ["operator", "edit", "Foo", "--hotline", "1"], 2,
     "unknown operator"),
    ("bad-now", ["list"], 2, "CANCELOG_NOW"),
    ("bad-tz", ["list"], 2, "time zone"),
    # `add` reads today's date through the C library when TZ names a zone file; any other
    # TZ still goes to the date library, and to this error.
    ("bad-tz-add", ["add", "+994501112233", "--channel", "store", "--receipt", "R"], 2,
     "time zone"),
    ("unwritable-db", ["--db", "/proc/cancelog/x.db", "list"], 1, "cannot create"),
    ("db-under-a-file", ["--db", "/etc/hostname/x.db", "list"], 1, "cannot create"),
]

SPECIAL_ENV = {
    "bad-now": {"CANCELOG_NOW": "yesterday-ish"},
    "bad-tz": {"TZ": "Mars/Olympus"},
    "bad-tz-add": {"TZ": "Mars/Olympus"},
}


@pytest.mark.parametrize("name,args,code,words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_and_changes_nothing(cl, name, args, code, words):
    # A database with something in it, so that "unchanged" means something.
    cl.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0", "--note", "seed")
    before = cl.dump()
    result = cl.run(*args, env=SPECIAL_ENV.get(name))
    assert_one_error_line(result, code)
    assert words in result.err, result
    assert cl.dump() == before


def test_invalid_utf8_note_is_refused(cl):
    cl.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0")
    before = cl.dump()
    result = cl.run(b"add", b"0501234567", b"--channel", b"store", b"--note", b"caf\xe9",
                    input=b"")
    assert_one_error_line(result)
    assert "UTF-8" in result.err
    assert cl.dump() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(cl, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a text file, not SQLite\n" * 100)
    before = junk.read_bytes()
    result = cl.run("--db", junk, "list")
    assert_one_error_line(result, 1)
    assert "not a usable cancelog database" in result.err
    assert junk.read_bytes() == before


def test_a_database_from_a_newer_cancelog_names_both_versions(cl):
    cl.ok("list")
    cl.sql("PRAGMA user_version = 99")
    before = cl.dump()
    result = cl.run("list")
    assert_one_error_line(result, 1)
    assert "schema version 99" in result.err and f"up to {SCHEMA_VERSION};" in result.err
    assert cl.dump() == before
