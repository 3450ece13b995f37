// util/fs: private folders, and OutputFile (whole or nothing; devices and pipes in place).
#include "support.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using namespace cancelog;
namespace fs = std::filesystem;

namespace {

using FsTempDir = testing::TempDir;

std::string fs_read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("fs: an output file appears whole on commit, private, or not at all") {
  FsTempDir tmp;
  const fs::path target = tmp.path / "out.csv";
  {
    util::OutputFile out(target, util::OutputFile::Existing::refuse);
    out.stream() << "half";
    CHECK_FALSE(fs::exists(target));
  }
  CHECK(fs::is_empty(tmp.path)); // no target, no temporary file
  {
    util::OutputFile out(target, util::OutputFile::Existing::refuse);
    out.stream() << "whole";
    out.commit();
  }
  CHECK(fs_read_file(target) == "whole");
  struct stat st {};
  ::stat(target.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK_THROWS_AS(util::OutputFile(target, util::OutputFile::Existing::refuse), InputError);
}

TEST_CASE("fs: a missing folder or a folder as target is bad input") {
  FsTempDir tmp;
  CHECK_THROWS_WITH(util::OutputFile(tmp.path / "no" / "x", util::OutputFile::Existing::replace),
                    Catch::Contains("does not exist"));
  CHECK_THROWS_AS(util::OutputFile(tmp.path / "no" / "x", util::OutputFile::Existing::replace),
                  InputError);
  CHECK_THROWS_WITH(util::OutputFile(tmp.path, util::OutputFile::Existing::replace),
                    Catch::Contains("is a folder"));
}

TEST_CASE("fs: a symbolic link at the target counts as an existing file") {
  FsTempDir tmp;
  fs::create_symlink(tmp.path / "nowhere", tmp.path / "link");
  CHECK_THROWS_AS(util::OutputFile(tmp.path / "link", util::OutputFile::Existing::refuse),
                  InputError);
}

TEST_CASE("fs: a character device is written in place, never replaced") {
  // Found by the hostile-input corpus: as root, `export -o /dev/null` renamed a file over
  // the device. (/dev/null, not /dev/full: a regression must not remove a device.)
  util::OutputFile out("/dev/null", util::OutputFile::Existing::refuse);
  CHECK(out.in_place());
  out.stream() << "gone";
  out.commit();
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("fs: a full device fails the commit with the reason") {
  FsTempDir tmp;
  fs::create_symlink("/dev/full", tmp.path / "full");
  util::OutputFile out(tmp.path / "full", util::OutputFile::Existing::replace);
  out.stream() << std::string(1 << 16, 'x');
  CHECK_THROWS_WITH(out.commit(), Catch::Contains("No space left on device"));
  CHECK(fs::is_symlink(tmp.path / "full"));
}

TEST_CASE("fs: a named pipe is written in place") {
  FsTempDir tmp;
  const fs::path fifo = tmp.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = fs_read_file(fifo); });
  {
    util::OutputFile out(fifo, util::OutputFile::Existing::refuse);
    out.stream() << "through the pipe";
    out.commit();
  }
  reader.join();
  CHECK(received == "through the pipe");
  struct stat st {};
  ::stat(fifo.c_str(), &st);
  CHECK(S_ISFIFO(st.st_mode));
}
