#pragma once

#include "util/result.hpp"

#include <date/date.h>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace cancelog::util {

// A calendar date in the user's local calendar.
using Date = date::sys_days;
// An instant, to the second, in UTC.
using Instant = date::sys_seconds;

// Parses a date as users write it: YYYY-MM-DD, today, yesterday, tomorrow, +Nd, -Nd, +Nw, -Nw.
Result<Date> parse_date(std::string_view text, Date today);

// Parses exactly YYYY-MM-DD (as stored) and checks that the day exists.
Result<Date> parse_iso_date(std::string_view text);

// Parses a non-negative length of time in days: Nd or Nw (0d allowed).
Result<int> parse_days(std::string_view text);

// Writes a date as YYYY-MM-DD.
std::string format_date(Date day);

// The length of a date and of an instant as written by write_date and write_utc.
inline constexpr std::size_t k_date_chars = 10;
inline constexpr std::size_t k_utc_chars = 20;

// Writes a date as YYYY-MM-DD into `out` (room for k_date_chars) and returns the length:
// for writers that must not allocate per value (exports of a million rows).
std::size_t write_date(char* out, Date day);

// Writes an instant as stored (YYYY-MM-DDTHH:MM:SSZ) into `out` (room for k_utc_chars).
std::size_t write_utc(char* out, Instant at);

// Writes a number of days as the shortest of Nw / Nd.
std::string format_days(int days);

// Writes an instant as stored: YYYY-MM-DDTHH:MM:SSZ.
std::string format_utc(Instant at);

// Reads an instant as stored (YYYY-MM-DDTHH:MM:SSZ).
Result<Instant> parse_utc(std::string_view text);

// Days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// A time zone of the tz database, or UTC. The zone of the process itself (its TZ, or the
// system's /etc/localtime) is served by the C library, which reads only that zone's file:
// the date library lists the whole zone folder before it finds one (700 system calls, about
// 3 ms on every command that shows a time). Both read the same compiled files; a unit test
// compares them over years and every change of offset.
class TimeZone {
public:
  // UTC.
  TimeZone() = default;
  explicit TimeZone(const date::time_zone* zone) : m_zone(zone) {}
  // The process's own zone through the C library (localtime_r), named `name`
  // ("Asia/Baku"). The process's TZ must name that zone (or be unset for the system's).
  static TimeZone of_process(std::string name);

  // The local wall-clock time of an instant, as seconds since the local epoch.
  [[nodiscard]] date::local_seconds to_local(Instant at) const;
  // The instant of a local wall-clock time; the earlier one when the clock went back.
  [[nodiscard]] Instant from_local(date::local_seconds local) const;
  // The local calendar date of an instant.
  [[nodiscard]] Date local_date(Instant at) const;
  // The zone's name ("Asia/Baku"), "UTC" for UTC.
  [[nodiscard]] std::string name() const;

private:
  const date::time_zone* m_zone = nullptr;
  // Set for a zone served by the C library: its name.
  std::string m_process_zone;
};

// Finds the zone named by the TZ variable (":Asia/Baku", "Asia/Baku", a zoneinfo path), or
// the system's zone when TZ is unset or empty. Fails with a sentence for an unknown name.
// When `tz_variable` is the process's own TZ and names a zone file (or both are unset and
// /etc/localtime links to one), the zone is served by the C library (TimeZone::of_process).
Result<TimeZone> resolve_zone(const char* tz_variable);

// The name of the system's zone (when TZ is unset): where `localtime` (/etc/localtime) links
// into a zone folder, else the first line of `timezone_file` (/etc/timezone), else
// "localtime". Nothing when `localtime` is not a compiled zone (TZif).
std::optional<std::string> system_zone_name(const std::filesystem::path& localtime,
                                            const std::filesystem::path& timezone_file);

// Parses an instant written as ISO 8601 date and time: with Z or an offset (+04:00) it is
// absolute, without one it is a local time in `zone`. Seconds and fractions are optional;
// a space may replace the T.
Result<Instant> parse_instant(std::string_view text, const TimeZone& zone);
// The same, with the zone asked for only when the text has no offset of its own.
Result<Instant> parse_instant(std::string_view text, const std::function<const TimeZone&()>& zone);

// Writes an instant as local "YYYY-MM-DD HH:MM" for people.
std::string format_local(Instant at, const TimeZone& zone);

} // namespace cancelog::util
