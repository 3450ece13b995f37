// render/csv: the CSV writer and the rows of cases and checks.
#include "core/exchange.hpp"
#include "render/csv.hpp"
#include "util/csv.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace {

using cancelog::render::CsvOptions;
using cancelog::render::CsvWriter;

std::string csvw_row(const std::vector<std::string>& cells, const CsvOptions& options = {}) {
  std::ostringstream out;
  CsvWriter csv(out, options);
  for (const auto& cell : cells) {
    csv.text(cell);
  }
  csv.end_row();
  return out.str();
}

cancelog::core::Case csvw_case() {
  using namespace cancelog;
  core::Case c;
  c.id = 7;
  c.uuid = "0c7d7a8e-7a36-4e38-9a67-3c2a4c1f5e10";
  c.number = "+994501234567";
  c.number_raw = "+994 50 123 45 67";
  c.operator_name = "Azercell";
  c.card = core::Card::postpaid;
  c.channel = core::Channel::online;
  c.requested_on = util::Date{date::year{2026} / 3 / 1};
  c.receipt = "REQ-1";
  c.status = core::Status::confirmed;
  c.note = "a, \"b\"\nc";
  c.follows = 3;
  c.created_at = util::Instant{util::Date{date::year{2026} / 3 / 1}} + std::chrono::hours{9};
  c.updated_at = c.created_at + std::chrono::seconds{61};
  return c;
}

} // namespace

TEST_CASE("csv writer: quotes only where needed, CRLF line ends", "[csv_writer]") {
  CHECK(csvw_row({"a", "b c", ""}) == "a,b c,\r\n");
  CHECK(csvw_row({"a,b", "say \"hi\"", "two\nlines", "cr\r"}) ==
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n");
  CHECK(csvw_row({"ə ğ ı ö ş ü ç", "Россия", "中文"}) == "ə ğ ı ö ş ü ç,Россия,中文\r\n");
}

TEST_CASE("csv writer: formula-like text is guarded unless raw", "[csv_writer]") {
  CHECK(csvw_row({"=HYPERLINK(\"x\")", "@SUM(1)", "-1+1", "+1", "\tx", "1-1"}) ==
        "\"'=HYPERLINK(\"\"x\"\")\",'@SUM(1),'-1+1,'+1,'\tx,1-1\r\n");
  CHECK(csvw_row({"\nx"}) == "\"'\nx\"\r\n");
  CHECK(csvw_row({"'=x"}) == "''=x\r\n");
  CHECK(csvw_row({"=1", "@a"}, {.raw = true}) == "=1,@a\r\n");
}

TEST_CASE("csv writer: values and clean numbers are never guarded", "[csv_writer]") {
  std::ostringstream out;
  CsvWriter csv(out, {});
  csv.number("+994501234567");
  csv.number("+99450***4567");
  csv.number("+99 not clean");
  csv.value("-1");
  csv.end_row();
  CHECK(out.str() == "+994501234567,+99450***4567,'+99 not clean,-1\r\n");
}

TEST_CASE("csv writer: a byte-order mark on request", "[csv_writer]") {
  CHECK(csvw_row({"a"}, {.bom = true}) == "\xEF\xBB\xBF"
                                          "a\r\n");
}

TEST_CASE("csv writer: the cases CSV, header and row", "[csv_writer]") {
  std::ostringstream out;
  CsvWriter csv(out, {});
  cancelog::render::write_case_header(csv);
  const auto c = csvw_case();
  cancelog::render::write_case_row(csv, c, c.created_at + std::chrono::hours{1});
  CHECK(out.str() ==
        "id,uuid,number,number_raw,operator,operator_inferred,card,channel,requested_on,receipt,"
        "status,next_check_on,last_check_at,note,follows,created_at,updated_at\r\n"
        "7,0c7d7a8e-7a36-4e38-9a67-3c2a4c1f5e10,+994501234567,'+994 50 123 45 67,Azercell,false,"
        "postpaid,online,2026-03-01,REQ-1,confirmed,,2026-03-01T10:00:00Z,\"a, \"\"b\"\"\nc\",3,"
        "2026-03-01T09:00:00Z,2026-03-01T09:01:01Z\r\n");
}

TEST_CASE("csv writer: masked cases hide the number everywhere", "[csv_writer]") {
  std::ostringstream out;
  CsvWriter csv(out, {.mask = true});
  cancelog::render::write_case_row(csv, csvw_case(), std::nullopt);
  CHECK(out.str().starts_with("7,0c7d7a8e-7a36-4e38-9a67-3c2a4c1f5e10,+99450***4567,"
                              "+99450***4567,Azercell,"));
  CHECK(out.str().find("123") == std::string::npos);
}

TEST_CASE("csv writer: the checks CSV", "[csv_writer]") {
  using namespace cancelog;
  std::ostringstream out;
  CsvWriter csv(out, {});
  render::write_check_header(csv);
  core::Check check;
  check.id = 4;
  check.case_id = 7;
  check.checked_at = util::Instant{util::Date{date::year{2026} / 3 / 2}};
  check.method = core::Method::sms;
  check.outcome = core::Outcome::action_needed;
  check.reference = "=agent";
  check.note = "bring ID";
  check.imported = true;
  check.created_at = check.checked_at;
  render::write_check_row(csv, check, "+994501234567");
  CHECK(out.str() == "id,case,number,checked_at,method,outcome,reference,note,imported,"
                     "created_at\r\n"
                     "4,7,+994501234567,2026-03-02T00:00:00Z,sms,action-needed,'=agent,bring ID,"
                     "true,2026-03-02T00:00:00Z\r\n");
}

TEST_CASE("csv writer: what it writes, the reader reads back", "[csv_writer]") {
  const std::vector<std::string> cells{
      "=HYPERLINK(\"x\")", "a,b", "\"", "two\r\nlines", "", "'@x", "中文"};
  std::istringstream in(csvw_row(cells));
  cancelog::util::CsvReader reader(in);
  cancelog::util::CsvRecord record;
  REQUIRE(reader.next(record).value());
  std::vector<std::string> back;
  for (const auto& field : record.fields) {
    back.emplace_back(cancelog::util::strip_formula_guard(field));
  }
  CHECK(back == cells);
}
