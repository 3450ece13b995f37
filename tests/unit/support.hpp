#pragma once

// What several unit test files need: a private temporary folder, and a Store in one.

#include "storage/store.hpp"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>

namespace cancelog::testing {

// A fresh folder under the system's temporary folder, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cancelog-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// A new database (test.db) in a TempDir; what opening it warned about is in `warnings`.
struct StoreFixture {
  TempDir dir;
  std::ostringstream warnings;
  std::unique_ptr<storage::Store> store =
      std::make_unique<storage::Store>(dir.path / "test.db", storage::OpenOptions{}, warnings);
};

} // namespace cancelog::testing
