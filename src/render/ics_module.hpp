#pragma once

// The interface of the module that wraps libical (src/modules/ics.cpp), loaded when a command
// first writes a calendar: libical brings ICU, whose relocations cost every start of the
// program more than `cancelog --version` takes to run. Plain functions over standard types,
// built by the same compiler as the program.

#include <cstdint>
#include <string>
#include <string_view>

namespace cancelog::render::ics_module {

// A calendar day.
struct Day {
  int year;
  int month; // 1-12
  int day;   // 1-31
};

// One all-day event with a display alarm; instants are seconds since the epoch (UTC).
struct Event {
  const char* uid;
  Day start;
  Day end; // exclusive: the day after an all-day event
  std::int64_t stamp;
  std::int64_t last_modified;
  const char* summary;
  const char* description;
  int alarm_after_seconds; // after the start of the day
};

// The module's functions. Each appends iCalendar lines (escaped, folded at 75 octets, CRLF)
// to `out`, and returns false when libical fails.
struct Functions {
  int version;
  // VERSION, PRODID, CALSCALE and METHOD, the properties after BEGIN:VCALENDAR.
  bool (*head)(const char* product, std::string& out);
  // One VEVENT with its VALARM.
  bool (*event)(const Event& event, std::string& out);
};

// The version of this interface; the module refuses to serve another.
inline constexpr int k_version = 1;
// The module's file and its entry point, which returns a const Functions*.
inline constexpr std::string_view k_file = "cancelog-ics.so";
inline constexpr const char* k_entry = "cancelog_ics_functions";

} // namespace cancelog::render::ics_module
