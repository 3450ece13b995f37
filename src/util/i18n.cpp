#include "util/i18n.hpp"

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <libintl.h>

namespace cancelog::util {

namespace {
constexpr const char* k_domain = "cancelog";
}

const char* translate(const char* msgid) {
  return dgettext(k_domain, msgid);
}

const char* translate_plural(const char* singular, const char* plural, unsigned long n) {
  return dngettext(k_domain, singular, plural, n);
}

namespace {

// Where the compiled catalogues are: $CANCELOG_LOCALEDIR, else beside the executable
// (<prefix>/bin/../share/locale once installed under any prefix, <build>/locale in a build
// tree), else the folder configured at build time.
std::string locale_dir() {
  if (const char* dir = std::getenv("CANCELOG_LOCALEDIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& candidate :
         {exe.parent_path().parent_path() / "share" / "locale", exe.parent_path() / "locale"}) {
      if (std::filesystem::exists(candidate / "zh_CN" / "LC_MESSAGES" / "cancelog.mo", ec)) {
        return candidate.string();
      }
    }
  }
  return CANCELOG_LOCALEDIR;
}

} // namespace

void init_i18n() {
  std::setlocale(LC_ALL, "");
  // Numbers in output and in parsing stay in the C convention whatever the language.
  std::setlocale(LC_NUMERIC, "C");
  bindtextdomain(k_domain, locale_dir().c_str());
  bind_textdomain_codeset(k_domain, "UTF-8");
}

} // namespace cancelog::util
