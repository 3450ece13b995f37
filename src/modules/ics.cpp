// The module that wraps libical (render/ics_module.hpp): loaded at run time by the calendar
// export only.
#include "render/ics_module.hpp"

#include <libical/ical.h>
#include <memory>

namespace {

namespace im = cancelog::render::ics_module;

// Frees what libical's *_r functions return.
struct TextFree {
  void operator()(char* text) const { icalmemory_free_buffer(text); }
};
using Text = std::unique_ptr<char, TextFree>;

// Owns a component (and the properties and components added to it).
struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

bool append(std::string& out, Text text) {
  if (!text) {
    return false;
  }
  out += text.get();
  return true;
}

// Appends one property line (folded, CRLF) and frees the property.
bool append_property(std::string& out, icalproperty* property) {
  if (property == nullptr) {
    return false;
  }
  const bool ok = append(out, Text(icalproperty_as_ical_string_r(property)));
  icalproperty_free(property);
  return ok;
}

icaltimetype date_of(im::Day day) {
  icaltimetype t = icaltime_null_date();
  t.year = day.year;
  t.month = day.month;
  t.day = day.day;
  return t;
}

icaltimetype utc(std::int64_t seconds) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0,
                                       icaltimezone_get_utc_timezone());
}

bool head(const char* product, std::string& out) {
  return append_property(out, icalproperty_new_version("2.0")) &&
         append_property(out, icalproperty_new_prodid(product)) &&
         append_property(out, icalproperty_new_calscale("GREGORIAN")) &&
         append_property(out, icalproperty_new_method(ICAL_METHOD_PUBLISH));
}

bool event(const im::Event& e, std::string& out) {
  const Component vevent(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  icalcomponent* ev = vevent.get();
  if (ev == nullptr) {
    return false;
  }
  icalcomponent_add_property(ev, icalproperty_new_uid(e.uid));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(e.stamp)));
  icalcomponent_add_property(ev, icalproperty_new_lastmodified(utc(e.last_modified)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(date_of(e.start)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(date_of(e.end)));
  icalcomponent_add_property(ev, icalproperty_new_summary(e.summary));
  icalcomponent_add_property(ev, icalproperty_new_description(e.description));
  // A reminder takes no time: the day stays free in the calendar.
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));

  // The alarm is relative to the start of the all-day event (local midnight of the day), so
  // it rings at the same hour in whatever time zone the calendar is shown.
  icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger{};
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_from_int(e.alarm_after_seconds);
  icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
  icalcomponent_add_property(alarm, icalproperty_new_description(e.summary));
  icalcomponent_add_component(ev, alarm);

  return append(out, Text(icalcomponent_as_ical_string_r(ev)));
}

const im::Functions k_functions{im::k_version, head, event};

} // namespace

extern "C" __attribute__((visibility("default"))) const im::Functions* cancelog_ics_functions() {
  return &k_functions;
}
