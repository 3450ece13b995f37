#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cancelog::util {

// A SHA-256 computed piece by piece (OpenSSL's libcrypto), so that a large file never has to
// sit in memory whole.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // Adds bytes to the digest.
  void update(std::string_view bytes);
  // The digest of everything added, as 64 lower-case hex digits; call once.
  std::string hex();

private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The SHA-256 of the bytes as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace cancelog::util
