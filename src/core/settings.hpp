#pragma once

#include "util/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::core {

// One setting the program knows: its key, default, meaning, and how values are checked.
struct SettingSpec {
  std::string_view key;
  std::string_view default_value;
  std::string_view description; // marked with N_(); translate when shown
  // Checks a value and returns its normal form ("5D" -> "5d"), or why it is refused.
  util::Result<std::string> (*normalize)(std::string_view value);
};

// Every setting, in the order `config list` shows them.
const std::vector<SettingSpec>& setting_specs();

// The setting with this key, or nullptr.
const SettingSpec* find_setting(std::string_view key);

// Checks a value for a key; an unknown key is refused with the list of known ones.
util::Result<std::string> normalize_setting(std::string_view key, std::string_view value);

// The settings in force: what the user set, over the defaults.
class Settings {
public:
  Settings() = default;
  explicit Settings(const std::map<std::string, std::string>& user_values)
      : m_user(user_values.begin(), user_values.end()) {}

  // The value in force for a known key (the default when the user set none).
  [[nodiscard]] std::string get(std::string_view key) const;
  // True when the user set this key.
  [[nodiscard]] bool is_set(std::string_view key) const;
  // A duration setting ("3d") in days.
  [[nodiscard]] int days(std::string_view key) const;

private:
  std::map<std::string, std::string, std::less<>> m_user;
};

// The keys of the settings.
namespace setting {
inline constexpr std::string_view default_region = "default-region";
inline constexpr std::string_view receipt_max_size = "receipt.max-size";
} // namespace setting

// Parses a size in bytes: 20MiB, 500KiB, 1048576, 2M (binary units).
util::Result<std::int64_t> parse_size(std::string_view text);

// Writes a size for people in the largest binary unit it reaches: 20MiB, 1.5KiB, 312B (a
// whole number of units reads back with parse_size).
std::string format_size(std::int64_t bytes);

} // namespace cancelog::core
