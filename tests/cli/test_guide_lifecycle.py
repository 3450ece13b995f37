"""The examples of docs/guide.md about the case lifecycle run, in order, as written."""
import re
import shlex

from conftest import SOURCE_DIR

SECTIONS = ["Status checks", "The checklist", "Correcting a case", "Withdrawing and reopening",
            "A rejected request", "History and undo"]


def guide_commands():
    """The command lines of the sh blocks of SECTIONS, in the guide's order."""
    text = (SOURCE_DIR / "docs" / "guide.md").read_text(encoding="utf-8")
    commands = []
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title, _, body = section.partition("\n")
        if title.strip() not in SECTIONS:
            continue
        for block in re.findall(r"```sh\n(.*?)```", body, flags=re.S):
            for line in block.splitlines():
                words = shlex.split(line, comments=True)
                if words:
                    assert words[0] == "cancelog", line
                    commands.append(words[1:])
    return commands


def test_guide_lifecycle_examples_run(cl):
    commands = guide_commands()
    assert len(commands) >= 15
    cl.at("2026-03-09T11:30:00Z")
    for args in commands:
        cl.ok(*args)
    # Two undos took back case 3 and the rejection of case 2; case 1 stayed withdrawn.
    assert [(c["id"], c["status"]) for c in cl.json("list")] == [(2, "requested"),
                                                                 (1, "withdrawn")]
    shown = cl.json("show", "1")
    assert shown["receipt"] == "AZC-778812/2"
    assert [k["reference"] for k in shown["checks"]] == ["agent Leyla", "AZ-1552"]
