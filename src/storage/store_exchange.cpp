// Exports and imports: streaming checks, and the bulk writer of `import`.
#include "core/checklist.hpp"
#include "storage/query.hpp"

#include <array>
#include <sqlite3.h>

namespace cancelog::storage {

using detail::column_instant;

namespace detail {

void read_check_into(const Rows& row, core::Check& check) {
  check.id = row.int64(0);
  check.case_id = row.int64(1);
  check.checked_at = column_instant(row.column(2));
  check.method = row.enumeration<core::Method>(3);
  check.outcome = row.enumeration<core::Outcome>(4);
  check.reference.assign(row.text(5));
  check.note.assign(row.text(6));
  check.imported = row.int64(7) != 0;
  check.created_at = column_instant(row.column(8));
}

} // namespace detail

void Store::for_each_check(const core::CaseFilter& filter,
                           const std::function<void(const core::Check&, std::string_view)>& visit) {
  // The index checks_case (case_id, checked_at, and the rowid) gives this order without a sort.
  const std::string sql = "SELECT " CHECK_COLUMNS ", c.number FROM checks AS k "
                          "JOIN cases AS c ON c.id = k.case_id "
                          "JOIN operators AS o ON o.id = c.operator_id WHERE " +
                          detail::case_selection(filter) +
                          " ORDER BY k.case_id, k.checked_at, k.id";
  SQLite::Statement stmt(*m_db, sql);
  detail::bind_case_selection(stmt, filter);
  core::Check check;
  detail::Rows row(stmt);
  while (row.next()) {
    detail::read_check_into(row, check);
    visit(check, row.text(9));
  }
}

namespace {

// The highest id a table has ever used: AUTOINCREMENT remembers ids removed since.
std::int64_t importer_highest_id(SQLite::Database& db, const char* sql) {
  SQLite::Statement q(db, sql);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

// Binds text without a copy (SQLiteCpp's bindNoCopy): it must live until the statement's next
// step, which every insert below makes before returning, binding all its parameters anew.
void importer_bind(SQLite::Statement& stmt, int index, const std::string& text) {
  stmt.bindNoCopy(index, text);
}
void importer_bind(SQLite::Statement& stmt, int index, const char* text) {
  stmt.bindNoCopy(index, text);
}
// The name of an enumeration value: a string literal, so its text ends with a NUL.
void importer_bind(SQLite::Statement& stmt, int index, std::string_view name) {
  stmt.bindNoCopy(index, name.data());
}

// Turns the connection's triggers on or off; true when SQLite took the setting.
bool set_triggers(SQLite::Database& db, bool on) {
  int now = -1;
  return sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, &now) ==
             SQLITE_OK &&
         now == (on ? 1 : 0);
}

} // namespace

CaseImporter::CaseImporter(Store& store, Change& change, std::string event_json, StoredCases stored)
    : m_store(store), m_change(change), m_event_json(std::move(event_json)) {
  auto& db = store.database();
  // A large import writes index pages all over the file (uuids and numbers are random), and
  // a page that does not fit in the cache is spilled to the WAL and read back. A larger cache
  // spills less but is resident memory: 4 MiB keeps an import of a million cases within
  // 1.2 times the memory of one of ten thousand (15.5 against 13.2 MiB; docs/performance.md),
  // where 6 MiB gave 1.23 times once libphonenumber no longer counted in both, and the 64 MiB
  // of earlier versions made the import of a million cases take 3.5 times as much memory.
  m_cache_pages = db.execAndGet("PRAGMA cache_size").getInt();
  db.exec("PRAGMA cache_size = -4096");
  m_case_floor = importer_highest_id(
      db, "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cases'), 0), "
          "coalesce((SELECT max(id) FROM cases), 0))");
  m_check_floor = importer_highest_id(
      db, "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'checks'), 0), "
          "coalesce((SELECT max(id) FROM checks), 0))");
  m_insert_case = std::make_unique<SQLite::Statement>(
      db, "INSERT INTO cases (id, uuid, number, number_raw, operator_id, operator_inferred, card, "
          "channel, requested_on, receipt, status, next_check_on, note, follows, created_at, "
          "updated_at, after_todo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  m_insert_check = std::make_unique<SQLite::Statement>(
      db, "INSERT INTO checks (id, case_id, checked_at, method, outcome, reference, note, "
          "imported, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  m_insert_tick = std::make_unique<SQLite::Statement>(
      db, "INSERT OR IGNORE INTO checklist (case_id, item, ticked_at) VALUES (?, ?, ?)");
  m_set_follows =
      std::make_unique<SQLite::Statement>(db, "UPDATE cases SET follows = ? WHERE id = ?");
  // Last, so that nothing above can throw with the triggers off. SQLite compiles the setting
  // into each statement: changing it recompiles the connection's statements at their next use.
  if (stored == StoredCases::kept) {
    m_triggers_off = set_triggers(db, false);
  }
}

CaseImporter::~CaseImporter() {
  if (m_triggers_off) {
    set_triggers(m_store.database(), true);
  }
  try {
    m_store.database().exec("PRAGMA cache_size = " + std::to_string(m_cache_pages));
  } catch (...) { // NOLINT(bugprone-empty-catch): the setting ends with the connection anyway
  }
}

std::int64_t CaseImporter::insert_row(SQLite::Statement& insert, std::int64_t wanted_id,
                                      std::int64_t floor) {
  const auto step = [&] {
    const int rc = insert.tryExecuteStep();
    const int extended = sqlite3_extended_errcode(m_store.database().getHandle());
    insert.tryReset();
    if (rc == SQLITE_DONE) {
      return 0;
    }
    if (extended == SQLITE_CONSTRAINT_PRIMARYKEY || extended == SQLITE_CONSTRAINT_UNIQUE) {
      return extended;
    }
    throw SQLite::Exception(m_store.database().getHandle(), rc);
  };
  if (wanted_id > floor) {
    insert.bind(1, wanted_id);
    const int conflict = step();
    if (conflict == 0) {
      return wanted_id;
    }
    if (conflict == SQLITE_CONSTRAINT_UNIQUE) {
      return 0;
    }
    // Taken by a case of this same import: the next id will do.
  }
  insert.bind(1); // NULL: the next id
  if (step() != 0) {
    return 0; // only a UNIQUE column can clash with a new id
  }
  return m_store.database().getLastInsertRowid();
}

bool CaseImporter::add_case(core::Case& c, std::span<const core::Tick> ticks) {
  auto& q = *m_insert_case;
  std::array<char, util::k_date_chars + 1> requested{};
  std::array<char, util::k_date_chars + 1> next{};
  std::array<char, util::k_utc_chars + 1> created{};
  std::array<char, util::k_utc_chars + 1> updated{};
  util::write_date(requested.data(), c.requested_on);
  util::write_utc(created.data(), c.created_at);
  util::write_utc(updated.data(), c.updated_at);
  importer_bind(q, 2, c.uuid);
  importer_bind(q, 3, c.number);
  importer_bind(q, 4, c.number_raw);
  q.bind(5, c.operator_id);
  q.bind(6, c.operator_inferred ? 1 : 0);
  importer_bind(q, 7, core::name_of(c.card));
  importer_bind(q, 8, core::name_of(c.channel));
  importer_bind(q, 9, requested.data());
  importer_bind(q, 10, c.receipt);
  importer_bind(q, 11, core::name_of(c.status));
  if (c.next_check_on) {
    util::write_date(next.data(), *c.next_check_on);
    importer_bind(q, 12, next.data());
  } else {
    q.bind(12);
  }
  importer_bind(q, 13, c.note);
  detail::bind_optional(q, 14, c.follows);
  importer_bind(q, 15, created.data());
  importer_bind(q, 16, updated.data());
  // With the triggers on, what the insert trigger expects of a case without ticks: it then has
  // nothing to do (and the tick trigger corrects the bits of each after item ticked). With them
  // off, the bits of the case with its ticks, which nothing corrects.
  detail::bind_optional(q, 17,
                        m_triggers_off ? core::after_bits(c.status, c.card, ticks)
                                       : core::after_bits(c.status, c.card));
  const std::int64_t id = insert_row(q, c.id, m_case_floor);
  if (id == 0) {
    return false; // the uuid is taken
  }
  c.id = id;
  if (m_run_last != 0 && c.id == m_run_last + 1) {
    m_run_last = c.id;
  } else {
    close_run();
    m_run_first = c.id;
    m_run_last = c.id;
  }
  return true;
}

void CaseImporter::add_check(core::Check& check) {
  auto& q = *m_insert_check;
  std::array<char, util::k_utc_chars + 1> checked{};
  std::array<char, util::k_utc_chars + 1> created{};
  util::write_utc(checked.data(), check.checked_at);
  util::write_utc(created.data(), check.created_at);
  q.bind(2, check.case_id);
  importer_bind(q, 3, checked.data());
  importer_bind(q, 4, core::name_of(check.method));
  importer_bind(q, 5, core::name_of(check.outcome));
  importer_bind(q, 6, check.reference);
  importer_bind(q, 7, check.note);
  q.bind(8, check.imported ? 1 : 0);
  importer_bind(q, 9, created.data());
  check.id = insert_row(q, check.id, m_check_floor);
  if (check.id == 0) {
    throw Error("a check of an imported case clashes with a stored one; run 'cancelog doctor'");
  }
}

void CaseImporter::add_tick(std::int64_t case_id, const core::Tick& tick) {
  auto& q = *m_insert_tick;
  std::array<char, util::k_utc_chars + 1> ticked{};
  util::write_utc(ticked.data(), tick.ticked_at);
  q.bind(1, case_id);
  importer_bind(q, 2, core::name_of(tick.item));
  importer_bind(q, 3, ticked.data());
  q.exec();
  q.tryReset();
}

void CaseImporter::set_follows(std::int64_t case_id, std::int64_t follows) {
  auto& q = *m_set_follows;
  q.bind(1, follows);
  q.bind(2, case_id);
  q.exec();
  q.tryReset();
}

void CaseImporter::close_run() {
  if (m_run_last != 0) {
    m_change.record_range(m_run_first, m_run_last, "case.import", m_event_json);
  }
  m_run_first = 0;
  m_run_last = 0;
}

void CaseImporter::finish() {
  close_run();
}

} // namespace cancelog::storage
