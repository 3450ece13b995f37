"""docs/guide.md runs as written: every command of every sh block, in order, against one new
database with the guide's clock, so that the guide cannot go stale.

The runner takes whatever the guide holds (a new section runs without changes here). Every
command must succeed, unless its comment says otherwise (`cancelog due --exit-code  # exits 3
when something is due`; `# 退出码 3` in the Chinese guide). A line may set variables first
(`LANG=zh_CN.UTF-8 cancelog list`). Checks of what a section leaves behind are keyed by its
title; a section renamed or removed must take its checks along (the test fails when a check was
not reached).

docs/guide.zh.md, the Chinese guide, holds the same commands in the same sections (only titles,
prose and comments are translated): the same runner runs it under LANG=zh_CN.UTF-8, and it must
leave the same database as the English guide.
"""
import re
import shlex

from conftest import SOURCE_DIR, Cancelog
from evidence_files import make_jpeg, make_pdf
from exchange_data import rows, write_csv
from test_i18n import ZH_LOCALE, require_zh_locale

GUIDE_NOW = "2026-03-09T11:30:00Z"  # as the guide says: Monday 9 March 2026, 15:30 in Baku
ENGLISH, CHINESE = "guide.md", "guide.zh.md"

# The comment of a command that does not exit 0: "# exits 3: ..." or "# 退出码 3：...".
EXIT_CODE = re.compile(r"#.*(?:\bexits?|退出码) ?(\d+)\b")


def guide_sections(name=ENGLISH):
    """(title, [(env, args, exit code)]) for each ## section of docs/NAME, in its order."""
    text = (SOURCE_DIR / "docs" / name).read_text(encoding="utf-8")
    sections = []
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title, _, body = section.partition("\n")
        commands = []
        for block in re.findall(r"^```sh\n(.*?)^```", body, flags=re.S | re.M):
            for line in block.splitlines():
                words = shlex.split(line, comments=True)
                env = {}
                while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                    key, _, value = words.pop(0).partition("=")
                    env[key] = value
                if words:
                    assert words[0] == "cancelog", f"{title}: not a cancelog command: {line}"
                    code = EXIT_CODE.search(line)
                    commands.append((env, words[1:], int(code.group(1)) if code else 0))
        sections.append((title.strip(), commands))
    return sections


# --- What sections leave behind ---------------------------------------------------------------

def statuses(cl):
    return [(c["id"], c["status"]) for c in cl.json("list")]


def after_recording(cl, results):
    assert results[0].out.startswith("Added case 1: +994 50 123 45 67, Azercell, store, "
                                     "requested 2026-03-02.")
    assert "inferred from the prefix" in results[0].out
    assert "Bakcell" in results[1].out and "requested 2026-03-08" in results[1].out
    assert statuses(cl) == [(2, "requested"), (3, "requested"), (1, "requested")]


def after_looking(cl, results):
    assert "AZC-778812" in results[2].out  # the search finds the receipt
    assert results[4].json()["id"] == 1


def after_checks(cl, results):
    shown = cl.json("show", "1")
    assert shown["status"] == "confirmed"
    assert [k["reference"] for k in shown["checks"]] == ["agent Leyla", "AZ-1552"]


def after_reminders(cl, results):
    due, within, snooze, undo, exit_code, as_json = results
    assert "#3 +994 70 555 12 34 (Nar" in due.out and "5 days overdue" in due.out
    assert "#1 +994 50 123 45 67 (Azercell): number-dead, sim-destroyed" in due.out
    assert "#2" not in due.out and "#2 +994 55 234 56 78" in within.out
    assert exit_code.code == 3
    items = as_json.json()
    assert [(i["id"], i["kind"]) for i in items] == [(3, "check"), (1, "todo")]
    assert cl.json("show", "3")["next_check_on"] == "2026-03-04"  # the snooze was undone


def after_calendar(cl, results):
    text = (cl.home / "cancelog-checks.ics").read_bytes().decode()
    assert text.count("BEGIN:VEVENT") == 2  # cases 2 and 3 have a next check
    assert text.count("\r\n") == text.count("\n") > 0  # CRLF line ends
    # The name chose the format; case 1, the only Azercell case, is confirmed: no event.
    azercell = (cl.home / "azercell-checks.ics").read_bytes().decode()
    assert azercell.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" not in azercell


def after_rejection(cl, results):
    shown = cl.json("show", "4")
    assert shown["follows"] == 3
    assert "#3 rejected → #4 requested (this case)" in results[2].out


def after_undo(cl, results):
    # The two undos took back case 4 and the rejection of case 3.
    assert statuses(cl) == [(2, "withdrawn"), (3, "requested"), (1, "pending")]
    shown = cl.json("show", "1")
    assert shown["receipt"] == "AZC-778812/2"
    assert [k["reference"] for k in shown["checks"]] == ["agent Leyla", "AZ-1552"]
    assert {t["item"] for t in shown["checklist"] if t.get("ticked_at")} >= {
        "no-arrears", "accounts-moved", "number-dead", "receipt-kept"}


def after_disputes(cl, results):
    home = cl.home
    assert (home / "case-1.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert (home / "copy-of-receipt.jpg").read_bytes() == make_jpeg()
    assert results[3].out.startswith("ok: 2 receipt files")  # before case 5 kept its own
    assert "problem:" not in results[-1].out
    assert [f["name"] for f in cl.json("receipt", "list", "5")] == ["receipt.jpg"]
    assert (home / "cancelog-2026-03-09.db").stat().st_mode & 0o777 == 0o600


def after_exports(cl, results):
    cases = rows((cl.home / "cases.csv").read_bytes())
    assert [r[0] for r in cases[1:]] == ["1", "2", "3", "5"]  # in the order recorded; 4 undone
    masked = rows((cl.home / "for-the-accountant.csv").read_bytes())
    assert masked[1][cases[0].index("number")] == "+99450***4567"
    assert "AZ-1552" in results[2].out


def before_imports(cl):
    """edited.csv: cases.csv with the note of case 1 changed in a spreadsheet."""
    table = rows((cl.home / "cases.csv").read_bytes())
    table[1][table[0].index("note")] = "edited in a spreadsheet"
    write_csv(cl.home / "edited.csv", table)


def after_imports(cl, results):
    assert "would add 4 cases" in results[0].out
    assert "4 cases added" in results[1].out
    assert "1 updated, 3 skipped" in results[2].out
    assert cl.json("show", "1")["note"] == "edited in a spreadsheet"
    assert [c["id"] for c in cl.json("--db", cl.home / "laptop.db", "list")] == [5, 2, 3, 1]


def after_languages(cl, results):
    # The table's header in Chinese: the catalogue is compiled, installed beside the binary
    # and chosen by LANG (needs the zh_CN.UTF-8 locale: scripts/deps generates it).
    assert "编号" in results[0].out, results[0]


BEFORE = {"Importing": before_imports}
AFTER = {
    "Recording a cancellation": after_recording,
    "Looking at cases": after_looking,
    "Status checks": after_checks,
    "Daily reminders": after_reminders,
    "A calendar of checks": after_calendar,
    "A rejected request": after_rejection,
    "History and undo": after_undo,
    "Disputes: receipt files, the dossier, backups": after_disputes,
    "Exporting to a spreadsheet": after_exports,
    "Importing": after_imports,
    "Languages": after_languages,
}


def run_guide(cl, sections, checks=True):
    """Runs every command of `sections` in order against cl's database at the guide's date, with
    the files the guide reads; with `checks`, checks what the sections of AFTER leave behind.
    Returns the titles whose checks ran."""
    (cl.home / "receipt.jpg").write_bytes(make_jpeg())
    (cl.home / "confirmation.pdf").write_bytes(make_pdf())
    cl.at(GUIDE_NOW)
    reached = set()
    for title, commands in sections:
        if title in BEFORE:
            BEFORE[title](cl)
        results = [cl.run(*args, env=env, expect=code) for env, args, code in commands]
        if checks and title in AFTER:
            AFTER[title](cl, results)
            reached.add(title)
    return reached


def test_every_command_of_the_guide_runs_in_order(cl):
    sections = guide_sections()
    assert sum(len(commands) for _, commands in sections) >= 50
    reached = run_guide(cl, sections)
    assert reached == set(AFTER), "a checked section of the guide was renamed or removed"


def test_the_chinese_guide_has_the_commands_of_the_english_guide():
    # Section by section: the same commands, arguments, variables and exit codes, in the same
    # order, so that the translation cannot drift from the guide that is checked.
    english, chinese = guide_sections(ENGLISH), guide_sections(CHINESE)
    assert len(chinese) == len(english), [title for title, _ in chinese]
    for (title, commands), (zh_title, zh_commands) in zip(english, chinese):
        assert zh_commands == commands, f"{title} / {zh_title}"


def the_databases(cl):
    """The guide's database and the laptop's (Importing) as SQL text, each case's random uuid
    replaced by the order of its first appearance."""
    laptop = Cancelog(cl.home)
    laptop.db = cl.home / "laptop.db"
    text = cl.dump() + "\n-- laptop.db\n" + laptop.dump()
    uuids = {}
    return re.sub(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
                  lambda m: f"uuid-{uuids.setdefault(m.group(), len(uuids))}", text)


def test_the_chinese_guide_runs_in_chinese_and_leaves_the_same_database(cl, tmp_path_factory):
    require_zh_locale()
    english = guide_sections(ENGLISH)
    # The Chinese sections under the English titles (the test above holds them in step), so
    # that the preparations of BEFORE (edited.csv) run at the same place.
    chinese = [(title, commands)
               for (title, _), (_, commands) in zip(english, guide_sections(CHINESE))]
    cl.env["LANG"] = ZH_LOCALE
    run_guide(cl, chinese, checks=False)
    reference = Cancelog(tmp_path_factory.mktemp("english"))
    run_guide(reference, english, checks=False)
    assert the_databases(cl) == the_databases(reference)
