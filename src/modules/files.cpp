// The module that wraps libcrypto (SHA-256) and libmagic (media types) (util/files_module.hpp):
// loaded at run time by the commands that keep or check receipt files.
#include "util/files_module.hpp"

#include <magic.h>
#include <openssl/evp.h>

namespace {

namespace fm = cancelog::util::files_module;

void* sha256_begin() {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx);
    return nullptr;
  }
  return ctx;
}

bool sha256_update(void* state, const char* bytes, std::size_t size) {
  return size == 0 || EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(state), bytes, size) == 1;
}

bool sha256_end(void* state, unsigned char* digest) {
  unsigned int length = 0;
  return EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(state), digest, &length) == 1 &&
         length == fm::k_sha256_bytes;
}

void sha256_free(void* state) {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(state));
}

// The magic database, loaded once per process (a few milliseconds); null when it is missing.
magic_t magic_cookie() {
  static const magic_t cookie = [] {
    magic_t c = magic_open(MAGIC_MIME_TYPE);
    if (c != nullptr && magic_load(c, nullptr) != 0) {
      magic_close(c);
      c = nullptr;
    }
    return c;
  }();
  return cookie;
}

void media_type(const char* bytes, std::size_t size, std::string& out) {
  out.clear();
  if (magic_t cookie = magic_cookie()) {
    if (const char* type = magic_buffer(cookie, bytes, size)) {
      out = type;
    }
  }
}

const fm::Functions k_functions{fm::k_version, sha256_begin, sha256_update,
                                sha256_end,    sha256_free,  media_type};

} // namespace

extern "C" __attribute__((visibility("default"))) const fm::Functions* cancelog_files_functions() {
  return &k_functions;
}
