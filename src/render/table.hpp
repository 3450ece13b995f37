#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::render {

// One cell: its text and, optionally, an ANSI SGR style ("31" red, "1" bold) used only
// when colour is on.
struct Cell {
  Cell(std::string text_, std::string_view style_ = {}) // NOLINT(google-explicit-constructor)
      : text(std::move(text_)), style(style_) {}
  Cell(const char* text_) : text(text_) {} // NOLINT(google-explicit-constructor)
  std::string text;
  std::string_view style;
  // The display width of the text, worked out when the cell joins a table.
  std::size_t width = 0;
};

// A plain-text table aligned by display width (wide characters take two columns, combining
// marks none), columns separated by two spaces, a header row on top.
class Table {
public:
  enum class Align { left, right };
  struct Column {
    std::string header;
    Align align = Align::left;
    bool flexible = false; // cut to fit the terminal's width when the table is too wide
  };

  explicit Table(std::vector<Column> columns);

  // Adds a row; line breaks in cells become spaces.
  void add_row(std::vector<Cell> cells);
  [[nodiscard]] bool empty() const { return m_rows.empty(); }

  // Writes the table; with `width`, flexible columns are cut so that lines fit.
  void render(std::ostream& out, bool color, std::optional<std::size_t> width) const;

private:
  std::vector<Column> m_columns;
  std::vector<std::vector<Cell>> m_rows;
};

// Wraps text in an ANSI style when colour is on.
std::string styled(std::string_view text, std::string_view style, bool color);

} // namespace cancelog::render
