// The cancelog executable: builds the command line from the registry, runs the chosen command
// and turns every failure into one line on stderr and an exit code (SPEC.md "Exit codes").
#include "commands/commands.hpp"
#include "commands/context.hpp"
#include "storage/failure.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <iostream>
#include <regex>
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

// The deepest command named on the command line (CLI11 marks each one it entered, even when
// parsing then failed).
const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* current = &app;
  for (;;) {
    const auto entered = current->get_subcommands();
    if (entered.empty()) {
      return current;
    }
    current = entered.front();
  }
}

// "cancelog operator add": the command as typed, for the hint to its --help.
std::string command_path(const CLI::App& cmd) {
  std::string path = cmd.get_name();
  for (const CLI::App* parent = cmd.get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    path = parent->get_name() + " " + path;
  }
  return path;
}

// The command, from `from` up to the top, that has the option (or positional) `name`: a
// global option given after a command is still the top level's.
const CLI::App* owner_of(const CLI::App* from, const std::string& name) {
  for (const CLI::App* cmd = from; cmd != nullptr; cmd = cmd->get_parent()) {
    if (cmd->get_option_no_throw(name) != nullptr) {
      return cmd;
    }
  }
  return from;
}

// A usage error in our words: CLI11's own texts are English only. Keeps the facts (which
// option, which value) and names the command whose --help explains it (`where`).
std::string usage_message(const CLI::Error& e, const CLI::App& app, const CLI::App*& where) {
  const std::string text = e.what();
  where = deepest_command(app);
  std::smatch m;
  const auto matches = [&](const char* pattern) {
    return std::regex_match(text, m, std::regex(pattern));
  };
  // The option of the error, its command, and whether it is a flag (takes no value).
  const auto about = [&](const std::string& name) {
    where = owner_of(where, name);
    const CLI::Option* option = where->get_option_no_throw(name);
    return option != nullptr && option->get_items_expected_max() == 0;
  };

  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (text == "A subcommand is required") {
      // With fallthrough, an unknown word may be left to a command above.
      const auto extra = app.remaining(true);
      if (!extra.empty()) {
        return util::trf("unknown command {}", util::quote(extra.front()));
      }
      std::vector<std::string> names;
      for (const CLI::App* sub : where->get_subcommands([](const CLI::App* s) {
             return !s->get_group().empty(); // not the hidden ones
           })) {
        names.push_back(sub->get_name());
      }
      return util::trf("a command is needed: {}", util::join(names, ", "));
    }
    if (matches("(.+) is required")) {
      about(m[1]);
      return m[1].str().starts_with("-") ? util::trf("option {} is required", m[1].str())
                                         : util::trf("argument {} is required", m[1].str());
    }
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    auto extra = app.remaining(true);
    if (extra.empty()) {
      extra.emplace_back("?");
    }
    if (extra.front().starts_with("-")) {
      return util::trf("unknown option {}", util::quote(extra.front()));
    }
    if (where == &app) {
      return util::trf("unknown command {}", util::quote(extra.front()));
    }
    std::vector<std::string> quoted;
    for (const auto& word : extra) {
      quoted.push_back(util::quote(word));
    }
    return util::trf("too many arguments: {} not expected", util::join(quoted, ", "));
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    if (matches("(\\S+): \\d+ required \\S+ missing")) {
      about(m[1]);
      return util::trf("{} needs a value", m[1].str());
    }
    if (matches("Expected (?:exactly|at least) (\\d+) arguments to (\\S+), got (\\d+)") ||
        matches("(\\S+): At (?:least|Most) (\\d+) required but received (\\d+)")) {
      const bool name_first =
          !m[1].str().empty() && std::isdigit(static_cast<unsigned char>(m[1].str().front())) == 0;
      const std::string name = name_first ? m[1].str() : m[2].str();
      about(name);
      return util::trf("{}: wrong number of values", name);
    }
    if (matches("(\\S+) was given a disallowed flag override")) {
      about(m[1]);
      return util::trf("{} takes no value", m[1].str());
    }
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    if (matches("(\\S+): (?:too many inputs for a flag|Should be true/false or a number)")) {
      about(m[1]);
      return util::trf("{} takes no value", m[1].str());
    }
    std::string name;
    std::string value;
    if (matches("Could not convert: (\\S+) = (.*)")) {
      name = m[1];
      value = m[2];
    } else if (matches("The value (.*) is not an allowed value for (\\S+)")) {
      name = m[2];
      value = m[1];
    }
    if (!name.empty()) {
      if (about(name)) {
        return util::trf("{} takes no value", name);
      }
      const CLI::Option* option = where->get_option_no_throw(name);
      if (option != nullptr && option->get_type_name() == "INT") {
        return util::trf("{}: {} is not a whole number", name, util::quote(value));
      }
      return util::trf("{}: {} is not a valid value", name, util::quote(value));
    }
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    // Our validators word their own (translated) reasons: "--color: unknown value ...".
    if (matches("(\\S+): (.*)")) {
      about(m[1]);
      return util::trf("{}: {}", m[1].str(), m[2].str());
    }
  } else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    if (matches("(\\S+) requires (\\S+)")) {
      about(m[1]);
      return util::trf("{} needs {} too", m[1].str(), m[2].str());
    }
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    if (matches("(\\S+) excludes (\\S+)")) {
      about(m[1]);
      return util::trf("{} cannot be used with {}", m[1].str(), m[2].str());
    }
  } else if (dynamic_cast<const CLI::OptionNotFound*>(&e) != nullptr) {
    if (matches("(\\S+) not found")) {
      return util::trf("unknown option {}", util::quote(m[1].str()));
    }
  }
  // A form this program does not produce: CLI11's words, in a sentence of ours.
  return util::trf("the command line is not understood: {}", text);
}

int report(std::ostream& err, const std::string& message, int code) {
  // One line, whatever the message holds.
  err << _("cancelog: error: ") << util::one_line(message) << '\n';
  return code;
}

int report_usage(std::ostream& err, const CLI::Error& e, const CLI::App& app) {
  const CLI::App* where = &app;
  const std::string message = usage_message(e, app, where);
  return report(err, util::trf("{}; see '{} --help'", message, command_path(*where)), k_exit_usage);
}

// CLI11's labels of the help in the user's language; set before the commands are added, which
// share the formatter.
void translate_help(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", _("Usage"));
  formatter->label("OPTIONS", _("OPTIONS"));
  formatter->label("SUBCOMMAND", _("COMMAND"));
  formatter->label("SUBCOMMANDS", _("COMMANDS"));
  formatter->label("REQUIRED", _("REQUIRED"));
  formatter->label("Positionals", _("Arguments"));
}

// The groups CLI11 files options and commands under ("Options", "Subcommands"), renamed in the
// user's language once every command exists (a command takes the default names when created).
void name_groups(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group() == "Options") {
      option->group(_("Options"));
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") {
      sub->group(_("Commands"));
    }
    name_groups(*sub);
  }
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
  translate_help(app);
  app.set_help_flag("-h,--help", _("print this help and exit"));
  app.set_version_flag("--version", std::string("cancelog ") + CANCELOG_VERSION,
                       _("print the version and exit"));
  app.set_help_all_flag("--help-all", _("print help for every command"));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.global.db,
                 _("the database file (default: $CANCELOG_DB, else "
                   "$XDG_DATA_HOME/cancelog/cancelog.db)"))
      ->option_text("PATH");
  app.add_flag("--json", ctx.global.json, _("print records as JSON"));
  app.add_option("--color", ctx.global.color, _("colour output: auto, always or never"))
      ->transform(CLI::Validator(
          [](std::string& value) -> std::string {
            const std::string word = util::to_lower_ascii(value);
            for (const auto& [name, mode] : {std::pair{"auto", commands::ColorMode::auto_},
                                             {"always", commands::ColorMode::always},
                                             {"never", commands::ColorMode::never}}) {
              if (word == name) {
                value = std::to_string(static_cast<int>(mode));
                return {};
              }
            }
            return util::trf("unknown value {}; use one of: auto, always, never",
                             util::quote(value));
          },
          ""))
      ->option_text("WHEN");
  commands::register_commands(app, ctx,
                              std::span<const char* const>(argv, static_cast<std::size_t>(argc)));
  name_groups(app);
  // After the commands: a subcommand takes its parent's footer when it is created.
  app.footer(_("Examples:\n"
               "  cancelog add 050 123 45 67 --channel store --receipt AZC-778812\n"
               "  cancelog check 1 --outcome confirmed --method phone --ref AZ-1552\n"
               "  cancelog list --status open\n"
               "'cancelog COMMAND --help' explains a command; 'man cancelog' has them all."));

  int code = 0;
  try {
    app.parse(argc, argv);
    code = ctx.exit_code;
  } catch (const CLI::Success& e) {
    code = app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    code = report_usage(std::cerr, e, app);
  } catch (const CLI::OptionNotFound& e) {
    code = report_usage(std::cerr, e, app);
  } catch (const UsageError& e) {
    code = report(std::cerr,
                  util::trf("{}; see '{} --help'", e.what(), command_path(*deepest_command(app))),
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
