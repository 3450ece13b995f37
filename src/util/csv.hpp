#pragma once

#include "util/result.hpp"

#include <array>
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::util {

// One record of a CSV file: its fields, and the physical line (1-based) it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

// Reads CSV (RFC 4180) one record at a time from a stream of bytes: fields separated by
// commas, records ended by CRLF, LF or CR; quoted fields may hold commas, line breaks and
// doubled quotes; a leading UTF-8 byte-order mark and blank lines are skipped. The text must
// be UTF-8 without NUL bytes. The result depends on the bytes alone (no locale, no state
// outside the reader). A syntax error ends the reading: nothing after it can be trusted.
class CsvReader {
public:
  explicit CsvReader(std::istream& in);

  // Reads the next record into `record`, reusing its storage. Returns false at the end of the
  // input; fails with "line N: reason" for a syntax error (and keeps failing after one).
  Result<bool> next(CsvRecord& record);

  // Bytes consumed so far, for a progress display.
  [[nodiscard]] std::size_t bytes_read() const { return m_consumed; }

  // The longest record accepted and the most fields in one record: a file beyond these is not
  // a spreadsheet, and refusing it keeps memory bounded.
  static constexpr std::size_t k_max_record_bytes = std::size_t{1} << 20;
  static constexpr std::size_t k_max_fields = 1000;

private:
  int get();
  int peek();
  bool fill();
  bool read_fields(CsvRecord& record, int first);
  bool append(std::string& field, int c);
  bool set_error(std::size_t line, const std::string& reason);

  std::istream& m_in;
  std::array<char, 1 << 16> m_buf{};
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::size_t m_consumed = 0;
  std::size_t m_line = 1;
  bool m_previous_cr = false;
  bool m_started = false;
  std::size_t m_used = 0;
  std::size_t m_record_bytes = 0;
  std::string m_error;
};

// True when a spreadsheet would run the cell as a formula: its first character after any
// leading apostrophes is = + - @ tab, CR or LF. Such a cell is exported with one more leading
// apostrophe, which import removes again, so that any text survives the round trip.
bool needs_formula_guard(std::string_view cell);

// The cell without the apostrophe an export added to guard it (unchanged when it has none).
std::string_view strip_formula_guard(std::string_view cell);

} // namespace cancelog::util
