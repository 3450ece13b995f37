#pragma once

#include "util/time.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace cancelog::render {

// One all-day event of a calendar export, with its alarm.
struct IcsEvent {
  std::string uid;  // stable per case, so that importing the file again updates the event
  util::Date day{}; // the event's date; DTEND is the day after (it is exclusive)
  std::string summary;
  std::string description;
  util::Instant last_modified{};
};

// The hour of the day, in the calendar's local time, at which each event's alarm goes off.
inline constexpr int k_alarm_hour = 9;

// Writes an iCalendar file (RFC 5545) one event at a time: memory does not grow with the
// number of events. libical writes each property, so text is escaped and lines are folded at
// 75 octets without splitting a UTF-8 character; every line ends in CRLF.
class IcsWriter {
public:
  // Writes the head of the calendar. `stamp` is every event's DTSTAMP (when the file was
  // made); `product` is the PRODID.
  IcsWriter(std::ostream& out, util::Instant stamp, std::string_view product);
  ~IcsWriter();
  IcsWriter(const IcsWriter&) = delete;
  IcsWriter& operator=(const IcsWriter&) = delete;

  // Writes one VEVENT with its VALARM (a display alarm at k_alarm_hour on the day).
  void add(const IcsEvent& event);
  // Writes the end of the calendar (the destructor does it when not called).
  void finish();

private:
  std::ostream& m_out;
  util::Instant m_stamp;
  bool m_finished = false;
};

} // namespace cancelog::render
