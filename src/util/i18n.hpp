#pragma once

// date.h names local variables `_`: it must be read before the macro below exists, or a
// unity batch that includes it later (after another file defined the macro) fails to build.
#include <date/date.h>
#include <fmt/format.h>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cancelog::util {

// Looks up the translation of a message in the "cancelog" catalogue (gettext).
const char* translate(const char* msgid);

// The translation of a message that depends on a count: `singular` or `plural` in English,
// whatever the language's Plural-Forms say for `n` in others (gettext's ngettext).
const char* translate_plural(const char* singular, const char* plural, unsigned long n);

// Binds the message catalogue and the user's locale; called once by main().
void init_i18n();

// Formats a translated message: trf("case {} not found", id). xgettext knows `trf` as a
// keyword, so every such message lands in cancelog.pot.
template <class... Args> std::string trf(const char* msgid, Args&&... args) {
  return fmt::format(fmt::runtime(translate(msgid)), std::forward<Args>(args)...);
}

// Formats a translated message that depends on the count `n` (which is usually among the
// arguments too): trnf("{} case", "{} cases", n, n). xgettext knows `trnf` as the keyword of
// a singular and a plural.
template <class... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
  return fmt::format(fmt::runtime(translate_plural(singular, plural, n)),
                     std::forward<Args>(args)...);
}

// A translated format, prepared once and written many times: a long list formats each row
// with it, and trf() would read the format again on every row. A format made of text and
// plain {} placeholders (the rows of `due`) is split once into the text between them; any
// other ({0}, {:>4}, {{, or a count of placeholders that differs from the arguments') is
// left to fmt on every call. Arguments: text or integers.
//   const util::RowFormat row(_("#{} {} ({}): {}"));
//   row.append(line, id, number, operator_name, items);
class RowFormat {
public:
  explicit RowFormat(const char* format);

  template <class... Args> void append(std::string& out, const Args&... args) const {
    if (m_pieces.size() != sizeof...(Args) + 1) {
      fmt::format_to(std::back_inserter(out), fmt::runtime(m_format), args...);
      return;
    }
    std::size_t i = 0;
    ((out.append(m_pieces[i++]), append_value(out, args)), ...);
    out.append(m_pieces.back());
  }

private:
  static void append_value(std::string& out, std::string_view text) { out.append(text); }
  static void append_value(std::string& out, long long value);
  static void append_value(std::string& out, unsigned long long value);
  template <class Int>
  requires std::is_integral_v<Int>
  static void append_value(std::string& out, Int value) {
    if constexpr (std::is_signed_v<Int>) {
      append_value(out, static_cast<long long>(value));
    } else {
      append_value(out, static_cast<unsigned long long>(value));
    }
  }

  std::string_view m_format;
  std::vector<std::string_view> m_pieces; // empty when the format is not plain
};

} // namespace cancelog::util

// Marks a message for translation and translates it.
#define _(msgid) ::cancelog::util::translate(msgid)
// Marks a message for translation without translating it (for static tables).
#define N_(msgid) msgid
