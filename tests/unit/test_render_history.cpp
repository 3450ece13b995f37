// render/history: one line per event.
#include "render/history.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;

namespace {

core::Event render_event(std::int64_t group, const char* command, const char* kind,
                         const char* field, const char* old_json, const char* new_json) {
  core::Event e;
  e.group_id = group;
  e.command = command;
  e.case_id = 4;
  e.kind = kind;
  e.field = field;
  e.old_json = old_json;
  e.new_json = new_json;
  return e;
}

} // namespace

TEST_CASE("a status change names the check that made it", "[render]") {
  const std::vector<core::Event> group{
      render_event(9, "check", "check.add", "", "",
                   R"({"id":2,"checked_at":"2026-03-09T11:00:00Z","method":"phone",)"
                   R"("outcome":"confirmed","reference":"AZ-1552"})"),
      render_event(9, "check", "case.update", "status", R"("pending")", R"("confirmed")")};
  const render::EventContext context{&group, nullptr};
  CHECK(render::describe_event(group[1], context) ==
        "#4 status pending → confirmed (check by phone, ref AZ-1552)");
  CHECK(render::describe_event(group[0], context) ==
        "#4 check: confirmed by phone at 2026-03-09T11:00:00Z, ref AZ-1552");
  // Without its group the line still says what changed.
  CHECK(render::describe_event(group[1]) == "#4 status pending → confirmed");
}

TEST_CASE("withdraw, reopen and undo lines", "[render]") {
  const std::vector<core::Event> group{
      render_event(3, "reopen", "case.update", "status", R"("confirmed")", R"("pending")"),
      render_event(3, "reopen", "case.reason", "", "", R"("the line still works")")};
  const render::EventContext context{&group, nullptr};
  CHECK(render::describe_event(group[0], context) ==
        "#4 status confirmed → pending (reopen: the line still works)");
  CHECK(render::describe_event(group[1], context) == "#4 reason: the line still works");

  auto undo = render_event(5, "undo", "case.update", "next_check_on", R"("2026-03-08")", "null");
  undo.undoes = 4;
  CHECK(render::describe_event(undo) == "#4 next_check_on 2026-03-08 → - (undo)");
  auto undone = render_event(4, "tick", "checklist.tick", "no-arrears", "", R"("x")");
  undone.undone = true;
  CHECK(render::describe_event(undone) == "#4 ticked no-arrears (undone)");
}

TEST_CASE("removals written by undo", "[render]") {
  auto removed = render_event(
      6, "undo", "case.remove", "",
      R"({"number":"+994501234567","operator":"Azercell","channel":"store","requested_on":"2026-03-02"})",
      "");
  CHECK(render::describe_event(removed) ==
        "#4 removed: +994501234567, Azercell, store, requested 2026-03-02");
  auto range = render_event(6, "undo", "case.remove", "", "", R"({"removed":3})");
  range.case_last = 6;
  CHECK(render::describe_event(range) == "#4–#6 removed (3 cases)");
}
