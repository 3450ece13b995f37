// cancelog undo: revert what the most recent changing command did, as a new event group.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "render/history.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace cancelog::commands {

namespace {

void run_undo(Context& ctx) {
  auto& store = ctx.store();
  storage::Change change(store, "undo", ctx.clock.now());
  const auto undone = store.undo_last(change);
  if (!undone) {
    throw InputError(store.events(std::nullopt, 1).empty()
                         ? _("nothing to undo: the history is empty")
                         : _("nothing to undo: every change in the history is undone already "
                             "(undo does not redo)"));
  }
  change.commit();
  const auto events = store.group_events(change.group_id());
  const auto& zone = ctx.clock.zone();
  if (ctx.global.json) {
    core::Json reverted{{"group", undone->group_id},
                        {"command", undone->command},
                        {"at", util::format_utc(undone->at)}};
    core::Json j{{"undone", reverted}, {"events", core::Json::array()}};
    for (const auto& e : events) {
      j["events"].push_back(core::to_json(e));
    }
    render::write_json(ctx.out, j);
    return;
  }
  ctx.out << util::trf("Undid '{}' of {}:", undone->command, util::format_local(undone->at, zone))
          << '\n';
  const render::EventContext context{&events, &zone};
  for (const auto& e : events) {
    ctx.out << "  " << render::describe_event(e, context) << '\n';
  }
}

} // namespace

void register_undo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("undo", _("revert what the most recent changing command did"));
  cmd->footer(_("Run it again to revert the command before; undo does not redo.\n"
                "Example:\n  cancelog undo"));
  cmd->callback([&ctx] { run_undo(ctx); });
}

} // namespace cancelog::commands
