#include "util/i18n.hpp"

#include <charconv>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <libintl.h>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cancelog::util {

namespace {

constexpr const char* k_domain = "cancelog";

struct MsgidHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

} // namespace

const char* translate(const char* msgid) {
  // dgettext searches the catalogue on every call (about 2,000 instructions): `due` and
  // `list` translated each row's format again, thousands of times. The language is chosen
  // once (init_i18n) before anything is translated, so each message's answer is kept, per
  // thread, by its text (a message may come from a temporary string). A translation points
  // into the loaded catalogue, which stays; a message without one is returned as given.
  thread_local std::unordered_map<std::string, const char*, MsgidHash, std::equal_to<>> known;
  if (const auto it = known.find(std::string_view(msgid)); it != known.end()) {
    return it->second != nullptr ? it->second : msgid;
  }
  const char* translated = dgettext(k_domain, msgid);
  known.emplace(msgid, translated == msgid ? nullptr : translated);
  return translated;
}

const char* translate_plural(const char* singular, const char* plural, unsigned long n) {
  return dngettext(k_domain, singular, plural, n);
}

RowFormat::RowFormat(const char* format) : m_format(format) {
  std::string_view rest = m_format;
  for (;;) {
    const auto brace = rest.find_first_of("{}");
    if (brace == std::string_view::npos) {
      m_pieces.push_back(rest);
      return;
    }
    if (rest[brace] == '}' || rest.substr(brace, 2) != "{}") {
      m_pieces.clear(); // not plain: fmt reads it on each call
      return;
    }
    m_pieces.push_back(rest.substr(0, brace));
    rest.remove_prefix(brace + 2);
  }
}

void RowFormat::append_value(std::string& out, long long value) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void RowFormat::append_value(std::string& out, unsigned long long value) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
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
