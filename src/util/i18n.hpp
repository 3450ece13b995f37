#pragma once

// date.h names local variables `_`: it must be read before the macro below exists, or a
// unity batch that includes it later (after another file defined the macro) fails to build.
#include <date/date.h>
#include <fmt/format.h>
#include <string>
#include <utility>

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

} // namespace cancelog::util

// Marks a message for translation and translates it.
#define _(msgid) ::cancelog::util::translate(msgid)
// Marks a message for translation without translating it (for static tables).
#define N_(msgid) msgid
