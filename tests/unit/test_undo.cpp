// storage/undo.cpp: reverting event groups, including the kinds that bulk import and receipt
// files write (simulated here the way those commands record them).
#include "core/json.hpp"
#include "storage/store.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/uuid.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

using namespace cancelog;
namespace fs = std::filesystem;

namespace {

const util::Instant k_undo_now = *util::parse_utc("2026-03-04T10:00:00Z");

struct UndoFixture : testing::StoreFixture {
  std::int64_t add_case(const char* number) {
    core::Case c;
    c.uuid = util::make_uuid();
    c.number = number;
    c.number_raw = number;
    const auto op = store->find_operator("Azercell");
    c.operator_id = op->id;
    c.operator_name = op->name;
    c.requested_on = *util::parse_iso_date("2026-03-02");
    storage::Change change(*store, "add", k_undo_now);
    store->insert_case(change, c);
    change.commit();
    return c.id;
  }

  std::optional<storage::UndoneGroup> undo() {
    storage::Change change(*store, "undo", k_undo_now);
    auto undone = store->undo_last(change);
    change.commit();
    return undone;
  }

  std::int64_t count(const char* sql) { return store->database().execAndGet(sql).getInt64(); }
};

} // namespace

TEST_CASE("nothing to undo in an empty history", "[undo]") {
  UndoFixture f;
  CHECK_FALSE(f.undo().has_value());
  CHECK(f.count("SELECT count(*) FROM event_groups") == 0);
}

TEST_CASE("each undo reverts the command before the last one undone", "[undo]") {
  UndoFixture f;
  f.add_case("+994501234567");
  f.add_case("+994501234568");
  const auto first = f.undo();
  REQUIRE(first);
  CHECK(first->command == "add");
  CHECK(f.count("SELECT count(*) FROM cases") == 1);
  CHECK(f.count("SELECT id FROM cases") == 1);
  REQUIRE(f.undo());
  CHECK(f.count("SELECT count(*) FROM cases") == 0);
  CHECK_FALSE(f.undo().has_value());
  CHECK(f.count("SELECT count(*) FROM event_groups WHERE undone_by IS NOT NULL") == 2);
  CHECK(f.count("SELECT count(*) FROM event_groups WHERE undoes IS NOT NULL") == 2);
}

TEST_CASE("a bulk import is one range event; undo removes the whole range", "[undo]") {
  UndoFixture f;
  const auto kept = f.add_case("+994501234567");
  {
    storage::Change change(*f.store, "import", k_undo_now);
    auto& db = f.store->database();
    for (int i = 0; i < 3; ++i) {
      SQLite::Statement insert(db, "INSERT INTO cases (uuid, number, number_raw, operator_id, "
                                   "card, channel, requested_on, created_at, updated_at) VALUES "
                                   "(?, '+994551234567', '0551234567', 2, 'prepaid', 'online', "
                                   "'2026-03-01', '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z')");
      insert.bind(1, util::make_uuid());
      insert.exec();
    }
    const std::int64_t last = db.getLastInsertRowid();
    db.exec("INSERT INTO checks (case_id, checked_at, method, outcome, imported, created_at) "
            "VALUES (" +
            std::to_string(last) +
            ", '2026-03-03T10:00:00Z', 'phone', 'pending', 1, "
            "'2026-03-04T10:00:00Z')");
    change.record_range(last - 2, last, "case.import", R"({"rows":3})");
    change.commit();
  }
  CHECK(f.count("SELECT count(*) FROM cases") == 4);
  const auto undone = f.undo();
  REQUIRE(undone);
  CHECK(undone->command == "import");
  CHECK(f.count("SELECT count(*) FROM cases") == 1);
  CHECK(f.store->find_case(kept).has_value());
  CHECK(f.count("SELECT count(*) FROM checks") == 0);
  const auto events = f.store->events(std::nullopt, 1);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "case.remove");
  CHECK(events[0].case_id == kept + 1);
  CHECK(events[0].case_last == kept + 3);
  CHECK(events[0].new_json == R"({"removed":3})");
}

TEST_CASE("a receipt file added is removed again, with its automatic tick", "[undo]") {
  UndoFixture f;
  const auto id = f.add_case("+994501234567");
  {
    storage::Change change(*f.store, "receipt add", k_undo_now);
    auto& db = f.store->database();
    db.exec("INSERT INTO receipt_files (case_id, name, media_type, size, sha256, added_at, "
            "content) VALUES (" +
            std::to_string(id) + ", 'receipt.jpg', 'image/jpeg', 3, '" + std::string(64, 'a') +
            "', '2026-03-04T10:00:00Z', x'010203')");
    const core::Json file{{"id", db.getLastInsertRowid()}, {"name", "receipt.jpg"}};
    change.record(id, "receipt.add", "", "", file.dump());
    f.store->tick(change, id, core::ChecklistItem::receipt_kept);
    change.commit();
  }
  REQUIRE(f.undo());
  CHECK(f.count("SELECT count(*) FROM receipt_files") == 0);
  CHECK(f.store->checklist_of(id).empty());
  const auto events = f.store->events(id, 2);
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == "receipt.remove");
  CHECK(events[1].kind == "checklist.untick");
  CHECK(events[0].undoes.has_value());
}

TEST_CASE("an unknown kind refuses the whole undo", "[undo]") {
  UndoFixture f;
  const auto id = f.add_case("+994501234567");
  {
    const core::Case before = *f.store->find_case(id);
    core::Case after = before;
    after.note = "changed";
    storage::Change change(*f.store, "future", k_undo_now);
    f.store->update_case(change, before, after);
    change.record(id, "case.teleport", "", "", "{}");
    change.commit();
  }
  const auto groups = f.count("SELECT count(*) FROM event_groups");
  REQUIRE_THROWS_WITH(f.undo(),
                      Catch::Contains("case.teleport") && Catch::Contains("nothing was undone"));
  CHECK(f.store->find_case(id)->note == "changed");
  CHECK(f.count("SELECT count(*) FROM event_groups") == groups);
  CHECK(f.count("SELECT count(*) FROM event_groups WHERE undone_by IS NOT NULL") == 0);
}

TEST_CASE("a row changed behind cancelog's back is not overwritten", "[undo]") {
  UndoFixture f;
  const auto id = f.add_case("+994501234567");
  {
    const core::Case before = *f.store->find_case(id);
    core::Case after = before;
    after.note = "by cancelog";
    storage::Change change(*f.store, "edit", k_undo_now);
    f.store->update_case(change, before, after);
    change.commit();
  }
  f.store->database().exec("UPDATE cases SET note = 'by hand'");
  REQUIRE_THROWS_AS(f.undo(), Error);
  CHECK(f.store->find_case(id)->note == "by hand");
}

TEST_CASE("an untick is undone with the original instant", "[undo]") {
  UndoFixture f;
  const auto id = f.add_case("+994501234567");
  const auto earlier = *util::parse_utc("2026-03-02T08:00:00Z");
  {
    storage::Change change(*f.store, "tick", earlier);
    f.store->tick(change, id, core::ChecklistItem::no_arrears);
    change.commit();
  }
  {
    storage::Change change(*f.store, "untick", k_undo_now);
    f.store->untick(change, id, core::ChecklistItem::no_arrears);
    change.commit();
  }
  REQUIRE(f.undo());
  const auto ticks = f.store->checklist_of(id);
  REQUIRE(ticks.size() == 1);
  CHECK(ticks[0].ticked_at == earlier);
}
