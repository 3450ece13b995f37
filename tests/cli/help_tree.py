"""The commands and options of cancelog as its --help lists them (English, LANG=C.UTF-8), so
that tests of the help, the manual page and completion cover every command, including those
added later, without a list of their own."""
import re


def section(help_text, title):
    """The lines of one section of CLI11's help ("Commands:", "Options:"), up to a blank line."""
    lines = help_text.splitlines()
    if f"{title}:" not in lines:
        return []
    start = lines.index(f"{title}:") + 1
    out = []
    for line in lines[start:]:
        if not line.strip():
            break
        out.append(line)
    return out


def subcommands(help_text):
    return [m.group(1) for line in section(help_text, "Commands")
            if (m := re.match(r"  ([a-z][\w-]*)\s", line + " "))]


def long_options(help_text):
    """The long options of a command, without --help and --help-all."""
    found = []
    for line in section(help_text, "Options"):
        found += re.findall(r"(?<![\w-])(--[a-z][\w-]*)", line.split("  ", 2)[1])
    return [o for o in found if o not in ("--help", "--help-all")]


def command_tree(cl):
    """{("operator", "add"): help text, ...} for every command and subcommand (not the top)."""
    tree = {}
    pending = [()]
    while pending:
        path = pending.pop(0)
        text = cl.ok(*path, "--help").out
        if path:
            tree[path] = text
        pending += [path + (name,) for name in subcommands(text)]
    return tree
