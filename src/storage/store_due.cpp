// What `due` lists: checks on or before a date, and confirmed cases with after items to do.
#include "core/checklist.hpp"
#include "storage/query.hpp"

namespace cancelog::storage {

using detail::column_date;
using detail::column_enum;
using detail::column_view;
using detail::Query;

void Store::for_each_reminder(util::Date until,
                              const std::function<void(const core::Reminder&)>& visit) {
  // Through the partial index cases_next_check_on, which holds only cases with a next check,
  // in its order: the most overdue first, then by id.
  Query q(*this, "SELECT c.id, c.uuid, c.number, o.name, o.hotline, o.website, c.status, c.card, "
                 "c.channel, c.receipt, c.requested_on, c.next_check_on "
                 "FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
                 "WHERE c.next_check_on <= ? ORDER BY c.next_check_on, c.id");
  q->bind(1, util::format_date(until));
  core::Reminder r;
  while (q->executeStep()) {
    r.id = q->getColumn(0).getInt64();
    r.uuid.assign(column_view(q->getColumn(1)));
    r.number.assign(column_view(q->getColumn(2)));
    r.operator_name.assign(column_view(q->getColumn(3)));
    r.hotline.assign(column_view(q->getColumn(4)));
    r.website.assign(column_view(q->getColumn(5)));
    r.status = column_enum<core::Status>(q->getColumn(6));
    r.card = column_enum<core::Card>(q->getColumn(7));
    r.channel = column_enum<core::Channel>(q->getColumn(8));
    r.receipt.assign(column_view(q->getColumn(9)));
    r.requested_on = column_date(q->getColumn(10));
    r.next_check_on = column_date(q->getColumn(11));
    visit(r);
  }
}

void Store::for_each_after_todo(const std::function<void(const core::AfterTodo&)>& visit) {
  // From the partial index cases_after_todo alone (schema/0004_after_todo_items.sql): it
  // holds only the cases with something left, in id order, with every column read here and
  // the items left as bits. Neither the table nor the checklist is visited.
  Query q(*this, "SELECT c.id, c.uuid, c.number, o.name, c.card, c.after_todo "
                 "FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
                 "WHERE c.after_todo IS NOT NULL ORDER BY c.id");
  core::AfterTodo todo;
  while (q->executeStep()) {
    todo.id = q->getColumn(0).getInt64();
    todo.uuid.assign(column_view(q->getColumn(1)));
    todo.number.assign(column_view(q->getColumn(2)));
    todo.operator_name.assign(column_view(q->getColumn(3)));
    todo.card = column_enum<core::Card>(q->getColumn(4));
    core::after_items_of_bits(q->getColumn(5).getInt64(), todo.items);
    // The column is kept by triggers; a database edited by hand may disagree with it.
    if (!todo.items.empty()) {
      visit(todo);
    }
  }
}

} // namespace cancelog::storage
