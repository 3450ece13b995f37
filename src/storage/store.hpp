#pragma once

#include "core/due.hpp"
#include "core/model.hpp"
#include "core/settings.hpp"
#include "core/stats.hpp"
#include "util/time.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
class Statement;
class Transaction;
} // namespace SQLite

namespace cancelog::storage {

class Change;

// The command an `undo` reverted.
struct UndoneGroup {
  std::int64_t group_id = 0;
  std::string command;
  util::Instant at{};
  std::size_t events = 0; // how many events it had
};

// How to open the database.
struct OpenOptions {
  // The folder is cancelog's own (the default location), so its mode may be tightened.
  bool own_folder = false;
};

// The cancelog database: the only place that holds SQL. Opening creates the file (0600, in a
// 0700 folder), sets WAL, foreign keys and a busy timeout, and brings the schema up to date.
class Store {
public:
  // Opens or creates the database; warnings (loosened permissions) go to `warnings`.
  // Throws Error when the file cannot be used.
  Store(const std::filesystem::path& path, const OpenOptions& options, std::ostream& warnings);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The database file.
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  // The schema version of the open database.
  [[nodiscard]] int schema_version();

  // --- Operators and prefix hints ---
  std::vector<core::Operator> operators();
  std::optional<core::Operator> find_operator(std::string_view name);
  std::optional<core::Operator> operator_by_id(std::int64_t id);
  std::vector<core::PrefixHint> prefix_hints();
  std::int64_t add_operator(Change& change, const core::Operator& op);
  // Writes the fields of `after` that differ from `before` (same id), one event each.
  void update_operator(Change& change, const core::Operator& before, const core::Operator& after);
  void add_prefix_hint(Change& change, std::string_view prefix, const core::Operator& op);
  void remove_prefix_hint(Change& change, std::string_view prefix);

  // --- Settings ---
  core::Settings settings();
  // Sets a key (value already normalized) or, with nullopt, returns it to its default.
  void set_setting(Change& change, std::string_view key, const std::optional<std::string>& value);

  // --- Cases ---
  // Inserts the case (id, created_at and updated_at are filled in) and records it.
  std::int64_t insert_case(Change& change, core::Case& c);
  std::optional<core::Case> find_case(std::int64_t id);
  std::optional<core::Case> find_case_by_uuid(std::string_view uuid);
  // The id of the case with this uuid, if any (cheaper than find_case_by_uuid).
  std::optional<std::int64_t> case_id_by_uuid(std::string_view uuid);
  // Calls `visit` for each case the filter selects, in the filter's order. The case passed is
  // reused between calls: copy it to keep it.
  void for_each_case(const core::CaseFilter& filter,
                     const std::function<void(const core::Case&)>& visit);
  // The same, with the instant of each case's last check (none for a case still requested),
  // read in the same statement.
  void for_each_case_with_last_check(
      const core::CaseFilter& filter,
      const std::function<void(const core::Case&, std::optional<util::Instant>)>& visit);
  // Calls `visit` for each check of the cases the filter selects, by case id and then in the
  // order the checks were made, with the number of the check's case.
  void for_each_check(const core::CaseFilter& filter,
                      const std::function<void(const core::Check&, std::string_view)>& visit);
  // The open cases for a number, and the latest case (any status) for a number.
  std::vector<core::Case> open_cases_for_number(std::string_view e164);
  std::optional<core::Case> latest_case_for_number(std::string_view e164);
  // Cases that follow this one (retries after a rejection).
  std::vector<std::int64_t> followers_of(std::int64_t case_id);
  // The instant of the last check of a case, if any.
  std::optional<util::Instant> last_check_at(std::int64_t case_id);

  // --- Reminders (store_due.cpp) ---
  // Calls `visit` for each case whose next check is on or before `until`, the earliest date
  // first (then by id). The reminder passed is reused between calls.
  void for_each_reminder(util::Date until, const std::function<void(const core::Reminder&)>& visit);
  // Calls `visit` for each confirmed case with after items still unticked, by id.
  void for_each_after_todo(const std::function<void(const core::AfterTodo&)>& visit);

  // Calls `visit` with the facts `stats` counts for each case requested on or after `since`.
  void for_each_case_facts(std::optional<util::Date> since,
                           const std::function<void(const core::CaseFacts&)>& visit);

  // --- Checks, checklist, receipt files (read side) ---
  std::vector<core::Check> checks_of(std::int64_t case_id);
  std::vector<core::Tick> checklist_of(std::int64_t case_id);
  std::vector<core::ReceiptFile> receipt_files_of(std::int64_t case_id);
  // Ticks an item (no-op, returning false, when it is ticked already).
  bool tick(Change& change, std::int64_t case_id, core::ChecklistItem item);
  // Unticks an item (no-op, returning false, when it is not ticked).
  bool untick(Change& change, std::int64_t case_id, core::ChecklistItem item);
  // Inserts a check (id and created_at are filled in) and records it.
  std::int64_t insert_check(Change& change, core::Check& check);

  // --- Receipt files: contents, and every file of every case ---
  // Inserts a receipt file with its bytes and records a "receipt.add" event whose new value
  // is the file's JSON; id, size and added_at are filled in.
  std::int64_t insert_receipt_file(Change& change, core::ReceiptFile& file,
                                   std::string_view content);
  // Passes the stored bytes of a receipt file to `sink` a piece at a time, so that a large
  // file never sits in memory whole. Throws Error when the file is gone.
  void read_receipt_content(std::int64_t file_id,
                            const std::function<void(std::string_view)>& sink);
  // Calls `visit` for each receipt file of every case (case by case, oldest first), all in
  // one read snapshot; `visit` may read the file's content.
  void for_each_receipt_file(const std::function<void(const core::ReceiptFile&)>& visit);
  // The largest content SQLite accepts in one value (its length limit, 1e9 bytes by default).
  std::int64_t largest_value();

  // --- Backup and health ---
  // Copies the database into `file` (an existing empty file) through SQLite's online backup
  // API, from one read snapshot: other processes go on writing meanwhile.
  void backup_to(const std::filesystem::path& file);
  // Work done by a long health check calls `tick` now and then (for a progress line).
  using Tick = std::function<void()>;
  // What PRAGMA integrity_check finds wrong (empty when the file is intact).
  std::vector<std::string> integrity_problems(const Tick& tick = {});
  // A row that refers to a row that does not exist (PRAGMA foreign_key_check).
  struct ForeignKeyProblem {
    std::string table;
    std::optional<std::int64_t> rowid;
    std::string parent;
  };
  std::vector<ForeignKeyProblem> foreign_key_problems(const Tick& tick = {});
  // The journal mode in force ("wal" normally).
  std::string journal_mode();

  // --- Changing a case ---
  // Writes the fields of `after` that differ from `before` (same id): one "case.update"
  // event per changed field with its old and new value; updated_at follows. Returns the
  // number of fields changed. Throws Error when the stored case no longer equals `before`
  // (another process changed it since the command read it).
  std::size_t update_case(Change& change, const core::Case& before, const core::Case& after);

  // --- History ---
  // Events newest first, of one case or all; `limit` 0 means all.
  std::vector<core::Event> events(std::optional<std::int64_t> case_id, std::int64_t limit);
  // The events of one group, oldest first.
  std::vector<core::Event> group_events(std::int64_t group_id);
  // Records why a case was withdrawn or reopened: a "case.reason" event whose new value is
  // the reason as a JSON string.
  void record_reason(Change& change, std::int64_t case_id, std::string_view reason);

  // --- Undo (undo.cpp) ---
  // Reverts, inside `change`, the newest event group that is neither an undo nor undone
  // already: its events in reverse order, each revert recorded as an event of `change`'s
  // group, which then `undoes` it (and it is `undone_by` that group). Returns nullopt when
  // nothing is left to undo. Throws Error, having changed nothing, for an event it cannot
  // revert (an unknown kind, or a row that is no longer as the command left it).
  std::optional<UndoneGroup> undo_last(Change& change);

  // A cached prepared statement, reset and with its bindings cleared.
  SQLite::Statement& statement(const char* sql);
  // The connection, for Change.
  SQLite::Database& database() { return *m_db; }

private:
  // Refuses, before anything is written to the file (configure() may switch its journal
  // mode), a database of a newer cancelog or of another program.
  void check_owner();
  [[noreturn]] void refuse_foreign() const;
  void configure();
  void migrate();
  // Copies the database to <db>.vN.bak (or .vN.bak.1, ...) and returns that path.
  std::filesystem::path backup_before_upgrade(int from_version);
  // Runs the migrations after `version` up to `latest` in the caller's transaction.
  void apply_migrations(int version, int latest);

  std::filesystem::path m_path;
  std::unique_ptr<SQLite::Database> m_db;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

// One changing command: a write transaction (BEGIN IMMEDIATE) and the event group that
// records what it did. Every write method of Store takes a Change, so no change escapes
// the history. Destroyed without commit(), it rolls everything back.
class Change {
public:
  Change(Store& store, std::string_view command, util::Instant at);
  ~Change();
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;

  // Appends an event to the group. old/new are JSON texts (empty for none).
  void record(std::optional<std::int64_t> case_id, std::string_view kind, std::string_view field,
              const std::string& old_json, const std::string& new_json);
  // Appends an event that covers the cases first..last (bulk import).
  void record_range(std::int64_t first, std::int64_t last, std::string_view kind,
                    const std::string& new_json);
  // Commits; a Change that recorded nothing is rolled back instead (no empty history).
  void commit();

  [[nodiscard]] std::int64_t group_id() const { return m_group; }
  [[nodiscard]] util::Instant at() const { return m_at; }
  [[nodiscard]] std::size_t event_count() const { return m_events; }
  Store& store() { return m_store; }

private:
  Store& m_store;
  std::unique_ptr<SQLite::Transaction> m_tx;
  util::Instant m_at;
  std::int64_t m_group = 0;
  std::size_t m_events = 0;
};

// Writes the new cases of one `import` in bulk, inside its Change: statements prepared once,
// and instead of an event per case, one "case.import" event per run of consecutive new ids
// (undo deletes that range; the cases' checks and ticks go with them). Cases that exist and
// are updated go through Store::update_case and the other single writes instead.
class CaseImporter {
public:
  // Whether the import may change the status or card of stored cases (`import --update`).
  // When it may not, the importer turns the schema's triggers off on its connection while it
  // lives and writes itself what they would: cases.after_todo, from a case's status, card and
  // ticks (core::after_bits). SQLite gives every statement that fires a trigger a statement
  // journal, a copy of each page the statement changes, made and dropped row by row: a fifth
  // of an import's instructions (docs/performance.md). Updates need the triggers.
  enum class StoredCases { kept, updated };

  // `event_json` is the new value of each range event (where the cases came from).
  CaseImporter(Store& store, Change& change, std::string event_json, StoredCases stored);
  ~CaseImporter();
  CaseImporter(const CaseImporter&) = delete;
  CaseImporter& operator=(const CaseImporter&) = delete;

  // True for a case added by this import: ids above every id the database had used.
  [[nodiscard]] bool is_new(std::int64_t case_id) const { return case_id > m_case_floor; }

  // Inserts a new case; its id is kept when it is above every id the database had used and
  // still free, else it gets the next id; fills in c.id. Every other field is stored as given
  // (created_at and updated_at too: they say when the case was first recorded). Returns false,
  // having written nothing, when a case with the same uuid exists (the caller looks it up only
  // then, which spares a search per new case). `ticks` are those the caller will add to it.
  bool add_case(core::Case& c, std::span<const core::Tick> ticks);
  // Inserts a check of a case added by this import; its id is kept on the same terms.
  void add_check(core::Check& check);
  // Ticks an item of a case added by this import.
  void add_tick(std::int64_t case_id, const core::Tick& tick);
  // Links a case added by this import to the case it follows.
  void set_follows(std::int64_t case_id, std::int64_t follows);
  // Records the last run of new ids; call it before Change::commit().
  void finish();

private:
  void close_run();
  std::int64_t insert_row(SQLite::Statement& insert, std::int64_t wanted_id, std::int64_t floor);

  Store& m_store;
  Change& m_change;
  std::string m_event_json;
  std::int64_t m_case_floor = 0;
  std::int64_t m_check_floor = 0;
  std::int64_t m_run_first = 0;
  std::int64_t m_run_last = 0;
  int m_cache_pages = 0;
  bool m_triggers_off = false;
  std::unique_ptr<SQLite::Statement> m_insert_case;
  std::unique_ptr<SQLite::Statement> m_insert_check;
  std::unique_ptr<SQLite::Statement> m_insert_tick;
  std::unique_ptr<SQLite::Statement> m_set_follows;
};

} // namespace cancelog::storage
