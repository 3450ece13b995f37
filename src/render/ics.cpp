#include "render/ics.hpp"

#include "render/ics_module.hpp"
#include "util/error.hpp"
#include "util/module.hpp"

namespace cancelog::render {

namespace {

namespace im = ics_module;

// libical, in its module: loaded by the first calendar export.
const im::Functions& ics_library() {
  static const im::Functions& functions =
      util::load_module<im::Functions>(im::k_file, im::k_entry, im::k_version);
  return functions;
}

im::Day ics_day(util::Date day) {
  const date::year_month_day ymd{day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::int64_t ics_seconds(util::Instant at) {
  return static_cast<std::int64_t>(at.time_since_epoch().count());
}

void write_ics(std::ostream& out, bool written, const std::string& text) {
  if (!written) {
    throw Error("libical could not write an iCalendar property");
  }
  out << text;
}

} // namespace

IcsWriter::IcsWriter(std::ostream& out, util::Instant stamp, std::string_view product)
    : m_out(out), m_stamp(stamp) {
  m_out << "BEGIN:VCALENDAR\r\n";
  std::string text;
  write_ics(m_out, ics_library().head(std::string(product).c_str(), text), text);
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
  const im::Event e{event.uid.c_str(),
                    ics_day(event.day),
                    ics_day(event.day + date::days{1}),
                    ics_seconds(m_stamp),
                    ics_seconds(event.last_modified),
                    event.summary.c_str(),
                    event.description.c_str(),
                    k_alarm_hour * 3600};
  std::string text;
  write_ics(m_out, ics_library().event(e, text), text);
}

void IcsWriter::finish() {
  m_finished = true;
  m_out << "END:VCALENDAR\r\n";
}

} // namespace cancelog::render
