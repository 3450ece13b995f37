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
void register_export(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);

} // namespace cancelog::commands
