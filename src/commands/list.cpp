// cancelog list: a table of cases, newest first.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/phone.hpp"
#include "core/status.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"

namespace cancelog::commands {

namespace {

// Days a case has waited: until today while open, until its last check once closed.
int days_waiting(storage::Store& store, const core::Case& c, util::Date today,
                 const util::TimeZone& zone) {
  if (core::is_open(c.status)) {
    return util::days_between(c.requested_on, today);
  }
  const auto closed_at = store.last_check_at(c.id).value_or(c.updated_at);
  return util::days_between(c.requested_on, zone.local_date(closed_at));
}

void run_list(const FilterOptions& o, Context& ctx) {
  const core::CaseFilter filter = make_filter(ctx, o);
  auto& store = ctx.store();
  const util::Date today = ctx.clock.today();
  const auto& zone = ctx.clock.zone();
  if (ctx.global.json) {
    render::JsonArrayWriter writer(ctx.out);
    store.for_each_case(filter, [&](const core::Case& c) {
      core::Json j = core::to_json(c);
      j["days_waiting"] = days_waiting(store, c, today, zone);
      writer.add(j);
    });
    writer.finish();
    return;
  }
  using Align = render::Table::Align;
  render::Table table({{_("ID"), Align::right},
                       {_("NUMBER")},
                       {_("OPERATOR")},
                       {_("CHANNEL")},
                       {_("REQUESTED")},
                       {_("STATUS")},
                       {_("NEXT CHECK")},
                       {_("DAYS"), Align::right},
                       {_("RECEIPT"), Align::left, true},
                       {_("NOTE"), Align::left, true}});
  bool any_inferred = false;
  std::size_t count = 0;
  const bool color = ctx.color();
  store.for_each_case(filter, [&](const core::Case& c) {
    ++count;
    any_inferred = any_inferred || c.operator_inferred;
    const bool overdue = c.next_check_on && *c.next_check_on < today;
    table.add_row({std::to_string(c.id), core::format_international(c.number),
                   c.operator_inferred ? c.operator_name + "*" : c.operator_name,
                   std::string(core::name_of(c.channel)), util::format_date(c.requested_on),
                   render::Cell(std::string(core::name_of(c.status)), status_style(c.status)),
                   render::Cell(c.next_check_on ? util::format_date(*c.next_check_on) : "-",
                                overdue ? "31" : ""),
                   std::to_string(days_waiting(store, c, today, zone)),
                   c.receipt.empty() ? "-" : c.receipt, c.note});
  });
  if (count == 0) {
    ctx.out << _("No cases.") << '\n';
    return;
  }
  table.render(ctx.out, color, ctx.width());
  if (any_inferred) {
    ctx.out << _("* operator inferred from the number's prefix") << '\n';
  }
}

} // namespace

void register_list(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<FilterOptions>();
  auto* cmd = app.add_subcommand("list", _("list cases, newest request first"));
  cmd->footer(_("Examples:\n"
                "  cancelog list --status open\n"
                "  cancelog list --operator Azercell --since 2026-01-01 --json"));
  add_filter_options(*cmd, *options);
  cmd->callback([options, &ctx] { run_list(*options, ctx); });
}

} // namespace cancelog::commands
