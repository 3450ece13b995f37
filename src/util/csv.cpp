#include "util/csv.hpp"

#include "util/i18n.hpp"

#include <unistr.h>

namespace cancelog::util {

namespace {

constexpr int k_csv_eof = -1;

bool csv_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

// The physical line of the first invalid UTF-8 byte of a field that starts on `line`, or 0
// when the field is valid.
std::size_t csv_invalid_utf8_line(std::string_view field, std::size_t line) {
  bool ascii = true;
  for (const char c : field) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) {
    return 0;
  }
  const auto* start = reinterpret_cast<const uint8_t*>(field.data());
  const uint8_t* bad = u8_check(start, field.size());
  if (bad == nullptr) {
    return 0;
  }
  bool previous_cr = false;
  for (const uint8_t* p = start; p < bad; ++p) {
    if (*p == '\r' || (*p == '\n' && !previous_cr)) {
      ++line;
    }
    previous_cr = *p == '\r';
  }
  return line;
}

} // namespace

CsvReader::CsvReader(std::istream& in) : m_in(in) {}

bool CsvReader::fill() {
  if (m_pos < m_end) {
    return true;
  }
  m_in.read(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
  m_pos = 0;
  m_end = static_cast<std::size_t>(m_in.gcount());
  return m_end > 0;
}

int CsvReader::peek() {
  if (!fill()) {
    return k_csv_eof;
  }
  return static_cast<unsigned char>(m_buf[m_pos]);
}

int CsvReader::get() {
  if (m_pos == m_end && !fill()) {
    return k_csv_eof;
  }
  const char c = m_buf[m_pos++];
  ++m_consumed;
  // CRLF is one line break; a lone CR (old Mac files) or LF is one too.
  if (c == '\r' || (c == '\n' && !m_previous_cr)) {
    ++m_line;
  }
  m_previous_cr = c == '\r';
  return static_cast<unsigned char>(c);
}

Result<bool> CsvReader::next(CsvRecord& record) {
  if (!m_error.empty()) {
    return fail(m_error);
  }
  if (!m_started) {
    m_started = true;
    // A UTF-8 byte-order mark, as spreadsheet programs write it.
    if (fill() && m_end - m_pos >= 3 && m_buf[m_pos] == '\xEF' && m_buf[m_pos + 1] == '\xBB' &&
        m_buf[m_pos + 2] == '\xBF') {
      m_pos += 3;
      m_consumed += 3;
    }
  }
  // Blank lines between records carry nothing.
  int c = get();
  while (c == '\n' || c == '\r') {
    c = get();
  }
  if (c == k_csv_eof) {
    return false;
  }
  record.line = m_line;
  m_used = 0;
  m_record_bytes = 0;
  if (!read_fields(record, c)) {
    return fail(m_error);
  }
  record.fields.resize(m_used);
  return true;
}

bool CsvReader::read_fields(CsvRecord& record, int c) {
  for (;;) {
    if (m_used == k_max_fields) {
      return set_error(record.line, trf("the record has more than {} fields; is this a CSV file?",
                                        k_max_fields));
    }
    if (m_used == record.fields.size()) {
      record.fields.emplace_back();
    }
    std::string& field = record.fields[m_used++];
    field.clear();
    const std::size_t field_line = m_line;
    if (c == '"') {
      // A quoted field runs to the quote that is not doubled.
      const std::size_t opened_on = m_line;
      for (;;) {
        c = get();
        if (c == k_csv_eof) {
          return set_error(opened_on, _("a quoted field is not closed: its quote opens here "
                                        "and no closing quote follows"));
        }
        if (c == '"') {
          if (peek() != '"') {
            break;
          }
          c = get();
        }
        if (!append(field, c)) {
          return false;
        }
      }
      c = get();
      if (c != ',' && c != '\n' && c != '\r' && c != k_csv_eof) {
        return set_error(m_line, _("text follows the closing quote of a field; inside a quoted "
                                   "field write a quote as two quotes (\"\")"));
      }
    } else {
      while (c != ',' && c != '\n' && c != '\r' && c != k_csv_eof) {
        if (c == '"') {
          return set_error(m_line, _("a quote inside a field that does not start with a quote; "
                                     "put the whole field in quotes and write the quote as two "
                                     "quotes (\"\")"));
        }
        if (!append(field, c)) {
          return false;
        }
        c = get();
      }
    }
    if (const std::size_t bad = csv_invalid_utf8_line(field, field_line); bad != 0) {
      return set_error(bad, _("the text is not valid UTF-8; save the file as UTF-8 (in a "
                              "spreadsheet: CSV UTF-8)"));
    }
    if (c != ',') {
      break;
    }
    c = get();
  }
  if (c == '\r' && peek() == '\n') {
    get();
  }
  return true;
}

bool CsvReader::append(std::string& field, int c) {
  if (c == 0) {
    return set_error(m_line, _("the file holds a NUL byte: it is a binary file, not CSV text"));
  }
  if (++m_record_bytes > k_max_record_bytes) {
    return set_error(m_line, _("the record is longer than 1 MiB; is this a CSV file?"));
  }
  field.push_back(static_cast<char>(c));
  return true;
}

bool CsvReader::set_error(std::size_t line, const std::string& reason) {
  m_error = trf("line {}: {}", line, reason);
  return false;
}

bool needs_formula_guard(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  return first != std::string_view::npos && csv_formula_start(cell[first]);
}

std::string_view strip_formula_guard(std::string_view cell) {
  if (!cell.empty() && cell.front() == '\'' && needs_formula_guard(cell)) {
    cell.remove_prefix(1);
  }
  return cell;
}

} // namespace cancelog::util
