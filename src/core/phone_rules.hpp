#pragma once

// libphonenumber's validation of a number whose calling code and national number are already
// known (an E.164 number of +994), without loading libphonenumber: its metadata for those
// calling codes is copied into the program when it is built (src/generate/phone_rules.cpp
// writes build/<kind>/generated/phone_rules_generated.hpp), and the same checks run on it. Loading
// the library and its metadata, and compiling its regular expressions with ICU, costs about 20 ms;
// `add` of one case took five times as long as sqlite3's insert because of it.
// tests/unit/test_phone.cpp compares the verdicts with the library's.

#include "core/phone_module.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cancelog::core::phone_rules {

// A set of lengths in digits: bit n stands for n digits.
using LengthSet = std::uint32_t;

// One type of number of a region (mobile, fixed line, toll free, ...): libphonenumber's
// PhoneNumberDesc.
struct TypeRule {
  std::string_view name;
  // Empty: the region's general lengths apply and the pattern alone decides.
  LengthSet lengths;
  bool has_pattern;
  std::string_view pattern; // matches the whole national number
};

// A region's rules: libphonenumber's PhoneMetadata, what validation reads of it.
struct Region {
  int calling_code;
  std::string_view id; // AZ
  LengthSet lengths;
  LengthSet local_only_lengths;
  std::string_view pattern; // the general description's
  std::span<const TypeRule> types;
};

// What libphonenumber's IsPossibleNumberWithReason and IsValidNumber say about the number, as
// the module's check() would report it (no E.164 text: a split number is its own), or nothing
// when its calling code's rules are not built in.
std::optional<phone_module::Verdict> check(phone_module::Split split);

} // namespace cancelog::core::phone_rules
