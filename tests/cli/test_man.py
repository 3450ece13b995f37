"""The manual page cancelog(1): built from docs/cancelog.adoc into <build>/man, renders
without warnings, and documents every command and option that --help lists (so it cannot go
stale: a new command or option fails here until the page has it)."""
import os
import re
import subprocess
from pathlib import Path


from conftest import SOURCE_DIR
from help_tree import command_tree, long_options

SOURCE = SOURCE_DIR / "docs" / "cancelog.adoc"
BUILT = Path(os.environ.get("CANCELOG_BUILD_DIR", SOURCE_DIR / "build" / "release")) / "man" / \
    "cancelog.1"


def render(page):
    """The page as man shows it (80 columns, no pager), with groff's warnings on."""
    r = subprocess.run(["man", "--warnings", "-l", str(page)], capture_output=True, text=True,
                       env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8"})
    assert r.returncode == 0, r.stderr
    assert r.stderr == "", r.stderr
    return r.stdout


def test_the_page_renders_without_warnings():
    text = render(BUILT)
    assert text.startswith("CANCELOG(1)")
    for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS",
                    "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"):
        assert f"\n{heading}\n" in text, heading
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(BUILT)], capture_output=True,
                       text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def command_sections():
    """{"operator add": text of its section} from the "=== cancelog ..." headings."""
    text = SOURCE.read_text(encoding="utf-8")
    sections = {}
    for part in re.split(r"^=== cancelog ", text, flags=re.M)[1:]:
        heading, _, body = part.partition("\n")
        body = re.split(r"^==? ", body, flags=re.M)[0]
        words = [w for w in heading.split() if re.fullmatch(r"[a-z][a-z-]*", w)]
        sections[" ".join(words)] = heading + "\n" + body
    return sections


def test_every_command_and_option_has_its_place_in_the_page(cl):
    sections = command_sections()
    for path, help_text in command_tree(cl).items():
        name = " ".join(path)
        assert name in sections, f"docs/cancelog.adoc has no '=== cancelog {name}' section"
        for option in long_options(help_text):
            assert f"*{option}*" in sections[name], f"'{option}' of {name} is not in its section"


def test_global_options_environment_and_exit_codes():
    text = SOURCE.read_text(encoding="utf-8")
    global_part = text.split("== Global options", 1)[1].split("\n== ", 1)[0]
    for option in ("--db", "--json", "--color", "--help", "--help-all", "--version"):
        assert f"*{option}*" in global_part, option
    environment = text.split("== Environment", 1)[1].split("\n== ", 1)[0]
    for variable in ("CANCELOG_DB", "CANCELOG_NOW", "XDG_DATA_HOME", "TZ", "NO_COLOR", "LANG"):
        assert f"*{variable}*" in environment, variable
    exits = text.split("== Exit status", 1)[1].split("\n== ", 1)[0]
    for code in ("0", "1", "2"):
        assert f"*{code}*::" in exits


def test_the_examples_of_the_page_are_real_commands(cl):
    """Each example names a command that exists (the guide test runs the guide's)."""
    commands = {path[0] for path in command_tree(cl)}
    examples = SOURCE.read_text(encoding="utf-8").split("== Examples", 1)[1]
    lines = [l.strip() for l in examples.splitlines() if l.strip().startswith("cancelog ")]
    assert len(lines) >= 8
    for line in lines:
        words = [w for w in line.split()[1:] if not w.startswith("-")]
        assert words[0] in commands or line.split()[1] == "--db", line
