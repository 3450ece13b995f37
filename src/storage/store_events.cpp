// The history.
#include "core/history.hpp"
#include "core/json.hpp"
#include "storage/query.hpp"

namespace cancelog::storage {

using detail::Query;

namespace {

#define EVENT_COLUMNS                                                                              \
  "SELECT e.id, e.group_id, g.at, g.command, e.case_id, e.case_last, e.kind, e.field, e.old, "     \
  "e.new, g.undone_by IS NOT NULL, g.undoes FROM events AS e "                                     \
  "JOIN event_groups AS g ON g.id = e.group_id "

std::vector<core::Event> read_events(Query& q) {
  std::vector<core::Event> out;
  while (q->executeStep()) {
    core::Event e;
    e.id = q->getColumn(0).getInt64();
    e.group_id = q->getColumn(1).getInt64();
    e.at = detail::column_instant(q->getColumn(2));
    e.command = q->getColumn(3).getString();
    e.case_id = detail::column_optional_int(q->getColumn(4));
    e.case_last = detail::column_optional_int(q->getColumn(5));
    e.kind = q->getColumn(6).getString();
    e.field = q->getColumn(7).getString();
    e.old_json = q->getColumn(8).getString();
    e.new_json = q->getColumn(9).getString();
    e.undone = q->getColumn(10).getInt() != 0;
    e.undoes = detail::column_optional_int(q->getColumn(11));
    out.push_back(std::move(e));
  }
  return out;
}

} // namespace

std::vector<core::Event> Store::events(std::optional<std::int64_t> case_id, std::int64_t limit) {
  // A bulk event covers the cases case_id..case_last; a single-case event has case_last NULL.
  Query q(*this, case_id ? EVENT_COLUMNS "WHERE e.case_id = ?1 UNION ALL " EVENT_COLUMNS
                                         "WHERE e.case_last >= ?1 AND e.case_id < ?1 "
                                         "ORDER BY 1 DESC LIMIT ?2"
                         : EVENT_COLUMNS "ORDER BY e.id DESC LIMIT ?2");
  if (case_id) {
    q->bind(1, *case_id);
  }
  q->bind(2, limit > 0 ? limit : std::int64_t{-1});
  return read_events(q);
}

std::vector<core::Event> Store::group_events(std::int64_t group_id) {
  Query q(*this, EVENT_COLUMNS "WHERE e.group_id = ? ORDER BY e.id");
  q->bind(1, group_id);
  return read_events(q);
}

#undef EVENT_COLUMNS

void Store::record_reason(Change& change, std::int64_t case_id, std::string_view reason) {
  change.record(case_id, core::k_reason_kind, "", "", core::Json(std::string(reason)).dump());
}

} // namespace cancelog::storage
