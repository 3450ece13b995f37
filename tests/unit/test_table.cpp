#include "render/table.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace cancelog;
using Align = render::Table::Align;

namespace {
std::vector<std::string> table_lines(const render::Table& table, bool color,
                                     std::optional<std::size_t> width) {
  std::ostringstream out;
  table.render(out, color, width);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}
} // namespace

TEST_CASE("columns align by display width with wide and combining characters") {
  render::Table table({{"ID", Align::right}, {"NOTE"}, {"END"}});
  table.add_row({"1", "中文备注", "x"});
  table.add_row({"22", "ascii", "y"});
  table.add_row({"3", "e\xcc\x81t\xc3\xa9", "z"}); // "ét" with a combining accent, then "é"
  const auto lines = table_lines(table, false, std::nullopt);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "ID  NOTE      END");
  CHECK(lines[1] == " 1  中文备注  x");
  CHECK(lines[2] == "22  ascii     y");
  for (const auto& line : lines) {
    const auto end = line.find_last_of(' ');
    CHECK(util::display_width(line.substr(0, end + 1)) == 14);
  }
}

TEST_CASE("line breaks in cells become spaces and trailing spaces are trimmed") {
  render::Table table({{"A"}, {"B"}});
  table.add_row({"two\nlines", ""});
  const auto lines = table_lines(table, false, std::nullopt);
  CHECK(lines[1] == "two lines");
}

TEST_CASE("flexible columns are cut to the terminal width") {
  render::Table table({{"ID"}, {"NOTE", Align::left, true}});
  table.add_row({"1", std::string(100, 'n')});
  const auto lines = table_lines(table, false, 40);
  CHECK(util::display_width(lines[1]) == 40);
  CHECK(lines[1].substr(lines[1].size() - 3) == "…");
}

TEST_CASE("colour wraps the text only when asked") {
  render::Table table({{"S"}, {"T"}});
  table.add_row({render::Cell("confirmed", "32"), "x"});
  CHECK(table_lines(table, false, std::nullopt)[1] == "confirmed  x");
  CHECK(table_lines(table, true, std::nullopt)[1] == "\x1b[32mconfirmed\x1b[0m  x");
  CHECK(render::styled("a", "1", false) == "a");
}
