#pragma once

#include "core/model.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace cancelog::render {

// How a CSV export is written (SPEC.md "Exports").
struct CsvOptions {
  // Leave cells a spreadsheet would run as a formula as they are (no guarding apostrophe).
  bool raw = false;
  // Begin with a UTF-8 byte-order mark, for spreadsheet programs that need one.
  bool bom = false;
  // Hide the middle digits of phone numbers.
  bool mask = false;
};

// Writes CSV (RFC 4180) one row at a time: cells quoted only when they hold a comma, a quote
// or a line break; rows ended by CRLF. Each row is built in one buffer and written at once.
class CsvWriter {
public:
  CsvWriter(std::ostream& out, const CsvOptions& options);

  // A cell of free text: guarded with a leading apostrophe when a spreadsheet would take it
  // for a formula (unless the options say raw).
  void text(std::string_view cell);
  // A cell the program made (ids, dates, names of values): never guarded.
  void value(std::string_view cell);
  // A phone number: written as it is when it is E.164 (or masked E.164), else as text.
  void number(std::string_view cell);
  // Ends the row.
  void end_row();

  [[nodiscard]] const CsvOptions& options() const { return m_options; }

private:
  void write_cell(std::string_view cell, bool guard);

  std::ostream& m_out;
  CsvOptions m_options;
  std::string m_row;
  bool m_first = true;
};

// The cases CSV: the header row, then one row per case. `last_check_at` is the instant of
// the case's last check.
void write_case_header(CsvWriter& csv);
void write_case_row(CsvWriter& csv, const core::Case& c,
                    std::optional<util::Instant> last_check_at);

// The checks CSV: the header row, then one row per check with the number of its case.
void write_check_header(CsvWriter& csv);
void write_check_row(CsvWriter& csv, const core::Check& check, std::string_view number);

// The number as an export shows it: as stored, or masked.
std::string exported_number(std::string_view e164, bool mask);

} // namespace cancelog::render
