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
      // The zone only for a local time: 2026-03-04T10:00:00Z needs none.
      auto parsed = parse_instant(*m_fixed_text, [this]() -> const TimeZone& { return zone(); });
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

Date Clock::today() const {
  // "now" is fixed for the command, and so is today: the zone file is read once.
  if (!m_today) {
    m_today = zone().local_date(now());
  }
  return *m_today;
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
