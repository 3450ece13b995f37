"""The database holds personal data: private files and folders whatever the umask."""
import os
import stat
import subprocess
import time

import pytest

from conftest import BIN


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def run_with_umask(cl, umask, *args, env=None):
    full = dict(cl.env)
    full.update(env or {})
    return subprocess.run(
        ["sh", "-c", f'umask {umask:03o}; exec "$@"', "sh", BIN, *args],
        env=full, capture_output=True, text=True, cwd=cl.home)


def test_database_0600_and_folder_0700_under_umask_000(cl):
    r = run_with_umask(cl, 0, "add", "0501234567", "--channel", "store", "--receipt", "R")
    assert r.returncode == 0, r.stderr
    assert mode(cl.db) == 0o600
    assert mode(cl.db.parent) == 0o700
    for suffix in ("-wal", "-shm"):
        side = cl.db.with_name(cl.db.name + suffix)
        if side.exists():
            assert mode(side) == 0o600


def test_default_location_is_xdg_data_home(cl, tmp_path):
    data = tmp_path / "xdg"
    r = run_with_umask(cl, 0, "list", env={"CANCELOG_DB": "", "XDG_DATA_HOME": str(data)})
    assert r.returncode == 0, r.stderr
    db = data / "cancelog" / "cancelog.db"
    assert db.exists()
    assert mode(db) == 0o600
    assert mode(data / "cancelog") == 0o700


def test_default_location_without_xdg_is_under_home(cl, tmp_path):
    r = cl.run("list", env={"CANCELOG_DB": None, "XDG_DATA_HOME": None})
    assert r.code == 0, r
    assert (tmp_path / ".local" / "share" / "cancelog" / "cancelog.db").exists()


def test_relative_xdg_data_home_is_ignored(cl, tmp_path):
    r = cl.run("list", env={"CANCELOG_DB": None, "XDG_DATA_HOME": "relative/dir"})
    assert r.code == 0, r
    assert (tmp_path / ".local" / "share" / "cancelog" / "cancelog.db").exists()
    assert not (tmp_path / "relative").exists()


def test_db_flag_wins_over_environment(cl, tmp_path):
    other = tmp_path / "other.db"
    cl.ok("--db", other, "add", "0501234567", "--channel", "store", "--receipt", "R")
    assert other.exists()
    assert not cl.db.exists()
    # --db may also follow the command.
    assert len(cl.json("list", "--db", other)) == 1


def test_loose_permissions_are_tightened_with_a_warning(cl):
    cl.ok("list")
    os.chmod(cl.db, 0o644)
    r = cl.ok("list")
    assert "warning" in r.err and "0600" in r.err
    assert mode(cl.db) == 0o600
    assert cl.ok("list").err == ""  # said once, then quiet


def test_own_folder_is_tightened(cl, tmp_path):
    data = tmp_path / "xdg"
    (data / "cancelog").mkdir(parents=True)
    os.chmod(data / "cancelog", 0o755)
    r = cl.run("list", env={"CANCELOG_DB": None, "XDG_DATA_HOME": str(data)})
    assert r.code == 0 and "0700" in r.err, r
    assert mode(data / "cancelog") == 0o700


# Every file and folder cancelog writes, each made under umask 000 (which would leave them
# open to everyone): (id, command, the path it writes, relative to the test's folder).
PRIVATE_FILES = [
    ("export-csv", ["export", "-o", "out/cases.csv"], "out/cases.csv"),
    ("export-json", ["export", "--format", "json", "--what", "all", "-o", "out/all.json"],
     "out/all.json"),
    ("export-over-a-0644-file", ["export", "-o", "out/old.csv"], "out/old.csv"),
    ("receipt-get", ["receipt", "get", "1", "-o", "out/receipt.txt"], "out/receipt.txt"),
    ("dossier-md", ["dossier", "1", "-o", "out/case-1.md"], "out/case-1.md"),
    ("dossier-html", ["dossier", "1", "-o", "out/case-1.html"], "out/case-1.html"),
    ("backup", ["backup", "out/backup.db"], "out/backup.db"),
    ("new-database-in-new-folders", ["--db", "new/a/b/c.db", "list"], "new/a/b/c.db"),
]


@pytest.mark.parametrize("name,args,written", PRIVATE_FILES, ids=[p[0] for p in PRIVATE_FILES])
def test_every_file_written_is_private_under_umask_000(cl, tmp_path, name, args, written):
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "R")
    (tmp_path / "receipt.txt").write_text("receipt")
    cl.ok("receipt", "add", "1", tmp_path / "receipt.txt")
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    (out / "old.csv").write_text("old")
    os.chmod(out / "old.csv", 0o644)
    r = run_with_umask(cl, 0, *args)
    assert r.returncode == 0, r.stderr
    assert mode(tmp_path / written) == 0o600
    if name == "new-database-in-new-folders":
        for folder in ("new", "new/a", "new/a/b"):
            assert mode(tmp_path / folder) == 0o700
    # Nothing else was left in the folder (temporary files, open to all or not).
    assert sorted(p.name for p in out.iterdir()) == sorted(
        {"old.csv", os.path.basename(written)} if written.startswith("out/") else {"old.csv"})


def test_wal_and_shm_files_are_private_under_umask_000(cl, tmp_path):
    """The -wal and -shm files exist while cancelog writes: a writer killed mid-import leaves
    them behind, as it made them."""
    cl.ok("list")
    rows = tmp_path / "rows.csv"
    with open(rows, "w") as f:
        f.write("number,operator,channel,requested_on\n")
        for i in range(50000):
            f.write(f"+99450{i:07d},,store,2026-03-01\n")
    wal = cl.db.with_name(cl.db.name + "-wal")
    shm = cl.db.with_name(cl.db.name + "-shm")
    assert not wal.exists() and not shm.exists()
    proc = subprocess.Popen(["sh", "-c", 'umask 000; exec "$@"', "sh", BIN, "import", str(rows)],
                            env=cl.env, cwd=cl.home, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 0:
            break
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    assert wal.exists() and shm.exists()
    assert mode(wal) == 0o600 and mode(shm) == 0o600
    assert mode(cl.db) == 0o600
