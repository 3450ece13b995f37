#include "util/base64.hpp"

#include <cstdint>

namespace cancelog::util {

std::string base64_encode(std::string_view bytes) {
  static constexpr char k_base64_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto byte = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += k_base64_alphabet[(group >> 18) & 63];
    out += k_base64_alphabet[(group >> 12) & 63];
    out += k_base64_alphabet[(group >> 6) & 63];
    out += k_base64_alphabet[group & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    const std::uint32_t group = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0);
    out += k_base64_alphabet[(group >> 18) & 63];
    out += k_base64_alphabet[(group >> 12) & 63];
    out += rest == 2 ? k_base64_alphabet[(group >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

} // namespace cancelog::util
