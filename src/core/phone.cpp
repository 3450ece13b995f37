#include "core/phone.hpp"

#include "core/phone_module.hpp"
#include "core/phone_rules.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/module.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace cancelog::core {

namespace {

namespace pm = phone_module;

// libphonenumber, in its module: loaded by the first command (or thread) that needs it, and
// its metadata on first use (a few milliseconds more): only commands that read a number pay.
const pm::Functions& phone_library() {
  static const pm::Functions& functions =
      util::load_module<pm::Functions>(pm::k_file, pm::k_entry, pm::k_version);
  return functions;
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char* k_example = "+994 50 123 45 67";

// Azerbaijan's calling code. Its national prefix for parsing is "0" alone (no carrier codes),
// so libphonenumber's Parse strips nothing from a national number that does not start with 0:
// such a number in E.164 is read exactly as Parse would read it, without Parse.
constexpr std::string_view k_fast_code = "994";
constexpr int k_fast_code_value = 994;
// The national significant number's length limits of libphonenumber's Parse.
constexpr std::size_t k_min_nsn = 2;
constexpr std::size_t k_max_nsn = 17;

// A function object, not a function: std::all_of then inlines the test (a call per digit
// was a sixth of formatting a number).
constexpr auto is_ascii_digit = [](char c) { return c >= '0' && c <= '9'; };

// An E.164 number of the fast calling code ("+994" and digits, the national number not
// starting with 0) split as Parse would split it, or nothing (country code 0): then Parse
// must read it. Parse costs about 8 µs a number; this, nothing worth measuring.
pm::Split split_fast_e164(std::string_view text) {
  if (text.size() < 1 + k_fast_code.size() + k_min_nsn ||
      text.size() > 1 + k_fast_code.size() + k_max_nsn || text.front() != '+' ||
      text.substr(1, k_fast_code.size()) != k_fast_code) {
    return {};
  }
  const std::string_view national = text.substr(1 + k_fast_code.size());
  if (national.front() == '0' || !std::all_of(national.begin(), national.end(), is_ascii_digit)) {
    return {};
  }
  std::uint64_t value = 0;
  for (const char c : national) {
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return {k_fast_code_value, value};
}

// What libphonenumber says about a number, as a sentence; nullopt when it is valid.
std::optional<std::string> phone_problem(const pm::Verdict& verdict, std::string_view text) {
  switch (verdict.parse) {
  case pm::ParseError::none:
    break;
  case pm::ParseError::invalid_country_code:
    return util::trf("{} has no valid country code; write it with + and the country code, e.g. {}",
                     util::quote(text), k_example);
  case pm::ParseError::not_a_number:
    return util::trf("{} is not a phone number; write it like {}", util::quote(text), k_example);
  case pm::ParseError::too_short_after_idd:
  case pm::ParseError::too_short_nsn:
    return util::trf("{} is too short to be a phone number", util::quote(text));
  case pm::ParseError::too_long_nsn:
    return util::trf("{} is too long to be a phone number", util::quote(text));
  }
  switch (verdict.possible) {
  case pm::Possible::yes:
  case pm::Possible::local_only:
    break;
  case pm::Possible::invalid_country_code:
    return util::trf("{} has no valid country code; write it with + and the country code, e.g. {}",
                     util::quote(text), k_example);
  case pm::Possible::too_short:
    return util::trf("{} is too short for a phone number of +{}", util::quote(text),
                     verdict.country_code);
  case pm::Possible::too_long:
    return util::trf("{} is too long for a phone number of +{}", util::quote(text),
                     verdict.country_code);
  case pm::Possible::invalid_length:
    return util::trf("{} has the wrong number of digits for a phone number of +{}",
                     util::quote(text), verdict.country_code);
  }
  if (!verdict.valid) {
    return util::trf("{} is not a valid number of +{}: no line has this prefix and length; check "
                     "the digits",
                     util::quote(text), verdict.country_code);
  }
  return std::nullopt;
}

// The number's text trimmed, or why it cannot be a number at all.
util::Result<std::string_view> phone_text(std::string_view raw) {
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
  return text;
}

// Azerbaijani mobile numbers (+994 and nine digits after one of these prefixes) in
// international format, as libphonenumber writes them: +994 50 123 45 67. Formatting through
// libphonenumber costs microseconds a number (regular expressions), too much for a list of
// thousands; tests compare this with libphonenumber over many numbers of each prefix.
constexpr std::array<std::string_view, 8> k_fast_format_prefixes{"10", "50", "51", "55",
                                                                 "60", "70", "77", "99"};

// Appends the number grouped when it is such a number; false (and nothing appended) if not.
bool append_fast_international(std::string& out, std::string_view e164) {
  constexpr std::size_t k_length = 1 + 3 + 9;
  if (e164.size() != k_length || e164.substr(0, 4) != "+994" ||
      !std::all_of(e164.begin() + 1, e164.end(), is_ascii_digit) ||
      std::find(k_fast_format_prefixes.begin(), k_fast_format_prefixes.end(), e164.substr(4, 2)) ==
          k_fast_format_prefixes.end()) {
    return false;
  }
  const char* d = e164.data();
  const char grouped[] = {d[0], d[1], d[2], d[3], ' ',   d[4], d[5],  ' ',  d[6],
                          d[7], d[8], ' ',  d[9], d[10], ' ',  d[11], d[12]};
  out.append(grouped, sizeof grouped);
  return true;
}

} // namespace

util::Result<std::string> normalize_number(std::string_view raw, std::string_view default_region) {
  const auto text = phone_text(raw);
  if (!text) {
    return util::fail(text.error());
  }
  const pm::Split split = split_fast_e164(*text);
  if (split.country_code == 0) {
    return normalize_number_by_parse(*text, default_region);
  }
  // libphonenumber's rules for the calling code are built in: the library is not loaded.
  std::optional<pm::Verdict> verdict = phone_rules::check(split);
  if (!verdict) {
    phone_library().check(*text, default_region, split, verdict.emplace());
  }
  if (auto problem = phone_problem(*verdict, *text)) {
    return util::fail(std::move(*problem));
  }
  return std::string(*text);
}

util::Result<std::string> normalize_number_by_parse(std::string_view raw,
                                                    std::string_view default_region) {
  const auto text = phone_text(raw);
  if (!text) {
    return util::fail(text.error());
  }
  pm::Verdict verdict;
  phone_library().check(*text, default_region, {}, verdict);
  if (auto problem = phone_problem(verdict, *text)) {
    return util::fail(std::move(*problem));
  }
  return std::move(verdict.e164);
}

std::string format_international(std::string_view e164) {
  std::string out;
  append_international(out, e164);
  return out;
}

void append_international(std::string& out, std::string_view e164) {
  if (!append_fast_international(out, e164)) {
    out.append(format_international_by_library(e164));
  }
}

std::string format_international_by_library(std::string_view e164) {
  std::string out;
  if (!phone_library().format_international(e164, split_fast_e164(e164), out)) {
    return std::string(e164);
  }
  return out;
}

bool is_known_region(std::string_view region) {
  return phone_library().country_code_for_region(region) != 0;
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
