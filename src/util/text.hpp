#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::util {

// True when the bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// True when the text holds a C0 control character other than tab and newline, or DEL.
bool has_control_chars(std::string_view text);

// Columns the text takes on a terminal: wide (CJK) characters count two, combining marks none.
// Invalid UTF-8 counts one column per byte.
std::size_t display_width(std::string_view text);

// Pads with spaces on the right (or left) up to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Cuts the text to at most `width` display columns, ending with "…" when it was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Quotes a user value for a message: 'value', with control characters and invalid UTF-8
// shown as \xNN escapes so that an error stays one printable line.
std::string quote(std::string_view text);

// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// Lower-cases ASCII letters.
std::string to_lower_ascii(std::string_view text);

// Joins the parts with the separator between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Replaces every line break (and other control character) by a space, and writes bytes that
// are not UTF-8 as \xNN: for one-line cells and error messages.
std::string one_line(std::string_view text);

} // namespace cancelog::util
