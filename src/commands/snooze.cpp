// cancelog snooze: move a case's next check to another day (recorded in the history).
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/reminder.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace cancelog::commands {

namespace {

struct SnoozeOptions {
  std::string id;
  std::string date;
};

void run_snooze(const SnoozeOptions& o, Context& ctx) {
  const std::int64_t id = parse_case_id(o.id);
  const util::Date chosen = parse_date_arg(ctx, o.date, _("date"));
  const core::Case before = load_case(ctx, id);
  const auto to = core::snooze_date(before, chosen, ctx.clock.today());
  if (!to) {
    throw InputError(to.error());
  }
  core::Case after = before;
  after.next_check_on = *to;
  auto& store = ctx.store();
  storage::Change change(store, "snooze", ctx.clock.now());
  store.update_case(change, before, after);
  change.commit(); // records nothing, and so rolls back, when the date was already that

  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(load_case(ctx, id)));
  } else if (before.next_check_on == after.next_check_on) {
    ctx.out << util::trf("Case {}: the next check is already on {}.", id, util::format_date(*to))
            << '\n';
  } else if (before.next_check_on) {
    ctx.out << util::trf("Case {}: next check moved from {} to {}.", id,
                         util::format_date(*before.next_check_on), util::format_date(*to))
            << '\n';
  } else {
    ctx.out << util::trf("Case {}: next check on {}.", id, util::format_date(*to)) << '\n';
  }
}

} // namespace

void register_snooze(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<SnoozeOptions>();
  auto* cmd = app.add_subcommand("snooze", _("move the next check of a case to another day"));
  cmd->footer(_("DATE is today or later: 2026-03-20, tomorrow, +3d, +1w. Open cases, and a "
                "confirmed postpaid line waiting for its final bill, can be snoozed; 'cancelog "
                "undo' takes it back.\n"
                "Examples:\n"
                "  cancelog snooze 4 +3d      # the operator said: come back in 3 days\n"
                "  cancelog snooze 4 2026-03-20"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("date", options->date, _("the new date of the next check"))->required();
  cmd->callback([options, &ctx] { run_snooze(*options, ctx); });
}

} // namespace cancelog::commands
