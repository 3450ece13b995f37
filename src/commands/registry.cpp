#include "commands/commands.hpp"

namespace cancelog::commands {

void register_commands(CLI::App& app, Context& ctx) {
  register_add(app, ctx);
  register_list(app, ctx);
  register_show(app, ctx);
  register_check(app, ctx);
  register_due(app, ctx);
  register_snooze(app, ctx);
  register_withdraw(app, ctx);
  register_reopen(app, ctx);
  register_edit(app, ctx);
  register_tick(app, ctx);
  register_untick(app, ctx);
  register_log(app, ctx);
  register_undo(app, ctx);
  register_operator(app, ctx);
  register_config(app, ctx);
  register_stats(app, ctx);
  register_receipt(app, ctx);
  register_dossier(app, ctx);
  register_backup(app, ctx);
  register_doctor(app, ctx);
  register_export(app, ctx);
  register_import(app, ctx);
  register_complete(app, ctx);
}

} // namespace cancelog::commands
