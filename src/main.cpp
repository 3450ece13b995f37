// The cancelog executable: builds the command line from the registry, runs the chosen command
// and turns every failure into one line on stderr and an exit code (SPEC.md "Exit codes").
#include "commands/commands.hpp"
#include "commands/context.hpp"
#include "storage/failure.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace cancelog;

constexpr int k_exit_failure = 1;
constexpr int k_exit_usage = 2;

std::optional<std::size_t> terminal_width(bool is_terminal) {
  if (!is_terminal) {
    return std::nullopt;
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

// "cancelog operator add" for the subcommands named on the command line.
std::string command_path(CLI::App& app, int argc, char** argv) {
  std::string path = "cancelog";
  CLI::App* current = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto found =
        current->get_subcommands([&](CLI::App* sub) { return sub->get_name() == arg; });
    if (!found.empty()) {
      current = found.front();
      path += " " + arg;
    }
  }
  return path;
}

int report(std::ostream& err, const std::string& message, int code) {
  // One line, whatever the message holds.
  err << _("cancelog: error: ") << util::one_line(message) << '\n';
  return code;
}

} // namespace

int main(int argc, char** argv, char** envp) {
  // Every file cancelog creates holds personal data: private whatever the caller's umask.
  ::umask(077);
  util::init_i18n();
  std::ios::sync_with_stdio(false);

  const bool is_terminal = ::isatty(STDOUT_FILENO) == 1;
  commands::Context ctx(std::cout, std::cerr, commands::Environment::from_envp(envp), is_terminal,
                        terminal_width(is_terminal));
  ctx.err_is_terminal = ::isatty(STDERR_FILENO) == 1;

  CLI::App app{_("cancelog: keep a record of phone-line cancellations and check that they "
                 "happened"),
               "cancelog"};
  app.set_version_flag("--version", std::string("cancelog ") + CANCELOG_VERSION,
                       _("print the version and exit"));
  app.set_help_all_flag("--help-all", _("print help for every command"));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.global.db,
                 _("the database file (default: $CANCELOG_DB, else "
                   "$XDG_DATA_HOME/cancelog/cancelog.db)"));
  app.add_flag("--json", ctx.global.json, _("print records as JSON"));
  app.add_option("--color", ctx.global.color, _("colour output: auto, always or never"))
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, commands::ColorMode>{{"auto", commands::ColorMode::auto_},
                                                     {"always", commands::ColorMode::always},
                                                     {"never", commands::ColorMode::never}},
          CLI::ignore_case));
  commands::register_commands(app, ctx,
                              std::span<const char* const>(argv, static_cast<std::size_t>(argc)));

  int code = 0;
  try {
    app.parse(argc, argv);
    code = ctx.exit_code;
  } catch (const CLI::Success& e) {
    code = app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    code =
        report(std::cerr, util::trf("{}; see '{} --help'", e.what(), command_path(app, argc, argv)),
               k_exit_usage);
  } catch (const UsageError& e) {
    code =
        report(std::cerr, util::trf("{}; see '{} --help'", e.what(), command_path(app, argc, argv)),
               k_exit_usage);
  } catch (const InputError& e) {
    code = report(std::cerr, e.what(), k_exit_usage);
  } catch (const Error& e) {
    code = report(std::cerr, e.what(), k_exit_failure);
  } catch (const std::exception& e) {
    const auto described = storage::describe_failure(e);
    code = report(std::cerr, described.value_or(e.what()), k_exit_failure);
  }
  std::cout.flush();
  if (!std::cout) {
    return report(std::cerr, _("cannot write the output (is the disk full?)"), k_exit_failure);
  }
  return code;
}
