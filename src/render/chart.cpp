#include "render/chart.hpp"

#include <array>

namespace cancelog::render {

std::string bar(std::size_t value, std::size_t max, std::size_t width) {
  if (value == 0 || max == 0 || width == 0) {
    return {};
  }
  static constexpr std::array<const char*, 8> k_eighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  // At least one eighth, so that a small non-zero count stays visible.
  const std::size_t eighths = std::max<std::size_t>(1, value * width * 8 / max);
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    out += "█";
  }
  out += k_eighths[eighths % 8];
  return out;
}

} // namespace cancelog::render
