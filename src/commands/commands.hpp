#pragma once

#include "commands/context.hpp"

#include <CLI/CLI.hpp>
#include <span>

namespace cancelog::commands {

// Adds the subcommands to the application, from one explicit list (registry.cpp): the one
// the command line `args` names (argv), or all of them when it names none (for --help).
void register_commands(CLI::App& app, Context& ctx, std::span<const char* const> args);

// Each command file defines its register function; the list is in registry.cpp.
void register_add(CLI::App& app, Context& ctx);
void register_list(CLI::App& app, Context& ctx);
void register_show(CLI::App& app, Context& ctx);
void register_operator(CLI::App& app, Context& ctx);
void register_config(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_withdraw(CLI::App& app, Context& ctx);
void register_reopen(CLI::App& app, Context& ctx);
void register_edit(CLI::App& app, Context& ctx);
void register_tick(CLI::App& app, Context& ctx);
void register_untick(CLI::App& app, Context& ctx);
void register_log(CLI::App& app, Context& ctx);
void register_undo(CLI::App& app, Context& ctx);
void register_stats(CLI::App& app, Context& ctx);
void register_receipt(CLI::App& app, Context& ctx);
void register_dossier(CLI::App& app, Context& ctx);
void register_backup(CLI::App& app, Context& ctx);
void register_doctor(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_due(CLI::App& app, Context& ctx);
void register_snooze(CLI::App& app, Context& ctx);
// The hidden command behind the shell completion scripts (completion/).
void register_complete(CLI::App& app, Context& ctx);

} // namespace cancelog::commands
