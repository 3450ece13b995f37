// cancelog reopen: a closed case turns out wrong (the line still works); back to pending.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/reminder.hpp"
#include "core/status.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct ReopenOptions {
  std::string id;
  std::string note;
};

void run_reopen(const ReopenOptions& o, Context& ctx) {
  const std::int64_t id = parse_case_id(o.id);
  const std::string reason = checked_text(util::trim(o.note), "--note", k_max_note_bytes);
  if (reason.empty()) {
    throw UsageError(_("--note: say why the case is reopened (e.g. 'the line still works'); "
                       "the reason is kept in the history"));
  }
  const core::Case before = load_case(ctx, id);
  const auto status = core::after_reopen(before.status, before.id);
  if (!status) {
    throw InputError(status.error());
  }
  core::Case after = before;
  after.status = *status;
  after.next_check_on =
      ctx.clock.today() + date::days{core::reminder_policy(ctx.settings()).after_pending};
  auto& store = ctx.store();
  storage::Change change(store, "reopen", ctx.clock.now());
  store.update_case(change, before, after);
  store.record_reason(change, before.id, reason);
  change.commit();
  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(load_case(ctx, id)));
  } else {
    ctx.out << util::trf("Case {} reopened: {} → pending. Next check: {}.", id,
                         core::name_of(before.status), util::format_date(*after.next_check_on))
            << '\n';
  }
}

} // namespace

void register_reopen(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ReopenOptions>();
  auto* cmd = app.add_subcommand("reopen", _("return a closed case to pending, with the reason"));
  cmd->footer(_("Example:\n  cancelog reopen 4 --note 'the line still rings'"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("--note", options->note, _("why the case is reopened (required)"))->required();
  cmd->callback([options, &ctx] { run_reopen(*options, ctx); });
}

} // namespace cancelog::commands
