#pragma once

#include "commands/context.hpp"

#include <CLI/CLI.hpp>

namespace cancelog::commands {

// Adds every subcommand to the application, from one explicit list (registry.cpp).
void register_commands(CLI::App& app, Context& ctx);

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
