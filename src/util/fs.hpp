#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>

namespace cancelog::util {

// Creates the folder and any missing parents with mode 0700, whatever the umask.
void make_private_dirs(const std::filesystem::path& dir);

// Sets an existing file to 0600 when group or others may read or write it; returns true
// when it had to (so that the caller can warn).
bool tighten_file_mode(const std::filesystem::path& file);

// A file written in full or not at all: the bytes go to a private (0600) temporary file
// beside the target, which takes the target's name on commit(). Without commit() the
// temporary file is removed, so an error never leaves half a file behind. A target that is a
// character device or a named pipe (/dev/stdout, a pipe to another program) is written in
// place instead: it cannot be replaced; other kinds of file (block devices) are refused.
class OutputFile {
public:
  enum class Existing { replace, refuse };

  // Throws Error when the folder cannot be written; with Existing::refuse, throws InputError
  // when the target exists (a device or pipe is not replaced, so it is not refused).
  OutputFile(std::filesystem::path target, Existing existing);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // The stream to write to.
  std::ostream& stream() { return m_stream; }
  // The private temporary file, for writers that need a path rather than the stream
  // (SQLite's backup); commit() moves it into place all the same. For a target written in
  // place, the target itself.
  [[nodiscard]] const std::filesystem::path& temp_path() const { return m_temp; }
  // Flushes, syncs and moves the file into place; throws Error on failure.
  void commit();

  // True when the target is a device or a pipe, written in place.
  [[nodiscard]] bool in_place() const { return m_in_place; }

private:
  void open_in_place(const std::filesystem::file_status& status);

  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  Existing m_existing;
  std::ofstream m_stream;
  bool m_committed = false;
  bool m_in_place = false;
};

} // namespace cancelog::util
