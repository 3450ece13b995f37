#pragma once

// What `export` writes and `import` reads: the columns of the CSV files and the validation of
// one imported case. Validation reads nothing but its arguments, so that rows can be checked
// on any thread.

#include "core/json.hpp"
#include "core/model.hpp"
#include "core/reminder.hpp"
#include "util/time.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::core {

// The columns of the cases CSV, in the order an export writes them. The names are the field
// names of core/json.hpp, plus last_check_at: the instant of the case's last check.
enum class CaseColumn {
  id,
  uuid,
  number,
  number_raw,
  operator_name,
  operator_inferred,
  card,
  channel,
  requested_on,
  receipt,
  status,
  next_check_on,
  last_check_at,
  note,
  follows,
  created_at,
  updated_at
};

template <> struct EnumNames<CaseColumn> {
  static constexpr std::array<std::pair<CaseColumn, std::string_view>, 17> k_names{{
      {CaseColumn::id, "id"},
      {CaseColumn::uuid, "uuid"},
      {CaseColumn::number, "number"},
      {CaseColumn::number_raw, "number_raw"},
      {CaseColumn::operator_name, "operator"},
      {CaseColumn::operator_inferred, "operator_inferred"},
      {CaseColumn::card, "card"},
      {CaseColumn::channel, "channel"},
      {CaseColumn::requested_on, "requested_on"},
      {CaseColumn::receipt, "receipt"},
      {CaseColumn::status, "status"},
      {CaseColumn::next_check_on, "next_check_on"},
      {CaseColumn::last_check_at, "last_check_at"},
      {CaseColumn::note, "note"},
      {CaseColumn::follows, "follows"},
      {CaseColumn::created_at, "created_at"},
      {CaseColumn::updated_at, "updated_at"},
  }};
};

// The number of columns of the cases CSV.
inline constexpr std::size_t k_case_column_count = EnumNames<CaseColumn>::k_names.size();

// The columns of the checks CSV: the check's fields (core/json.hpp) and, so that the sheet
// reads on its own, the number of its case.
enum class CheckColumn {
  id,
  case_id,
  number,
  checked_at,
  method,
  outcome,
  reference,
  note,
  imported,
  created_at
};

template <> struct EnumNames<CheckColumn> {
  static constexpr std::array<std::pair<CheckColumn, std::string_view>, 10> k_names{{
      {CheckColumn::id, "id"},
      {CheckColumn::case_id, "case"},
      {CheckColumn::number, "number"},
      {CheckColumn::checked_at, "checked_at"},
      {CheckColumn::method, "method"},
      {CheckColumn::outcome, "outcome"},
      {CheckColumn::reference, "reference"},
      {CheckColumn::note, "note"},
      {CheckColumn::imported, "imported"},
      {CheckColumn::created_at, "created_at"},
  }};
};

// True for the columns an import cannot do without: number, operator, channel, requested_on.
bool is_required(CaseColumn column);

// One case of an import file as text, by column; nullopt where the file has no such column
// (an empty cell is an empty string).
struct RawCase {
  std::array<std::optional<std::string_view>, k_case_column_count> cells;

  std::optional<std::string_view>& operator[](CaseColumn column) {
    return cells[static_cast<std::size_t>(column)];
  }
  const std::optional<std::string_view>& operator[](CaseColumn column) const {
    return cells[static_cast<std::size_t>(column)];
  }
};

// Everything validation needs to know, read once before the import starts.
struct ImportRules {
  std::string default_region = "AZ";
  util::Date today{};
  util::Instant now{};
  util::TimeZone zone;
  std::vector<Operator> operators;
  std::vector<PrefixHint> hints;
  ReminderPolicy policy;
};

// A value that did not validate: the column or JSON field it is in, and why.
struct FieldError {
  std::string field;
  std::string reason;
};

// One validated case of an import file.
struct ImportedCase {
  // The case; its id is 0 and its uuid empty when the file gives none.
  Case c;
  // The id and the `follows` of the case in the file, which may be renumbered on import.
  std::optional<std::int64_t> file_id;
  std::optional<std::int64_t> file_follows;
  // The instant of the case's last check, from the last_check_at column.
  std::optional<util::Instant> last_check_at;
  // Which columns the file has (an update replaces only those).
  std::array<bool, k_case_column_count> present{};
  // Checks and ticked checklist items (JSON only); check ids as in the file, or 0.
  std::vector<Check> checks;
  std::vector<Tick> ticks;

  [[nodiscard]] bool has(CaseColumn column) const {
    return present[static_cast<std::size_t>(column)];
  }
};

// Validates one case as `add` validates its options: the number with libphonenumber (read in
// the default region), the operator by name (or, left empty, from the prefix hint), channel,
// card and status by name, the request date not in the future, text lengths and characters.
// Columns the file lacks take what `add` would give them; next_check_on is computed from the
// reminder policy unless the file has that column. Appends one FieldError per bad value and
// returns false when there is any.
bool validate_case(const RawCase& raw, const ImportRules& rules, ImportedCase& out,
                   std::vector<FieldError>& errors);

// Validates one element of the JSON of `export --format json --what all`: the case's fields
// as validate_case does, then its "checks" and "checklist" (items ticked_at null are not
// ticked, so that the form of `show --json` reads too).
bool validate_json_case(const Json& element, const ImportRules& rules, ImportedCase& out,
                        std::vector<FieldError>& errors);

// The outcome a check gave when a case has this status; none for requested and withdrawn,
// which no check sets.
std::optional<Outcome> outcome_of(Status status);

// The check an import adds, marked imported, so that a case's status rests on a check: no case
// is confirmed without one. `asserted` says that a spreadsheet row states the status (a new CSV
// row, or a status changed by --update): any status past requested then gets its check, dated
// last_check_at, else updated_at, else now. Otherwise (JSON carries its own checks) only a
// confirmed or rejected case with no check of that outcome among `outcomes` gets one.
std::optional<Check> imported_check(const ImportedCase& row, bool asserted,
                                    const std::vector<Outcome>& outcomes, const ImportRules& rules);

} // namespace cancelog::core
