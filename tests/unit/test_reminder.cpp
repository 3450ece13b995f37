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

TEST_CASE("every channel, outcome and card: first and next checks follow SPEC.md's defaults",
          "[reminder]") {
  const auto p = core::reminder_policy(core::Settings{});
  const auto requested = reminder_day("2026-03-02");
  const auto checked = reminder_day("2026-03-05");
  for (const auto& [channel, channel_name] : core::EnumNames<Channel>::k_names) {
    const int first_days = channel == Channel::phone ? 1 : 3;
    for (const auto& [card, card_name] : core::EnumNames<Card>::k_names) {
      INFO(channel_name << " " << card_name);
      CHECK(core::first_check(p, channel, requested) == requested + date::days{first_days});
      for (const auto& [outcome, outcome_name] : core::EnumNames<Outcome>::k_names) {
        INFO(outcome_name);
        std::optional<util::Date> expected;
        switch (outcome) {
        case Outcome::pending:
          expected = checked + date::days{3};
          break;
        case Outcome::action_needed:
        case Outcome::no_answer:
          expected = checked + date::days{1};
          break;
        case Outcome::confirmed:
          if (card == Card::postpaid) {
            expected = checked + date::days{35};
          }
          break;
        case Outcome::rejected:
          break;
        }
        // The channel does not matter after the first check; the card only for confirmed.
        CHECK(core::next_check(p, outcome, card, checked) == expected);
        core::NextCheckInput in;
        in.outcome = outcome;
        in.card = card;
        in.checked_on = checked;
        in.today = checked;
        CHECK(*core::next_check_for(p, in) == expected);
      }
    }
  }
}

TEST_CASE("each reminder setting moves its own interval and no other", "[reminder]") {
  struct Knob {
    const char* key;
    int core::ReminderPolicy::*field;
  };
  const std::vector<Knob> knobs{
      {"remind.first.store", &core::ReminderPolicy::first_store},
      {"remind.first.online", &core::ReminderPolicy::first_online},
      {"remind.first.phone", &core::ReminderPolicy::first_phone},
      {"remind.first.other", &core::ReminderPolicy::first_other},
      {"remind.after.pending", &core::ReminderPolicy::after_pending},
      {"remind.after.action-needed", &core::ReminderPolicy::after_action_needed},
      {"remind.after.no-answer", &core::ReminderPolicy::after_no_answer},
      {"remind.final-bill", &core::ReminderPolicy::final_bill},
  };
  const core::ReminderPolicy defaults;
  for (const auto& knob : knobs) {
    INFO(knob.key);
    const auto policy =
        core::reminder_policy(core::Settings(std::map<std::string, std::string>{{knob.key, "2w"}}));
    for (const auto& other : knobs) {
      CHECK(policy.*other.field == (other.key == knob.key ? 14 : defaults.*other.field));
    }
    // Checked when set: a length of time in days or weeks, never negative.
    CHECK(*core::normalize_setting(knob.key, " 5D ") == "5d");
    CHECK(*core::normalize_setting(knob.key, "0d") == "0d");
    CHECK(core::normalize_setting(knob.key, "banana").error() ==
          std::string(knob.key) +
              ": 'banana' is not a length of time; write a number of days or weeks, e.g. 3d "
              "or 2w");
    CHECK_FALSE(core::normalize_setting(knob.key, "-3d"));
    CHECK_FALSE(core::normalize_setting(knob.key, "3"));
    CHECK_FALSE(core::normalize_setting(knob.key, "3 days"));
  }
  // A setting applies to its channel and outcome only.
  const auto p = core::reminder_policy(core::Settings({{"remind.first.online", "5d"},
                                                       {"remind.after.no-answer", "2d"},
                                                       {"remind.final-bill", "6w"}}));
  const auto day = reminder_day("2026-03-02");
  CHECK(core::first_check(p, Channel::online, day) == reminder_day("2026-03-07"));
  CHECK(core::first_check(p, Channel::store, day) == reminder_day("2026-03-05"));
  CHECK(core::next_check(p, Outcome::no_answer, Card::prepaid, day) == reminder_day("2026-03-04"));
  CHECK(core::next_check(p, Outcome::action_needed, Card::prepaid, day) ==
        reminder_day("2026-03-03"));
  CHECK(core::next_check(p, Outcome::confirmed, Card::postpaid, day) == reminder_day("2026-04-13"));
}

TEST_CASE("a confirmed line that becomes postpaid gets its final-bill check", "[reminder]") {
  const core::ReminderPolicy p;
  core::Case before;
  before.status = core::Status::confirmed;
  before.card = Card::prepaid;
  core::Case after = before;
  after.card = Card::postpaid;
  const auto confirmed_on = reminder_day("2026-03-05");
  CHECK(core::next_check_after_edit(p, before, after, confirmed_on) == reminder_day("2026-04-09"));
  // Without the day of the confirmation there is nothing to count from.
  CHECK_FALSE(core::next_check_after_edit(p, before, after).has_value());
  // An open case keeps its date whatever its card.
  before.status = after.status = core::Status::pending;
  before.next_check_on = reminder_day("2026-03-08");
  CHECK(core::next_check_after_edit(p, before, after, confirmed_on) == reminder_day("2026-03-08"));
}

TEST_CASE("snooze_date: today or later, open cases and a pending final bill", "[reminder]") {
  core::Case c;
  c.id = 4;
  c.status = core::Status::pending;
  c.next_check_on = reminder_day("2026-03-04");
  const auto today = reminder_day("2026-03-04");
  CHECK(*core::snooze_date(c, reminder_day("2026-03-07"), today) == reminder_day("2026-03-07"));
  CHECK(*core::snooze_date(c, today, today) == today);
  CHECK(core::snooze_date(c, reminder_day("2026-03-03"), today).error() ==
        "2026-03-03 is in the past; give today or a later date");
  for (const auto status :
       {core::Status::requested, core::Status::action_needed, core::Status::no_answer}) {
    c.status = status;
    CHECK(core::snooze_date(c, today, today));
  }
  c.status = core::Status::withdrawn;
  c.next_check_on.reset();
  CHECK(core::snooze_date(c, today, today).error() ==
        "case 4 is withdrawn: it has no checks left to move; if that was wrong, run 'cancelog "
        "reopen 4 --note REASON' first");
  c.status = core::Status::rejected;
  CHECK_FALSE(core::snooze_date(c, today, today));
  c.status = core::Status::confirmed;
  CHECK(core::snooze_date(c, today, today).error() ==
        "case 4 is confirmed and has no check left to move (only a postpaid line keeps one, for "
        "its final bill, until final-bill-settled is ticked)");
  c.card = Card::postpaid;
  c.next_check_on = reminder_day("2026-04-09");
  CHECK(*core::snooze_date(c, reminder_day("2026-04-20"), today) == reminder_day("2026-04-20"));
}
