#include "render/table.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace cancelog::render {

namespace {
constexpr std::size_t k_gap = 2;
constexpr std::size_t k_min_flexible = 10;
} // namespace

std::string styled(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty() || text.empty()) {
    return std::string(text);
  }
  std::string out = "\x1b[";
  out += style;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

Table::Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

void Table::add_row(std::vector<Cell> cells) {
  cells.resize(m_columns.size(), Cell(""));
  for (auto& cell : cells) {
    // In place: a list of ten thousand rows has a hundred thousand cells.
    for (char& c : cell.text) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        c = ' ';
      }
    }
    cell.width = util::display_width(cell.text);
  }
  m_rows.push_back(std::move(cells));
}

void Table::render(std::ostream& out, bool color, std::optional<std::size_t> width) const {
  const std::size_t n = m_columns.size();
  std::vector<std::size_t> widths(n, 0);
  std::vector<Cell> headers;
  for (std::size_t i = 0; i < n; ++i) {
    headers.emplace_back(m_columns[i].header, "1");
    headers.back().width = util::display_width(m_columns[i].header);
    widths[i] = headers.back().width;
  }
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < n; ++i) {
      widths[i] = std::max(widths[i], row[i].width);
    }
  }
  if (width) {
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      total += widths[i] + (i > 0 ? k_gap : 0);
    }
    for (std::size_t i = n; i-- > 0 && total > *width;) {
      if (m_columns[i].flexible && widths[i] > k_min_flexible) {
        const std::size_t cut = std::min(widths[i] - k_min_flexible, total - *width);
        widths[i] -= cut;
        total -= cut;
      }
    }
  }
  std::string line;
  std::string cut;
  const auto write_row = [&](const std::vector<Cell>& cells) {
    line.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) {
        line.append(k_gap, ' ');
      }
      std::string_view text = cells[i].text;
      std::size_t shown = cells[i].width;
      if (shown > widths[i]) {
        cut = util::truncate_to_width(text, widths[i]);
        text = cut;
        shown = util::display_width(cut);
      }
      const std::size_t pad = widths[i] - std::min(shown, widths[i]);
      const bool right = m_columns[i].align == Align::right;
      // Style the text only, not the padding, so that underlines stay tidy.
      const bool styled_text = color && !cells[i].style.empty() && !text.empty();
      if (right) {
        line.append(pad, ' ');
      }
      if (styled_text) {
        line.append("\x1b[").append(cells[i].style).append(1, 'm');
      }
      line.append(text);
      if (styled_text) {
        line.append("\x1b[0m");
      }
      if (!right && i + 1 < n) {
        line.append(pad, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  write_row(headers);
  for (const auto& row : m_rows) {
    write_row(row);
  }
}

} // namespace cancelog::render
