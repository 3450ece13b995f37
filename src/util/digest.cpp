#include "util/digest.hpp"

#include <openssl/evp.h>
#include <stdexcept>

namespace cancelog::util {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

namespace {

[[noreturn]] void digest_failed(const char* step) {
  // libcrypto fails here only when out of memory or misconfigured: not a user error.
  throw std::runtime_error(std::string("SHA-256 failed in ") + step);
}

} // namespace

Sha256::Sha256() : m_state(std::make_unique<State>()) {
  m_state->ctx = EVP_MD_CTX_new();
  if (m_state->ctx == nullptr) {
    digest_failed("EVP_MD_CTX_new");
  }
  if (EVP_DigestInit_ex(m_state->ctx, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(m_state->ctx);
    digest_failed("EVP_DigestInit_ex");
  }
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(m_state->ctx);
}

void Sha256::update(std::string_view bytes) {
  if (!bytes.empty() && EVP_DigestUpdate(m_state->ctx, bytes.data(), bytes.size()) != 1) {
    digest_failed("EVP_DigestUpdate");
  }
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(m_state->ctx, digest, &length) != 1) {
    digest_failed("EVP_DigestFinal_ex");
  }
  static constexpr char k_hex_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out += k_hex_digits[digest[i] >> 4];
    out += k_hex_digits[digest[i] & 0x0f];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes);
  return digest.hex();
}

} // namespace cancelog::util
