// The module that wraps libphonenumber (core/phone_module.hpp): loaded at run time by the
// commands that read, validate or format numbers with it, so that the others never load
// libphonenumber, protobuf, ICU and abseil.
#include "core/phone_module.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace {

namespace pm = cancelog::core::phone_module;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static_assert(static_cast<int>(PhoneNumberUtil::NO_PARSING_ERROR) ==
              static_cast<int>(pm::ParseError::none));
static_assert(static_cast<int>(PhoneNumberUtil::TOO_LONG_NSN) ==
              static_cast<int>(pm::ParseError::too_long_nsn));
static_assert(static_cast<int>(PhoneNumberUtil::IS_POSSIBLE) ==
              static_cast<int>(pm::Possible::yes));
static_assert(static_cast<int>(PhoneNumberUtil::TOO_LONG) ==
              static_cast<int>(pm::Possible::too_long));

// The library loads its metadata on first use (a few milliseconds).
const PhoneNumberUtil& phone_util() {
  return *PhoneNumberUtil::GetInstance();
}

bool read_number(std::string_view text, std::string_view region, pm::Split split,
                 PhoneNumber& number, pm::ParseError& error) {
  if (split.country_code != 0) {
    number.set_country_code(split.country_code);
    number.set_national_number(split.national_number);
    error = pm::ParseError::none;
    return true;
  }
  error = static_cast<pm::ParseError>(
      phone_util().Parse(std::string(text), std::string(region), &number));
  return error == pm::ParseError::none;
}

void check(std::string_view text, std::string_view region, pm::Split split, pm::Verdict& out) {
  out = pm::Verdict{};
  PhoneNumber number;
  if (!read_number(text, region, split, number, out.parse)) {
    return;
  }
  const auto& util = phone_util();
  out.country_code = number.country_code();
  out.possible = static_cast<pm::Possible>(util.IsPossibleNumberWithReason(number));
  if (out.possible != pm::Possible::yes && out.possible != pm::Possible::local_only) {
    return;
  }
  out.valid = util.IsValidNumber(number);
  if (out.valid && split.country_code == 0) { // a split number is its own E.164 form
    util.Format(number, PhoneNumberUtil::E164, &out.e164);
  }
}

bool format_international(std::string_view e164, pm::Split split, std::string& out) {
  PhoneNumber number;
  pm::ParseError error{};
  if (!read_number(e164, "ZZ", split, number, error)) {
    return false;
  }
  phone_util().Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
  return true;
}

int country_code_for_region(std::string_view region) {
  return phone_util().GetCountryCodeForRegion(std::string(region));
}

const pm::Functions k_functions{pm::k_version, check, format_international,
                                country_code_for_region};

} // namespace

extern "C" __attribute__((visibility("default"))) const pm::Functions* cancelog_phone_functions() {
  return &k_functions;
}
