#include "core/settings.hpp"

#include "core/phone.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/time.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

namespace cancelog::core {

namespace {

util::Result<std::string> normalize_days(std::string_view value) {
  const auto days = util::parse_days(value);
  if (!days) {
    return util::fail(days.error());
  }
  // Keep the unit the user chose ("14d" stays "14d"); only case and spaces are normalized.
  return util::to_lower_ascii(util::trim(value));
}

util::Result<std::string> normalize_region(std::string_view value) {
  std::string region(util::trim(value));
  for (char& c : region) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  if (region.size() != 2 || !is_known_region(region)) {
    return util::fail(util::trf("{} is not a region code; use a two-letter country code such as "
                                "AZ, GE or DE",
                                util::quote(value)));
  }
  return region;
}

util::Result<std::string> normalize_size(std::string_view value) {
  const auto size = parse_size(value);
  if (!size) {
    return util::fail(size.error());
  }
  return std::string(util::trim(value));
}

} // namespace

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> specs{
      {setting::default_region, "AZ", N_("region for numbers written without +"), normalize_region},
      {"remind.first.store", "3d", N_("first check after a request made in a store"),
       normalize_days},
      {"remind.first.online", "3d", N_("first check after a request made online"), normalize_days},
      {"remind.first.phone", "1d", N_("first check after a request made by phone"), normalize_days},
      {"remind.first.other", "3d", N_("first check after a request made another way"),
       normalize_days},
      {"remind.after.pending", "3d", N_("next check after a 'pending' answer"), normalize_days},
      {"remind.after.action-needed", "1d", N_("next check after an 'action-needed' answer"),
       normalize_days},
      {"remind.after.no-answer", "1d", N_("next check after a 'no-answer' check"), normalize_days},
      {"remind.final-bill", "35d", N_("check of the final bill after a postpaid line is confirmed"),
       normalize_days},
      {setting::receipt_max_size, "20MiB", N_("largest receipt file accepted"), normalize_size},
  };
  return specs;
}

const SettingSpec* find_setting(std::string_view key) {
  for (const auto& spec : setting_specs()) {
    if (spec.key == key) {
      return &spec;
    }
  }
  return nullptr;
}

util::Result<std::string> normalize_setting(std::string_view key, std::string_view value) {
  const SettingSpec* spec = find_setting(key);
  if (spec == nullptr) {
    std::vector<std::string> keys;
    for (const auto& s : setting_specs()) {
      keys.emplace_back(s.key);
    }
    return util::fail(util::trf("unknown setting {}; the settings are: {}", util::quote(key),
                                util::join(keys, ", ")));
  }
  auto normal = spec->normalize(value);
  if (!normal) {
    return util::fail(util::trf("{}: {}", key, normal.error()));
  }
  return normal;
}

std::string Settings::get(std::string_view key) const {
  if (const auto it = m_user.find(key); it != m_user.end()) {
    return it->second;
  }
  const SettingSpec* spec = find_setting(key);
  if (spec == nullptr) {
    throw std::logic_error("unknown setting key: " + std::string(key));
  }
  return std::string(spec->default_value);
}

bool Settings::is_set(std::string_view key) const {
  return m_user.find(key) != m_user.end();
}

int Settings::days(std::string_view key) const {
  const auto days = util::parse_days(get(key));
  if (days) {
    return *days;
  }
  // A value stored by hand (not through `config set`) that does not parse: use the default.
  return *util::parse_days(find_setting(key)->default_value);
}

util::Result<std::int64_t> parse_size(std::string_view text) {
  const std::string word = util::to_lower_ascii(util::trim(text));
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), n);
  const std::string_view unit(end, static_cast<std::size_t>(word.data() + word.size() - end));
  std::int64_t factor = 0;
  if (unit.empty() || unit == "b") {
    factor = 1;
  } else if (unit == "k" || unit == "kib" || unit == "kb") {
    factor = std::int64_t{1} << 10;
  } else if (unit == "m" || unit == "mib" || unit == "mb") {
    factor = std::int64_t{1} << 20;
  } else if (unit == "g" || unit == "gib" || unit == "gb") {
    factor = std::int64_t{1} << 30;
  }
  constexpr std::int64_t k_max = std::int64_t{1} << 31; // SQLite's BLOB limit is about 2 GB
  if (ec != std::errc{} || factor == 0 || n <= 0 || word[0] == '+' || n > k_max / factor) {
    return util::fail(util::trf("{} is not a size; write e.g. 20MiB, 512KiB or a number of bytes "
                                "(at most 2GiB)",
                                util::quote(text)));
  }
  return n * factor;
}

std::string format_size(std::int64_t bytes) {
  static constexpr std::array<const char*, 4> k_units{"B", "KiB", "MiB", "GiB"};
  std::size_t unit = 0;
  std::int64_t scale = 1;
  while (unit + 1 < k_units.size() && bytes >= scale * 1024) {
    scale *= 1024;
    ++unit;
  }
  if (bytes % scale == 0) {
    return fmt::format("{}{}", bytes / scale, k_units[unit]);
  }
  return fmt::format("{:.1f}{}", static_cast<double>(bytes) / static_cast<double>(scale),
                     k_units[unit]);
}

} // namespace cancelog::core
