#include "util/fs.hpp"

#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace cancelog::util {

namespace fs = std::filesystem;

namespace {

std::string reason() {
  return std::strerror(errno);
}

} // namespace

void make_private_dirs(const fs::path& dir) {
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) {
      break;
    }
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      throw Error(trf("cannot create the folder {}: {}", quote(it->string()), reason()));
    }
    if (::chmod(it->c_str(), 0700) != 0) {
      throw Error(trf("cannot set the permissions of {}: {}", quote(it->string()), reason()));
    }
  }
}

bool tighten_file_mode(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return false;
  }
  if ((st.st_mode & 077) == 0) {
    return false;
  }
  if (::chmod(file.c_str(), st.st_mode & 0700) != 0) {
    throw Error(trf("cannot set the permissions of {}: {}", quote(file.string()), reason()));
  }
  return true;
}

OutputFile::OutputFile(fs::path target, Existing existing)
    : m_target(std::move(target)), m_existing(existing) {
  std::error_code ec;
  const fs::file_status status = fs::status(m_target, ec); // through symbolic links
  if (fs::is_directory(status)) {
    throw InputError(trf("{} is a folder; give a file name", quote(m_target.string())));
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    open_in_place(status);
    return;
  }
  if (m_existing == Existing::refuse && fs::exists(fs::symlink_status(m_target, ec))) {
    throw InputError(trf("{} already exists; choose another name or pass --force to replace it",
                         quote(m_target.string())));
  }
  const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    throw InputError(trf("the folder {} does not exist; create it first", quote(dir.string())));
  }
  std::string name = ".";
  name += m_target.filename().string();
  name += ".tmp-XXXXXX";
  std::string pattern = (dir / name).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(trf("cannot write to {}: {}", quote(m_target.string()), reason()));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  m_temp = pattern;
  m_stream.open(m_temp, std::ios::binary | std::ios::trunc);
  if (!m_stream) {
    std::remove(m_temp.c_str());
    throw Error(trf("cannot write to {}", quote(m_target.string())));
  }
}

void OutputFile::open_in_place(const fs::file_status& status) {
  // A device or a pipe cannot be replaced by renaming a file over it (as root that would
  // remove /dev/null), and there is nothing to protect from half a write: write into it.
  // Block devices (disks) and sockets are never written.
  if (!fs::is_character_file(status) && !fs::is_fifo(status)) {
    throw InputError(trf("{} is not a regular file, a pipe or a terminal; give a file name",
                         quote(m_target.string())));
  }
  m_in_place = true;
  m_temp = m_target;
  m_stream.open(m_target, std::ios::binary | std::ios::out);
  if (!m_stream) {
    throw Error(trf("cannot write to {}: {}", quote(m_target.string()), reason()));
  }
}

OutputFile::~OutputFile() {
  if (!m_committed) {
    m_stream.close();
    if (!m_in_place) {
      std::remove(m_temp.c_str());
    }
  }
}

void OutputFile::commit() {
  m_stream.flush();
  const bool written = static_cast<bool>(m_stream);
  const int error = errno;
  m_stream.close();
  if (!written) {
    const std::string why = error != 0 ? std::strerror(error) : _("the write failed");
    if (m_in_place) {
      throw Error(trf("cannot write to {}: {}", quote(m_target.string()), why));
    }
    throw Error(trf("cannot write to {}: {}; no file was left behind; free some space and try "
                    "again",
                    quote(m_target.string()), why));
  }
  if (m_in_place) {
    m_committed = true;
    return;
  }
  if (const int fd = ::open(m_temp.c_str(), O_RDONLY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (m_existing == Existing::refuse) {
    // link() fails when the target appeared meanwhile: never replace a file by surprise.
    if (::link(m_temp.c_str(), m_target.c_str()) != 0) {
      throw Error(trf("cannot create {}: {}", quote(m_target.string()), reason()));
    }
    std::remove(m_temp.c_str());
  } else if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    throw Error(trf("cannot create {}: {}", quote(m_target.string()), reason()));
  }
  m_committed = true;
}

} // namespace cancelog::util
