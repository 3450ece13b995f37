"""A full disk: a command whose write cannot grow a file fails cleanly (exit 1, one line that
says what to do, nothing half-written), and the next command works.

Two ways to run out of room, each leaving 256 KiB:
- "filesystem": a small tmpfs mounted for the test and filled up (ENOSPC, SQLITE_FULL). It
  needs root and the right to mount; where mounting is refused (a CI container without
  CAP_SYS_ADMIN), the case runs with the file size limit instead and says so in a warning.
- "size-limit": RLIMIT_FSIZE on the command's process with SIGXFSZ ignored, so that a write
  past the limit fails with EFBIG (SQLite's disk I/O error) instead of killing the process.
"""
import gc
import os
import resource
import shutil
import signal
import subprocess
import warnings

import pytest

from conftest import BIN, Cancelog, Result, assert_one_error_line

ROOM = 256 * 1024
TMPFS_SIZE = "16m"
CASES = 3000


def csv_rows(path, count, start=0):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("number,operator,channel,requested_on,receipt,note\r\n")
        for i in range(start, start + count):
            f.write(f"+99450{i:07d},,store,2026-03-01,R-{i},a note long enough to take room {i}\r\n")


class FullDisk:
    """Runs cancelog as if the disk had only ROOM bytes left."""

    def __init__(self, way, folder):
        self.way = way
        self.folder = folder
        self.mounted = False
        self.filler = folder / "filler"
        folder.mkdir()
        if way == "filesystem":
            r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700",
                                "tmpfs", str(folder)], capture_output=True, text=True)
            if r.returncode == 0:
                self.mounted = True
            else:
                warnings.warn(f"cannot mount a tmpfs ({r.stderr.strip()}); the 'filesystem' "
                              "case runs with the file size limit instead")
                self.way = "size-limit"

    def fill(self):
        """Takes all the room of the filesystem but ROOM bytes (no-op for the size limit)."""
        if self.way != "filesystem":
            return
        st = os.statvfs(self.folder)
        free = st.f_bavail * st.f_frsize
        with open(self.filler, "ab") as f:
            f.write(b"\0" * max(0, free - ROOM))

    def run(self, cl, *args):
        """Runs cancelog with the disk full."""
        self.fill()
        if self.way == "filesystem":
            return cl.run(*args)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (ROOM, ROOM))

        proc = subprocess.run([BIN, *map(str, args)], env=cl.env, cwd=cl.home,
                              capture_output=True, text=True, preexec_fn=limit, timeout=300)
        return Result(proc)

    def close(self):
        if self.mounted:
            gc.collect()  # closes the test's own sqlite3 connections to files in it
            if subprocess.run(["umount", str(self.folder)]).returncode != 0:
                subprocess.run(["umount", "--lazy", str(self.folder)], check=True)


@pytest.fixture(params=["filesystem", "size-limit"])
def disk(request, tmp_path):
    d = FullDisk(request.param, tmp_path / "disk")
    yield d
    d.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database holding CASES cases and one receipt file, made once."""
    home = tmp_path_factory.mktemp("seed")
    cl = Cancelog(home)
    rows = home / "seed.csv"
    csv_rows(rows, CASES)
    cl.ok("import", rows)
    receipt = home / "receipt.txt"
    receipt.write_text("store receipt\n")
    cl.ok("receipt", "add", "1", receipt)
    return cl.db.parent


@pytest.fixture
def cl_on(disk, seeded, tmp_path):
    """A copy of the seeded database on the small disk."""
    cl = Cancelog(tmp_path)
    shutil.copytree(seeded, disk.folder / "data")
    cl.db = disk.folder / "data" / "cancelog.db"
    cl.env["CANCELOG_DB"] = str(cl.db)
    return cl


def big_file(path, size):
    """A file of random bytes; named *.jpg, it starts as a JPEG does (a dossier embeds it)."""
    with open(path, "wb") as f:
        if path.suffix == ".jpg":
            f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        f.write(os.urandom(size))
    return path


def growth_case(tmp_path, what):
    """Arguments of a command that must grow the database by more than ROOM."""
    if what == "receipt":
        return ["receipt", "add", "2", big_file(tmp_path / "scan.pdf", 3 * 1024 * 1024)]
    rows = tmp_path / "more.csv"
    csv_rows(rows, 20000, start=CASES)
    return ["import", rows]


@pytest.mark.parametrize("what", ["receipt", "import"])
def test_a_write_that_cannot_grow_the_database_fails_cleanly(disk, cl_on, tmp_path, what):
    cl = cl_on
    args = growth_case(tmp_path, what)
    before = cl.dump()
    r = disk.run(cl, *args)
    assert_one_error_line(r, 1)
    assert "nothing was written" in r.err and "free some space" in r.err, r
    assert cl.dump() == before
    # The next command works, on the same full disk: a small change fits.
    r = disk.run(cl, "add", "0551234567", "--channel", "store", "--receipt", "AFTER")
    assert r.code == 0, r
    assert disk.run(cl, "doctor").code == 0
    assert len(cl.json("list", "--search", "AFTER")) == 1
    assert len(cl.json("receipt", "list", "2")) == 0


@pytest.mark.parametrize("what", ["export", "backup", "dossier", "receipt-get"])
def test_an_output_file_that_cannot_be_written_leaves_nothing(disk, cl_on, tmp_path, what):
    cl = cl_on
    out_dir = disk.folder / "out"
    out_dir.mkdir()
    target = out_dir / "result"
    if what in ("dossier", "receipt-get"):
        # A dossier embeds the case's receipt files: a big one makes the page big.
        cl.ok("receipt", "add", "1", big_file(tmp_path / "photo.jpg", 1024 * 1024))
    args = {
        "export": ["export", "--format", "json", "--what", "all", "-o", target],
        "backup": ["backup", target],
        "dossier": ["dossier", "1", "--format", "html", "-o", target],
        "receipt-get": ["receipt", "get", "1", "photo.jpg", "-o", target],
    }[what]
    before = cl.dump()
    r = disk.run(cl, *args)
    assert_one_error_line(r, 1)
    assert "free some space" in r.err, r
    assert list(out_dir.iterdir()) == []  # no target, no temporary file
    assert cl.dump() == before
    assert disk.run(cl, "list", "--limit", "1").code == 0
