// cancelog withdraw: the user withdrew the request; the case closes and its reminders end.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/status.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

namespace cancelog::commands {

namespace {

struct WithdrawOptions {
  std::string id;
  std::string note;
};

void run_withdraw(const WithdrawOptions& o, Context& ctx) {
  const std::int64_t id = parse_case_id(o.id);
  const std::string reason = checked_text(o.note, "--note", k_max_note_bytes);
  const core::Case before = load_case(ctx, id);
  const auto status = core::after_withdraw(before.status, before.id);
  if (!status) {
    throw InputError(status.error());
  }
  core::Case after = before;
  after.status = *status;
  after.next_check_on.reset();
  auto& store = ctx.store();
  storage::Change change(store, "withdraw", ctx.clock.now());
  store.update_case(change, before, after);
  if (!reason.empty()) {
    store.record_reason(change, before.id, reason);
  }
  change.commit();
  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(load_case(ctx, id)));
  } else {
    ctx.out << util::trf("Case {} withdrawn; no more checks.", id) << '\n';
  }
}

} // namespace

void register_withdraw(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<WithdrawOptions>();
  auto* cmd = app.add_subcommand("withdraw", _("record that you withdrew a request"));
  cmd->footer(_("Example:\n  cancelog withdraw 4 --note 'kept the line after all'"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("--note", options->note, _("why (kept in the history)"));
  cmd->callback([options, &ctx] { run_withdraw(*options, ctx); });
}

} // namespace cancelog::commands
