// Fuzzes the settings parsers: the first byte picks a key, the rest is the value. A value
// that is accepted normalizes to a value that is accepted again unchanged.
#include "core/settings.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace cancelog::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto& specs = setting_specs();
  const auto& spec = specs[data[0] % specs.size()];
  const std::string_view value(reinterpret_cast<const char*>(data + 1), size - 1);
  if (const auto normal = normalize_setting(spec.key, value)) {
    const auto again = normalize_setting(spec.key, *normal);
    if (!again || *again != *normal) {
      std::abort();
    }
    Settings settings({{std::string(spec.key), *normal}});
    (void)settings.get(spec.key);
  }
  (void)parse_size(value);
  (void)normalize_setting(value, value);
  return 0;
}
