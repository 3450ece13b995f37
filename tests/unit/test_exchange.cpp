// core/exchange: the columns of exports and the validation of imported cases.
#include "core/exchange.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace cancelog;
using core::CaseColumn;

core::ImportRules exchange_rules() {
  core::ImportRules rules;
  rules.today = util::Date{date::year{2026} / 3 / 4};
  rules.now = util::Instant{rules.today} + std::chrono::hours{10};
  rules.zone = *util::resolve_zone("Asia/Baku");
  rules.operators = {{1, "Azercell", "AZ", "*1111", "", ""}, {2, "Bakcell", "AZ", "", "", ""}};
  rules.hints = {{"+99450", 1, "Azercell"}, {"+99455", 2, "Bakcell"}};
  return rules;
}

// A row with the four required columns.
core::RawCase exchange_row(std::string_view number, std::string_view op, std::string_view channel,
                           std::string_view on) {
  core::RawCase raw;
  raw[CaseColumn::number] = number;
  raw[CaseColumn::operator_name] = op;
  raw[CaseColumn::channel] = channel;
  raw[CaseColumn::requested_on] = on;
  return raw;
}

std::vector<std::string> exchange_messages(const std::vector<core::FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) {
    out.push_back(e.field + ": " + e.reason);
  }
  return out;
}

} // namespace

TEST_CASE("exchange: the CSV columns are the JSON field names", "[exchange]") {
  core::Json keys = core::to_json(core::Case{});
  std::vector<std::string> json_names;
  for (const auto& [key, value] : keys.items()) {
    json_names.push_back(key);
  }
  std::vector<std::string> columns;
  for (const auto& [column, name] : core::EnumNames<CaseColumn>::k_names) {
    if (column != CaseColumn::last_check_at) {
      columns.emplace_back(name);
    }
  }
  CHECK(columns == json_names);
}

TEST_CASE("exchange: a minimal row takes what add would give", "[exchange]") {
  const auto rules = exchange_rules();
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  REQUIRE(core::validate_case(exchange_row(" 050 123 45 67 ", "azercell", "Store", "2026-03-01"),
                              rules, row, errors));
  CHECK(errors.empty());
  CHECK(row.c.number == "+994501234567");
  CHECK(row.c.number_raw == "050 123 45 67");
  CHECK(row.c.operator_name == "Azercell");
  CHECK(row.c.operator_id == 1);
  CHECK_FALSE(row.c.operator_inferred);
  CHECK(row.c.card == core::Card::prepaid);
  CHECK(row.c.channel == core::Channel::store);
  CHECK(row.c.status == core::Status::requested);
  CHECK(row.c.next_check_on == util::Date{date::year{2026} / 3 / 4});
  CHECK(row.c.created_at == rules.now);
  CHECK(row.c.uuid.empty());
  CHECK_FALSE(row.file_id);
  CHECK_FALSE(row.has(CaseColumn::note));
  CHECK(row.has(CaseColumn::channel));
}

TEST_CASE("exchange: an empty operator is inferred from the prefix", "[exchange]") {
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  REQUIRE(core::validate_case(exchange_row("+994551234567", "", "phone", "today"), exchange_rules(),
                              row, errors));
  CHECK(row.c.operator_name == "Bakcell");
  CHECK(row.c.operator_inferred);
  CHECK_FALSE(core::validate_case(exchange_row("+994701234567", "", "phone", "today"),
                                  exchange_rules(), row, errors));
  CHECK(exchange_messages(errors) ==
        std::vector<std::string>{"operator: no operator is known for +994 70 123 45 67; fill "
                                 "in the operator column"});
}

TEST_CASE("exchange: every bad value is reported with its column", "[exchange]") {
  auto raw = exchange_row("+99412", "Vodafone", "shop", "2026-03-05");
  raw[CaseColumn::status] = "done";
  raw[CaseColumn::uuid] = "not-a-uuid";
  raw[CaseColumn::id] = "-3";
  raw[CaseColumn::receipt] = "a\nb";
  raw[CaseColumn::next_check_on] = "soon";
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  CHECK_FALSE(core::validate_case(raw, exchange_rules(), row, errors));
  CHECK(exchange_messages(errors) ==
        std::vector<std::string>{
            "id: '-3' is not a case id; ids are whole numbers above 0",
            "uuid: 'not-a-uuid' is not a UUID (8-4-4-4-12 hexadecimal digits); leave the cell "
            "empty for a new case",
            "number: '+99412' is too short for a phone number of +994",
            "operator: unknown operator 'Vodafone'; known operators: Azercell, Bakcell; add one "
            "with 'cancelog operator add NAME'",
            "channel: unknown value 'shop'; use one of: store, online, phone, other",
            "requested_on: 2026-03-05 is in the future; record a request once it is made",
            "receipt: write it on one line",
            "status: unknown value 'done'; use one of: requested, pending, action-needed, "
            "no-answer, confirmed, rejected, withdrawn",
            "next_check_on: 'soon' is not a date; write YYYY-MM-DD, today, yesterday, tomorrow, "
            "+3d or -2w",
        });
}

TEST_CASE("exchange: notes keep their text, CRLF becomes LF", "[exchange]") {
  auto raw = exchange_row("+994501234567", "Azercell", "store", "2026-03-01");
  raw[CaseColumn::note] = "one\r\ntwo, \"three\"\n=HYPERLINK(x)";
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  REQUIRE(core::validate_case(raw, exchange_rules(), row, errors));
  CHECK(row.c.note == "one\ntwo, \"three\"\n=HYPERLINK(x)");
  raw[CaseColumn::note] = "bell\a";
  CHECK_FALSE(core::validate_case(raw, exchange_rules(), row, errors));
  CHECK(errors.back().field == "note");
}

TEST_CASE("exchange: a status past requested gets an imported check", "[exchange]") {
  const auto rules = exchange_rules();
  auto raw = exchange_row("+994501234567", "Azercell", "store", "2026-03-01");
  raw[CaseColumn::status] = "confirmed";
  raw[CaseColumn::last_check_at] = "2026-03-03";
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  REQUIRE(core::validate_case(raw, rules, row, errors));
  CHECK_FALSE(row.c.next_check_on); // confirmed prepaid: no more checks
  const auto check = core::imported_check(row, true, {}, rules);
  REQUIRE(check);
  CHECK(check->outcome == core::Outcome::confirmed);
  CHECK(check->imported);
  CHECK(check->method == core::Method::other);
  CHECK(util::format_utc(check->checked_at) == "2026-03-02T20:00:00Z"); // local midnight, Baku

  raw[CaseColumn::status] = "pending";
  raw[CaseColumn::last_check_at] = std::nullopt;
  raw[CaseColumn::updated_at] = "2026-03-02T08:00:00Z";
  REQUIRE(core::validate_case(raw, rules, row, errors));
  CHECK(row.c.next_check_on == util::Date{date::year{2026} / 3 / 5});
  CHECK(util::format_utc(core::imported_check(row, true, {}, rules)->checked_at) ==
        "2026-03-02T08:00:00Z");

  raw[CaseColumn::status] = "withdrawn";
  REQUIRE(core::validate_case(raw, rules, row, errors));
  CHECK_FALSE(row.c.next_check_on);
  CHECK_FALSE(core::imported_check(row, true, {}, rules));
}

TEST_CASE("exchange: JSON carries its own checks; only an unbacked final status gets one",
          "[exchange]") {
  const auto rules = exchange_rules();
  core::ImportedCase row;
  row.c.status = core::Status::pending; // reopened: no check needs to say so
  CHECK_FALSE(core::imported_check(row, false, {core::Outcome::confirmed}, rules));
  row.c.status = core::Status::confirmed;
  CHECK_FALSE(core::imported_check(row, false, {core::Outcome::confirmed}, rules));
  CHECK(core::imported_check(row, false, {core::Outcome::pending}, rules));
  row.c.status = core::Status::requested;
  CHECK_FALSE(core::imported_check(row, true, {}, rules));
}

TEST_CASE("exchange: a JSON case with checks and checklist", "[exchange]") {
  const auto element = core::Json::parse(R"({
    "id": 12, "uuid": "0C7D7A8E-7A36-4E38-9A67-3C2A4C1F5E10", "number": "+994501234567",
    "number_raw": "050 123 45 67", "operator": "Azercell", "operator_inferred": true,
    "card": "postpaid", "channel": "online", "requested_on": "2026-03-01", "receipt": "R",
    "status": "confirmed", "next_check_on": null, "note": "", "follows": 3,
    "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-02T09:00:00Z",
    "checks": [{"id": 5, "case": 12, "checked_at": "2026-03-02T09:00:00Z", "method": "phone",
                "outcome": "confirmed", "reference": "T-1", "note": "ok", "imported": false,
                "created_at": "2026-03-02T09:00:00Z"}],
    "checklist": [{"item": "receipt-kept", "ticked_at": "2026-03-01T09:00:00Z"},
                  {"item": "number-dead", "ticked_at": null}]
  })");
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  REQUIRE(core::validate_json_case(element, exchange_rules(), row, errors));
  CHECK(row.file_id == 12);
  CHECK(row.file_follows == 3);
  CHECK(row.c.uuid == "0c7d7a8e-7a36-4e38-9a67-3c2a4c1f5e10");
  CHECK(row.c.operator_inferred);
  CHECK_FALSE(row.c.next_check_on); // null stays null
  CHECK(util::format_utc(row.c.updated_at) == "2026-03-02T09:00:00Z");
  REQUIRE(row.checks.size() == 1);
  CHECK(row.checks[0].id == 5);
  CHECK(row.checks[0].reference == "T-1");
  REQUIRE(row.ticks.size() == 1);
  CHECK(row.ticks[0].item == core::ChecklistItem::receipt_kept);
}

TEST_CASE("exchange: bad JSON values name their field", "[exchange]") {
  const auto element = core::Json::parse(R"({
    "number": "+994501234567", "operator": "Azercell", "channel": "store",
    "requested_on": "2026-03-01", "note": ["not", "text"],
    "checks": [{"checked_at": "yesterday", "method": "fax", "outcome": "confirmed"}],
    "checklist": [{"item": "final-bill-settled", "ticked_at": "2026-03-01T09:00:00Z"}]
  })");
  core::ImportedCase row;
  std::vector<core::FieldError> errors;
  CHECK_FALSE(core::validate_json_case(element, exchange_rules(), row, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "note");

  auto fixed = element;
  fixed["note"] = "fine";
  errors.clear();
  CHECK_FALSE(core::validate_json_case(fixed, exchange_rules(), row, errors));
  std::vector<std::string> fields;
  for (const auto& e : errors) {
    fields.push_back(e.field);
  }
  CHECK(fields ==
        std::vector<std::string>{"checks[0].checked_at", "checks[0].method", "checklist[0].item"});
  CHECK_FALSE(core::validate_json_case(core::Json(5), exchange_rules(), row, errors));
}
