#pragma once

// The interface of the module that wraps libphonenumber (src/modules/phone.cpp), loaded by
// core/phone.cpp when a command first needs it: libphonenumber, with protobuf, ICU and
// abseil, takes longer to load than `cancelog --version` takes to run. Plain functions over
// standard types, built by the same compiler as the program.

#include <cstdint>
#include <string>
#include <string_view>

namespace cancelog::core::phone_module {

// libphonenumber's PhoneNumberUtil::ErrorType, as the module returns it.
enum class ParseError : int {
  none = 0,
  invalid_country_code,
  not_a_number,
  too_short_after_idd,
  too_short_nsn,
  too_long_nsn
};

// libphonenumber's PhoneNumberUtil::ValidationResult.
enum class Possible : int {
  yes = 0,
  local_only,
  invalid_country_code,
  too_short,
  invalid_length,
  too_long
};

// What libphonenumber says about a number.
struct Verdict {
  ParseError parse = ParseError::none;
  Possible possible = Possible::yes;
  bool valid = false;
  int country_code = 0;
  // The E.164 form, when the number is valid.
  std::string e164;
};

// A number already split into calling code and national number (E.164 of a calling code
// whose national numbers need no parsing), or 0 for "parse it".
struct Split {
  int country_code = 0;
  std::uint64_t national_number = 0;
};

// The module's functions.
struct Functions {
  int version;
  // Reads and validates a number (through Parse unless `split` gives it), as `add` does.
  void (*check)(std::string_view text, std::string_view default_region, Split split, Verdict& out);
  // Writes a number in international format (+994 50 123 45 67); false when it cannot be read.
  bool (*format_international)(std::string_view e164, Split split, std::string& out);
  // The calling code of a region (AZ: 994), 0 when the region is unknown.
  int (*country_code_for_region)(std::string_view region);
};

// The version of this interface; the module refuses to serve another.
inline constexpr int k_version = 1;
// The module's file and its entry point, which returns a const Functions*.
inline constexpr std::string_view k_file = "cancelog-phone.so";
inline constexpr const char* k_entry = "cancelog_phone_functions";

} // namespace cancelog::core::phone_module
