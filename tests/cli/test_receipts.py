"""cancelog receipt add|list|get|verify and add --attach: receipt files inside the database."""
import hashlib
import os
import stat
import subprocess

import pytest

from conftest import assert_one_error_line
from evidence_files import make_jpeg, make_pdf, make_png


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def case1(cl):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-1")
    return cl


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_stored_file_comes_back_byte_identical(case1, tmp_path):
    data = make_png() + b"\x00\x00tail\x00\xff"  # NULs and high bytes after the image
    src = write(tmp_path / "in" / "receipt.png", data)
    r = case1.ok("receipt", "add", "1", src)
    sha = hashlib.sha256(data).hexdigest()
    assert f"Kept receipt.png for case 1: image/png" in r.out and sha in r.out

    files = case1.json("receipt", "list", "1")
    assert files == [{
        "id": 1, "case": 1, "name": "receipt.png", "media_type": "image/png",
        "size": len(data), "sha256": sha, "added_at": "2026-03-04T10:00:00Z",
    }]
    out = tmp_path / "out.png"
    r = case1.ok("receipt", "get", "1", "-o", out)
    assert out.read_bytes() == data
    assert mode(out) == 0o600
    assert "Wrote receipt.png" in r.out
    # To standard output, as raw bytes.
    r = case1.run("receipt", "get", "1", "receipt.png", "-o", "-", input=b"", expect=0)
    assert r.raw_out == data


def test_media_type_comes_from_the_content_not_the_name(case1, tmp_path):
    pdf = write(tmp_path / "scan.jpg", make_pdf())
    jpeg = write(tmp_path / "photo.bin", make_jpeg())
    text = write(tmp_path / "note", b"Receipt AZC-1, thank you\n")
    case1.ok("receipt", "add", "1", pdf, jpeg, text)
    types = {f["name"]: f["media_type"] for f in case1.json("receipt", "list", "1")}
    assert types == {"scan.jpg": "application/pdf", "photo.bin": "image/jpeg",
                     "note": "text/plain"}


def test_receipt_add_ticks_receipt_kept_and_records_receipt_add_events(cl, tmp_path):
    cl.run("add", "0501234567", "--channel", "store", expect=0)  # no receipt reference
    assert cl.sql("SELECT item FROM checklist") == []
    cl.ok("receipt", "add", "1", write(tmp_path / "a.png", make_png()))
    assert cl.sql("SELECT item FROM checklist") == [("receipt-kept",)]
    show = cl.json("show", "1")
    events = [e for e in show["history"] if e["kind"] == "receipt.add"]
    assert len(events) == 1
    assert events[0]["new"]["id"] == 1 and events[0]["new"]["name"] == "a.png"
    assert events[0]["command"] == "receipt add"
    assert show["receipt_files"][0]["name"] == "a.png"
    text = cl.ok("show", "1").out
    assert "receipt file a.png added (image/png" in text


def test_add_attach_stores_files_in_the_same_change(cl, tmp_path):
    png = write(tmp_path / "receipt.png", make_png())
    pdf = write(tmp_path / "docs" / "letter.pdf", make_pdf())
    r = cl.run("add", "0501234567", "--channel", "store", "--attach", png, "--attach", pdf)
    assert r.code == 0, r
    assert "Kept receipt.png" in r.out and "Kept letter.pdf" in r.out
    assert r.err == ""  # a file was kept: no "no receipt reference" warning
    c = cl.json("show", "1")
    assert [f["name"] for f in c["receipt_files"]] == ["receipt.png", "letter.pdf"]
    assert {i["item"]: i["ticked_at"] for i in c["checklist"]}["receipt-kept"] is not None
    groups = cl.sql("SELECT DISTINCT group_id FROM events")
    assert len(groups) == 1  # one change: undo reverts the case and its files together


def test_add_attach_with_a_bad_file_writes_nothing(cl, tmp_path):
    png = write(tmp_path / "receipt.png", make_png())
    cl.ok("list")  # the database exists
    before = cl.dump()
    r = cl.run("add", "0501234567", "--channel", "store", "--attach", png,
               "--attach", tmp_path / "missing.pdf")
    assert_one_error_line(r, 2)
    assert "missing.pdf" in r.err and "no such file" in r.err
    assert cl.dump() == before


def test_every_file_is_checked_before_any_is_stored(case1, tmp_path):
    good = write(tmp_path / "good.png", make_png())
    before = case1.dump()
    r = case1.run("receipt", "add", "1", good, tmp_path / "nope.pdf")
    assert_one_error_line(r, 2)
    assert case1.dump() == before


def test_file_over_the_limit_is_refused_and_nothing_is_stored(case1, tmp_path):
    case1.ok("config", "set", "receipt.max-size", "1KiB")
    small = write(tmp_path / "small.txt", b"x" * 1024)
    big = write(tmp_path / "big.bin", b"\x00" * 1025)
    before = case1.dump()
    r = case1.run("receipt", "add", "1", small, big)
    assert_one_error_line(r, 2)
    assert "big.bin" in r.err and "1KiB" in r.err and "receipt.max-size" in r.err
    assert case1.dump() == before
    r = case1.run("add", "0551234567", "--channel", "online", "--attach", big)
    assert_one_error_line(r, 2)
    assert case1.dump() == before
    case1.ok("receipt", "add", "1", small)  # exactly at the limit is fine


def test_default_limit_is_20_mib(case1, tmp_path):
    big = tmp_path / "huge.bin"
    with open(big, "wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    before = case1.dump()
    r = case1.run("receipt", "add", "1", big)
    assert_one_error_line(r, 2)
    assert "20MiB" in r.err
    assert case1.dump() == before


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "empty.txt", "is empty"),
    (lambda d: d, "is a folder"),
    (lambda d: d / "absent.png", "no such file"),
])
def test_unusable_files_are_refused(case1, tmp_path, make, message):
    (tmp_path / "empty.txt").write_bytes(b"")
    before = case1.dump()
    r = case1.run("receipt", "add", "1", make(tmp_path))
    assert_one_error_line(r, 2)
    assert message in r.err
    assert case1.dump() == before


def test_names_are_base_names_and_duplicates_are_refused(case1, tmp_path):
    first = write(tmp_path / "a" / "receipt.png", make_png())
    second = write(tmp_path / "b" / "receipt.png", make_png(20, 20))
    before = case1.dump()
    r = case1.run("receipt", "add", "1", first, second)
    assert_one_error_line(r, 2)
    assert "two of the files are named 'receipt.png'" in r.err
    assert case1.dump() == before
    case1.ok("receipt", "add", "1", first)
    assert [f["name"] for f in case1.json("receipt", "list", "1")] == ["receipt.png"]
    before = case1.dump()
    r = case1.run("receipt", "add", "1", second)
    assert_one_error_line(r, 2)
    assert "already keeps a file named 'receipt.png'" in r.err and "rename" in r.err
    assert case1.dump() == before
    # Another case may keep a file of the same name.
    case1.ok("add", "0551234567", "--channel", "online", "--receipt", "R")
    case1.ok("receipt", "add", "2", second)


def test_receipt_on_unknown_case_is_refused(cl, tmp_path):
    png = write(tmp_path / "a.png", make_png())
    cl.ok("list")
    assert_one_error_line(cl.run("receipt", "add", "9", png), 2)
    assert_one_error_line(cl.run("receipt", "list", "x"), 2)
    assert_one_error_line(cl.run("receipt", "get", "9", "-o", tmp_path / "o"), 2)


def test_receipt_list_text_and_empty(case1, tmp_path):
    r = case1.ok("receipt", "list", "1")
    assert "keeps no receipt files" in r.out and "receipt add 1" in r.out
    assert case1.json("receipt", "list", "1") == []
    case1.ok("receipt", "add", "1", write(tmp_path / "a.png", make_png()))
    lines = case1.ok("receipt", "list", "1").out.splitlines()
    assert lines[0].split() == ["NAME", "TYPE", "SIZE", "ADDED", "SHA-256"]
    assert lines[1].startswith("a.png  image/png")


class TestGet:
    @pytest.fixture
    def two(self, case1, tmp_path):
        self.png = make_png()
        self.pdf = make_pdf()
        case1.ok("receipt", "add", "1", write(tmp_path / "r.png", self.png),
                 write(tmp_path / "l.pdf", self.pdf))
        return case1

    def test_name_is_needed_when_the_case_keeps_several_files(self, two, tmp_path):
        r = two.run("receipt", "get", "1", "-o", tmp_path / "x")
        assert_one_error_line(r, 2)
        assert "'r.png', 'l.pdf'" in r.err
        assert not (tmp_path / "x").exists()
        r = two.run("receipt", "get", "1", "other.png", "-o", tmp_path / "x")
        assert_one_error_line(r, 2)
        two.ok("receipt", "get", "1", "l.pdf", "-o", tmp_path / "x")
        assert (tmp_path / "x").read_bytes() == self.pdf

    def test_refuses_to_overwrite_without_force(self, two, tmp_path):
        target = write(tmp_path / "keep.png", b"mine")
        r = two.run("receipt", "get", "1", "r.png", "-o", target)
        assert_one_error_line(r, 2)
        assert "--force" in r.err
        assert target.read_bytes() == b"mine"
        two.ok("receipt", "get", "1", "r.png", "-o", target, "--force")
        assert target.read_bytes() == self.png
        assert mode(target) == 0o600

    def test_output_to_a_folder_or_a_missing_folder_is_bad_input(self, two, tmp_path):
        r = two.run("receipt", "get", "1", "r.png", "-o", tmp_path)
        assert_one_error_line(r, 2)
        assert "is a folder" in r.err
        r = two.run("receipt", "get", "1", "r.png", "-o", tmp_path / "no" / "such" / "x.png")
        assert_one_error_line(r, 2)
        assert "does not exist" in r.err
        assert not (tmp_path / "no").exists()

    def test_a_folder_that_takes_no_files_is_a_failure(self, two):
        # /proc exists but no file can be created in it, not even by root.
        r = two.run("receipt", "get", "1", "r.png", "-o", "/proc/cancelog-receipt.png")
        assert_one_error_line(r, 1)
        assert "cannot write" in r.err

    def test_a_file_altered_in_the_database_is_not_written(self, two, tmp_path):
        subprocess.run(["sqlite3", two.db, "UPDATE receipt_files SET content = X'00' "
                        "WHERE name = 'r.png'"], check=True)
        target = tmp_path / "out.png"
        r = two.run("receipt", "get", "1", "r.png", "-o", target)
        assert_one_error_line(r, 1)
        assert "SHA-256" in r.err and "doctor" in r.err
        assert not target.exists()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_verify_reports_a_blob_altered_behind_cancelogs_back(case1, tmp_path):
    case1.ok("add", "0551234567", "--channel", "online", "--receipt", "R")
    case1.ok("receipt", "add", "1", write(tmp_path / "r.png", make_png()))
    case1.ok("receipt", "add", "2", write(tmp_path / "letter.pdf", make_pdf()))
    r = case1.ok("receipt", "verify")
    assert r.out == "ok: 2 receipt files, all as they were added (SHA-256 checked).\n"
    assert all(f["ok"] for f in case1.json("receipt", "verify"))

    pdf = make_pdf()
    tampered = pdf.replace(b"Catalog", b"Catalug")  # same size, other bytes
    subprocess.run(["sqlite3", case1.db, f"UPDATE receipt_files SET content = X'{tampered.hex()}'"
                    " WHERE case_id = 2"], check=True)
    r = case1.run("receipt", "verify")
    assert_one_error_line(r, 1)
    assert "case 2 'letter.pdf'" in r.err
    assert r.out.startswith("problem: case 2, file 'letter.pdf': SHA-256 recorded "
                            + hashlib.sha256(pdf).hexdigest())
    assert hashlib.sha256(tampered).hexdigest() in r.out
    results = case1.run("--json", "receipt", "verify", expect=1).json()
    assert [(f["case"], f["name"], f["ok"]) for f in results] == [
        (1, "r.png", True), (2, "letter.pdf", False)]
    assert results[1]["actual_sha256"] == hashlib.sha256(tampered).hexdigest()


def test_verify_with_no_files(cl):
    cl.ok("list")
    assert cl.ok("receipt", "verify").out.startswith("ok: 0 receipt files")
