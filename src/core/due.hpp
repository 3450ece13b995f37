#pragma once

#include "core/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cancelog::core {

// A case with a next check, as `due` and the calendar export show it: the fields that say
// what to check, with its operator's contacts.
struct Reminder {
  std::int64_t id = 0;
  std::string uuid;
  std::string number; // E.164
  std::string operator_name;
  std::string hotline;
  std::string website;
  Status status = Status::requested;
  Card card = Card::prepaid;
  Channel channel = Channel::store;
  std::string receipt;
  util::Date requested_on{};
  util::Date next_check_on{};
};

// A confirmed case whose "after" items (after_todo_items) are not all ticked.
struct AfterTodo {
  std::int64_t id = 0;
  std::string uuid;
  std::string number; // E.164
  std::string operator_name;
  Card card = Card::prepaid;
  std::vector<ChecklistItem> items; // the unticked ones, in checklist order
};

// A case and its operator as a reminder (for a case with a next check).
Reminder reminder_of(const Case& c, const Operator& op);

// True when the check is the final-bill check of a confirmed postpaid line.
bool is_final_bill_check(const Reminder& r);

// What to ask the operator, one sentence by status: whether the cancellation went through
// (with the receipt reference to have ready), what is still needed after action-needed, or,
// for a confirmed postpaid line, to check the final bill and how to mark it settled.
std::string what_to_ask(const Reminder& r);

// How a check date stands against today, from the days it is overdue (negative: still
// ahead): "due today", "1 day overdue", "3 days overdue", "due tomorrow", "due in 2 days".
std::string due_phrase(int days_overdue);

// The title of the calendar event of a check: what to check, the number and the operator.
std::string calendar_summary(const Reminder& r, std::string_view shown_number);

// The description of the calendar event: the case, its receipt reference, the operator's
// hotline and website, what to ask and how to record the answer; one fact per line.
std::string calendar_description(const Reminder& r, std::string_view shown_number);

} // namespace cancelog::core
