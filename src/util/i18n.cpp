#include "util/i18n.hpp"

#include <clocale>
#include <libintl.h>

namespace cancelog::util {

namespace {
constexpr const char* k_domain = "cancelog";
}

const char* translate(const char* msgid) {
  return dgettext(k_domain, msgid);
}

void init_i18n() {
  std::setlocale(LC_ALL, "");
  // Numbers in output and in parsing stay in the C convention whatever the language.
  std::setlocale(LC_NUMERIC, "C");
  const char* dir = std::getenv("CANCELOG_LOCALEDIR");
  bindtextdomain(k_domain, dir != nullptr ? dir : CANCELOG_LOCALEDIR);
  bind_textdomain_codeset(k_domain, "UTF-8");
}

} // namespace cancelog::util
