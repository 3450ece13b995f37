// What `due` lists: checks on or before a date, and confirmed cases with after items to do.
#include "core/checklist.hpp"
#include "storage/query.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace cancelog::storage {

using detail::Query;
using detail::Rows;

void Store::for_each_reminder(util::Date until,
                              const std::function<void(const core::Reminder&)>& visit) {
  // Through the partial index cases_next_check_on, which holds only cases with a next check,
  // in its order: the most overdue first, then by id.
  Query q(*this, "SELECT c.id, c.uuid, c.number, o.name, o.hotline, o.website, c.status, c.card, "
                 "c.channel, c.receipt, c.requested_on, c.next_check_on "
                 "FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
                 "WHERE c.next_check_on <= ? ORDER BY c.next_check_on, c.id");
  q->bind(1, util::format_date(until));
  Rows row(*q);
  core::Reminder r;
  while (row.next()) {
    r.id = row.int64(0);
    r.uuid.assign(row.text(1));
    r.number.assign(row.text(2));
    r.operator_name.assign(row.text(3));
    r.hotline.assign(row.text(4));
    r.website.assign(row.text(5));
    r.status = row.enumeration<core::Status>(6);
    r.card = row.enumeration<core::Card>(7);
    r.channel = row.enumeration<core::Channel>(8);
    r.receipt.assign(row.text(9));
    r.requested_on = row.date(10);
    r.next_check_on = row.date(11);
    visit(r);
  }
}

void Store::for_each_after_todo(const std::function<void(const core::AfterTodo&)>& visit) {
  // From the partial index cases_after_todo alone (schema/0004_after_todo_items.sql): it
  // holds only the cases with something left, in id order, with every column read here and
  // the items left as bits. Neither the table nor the checklist is visited, nor the
  // operators: their few names are read first (a join searched the table at every row).
  std::vector<std::pair<std::int64_t, std::string>> names;
  for (auto& op : operators()) {
    names.emplace_back(op.id, std::move(op.name));
  }
  Query q(*this, "SELECT c.id, c.uuid, c.number, c.operator_id, c.card, c.after_todo "
                 "FROM cases AS c WHERE c.after_todo IS NOT NULL ORDER BY c.id");
  Rows row(*q);
  core::AfterTodo todo;
  while (row.next()) {
    todo.id = row.int64(0);
    todo.uuid.assign(row.text(1));
    todo.number.assign(row.text(2));
    const std::int64_t operator_id = row.int64(3);
    const auto name = std::find_if(names.begin(), names.end(),
                                   [&](const auto& entry) { return entry.first == operator_id; });
    if (name == names.end()) { // the foreign key forbids it; a file edited by hand may not
      throw Error("database holds case " + std::to_string(todo.id) + " of an unknown operator " +
                  std::to_string(operator_id) + "; run 'cancelog doctor'");
    }
    todo.operator_name.assign(name->second);
    todo.card = row.enumeration<core::Card>(4);
    core::after_items_of_bits(row.int64(5), todo.items);
    // The column is kept by triggers; a database edited by hand may disagree with it.
    if (!todo.items.empty()) {
      visit(todo);
    }
  }
}

} // namespace cancelog::storage
