// What `due` and the calendar export say about a check: core/due.
#include "core/checklist.hpp"
#include "core/due.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;
using core::Card;
using core::ChecklistItem;
using core::Status;

namespace {

core::Reminder due_reminder(Status status, const char* receipt) {
  core::Reminder r;
  r.id = 4;
  r.number = "+994501234567";
  r.operator_name = "Azercell";
  r.hotline = "*1111";
  r.website = "azercell.com";
  r.status = status;
  r.receipt = receipt;
  r.requested_on = *util::parse_iso_date("2026-03-01");
  r.next_check_on = *util::parse_iso_date("2026-03-04");
  return r;
}

} // namespace

TEST_CASE("what to ask, by status, with the receipt reference to have ready", "[due]") {
  CHECK(core::what_to_ask(due_reminder(Status::requested, "AZC-1")) ==
        "Ask whether the cancellation went through; have the receipt reference AZC-1 ready.");
  CHECK(core::what_to_ask(due_reminder(Status::requested, "")) ==
        "Ask whether the cancellation went through; give the number and the date of the "
        "request (2026-03-01).");
  CHECK(core::what_to_ask(due_reminder(Status::pending, "AZC-1")) ==
        "Ask whether the pending cancellation has gone through now; have the receipt reference "
        "AZC-1 ready.");
  CHECK(core::what_to_ask(due_reminder(Status::action_needed, "AZC-1")) ==
        "Ask what is still needed (arrears? ID?) and do it; have the receipt reference AZC-1 "
        "ready.");
  CHECK(core::what_to_ask(due_reminder(Status::no_answer, "AZC-1")) ==
        "Nobody answered last time: ask again whether the cancellation went through; have the "
        "receipt reference AZC-1 ready.");
  auto bill = due_reminder(Status::confirmed, "AZC-1");
  CHECK_FALSE(core::is_final_bill_check(bill)); // a prepaid line has no final bill
  bill.card = Card::postpaid;
  CHECK(core::is_final_bill_check(bill));
  CHECK(core::what_to_ask(bill) ==
        "Check the final bill: once it is paid and nothing more is charged, run 'cancelog tick 4 "
        "final-bill-settled'; if the line is still billed, 'cancelog reopen 4 --note REASON'.");
}

TEST_CASE("due phrases", "[due]") {
  CHECK(core::due_phrase(0) == "due today");
  CHECK(core::due_phrase(1) == "1 day overdue");
  CHECK(core::due_phrase(14) == "14 days overdue");
  CHECK(core::due_phrase(-1) == "due tomorrow");
  CHECK(core::due_phrase(-3) == "due in 3 days");
}

TEST_CASE("calendar texts name the number, operator, receipt and hotline", "[due]") {
  auto r = due_reminder(Status::pending, "AZC-1");
  CHECK(core::calendar_summary(r, "+994 50 123 45 67") ==
        "Check the cancellation of +994 50 123 45 67 (Azercell)");
  CHECK(core::calendar_description(r, "+994 50 123 45 67") ==
        "Case 4: +994 50 123 45 67, Azercell, requested on 2026-03-01 (store), now pending.\n"
        "Receipt reference: AZC-1\n"
        "Hotline: *1111\n"
        "Website: azercell.com\n"
        "Ask whether the pending cancellation has gone through now; have the receipt reference "
        "AZC-1 ready.\n"
        "Then record the answer: cancelog check 4 --outcome OUTCOME (pending, action-needed, "
        "no-answer, confirmed or rejected).");
  r.status = Status::confirmed;
  r.card = Card::postpaid;
  r.receipt.clear();
  r.hotline.clear();
  r.website.clear();
  CHECK(core::calendar_summary(r, "+99450***4567") ==
        "Check the final bill of +99450***4567 (Azercell)");
  CHECK(core::calendar_description(r, "+99450***4567") ==
        "Case 4: +99450***4567, Azercell, requested on 2026-03-01 (store), now confirmed.\n" +
            core::what_to_ask(r));
}

TEST_CASE("reminder_of takes the case and its operator's contacts", "[due]") {
  core::Case c;
  c.id = 7;
  c.uuid = "u";
  c.number = "+994551234567";
  c.operator_name = "Bakcell";
  c.status = Status::no_answer;
  c.card = Card::postpaid;
  c.channel = core::Channel::phone;
  c.receipt = "R";
  c.requested_on = *util::parse_iso_date("2026-03-01");
  c.next_check_on = *util::parse_iso_date("2026-03-05");
  core::Operator op;
  op.name = "Bakcell";
  op.hotline = "555";
  op.website = "bakcell.com";
  const auto r = core::reminder_of(c, op);
  CHECK(r.id == 7);
  CHECK(r.hotline == "555");
  CHECK(r.website == "bakcell.com");
  CHECK(r.status == Status::no_answer);
  CHECK(r.channel == core::Channel::phone);
  CHECK(r.next_check_on == *c.next_check_on);
}

TEST_CASE("the after items due asks for: not receipt-kept, final bill for postpaid only", "[due]") {
  using Items = std::vector<ChecklistItem>;
  CHECK(core::after_todo_items(Card::prepaid) ==
        Items{ChecklistItem::number_dead, ChecklistItem::sim_destroyed});
  CHECK(core::after_todo_items(Card::postpaid) == Items{ChecklistItem::number_dead,
                                                        ChecklistItem::sim_destroyed,
                                                        ChecklistItem::final_bill_settled});
  CHECK(core::unticked_after_todo(Card::postpaid,
                                  {ChecklistItem::receipt_kept, ChecklistItem::sim_destroyed}) ==
        Items{ChecklistItem::number_dead, ChecklistItem::final_bill_settled});
  CHECK(core::unticked_after_todo(Card::prepaid,
                                  {ChecklistItem::number_dead, ChecklistItem::sim_destroyed})
            .empty());
}

TEST_CASE("the bits of cases.after_todo name the after items left", "[due]") {
  using Items = std::vector<ChecklistItem>;
  const auto of = [](std::int64_t bits) {
    Items items{ChecklistItem::receipt_kept}; // cleared first
    core::after_items_of_bits(bits, items);
    return items;
  };
  CHECK(of(0).empty());
  CHECK(of(1) == Items{ChecklistItem::number_dead});
  CHECK(of(2) == Items{ChecklistItem::sim_destroyed});
  CHECK(of(4) == Items{ChecklistItem::final_bill_settled});
  CHECK(of(7) == core::after_todo_items(Card::postpaid));
  CHECK(of(3) == core::after_todo_items(Card::prepaid));
}
