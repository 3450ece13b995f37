#pragma once

#include "core/model.hpp"
#include "core/settings.hpp"

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

} // namespace cancelog::core
