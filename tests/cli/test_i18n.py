"""Messages in the user's language (gettext): po/zh_CN.po is compiled by the build into
<build>/locale and chosen by LANG/LC_MESSAGES/LC_ALL; English stays the default. Every message
has a Chinese translation, and every translation takes the same fmt replacement fields as its
English message: the messages are fmt format strings formatted at run time (util::trf), so a
broken placeholder would only show as an exception in front of a user."""
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, SOURCE_DIR

ZH_LOCALE = "zh_CN.UTF-8"
PO = SOURCE_DIR / "po" / "zh_CN.po"
POT = Path(BIN).parent / "po" / "cancelog.pot"


def require_zh_locale():
    """LANG=zh_CN.UTF-8 chooses a catalogue only when the C library has that locale."""
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    assert "zh_cn.utf8" in available.lower().replace("utf-8", "utf8").split(), \
        "the zh_CN.UTF-8 locale is missing: scripts/deps test generates it (as root)"


def test_list_speaks_chinese_under_a_chinese_lang(cl):
    require_zh_locale()
    assert cl.ok("list", env={"LANG": ZH_LOCALE}).out == "没有案件。\n"
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    out = cl.ok("list", env={"LANG": ZH_LOCALE}).out
    header = out.splitlines()[0].split()
    assert header[:4] == ["编号", "号码", "运营商", "渠道"]
    assert "* 运营商由号码前缀推断" in out
    # What scripts read stays the same in every language.
    assert cl.json("list", env={"LANG": ZH_LOCALE}) == cl.json("list")


@pytest.mark.parametrize("variable", ["LANG", "LC_MESSAGES", "LC_ALL"])
def test_each_locale_variable_chooses_the_language(cl, variable):
    require_zh_locale()
    assert cl.ok("list", env={"LANG": "C.UTF-8", variable: ZH_LOCALE}).out == "没有案件。\n"


def test_english_by_default_and_for_unknown_languages(cl):
    assert cl.ok("list").out == "No cases.\n"
    assert cl.ok("list", env={"LANG": "fr_FR.UTF-8"}).out == "No cases.\n"
    assert cl.ok("list", env={"LANG": None}).out == "No cases.\n"


def test_the_catalogue_header():
    text = PO.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert '"Language: zh_CN\\n"' in header
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in header
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header
    assert "Last-Translator: Automatically generated" not in header
    assert "zh_CN" in (SOURCE_DIR / "po" / "LINGUAS").read_text().split()
    r = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", PO], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr


def msgids(path, translated_only=False):
    """The msgids of a .po/.pot (without the header), optionally only those with a non-fuzzy
    translation, read with the gettext tools themselves."""
    args = ["msgattrib", "--no-obsolete", "--no-wrap"]
    if translated_only:
        args += ["--translated", "--no-fuzzy"]
    text = subprocess.run([*args, path], capture_output=True, text=True, check=True).stdout
    ids = set()
    for entry in text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n?)+)', entry, flags=re.M)
        if m:
            ids.add("".join(re.findall(r'"(.*)"', m.group(1))))
    ids.discard("")
    return ids


def test_some_messages_are_translated():
    assert {"ID", "NUMBER", "No cases."} <= msgids(PO, translated_only=True)


def test_every_message_has_a_chinese_translation():
    missing = msgids(POT) - msgids(PO, translated_only=True)
    assert not missing, f"{len(missing)} messages without a zh_CN translation " \
                        "(scripts/update-po, then translate po/zh_CN.po)"


def test_help_labels_follow_the_language(cl):
    require_zh_locale()
    out = cl.ok("operator", "--help", env={"LANG": ZH_LOCALE}).out
    assert "用法: cancelog operator [选项] 命令" in out
    assert "\n命令:\n" in out


def test_english_counts_agree_with_their_nouns(cl, tmp_path):
    """Messages with a count go through ngettext (util::trnf): '1 case', '2 cases'."""
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    out = tmp_path / "one.csv"
    assert cl.ok("export", "-o", out).out == f"Exported 1 case to '{out}'.\n"
    assert "2026-03-04 (0 days ago)" in cl.ok("show", "1").out
    assert "2026-03-04 (1 day ago)" in cl.at("2026-03-05T10:00:00Z").ok("show", "1").out
    stats = cl.at("2026-03-20T10:00:00Z").ok("stats").out
    assert "Overdue: 1 open case; days overdue: up to " in stats
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "R-2")
    two = tmp_path / "two.csv"
    assert cl.ok("export", "-o", two).out == f"Exported 2 cases to '{two}'.\n"
    other = cl.ok("--db", tmp_path / "other.db", "import", out).out
    assert ": 1 case added, 0 updated, 0 skipped" in other
    assert "would add 0 cases" in cl.ok("import", "--dry-run", two).out


# --- The replacement fields of the translations -------------------------------------------

# One token of a fmt format string: a literal brace ({{ or }}), a replacement field
# ({}, {0}, {:>5}, {1:>{}}), or a lone brace, which fmt refuses.
FMT_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}:]*)(?::((?:[^{}]|\{[^{}]*\})*))?\}|[{}]")


def replacement_fields(text):
    """The replacement fields of a fmt format string, as a sorted list of (argument index,
    format spec); raises ValueError for what fmt would refuse with the positional arguments
    that util::trf passes: a lone brace, a named argument, automatic ({}) and manual ({0})
    indexing mixed in one string."""
    fields = []
    kinds = set()
    next_automatic = 0

    def take(arg_id):
        nonlocal next_automatic
        if arg_id == "":
            kinds.add("automatic")
            next_automatic += 1
            return next_automatic - 1
        if not arg_id.isdigit():
            raise ValueError(f"named argument {{{arg_id}}}")
        kinds.add("manual")
        return int(arg_id)

    for m in FMT_TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            raise ValueError(f"a lone {token!r} (write {token * 2} for a literal brace)")
        index = take(m.group(1).strip())
        spec = m.group(2) or ""
        for nested in re.findall(r"\{([^{}]*)\}", spec):  # a dynamic width or precision
            take(nested.strip())
        fields.append((index, spec))
    if len(kinds) > 1:
        raise ValueError("automatic {} and manual {N} fields mixed")
    return sorted(fields)


def fields_problem(msgid, msgstr):
    """Why msgstr would not format with the arguments of msgid, or None when it would."""
    want = replacement_fields(msgid)
    try:
        got = replacement_fields(msgstr)
    except ValueError as e:
        return str(e)
    if len(got) != len(want):
        return f"{len(got)} replacement fields where the msgid has {len(want)}"
    if got != want:
        return f"fields {got} (index, spec) where the msgid has {want}"
    return None


@pytest.mark.parametrize("msgid, msgstr, good", [
    ("case {} of {}", "{} 的案件 {}", True),
    ("case {} of {}", "{1} 的案件 {0}", True),
    ("{:>5} days, {}", "{1}：{0:>5} 天", True),
    ("{{literal}} {}", "{{字面}} {}", True),
    ("no field", "没有字段", True),
    ("case {} of {}", "{1} 的案件 {}", False),  # automatic and manual mixed
    ("case {}", "案件", False),  # a value lost
    ("case {}", "案件 {} {}", False),  # one argument too few at run time
    ("case {} of {}", "{0} 和 {0}", False),  # an argument shown twice, another never
    ("case {} of {}", "{2} 和 {0}", False),  # no third argument
    ("{:>5} days", "{} 天", False),  # the spec lost
    ("{:>5} days", "{:<5} 天", False),  # another spec
    ("{{literal}} {}", "{字面} {}", False),  # a named argument
    ("{{literal}} {}", "{{字面} {}", False),  # a lone brace
])
def test_the_field_check_itself(msgid, msgstr, good):
    assert (fields_problem(msgid, msgstr) is None) == good


PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def po_string(lines):
    """The text of a (possibly multi-line) msgid or msgstr value of a .po file."""
    text = "".join(re.findall(r'^"(.*)"$', lines, flags=re.M))
    return re.sub(r"\\(.)", lambda m: PO_ESCAPES.get(m.group(1), m.group(1)), text)


def translations(path):
    """(msgid, msgstr) of every non-fuzzy translated entry of a .po file, plural forms
    included (each msgstr[N] against msgid_plural, msgstr[0] against msgid)."""
    text = subprocess.run(["msgattrib", "--no-obsolete", "--no-wrap", "--translated",
                           "--no-fuzzy", path], capture_output=True, text=True,
                          check=True).stdout
    pairs = []
    for entry in text.split("\n\n"):
        values = dict(re.findall(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) ((?:".*"\n?)+)',
                                 entry, flags=re.M))
        values = {key: po_string(value) for key, value in values.items()}
        if not values.get("msgid"):
            continue  # the header
        for key, value in values.items():
            if key == "msgstr" or key == "msgstr[0]":
                pairs.append((values["msgid"], value))
            elif key.startswith("msgstr["):
                pairs.append((values.get("msgid_plural", values["msgid"]), value))
    return pairs


def test_every_translation_keeps_the_replacement_fields():
    pairs = translations(PO)
    assert len(pairs) >= len(msgids(POT)), "fewer translations than messages"
    problems = [f"{msgid!r} → {msgstr!r}: {why}" for msgid, msgstr in pairs
                if (why := fields_problem(msgid, msgstr)) is not None]
    assert not problems, "translations that fmt cannot format with the message's " \
                         "arguments:\n" + "\n".join(problems)


def test_every_help_footer_keeps_its_example_lines():
    """Command lines of 'Examples:' are what users copy: the translation keeps them verbatim."""
    for msgid, msgstr in translations(PO):
        examples = [line.split("  #")[0].rstrip() for line in msgid.split("\n")
                    if line.startswith("  cancelog ")]
        kept = [line.split("  #")[0].rstrip() for line in msgstr.split("\n")
                if line.startswith("  cancelog ")]
        assert kept == examples, msgid


# --- Behaviour in Chinese -------------------------------------------------------------------

ZH = {"LANG": ZH_LOCALE}


def test_add_speaks_chinese_with_the_values_in_place(cl):
    require_zh_locale()
    out = cl.ok("add", "050 123 45 67", "--channel", "store", "--receipt", "R-1",
                env=ZH).out.splitlines()
    assert out == [
        "已添加案件 1：+994 50 123 45 67，Azercell，store，申请日期 2026-03-04。",
        "运营商 Azercell 是由前缀 +99450 推断的；号码可能已携号转网，如果不是该运营商，"
        "请用 'cancelog edit 1 --operator NAME' 更正。",
        "下次核查：2026-03-07。",
    ]
    # The values that scripts and users type stay as they are.
    assert cl.json("show", "1", env=ZH)["channel"] == "store"


def test_usage_errors_speak_chinese_and_name_the_bad_value(cl):
    require_zh_locale()
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    before = cl.dump()
    bad = cl.run("add", "0501234567", "--channel", "shop", env=ZH)
    assert bad.code == 2, bad
    assert bad.err == ("cancelog: 错误：--channel：未知值 'shop'；可用的值：store, online, "
                       "phone, other；参见 'cancelog add --help'\n")
    missing = cl.run("show", "7", env=ZH)
    assert missing.code == 2, missing
    assert missing.err == "cancelog: 错误：没有案件 7；'cancelog list' 可列出所有案件\n"
    assert cl.dump() == before


def test_reordered_fields_take_the_right_values(cl):
    """Chinese puts some values in another order ({1} ... {0}): each still lands in place."""
    require_zh_locale()
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R-1")
    (cl.home / "receipt.txt").write_text("paid\n")
    kept = cl.ok("receipt", "add", "1", cl.home / "receipt.txt", env=ZH).out
    assert kept.startswith("已为案件 1 保存 receipt.txt：text/plain，5B，SHA-256 "), kept
    undone = cl.ok("undo", env=ZH).out.splitlines()
    assert undone[0] == "已撤销 2026-03-04 14:00 的 'receipt add'："
    assert undone[1] == "  #1 已删除回执文件 receipt.txt (撤销)"
