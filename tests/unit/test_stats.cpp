#include "core/stats.hpp"
#include "render/chart.hpp"

#include <catch2/catch.hpp>
#include <date/tz.h>

using namespace cancelog;

TEST_CASE("median and nearest-rank 90th percentile") {
  CHECK(core::spread_of({}).n == 0);
  const auto one = core::spread_of({5});
  CHECK(one.n == 1);
  CHECK(one.median == 5);
  CHECK(one.p90 == 5);
  const auto even = core::spread_of({4, 1, 3, 2});
  CHECK(even.median == 2.5);
  CHECK(even.p90 == 4);
  std::vector<int> ten{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  CHECK(core::spread_of(ten).p90 == 9);
  ten.push_back(100);
  CHECK(core::spread_of(ten).median == 6);
  CHECK(core::spread_of(ten).p90 == 10);
}

TEST_CASE("the summary counts, measures confirmations in local days, and finds the overdue") {
  const auto day = [](const char* text) { return *util::parse_iso_date(text); };
  const util::TimeZone baku{date::locate_zone("Asia/Baku")};
  core::SummaryBuilder builder(day("2026-03-20"), baku);
  core::CaseFacts a;
  a.status = core::Status::confirmed;
  a.operator_name = "Azercell";
  a.channel = core::Channel::store;
  a.requested_on = day("2026-03-01");
  // 21:30 UTC on the 4th is the 5th in Baku: four days, not three.
  a.confirmed_at = *util::parse_utc("2026-03-04T21:30:00Z");
  builder.add(a);
  core::CaseFacts b = a;
  b.operator_name = "Bakcell";
  b.channel = core::Channel::online;
  b.confirmed_at = *util::parse_utc("2026-03-11T08:00:00Z");
  builder.add(b);
  core::CaseFacts open;
  open.status = core::Status::pending;
  open.operator_name = "Azercell";
  open.requested_on = day("2026-03-01");
  open.next_check_on = day("2026-03-10");
  builder.add(open);
  open.next_check_on = day("2026-03-20"); // due today: not overdue
  builder.add(open);
  core::CaseFacts closed_with_reminder = open;
  closed_with_reminder.status = core::Status::confirmed;
  closed_with_reminder.confirmed_at.reset();
  closed_with_reminder.next_check_on = day("2026-03-01"); // a final-bill check, not "open"
  builder.add(closed_with_reminder);

  const core::Summary s = builder.finish();
  CHECK(s.total == 5);
  CHECK(s.by_status.at(core::Status::confirmed) == 3);
  CHECK(s.by_status.at(core::Status::pending) == 2);
  CHECK(s.by_operator.at("Azercell") == 4);
  CHECK(s.by_channel.at(core::Channel::online) == 1);
  CHECK(s.confirmation_by_channel.at(core::Channel::store).median == 4);
  CHECK(s.confirmation_by_channel.at(core::Channel::online).p90 == 10);
  CHECK(s.confirmation_by_operator.at("Azercell").n == 1);
  CHECK(s.overdue == 1);
  CHECK(s.overdue_max_days == 10);
}

TEST_CASE("bars in eighths of a column") {
  CHECK(render::bar(0, 10, 8).empty());
  CHECK(render::bar(10, 10, 3) == "███");
  CHECK(render::bar(5, 10, 3) == "█▌");
  CHECK(render::bar(1, 1000, 10) == "▏");
}
