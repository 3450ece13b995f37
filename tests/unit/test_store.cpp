#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/uuid.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <sys/stat.h>

using namespace cancelog;
namespace fs = std::filesystem;

namespace {

using testing::TempDir;

unsigned file_mode(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777U;
}

core::Case new_case(storage::Store& store, const std::string& number, core::Status status) {
  core::Case c;
  c.uuid = util::make_uuid();
  c.number = number;
  c.number_raw = number;
  const auto op = store.find_operator("azercell");
  c.operator_id = op->id;
  c.operator_name = op->name;
  c.channel = core::Channel::store;
  c.requested_on = *util::parse_iso_date("2026-03-01");
  c.status = status;
  return c;
}

const util::Instant k_at = *util::parse_utc("2026-03-04T10:00:00Z");

} // namespace

TEST_CASE("opening creates a private file and folder and applies the schema") {
  TempDir tmp;
  const fs::path db = tmp.path / "sub" / "cancelog.db";
  std::ostringstream warnings;
  storage::Store store(db, {}, warnings);
  CHECK(fs::exists(db));
  CHECK(file_mode(db) == 0600);
  CHECK(file_mode(db.parent_path()) == 0700);
  CHECK(store.schema_version() == storage::latest_schema_version());
  CHECK(store.operators().size() == 3);
  CHECK(store.prefix_hints().size() == 7);
  CHECK(warnings.str().empty());
}

TEST_CASE("temporary data (statement journals, temporary tables) stays in memory") {
  // In files, an import wrote each statement's journal to /var/tmp: about 17 system calls per
  // imported row, and personal data outside the private folder.
  TempDir tmp;
  std::ostringstream warnings;
  storage::Store store(tmp.path / "cancelog.db", {}, warnings);
  auto& pragma = store.statement("PRAGMA temp_store");
  REQUIRE(pragma.executeStep());
  CHECK(pragma.getColumn(0).getInt() == 2); // MEMORY
}

TEST_CASE("a database newer than the program is refused naming both versions") {
  TempDir tmp;
  const fs::path db = tmp.path / "c.db";
  std::ostringstream warnings;
  {
    storage::Store store(db, {}, warnings);
    storage::Change change(store, "test", k_at);
    store.set_setting(change, "default-region", std::string("GE"));
    change.commit();
  }
  // Only storage may hold SQL; the test pokes the version through the store's connection.
  {
    storage::Store store(db, {}, warnings);
    store.statement("PRAGMA user_version = 42").executeStep();
  }
  try {
    storage::Store store(db, {}, warnings);
    FAIL("opened a newer database");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(message.find("schema version 42") != std::string::npos);
    CHECK(message.find("up to " + std::to_string(storage::latest_schema_version())) !=
          std::string::npos);
  }
}

TEST_CASE("a negative schema version is another program's database, not an index") {
  // Found by the hostile-input corpus: user_version -3 indexed the migrations at -3.
  TempDir tmp;
  const fs::path db = tmp.path / "c.db";
  std::ostringstream warnings;
  {
    storage::Store store(db, {}, warnings);
    store.statement("PRAGMA user_version = -3").executeStep();
  }
  CHECK_THROWS_WITH(storage::Store(db, {}, warnings),
                    Catch::Contains("an SQLite database of another program"));
}

TEST_CASE("another program's database is refused before anything is written to it") {
  // Found by the hostile-input corpus: the journal mode was switched to WAL first.
  TempDir tmp;
  const fs::path db = tmp.path / "songs.db";
  {
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE songs (title TEXT)");
  }
  const auto before = fs::file_size(db);
  std::ostringstream warnings;
  CHECK_THROWS_WITH(storage::Store(db, {}, warnings),
                    Catch::Contains("an SQLite database of another program"));
  CHECK(fs::file_size(db) == before);
  SQLite::Database other(db.string(), SQLite::OPEN_READONLY);
  CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("a pipe or a device is never opened as a database") {
  TempDir tmp;
  const fs::path fifo = tmp.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::ostringstream warnings;
  CHECK_THROWS_WITH(storage::Store(fifo, {}, warnings), Catch::Contains("not a regular file"));
  CHECK_THROWS_WITH(storage::Store("/dev/null", {}, warnings),
                    Catch::Contains("not a regular file"));
  CHECK_FALSE(fs::exists(tmp.path / "pipe-wal"));
  CHECK_FALSE(fs::exists("/dev/null-wal"));
}

TEST_CASE("a change is all or nothing, and an empty change leaves no history") {
  TempDir tmp;
  std::ostringstream warnings;
  storage::Store store(tmp.path / "c.db", {}, warnings);
  {
    storage::Change change(store, "add", k_at);
    auto c = new_case(store, "+994501234567", core::Status::requested);
    store.insert_case(change, c);
    // destroyed without commit: rolled back
  }
  CHECK_FALSE(store.find_case(1));
  CHECK(store.events(std::nullopt, 0).empty());
  {
    storage::Change change(store, "nothing", k_at);
    change.commit();
  }
  CHECK(store.events(std::nullopt, 0).empty());
}

TEST_CASE("cases: insert, find, update with one event per changed field") {
  TempDir tmp;
  std::ostringstream warnings;
  storage::Store store(tmp.path / "c.db", {}, warnings);
  storage::Change add(store, "add", k_at);
  auto c = new_case(store, "+994501234567", core::Status::requested);
  const auto id = store.insert_case(add, c);
  add.commit();
  const auto found = store.find_case(id);
  REQUIRE(found);
  CHECK(found->number == "+994501234567");
  CHECK(found->operator_name == "Azercell");
  CHECK(found->created_at == k_at);
  CHECK(store.find_case_by_uuid(c.uuid)->id == id);

  core::Case after = *found;
  after.receipt = "AZC-1";
  after.note = "changed";
  storage::Change edit(store, "edit", k_at + std::chrono::hours(1));
  CHECK(store.update_case(edit, *found, after) == 2);
  edit.commit();
  const auto events = store.events(id, 0);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == "case.update");
  CHECK(events[0].field == "note");
  CHECK(events[0].new_json == "\"changed\"");
  CHECK(events[1].field == "receipt");
  CHECK(events[1].old_json == "\"\"");
  CHECK(events[2].kind == "case.add");
  CHECK(store.find_case(id)->updated_at == k_at + std::chrono::hours(1));
}

TEST_CASE("filters select cases, newest request first") {
  TempDir tmp;
  std::ostringstream warnings;
  storage::Store store(tmp.path / "c.db", {}, warnings);
  storage::Change change(store, "add", k_at);
  auto a = new_case(store, "+994501234567", core::Status::requested);
  auto b = new_case(store, "+994551234567", core::Status::confirmed);
  b.requested_on = *util::parse_iso_date("2026-03-03");
  b.note = "50% off_day";
  auto d = new_case(store, "+994771234567", core::Status::pending);
  d.next_check_on = *util::parse_iso_date("2026-03-02");
  store.insert_case(change, a);
  store.insert_case(change, b);
  store.insert_case(change, d);
  change.commit();

  const auto ids = [&](const core::CaseFilter& filter) {
    std::vector<std::int64_t> out;
    store.for_each_case(filter, [&](const core::Case& c) { out.push_back(c.id); });
    return out;
  };
  CHECK(ids({}) == std::vector<std::int64_t>{2, 3, 1});
  core::CaseFilter open;
  open.statuses = {core::Status::requested, core::Status::pending};
  CHECK(ids(open) == std::vector<std::int64_t>{3, 1});
  core::CaseFilter search;
  search.search = "50%";
  CHECK(ids(search) == std::vector<std::int64_t>{2}); // % is literal, not a wildcard
  search.search = "off_";
  CHECK(ids(search) == std::vector<std::int64_t>{2});
  core::CaseFilter due;
  due.due_by = *util::parse_iso_date("2026-03-04");
  CHECK(ids(due) == std::vector<std::int64_t>{3});
  core::CaseFilter limited;
  limited.limit = 1;
  limited.since = *util::parse_iso_date("2026-03-02");
  CHECK(ids(limited) == std::vector<std::int64_t>{2});
  CHECK(store.open_cases_for_number("+994501234567").size() == 1);
  CHECK(store.latest_case_for_number("+994551234567")->id == 2);
}

TEST_CASE("a version 1 database is upgraded with every record, id and rule kept") {
  TempDir tmp;
  const fs::path db = tmp.path / "old.db";
  {
    // A database as cancelog 0.1 left it: schema version 1, a few records, and a case id
    // that was used and removed again (AUTOINCREMENT must remember it).
    SQLite::Database old(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(std::string(storage::k_migrations[0].sql));
    old.exec("PRAGMA user_version = 1");
    old.exec("INSERT INTO cases (uuid, number, number_raw, operator_id, card, channel, "
             "requested_on, status, follows, created_at, updated_at) VALUES "
             "('u1', '+994501234567', '050 123 45 67', 1, 'prepaid', 'store', '2026-03-01', "
             "'rejected', NULL, '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z'), "
             "('u2', '+994501234567', '0501234567', 1, 'postpaid', 'online', '2026-03-02', "
             "'confirmed', 1, '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z'), "
             "('u3', '+994551234567', '0551234567', 2, 'prepaid', 'phone', '2026-03-03', "
             "'requested', NULL, '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z')");
    old.exec("DELETE FROM cases WHERE id = 3");
    old.exec("INSERT INTO checks (case_id, checked_at, method, outcome, created_at) VALUES "
             "(1, '2026-03-02T09:00:00Z', 'sms', 'rejected', '2026-03-02T09:00:00Z'), "
             "(2, '2026-03-03T09:00:00Z', 'phone', 'confirmed', '2026-03-03T09:00:00Z')");
    old.exec("INSERT INTO checklist (case_id, item, ticked_at) VALUES "
             "(2, 'sim-destroyed', '2026-03-03T09:00:00Z')");
  }
  std::ostringstream warnings;
  storage::Store store(db, {}, warnings);
  CHECK(store.schema_version() == storage::latest_schema_version());
  CHECK(fs::exists(db.string() + ".v1.bak"));
  const auto second = store.find_case(2);
  REQUIRE(second);
  CHECK(second->follows == 1);
  CHECK(second->channel == core::Channel::online);
  CHECK(store.checks_of(1).size() == 1);
  CHECK(store.checks_of(2).front().outcome == core::Outcome::confirmed);
  CHECK(store.checklist_of(2).size() == 1);
  CHECK(store.foreign_key_problems().empty());
  CHECK(store.integrity_problems().empty());

  // The removed id 3 is not given again, and the rules still refuse what they refused.
  storage::Change change(store, "add", k_at);
  auto c = new_case(store, "+994701234567", core::Status::requested);
  CHECK(store.insert_case(change, c) == 4);
  for (const char* bad : {"UPDATE cases SET channel = 'fax' WHERE id = 4",
                          "UPDATE cases SET status = 'lost' WHERE id = 4",
                          "UPDATE checks SET method = 'mail' WHERE id = 1",
                          "UPDATE checks SET outcome = 'maybe' WHERE id = 1",
                          "UPDATE checklist SET item = 'other' WHERE case_id = 2"}) {
    INFO(bad);
    CHECK_THROWS(store.statement(bad).exec());
  }
  // Foreign keys are on again: a check of a case that does not exist is refused.
  CHECK_THROWS(store
                   .statement("INSERT INTO checks (case_id, checked_at, method, outcome, "
                              "created_at) VALUES (99, 'x', 'sms', 'pending', 'x')")
                   .exec());
}
