#include "util/media.hpp"

#include "util/error.hpp"
#include "util/files_module.hpp"
#include "util/module.hpp"

namespace cancelog::util {

namespace {
constexpr const char* k_unknown_media_type = "application/octet-stream";
} // namespace

const files_module::Functions& files_library() {
  static const files_module::Functions& functions = load_module<files_module::Functions>(
      files_module::k_file, files_module::k_entry, files_module::k_version);
  return functions;
}

std::string media_type(std::string_view bytes) {
  std::string type;
  files_library().media_type(bytes.data(), bytes.size(), type);
  return type.empty() ? k_unknown_media_type : type;
}

} // namespace cancelog::util
