#pragma once

#include "util/files_module.hpp"

#include <string>
#include <string_view>

namespace cancelog::util {

// The media type of a file told from its bytes, not its name (libmagic, as `file
// --mime-type` does): "image/png", "application/pdf", ...; "application/octet-stream" when
// nothing is recognised or the magic database cannot be loaded.
std::string media_type(std::string_view bytes);

// libcrypto and libmagic, in their module, loaded by the first call (util/module.hpp); throws
// Error when the module cannot be loaded.
const files_module::Functions& files_library();

} // namespace cancelog::util
