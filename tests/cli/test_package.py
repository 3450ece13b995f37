"""The Debian package installs and runs (issue 9); built by scripts/package."""
import os
import subprocess
from pathlib import Path

from conftest import SOURCE_DIR
from test_i18n import ZH_LOCALE, require_zh_locale


def test_deb_unpacks_into_a_scratch_root_and_runs(tmp_path):
    built = subprocess.run([SOURCE_DIR / "scripts" / "package"], capture_output=True, text=True,
                           cwd=SOURCE_DIR)
    assert built.returncode == 0, built.stderr
    deb = Path(built.stdout.strip().splitlines()[-1])
    deb = deb if deb.is_absolute() else SOURCE_DIR / deb
    info = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True)
    assert "libdate-tz3" in info.stdout and "libphonenumber" in info.stdout
    assert "libsqlite3" not in info.stdout  # linked in (CMakeLists.txt)
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", deb, root], check=True)
    binary = root / "usr" / "bin" / "cancelog"
    run = subprocess.run([binary, "--version"], capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.startswith("cancelog ")
    db = tmp_path / "db" / "c.db"
    add = subprocess.run([binary, "--db", db, "add", "0501234567", "--channel", "store",
                          "--receipt", "R"], capture_output=True, text=True,
                         env={**os.environ, "CANCELOG_NOW": "2026-03-04T10:00:00Z"})
    assert add.returncode == 0, add.stderr
    assert add.stdout.startswith("Added case 1")
    # The manual page, both completion scripts and the catalogues come with the program.
    for path in ["usr/share/man/man1/cancelog.1",
                 "usr/share/bash-completion/completions/cancelog",
                 "usr/share/zsh/vendor-completions/_cancelog",
                 "usr/share/locale/zh_CN/LC_MESSAGES/cancelog.mo"]:
        assert (root / path).is_file(), path
    contents = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True).stdout
    assert "./usr/share/man/man1/cancelog.1" in contents
    page = subprocess.run(["man", "--warnings", "-l", root / "usr/share/man/man1/cancelog.1"],
                          capture_output=True, text=True,
                          env={**os.environ, "MANPAGER": "cat", "LANG": "C.UTF-8"})
    assert page.returncode == 0 and page.stderr == "", page.stderr
    # The unpacked program finds its catalogue relative to itself (usr/bin/../share/locale).
    require_zh_locale()
    listed = subprocess.run([binary, "--db", db, "list", "--status", "withdrawn"],
                            capture_output=True, text=True,
                            env={**os.environ, "LC_ALL": ZH_LOCALE,
                                 "CANCELOG_NOW": "2026-03-04T10:00:00Z"})
    assert listed.stdout == "没有案件。\n", listed
