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
  if (m_existing == Existing::refuse && fs::exists(m_target)) {
    throw InputError(trf("{} already exists; choose another name or pass --force to replace it",
                         quote(m_target.string())));
  }
  if (fs::is_directory(m_target)) {
    throw InputError(trf("{} is a folder; give a file name", quote(m_target.string())));
  }
  const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
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

OutputFile::~OutputFile() {
  if (!m_committed) {
    m_stream.close();
    std::remove(m_temp.c_str());
  }
}

void OutputFile::commit() {
  m_stream.flush();
  const bool written = static_cast<bool>(m_stream);
  m_stream.close();
  if (!written) {
    throw Error(trf("cannot write to {} (is the disk full?)", quote(m_target.string())));
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
