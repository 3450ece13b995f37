#pragma once

#include "util/error.hpp"
#include "util/i18n.hpp"

#include <string>
#include <string_view>

namespace cancelog::util {

// Loads one of cancelog's modules (a shared object built with the program, which wraps a
// library that costs more to load than most commands take: libphonenumber, libcrypto and
// libmagic, libical) and returns the address of its entry point. Only the commands that need
// the library pay for it. The module is looked for beside the executable, in
// <prefix>/<libdir>/cancelog relative to it (where the package installs it), then in the build
// tree (for tests). Loads each file once; throws Error when the module cannot be found or
// loaded.
void* load_module_entry(std::string_view file_name, const char* entry);

// Loads a module and returns its table of functions: `entry` is a function that returns a
// `const Functions*`, whose first member `version` must be `version` (a module left by another
// build of cancelog is refused). Callers keep the result in a function-local static.
template <typename Functions>
const Functions& load_module(std::string_view file_name, const char* entry, int version) {
  using Entry = const Functions* (*)();
  const auto get = reinterpret_cast<Entry>( // NOLINT: dlsym gives an untyped address
      load_module_entry(file_name, entry));
  const Functions* loaded = get();
  if (loaded == nullptr || loaded->version != version) {
    throw Error(
        trf("{} is of another cancelog version; reinstall cancelog", std::string(file_name)));
  }
  return *loaded;
}

} // namespace cancelog::util
