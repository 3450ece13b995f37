#pragma once

#include "core/model.hpp"
#include "core/settings.hpp"
#include "render/progress.hpp"
#include "util/clock.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace cancelog::storage {
class Store;
}

namespace cancelog::commands {

// The process environment, captured once so that commands never call getenv().
class Environment {
public:
  Environment() = default;
  explicit Environment(std::map<std::string, std::string> vars) : m_vars(std::move(vars)) {}
  // Reads `environ`-style "KEY=VALUE" strings.
  static Environment from_envp(char** envp);

  // The value of a variable that is set and not empty.
  [[nodiscard]] std::optional<std::string> get(const std::string& name) const;

private:
  std::map<std::string, std::string> m_vars;
};

// When to colour output.
enum class ColorMode { auto_, always, never };

// Options that every command takes.
struct GlobalOptions {
  std::string db;
  bool json = false;
  ColorMode color = ColorMode::auto_;
};

// What a command runs with: the streams it writes to, the clock, the environment, the
// global options and the database (opened on first use).
class Context {
public:
  Context(std::ostream& out, std::ostream& err, Environment env, bool out_is_terminal,
          std::optional<std::size_t> terminal_width);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  std::ostream& out;
  std::ostream& err;
  Environment env;
  util::Clock clock;
  GlobalOptions global;
  // The process exit code when the command does not fail (3 for `due --exit-code`).
  int exit_code = 0;
  // True when standard error is a terminal (progress lines go there only then).
  bool err_is_terminal = false;

  // The database, opened (and created, upgraded) on first use.
  storage::Store& store();
  // The settings in force, read once.
  const core::Settings& settings();
  // Where the database is: --db, $CANCELOG_DB, else the XDG data folder.
  [[nodiscard]] std::filesystem::path db_path() const;

  // True when output should be coloured (a terminal, NO_COLOR unset, or --color=always).
  [[nodiscard]] bool color() const;
  // The terminal's width when standard output is a terminal.
  [[nodiscard]] std::optional<std::size_t> width() const { return m_width; }
  // True when standard output is a terminal.
  [[nodiscard]] bool out_is_terminal() const { return m_out_is_terminal; }

  // A progress line on standard error, drawn when that is a terminal and `allowed`, once
  // the run has lasted CANCELOG_PROGRESS_DELAY seconds (default render::Progress::k_delay).
  [[nodiscard]] render::Progress progress(bool allowed = true);

  // Writes "cancelog: warning: MESSAGE" to the error stream.
  void warn(const std::string& message);

private:
  bool m_out_is_terminal;
  std::optional<std::size_t> m_width;
  std::unique_ptr<storage::Store> m_store;
  std::optional<core::Settings> m_settings;
};

} // namespace cancelog::commands
