"""Tab completion: the bash and zsh scripts of completion/, and the hidden `cancelog
__complete` they ask (commands, options, values, operators and case ids of the database)."""
import shutil
import subprocess

import pytest

from conftest import BIN, SOURCE_DIR
from help_tree import command_tree, long_options

BASH_SCRIPT = SOURCE_DIR / "completion" / "cancelog.bash"
ZSH_SCRIPT = SOURCE_DIR / "completion" / "_cancelog"


@pytest.fixture
def filled(cl, tmp_path):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "R-2")
    cl.ok("operator", "add", "Magti", "--country", "GE", "--hotline", "570")
    (tmp_path / "receipt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not much of a photo")
    cl.ok("receipt", "add", "1", tmp_path / "receipt.jpg")
    return cl


def bash_complete(cl, *words):
    """What bash offers for `cancelog WORDS` with the cursor at the end of the last word, as
    bash would call the function (COMP_WORDS split at '=' as bash splits it)."""
    split = []
    for word in map(str, words):
        if "=" in word and word.startswith("--"):
            name, _, value = word.partition("=")
            split += [name, "=", value] if value else [name, "="]
        else:
            split.append(word)
    quoted = " ".join(f"'{w}'" for w in [BIN, *split])
    script = (f"source '{BASH_SCRIPT}'\n"
              f"COMP_WORDS=({quoted}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n"
              "_cancelog; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    r = subprocess.run(["bash", "--norc", "-c", script], env=cl.env, cwd=cl.home,
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    return [line for line in r.stdout.splitlines() if line]


# --- bash ----------------------------------------------------------------------------------

def test_bash_registers_the_completion(cl):
    r = subprocess.run(["bash", "--norc", "-c", f"source '{BASH_SCRIPT}'; complete -p cancelog"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "complete -F _cancelog cancelog"


def test_bash_commands_and_subcommands(filled):
    assert bash_complete(filled, "op") == ["operator"]
    assert "receipt" in bash_complete(filled, "")
    assert "__complete" not in bash_complete(filled, "")
    assert bash_complete(filled, "receipt", "") == ["add", "list", "get", "verify"]
    assert bash_complete(filled, "config", "u") == ["unset"]


def test_bash_options_of_the_command_and_global_ones(filled):
    options = bash_complete(filled, "check", "1", "--")
    assert {"--outcome", "--method", "--ref", "--at", "--next", "--db", "--json"} <= set(options)
    assert "--channel" not in options  # an option of add, not of check
    assert bash_complete(filled, "add", "0501234567", "--ch") == ["--channel"]


def test_bash_values_of_enumerations(filled):
    assert bash_complete(filled, "check", "1", "--outcome", "") == [
        "pending", "action-needed", "no-answer", "confirmed", "rejected"]
    assert bash_complete(filled, "check", "1", "--outcome", "co") == ["confirmed"]
    assert bash_complete(filled, "check", "1", "--method", "s") == ["store", "sms"]
    assert bash_complete(filled, "add", "0501234567", "--channel", "") == [
        "store", "online", "phone", "other"]
    assert bash_complete(filled, "list", "--status", "") == [
        "requested", "pending", "action-needed", "no-answer", "confirmed", "rejected",
        "withdrawn", "open", "closed"]
    assert bash_complete(filled, "export", "--format", "") == ["csv", "json", "ics"]
    assert bash_complete(filled, "due", "--within", "") == ["1d", "3d", "1w"]
    assert bash_complete(filled, "snooze", "1", "") == ["tomorrow", "+3d", "+1w"]
    assert bash_complete(filled, "dossier", "1", "--format", "") == ["md", "html"]
    assert bash_complete(filled, "tick", "1", "sim") == ["sim-destroyed"]
    assert bash_complete(filled, "--color=al") == ["always"]
    assert bash_complete(filled, "list", "--color=") == ["auto", "always", "never"]
    assert "remind.first.online" in bash_complete(filled, "config", "set", "remind.")


def test_bash_operators_case_ids_and_files_from_the_database(filled, tmp_path):
    assert sorted(bash_complete(filled, "list", "--operator", "")) == [
        "Azercell", "Bakcell", "Magti", "Nar"]
    assert bash_complete(filled, "operator", "edit", "M") == ["Magti"]
    assert bash_complete(filled, "check", "") == ["2", "1"]  # newest request first
    assert bash_complete(filled, "show", "2") == ["2"]
    assert bash_complete(filled, "receipt", "get", "1", "") == ["receipt.jpg"]
    assert bash_complete(filled, "add", "0501234567", "--attach", "rec") == ["receipt.jpg"]


def test_bash_reads_the_database_of_the_command_line(filled, tmp_path):
    other = tmp_path / "other.db"
    assert bash_complete(filled, "--db", other, "check", "") == []  # no such database yet
    assert not other.exists()  # completion never creates one
    filled.ok("--db", other, "add", "0701234567", "--channel", "phone", "--receipt", "C")
    assert bash_complete(filled, "--db", other, "check", "") == ["1"]
    assert bash_complete(filled, "--db", other, "list", "--operator", "M") == []


def test_bash_without_a_database(cl):
    assert bash_complete(cl, "check", "") == []
    assert bash_complete(cl, "list", "--operator", "") == []
    assert not cl.db.exists()


def test_every_option_of_every_command_is_offered(cl):
    for path, text in command_tree(cl).items():
        offered = set(bash_complete(cl, *path, "--"))
        assert set(long_options(text)) <= offered, path


# --- zsh -----------------------------------------------------------------------------------

# scripts/deps test installs zsh: these tests run, never skip.

def test_zsh_script_parses():
    r = subprocess.run(["zsh", "-n", ZSH_SCRIPT], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert ZSH_SCRIPT.read_text().startswith("#compdef cancelog\n")


def zsh_complete(cl, *words):
    """What the zsh function hands to the completion system for `cancelog WORDS`, with
    _describe, _files and compset replaced by stubs that print what they were given."""
    stubs = ("_describe() { print -rl -- \"${(@P)${@[-1]}}\" }\n"
             "_files() { print -r -- '<files>' }\n"
             "compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=} }\n"
             "words=(\"$@\"); CURRENT=${#words}; PREFIX=${words[-1]}\n"
             f"source '{ZSH_SCRIPT}'\n")
    r = subprocess.run(["zsh", "-f", "-c", stubs, "zsh", BIN, *map(str, words)], env=cl.env,
                       cwd=cl.home, capture_output=True, text=True)
    assert r.stderr == "", r.stderr
    return r.stdout.splitlines()


def test_zsh_offers_commands_values_and_database_names(filled):
    assert "operator:the operator directory" in zsh_complete(filled, "")
    assert zsh_complete(filled, "check", "1", "--outcome", "") == [
        "pending", "action-needed", "no-answer", "confirmed", "rejected"]
    assert zsh_complete(filled, "--color=a") == ["auto", "always", "never"]
    assert "Magti:570" in zsh_complete(filled, "list", "--operator", "")
    assert zsh_complete(filled, "check", "")[0].startswith("2:+994 55 123 45 67 Bakcell")
    assert zsh_complete(filled, "import", "") == ["<files>"]


ZPTY_DRIVER = r"""
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=($FPATH_DIR $fpath); path=($BIN_DIR $path); autoload -Uz compinit; compinit -u -D; print ${(U):-ready}'  # READY only once compinit is done (not its echo)
zpty -r z line '*READY*'
zpty -w -n z "$1"$'\t'
local out= chunk
for i in {1..300}; do  # until zsh shows what is expected, or 30 s
  if zpty -r -t z chunk; then out+=$chunk; else sleep 0.1; fi
  [[ ${out//$'\r'/} == *"$2"* ]] && break
done
print -r -- "$out"
zpty -d z
"""


def zsh_tab(cl, tmp_path, line, expect):
    """Types LINE and TAB into an interactive zsh (on a pseudo-terminal, zsh's own zpty) with
    the completion system loaded and _cancelog in $fpath; returns what zsh showed once it
    showed EXPECT (or after 30 s)."""
    fpath = tmp_path / "fpath"
    bindir = tmp_path / "bin"
    if not fpath.exists():
        fpath.mkdir()
        bindir.mkdir()
        shutil.copy(ZSH_SCRIPT, fpath / "_cancelog")
        (bindir / "cancelog").symlink_to(BIN)
    driver = tmp_path / "driver.zsh"
    driver.write_text(ZPTY_DRIVER)
    env = {**cl.env, "FPATH_DIR": str(fpath), "BIN_DIR": str(bindir), "TERM": "dumb"}
    r = subprocess.run(["zsh", "-f", driver, line, expect], env=env, cwd=cl.home, capture_output=True,
                       text=True, timeout=60)
    return r.stdout.rsplit("READY", 1)[-1].replace("\r", "")


def test_zsh_completes_for_real(filled, tmp_path):
    """The real completion system (compinit, _describe, _files) runs the script."""
    def shows(line, expect):
        return expect in zsh_tab(filled, tmp_path, line, expect)

    assert shows("cancelog op", "cancelog operator ")
    assert shows("cancelog check 1 --outcome co", "--outcome confirmed ")
    listing = zsh_tab(filled, tmp_path, "cancelog check 1 --outcome ", "rejected")
    for outcome in ("pending", "action-needed", "no-answer", "confirmed", "rejected"):
        assert outcome in listing
    assert shows("cancelog list --operator Mag", "--operator Magti ")
    assert shows("cancelog --color=alw", "--color=always ")
    assert shows("cancelog import rec", "import receipt.jpg ")
