// core/check: the default method and when a check may have happened.
#include "core/check.hpp"

#include <catch2/catch.hpp>
#include <date/tz.h>

using namespace cancelog;

namespace {

util::Instant check_instant(const char* text) {
  return *util::parse_utc(text);
}

} // namespace

TEST_CASE("a check is made the way the request was", "[check]") {
  CHECK(core::default_method(core::Channel::store) == core::Method::store);
  CHECK(core::default_method(core::Channel::online) == core::Method::online);
  CHECK(core::default_method(core::Channel::phone) == core::Method::phone);
  CHECK(core::default_method(core::Channel::other) == core::Method::other);
}

TEST_CASE("when a check may have happened", "[check]") {
  const util::TimeZone baku{date::locate_zone("Asia/Baku")};
  const auto now = check_instant("2026-03-04T10:00:00Z");     // 14:00 in Baku
  const auto requested = *util::parse_iso_date("2026-03-02"); // starts 2026-03-01T20:00Z

  SECTION("now and any time since the start of the request day") {
    CHECK(core::check_time_allowed(now, now, requested, std::nullopt, baku).ok());
    const auto start = check_instant("2026-03-01T20:00:00Z");
    CHECK(*core::check_time_allowed(start, now, requested, std::nullopt, baku) == start);
  }
  SECTION("not in the future") {
    const auto result = core::check_time_allowed(check_instant("2026-03-04T10:00:01Z"), now,
                                                 requested, std::nullopt, baku);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() ==
          "--at: 2026-03-04 14:00 is in the future; record a check once it is made");
  }
  SECTION("not before the request day in the user's zone") {
    const auto result = core::check_time_allowed(check_instant("2026-03-01T19:59:59Z"), now,
                                                 requested, std::nullopt, baku);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "--at: 2026-03-01 23:59 is before the request (2026-03-02); a check "
                            "comes after the request (correct the request date with 'edit --on' "
                            "if it is wrong)");
    // In UTC the same instant is on the request day's eve too, and 00:00 UTC is allowed.
    CHECK_FALSE(core::check_time_allowed(check_instant("2026-03-01T23:59:59Z"), now, requested,
                                         std::nullopt, util::TimeZone{})
                    .ok());
    CHECK(core::check_time_allowed(check_instant("2026-03-02T00:00:00Z"), now, requested,
                                   std::nullopt, util::TimeZone{})
              .ok());
  }
  SECTION("not before the latest check") {
    const auto latest = check_instant("2026-03-03T08:00:00Z");
    CHECK(core::check_time_allowed(latest, now, requested, latest, baku).ok());
    const auto result = core::check_time_allowed(check_instant("2026-03-03T07:00:00Z"), now,
                                                 requested, latest, baku);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "--at: 2026-03-03 11:00 is before the case's latest check "
                            "(2026-03-03 12:00); record checks in the order they were made");
  }
}
