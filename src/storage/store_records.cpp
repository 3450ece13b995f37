// Checks, checklist ticks and receipt files of a case (read side, and ticking).
#include "core/json.hpp"
#include "storage/query.hpp"

namespace cancelog::storage {

using detail::column_instant;
using detail::Query;

std::vector<core::Check> Store::checks_of(std::int64_t case_id) {
  Query q(*this, "SELECT " CHECK_COLUMNS " FROM checks AS k WHERE k.case_id = ? "
                 "ORDER BY k.checked_at, k.id");
  q->bind(1, case_id);
  std::vector<core::Check> out;
  detail::Rows row(*q);
  while (row.next()) {
    detail::read_check_into(row, out.emplace_back());
  }
  return out;
}

std::vector<core::Tick> Store::checklist_of(std::int64_t case_id) {
  Query q(*this, "SELECT item, ticked_at FROM checklist WHERE case_id = ?");
  q->bind(1, case_id);
  std::vector<core::Tick> out;
  while (q->executeStep()) {
    out.push_back({detail::column_enum<core::ChecklistItem>(q->getColumn(0)),
                   column_instant(q->getColumn(1))});
  }
  std::sort(out.begin(), out.end(),
            [](const core::Tick& a, const core::Tick& b) { return a.item < b.item; });
  return out;
}

std::vector<core::ReceiptFile> Store::receipt_files_of(std::int64_t case_id) {
  Query q(*this, "SELECT id, case_id, name, media_type, size, sha256, added_at "
                 "FROM receipt_files WHERE case_id = ? ORDER BY id");
  q->bind(1, case_id);
  std::vector<core::ReceiptFile> out;
  while (q->executeStep()) {
    core::ReceiptFile file;
    file.id = q->getColumn(0).getInt64();
    file.case_id = q->getColumn(1).getInt64();
    file.name = q->getColumn(2).getString();
    file.media_type = q->getColumn(3).getString();
    file.size = q->getColumn(4).getInt64();
    file.sha256 = q->getColumn(5).getString();
    file.added_at = column_instant(q->getColumn(6));
    out.push_back(std::move(file));
  }
  return out;
}

bool Store::tick(Change& change, std::int64_t case_id, core::ChecklistItem item) {
  Query q(*this, "INSERT OR IGNORE INTO checklist (case_id, item, ticked_at) VALUES (?, ?, ?)");
  q->bind(1, case_id);
  q->bind(2, std::string(core::name_of(item)));
  q->bind(3, util::format_utc(change.at()));
  if (q->exec() == 0) {
    return false;
  }
  change.record(case_id, "checklist.tick", core::name_of(item), "",
                core::Json(util::format_utc(change.at())).dump());
  return true;
}

bool Store::untick(Change& change, std::int64_t case_id, core::ChecklistItem item) {
  Query old(*this, "SELECT ticked_at FROM checklist WHERE case_id = ? AND item = ?");
  old->bind(1, case_id);
  old->bind(2, std::string(core::name_of(item)));
  if (!old->executeStep()) {
    return false;
  }
  const std::string ticked_at = old->getColumn(0).getString();
  Query q(*this, "DELETE FROM checklist WHERE case_id = ? AND item = ?");
  q->bind(1, case_id);
  q->bind(2, std::string(core::name_of(item)));
  q->exec();
  change.record(case_id, "checklist.untick", core::name_of(item), core::Json(ticked_at).dump(), "");
  return true;
}

std::int64_t Store::insert_check(Change& change, core::Check& check) {
  check.created_at = change.at();
  Query q(*this, "INSERT INTO checks (case_id, checked_at, method, outcome, reference, note, "
                 "imported, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q->bind(1, check.case_id);
  q->bind(2, util::format_utc(check.checked_at));
  q->bind(3, std::string(core::name_of(check.method)));
  q->bind(4, std::string(core::name_of(check.outcome)));
  q->bind(5, check.reference);
  q->bind(6, check.note);
  q->bind(7, check.imported ? 1 : 0);
  q->bind(8, util::format_utc(check.created_at));
  q->exec();
  check.id = m_db->getLastInsertRowid();
  change.record(check.case_id, "check.add", "", "", core::to_json(check).dump());
  return check.id;
}

} // namespace cancelog::storage
