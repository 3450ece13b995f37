#include "util/digest.hpp"

#include "util/media.hpp"

#include <array>
#include <stdexcept>

namespace cancelog::util {

struct Sha256::State {
  void* ctx = nullptr;
};

namespace {

[[noreturn]] void digest_failed(const char* step) {
  // libcrypto fails here only when out of memory or misconfigured: not a user error.
  throw std::runtime_error(std::string("SHA-256 failed in ") + step);
}

} // namespace

Sha256::Sha256() : m_state(std::make_unique<State>()) {
  m_state->ctx = files_library().sha256_begin();
  if (m_state->ctx == nullptr) {
    digest_failed("EVP_DigestInit_ex");
  }
}

Sha256::~Sha256() {
  files_library().sha256_free(m_state->ctx);
}

void Sha256::update(std::string_view bytes) {
  if (!files_library().sha256_update(m_state->ctx, bytes.data(), bytes.size())) {
    digest_failed("EVP_DigestUpdate");
  }
}

std::string Sha256::hex() {
  std::array<unsigned char, files_module::k_sha256_bytes> digest{};
  if (!files_library().sha256_end(m_state->ctx, digest.data())) {
    digest_failed("EVP_DigestFinal_ex");
  }
  static constexpr char k_hex_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (const unsigned char byte : digest) {
    out += k_hex_digits[byte >> 4];
    out += k_hex_digits[byte & 0x0f];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes);
  return digest.hex();
}

} // namespace cancelog::util
