// Fuzzes the date, length-of-time and instant parsers: no crash, and what parses writes back
// to text that parses to the same value.
#include "util/time.hpp"

#include <cstdint>
#include <cstdlib>
#include <date/tz.h>
#include <string_view>

using namespace cancelog::util;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Date today = Date{date::year{2026} / 3 / 4};
  if (const auto day = parse_date(text, today)) {
    const auto again = parse_iso_date(format_date(*day));
    if (!again || *again != *day) {
      std::abort();
    }
  }
  if (const auto days = parse_days(text)) {
    if (*days < 0) {
      std::abort();
    }
  }
  static const TimeZone baku{date::locate_zone("Asia/Baku")};
  for (const TimeZone& zone : {TimeZone{}, baku}) {
    if (const auto at = parse_instant(text, zone)) {
      const auto again = parse_utc(format_utc(*at));
      if (!again || *again != *at) {
        std::abort();
      }
    }
  }
  (void)parse_utc(text);
  return 0;
}
