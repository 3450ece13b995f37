"""The database holds personal data: private files and folders whatever the umask."""
import os
import stat
import subprocess

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
