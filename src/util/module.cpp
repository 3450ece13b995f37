#include "util/module.hpp"

#include "util/error.hpp"
#include "util/i18n.hpp"

#include <dlfcn.h>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace cancelog::util {

namespace {

std::vector<std::filesystem::path> module_candidates(std::string_view file_name) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(exe.parent_path() / file_name);
    out.push_back(exe.parent_path().parent_path() / CANCELOG_MODULE_SUBDIR / file_name);
  }
  out.push_back(std::filesystem::path(CANCELOG_MODULE_BUILD_DIR) / file_name);
  return out;
}

} // namespace

void* load_module_entry(std::string_view file_name, const char* entry) {
  // dlopen itself is safe on any thread; the lock keeps the error text of one attempt.
  static std::mutex lock;
  const std::lock_guard guard(lock);
  std::string reasons;
  for (const auto& candidate : module_candidates(file_name)) {
    std::error_code ec;
    if (!std::filesystem::exists(candidate, ec)) {
      continue;
    }
    // RTLD_NODELETE: the module stays for the life of the process, as its functions do.
    void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (handle == nullptr) {
      reasons = ::dlerror();
      continue;
    }
    if (void* address = ::dlsym(handle, entry)) {
      return address;
    }
    reasons = ::dlerror();
  }
  throw Error(util::trf("cannot load {}{}; reinstall cancelog", std::string(file_name),
                        reasons.empty() ? "" : " (" + reasons + ")"));
}

} // namespace cancelog::util
