#include "support.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/time.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <date/tz.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace cancelog::util;
using date::days;

namespace {
Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}
const Date k_today = ymd(2026, 3, 4);
} // namespace

TEST_CASE("dates in every accepted form") {
  CHECK(*parse_date("2026-03-01", k_today) == ymd(2026, 3, 1));
  CHECK(*parse_date("today", k_today) == k_today);
  CHECK(*parse_date(" Today ", k_today) == k_today);
  CHECK(*parse_date("yesterday", k_today) == ymd(2026, 3, 3));
  CHECK(*parse_date("tomorrow", k_today) == ymd(2026, 3, 5));
  CHECK(*parse_date("+3d", k_today) == ymd(2026, 3, 7));
  CHECK(*parse_date("-3d", k_today) == ymd(2026, 3, 1));
  CHECK(*parse_date("+2w", k_today) == ymd(2026, 3, 18));
  CHECK(*parse_date("-1w", k_today) == ymd(2026, 2, 25));
  CHECK(*parse_date("2024-02-29", k_today) == ymd(2024, 2, 29));
}

TEST_CASE("dates that do not exist or do not parse are refused with a sentence") {
  CHECK(parse_date("2026-02-30", k_today).error() ==
        "'2026-02-30' is not a date: there is no such day in the calendar");
  CHECK(parse_date("2025-02-29", k_today).error().find("no such day") != std::string::npos);
  CHECK(parse_date("2026-13-01", k_today).error().find("no such day") != std::string::npos);
  CHECK(parse_date("2026-3-1", k_today).error() ==
        "'2026-3-1' is not a date; write YYYY-MM-DD, today, yesterday, tomorrow, +3d or -2w");
  CHECK_FALSE(parse_date("", k_today));
  CHECK_FALSE(parse_date("next week", k_today));
  CHECK_FALSE(parse_date("+3", k_today));
  CHECK_FALSE(parse_date("+3x", k_today));
  CHECK_FALSE(parse_date("++3d", k_today));
  CHECK_FALSE(parse_date("2026-03-01x", k_today));
  CHECK_FALSE(parse_date("+99999999999d", k_today));
}

TEST_CASE("lengths of time") {
  CHECK(*parse_days("0d") == 0);
  CHECK(*parse_days("3d") == 3);
  CHECK(*parse_days("2W") == 14);
  CHECK_FALSE(parse_days("-3d"));
  CHECK_FALSE(parse_days("banana"));
  CHECK_FALSE(parse_days("3"));
  CHECK_FALSE(parse_days("d"));
  CHECK_FALSE(parse_days("+3d"));
  CHECK(parse_days("banana").error() ==
        "'banana' is not a length of time; write a number of days or weeks, e.g. 3d or 2w");
  // Regression (found by fuzz_date): a huge week count overflowed int before the limit check.
  CHECK(parse_days("2000000000w").error() == "'2000000000w' is too long; the limit is 36600 days");
  CHECK_FALSE(parse_date("+2022202304w", k_today));
  CHECK(*parse_days("5228w") == 36596);
  CHECK(format_days(14) == "2w");
  CHECK(format_days(3) == "3d");
  CHECK(format_days(0) == "0d");
}

TEST_CASE("stored instants round-trip") {
  const auto at = parse_utc("2026-03-04T10:05:09Z");
  REQUIRE(at);
  CHECK(format_utc(*at) == "2026-03-04T10:05:09Z");
  CHECK_FALSE(parse_utc("2026-03-04 10:05:09"));
  CHECK_FALSE(parse_utc("2026-03-04T25:00:00Z"));
  CHECK(format_date(ymd(2026, 3, 4)) == "2026-03-04");
  CHECK(days_between(ymd(2026, 2, 20), ymd(2026, 3, 4)) == 12);
}

TEST_CASE("instants typed by people, local or with an offset") {
  const TimeZone baku{date::locate_zone("Asia/Baku")};
  const auto utc = [](const char* text) { return *parse_utc(text); };
  CHECK(*parse_instant("2026-03-04T10:00:00Z", baku) == utc("2026-03-04T10:00:00Z"));
  CHECK(*parse_instant("2026-03-04 14:00", baku) == utc("2026-03-04T10:00:00Z"));
  CHECK(*parse_instant("2026-03-04T14:00:30", baku) == utc("2026-03-04T10:00:30Z"));
  CHECK(*parse_instant("2026-03-04T14:00:30.250", baku) == utc("2026-03-04T10:00:30Z"));
  CHECK(*parse_instant("2026-03-04T12:00+02:00", baku) == utc("2026-03-04T10:00:00Z"));
  CHECK(*parse_instant("2026-03-04T05:00-0500", baku) == utc("2026-03-04T10:00:00Z"));
  CHECK(*parse_instant("2026-03-04T14:00+04", baku) == utc("2026-03-04T10:00:00Z"));
  CHECK_FALSE(parse_instant("2026-03-04", baku));
  CHECK_FALSE(parse_instant("2026-03-04T24:00", baku));
  CHECK_FALSE(parse_instant("2026-03-04T10:00+2", baku));
  CHECK_FALSE(parse_instant("yesterday", baku));
}

TEST_CASE("local dates near midnight depend on the zone") {
  const TimeZone baku{date::locate_zone("Asia/Baku")};
  const TimeZone utc;
  const auto late = *parse_utc("2026-03-03T21:30:00Z"); // 01:30 on the 4th in Baku
  CHECK(baku.local_date(late) == ymd(2026, 3, 4));
  CHECK(utc.local_date(late) == ymd(2026, 3, 3));
  CHECK(format_local(late, baku) == "2026-03-04 01:30");
}

TEST_CASE("daylight saving: a time skipped by the clock still maps to an instant") {
  const TimeZone berlin{date::locate_zone("Europe/Berlin")};
  // 02:30 does not exist on 2026-03-29 in Berlin; it is read as 03:30 CEST (01:30 UTC).
  CHECK(format_utc(*parse_instant("2026-03-29 02:30", berlin)) == "2026-03-29T01:30:00Z");
  // 02:30 happens twice on 2026-10-25; the earlier one is chosen.
  CHECK(format_utc(*parse_instant("2026-10-25 02:30", berlin)) == "2026-10-25T00:30:00Z");
}

TEST_CASE("the TZ variable") {
  CHECK(resolve_zone("Asia/Baku")->name() == "Asia/Baku");
  CHECK(resolve_zone(":Asia/Baku")->name() == "Asia/Baku");
  CHECK(resolve_zone("/usr/share/zoneinfo/Asia/Tokyo")->name() == "Asia/Tokyo");
  CHECK(resolve_zone("UTC")->name() == "UTC");
  CHECK(resolve_zone(nullptr));
  CHECK(resolve_zone("Mars/Olympus").error() ==
        "unknown time zone 'Mars/Olympus' in TZ; set TZ to a name such as Asia/Baku or UTC");
}

TEST_CASE("the clock: CANCELOG_NOW fixes now, today follows the zone") {
  const Clock fixed(std::string("2026-03-03T21:30:00Z"), std::string("Asia/Baku"));
  CHECK(format_utc(fixed.now()) == "2026-03-03T21:30:00Z");
  CHECK(fixed.today() == ymd(2026, 3, 4));
  const Clock local(std::string("2026-03-04 01:30"), std::string("Asia/Baku"));
  CHECK(format_utc(local.now()) == "2026-03-03T21:30:00Z");
  // CANCELOG_NOW with its offset needs no zone, but today's date still refuses an unknown one.
  const Clock nowhere(std::string("2026-03-03T21:30:00Z"), std::string("Mars/Olympus"));
  CHECK(format_utc(nowhere.now()) == "2026-03-03T21:30:00Z");
  CHECK_THROWS_AS(nowhere.today(), cancelog::InputError);
  const Clock bad(std::string("soon"), std::string("UTC"));
  CHECK_THROWS_AS(bad.now(), cancelog::InputError);
  const Clock real(std::nullopt, std::string("UTC"));
  CHECK(real.now().time_since_epoch().count() > 0);
}

namespace {

date::sys_info library_info(const char* name, Instant at) {
  return date::locate_zone(name)->get_info(at);
}

// Sets the process's TZ for a test and restores it (and the C library's idea of it) after.
class ProcessTz {
public:
  ProcessTz() {
    if (const char* saved = std::getenv("TZ")) {
      m_before = saved;
    }
  }
  ~ProcessTz() {
    if (m_before) {
      ::setenv("TZ", m_before->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  ProcessTz(const ProcessTz&) = delete;
  ProcessTz& operator=(const ProcessTz&) = delete;
  void set(const char* value) { ::setenv("TZ", value, 1); }
  void unset() { ::unsetenv("TZ"); }

private:
  std::optional<std::string> m_before;
};

} // namespace

TEST_CASE("a zone through the C library gives the date library's answers, in every zone") {
  ProcessTz tz;
  const auto utc = [](const char* text) { return *parse_utc(text); };
  for (const char* name :
       {"Asia/Baku", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
        "America/St_Johns", "Asia/Kolkata", "Pacific/Kiritimati", "America/Sao_Paulo",
        "Europe/Dublin", "Africa/Casablanca", "Etc/GMT+4"}) {
    INFO(name);
    tz.set(name);
    const auto resolved = resolve_zone(name);
    REQUIRE(resolved);
    const TimeZone& own = *resolved;
    const TimeZone library{date::locate_zone(name)};
    CHECK(own.name() == name);
    std::vector<Instant> instants;
    // Every 97 minutes over three years, and each minute of the two hours either side of
    // every change of offset (the skipped and the repeated local times among them).
    for (Instant at = utc("2024-01-01T00:00:00Z"); at < utc("2027-01-01T00:00:00Z");
         at += std::chrono::minutes{97}) {
      instants.push_back(at);
    }
    for (auto info = library_info(name, utc("2024-01-01T00:00:00Z"));
         info.end < utc("2027-01-01T00:00:00Z"); info = library_info(name, info.end)) {
      for (auto at = info.end - std::chrono::hours{2}; at <= info.end + std::chrono::hours{2};
           at += std::chrono::minutes{1}) {
        instants.push_back(at);
      }
      instants.push_back(info.end - std::chrono::seconds{1});
    }
    for (const Instant at : instants) {
      INFO(format_utc(at));
      REQUIRE(own.to_local(at) == library.to_local(at));
      REQUIRE(own.local_date(at) == library.local_date(at));
      // The same local time read back: skipped and repeated times included.
      const auto local = library.to_local(at) + std::chrono::minutes{30};
      REQUIRE(own.from_local(local) == library.from_local(local));
    }
  }
  // The daylight-saving rules of the test above, through the C library.
  tz.set("Europe/Berlin");
  const TimeZone berlin = *resolve_zone("Europe/Berlin");
  CHECK(format_utc(*parse_instant("2026-03-29 02:30", berlin)) == "2026-03-29T01:30:00Z");
  CHECK(format_utc(*parse_instant("2026-10-25 02:30", berlin)) == "2026-10-25T00:30:00Z");
  // The clock's today through it.
  const Clock late(std::string("2026-03-03T23:30:00Z"), std::string("Europe/Berlin"));
  CHECK(late.today() == ymd(2026, 3, 4));
  CHECK(late.zone().name() == "Europe/Berlin");
}

TEST_CASE("only the process's own zone file goes to the C library") {
  ProcessTz tz;
  tz.set("Asia/Baku");
  // Another zone than the process's: the date library (same answers, same name).
  CHECK(resolve_zone("Europe/Berlin")->name() == "Europe/Berlin");
  CHECK(format_local(*parse_utc("2026-03-03T23:30:00Z"), *resolve_zone("Europe/Berlin")) ==
        "2026-03-04 00:30");
  // Unknown names, paths and rules stay the date library's: an error, or its own reading.
  for (const char* odd : {"Nowhere/City", "../../etc/passwd", "zone.tab"}) {
    INFO(odd);
    tz.set(odd);
    CHECK_FALSE(resolve_zone(odd));
  }
  tz.set("/usr/share/zoneinfo/Asia/Tokyo");
  CHECK(resolve_zone("/usr/share/zoneinfo/Asia/Tokyo")->name() == "Asia/Tokyo");
  tz.set(":Asia/Baku");
  CHECK(resolve_zone(":Asia/Baku")->name() == "Asia/Baku");
  // No TZ: the system's zone, whichever library serves it, with a name.
  tz.unset();
  CHECK_FALSE(resolve_zone(nullptr)->name().empty());
}

TEST_CASE("the system's zone: linked, copied with or without its name, or none") {
  namespace fs = std::filesystem;
  const cancelog::testing::TempDir dir;
  const auto localtime = dir.path / "localtime";
  const auto zone_name = dir.path / "timezone";
  // A link into the zone folder names the zone.
  fs::create_symlink("/usr/share/zoneinfo/Europe/Berlin", localtime);
  CHECK(system_zone_name(localtime, zone_name) == "Europe/Berlin");
  // A copy (some images copy the file): the name /etc/timezone gives, else a label.
  fs::remove(localtime);
  fs::copy_file("/usr/share/zoneinfo/Asia/Baku", localtime);
  CHECK(system_zone_name(localtime, zone_name) == "localtime");
  std::ofstream(zone_name) << "Asia/Baku\n";
  CHECK(system_zone_name(localtime, zone_name) == "Asia/Baku");
  std::ofstream(zone_name) << "../../etc/passwd\n";
  CHECK(system_zone_name(localtime, zone_name) == "localtime");
  // Not a compiled zone, or no file: the date library decides.
  fs::remove(localtime);
  CHECK_FALSE(system_zone_name(localtime, zone_name));
  std::ofstream(localtime) << "Asia/Baku\n";
  CHECK_FALSE(system_zone_name(localtime, zone_name));
}
