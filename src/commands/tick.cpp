// cancelog tick: mark checklist items done.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct TickOptions {
  std::string id;
  std::vector<std::string> items;
};

void run_tick(const TickOptions& o, Context& ctx) {
  const core::Case before = load_case(ctx, parse_case_id(o.id));
  const auto items = parse_checklist_items(o.items, before);
  auto& store = ctx.store();
  std::vector<std::string> ticked;
  std::vector<std::string> already;
  storage::Change change(store, "tick", ctx.clock.now());
  for (const auto item : items) {
    (store.tick(change, before.id, item) ? ticked : already).emplace_back(core::name_of(item));
  }
  // A settled final bill is what the check after a postpaid line's confirmation waits for:
  // ticking it ends that reminder.
  const bool bill_settled =
      before.status == core::Status::confirmed && before.next_check_on &&
      std::find(ticked.begin(), ticked.end(), "final-bill-settled") != ticked.end();
  if (bill_settled) {
    core::Case after = before;
    after.next_check_on.reset();
    store.update_case(change, before, after);
  }
  change.commit();

  if (ctx.global.json) {
    render::write_json(
        ctx.out, core::Json{{"case", before.id}, {"ticked", ticked}, {"already_ticked", already}});
    return;
  }
  if (!ticked.empty()) {
    ctx.out << util::trf("Case {}: ticked {}.", before.id, util::join(ticked, ", ")) << '\n';
  }
  if (!already.empty()) {
    ctx.out << util::trf("Case {}: already ticked: {}.", before.id, util::join(already, ", "))
            << '\n';
  }
  if (bill_settled) {
    ctx.out << util::trf("The final bill is settled: no more checks for case {}.", before.id)
            << '\n';
  }
}

} // namespace

void register_tick(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<TickOptions>();
  auto* cmd = app.add_subcommand("tick", _("mark checklist items of a case done"));
  cmd->footer(_("Items: before — no-arrears, balance-used, data-backed-up, accounts-moved;\n"
                "after — receipt-kept, number-dead, sim-destroyed, final-bill-settled "
                "(postpaid).\n"
                "Example:\n  cancelog tick 4 no-arrears accounts-moved"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("items", options->items, _("checklist items"))->required()->expected(1, -1);
  cmd->callback([options, &ctx] { run_tick(*options, ctx); });
}

} // namespace cancelog::commands
