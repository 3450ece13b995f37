#include "core/due.hpp"

#include "util/i18n.hpp"

namespace cancelog::core {

Reminder reminder_of(const Case& c, const Operator& op) {
  Reminder r;
  r.id = c.id;
  r.uuid = c.uuid;
  r.number = c.number;
  r.operator_name = c.operator_name;
  r.hotline = op.hotline;
  r.website = op.website;
  r.status = c.status;
  r.card = c.card;
  r.channel = c.channel;
  r.receipt = c.receipt;
  r.requested_on = c.requested_on;
  r.next_check_on = c.next_check_on.value_or(util::Date{});
  return r;
}

bool is_final_bill_check(const Reminder& r) {
  return r.status == Status::confirmed && r.card == Card::postpaid;
}

std::string what_to_ask(const Reminder& r) {
  if (is_final_bill_check(r)) {
    return util::trf("Check the final bill: once it is paid and nothing more is charged, run "
                     "'cancelog tick {} final-bill-settled'; if the line is still billed, "
                     "'cancelog reopen {} --note REASON'.",
                     r.id, r.id);
  }
  const char* question = nullptr;
  switch (r.status) {
  case Status::pending:
    question = _("Ask whether the pending cancellation has gone through now");
    break;
  case Status::action_needed:
    question = _("Ask what is still needed (arrears? ID?) and do it");
    break;
  case Status::no_answer:
    question = _("Nobody answered last time: ask again whether the cancellation went through");
    break;
  default:
    question = _("Ask whether the cancellation went through");
    break;
  }
  if (!r.receipt.empty()) {
    return util::trf("{}; have the receipt reference {} ready.", question, r.receipt);
  }
  return util::trf("{}; give the number and the date of the request ({}).", question,
                   util::format_date(r.requested_on));
}

std::string due_phrase(int days_overdue) {
  if (days_overdue == 0) {
    return _("due today");
  }
  if (days_overdue == 1) {
    return _("1 day overdue");
  }
  if (days_overdue > 1) {
    return util::trf("{} days overdue", days_overdue);
  }
  if (days_overdue == -1) {
    return _("due tomorrow");
  }
  return util::trf("due in {} days", -days_overdue);
}

std::string calendar_summary(const Reminder& r, std::string_view shown_number) {
  if (is_final_bill_check(r)) {
    return util::trf("Check the final bill of {} ({})", shown_number, r.operator_name);
  }
  return util::trf("Check the cancellation of {} ({})", shown_number, r.operator_name);
}

std::string calendar_description(const Reminder& r, std::string_view shown_number) {
  std::string text = util::trf("Case {}: {}, {}, requested on {} ({}), now {}.", r.id, shown_number,
                               r.operator_name, util::format_date(r.requested_on),
                               name_of(r.channel), name_of(r.status));
  if (!r.receipt.empty()) {
    text += '\n' + util::trf("Receipt reference: {}", r.receipt);
  }
  if (!r.hotline.empty()) {
    text += '\n' + util::trf("Hotline: {}", r.hotline);
  }
  if (!r.website.empty()) {
    text += '\n' + util::trf("Website: {}", r.website);
  }
  text += '\n' + what_to_ask(r);
  if (!is_final_bill_check(r)) {
    text += '\n' + util::trf("Then record the answer: cancelog check {} --outcome OUTCOME "
                             "(pending, action-needed, no-answer, confirmed or rejected).",
                             r.id);
  }
  return text;
}

} // namespace cancelog::core
