// Fuzzes phone-number validation: no crash; the shortcut for E.164 numbers of +994 (built-in
// rules, no parser) says exactly what libphonenumber's parser and validation say; a number
// that validates is E.164, validates again to itself, and formats and masks without trouble.
#include "core/phone.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace cancelog::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* region : {"AZ", "DE", "ZZ"}) {
    const auto e164 = normalize_number(text, region);
    const auto by_parse = normalize_number_by_parse(text, region);
    if (static_cast<bool>(e164) != static_cast<bool>(by_parse) ||
        (e164 ? *e164 != *by_parse : e164.error() != by_parse.error())) {
      std::abort();
    }
    if (!e164) {
      continue;
    }
    const std::string& n = *e164;
    if (n.size() < 3 || n[0] != '+' || n.find_first_not_of("0123456789", 1) != std::string::npos) {
      std::abort();
    }
    const auto again = normalize_number(n, "AZ");
    if (!again || *again != n) {
      std::abort();
    }
    if (format_international(n).empty() || mask_number(n).size() != n.size()) {
      std::abort();
    }
  }
  return 0;
}
