// render/ics.cpp: the calendar export's bytes, read back with libical's own parser.
#include "render/ics.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>
#include <libical/ical.h>
#include <sstream>

using namespace cancelog;

namespace {

const util::Instant k_ics_stamp = *util::parse_utc("2026-03-04T10:00:00Z");

render::IcsEvent ics_event(std::string uid, const char* day) {
  render::IcsEvent e;
  e.uid = std::move(uid);
  e.day = *util::parse_iso_date(day);
  e.summary = "Check the cancellation of +994 50 123 45 67 (Azercell)";
  e.description = "Case 1.\nReceipt reference: AZC-1";
  e.last_modified = *util::parse_utc("2026-03-01T08:00:00Z");
  return e;
}

std::string ics_text(const std::vector<render::IcsEvent>& events) {
  std::ostringstream out;
  render::IcsWriter writer(out, k_ics_stamp, "-//cancelog//test//EN");
  for (const auto& e : events) {
    writer.add(e);
  }
  writer.finish();
  return out.str();
}

// The physical lines, each without its CRLF; fails on a bare LF or CR.
std::vector<std::string> ics_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos); // the last line ends in CRLF too
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  for (const auto& line : lines) {
    REQUIRE(line.find_first_of("\r\n") == std::string::npos);
  }
  return lines;
}

struct IcsParsed {
  icalcomponent* calendar;
  explicit IcsParsed(const std::string& text) : calendar(icalparser_parse_string(text.c_str())) {}
  ~IcsParsed() { icalcomponent_free(calendar); }
  IcsParsed(const IcsParsed&) = delete;
  IcsParsed& operator=(const IcsParsed&) = delete;
};

} // namespace

TEST_CASE("an empty calendar is a valid calendar", "[ics]") {
  const std::string text = ics_text({});
  CHECK(text == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cancelog//test//EN\r\n"
                "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
  const IcsParsed parsed(text);
  REQUIRE(parsed.calendar != nullptr);
  CHECK(icalcomponent_isa(parsed.calendar) == ICAL_VCALENDAR_COMPONENT);
  CHECK(icalcomponent_count_components(parsed.calendar, ICAL_VEVENT_COMPONENT) == 0);
}

TEST_CASE("an all-day event with its alarm, byte for byte", "[ics]") {
  const std::string text = ics_text({ics_event("abc@cancelog", "2026-03-31")});
  CHECK(text == "BEGIN:VCALENDAR\r\n"
                "VERSION:2.0\r\n"
                "PRODID:-//cancelog//test//EN\r\n"
                "CALSCALE:GREGORIAN\r\n"
                "METHOD:PUBLISH\r\n"
                "BEGIN:VEVENT\r\n"
                "UID:abc@cancelog\r\n"
                "DTSTAMP:20260304T100000Z\r\n"
                "LAST-MODIFIED:20260301T080000Z\r\n"
                "DTSTART;VALUE=DATE:20260331\r\n"
                "DTEND;VALUE=DATE:20260401\r\n"
                "SUMMARY:Check the cancellation of +994 50 123 45 67 (Azercell)\r\n"
                "DESCRIPTION:Case 1.\\nReceipt reference: AZC-1\r\n"
                "TRANSP:TRANSPARENT\r\n"
                "BEGIN:VALARM\r\n"
                "ACTION:DISPLAY\r\n"
                "TRIGGER:PT9H\r\n"
                "DESCRIPTION:Check the cancellation of +994 50 123 45 67 (Azercell)\r\n"
                "END:VALARM\r\n"
                "END:VEVENT\r\n"
                "END:VCALENDAR\r\n");
}

TEST_CASE("text is escaped and folded at 75 octets, never inside a UTF-8 character", "[ics]") {
  auto e = ics_event("u-1@cancelog", "2026-12-31");
  e.summary = "Проверка отмены номера +994 50 123 45 67; Azercell, backslash \\ 中文中文中文";
  // A long run of multi-byte characters with no space to fold at, then escapes.
  std::string run;
  for (int i = 0; i < 60; ++i) {
    run += "ж中";
  }
  e.description =
      "Receipt: Ωμέγα-" + run + "\nHotline: *1111, website azercell.com; ok\\done\nlast line";
  const std::string text = ics_text({e, ics_event("u-2@cancelog", "2026-03-05")});
  const auto lines = ics_lines(text);
  bool folded = false;
  for (const auto& line : lines) {
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(util::is_valid_utf8(line)); // no character split between two lines
    folded = folded || line.rfind(' ', 0) == 0;
  }
  CHECK(folded);

  const IcsParsed parsed(text);
  REQUIRE(parsed.calendar != nullptr);
  REQUIRE(icalcomponent_count_components(parsed.calendar, ICAL_VEVENT_COMPONENT) == 2);
  icalcomponent* ev = icalcomponent_get_first_component(parsed.calendar, ICAL_VEVENT_COMPONENT);
  CHECK(std::string(icalcomponent_get_uid(ev)) == "u-1@cancelog");
  CHECK(std::string(icalcomponent_get_summary(ev)) == e.summary);
  CHECK(std::string(icalcomponent_get_description(ev)) == e.description);
  const icaltimetype start = icalcomponent_get_dtstart(ev);
  const icaltimetype end = icalcomponent_get_dtend(ev);
  CHECK(start.is_date == 1);
  CHECK((start.year == 2026 && start.month == 12 && start.day == 31));
  CHECK(end.is_date == 1);
  CHECK((end.year == 2027 && end.month == 1 && end.day == 1)); // the day after, exclusive
  icalcomponent* alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
  REQUIRE(alarm != nullptr);
  const icaltriggertype trigger =
      icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
  CHECK(icaldurationtype_as_int(trigger.duration) == 9 * 3600);
  CHECK(icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)) ==
        ICAL_ACTION_DISPLAY);
}
