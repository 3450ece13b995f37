"""--help for every command (found by walking `cancelog --help`, so new commands are covered),
and usage errors in our own words that end with the --help of the right (sub)command."""
import pytest

from conftest import assert_one_error_line
from help_tree import command_tree, subcommands


def test_the_top_level_help_lists_commands_and_examples(cl):
    r = cl.ok("--help")
    assert "Example" in r.out
    assert {"add", "list", "check", "operator", "receipt", "config"} <= set(subcommands(r.out))
    assert "__complete" not in r.out  # hidden: for the completion scripts only
    assert not cl.db.exists()  # help never touches the database


def test_every_command_has_help_with_an_example(cl):
    tree = command_tree(cl)
    assert len(tree) >= 30
    for path, text in tree.items():
        assert text.startswith(text.splitlines()[0]) and "Usage: cancelog " + " ".join(path) in text
        assert "Example" in text, f"'cancelog {' '.join(path)} --help' has no example"
        # Every example line names the program: copied into a shell, it runs.
        examples = text.split("Example", 1)[1].splitlines()[1:]
        assert any(line.strip().startswith("cancelog ") for line in examples), path
    assert not cl.db.exists()


def test_help_after_other_arguments(cl):
    assert "Usage: cancelog operator add" in cl.ok("operator", "add", "Magti", "--help").out
    assert "Usage: cancelog check" in cl.ok("check", "1", "-h").out


# --- Usage errors --------------------------------------------------------------------------

@pytest.mark.parametrize("args, message, command", [
    # RequiredError: options, positionals, subcommands
    (["add", "0501234567"], "option --channel is required", "add"),
    (["operator", "add"], "argument name is required", "operator add"),
    (["receipt", "get", "1"], "option --output is required", "receipt get"),
    (["config", "set", "remind.first.store"], "argument value is required", "config set"),
    (["check"], "argument id is required", "check"),
    (["operator"], "a command is needed: list, add, edit", "operator"),
    ([], "a command is needed: add, list,", ""),
    # ExtrasError: unknown option, unknown command, too many arguments
    (["add", "0501234567", "--channel", "store", "--bogus"], "unknown option '--bogus'", "add"),
    (["operator", "add", "Magti", "--bogus"], "unknown option '--bogus'", "operator add"),
    (["frob"], "unknown command 'frob'", ""),
    (["config", "frob"], "unknown command 'frob'", "config"),
    (["show", "1", "2", "3"], "too many arguments: '2', '3' not expected", "show"),
    (["receipt", "get", "1", "a.jpg", "b.jpg", "-o", "x"], "too many arguments: 'b.jpg'",
     "receipt get"),
    # ArgumentMismatch: an option without its value
    (["add", "0501234567", "--channel"], "--channel needs a value", "add"),
    (["operator", "add", "Magti", "--prefix"], "--prefix needs a value", "operator add"),
    # ConversionError: a value of the wrong type, a value given to a flag
    (["list", "--limit", "ten"], "--limit: 'ten' is not a whole number", "list"),
    (["list", "--json=yes please"], "--json takes no value", ""),
    (["receipt", "get", "1", "-o", "x", "--force=maybe"], "--force takes no value",
     "receipt get"),
    # ValidationError: a bad choice of a global option, before or after the command
    (["--color", "sometimes", "list"], "--color: unknown value 'sometimes'; use one of: auto, "
     "always, never", ""),
    (["list", "--color=sometimes"], "--color: unknown value 'sometimes'", ""),
])
def test_usage_errors_name_the_fact_and_the_right_help(cl, args, message, command):
    r = cl.run(*args)
    assert_one_error_line(r, 2)
    line = r.err.strip()
    assert message in line
    hint = f"see 'cancelog {command} --help'" if command else "see 'cancelog --help'"
    assert line.endswith(hint), line
    # Our own words: none of CLI11's English sentences leak through.
    for english in ("is required", "The following argument", "Could not convert",
                    "Expected exactly", "required TEXT missing", "FAILED", "A subcommand"):
        if english not in message:
            assert english not in line, line
    assert not cl.db.exists()


def test_usage_errors_of_our_own_checks_name_the_command_too(cl):
    # A UsageError raised by a command (not by CLI11) gets the same hint.
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    r = cl.run("edit", "1", "--status", "confirmed")
    assert_one_error_line(r, 2)
    assert "the status is not edited" in r.err
    assert r.err.strip().endswith("; see 'cancelog edit --help'")


@pytest.mark.parametrize("args, command", [
    (["add", "0501234567", "--channel", "pigeon"], "add"),
    (["check", "1", "--outcome", "maybe"], "check"),
    (["list", "--status", "lost"], "list"),
    (["export", "--what", "everything"], "export"),
    (["dossier", "1", "--format", "pdf"], "dossier"),
])
def test_a_bad_choice_lists_the_choices_and_the_help(cl, args, command):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    r = cl.run(*args)
    assert_one_error_line(r, 2)
    assert f"{args[-2]}: unknown" in r.err and "use one of: " in r.err
    assert r.err.strip().endswith(f"; see 'cancelog {command} --help'")


def test_bad_values_other_than_choices_say_what_to_do_instead(cl):
    # A wrong date is not a wrong command line: no help hint, the message says what to do.
    r = cl.run("add", "0501234567", "--channel", "store", "--on", "someday")
    assert_one_error_line(r, 2)
    assert "--on" in r.err and "--help" not in r.err
