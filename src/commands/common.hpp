#pragma once

// Helpers shared by the commands: reading arguments into domain values with the same
// messages everywhere.

#include "commands/context.hpp"
#include "core/model.hpp"
#include "core/validate.hpp"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cancelog::commands {

// The longest free text accepted (notes); longer text belongs in a receipt file.
inline constexpr std::size_t k_max_note_bytes = core::k_max_note_bytes;
// The longest short text accepted (receipt references, check references, names).
inline constexpr std::size_t k_max_ref_bytes = core::k_max_ref_bytes;

// Reads a case id ("12" or "#12"); throws InputError.
std::int64_t parse_case_id(std::string_view text);

// The case with this id; throws InputError naming the id when there is none.
core::Case load_case(Context& ctx, std::int64_t id);

// Reads a date argument (YYYY-MM-DD, today, +3d, ...) relative to today; `what` names the
// option in the message ("--on").
util::Date parse_date_arg(Context& ctx, std::string_view text, std::string_view what);

// Checks a free-text value: valid UTF-8, no control characters but tab and line breaks,
// at most `max_bytes`; `what` names the option. Returns the text.
std::string checked_text(std::string_view text, std::string_view what, std::size_t max_bytes);

// Same, for one-line values: line breaks refused too.
std::string checked_line(std::string_view text, std::string_view what, std::size_t max_bytes);

// Reads an enumeration value; an unknown one is refused (UsageError) with the valid ones.
template <class E> E parse_choice(std::string_view text, std::string_view what);

// The operator with this name (any case); an unknown one is refused with the known names.
core::Operator find_operator_or_fail(Context& ctx, std::string_view name);

// The E.164 form of a number typed by the user, read in the default region.
std::string normalize_number_or_fail(Context& ctx, std::string_view raw);

// The recorded fields of a case as typed on the command line (`add`, `edit`); a field left
// empty (nullopt) is not changed.
struct CaseFieldInput {
  std::optional<std::string> number;
  std::optional<std::string> operator_name;
  std::optional<std::string> card;
  std::optional<std::string> channel;
  std::optional<std::string> on;
  std::optional<std::string> receipt;
  std::optional<std::string> note;

  // True when no field is given.
  [[nodiscard]] bool empty() const {
    return !number && !operator_name && !card && !channel && !on && !receipt && !note;
  }
};

// Validates the given fields and writes them into `c`, with the same messages for `add` and
// `edit`: the number (kept as typed in number_raw, stored as E.164), an operator given by
// name (then not inferred), a request date that is not in the future. Throws InputError.
void apply_case_fields(Context& ctx, const CaseFieldInput& input, core::Case& c);

// The names (as in --json) of the recorded fields that differ between two versions of a case.
std::vector<std::string> changed_fields(const core::Case& before, const core::Case& after);

// Reads the checklist items named for a case (duplicates dropped): an unknown name is
// refused with the items of this line, and final-bill-settled on a prepaid line.
std::vector<core::ChecklistItem> parse_checklist_items(const std::vector<std::string>& names,
                                                       const core::Case& c);

// Adds the options that select cases, shared by `list` and `export`.
struct FilterOptions {
  std::vector<std::string> statuses;
  std::string operator_name;
  std::string channel;
  std::string number;
  std::string since;
  std::string until;
  bool due = false;
  std::string search;
  std::int64_t limit = 0;
};
void add_filter_options(CLI::App& cmd, FilterOptions& options);
// Turns the filter options into a filter; throws InputError for bad values.
core::CaseFilter make_filter(Context& ctx, const FilterOptions& options);

// Refuses (InputError) an output path that is the database or one of its companion files
// (-wal, -shm, -journal), by name or by identity (a symbolic or hard link): a file written
// there would replace the records it was made from. `what` names the option ("-o").
void refuse_database_as_output(Context& ctx, const std::filesystem::path& target,
                               std::string_view what);

// Writes a status word, coloured when colour is on.
std::string_view status_style(core::Status status);

} // namespace cancelog::commands
