"""cancelog dossier: one self-contained page per case, in Markdown or HTML."""
import base64
import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import assert_one_error_line
from evidence_files import make_pdf, make_png

CHROMIUM = "/usr/bin/chromium"

# (checked_at, method, outcome, reference, note): stored out of order on purpose.
CHECKS = [
    ("2026-03-03T07:00:00Z", "store", "pending", "T-42", "asked at the Nizami Street store"),
    ("2026-03-02T09:30:00Z", "phone", "no-answer", "", ""),
    ("2026-03-04T08:15:00Z", "sms", "action-needed", "SMS <8899> & co", "pay 2 AZN first"),
]


@pytest.fixture
def case(cl, tmp_path):
    cl.at("2026-03-01T08:00:00Z").ok(
        "add", "050 123 45 67", "--channel", "store", "--card", "postpaid",
        "--receipt", "AZC-778812", "--note", "<script>alert('x')</script> & \"quoted\"")
    cl.at("2026-03-04T10:00:00Z")
    # The `check` command comes with the lifecycle issue; the rows are what it stores.
    for at, method, outcome, ref, note in CHECKS:
        cl.sql("INSERT INTO checks (case_id, checked_at, method, outcome, reference, note, "
               "created_at) VALUES (1, ?, ?, ?, ?, ?, ?)", at, method, outcome, ref, note, at)
    png = tmp_path / "receipt.png"
    png.write_bytes(make_png())
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(make_pdf())
    cl.ok("receipt", "add", "1", png, pdf)
    cl.png, cl.pdf = png.read_bytes(), pdf.read_bytes()
    return cl


def parse_html(text):
    """The HTML dossier is also well-formed XML: a strict parser reads it."""
    return ET.fromstring(text)


def text_of(element):
    return "".join(element.itertext())


def test_markdown_to_standard_output_by_default(case):
    md = case.ok("dossier", "1").out
    assert md.startswith("# Cancellation of +994 50 123 45 67: case 1\n")
    assert "- **Operator:** Azercell (inferred from the number's prefix); hotline \\*1111" in md
    assert "- **Receipt reference:** `AZC-778812`" in md
    assert "- **Requested on:** 2026-03-01" in md
    assert "\\<script\\>" in md and "<script>" not in md
    checks = md.split("## Checks (3)\n\n")[1].split("\n\n")[0].splitlines()
    assert checks[:2] == ["| # | When | Method | Outcome | Reference | Note |",
                          "| --- | --- | --- | --- | --- | --- |"]
    assert checks[2:] == [
        "| 1 | 2026-03-02 13:30 | phone | no-answer |  |  |",
        "| 2 | 2026-03-03 11:00 | store | pending | `T-42` | asked at the Nizami Street store |",
        "| 3 | 2026-03-04 12:15 | sms | action-needed | `SMS <8899> & co` | pay 2 AZN first |",
    ]
    assert hashlib.sha256(case.png).hexdigest() in md
    assert hashlib.sha256(case.pdf).hexdigest() in md
    assert "Produced by cancelog" in md and "2026-03-04 14:00 (Asia/Baku, 2026-03-04T10:00:00Z)" in md


def test_html_is_well_formed_and_holds_every_check_and_hash(case, tmp_path):
    out = tmp_path / "case-1.html"
    r = case.ok("dossier", "1", "-o", out)  # HTML from the extension
    assert "Wrote the dossier of case 1" in r.out
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    html = out.read_text(encoding="utf-8")
    root = parse_html(html)
    assert root.tag == "html"
    assert root.find("./head/style") is not None and "size: A4" in root.find("./head/style").text
    assert root.findall(".//script") == []
    assert "<script>alert('x')</script> & \"quoted\"" in text_of(root.find(".//section[@id='request']"))

    rows = root.findall(".//section[@id='checks']//tbody/tr")
    cells = [[text_of(td) for td in row] for row in rows]
    assert [(c[2], c[3], c[4], c[5]) for c in cells] == [
        ("phone", "no-answer", "", ""),
        ("store", "pending", "T-42", "asked at the Nizami Street store"),
        ("sms", "action-needed", "SMS <8899> & co", "pay 2 AZN first"),
    ]
    assert [c[1] for c in cells] == ["2026-03-02 13:30", "2026-03-03 11:00", "2026-03-04 12:15"]

    files = text_of(root.find(".//section[@id='files']"))
    for data in (case.png, case.pdf):
        assert hashlib.sha256(data).hexdigest() in files
    images = root.findall(".//section[@id='files']//img")
    assert len(images) == 1  # the PNG; a PDF is listed, not embedded
    src = images[0].get("src")
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == case.png

    checklist = {text_of(tr[0]): text_of(tr[1]) for tr in
                 root.findall(".//section[@id='checklist']//tbody/tr")}
    assert checklist["receipt-kept"] == "yes" and checklist["number-dead"] == "no"
    assert "final-bill-settled" in checklist  # a postpaid line
    history = text_of(root.find(".//section[@id='history']"))
    assert "added: +994501234567, Azercell, store" in history
    assert "receipt file receipt.png added" in history


def test_format_flag_wins_and_output_rules(case, tmp_path):
    html = case.ok("dossier", "1", "--format", "html").out
    parse_html(html)
    target = tmp_path / "dossier.md"
    case.ok("dossier", "1", "-o", target)
    assert target.read_text().startswith("# Cancellation")
    r = case.run("dossier", "1", "-o", target)
    assert_one_error_line(r, 2)
    assert "--force" in r.err
    case.ok("dossier", "1", "-o", target, "--format", "html", "--force")
    parse_html(target.read_text())
    assert_one_error_line(case.run("dossier", "1", "--format", "pdf"), 2)
    assert_one_error_line(case.run("dossier", "1", "-o", tmp_path), 2)
    assert_one_error_line(case.run("dossier", "1", "-o", tmp_path / "no" / "x.html"), 2)
    assert_one_error_line(case.run("dossier", "2"), 2)


def test_dossier_of_a_case_without_checks_or_files(cl):
    cl.ok("add", "0551234567", "--channel", "online")
    md = cl.ok("dossier", "1").out
    assert "No check recorded yet." in md and "No receipt file kept." in md
    assert "none recorded" in md
    parse_html(cl.ok("dossier", "1", "--format", "html").out)


@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Chromium is not installed")
def test_html_dossier_renders_in_chromium(case, tmp_path):
    page = tmp_path / "case-1.html"
    case.ok("dossier", "1", "-o", page)
    shot = tmp_path / "dossier.png"
    profile = tempfile.mkdtemp(prefix="cancelog-chromium-")
    try:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", f"--screenshot={shot}",
             "--window-size=1240,1754", page.as_uri()],
            capture_output=True, timeout=120, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a page of text and an image, not a blank sheet
    keep = os.environ.get("CANCELOG_BUILD_DIR")
    if keep:  # left for a person to look at
        shutil.copy(shot, Path(keep) / "dossier-screenshot.png")
