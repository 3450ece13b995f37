#pragma once

#include <string_view>

namespace cancelog::util {

// Loads one of cancelog's modules (a shared object built with the program, which wraps a
// library that costs more to load than most commands take: libphonenumber) and returns the
// address of its entry point. Only the commands that need the library pay for it. The module
// is looked for beside the executable, in <prefix>/<libdir>/cancelog relative to it (where the
// package installs it), then in the build tree (for tests). Loads each file once; throws
// Error when the module cannot be found or loaded.
void* load_module_entry(std::string_view file_name, const char* entry);

} // namespace cancelog::util
