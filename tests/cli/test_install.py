"""`cmake --install` into any prefix: the program, its manual page, both completion scripts
and the compiled catalogues, and the installed program finds its catalogues from there."""
import hashlib
import os
import re
import subprocess
from pathlib import Path

from conftest import BIN, SOURCE_DIR
from test_i18n import ZH_LOCALE, require_zh_locale

BUILD_DIR = Path(os.environ.get("CANCELOG_BUILD_DIR", Path(BIN).parent))
INSTALLED = ["bin/cancelog", "share/man/man1/cancelog.1",
             "share/bash-completion/completions/cancelog", "share/zsh/vendor-completions/_cancelog",
             "share/locale/zh_CN/LC_MESSAGES/cancelog.mo",
             # loaded on demand (util/module.hpp): numbers; hashes and media types
             "lib/cancelog/cancelog-phone.so", "lib/cancelog/cancelog-files.so",
             "lib/cancelog/cancelog-ics.so"]


def test_install_into_a_prefix_and_run_from_there(tmp_path, cl):
    prefix = tmp_path / "prefix"
    r = subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", prefix],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for path in INSTALLED:
        assert (prefix / path).is_file(), path
    assert sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*") if p.is_file()) == \
        sorted(INSTALLED)
    binary = prefix / "bin" / "cancelog"
    assert os.access(binary, os.X_OK)
    assert subprocess.run([binary, "--version"], capture_output=True, text=True,
                          env=cl.env).stdout.startswith("cancelog ")
    # It finds its modules in <prefix>/lib/cancelog: a number validated, a file hashed.
    receipt = tmp_path / "receipt.txt"
    receipt.write_text("paid\n")
    other = tmp_path / "other.db"
    added = subprocess.run([binary, "--db", other, "add", "050 123 45 67", "--channel", "store",
                            "--attach", receipt], capture_output=True, text=True, env=cl.env)
    assert added.returncode == 0, added.stderr
    assert cl.json("--db", other, "receipt", "list", "1")[0]["sha256"] == \
        hashlib.sha256(receipt.read_bytes()).hexdigest()
    calendar = subprocess.run([binary, "--db", other, "export", "--format", "ics"],
                              capture_output=True, text=True, env=cl.env)
    assert calendar.returncode == 0, calendar.stderr
    assert calendar.stdout.count("BEGIN:VEVENT") == 1
    # The completion scripts installed are the ones of the source tree.
    assert (prefix / INSTALLED[2]).read_bytes() == \
        (SOURCE_DIR / "completion" / "cancelog.bash").read_bytes()
    # The installed program finds the catalogue installed beside it (<prefix>/share/locale).
    require_zh_locale()
    listed = subprocess.run([binary, "list"], capture_output=True, text=True,
                            env={**cl.env, "LANG": ZH_LOCALE})
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == "没有案件。"
    page = subprocess.run(["man", "--warnings", "-l", prefix / INSTALLED[1]],
                          capture_output=True, text=True,
                          env={**os.environ, "MANPAGER": "cat", "LANG": "C.UTF-8"})
    assert page.returncode == 0 and page.stderr == "" and "cancelog" in page.stdout


def test_the_program_links_none_of_the_libraries_its_modules_wrap():
    """libphonenumber, libcrypto, libmagic and libical (with ICU) are loaded by modules when a
    command needs them (util/module.hpp); linked into the program, every start would pay for
    them (docs/performance.md). SQLite and libunistring are linked from their static archives:
    loading and relocating them was a third of the start-up."""
    dynamic = subprocess.run(["readelf", "--dynamic", "--wide", BIN], capture_output=True,
                             text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)
    assert "libdate-tz.so.3" in needed
    assert [name for name in needed if re.match(r"lib(sqlite3|unistring)\.so", name)] == []
    heavy = [name for name in needed
             if re.match(r"lib(phonenumber|crypto|magic|ical|icu\w+|protobuf)\.so", name)]
    assert heavy == []
