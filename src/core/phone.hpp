#pragma once

#include "util/result.hpp"

#include <string>
#include <string_view>

namespace cancelog::core {

// Parses and validates a phone number with libphonenumber; numbers written without a
// leading + are read in `default_region` (ISO 3166 alpha-2). Returns the E.164 form
// (+994501234567), or a sentence saying why the number is not valid.
util::Result<std::string> normalize_number(std::string_view raw, std::string_view default_region);

// Writes an E.164 number in international format for people: +994 50 123 45 67. A number
// libphonenumber cannot read is returned as it is.
std::string format_international(std::string_view e164);

// True when libphonenumber knows the region code (AZ, DE, ...).
bool is_known_region(std::string_view region);

// Hides the middle digits of an E.164 number: +994501234567 -> +99450***4567.
std::string mask_number(std::string_view e164);

} // namespace cancelog::core
