// util/csv: the RFC 4180 reader and the formula guard.
#include "util/csv.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace {

using cancelog::util::CsvReader;
using cancelog::util::CsvRecord;

// Every record of a text, or the reader's error.
struct CsvParsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::string error;
};

CsvParsed csv_parse(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  CsvParsed out;
  for (;;) {
    const auto more = reader.next(record);
    if (!more) {
      out.error = more.error();
      return out;
    }
    if (!*more) {
      return out;
    }
    out.rows.push_back(record.fields);
    out.lines.push_back(record.line);
  }
}

using CsvRows = std::vector<std::vector<std::string>>;

} // namespace

TEST_CASE("csv: plain records with LF, CRLF or CR line ends", "[csv]") {
  const CsvRows expected{{"a", "b", "c"}, {"1", "2", "3"}};
  CHECK(csv_parse("a,b,c\n1,2,3\n").rows == expected);
  CHECK(csv_parse("a,b,c\r\n1,2,3\r\n").rows == expected);
  CHECK(csv_parse("a,b,c\r1,2,3\r").rows == expected);
  CHECK(csv_parse("a,b,c\n1,2,3").rows == expected); // no final line end
  CHECK(csv_parse("a,b,c\r\n1,2,3\r\n").lines == std::vector<std::size_t>{1, 2});
}

TEST_CASE("csv: empty fields and empty input", "[csv]") {
  CHECK(csv_parse(",,\n").rows == CsvRows{{"", "", ""}});
  CHECK(csv_parse("a,\n").rows == CsvRows{{"a", ""}});
  CHECK(csv_parse("\"\"\n").rows == CsvRows{{""}});
  CHECK(csv_parse("").rows.empty());
  CHECK(csv_parse("").error.empty());
}

TEST_CASE("csv: blank lines are skipped and line numbers stay physical", "[csv]") {
  const auto parsed = csv_parse("\r\n\na,b\r\n\r\n\r\nc,d\r\n\r\n");
  CHECK(parsed.rows == CsvRows{{"a", "b"}, {"c", "d"}});
  CHECK(parsed.lines == std::vector<std::size_t>{3, 6});
}

TEST_CASE("csv: quoted fields hold commas, quotes and line breaks", "[csv]") {
  const auto parsed = csv_parse(
      "id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\nhere\"\r\n4,x\r\n");
  REQUIRE(parsed.error.empty());
  CHECK(parsed.rows == CsvRows{{"id", "note"},
                               {"1", "a, b"},
                               {"2", "say \"hi\""},
                               {"3", "two\r\nlines\nhere"},
                               {"4", "x"}});
  // The record after a quoted line break starts on its own physical line.
  CHECK(parsed.lines == std::vector<std::size_t>{1, 2, 3, 4, 7});
}

TEST_CASE("csv: a UTF-8 byte-order mark is skipped, UTF-8 text kept", "[csv]") {
  const auto parsed = csv_parse("\xEF\xBB\xBFnumber,note\n+994501234567,ə ğ ı ö ş ü ç 中文\n");
  CHECK(parsed.rows == CsvRows{{"number", "note"}, {"+994501234567", "ə ğ ı ö ş ü ç 中文"}});
  // Only at the start: elsewhere the bytes are text.
  CHECK(csv_parse("a,\xEF\xBB\xBF"
                  "b\n")
            .rows == CsvRows{{"a", "\xEF\xBB\xBF"
                                   "b"}});
}

TEST_CASE("csv: syntax errors name the line", "[csv]") {
  CHECK(csv_parse("a,b\n1,\"open\n2,3\n").error ==
        "line 2: a quoted field is not closed: its quote opens here and no closing quote "
        "follows");
  CHECK(csv_parse("a,b\n1,ab\"c\n").error ==
        "line 2: a quote inside a field that does not start with a quote; put the whole field "
        "in quotes and write the quote as two quotes (\"\")");
  CHECK(csv_parse("a,b\n\"x\"y,2\n").error ==
        "line 2: text follows the closing quote of a field; inside a quoted field write a "
        "quote as two quotes (\"\")");
  CHECK(csv_parse(std::string("a,b\n1,2\n3,\0\n", 12)).error ==
        "line 3: the file holds a NUL byte: it is a binary file, not CSV text");
  CHECK(csv_parse("a,b\n1,\"x\ny\xff\"\n").error ==
        "line 3: the text is not valid UTF-8; save the file as UTF-8 (in a spreadsheet: CSV "
        "UTF-8)");
}

TEST_CASE("csv: an error stays", "[csv]") {
  std::istringstream in("\"a\n");
  CsvReader reader(in);
  CsvRecord record;
  CHECK_FALSE(reader.next(record));
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("csv: limits keep memory bounded", "[csv]") {
  CHECK(csv_parse(std::string(CsvReader::k_max_fields, ',')).error ==
        "line 1: the record has more than 1000 fields; is this a CSV file?");
  CHECK(csv_parse(std::string(CsvReader::k_max_record_bytes + 1, 'x')).error ==
        "line 1: the record is longer than 1 MiB; is this a CSV file?");
}

TEST_CASE("csv: the reader does not depend on how the input is cut", "[csv]") {
  // Longer than the reader's buffer, with a quoted field across the boundary.
  std::string text = "a,b\r\n";
  const std::string note(70000, 'n');
  text += "1,\"" + note + "\r\nend\"\r\n2,x\r\n";
  const auto parsed = csv_parse(text);
  REQUIRE(parsed.error.empty());
  REQUIRE(parsed.rows.size() == 3);
  CHECK(parsed.rows[1][1] == note + "\r\nend");
  CHECK(parsed.lines == std::vector<std::size_t>{1, 2, 4});
}

TEST_CASE("csv: the formula guard round-trips any text", "[csv]") {
  using cancelog::util::needs_formula_guard;
  using cancelog::util::strip_formula_guard;
  for (const char* cell : {"=HYPERLINK(\"x\")", "+1", "-1+1", "@SUM(1)", "\tx", "\rx", "\nx"}) {
    CHECK(needs_formula_guard(cell));
  }
  for (const char* cell : {"", "abc", "1-1", "'quoted'", " =x", "中文"}) {
    CHECK_FALSE(needs_formula_guard(cell));
  }
  for (const std::string cell :
       {"=1", "'=1", "''=1", "'plain", "plain", "", "'", "-", "'-'", "@"}) {
    const std::string exported = needs_formula_guard(cell) ? "'" + cell : cell;
    CHECK(std::string(strip_formula_guard(exported)) == cell);
  }
  CHECK(strip_formula_guard("'=1") == "=1");
  CHECK(strip_formula_guard("'abc") == "'abc");
}
