// cancelog log: the history, newest first.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "render/history.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

#include <set>

namespace cancelog::commands {

namespace {

struct LogOptions {
  std::string id;
  std::int64_t limit = 0;
};

void run_log(const LogOptions& o, Context& ctx) {
  std::optional<std::int64_t> case_id;
  if (!o.id.empty()) {
    case_id = parse_case_id(o.id);
  }
  if (o.limit < 0) {
    throw InputError(_("--limit: give a positive number of events"));
  }
  auto& store = ctx.store();
  const auto events = store.events(case_id, o.limit);
  // A case removed by undo keeps its history; only an id that never existed is refused.
  if (case_id && events.empty() && !store.find_case(*case_id)) {
    throw InputError(util::trf("there is no case {}; 'cancelog list' shows the cases", *case_id));
  }
  if (ctx.global.json) {
    render::JsonArrayWriter writer(ctx.out);
    for (const auto& e : events) {
      writer.add(core::to_json(e));
    }
    writer.finish();
    return;
  }
  if (events.empty()) {
    ctx.out << _("No history yet.") << '\n';
    return;
  }
  // The whole groups of the events shown, so that a status change can name its check even
  // when --limit cut the check's own event off.
  std::vector<core::Event> groups;
  std::set<std::int64_t> seen;
  for (const auto& e : events) {
    if (seen.insert(e.group_id).second) {
      const auto group = store.group_events(e.group_id);
      groups.insert(groups.end(), group.begin(), group.end());
    }
  }
  const auto& zone = ctx.clock.zone();
  const render::EventContext context{&groups, &zone};
  for (const auto& e : events) {
    ctx.out << util::format_local(e.at, zone) << "  " << render::describe_event(e, context) << '\n';
  }
}

} // namespace

void register_log(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<LogOptions>();
  auto* cmd = app.add_subcommand("log", _("show the history, newest first"));
  cmd->footer(_("Examples:\n  cancelog log\n  cancelog log 4 --limit 10 --json"));
  cmd->add_option("id", options->id, _("only the history of this case"));
  cmd->add_option("--limit", options->limit, _("at most this many events"));
  cmd->callback([options, &ctx] { run_log(*options, ctx); });
}

} // namespace cancelog::commands
