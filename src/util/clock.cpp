#include "util/clock.hpp"

#include "util/error.hpp"
#include "util/i18n.hpp"

#include <chrono>

namespace cancelog::util {

Clock::Clock(std::optional<std::string> fixed_now, std::optional<std::string> tz)
    : m_fixed_text(std::move(fixed_now)), m_tz_text(std::move(tz)) {}

Instant Clock::now() const {
  if (!m_now) {
    if (m_fixed_text) {
      auto parsed = parse_instant(*m_fixed_text, zone());
      if (!parsed) {
        throw InputError(trf("CANCELOG_NOW: {}", parsed.error()));
      }
      m_now = *parsed;
    } else {
      m_now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
  }
  return *m_now;
}

const TimeZone& Clock::zone() const {
  if (!m_zone) {
    auto resolved = resolve_zone(m_tz_text ? m_tz_text->c_str() : nullptr);
    if (!resolved) {
      throw InputError(resolved.error());
    }
    m_zone = *resolved;
  }
  return *m_zone;
}

} // namespace cancelog::util
