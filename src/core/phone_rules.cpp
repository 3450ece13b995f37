#include "core/phone_rules.hpp"

#include "phone_rules_generated.hpp"

#include <algorithm>
#include <bit>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <unordered_map>

namespace cancelog::core::phone_rules {

namespace {

namespace pm = phone_module;

bool rule_has_length(LengthSet set, std::size_t length) {
  return length < 32 && ((set >> length) & 1U) != 0;
}

// Each pattern compiled on first use (std::regex: about 0.2 ms a pattern), and kept: the
// import validates numbers on a second thread, hence the lock.
const std::regex& rule_regex(std::string_view pattern) {
  static std::mutex mutex;
  static std::unordered_map<const char*, std::unique_ptr<const std::regex>> cache;
  const std::lock_guard lock(mutex);
  auto& slot = cache[pattern.data()];
  if (!slot) {
    slot =
        std::make_unique<const std::regex>(pattern.begin(), pattern.end(), std::regex::ECMAScript);
  }
  return *slot;
}

// libphonenumber's MatcherApi::MatchNationalNumber: the pattern matches the whole number.
bool rule_matches(std::string_view pattern, const std::string& national) {
  return std::regex_match(national, rule_regex(pattern));
}

// PhoneNumberUtil::TestNumberLength for the general description (number type UNKNOWN).
pm::Possible rule_test_length(const Region& region, std::size_t length) {
  if (rule_has_length(region.local_only_lengths, length)) {
    return pm::Possible::local_only;
  }
  const auto minimum = static_cast<std::size_t>(std::countr_zero(region.lengths));
  const auto maximum = static_cast<std::size_t>(31 - std::countl_zero(region.lengths));
  if (length == minimum) {
    return pm::Possible::yes;
  }
  if (length < minimum) {
    return pm::Possible::too_short;
  }
  if (length > maximum) {
    return pm::Possible::too_long;
  }
  return rule_has_length(region.lengths, length) ? pm::Possible::yes : pm::Possible::invalid_length;
}

// PhoneNumberUtil::IsNumberMatchingDesc.
bool rule_matches_type(const TypeRule& type, const std::string& national) {
  if (type.lengths != 0 && !rule_has_length(type.lengths, national.size())) {
    return false;
  }
  // A description without a pattern matches no number (the library matches the empty one).
  return type.has_pattern ? rule_matches(type.pattern, national) : national.empty();
}

// PhoneNumberUtil::GetNumberTypeHelper(...) != UNKNOWN: the general pattern and one type's.
bool rule_is_valid(const Region& region, const std::string& national) {
  if (!rule_has_length(region.lengths, national.size()) ||
      !rule_matches(region.pattern, national)) {
    return false;
  }
  return std::any_of(region.types.begin(), region.types.end(),
                     [&](const TypeRule& type) { return rule_matches_type(type, national); });
}

} // namespace

std::optional<pm::Verdict> check(pm::Split split) {
  const auto* region =
      std::find_if(std::begin(k_regions), std::end(k_regions),
                   [&](const Region& r) { return r.calling_code == split.country_code; });
  if (split.country_code == 0 || region == std::end(k_regions)) {
    return std::nullopt;
  }
  pm::Verdict verdict;
  verdict.country_code = split.country_code;
  // PhoneNumberUtil::GetNationalSignificantNumber (a split number has no leading zeros).
  const std::string national = std::to_string(split.national_number);
  verdict.possible = rule_test_length(*region, national.size());
  if (verdict.possible == pm::Possible::yes || verdict.possible == pm::Possible::local_only) {
    verdict.valid = rule_is_valid(*region, national);
  }
  return verdict;
}

} // namespace cancelog::core::phone_rules
