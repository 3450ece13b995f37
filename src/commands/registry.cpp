#include "commands/commands.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace cancelog::commands {

namespace {

struct CommandEntry {
  std::string_view name;
  void (*add)(CLI::App&, Context&);
};

// Every command, in the order --help lists them.
constexpr std::array<CommandEntry, 23> k_commands{{
    {"add", register_add},
    {"list", register_list},
    {"show", register_show},
    {"check", register_check},
    {"due", register_due},
    {"snooze", register_snooze},
    {"withdraw", register_withdraw},
    {"reopen", register_reopen},
    {"edit", register_edit},
    {"tick", register_tick},
    {"untick", register_untick},
    {"log", register_log},
    {"undo", register_undo},
    {"operator", register_operator},
    {"config", register_config},
    {"stats", register_stats},
    {"receipt", register_receipt},
    {"dossier", register_dossier},
    {"backup", register_backup},
    {"doctor", register_doctor},
    {"export", register_export},
    {"import", register_import},
    {"__complete", register_complete},
}};

// Which commands the command line needs: the one it names, none for --version before any
// command, all when it names none (the overall --help, or a mistake that CLI11 explains).
struct Needed {
  bool all = true;
  std::optional<std::string_view> name;
};

Needed needed_commands(std::span<const char* const> args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--version") {
      return {false, std::nullopt};
    }
    if (arg == "--help-all" || arg == "__complete") {
      return {}; // completion walks the whole tree
    }
    if (arg == "--db" || arg == "--color") {
      ++i; // the option's value
      continue;
    }
    if (arg.starts_with("-")) {
      continue;
    }
    for (const auto& command : k_commands) {
      if (command.name == arg) {
        return {false, command.name};
      }
    }
    return {};
  }
  return {};
}

} // namespace

void register_commands(CLI::App& app, Context& ctx, std::span<const char* const> args) {
  // Building a command's options costs about as much as the rest of the start-up together;
  // a run needs the options of one command only.
  const Needed needed = needed_commands(args);
  for (const auto& command : k_commands) {
    if (needed.all || needed.name == command.name) {
      command.add(app, ctx);
    }
  }
}

} // namespace cancelog::commands
