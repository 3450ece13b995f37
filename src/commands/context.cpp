#include "commands/context.hpp"

#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cancelog::commands {

namespace fs = std::filesystem;

Environment Environment::from_envp(char** envp) {
  std::map<std::string, std::string> vars;
  for (char** p = envp; p != nullptr && *p != nullptr; ++p) {
    const std::string entry(*p);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) {
      vars.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
  }
  return Environment(std::move(vars));
}

std::optional<std::string> Environment::get(const std::string& name) const {
  const auto it = m_vars.find(name);
  if (it == m_vars.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second;
}

Context::Context(std::ostream& out_, std::ostream& err_, Environment env_, bool out_is_terminal,
                 std::optional<std::size_t> terminal_width)
    : out(out_), err(err_), env(std::move(env_)), clock(env.get("CANCELOG_NOW"), env.get("TZ")),
      m_out_is_terminal(out_is_terminal), m_width(terminal_width) {}

Context::~Context() = default;

fs::path Context::db_path() const {
  if (!global.db.empty()) {
    return global.db;
  }
  if (auto db = env.get("CANCELOG_DB")) {
    return *db;
  }
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (auto data = env.get("XDG_DATA_HOME"); data && fs::path(*data).is_absolute()) {
    return fs::path(*data) / "cancelog" / "cancelog.db";
  }
  if (auto home = env.get("HOME")) {
    return fs::path(*home) / ".local" / "share" / "cancelog" / "cancelog.db";
  }
  throw InputError(_("cannot find the database: HOME is not set; give --db PATH or set "
                     "CANCELOG_DB"));
}

storage::Store& Context::store() {
  if (!m_store) {
    storage::OpenOptions options;
    options.own_folder = global.db.empty() && !env.get("CANCELOG_DB");
    m_store = std::make_unique<storage::Store>(db_path(), options, err);
  }
  return *m_store;
}

const core::Settings& Context::settings() {
  if (!m_settings) {
    m_settings = store().settings();
  }
  return *m_settings;
}

bool Context::color() const {
  switch (global.color) {
  case ColorMode::always:
    return true;
  case ColorMode::never:
    return false;
  case ColorMode::auto_:
    return m_out_is_terminal && !env.get("NO_COLOR");
  }
  return false;
}

render::Progress Context::progress(bool allowed) {
  auto delay =
      std::chrono::duration_cast<render::Progress::Clock::duration>(render::Progress::k_delay);
  if (const auto text = env.get("CANCELOG_PROGRESS_DELAY")) {
    // Seconds, as git's GIT_PROGRESS_DELAY; a fraction is allowed ("0.5"). Anything else
    // only costs the user the default: the line is a courtesy, not a reason to fail.
    double seconds = -1;
    const auto* end = text->data() + text->size();
    const auto [stop, ec] = std::from_chars(text->data(), end, seconds);
    if (ec != std::errc() || stop != end || !std::isfinite(seconds) || seconds < 0) {
      warn(util::trf("CANCELOG_PROGRESS_DELAY={} is not a number of seconds; the progress "
                     "line waits the default {} s",
                     *text, std::chrono::duration<double>(render::Progress::k_delay).count()));
    } else {
      // A day is as good as never, and keeps the conversion far from overflow.
      delay = std::chrono::duration_cast<render::Progress::Clock::duration>(
          std::chrono::duration<double>(std::min(seconds, 86400.0)));
    }
  }
  return {err, allowed && err_is_terminal, delay};
}

void Context::warn(const std::string& message) {
  err << _("cancelog: warning: ") << message << '\n';
}

} // namespace cancelog::commands
