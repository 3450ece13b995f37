// cancelog untick: mark checklist items not done after all.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct UntickOptions {
  std::string id;
  std::vector<std::string> items;
};

void run_untick(const UntickOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  const auto items = parse_checklist_items(o.items, c);
  auto& store = ctx.store();
  std::vector<std::string> unticked;
  std::vector<std::string> not_ticked;
  storage::Change change(store, "untick", ctx.clock.now());
  for (const auto item : items) {
    (store.untick(change, c.id, item) ? unticked : not_ticked).emplace_back(core::name_of(item));
  }
  change.commit();

  if (ctx.global.json) {
    render::write_json(
        ctx.out, core::Json{{"case", c.id}, {"unticked", unticked}, {"not_ticked", not_ticked}});
    return;
  }
  if (!unticked.empty()) {
    ctx.out << util::trf("Case {}: unticked {}.", c.id, util::join(unticked, ", ")) << '\n';
  }
  if (!not_ticked.empty()) {
    ctx.out << util::trf("Case {}: not ticked: {}.", c.id, util::join(not_ticked, ", ")) << '\n';
  }
}

} // namespace

void register_untick(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<UntickOptions>();
  auto* cmd = app.add_subcommand("untick", _("mark checklist items of a case not done"));
  cmd->footer(_("Example:\n  cancelog untick 4 sim-destroyed"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("items", options->items, _("checklist items"))->required()->expected(1, -1);
  cmd->callback([options, &ctx] { run_untick(*options, ctx); });
}

} // namespace cancelog::commands
