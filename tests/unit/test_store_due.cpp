// storage/store_due.cpp and schema/0003_reminders.sql: the checks due, and the confirmed
// cases with after items to do, kept by triggers whatever writes the tables.
#include "core/checklist.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "support.hpp"
#include "util/uuid.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <sstream>

using namespace cancelog;
namespace fs = std::filesystem;
using core::Card;
using core::ChecklistItem;
using core::Status;

namespace {

const util::Instant k_due_now = *util::parse_utc("2026-03-04T10:00:00Z");

util::Date due_day(const char* text) {
  return *util::parse_iso_date(text);
}

struct DueFixture : testing::StoreFixture {
  core::Case add(Status status, Card card, std::optional<util::Date> next = std::nullopt,
                 const char* op_name = "Azercell") {
    core::Case c;
    c.uuid = util::make_uuid();
    c.number = "+994501234567";
    c.number_raw = c.number;
    const auto op = store->find_operator(op_name);
    c.operator_id = op->id;
    c.operator_name = op->name;
    c.card = card;
    c.status = status;
    c.requested_on = due_day("2026-03-01");
    c.next_check_on = next;
    storage::Change change(*store, "add", k_due_now);
    store->insert_case(change, c);
    change.commit();
    return c;
  }

  void tick(std::int64_t id, ChecklistItem item, bool on = true) {
    storage::Change change(*store, on ? "tick" : "untick", k_due_now);
    if (on) {
      store->tick(change, id, item);
    } else {
      store->untick(change, id, item);
    }
    change.commit();
  }

  void update(const core::Case& before, const core::Case& after) {
    storage::Change change(*store, "edit", k_due_now);
    store->update_case(change, before, after);
    change.commit();
  }

  void undo() {
    storage::Change change(*store, "undo", k_due_now);
    store->undo_last(change);
    change.commit();
  }

  // The to-do list as (id, unticked items).
  std::vector<std::pair<std::int64_t, std::vector<ChecklistItem>>> todo() {
    std::vector<std::pair<std::int64_t, std::vector<ChecklistItem>>> out;
    store->for_each_after_todo([&](const core::AfterTodo& t) { out.emplace_back(t.id, t.items); });
    return out;
  }

  std::vector<std::int64_t> reminders(const char* until) {
    std::vector<std::int64_t> out;
    store->for_each_reminder(due_day(until), [&](const core::Reminder& r) { out.push_back(r.id); });
    return out;
  }
};

using DueItems = std::vector<ChecklistItem>;

} // namespace

TEST_CASE("reminders: on or before the date, most overdue first, with the operator's contacts",
          "[due]") {
  DueFixture f;
  const auto a = f.add(Status::requested, Card::prepaid, due_day("2026-03-04"));
  const auto b = f.add(Status::pending, Card::prepaid, due_day("2026-03-01"), "Bakcell");
  const auto c = f.add(Status::no_answer, Card::prepaid, due_day("2026-03-04"));
  const auto d = f.add(Status::confirmed, Card::postpaid, due_day("2026-03-06")); // final bill
  f.add(Status::confirmed, Card::prepaid);                                        // no reminder
  f.add(Status::withdrawn, Card::prepaid);
  CHECK(f.reminders("2026-02-28").empty());
  CHECK(f.reminders("2026-03-04") == std::vector<std::int64_t>{b.id, a.id, c.id});
  CHECK(f.reminders("2026-03-06") == std::vector<std::int64_t>{b.id, a.id, c.id, d.id});

  std::vector<core::Reminder> seen;
  f.store->for_each_reminder(due_day("2026-03-01"),
                             [&](const core::Reminder& r) { seen.push_back(r); });
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].uuid == b.uuid);
  CHECK(seen[0].operator_name == "Bakcell");
  CHECK(seen[0].hotline == "555");
  CHECK(seen[0].website == "bakcell.com");
  CHECK(seen[0].status == Status::pending);
  CHECK(seen[0].next_check_on == due_day("2026-03-01"));
  CHECK(seen[0].requested_on == due_day("2026-03-01"));
}

TEST_CASE("after items: a confirmed case is listed until they are ticked", "[due]") {
  DueFixture f;
  const auto pre = f.add(Status::confirmed, Card::prepaid);
  const auto post = f.add(Status::confirmed, Card::postpaid);
  f.add(Status::pending, Card::prepaid);
  CHECK(f.todo() ==
        decltype(f.todo()){{pre.id, {ChecklistItem::number_dead, ChecklistItem::sim_destroyed}},
                           {post.id,
                            {ChecklistItem::number_dead, ChecklistItem::sim_destroyed,
                             ChecklistItem::final_bill_settled}}});
  f.tick(pre.id, ChecklistItem::receipt_kept); // not an item due asks for
  f.tick(pre.id, ChecklistItem::number_dead);
  f.tick(post.id, ChecklistItem::final_bill_settled);
  CHECK(f.todo() ==
        decltype(f.todo()){{pre.id, {ChecklistItem::sim_destroyed}},
                           {post.id, {ChecklistItem::number_dead, ChecklistItem::sim_destroyed}}});
  f.tick(pre.id, ChecklistItem::sim_destroyed);
  CHECK(f.todo().size() == 1);
  f.undo(); // the tick of sim-destroyed
  CHECK(f.todo().front() == std::pair(pre.id, DueItems{ChecklistItem::sim_destroyed}));
  f.tick(pre.id, ChecklistItem::sim_destroyed);
  f.tick(pre.id, ChecklistItem::number_dead, false);
  CHECK(f.todo().front() == std::pair(pre.id, DueItems{ChecklistItem::number_dead}));
}

TEST_CASE("after items follow the status and the card", "[due]") {
  DueFixture f;
  const auto open = f.add(Status::pending, Card::prepaid, due_day("2026-03-05"));
  f.tick(open.id, ChecklistItem::number_dead);
  CHECK(f.todo().empty()); // nothing to do before the confirmation
  auto confirmed = open;
  confirmed.status = Status::confirmed;
  confirmed.next_check_on.reset();
  f.update(open, confirmed);
  CHECK(f.todo() == decltype(f.todo()){{open.id, {ChecklistItem::sim_destroyed}}});
  f.tick(open.id, ChecklistItem::sim_destroyed);
  CHECK(f.todo().empty());
  // It turns out to be a postpaid line: its final bill is still to settle.
  auto postpaid = *f.store->find_case(open.id);
  auto before = postpaid;
  postpaid.card = Card::postpaid;
  f.update(before, postpaid);
  CHECK(f.todo() == decltype(f.todo()){{open.id, {ChecklistItem::final_bill_settled}}});
  f.undo();
  CHECK(f.todo().empty());
  // Reopened: open again, nothing to do after it.
  before = *f.store->find_case(open.id);
  auto reopened = before;
  reopened.status = Status::pending;
  f.tick(open.id, ChecklistItem::sim_destroyed, false);
  CHECK(f.todo().size() == 1);
  f.update(*f.store->find_case(open.id), reopened);
  CHECK(f.todo().empty());
  // The case removed (undo of its add) takes its to-do with it.
  const auto gone = f.add(Status::confirmed, Card::prepaid);
  CHECK(f.todo().size() == 1);
  f.undo();
  CHECK_FALSE(f.store->find_case(gone.id));
  CHECK(f.todo().empty());
}

TEST_CASE("after_todo agrees with core::unticked_after_todo for every status, card and ticks",
          "[due]") {
  DueFixture f;
  const std::vector<ChecklistItem> afters{ChecklistItem::number_dead, ChecklistItem::sim_destroyed,
                                          ChecklistItem::final_bill_settled};
  std::vector<std::pair<std::int64_t, std::vector<ChecklistItem>>> expected;
  for (const auto& [status, status_name] : core::EnumNames<Status>::k_names) {
    for (const auto& [card, card_name] : core::EnumNames<Card>::k_names) {
      for (unsigned mask = 0; mask < 8; ++mask) {
        const auto c = f.add(status, card);
        std::vector<ChecklistItem> ticked;
        for (unsigned bit = 0; bit < 3; ++bit) {
          if ((mask & (1U << bit)) != 0 &&
              core::check_item_applies(afters[bit], card)) { // as `tick` allows
            f.tick(c.id, afters[bit]);
            ticked.push_back(afters[bit]);
          }
        }
        const auto left = core::unticked_after_todo(card, ticked);
        if (status == Status::confirmed && !left.empty()) {
          expected.emplace_back(c.id, left);
        }
      }
    }
  }
  // The items left, as the triggers wrote them into the column's bits, are the rule's.
  CHECK(f.todo() == expected);
  CHECK(f.store->database()
            .execAndGet("SELECT count(*) FROM cases WHERE after_todo IS NOT NULL")
            .getInt() == static_cast<int>(expected.size()));
}

TEST_CASE("a case inserted by hand gets its after_todo from the trigger", "[due]") {
  // cancelog writes the bits of a new case itself (core::after_bits); another
  // writer that leaves them out, or gets them wrong, is corrected by the insert trigger.
  DueFixture f;
  auto& db = f.store->database();
  const auto insert = [&](const char* uuid, const char* card, const char* status,
                          const char* after_todo) {
    db.exec(fmt::format(
        "INSERT INTO cases (uuid, number, number_raw, operator_id, card, channel, requested_on, "
        "status, created_at, updated_at, after_todo) VALUES ('{}', '+994501234567', '050', 1, "
        "'{}', 'store', '2026-03-01', '{}', '2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z', {})",
        uuid, card, status, after_todo));
    return db.execAndGet(fmt::format("SELECT after_todo FROM cases WHERE uuid = '{}'", uuid));
  };
  CHECK(insert("h1", "prepaid", "confirmed", "NULL").getInt() == 3);
  CHECK(insert("h2", "postpaid", "confirmed", "1").getInt() == 7);
  CHECK(insert("h3", "postpaid", "confirmed", "7").getInt() == 7);
  CHECK(insert("h4", "prepaid", "pending", "3").isNull());
  CHECK(insert("h5", "prepaid", "pending", "NULL").isNull());
  CHECK(core::after_bits(Status::confirmed, Card::prepaid) == 3);
  CHECK(core::after_bits(Status::confirmed, Card::postpaid) == 7);
  CHECK_FALSE(core::after_bits(Status::pending, Card::postpaid));
}

TEST_CASE("core::after_bits leaves out the after items ticked", "[due]") {
  const auto tick = [](ChecklistItem item) { return core::Tick{item, k_due_now}; };
  const std::vector<core::Tick> dead{tick(ChecklistItem::number_dead),
                                     tick(ChecklistItem::receipt_kept)};
  CHECK(core::after_bits(Status::confirmed, Card::prepaid, dead) == 2);
  CHECK(core::after_bits(Status::confirmed, Card::postpaid, dead) == 6);
  const std::vector<core::Tick> bill{tick(ChecklistItem::final_bill_settled)};
  CHECK(core::after_bits(Status::confirmed, Card::prepaid, bill) == 3); // not asked of prepaid
  CHECK(core::after_bits(Status::confirmed, Card::postpaid, bill) == 3);
  const std::vector<core::Tick> all{tick(ChecklistItem::sim_destroyed),
                                    tick(ChecklistItem::number_dead)};
  CHECK_FALSE(core::after_bits(Status::confirmed, Card::prepaid, all)); // nothing left: NULL
  CHECK(core::after_bits(Status::confirmed, Card::postpaid, all) == 4);
  CHECK_FALSE(core::after_bits(Status::rejected, Card::postpaid, dead));
}

TEST_CASE("an import writes after_todo itself, with the triggers off only while it lasts",
          "[due]") {
  using Stored = storage::CaseImporter::StoredCases;
  for (const auto stored : {Stored::kept, Stored::updated}) {
    DYNAMIC_SECTION((stored == Stored::kept ? "triggers off" : "triggers on")) {
      DueFixture f;
      const std::vector<ChecklistItem> afters{ChecklistItem::number_dead,
                                              ChecklistItem::sim_destroyed,
                                              ChecklistItem::final_bill_settled};
      std::vector<std::pair<std::int64_t, std::vector<ChecklistItem>>> expected;
      {
        storage::Change change(*f.store, "import", k_due_now);
        storage::CaseImporter importer(*f.store, change, "{}", stored);
        for (const auto& [status, status_name] : core::EnumNames<Status>::k_names) {
          for (const auto& [card, card_name] : core::EnumNames<Card>::k_names) {
            for (unsigned mask = 0; mask < 8; ++mask) {
              core::Case c;
              c.uuid = util::make_uuid();
              c.number = "+994501234567";
              c.number_raw = c.number;
              c.operator_id = f.store->find_operator("Azercell")->id;
              c.card = card;
              c.status = status;
              c.requested_on = due_day("2026-03-01");
              std::vector<core::Tick> ticks{{ChecklistItem::receipt_kept, k_due_now}};
              std::vector<ChecklistItem> ticked;
              for (unsigned bit = 0; bit < 3; ++bit) {
                if ((mask & (1U << bit)) != 0 && core::check_item_applies(afters[bit], card)) {
                  ticks.push_back({afters[bit], k_due_now});
                  ticked.push_back(afters[bit]);
                }
              }
              REQUIRE(importer.add_case(c, ticks));
              for (const auto& tick : ticks) {
                importer.add_tick(c.id, tick);
              }
              const auto left = core::unticked_after_todo(card, ticked);
              if (status == Status::confirmed && !left.empty()) {
                expected.emplace_back(c.id, left);
              }
            }
          }
        }
        importer.finish();
        change.commit();
      }
      CHECK(f.todo() == expected);
      // The triggers are on again: a tick on this connection updates the bits.
      REQUIRE_FALSE(expected.empty());
      const auto [id, items] = expected.front();
      f.tick(id, items.front());
      REQUIRE_FALSE(f.todo().empty());
      CHECK(f.todo().front().second.size() == items.size() - 1);
    }
  }
}

TEST_CASE("upgrading a version 1 database fills in after_todo", "[due]") {
  const testing::TempDir dir;
  const fs::path db = dir.path / "old.db";
  {
    SQLite::Database old(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(std::string(storage::k_migrations[0].sql));
    old.exec("PRAGMA user_version = 1");
    const char* insert = "INSERT INTO cases (uuid, number, number_raw, operator_id, card, channel, "
                         "requested_on, status, created_at, updated_at) VALUES ('{}', "
                         "'+994501234567', '050', 1, '{}', 'store', '2026-03-01', '{}', "
                         "'2026-03-04T10:00:00Z', '2026-03-04T10:00:00Z')";
    old.exec(fmt::format(fmt::runtime(insert), "u1", "prepaid", "confirmed"));
    old.exec(fmt::format(fmt::runtime(insert), "u2", "prepaid", "confirmed"));
    old.exec(fmt::format(fmt::runtime(insert), "u3", "postpaid", "confirmed"));
    old.exec(fmt::format(fmt::runtime(insert), "u4", "prepaid", "pending"));
    old.exec("INSERT INTO checklist (case_id, item, ticked_at) VALUES "
             "(2, 'number-dead', '2026-03-04T10:00:00Z'), "
             "(2, 'sim-destroyed', '2026-03-04T10:00:00Z'), "
             "(3, 'number-dead', '2026-03-04T10:00:00Z'), "
             "(3, 'sim-destroyed', '2026-03-04T10:00:00Z')");
  }
  {
    std::ostringstream warnings;
    storage::Store store(db, storage::OpenOptions{}, warnings);
    CHECK(store.schema_version() == storage::latest_schema_version());
    std::vector<std::pair<std::int64_t, DueItems>> todo;
    store.for_each_after_todo([&](const core::AfterTodo& t) { todo.emplace_back(t.id, t.items); });
    CHECK(todo == std::vector<std::pair<std::int64_t, DueItems>>{
                      {1, {ChecklistItem::number_dead, ChecklistItem::sim_destroyed}},
                      {3, {ChecklistItem::final_bill_settled}}});
  }
  CHECK(fs::exists(db.string() + ".v1.bak")); // the copy written before the upgrade
}

TEST_CASE("a case of an operator that is not there stops the to-do list with a clear error",
          "[due]") {
  // `due` reads the operators' names first instead of joining them at every row; a file
  // edited by hand, foreign keys off, may name an operator that does not exist.
  DueFixture f;
  f.add(Status::confirmed, Card::prepaid);
  auto& db = f.store->database();
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec("UPDATE cases SET operator_id = 99");
  CHECK_THROWS_WITH(f.todo(),
                    Catch::Contains("unknown operator 99") && Catch::Contains("cancelog doctor"));
}
