// The reminder policy that `add`, `check`, `edit` and `reopen` use.
#include "core/reminder.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;
using core::Card;
using core::Channel;
using core::Outcome;

namespace {

util::Date reminder_day(const char* text) {
  return *util::parse_iso_date(text);
}

} // namespace

TEST_CASE("the default policy is SPEC.md's", "[reminder]") {
  const auto p = core::reminder_policy(core::Settings{});
  CHECK(p.first_store == 3);
  CHECK(p.first_online == 3);
  CHECK(p.first_phone == 1);
  CHECK(p.first_other == 3);
  CHECK(p.after_pending == 3);
  CHECK(p.after_action_needed == 1);
  CHECK(p.after_no_answer == 1);
  CHECK(p.final_bill == 35);
}

TEST_CASE("settings change the policy", "[reminder]") {
  const core::Settings settings({{"remind.after.pending", "1w"}, {"remind.first.phone", "0d"}});
  const auto p = core::reminder_policy(settings);
  CHECK(p.after_pending == 7);
  CHECK(p.first_phone == 0);
  CHECK(p.first_store == 3);
}

TEST_CASE("first check by channel", "[reminder]") {
  const core::ReminderPolicy p;
  const auto day = reminder_day("2026-03-02");
  CHECK(core::first_check(p, Channel::store, day) == reminder_day("2026-03-05"));
  CHECK(core::first_check(p, Channel::online, day) == reminder_day("2026-03-05"));
  CHECK(core::first_check(p, Channel::phone, day) == reminder_day("2026-03-03"));
  CHECK(core::first_check(p, Channel::other, day) == reminder_day("2026-03-05"));
}

TEST_CASE("next check by outcome and card", "[reminder]") {
  const core::ReminderPolicy p;
  const auto day = reminder_day("2026-03-05");
  for (const auto card : {Card::prepaid, Card::postpaid}) {
    CHECK(core::next_check(p, Outcome::pending, card, day) == reminder_day("2026-03-08"));
    CHECK(core::next_check(p, Outcome::action_needed, card, day) == reminder_day("2026-03-06"));
    CHECK(core::next_check(p, Outcome::no_answer, card, day) == reminder_day("2026-03-06"));
    CHECK_FALSE(core::next_check(p, Outcome::rejected, card, day).has_value());
  }
  CHECK_FALSE(core::next_check(p, Outcome::confirmed, Card::prepaid, day).has_value());
  // The final bill of a postpaid line: one more check 35 days later.
  CHECK(core::next_check(p, Outcome::confirmed, Card::postpaid, day) == reminder_day("2026-04-09"));
}

TEST_CASE("next_check_for: the policy, --next, and a settled final bill", "[reminder]") {
  const core::ReminderPolicy p;
  core::NextCheckInput in;
  in.checked_on = reminder_day("2026-03-01");
  in.today = reminder_day("2026-03-04");

  SECTION("the policy counts from the day of the check, even a past one") {
    in.outcome = Outcome::pending;
    const auto next = core::next_check_for(p, in);
    REQUIRE(next.ok());
    CHECK(*next == reminder_day("2026-03-04"));
  }
  SECTION("a chosen date wins") {
    in.outcome = Outcome::pending;
    in.chosen = reminder_day("2026-03-20");
    CHECK(*core::next_check_for(p, in) == reminder_day("2026-03-20"));
    in.chosen = in.today;
    CHECK(*core::next_check_for(p, in) == in.today);
  }
  SECTION("a chosen date in the past is refused") {
    in.outcome = Outcome::no_answer;
    in.chosen = reminder_day("2026-03-03");
    const auto next = core::next_check_for(p, in);
    REQUIRE_FALSE(next.ok());
    CHECK(next.error() == "--next: 2026-03-03 is in the past; give today or a later date");
  }
  SECTION("a rejection takes no chosen date") {
    in.outcome = Outcome::rejected;
    CHECK_FALSE(core::next_check_for(p, in)->has_value());
    in.chosen = reminder_day("2026-03-20");
    const auto next = core::next_check_for(p, in);
    REQUIRE_FALSE(next.ok());
    CHECK(next.error() == "--next: a rejected request gets no more checks; record the new "
                          "request with 'cancelog add', which links it to this case");
  }
  SECTION("a confirmed postpaid line with its final bill settled needs no final-bill check") {
    in.outcome = Outcome::confirmed;
    in.card = Card::postpaid;
    CHECK(*core::next_check_for(p, in) == reminder_day("2026-04-05"));
    in.final_bill_settled = true;
    CHECK_FALSE(core::next_check_for(p, in)->has_value());
  }
}

TEST_CASE("next_check_after_edit", "[reminder]") {
  const core::ReminderPolicy p;
  core::Case before;
  before.channel = Channel::online;
  before.requested_on = reminder_day("2026-03-02");
  before.next_check_on = reminder_day("2026-03-05");
  core::Case after = before;

  SECTION("a case waiting for its first check follows a new date and channel") {
    after.requested_on = reminder_day("2026-02-27");
    after.channel = Channel::phone;
    CHECK(core::next_check_after_edit(p, before, after) == reminder_day("2026-02-28"));
  }
  SECTION("a first check moved by hand stays") {
    before.next_check_on = reminder_day("2026-03-10");
    after = before;
    after.requested_on = reminder_day("2026-02-27");
    CHECK(core::next_check_after_edit(p, before, after) == reminder_day("2026-03-10"));
  }
  SECTION("a checked case keeps its date") {
    before.status = after.status = core::Status::pending;
    after.channel = Channel::phone;
    CHECK(core::next_check_after_edit(p, before, after) == reminder_day("2026-03-05"));
  }
  SECTION("a confirmed case that becomes prepaid loses its final-bill check") {
    before.status = after.status = core::Status::confirmed;
    before.card = Card::postpaid;
    before.next_check_on = reminder_day("2026-04-09");
    after = before;
    after.card = Card::prepaid;
    CHECK_FALSE(core::next_check_after_edit(p, before, after).has_value());
    after.card = Card::postpaid;
    CHECK(core::next_check_after_edit(p, before, after) == reminder_day("2026-04-09"));
  }
}
