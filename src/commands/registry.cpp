#include "commands/commands.hpp"

namespace cancelog::commands {

void register_commands(CLI::App& app, Context& ctx) {
  register_add(app, ctx);
  register_list(app, ctx);
  register_show(app, ctx);
  register_operator(app, ctx);
  register_config(app, ctx);
  register_export(app, ctx);
  register_import(app, ctx);
}

} // namespace cancelog::commands
