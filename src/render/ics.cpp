#include "render/ics.hpp"

#include "util/error.hpp"

#include <libical/ical.h>
#include <memory>

namespace cancelog::render {

namespace {

// Frees what libical's *_r functions return.
struct IcsTextFree {
  void operator()(char* text) const { icalmemory_free_buffer(text); }
};
using IcsText = std::unique_ptr<char, IcsTextFree>;

// Owns a component (and the properties and components added to it).
struct IcsComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using IcsComponent = std::unique_ptr<icalcomponent, IcsComponentFree>;

void write_ics_text(std::ostream& out, IcsText text) {
  if (!text) {
    throw Error("libical could not write an iCalendar property");
  }
  out << text.get();
}

// Writes one property line (folded, CRLF) and frees the property.
void write_ics_property(std::ostream& out, icalproperty* property) {
  write_ics_text(out, IcsText(icalproperty_as_ical_string_r(property)));
  icalproperty_free(property);
}

icaltimetype ics_date(util::Date day) {
  const date::year_month_day ymd{day};
  icaltimetype t = icaltime_null_date();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return t;
}

icaltimetype ics_utc(util::Instant at) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(at.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

} // namespace

IcsWriter::IcsWriter(std::ostream& out, util::Instant stamp, std::string_view product)
    : m_out(out), m_stamp(stamp) {
  m_out << "BEGIN:VCALENDAR\r\n";
  write_ics_property(m_out, icalproperty_new_version("2.0"));
  write_ics_property(m_out, icalproperty_new_prodid(std::string(product).c_str()));
  write_ics_property(m_out, icalproperty_new_calscale("GREGORIAN"));
  write_ics_property(m_out, icalproperty_new_method(ICAL_METHOD_PUBLISH));
}

IcsWriter::~IcsWriter() {
  if (!m_finished) {
    try {
      finish();
    } catch (...) { // NOLINT(bugprone-empty-catch): a failed stream is reported by its owner
    }
  }
}

void IcsWriter::add(const IcsEvent& event) {
  const IcsComponent vevent(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  icalcomponent* ev = vevent.get();
  icalcomponent_add_property(ev, icalproperty_new_uid(event.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(ics_utc(m_stamp)));
  icalcomponent_add_property(ev, icalproperty_new_lastmodified(ics_utc(event.last_modified)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(ics_date(event.day)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(ics_date(event.day + date::days{1})));
  icalcomponent_add_property(ev, icalproperty_new_summary(event.summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_description(event.description.c_str()));
  // A reminder takes no time: the day stays free in the calendar.
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));

  // The alarm is relative to the start of the all-day event (local midnight of the day), so
  // it rings at k_alarm_hour in whatever time zone the calendar is shown.
  icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger{};
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_from_int(k_alarm_hour * 3600);
  icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
  icalcomponent_add_property(alarm, icalproperty_new_description(event.summary.c_str()));
  icalcomponent_add_component(ev, alarm);

  write_ics_text(m_out, IcsText(icalcomponent_as_ical_string_r(ev)));
}

void IcsWriter::finish() {
  m_finished = true;
  m_out << "END:VCALENDAR\r\n";
}

} // namespace cancelog::render
