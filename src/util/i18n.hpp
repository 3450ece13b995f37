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

// Binds the message catalogue and the user's locale; called once by main().
void init_i18n();

// Formats a translated message: trf("case {} not found", id). xgettext knows `trf` as a
// keyword, so every such message lands in cancelog.pot.
template <class... Args> std::string trf(const char* msgid, Args&&... args) {
  return fmt::format(fmt::runtime(translate(msgid)), std::forward<Args>(args)...);
}

} // namespace cancelog::util

// Marks a message for translation and translates it.
#define _(msgid) ::cancelog::util::translate(msgid)
// Marks a message for translation without translating it (for static tables).
#define N_(msgid) msgid
