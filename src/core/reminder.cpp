#include "core/reminder.hpp"

#include "util/i18n.hpp"

namespace cancelog::core {

ReminderPolicy reminder_policy(const Settings& settings) {
  ReminderPolicy p;
  p.first_store = settings.days("remind.first.store");
  p.first_online = settings.days("remind.first.online");
  p.first_phone = settings.days("remind.first.phone");
  p.first_other = settings.days("remind.first.other");
  p.after_pending = settings.days("remind.after.pending");
  p.after_action_needed = settings.days("remind.after.action-needed");
  p.after_no_answer = settings.days("remind.after.no-answer");
  p.final_bill = settings.days("remind.final-bill");
  return p;
}

util::Date first_check(const ReminderPolicy& policy, Channel channel, util::Date requested_on) {
  int days = policy.first_other;
  switch (channel) {
  case Channel::store:
    days = policy.first_store;
    break;
  case Channel::online:
    days = policy.first_online;
    break;
  case Channel::phone:
    days = policy.first_phone;
    break;
  case Channel::other:
    days = policy.first_other;
    break;
  }
  return requested_on + date::days{days};
}

std::optional<util::Date> next_check(const ReminderPolicy& policy, Outcome outcome, Card card,
                                     util::Date checked_on) {
  switch (outcome) {
  case Outcome::pending:
    return checked_on + date::days{policy.after_pending};
  case Outcome::action_needed:
    return checked_on + date::days{policy.after_action_needed};
  case Outcome::no_answer:
    return checked_on + date::days{policy.after_no_answer};
  case Outcome::confirmed:
    if (card == Card::postpaid) {
      return checked_on + date::days{policy.final_bill};
    }
    return std::nullopt;
  case Outcome::rejected:
    return std::nullopt;
  }
  return std::nullopt;
}

util::Result<std::optional<util::Date>> next_check_for(const ReminderPolicy& policy,
                                                       const NextCheckInput& input) {
  if (input.chosen) {
    if (input.outcome == Outcome::rejected) {
      return util::fail(_("--next: a rejected request gets no more checks; record the new "
                          "request with 'cancelog add', which links it to this case"));
    }
    if (*input.chosen < input.today) {
      return util::fail(util::trf("--next: {} is in the past; give today or a later date",
                                  util::format_date(*input.chosen)));
    }
    return std::optional<util::Date>(*input.chosen);
  }
  if (input.outcome == Outcome::confirmed && input.final_bill_settled) {
    return std::optional<util::Date>();
  }
  return next_check(policy, input.outcome, input.card, input.checked_on);
}

std::optional<util::Date> next_check_after_edit(const ReminderPolicy& policy, const Case& before,
                                                const Case& after,
                                                std::optional<util::Date> confirmed_on) {
  if (before.status == Status::requested &&
      before.next_check_on == first_check(policy, before.channel, before.requested_on)) {
    return first_check(policy, after.channel, after.requested_on);
  }
  if (after.status == Status::confirmed && before.card == Card::postpaid &&
      after.card == Card::prepaid) {
    return std::nullopt;
  }
  if (after.status == Status::confirmed && before.card == Card::prepaid &&
      after.card == Card::postpaid && confirmed_on) {
    return next_check(policy, Outcome::confirmed, Card::postpaid, *confirmed_on);
  }
  return before.next_check_on;
}

util::Result<util::Date> snooze_date(const Case& c, util::Date chosen, util::Date today) {
  if (c.status == Status::rejected || c.status == Status::withdrawn) {
    return util::fail(util::trf("case {} is {}: it has no checks left to move; if that was "
                                "wrong, run 'cancelog reopen {} --note REASON' first",
                                c.id, name_of(c.status), c.id));
  }
  if (c.status == Status::confirmed && !c.next_check_on) {
    return util::fail(util::trf("case {} is confirmed and has no check left to move (only a "
                                "postpaid line keeps one, for its final bill, until "
                                "final-bill-settled is ticked)",
                                c.id));
  }
  if (chosen < today) {
    return util::fail(
        util::trf("{} is in the past; give today or a later date", util::format_date(chosen)));
  }
  return chosen;
}

} // namespace cancelog::core
