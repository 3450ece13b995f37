#include "core/json.hpp"
#include "render/json.hpp"
#include "util/time.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace cancelog;

namespace {
core::Case sample_case() {
  core::Case c;
  c.id = 7;
  c.uuid = "0b6f3c1e-7a2d-4c55-9f1e-2b1d4c5e6f70";
  c.number = "+994501234567";
  c.number_raw = "050 123 45 67";
  c.operator_name = "Azercell";
  c.operator_inferred = true;
  c.card = core::Card::postpaid;
  c.channel = core::Channel::online;
  c.requested_on = *util::parse_iso_date("2026-03-01");
  c.receipt = "REQ-1";
  c.status = core::Status::action_needed;
  c.next_check_on = *util::parse_iso_date("2026-03-05");
  c.note = "qəbz \"quoted\"\nline 2, 中文";
  c.created_at = *util::parse_utc("2026-03-01T08:00:00Z");
  c.updated_at = *util::parse_utc("2026-03-02T08:00:00Z");
  return c;
}
} // namespace

TEST_CASE("a case as JSON has the field names of SPEC.md in a stable order") {
  const core::Json j = core::to_json(sample_case());
  std::vector<std::string> keys;
  for (const auto& item : j.items()) {
    keys.push_back(item.key());
  }
  CHECK(keys == std::vector<std::string>{"id", "uuid", "number", "number_raw", "operator",
                                         "operator_inferred", "card", "channel", "requested_on",
                                         "receipt", "status", "next_check_on", "note", "follows",
                                         "created_at", "updated_at"});
  CHECK(j["status"] == "action-needed");
  CHECK(j["card"] == "postpaid");
  CHECK(j["next_check_on"] == "2026-03-05");
  CHECK(j["follows"].is_null());
  CHECK(j["note"] == "qəbz \"quoted\"\nline 2, 中文");
}

TEST_CASE("no next check and a followed case") {
  core::Case c = sample_case();
  c.next_check_on.reset();
  c.follows = 3;
  const core::Json j = core::to_json(c);
  CHECK(j["next_check_on"].is_null());
  CHECK(j["follows"] == 3);
}

TEST_CASE("checks, events and receipt files as JSON") {
  core::Check check;
  check.id = 2;
  check.case_id = 7;
  check.checked_at = *util::parse_utc("2026-03-02T09:30:00Z");
  check.method = core::Method::sms;
  check.outcome = core::Outcome::no_answer;
  const core::Json cj = core::to_json(check);
  CHECK(cj["case"] == 7);
  CHECK(cj["method"] == "sms");
  CHECK(cj["outcome"] == "no-answer");
  CHECK(cj["checked_at"] == "2026-03-02T09:30:00Z");

  core::Event e;
  e.id = 1;
  e.group_id = 1;
  e.case_id = 7;
  e.kind = "case.update";
  e.field = "status";
  e.old_json = "\"pending\"";
  e.new_json = "\"confirmed\"";
  const core::Json ej = core::to_json(e);
  CHECK(ej["old"] == "pending");
  CHECK(ej["new"] == "confirmed");
  CHECK_FALSE(ej.contains("case_last"));
}

TEST_CASE("the streaming array writer writes what dump() would") {
  const core::Json a = core::to_json(sample_case());
  core::Json b = a;
  b["id"] = 8;
  std::ostringstream streamed;
  {
    render::JsonArrayWriter writer(streamed);
    writer.add(a);
    writer.add(b);
  }
  std::ostringstream whole;
  render::write_json(whole, core::Json::array({a, b}));
  CHECK(streamed.str() == whole.str());
  CHECK(core::Json::parse(streamed.str()).size() == 2);

  std::ostringstream empty;
  render::JsonArrayWriter(empty).finish();
  CHECK(empty.str() == "[]\n");
}

TEST_CASE("invalid UTF-8 never makes invalid JSON") {
  std::ostringstream out;
  render::write_json(out, core::Json{{"note", std::string("caf\xe9")}});
  CHECK(core::Json::parse(out.str())["note"] == "caf\xef\xbf\xbd");
}
