#pragma once

#include "util/result.hpp"

#include <string>
#include <string_view>

namespace cancelog::core {

// Parses and validates a phone number with libphonenumber; numbers written without a
// leading + are read in `default_region` (ISO 3166 alpha-2). Returns the E.164 form
// (+994501234567), or a sentence saying why the number is not valid. A number already in
// E.164 of a calling code whose reading is known (+994) skips libphonenumber's parser and
// goes straight to its validation: the same result, five times faster.
util::Result<std::string> normalize_number(std::string_view raw, std::string_view default_region);

// The same, always through libphonenumber's parser: what normalize_number must agree with.
util::Result<std::string> normalize_number_by_parse(std::string_view raw,
                                                    std::string_view default_region);

// Writes an E.164 number in international format for people: +994 50 123 45 67. A number
// libphonenumber cannot read is returned as it is. Azerbaijani mobile numbers are grouped
// without libphonenumber (a list of thousands would spend most of its time there).
std::string format_international(std::string_view e164);

// The same, appended to `out` (a list of thousands writes each row into one buffer).
void append_international(std::string& out, std::string_view e164);

// The same, always through libphonenumber: what format_international must agree with.
std::string format_international_by_library(std::string_view e164);

// True when libphonenumber knows the region code (AZ, DE, ...).
bool is_known_region(std::string_view region);

// Hides the middle digits of an E.164 number: +994501234567 -> +99450***4567.
std::string mask_number(std::string_view e164);

} // namespace cancelog::core
