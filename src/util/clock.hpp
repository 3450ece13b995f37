#pragma once

#include "util/time.hpp"

#include <optional>
#include <string>

namespace cancelog::util {

// The one clock of a command: "now" and the user's time zone. CANCELOG_NOW fixes "now" so
// that tests and scripts are repeatable. Both are resolved on first use, so a command that
// never asks for the time never loads the time-zone database.
class Clock {
public:
  // `fixed_now`: the text of CANCELOG_NOW if set; `tz`: the text of TZ if set.
  Clock(std::optional<std::string> fixed_now, std::optional<std::string> tz);

  // The current instant; throws InputError when CANCELOG_NOW is not an instant.
  [[nodiscard]] Instant now() const;
  // The user's time zone; throws InputError when TZ names an unknown zone.
  [[nodiscard]] const TimeZone& zone() const;
  // Today's date in the user's time zone.
  [[nodiscard]] Date today() const;

private:
  std::optional<std::string> m_fixed_text;
  std::optional<std::string> m_tz_text;
  mutable std::optional<Instant> m_now;
  mutable std::optional<TimeZone> m_zone;
  mutable std::optional<Date> m_today;
};

} // namespace cancelog::util
