"""Hostile input, beyond test_bad_input.py: very long values, control characters, invalid
UTF-8 wherever text goes in, digits of other scripts, SQL-looking text, path tricks for every
file cancelog writes, hostile import and receipt files, and database files that are not what
they should be. Each case: the documented exit code, one line on stderr that says what to
do, and the records exactly as they were (`cl.dump()`, or the file's bytes).

Decisions this file pins down (docs/guide.md, "Hostile input"):
- Phone numbers written in other digits (Arabic-Indic ٠١٢, Persian ۰۱۲, full-width ０１２) are
  read as the digits they are and stored as E.164 in ASCII (libphonenumber); the number as
  typed stays in number_raw. Everything else that is a number — case ids, dates, lengths of
  time, --limit, instants — takes ASCII digits only and refuses the rest.
- An empty file given as the database becomes a new database, as with sqlite3.
- A file that is a device, a pipe or a socket is never a database, and never replaced by an
  output: a character device or a pipe given to -o is written in place (/dev/stdout, a named
  pipe); a backup goes to a regular file only.
"""
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import threading
from contextlib import closing
from pathlib import Path

import pytest

from conftest import BIN, Cancelog, Result, assert_one_error_line

MIB = 1024 * 1024
GOOD = ["--channel", "store", "--receipt", "R-9"]
NUMBER = "0501112233"
SQL = "'); DROP TABLE cases;--"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A database with a case (id 1, a check, a receipt file `r.txt`) and a second case."""
    home = tmp_path_factory.mktemp("template")
    cl = Cancelog(home)
    cl.ok("add", "0559876543", "--channel", "online", "--receipt", "R-0", "--note", "seed")
    cl.ok("check", "1", "--outcome", "pending", "--ref", "T-1")
    receipt = home / "r.txt"
    receipt.write_text("the store's receipt\n")
    cl.ok("receipt", "add", "1", receipt)
    cl.ok("add", "0701234567", "--operator", "Nar", "--channel", "store", "--receipt", "R-1")
    return cl.db.parent


@pytest.fixture
def hl(cl, template):
    shutil.copytree(template, cl.db.parent)
    return cl


def refused(cl, args, code, words, env=None):
    before = cl.dump()
    r = cl.run(*args, env=env)
    assert_one_error_line(r, code)
    for word in words if isinstance(words, tuple) else (words,):
        assert word in r.err, r
    assert cl.dump() == before
    return r


# --- Values on the command line that are refused (exit 2) ------------------------------------

# Linux passes no single argument longer than 128 KiB (MAX_ARG_STRLEN): the longest one is
# tried on the command line, and 1 MiB values go in through import files.
LONG = "x" * (128 * 1024 - 1)
REFUSED = [
    # (id, arguments, words the message must contain)
    ("long-note", ["add", NUMBER, *GOOD, "--note", LONG], "too long"),
    ("long-receipt", ["add", NUMBER, "--channel", "store", "--receipt", LONG], "too long"),
    ("long-number", ["add", "5" * len(LONG), *GOOD], "too long"),
    ("long-operator-name", ["operator", "add", LONG], "too long"),
    ("long-check-ref", ["check", "1", "--outcome", "pending", "--ref", LONG], "too long"),
    ("long-check-note", ["check", "1", "--outcome", "pending", "--note", LONG], "too long"),
    ("long-edit-note", ["edit", "1", "--note", LONG], "too long"),
    ("long-config-value", ["config", "set", "default-region", LONG], "region"),
    ("bel-in-note", ["add", NUMBER, *GOOD, "--note", "ring\x07"], "control characters"),
    ("del-in-note", ["add", NUMBER, *GOOD, "--note", "a\x7fb"], "control characters"),
    ("escape-in-edit-note", ["edit", "1", "--note", "\x1b[2Jcleared"], "control characters"),
    ("cr-in-receipt", ["add", NUMBER, "--channel", "store", "--receipt", "A\rB"],
     "control characters"),
    ("osc-in-operator-name", ["operator", "add", "Evil\x1b]0;title\x07"], "control characters"),
    ("vt-in-check-ref", ["check", "1", "--outcome", "pending", "--ref", "a\x0bb"],
     "control characters"),
    ("backspace-in-withdraw-note", ["withdraw", "1", "--note", "ok\x08\x08no"],
     "control characters"),
    ("escape-in-hotline", ["operator", "edit", "Nar", "--hotline", "\x1b[5m*1"],
     "control characters"),
    ("invalid-utf8-note", [b"add", NUMBER.encode(), *[a.encode() for a in GOOD], b"--note",
                           b"caf\xe9"], "UTF-8"),
    ("invalid-utf8-receipt", [b"add", NUMBER.encode(), b"--channel", b"store", b"--receipt",
                              b"R\xc3"], "UTF-8"),
    ("invalid-utf8-operator-name", [b"operator", b"add", b"Op\xe9rateur"], "UTF-8"),
    ("invalid-utf8-check-ref", [b"check", b"1", b"--outcome", b"pending", b"--ref", b"\xff"],
     "UTF-8"),
    ("invalid-utf8-check-note", [b"check", b"1", b"--outcome", b"pending", b"--note",
                                 b"\xfe\xff"], "UTF-8"),
    ("invalid-utf8-edit-receipt", [b"edit", b"1", b"--receipt", b"\x80abc"], "UTF-8"),
    ("overlong-slash", [b"edit", b"1", b"--note", b"a\xc0\xafb"], "UTF-8"),
    ("utf16-surrogate", [b"edit", b"1", b"--note", b"\xed\xa0\x80"], "UTF-8"),
    ("invalid-utf8-number", [b"add", b"050\xff1112233", *[a.encode() for a in GOOD]],
     "UTF-8"),
    ("invalid-utf8-operator", [b"add", NUMBER.encode(), b"--operator", b"Azer\xe7ell",
                               *[a.encode() for a in GOOD]], "unknown operator"),
    ("invalid-utf8-setting-key", [b"config", b"set", b"remind\xff", b"3d"], "unknown setting"),
    ("invalid-utf8-checklist-item", [b"tick", b"1", b"no-arrears\xff"], "unknown checklist item"),
    ("arabic-indic-case-id", ["show", "\u0661"], "not a case id"),
    ("full-width-case-id", ["show", "\uff12"], "not a case id"),
    ("full-width-limit", ["list", "--limit", "\uff15"], "--limit"),
    ("full-width-date", ["add", NUMBER, *GOOD, "--on", "２０２６-０３-０１"], "not a date"),
    ("full-width-duration", ["config", "set", "remind.first.online", "３d"], "length of time"),
    ("arabic-indic-instant", ["check", "1", "--outcome", "pending", "--at",
                              "٢٠٢٦-٠٣-٠٣ 10:00"], "--at"),
    ("superscript-number", ["add", "⁰⁵⁰¹¹¹²²³³", *GOOD], "not a phone number"),
    ("sql-operator-filter", ["list", "--operator", "' OR ''='"], "unknown operator"),
    ("sql-checklist-item", ["tick", "1", "no-arrears'; DELETE FROM checklist;--"],
     "unknown checklist item"),
    ("long-search", ["list", "--search", LONG], "too long"),
    ("sql-case-id", ["show", "1 OR 1=1"], "not a case id"),
    ("huge-case-id", ["show", "99999999999999999999999"], "not a case id"),
    ("sql-setting-key", ["config", "set", "x'; DROP TABLE settings;--", "1"], "unknown setting"),
]


@pytest.mark.parametrize("name,args,words", REFUSED, ids=[c[0] for c in REFUSED])
def test_hostile_arguments_are_refused(hl, name, args, words):
    refused(hl, args, 2, words)


# --- Values that are accepted: normalized, or kept byte for byte -----------------------------

def added_case(cl, *args):
    cl.ok("add", *args)
    return cl.json("show", cl.json("list", "--limit", "1")[0]["id"])


@pytest.mark.parametrize("typed,e164", [
    ("٠٥٥١٢٣٤٥٦٧", "+994551234567"),  # Arabic-Indic
    ("۰۵۱۱۲۳۴۵۶۷", "+994511234567"),  # Extended Arabic-Indic (Persian)
    ("０７７１２３４５６７", "+994771234567"),  # full-width
    ("+٩٩٤ ٥٠ ١١١ ٢٢ ٣٣", "+994501112233"),
], ids=["arabic-indic", "persian", "full-width", "arabic-indic-international"])
def test_numbers_in_other_digits_are_stored_in_ascii(hl, typed, e164):
    c = added_case(hl, typed, *GOOD)
    assert c["number"] == e164
    assert c["number_raw"] == typed
    assert [x["id"] for x in hl.json("list", "--number", e164)] == [c["id"]]


KEPT_TEXT = [
    ("sql-note", "--note", SQL),
    ("sql-receipt", "--receipt", "R'; DELETE FROM events WHERE 1=1;--"),
    ("quotes-and-backslashes", "--note", "\"\\' \\\" \\\\ %s %n {} {0}"),
    ("like-wildcards", "--note", "100% _sure_ [a-z]*"),
    ("bidi-and-zero-width", "--note", "\u202egnp.exe\u202c \u200b\u200d\ufeff"),
    ("emoji-and-cjk", "--note", "📱✅ 北京 Россия ə"),
    ("note-at-the-limit", "--note", "y" * 16384),
]


@pytest.mark.parametrize("name,flag,text", KEPT_TEXT, ids=[k[0] for k in KEPT_TEXT])
def test_odd_text_round_trips_intact(hl, name, flag, text):
    tables = hl.sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    args = [NUMBER, "--channel", "store"] + ([] if flag == "--receipt" else ["--receipt", "R"])
    c = added_case(hl, *args, flag, text)
    assert c[flag[2:]] == text
    exported = hl.json("export", "--format", "json", "--number", c["number"])
    assert exported[0][flag[2:]] == text
    assert hl.sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") == tables


def test_sql_in_an_operator_name_round_trips(hl):
    name = "Robert'); DROP TABLE operators;--"
    hl.ok("operator", "add", name, "--country", "AZ")
    c = added_case(hl, NUMBER, "--operator", name, *GOOD)
    assert c["operator"] == name
    assert name in [o["name"] for o in hl.json("operator", "list")]


def test_sql_in_a_receipt_file_name_round_trips(hl, tmp_path):
    f = tmp_path / "x'); DROP TABLE receipt_files;--.txt"
    f.write_text("evidence")
    hl.ok("receipt", "add", "2", f)
    assert [r["name"] for r in hl.json("receipt", "list", "2")] == [f.name]
    out = tmp_path / "back.txt"
    hl.ok("receipt", "get", "2", f.name, "-o", out)
    assert out.read_text() == "evidence"


def test_like_wildcards_in_a_search_match_themselves(hl):
    assert hl.json("list", "--search", "%") == []
    assert hl.json("list", "--search", "_") == []


def test_a_database_path_that_is_not_utf8_works(hl, tmp_path):
    db = os.fsencode(tmp_path) + b"/caf\xe9.db"
    r = hl.run(b"--db", db, b"add", NUMBER.encode(), *[a.encode() for a in GOOD], input=b"")
    assert r.code == 0, r
    assert os.path.exists(db)


# --- Paths given to -o and backup ------------------------------------------------------------

def read_fifo_in_background(path):
    got = {}

    def reader():
        with open(path, "rb") as f:  # blocks until cancelog opens the pipe
            got["bytes"] = f.read()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    return t, got


def output_args(what, target, force=True):
    extra = ["--force"] if force else []
    return {
        "receipt-get": ["receipt", "get", "1", "r.txt", "-o", target, *extra],
        "export": ["export", "-o", target],
        "dossier": ["dossier", "1", "-o", target, *extra],
        "backup": ["backup", target, *extra],
    }[what]


OUTPUTS = ["receipt-get", "export", "dossier", "backup"]

# (id, how the target is made, exit code, words)
TARGET_TRICKS = [
    ("the-database", "db", 2, "the database itself"),
    ("a-symlink-to-the-database", "db-link", 2, "the database itself"),
    ("the-wal-file", "wal", 2, "the database itself"),
    ("a-hard-link-to-the-database", "db-hardlink", 2, "the database itself"),
    ("dot-dot", "dotdot", 2, "folder"),
    ("a-symlink-to-a-folder", "dir-link", 2, "folder"),
    ("a-missing-folder", "missing-dir", 2, "does not exist"),
]


def make_target(cl, how, tmp_path):
    db = cl.db
    if how == "db":
        return db
    if how == "wal":
        return Path(str(db) + "-wal")
    if how == "db-link":
        link = tmp_path / "innocent.csv"
        link.symlink_to(db)
        return link
    if how == "db-hardlink":
        link = tmp_path / "hard.db"
        os.link(db, link)
        return link
    if how == "dotdot":
        (tmp_path / "sub").mkdir()
        return tmp_path / "sub" / ".."
    if how == "dir-link":
        (tmp_path / "folder").mkdir()
        link = tmp_path / "folder-link"
        link.symlink_to(tmp_path / "folder")
        return link
    if how == "missing-dir":
        return tmp_path / "no" / "such" / "out.txt"
    raise AssertionError(how)


@pytest.mark.parametrize("what", OUTPUTS)
@pytest.mark.parametrize("name,how,code,words", TARGET_TRICKS, ids=[t[0] for t in TARGET_TRICKS])
def test_output_path_tricks_are_refused(hl, tmp_path, what, name, how, code, words):
    target = make_target(hl, how, tmp_path)
    refused(hl, output_args(what, target), code, words)
    assert hl.db.is_file() and not hl.db.is_symlink()
    hl.ok("doctor")


@pytest.mark.parametrize("what", OUTPUTS)
def test_dev_full_as_output_fails_cleanly(hl, tmp_path, what):
    # Through a link, so that a mistake could never replace the real /dev/full.
    link = tmp_path / "full"
    link.symlink_to("/dev/full")
    if what == "backup":
        r = refused(hl, output_args(what, link), 2, "not a regular file")
    else:
        r = refused(hl, output_args(what, link), 1, "No space left on device")
    assert os.path.realpath(link) == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("what", OUTPUTS)
def test_a_named_pipe_as_output(hl, tmp_path, what):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    if what == "backup":
        refused(hl, output_args(what, fifo), 2, "not a regular file")
        return
    thread, got = read_fifo_in_background(fifo)
    hl.ok(*output_args(what, fifo, force=False))
    thread.join(timeout=30)
    expected = {"receipt-get": b"the store's receipt\n", "export": b"id,uuid,number",
                "dossier": b"# "}[what]
    assert got["bytes"].startswith(expected)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("what", ["receipt-get", "export", "dossier"])
def test_dev_stdout_as_output_gets_the_bytes_alone(hl, what):
    to_stdout = hl.ok(*output_args(what, "-", force=False)).out
    assert hl.ok(*output_args(what, "/dev/stdout", force=False)).out == to_stdout


def test_receipt_get_never_follows_a_name_out_of_the_case(hl, tmp_path):
    refused(hl, ["receipt", "get", "1", "../../etc/passwd", "-o", tmp_path / "x"], 2,
            "no file named")


# --- Hostile files: import and receipt add ---------------------------------------------------

HEADER = b"number,operator,channel,requested_on,note\n"
IMPORTS = [
    # (id, file contents, words)
    ("csv-nul", HEADER + b"0501112233,,store,2026-03-01,a\0b\n", "NUL"),
    ("csv-nul-in-quotes", HEADER + b'0501112233,,store,2026-03-01,"a\0b"\n', "NUL"),
    ("csv-invalid-utf8-cell", HEADER + b"0501112233,,store,2026-03-01,caf\xe9\n", "UTF-8"),
    ("csv-invalid-utf8-header", b"numb\xe9r,channel\n", "UTF-8"),
    ("csv-mib-cell", HEADER + b"0501112233,,store,2026-03-01," + b"n" * (MIB + 1) + b"\n",
     "1 MiB"),
    ("csv-2000-columns", b",".join([b"c"] * 2000) + b"\n", "fields"),
    ("csv-unclosed-quote", HEADER + b'0501112233,,store,2026-03-01,"open\n', "not closed"),
    ("csv-control-chars-cell", HEADER + b"0501112233,,store,2026-03-01,a\x1b[31mb\n",
     "control characters"),
    ("csv-sql-cells", HEADER + b"0501112233,'; DROP TABLE cases;--,store,2026-03-01,x\n",
     "unknown operator"),
    ("csv-utf16", "number,channel\n".encode("utf-16"), "NUL"),
    ("json-nul-raw", b'[{"number":"0501112233","note":"a\0b"}]', "not valid JSON"),
    ("json-nul-escaped", b'[{"number":"0501112233","channel":"store","requested_on":'
                         b'"2026-03-01","note":"a\\u0000b"}]', "control characters"),
    ("json-invalid-utf8", b'[{"number":"0501112233","note":"caf\xe9"}]', "not valid JSON"),
    ("json-lone-surrogate", b'[{"number":"0501112233","note":"\\ud800"}]', "not valid JSON"),
    ("json-deep-nesting", b"[" + b"[" * 100000 + b"]" * 100000 + b"]", "expected an object"),
    ("json-huge-number", b'[{"id": 1e999}]', "not valid JSON"),
    ("json-object", b'{"number": "0501112233"}', "not a list of cases"),
    ("csv-mib-note", HEADER + b"0501112233,,store,2026-03-01," + b"n" * (MIB - 100) + b"\n",
     "too long"),
    ("json-mib-note", b'[{"number":"0501112233","channel":"store","requested_on":"2026-03-01",'
                      b'"note":"' + b"n" * MIB + b'"}]', "too long"),
    ("json-mib-receipt", b'[{"number":"0501112233","channel":"store","requested_on":'
                         b'"2026-03-01","receipt":"' + b"r" * MIB + b'"}]', "too long"),
    ("json-wrong-types", b'[{"number": 501112233, "channel": ["store"], "requested_on": {}}]',
     "number"),
]


@pytest.mark.parametrize("name,content,words", IMPORTS, ids=[i[0] for i in IMPORTS])
def test_hostile_import_files_are_refused(hl, tmp_path, name, content, words):
    f = tmp_path / "hostile"
    f.write_bytes(content)
    refused(hl, ["import", f], 2, (words, "nothing was imported"))


def test_import_of_an_endless_device_stops_at_once(hl):
    refused(hl, ["import", "/dev/zero"], 2, "NUL")
    refused(hl, ["import", "/dev/urandom"], 2, "nothing was imported")


RECEIPT_NAMES = [
    ("invalid-utf8-name", b"caf\xe9.jpg", "plain UTF-8"),
    ("newline-in-name", b"scan\n1.jpg", "plain UTF-8"),
    ("escape-in-name", b"\x1b[31mred.jpg", "plain UTF-8"),
]


@pytest.mark.parametrize("name,filename,words", RECEIPT_NAMES, ids=[r[0] for r in RECEIPT_NAMES])
@pytest.mark.parametrize("command", ["receipt-add", "add-attach"])
def test_receipt_files_with_hostile_names_are_refused(hl, tmp_path, name, filename, words,
                                                      command):
    path = os.fsencode(tmp_path) + b"/" + filename
    with open(path, "wb") as f:
        f.write(b"\0binary\0receipt\0")  # NUL inside a receipt file is fine: it is a file
    if command == "receipt-add":
        args = [b"receipt", b"add", b"1", path]
    else:
        args = [b"add", NUMBER.encode(), *[a.encode() for a in GOOD], b"--attach", path]
    before = hl.dump()
    r = hl.run(*args, input=b"")
    assert_one_error_line(r, 2)
    assert words in r.err, r
    assert hl.dump() == before


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_receipt_files_that_are_not_files_are_refused(hl, tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    else:
        path = tmp_path
    refused(hl, ["receipt", "add", "1", path], 2, ("not a regular file", "folder")[kind == "folder"])


def test_a_receipt_file_holding_nul_bytes_round_trips(hl, tmp_path):
    data = bytes(range(256)) * 64
    f = tmp_path / "binary.bin"
    f.write_bytes(data)
    hl.ok("receipt", "add", "2", f)
    hl.ok("receipt", "get", "2", "-o", tmp_path / "out.bin")
    assert (tmp_path / "out.bin").read_bytes() == data


# --- Database files that are not what they should be -----------------------------------------

def run_as_nobody(cl, *args):
    """Runs cancelog as an unprivileged user (root ignores file permissions)."""
    def drop():
        os.setgid(65534)
        os.setuid(65534)

    proc = subprocess.run([cl.bin_copy, *map(str, args)], env=cl.env, capture_output=True,
                          text=True, preexec_fn=drop if os.geteuid() == 0 else None,
                          cwd="/", timeout=120)
    return Result(proc)


@pytest.fixture(params=["writable-folder", "read-only-folder"])
def readonly_db(hl, request):
    """The database, read-only: a 0444 file, in a folder the user may write (SQLite can make
    its -shm file there, so reads work) or not (0555: SQLite cannot read a WAL database
    without one, so reads fail too, cleanly). As root, which ignores permissions, the commands
    run as the user nobody, who owns the copy: the permissions refuse the write, not the
    ownership."""
    folder = Path(tempfile.mkdtemp(prefix="cancelog-ro-"))
    os.chmod(folder, 0o755)
    data = folder / "data"
    shutil.copytree(hl.db.parent, data)
    hl.bin_copy = folder / "cancelog"
    shutil.copy(BIN, hl.bin_copy)
    db = data / "cancelog.db"
    hl.db = db
    hl.before = hl.dump()
    # No -shm file left by that read: whether SQLite can make one is what the case is about.
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    if os.geteuid() == 0:
        for p in (data, db):
            os.chown(p, 65534, 65534)
    os.chmod(db, 0o444)
    writable = request.param == "writable-folder"
    os.chmod(data, 0o755 if writable else 0o555)
    hl.env["CANCELOG_DB"] = str(db)
    hl.env["HOME"] = str(folder)
    yield hl, writable
    os.chmod(data, 0o755)
    shutil.rmtree(folder)


def test_a_read_only_database_refuses_writes_cleanly(readonly_db):
    cl, writable = readonly_db
    r = run_as_nobody(cl, "list", "--json")
    if writable:
        assert r.code == 0, r
        assert len(json.loads(r.out)) == 2
    else:
        assert_one_error_line(r, 1)
        assert "read-only" in r.err and "folder" in r.err, r
    for args in (["add", NUMBER, *GOOD], ["edit", "1", "--note", "changed"]):
        r = run_as_nobody(cl, *args)
        assert_one_error_line(r, 1)
        assert "read-only" in r.err and "nothing was written" in r.err, r
    assert cl.dump() == cl.before


# (id, how the file is made, command, exit code, words)
DATABASES = [
    ("random-bytes", "random", ["list"], 1, "not a usable cancelog database"),
    ("truncated-to-1000-bytes", "truncated", ["list"], 1, "not a usable cancelog database"),
    ("truncated-to-half", "half", ["doctor"], 1, "problem"),
    ("from-a-newer-cancelog", "newer", ["add", NUMBER, *GOOD], 1, "newer cancelog"),
    ("negative-schema-version", "negative", ["list"], 1, "another program"),
    ("another-program", "foreign", ["add", NUMBER, *GOOD], 1, "another program"),
    ("a-named-pipe", "fifo", ["list"], 1, "not a regular file"),
    ("a-link-to-a-named-pipe", "fifo-link", ["list"], 1, "not a regular file"),
    ("a-folder", "folder", ["list"], 1, "folder"),
    ("tables-missing", "no-tables", ["list"], 1, "no such table"),
]


def make_database(cl, how, tmp_path):
    db = tmp_path / "odd.db"
    source = cl.db.read_bytes()
    if how == "random":
        db.write_bytes(os.urandom(64 * 1024))
    elif how == "truncated":
        db.write_bytes(source[:1000])
    elif how == "half":
        db.write_bytes(source[:len(source) // 2])
    elif how in ("newer", "negative", "no-tables"):
        shutil.copy(cl.db, db)
        with closing(sqlite3.connect(db, isolation_level=None)) as conn:
            if how == "no-tables":
                conn.execute("PRAGMA foreign_keys = OFF")
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                            "'table' AND name NOT LIKE 'sqlite%'").fetchall():
                    conn.execute(f'DROP TABLE "{name}"')
            conn.execute("PRAGMA user_version = " + {"newer": "99", "negative": "-3",
                                                      "no-tables": "1"}[how])
    elif how == "foreign":
        with closing(sqlite3.connect(db, isolation_level=None)) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
            conn.execute("INSERT INTO songs VALUES ('x')")
    elif how == "fifo":
        os.mkfifo(db)
    elif how == "fifo-link":
        os.mkfifo(tmp_path / "pipe")
        db.symlink_to(tmp_path / "pipe")
    elif how == "folder":
        db.mkdir()
    else:
        raise AssertionError(how)
    return db


def file_state(db):
    if db.is_file():
        return db.read_bytes()
    return stat.S_IFMT(os.stat(db).st_mode)


@pytest.mark.parametrize("name,how,args,code,words", DATABASES, ids=[d[0] for d in DATABASES])
def test_unusable_database_files_are_refused_untouched(hl, tmp_path, name, how, args, code,
                                                        words):
    db = make_database(hl, how, tmp_path)
    before = file_state(db)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    r = hl.run("--db", db, *args)
    assert_one_error_line(r, code)
    assert words in r.out + r.err, r
    assert file_state(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no -wal, -shm, .bak


def test_an_empty_file_becomes_a_database(hl, tmp_path):
    db = tmp_path / "empty.db"
    db.touch()
    hl.ok("--db", db, "add", NUMBER, *GOOD)
    assert len(hl.json("--db", db, "list")) == 1


def test_a_damaged_wal_file_is_ignored(hl):
    before = hl.dump()
    wal = Path(str(hl.db) + "-wal")
    wal.write_bytes(os.urandom(64 * 1024))
    hl.ok("doctor")
    assert hl.dump() == before
    hl.ok("add", NUMBER, *GOOD)
