#pragma once

// The rules every recorded value follows, whether it comes from the command line (`add`,
// `edit`) or from a file (`import`). Pure functions: the error is a sentence without the
// name of the option or column, which the caller puts in front.

#include "core/model.hpp"
#include "util/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::core {

// The longest free text accepted (notes); longer text belongs in a receipt file.
inline constexpr std::size_t k_max_note_bytes = 16 * 1024;
// The longest short text accepted (receipt references, check references, names).
inline constexpr std::size_t k_max_ref_bytes = 500;

// Checks free text: valid UTF-8, no control characters but tab and line breaks, at most
// `max_bytes`. Returns the text.
util::Result<std::string_view> check_text(std::string_view text, std::size_t max_bytes);

// Same, for one-line values: line breaks refused too; returns the text trimmed.
util::Result<std::string_view> check_line(std::string_view text, std::size_t max_bytes);

// Reads an enumeration value (any case, spaces around ignored); an unknown one is refused
// with the list of valid ones.
template <class E> util::Result<E> parse_choice(std::string_view text);

// Checks the date of a request: it cannot be in the future.
util::Result<util::Date> check_request_date(util::Date day, util::Date today);

// The operator of the directory with this name (ASCII letters in any case, as the database
// matches names), or nullptr.
const Operator* find_operator_in(const std::vector<Operator>& operators, std::string_view name);

// Why an operator name is refused, with the names that are known.
std::string unknown_operator_reason(std::string_view name, const std::vector<Operator>& known);

} // namespace cancelog::core
