#include "util/media.hpp"

#include <magic.h>
#include <memory>
#include <type_traits>

namespace cancelog::util {

namespace {

constexpr const char* k_unknown_media_type = "application/octet-stream";

struct MagicCloser {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};
using MagicCookie = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>;

// Loads the magic database once per process (it takes a few milliseconds); null when it is
// missing, so that adding a file never fails for want of a media type.
magic_t magic_cookie() {
  static const MagicCookie cookie = [] {
    MagicCookie c(magic_open(MAGIC_MIME_TYPE));
    if (c && magic_load(c.get(), nullptr) != 0) {
      c.reset();
    }
    return c;
  }();
  return cookie.get();
}

} // namespace

std::string media_type(std::string_view bytes) {
  magic_t cookie = magic_cookie();
  if (cookie == nullptr) {
    return k_unknown_media_type;
  }
  const char* type = magic_buffer(cookie, bytes.data(), bytes.size());
  if (type == nullptr || *type == '\0') {
    return k_unknown_media_type;
  }
  return type;
}

} // namespace cancelog::util
