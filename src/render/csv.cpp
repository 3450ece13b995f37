#include "render/csv.hpp"

#include "core/exchange.hpp"
#include "core/phone.hpp"
#include "util/csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace cancelog::render {

namespace {

// E.164 as stored, or masked by core::mask_number: "+", then digits and stars.
bool csvw_is_clean_number(std::string_view cell) {
  if (cell.size() < 2 || cell.front() != '+') {
    return false;
  }
  for (const char c : cell.substr(1)) {
    if ((c < '0' || c > '9') && c != '*') {
      return false;
    }
  }
  return true;
}

// Formats small values in place, so that a row costs no allocation.
class CsvwScratch {
public:
  std::string_view integer(std::int64_t value) {
    const auto [end, ec] = std::to_chars(m_buf.data(), m_buf.data() + m_buf.size(), value);
    return {m_buf.data(), static_cast<std::size_t>(end - m_buf.data())};
  }
  std::string_view day(util::Date value) {
    return {m_buf.data(), util::write_date(m_buf.data(), value)};
  }
  std::string_view instant(util::Instant value) {
    return {m_buf.data(), util::write_utc(m_buf.data(), value)};
  }

private:
  std::array<char, 32> m_buf{};
};

std::string_view csvw_bool(bool value) {
  return value ? "true" : "false";
}

} // namespace

CsvWriter::CsvWriter(std::ostream& out, const CsvOptions& options)
    : m_out(out), m_options(options) {
  if (m_options.bom) {
    m_out << "\xEF\xBB\xBF";
  }
  m_row.reserve(512);
}

void CsvWriter::write_cell(std::string_view cell, bool guard) {
  if (!m_first) {
    m_row += ',';
  }
  m_first = false;
  // One pass over the bytes (find_first_of would search the set once per byte).
  const bool quoted = std::any_of(cell.begin(), cell.end(), [](char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
  });
  if (quoted) {
    m_row += '"';
  }
  if (guard) {
    m_row += '\'';
  }
  if (quoted) {
    for (const char c : cell) {
      if (c == '"') {
        m_row += '"';
      }
      m_row += c;
    }
    m_row += '"';
  } else {
    m_row += cell;
  }
}

void CsvWriter::text(std::string_view cell) {
  write_cell(cell, !m_options.raw && util::needs_formula_guard(cell));
}

void CsvWriter::value(std::string_view cell) {
  write_cell(cell, false);
}

void CsvWriter::number(std::string_view cell) {
  if (csvw_is_clean_number(cell)) {
    write_cell(cell, false);
  } else {
    text(cell);
  }
}

void CsvWriter::end_row() {
  m_row += "\r\n";
  m_out.write(m_row.data(), static_cast<std::streamsize>(m_row.size()));
  m_row.clear();
  m_first = true;
}

std::string exported_number(std::string_view e164, bool mask) {
  return mask ? core::mask_number(e164) : std::string(e164);
}

void write_case_header(CsvWriter& csv) {
  for (const auto& [column, name] : core::EnumNames<core::CaseColumn>::k_names) {
    csv.value(name);
  }
  csv.end_row();
}

void write_case_row(CsvWriter& csv, const core::Case& c,
                    std::optional<util::Instant> last_check_at) {
  using core::CaseColumn;
  CsvwScratch scratch;
  const bool mask = csv.options().mask;
  for (const auto& [column, name] : core::EnumNames<CaseColumn>::k_names) {
    switch (column) {
    case CaseColumn::id:
      csv.value(scratch.integer(c.id));
      break;
    case CaseColumn::uuid:
      csv.value(c.uuid);
      break;
    case CaseColumn::number:
      if (mask) {
        csv.number(core::mask_number(c.number));
      } else {
        csv.number(c.number);
      }
      break;
    case CaseColumn::number_raw:
      // What was typed shows the number too: masked, the masked number stands in for it.
      if (mask) {
        csv.number(core::mask_number(c.number));
      } else {
        csv.text(c.number_raw);
      }
      break;
    case CaseColumn::operator_name:
      csv.text(c.operator_name);
      break;
    case CaseColumn::operator_inferred:
      csv.value(csvw_bool(c.operator_inferred));
      break;
    case CaseColumn::card:
      csv.value(core::name_of(c.card));
      break;
    case CaseColumn::channel:
      csv.value(core::name_of(c.channel));
      break;
    case CaseColumn::requested_on:
      csv.value(scratch.day(c.requested_on));
      break;
    case CaseColumn::receipt:
      csv.text(c.receipt);
      break;
    case CaseColumn::status:
      csv.value(core::name_of(c.status));
      break;
    case CaseColumn::next_check_on:
      csv.value(c.next_check_on ? scratch.day(*c.next_check_on) : std::string_view{});
      break;
    case CaseColumn::last_check_at:
      csv.value(last_check_at ? scratch.instant(*last_check_at) : std::string_view{});
      break;
    case CaseColumn::note:
      csv.text(c.note);
      break;
    case CaseColumn::follows:
      csv.value(c.follows ? scratch.integer(*c.follows) : std::string_view{});
      break;
    case CaseColumn::created_at:
      csv.value(scratch.instant(c.created_at));
      break;
    case CaseColumn::updated_at:
      csv.value(scratch.instant(c.updated_at));
      break;
    }
  }
  csv.end_row();
}

void write_check_header(CsvWriter& csv) {
  for (const auto& [column, name] : core::EnumNames<core::CheckColumn>::k_names) {
    csv.value(name);
  }
  csv.end_row();
}

void write_check_row(CsvWriter& csv, const core::Check& check, std::string_view number) {
  using core::CheckColumn;
  CsvwScratch scratch;
  for (const auto& [column, name] : core::EnumNames<CheckColumn>::k_names) {
    switch (column) {
    case CheckColumn::id:
      csv.value(scratch.integer(check.id));
      break;
    case CheckColumn::case_id:
      csv.value(scratch.integer(check.case_id));
      break;
    case CheckColumn::number:
      if (csv.options().mask) {
        csv.number(core::mask_number(number));
      } else {
        csv.number(number);
      }
      break;
    case CheckColumn::checked_at:
      csv.value(scratch.instant(check.checked_at));
      break;
    case CheckColumn::method:
      csv.value(core::name_of(check.method));
      break;
    case CheckColumn::outcome:
      csv.value(core::name_of(check.outcome));
      break;
    case CheckColumn::reference:
      csv.text(check.reference);
      break;
    case CheckColumn::note:
      csv.text(check.note);
      break;
    case CheckColumn::imported:
      csv.value(csvw_bool(check.imported));
      break;
    case CheckColumn::created_at:
      csv.value(scratch.instant(check.created_at));
      break;
    }
  }
  csv.end_row();
}

} // namespace cancelog::render
