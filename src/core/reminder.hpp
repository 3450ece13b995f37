#pragma once

#include "core/model.hpp"
#include "core/settings.hpp"
#include "util/result.hpp"

#include <optional>

namespace cancelog::core {

// Days between follow-up checks, by channel and by the last answer (SPEC.md "Reminder policy").
struct ReminderPolicy {
  int first_store = 3;
  int first_online = 3;
  int first_phone = 1;
  int first_other = 3;
  int after_pending = 3;
  int after_action_needed = 1;
  int after_no_answer = 1;
  int final_bill = 35;
};

// The policy in force under these settings.
ReminderPolicy reminder_policy(const Settings& settings);

// The first check date of a new request.
util::Date first_check(const ReminderPolicy& policy, Channel channel, util::Date requested_on);

// The next check date after a check with this outcome on `checked_on`; none when the
// reminders end (rejected, or a confirmed prepaid line). A confirmed postpaid line gets one
// more check for the final bill.
std::optional<util::Date> next_check(const ReminderPolicy& policy, Outcome outcome, Card card,
                                     util::Date checked_on);

// What `check` needs to decide the next check date.
struct NextCheckInput {
  Outcome outcome = Outcome::pending;
  Card card = Card::prepaid;
  util::Date checked_on{}; // local date of the check
  util::Date today{};      // the user's today
  bool final_bill_settled = false;
  std::optional<util::Date> chosen; // --next
};

// The next check date `check` records: the chosen date when given, else the policy's. A
// confirmed postpaid line whose final bill is settled already gets no final-bill check. A
// chosen date before today is refused, and so is one after a rejection (the retry is a new
// case).
util::Result<std::optional<util::Date>> next_check_for(const ReminderPolicy& policy,
                                                       const NextCheckInput& input);

// The next check date after an edit of the recorded fields: a case still waiting for its
// first check, whose date nobody moved, follows the first-check policy for the new request
// date and channel; a confirmed case that becomes prepaid loses its final-bill check, and one
// that becomes postpaid gets it, counted from `confirmed_on` (the day of the check that
// confirmed it). Otherwise the date stays.
std::optional<util::Date> next_check_after_edit(const ReminderPolicy& policy, const Case& before,
                                                const Case& after,
                                                std::optional<util::Date> confirmed_on = {});

// The date `snooze` moves a case's next check to: today or later, for an open case or for a
// confirmed case still waiting for its final-bill check. Rejected and withdrawn cases have
// no checks left to move.
util::Result<util::Date> snooze_date(const Case& c, util::Date chosen, util::Date today);

} // namespace cancelog::core
