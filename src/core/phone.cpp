#include "core/phone.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace cancelog::core {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The library loads its metadata on first use (a few milliseconds): only commands that
// touch a number pay for it.
const PhoneNumberUtil& phone_util() {
  return *PhoneNumberUtil::GetInstance();
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char* k_example = "+994 50 123 45 67";

} // namespace

util::Result<std::string> normalize_number(std::string_view raw, std::string_view default_region) {
  const std::string_view text = util::trim(raw);
  if (text.empty()) {
    return util::fail(util::trf("the number is empty; write it as {} or 050 123 45 67", k_example));
  }
  if (!util::is_valid_utf8(text) || util::has_control_chars(text)) {
    return util::fail(util::trf("{} is not a phone number: it holds control characters or "
                                "invalid UTF-8",
                                util::quote(text)));
  }
  for (const char c : text) {
    // libphonenumber would read letters as keypad digits (1-800-FLOWERS); a cancellation
    // record wants the digits the user actually dialled.
    if (is_ascii_letter(c)) {
      return util::fail(util::trf("{} is not a phone number: write digits only, e.g. {}",
                                  util::quote(text), k_example));
    }
  }
  const auto& util = phone_util();
  PhoneNumber number;
  const auto error = util.Parse(std::string(text), std::string(default_region), &number);
  switch (error) {
  case PhoneNumberUtil::NO_PARSING_ERROR:
    break;
  case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
    return util::fail(util::trf("{} has no valid country code; write it with + and the country "
                                "code, e.g. {}",
                                util::quote(text), k_example));
  case PhoneNumberUtil::NOT_A_NUMBER:
    return util::fail(
        util::trf("{} is not a phone number; write it like {}", util::quote(text), k_example));
  case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
  case PhoneNumberUtil::TOO_SHORT_NSN:
    return util::fail(util::trf("{} is too short to be a phone number", util::quote(text)));
  case PhoneNumberUtil::TOO_LONG_NSN:
    return util::fail(util::trf("{} is too long to be a phone number", util::quote(text)));
  }
  switch (util.IsPossibleNumberWithReason(number)) {
  case PhoneNumberUtil::IS_POSSIBLE:
  case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
    break;
  case PhoneNumberUtil::INVALID_COUNTRY_CODE:
    return util::fail(util::trf("{} has no valid country code; write it with + and the country "
                                "code, e.g. {}",
                                util::quote(text), k_example));
  case PhoneNumberUtil::TOO_SHORT:
    return util::fail(util::trf("{} is too short for a phone number of +{}", util::quote(text),
                                number.country_code()));
  case PhoneNumberUtil::TOO_LONG:
    return util::fail(util::trf("{} is too long for a phone number of +{}", util::quote(text),
                                number.country_code()));
  case PhoneNumberUtil::INVALID_LENGTH:
    return util::fail(util::trf("{} has the wrong number of digits for a phone number of +{}",
                                util::quote(text), number.country_code()));
  }
  if (!util.IsValidNumber(number)) {
    return util::fail(util::trf("{} is not a valid number of +{}: no line has this prefix and "
                                "length; check the digits",
                                util::quote(text), number.country_code()));
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string format_international(std::string_view e164) {
  const auto& util = phone_util();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::string(e164);
  }
  std::string out;
  util.Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
  return out;
}

bool is_known_region(std::string_view region) {
  return phone_util().GetCountryCodeForRegion(std::string(region)) != 0;
}

std::string mask_number(std::string_view e164) {
  // Keep "+" and five digits (country code and the operator's prefix for most countries)
  // and the last four digits; star the rest, one star per digit.
  constexpr std::size_t k_head = 6;
  constexpr std::size_t k_tail = 4;
  if (e164.size() <= k_head + k_tail) {
    const std::size_t head = std::min<std::size_t>(3, e164.size());
    const std::size_t tail = e164.size() > head + 2 ? 2 : 0;
    return std::string(e164.substr(0, head)) + std::string(e164.size() - head - tail, '*') +
           std::string(e164.substr(e164.size() - tail));
  }
  return std::string(e164.substr(0, k_head)) + std::string(e164.size() - k_head - k_tail, '*') +
         std::string(e164.substr(e164.size() - k_tail));
}

} // namespace cancelog::core
