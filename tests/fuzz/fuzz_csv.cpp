// Fuzzes the CSV reader (util/csv): no crash; every record it accepts holds valid UTF-8
// without NUL, within its limits, on increasing lines; written back with every field quoted,
// the records read again the same; the formula guard of an export is undone by import.
#include "util/csv.hpp"
#include "util/text.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace cancelog::util;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, std::string& error) {
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  std::size_t last_line = 0;
  for (;;) {
    const auto more = reader.next(record);
    if (!more) {
      error = more.error();
      if (error.rfind("line ", 0) != 0 || reader.next(record)) {
        std::abort(); // errors name their line, and the reader stays failed
      }
      return rows;
    }
    if (!*more) {
      return rows;
    }
    if (record.line <= last_line || record.fields.empty() ||
        record.fields.size() > CsvReader::k_max_fields || reader.bytes_read() > text.size()) {
      std::abort();
    }
    last_line = record.line;
    std::size_t bytes = 0;
    for (const auto& field : record.fields) {
      if (field.find('\0') != std::string::npos || !is_valid_utf8(field)) {
        std::abort();
      }
      bytes += field.size();
    }
    if (bytes > CsvReader::k_max_record_bytes) {
      std::abort();
    }
    rows.push_back(record.fields);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto rows = read_all(text, error);

  if (error.empty()) {
    std::string again;
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        again += i == 0 ? "\"" : ",\"";
        for (const char c : row[i]) {
          again += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        again += '"';
      }
      again += "\r\n";
    }
    std::string error_again;
    if (read_all(again, error_again) != rows || !error_again.empty()) {
      std::abort();
    }
  }

  // What an export guards, import gives back unchanged.
  const std::string_view cell(text);
  const std::string guarded = needs_formula_guard(cell) ? "'" + text : text;
  if (strip_formula_guard(guarded) != cell) {
    std::abort();
  }
  return 0;
}
