// core/history: which command gave a case its present status.
#include "core/history.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;

namespace {

// Builds a history newest first, as Store::events returns it.
struct HistoryBuilder {
  std::vector<core::Event> events;
  std::int64_t next_id = 1;

  HistoryBuilder& add(std::int64_t group, const char* command, const char* kind, const char* field,
                      std::string new_json, bool undone = false,
                      std::optional<std::int64_t> undoes = std::nullopt) {
    core::Event e;
    e.id = next_id++;
    e.group_id = group;
    e.command = command;
    e.case_id = 1;
    e.kind = kind;
    e.field = field;
    e.new_json = std::move(new_json);
    e.undone = undone;
    e.undoes = undoes;
    e.at = util::Instant{std::chrono::hours{group}};
    events.insert(events.begin(), e);
    return *this;
  }
};

} // namespace

TEST_CASE("a new case's status comes from add", "[history]") {
  HistoryBuilder h;
  h.add(1, "add", "case.add", "", R"({"id":1})");
  const auto origin = core::status_origin(h.events);
  REQUIRE(origin);
  CHECK(origin->command == "add");
  CHECK_FALSE(origin->check_id);
}

TEST_CASE("a check's status names the check", "[history]") {
  HistoryBuilder h;
  h.add(1, "add", "case.add", "", R"({"id":1})")
      .add(2, "check", "check.add", "", R"({"id":7,"outcome":"pending"})")
      .add(2, "check", "case.update", "status", R"("pending")")
      .add(3, "edit", "case.update", "note", R"("x")");
  const auto origin = core::status_origin(h.events);
  REQUIRE(origin);
  CHECK(origin->command == "check");
  CHECK(origin->group_id == 2);
  CHECK(origin->check_id == 7);
}

TEST_CASE("a reopen carries its reason", "[history]") {
  HistoryBuilder h;
  h.add(1, "add", "case.add", "", "{}")
      .add(2, "check", "check.add", "", R"({"id":3})")
      .add(2, "check", "case.update", "status", R"("confirmed")")
      .add(3, "reopen", "case.update", "status", R"("pending")")
      .add(3, "reopen", "case.reason", "", R"("the line still works")");
  const auto origin = core::status_origin(h.events);
  REQUIRE(origin);
  CHECK(origin->command == "reopen");
  CHECK_FALSE(origin->check_id);
  CHECK(origin->reason == "the line still works");
}

TEST_CASE("undone changes and undo's own events are passed over", "[history]") {
  HistoryBuilder h;
  h.add(1, "add", "case.add", "", "{}")
      .add(2, "check", "check.add", "", R"({"id":1})")
      .add(2, "check", "case.update", "status", R"("pending")")
      .add(3, "check", "check.add", "", R"({"id":2})", true)
      .add(3, "check", "case.update", "status", R"("confirmed")", true)
      .add(4, "undo", "case.update", "status", R"("pending")", false, 3)
      .add(4, "undo", "check.remove", "", "", false, 3);
  const auto origin = core::status_origin(h.events);
  REQUIRE(origin);
  CHECK(origin->group_id == 2);
  CHECK(origin->check_id == 1);
}

TEST_CASE("no history, no origin", "[history]") {
  CHECK_FALSE(core::status_origin({}).has_value());
}
