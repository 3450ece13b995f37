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
    cell.text = util::one_line(cell.text);
  }
  m_rows.push_back(std::move(cells));
}

void Table::render(std::ostream& out, bool color, std::optional<std::size_t> width) const {
  const std::size_t n = m_columns.size();
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    widths[i] = util::display_width(m_columns[i].header);
  }
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < n; ++i) {
      widths[i] = std::max(widths[i], util::display_width(row[i].text));
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
  const auto write_row = [&](const std::vector<std::string>& texts,
                             const std::vector<std::string_view>& styles) {
    std::string line;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) {
        line.append(k_gap, ' ');
      }
      std::string text = util::truncate_to_width(texts[i], widths[i]);
      const bool last = i + 1 == n;
      std::string padded;
      if (m_columns[i].align == Align::right) {
        padded = util::pad_left(text, widths[i]);
      } else {
        padded = last ? text : util::pad_right(text, widths[i]);
      }
      // Style the text only, not the padding, so that underlines stay tidy.
      const std::size_t pad = padded.size() - text.size();
      if (m_columns[i].align == Align::right) {
        line.append(pad, ' ');
        line += styled(text, styles[i], color);
      } else {
        line += styled(text, styles[i], color);
        line.append(pad, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out << line << '\n';
  };
  std::vector<std::string> headers;
  std::vector<std::string_view> header_styles(n, "1");
  for (const auto& column : m_columns) {
    headers.push_back(column.header);
  }
  write_row(headers, header_styles);
  std::vector<std::string> texts(n);
  std::vector<std::string_view> styles(n);
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < n; ++i) {
      texts[i] = row[i].text;
      styles[i] = row[i].style;
    }
    write_row(texts, styles);
  }
}

} // namespace cancelog::render
