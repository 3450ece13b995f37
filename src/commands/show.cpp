// cancelog show: everything about one case.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/checklist.hpp"
#include "core/json.hpp"
#include "core/operators.hpp"
#include "core/phone.hpp"
#include "core/status.hpp"
#include "render/history.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct ShowOptions {
  std::string id;
};

void run_show(const ShowOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  auto& store = ctx.store();
  const auto checks = store.checks_of(c.id);
  const auto ticks = store.checklist_of(c.id);
  const auto files = store.receipt_files_of(c.id);
  const auto followers = store.followers_of(c.id);
  const auto history = store.events(c.id, 0);
  const util::Date today = ctx.clock.today();
  const auto& zone = ctx.clock.zone();

  if (ctx.global.json) {
    core::Json j = core::to_json(c);
    j["age_days"] = util::days_between(c.requested_on, today);
    j["checks"] = core::Json::array();
    for (const auto& check : checks) {
      j["checks"].push_back(core::to_json(check));
    }
    j["checklist"] = core::Json::array();
    for (const auto item : core::applicable_items(c.card)) {
      core::Json entry{{"item", core::name_of(item)}, {"ticked_at", nullptr}};
      for (const auto& tick : ticks) {
        if (tick.item == item) {
          entry["ticked_at"] = util::format_utc(tick.ticked_at);
        }
      }
      j["checklist"].push_back(entry);
    }
    j["receipt_files"] = core::Json::array();
    for (const auto& file : files) {
      j["receipt_files"].push_back(core::to_json(file));
    }
    j["followed_by"] = followers;
    j["history"] = core::Json::array();
    for (const auto& event : history) {
      j["history"].push_back(core::to_json(event));
    }
    render::write_json(ctx.out, j);
    return;
  }

  const bool color = ctx.color();
  auto& out = ctx.out;
  const auto field = [&](const std::string& label, const std::string& value) {
    out << "  " << util::pad_right(label, 12) << "  " << value << '\n';
  };
  out << render::styled(util::trf("Case {}", c.id), "1", color) << "  " << c.uuid << '\n';
  field(_("Number"), core::format_international(c.number) +
                         (c.number_raw != c.number ? util::trf(" (typed {})", c.number_raw) : ""));
  field(_("Operator"), c.operator_inferred
                           ? util::trf("{} (inferred from the number's prefix)", c.operator_name)
                           : c.operator_name);
  field(_("Card"), std::string(core::name_of(c.card)));
  field(_("Channel"), std::string(core::name_of(c.channel)));
  field(_("Requested"), util::trf("{} ({} days ago)", util::format_date(c.requested_on),
                                  util::days_between(c.requested_on, today)));
  field(_("Receipt"), c.receipt.empty() ? _("- (none recorded)") : c.receipt);
  field(_("Status"), render::styled(core::name_of(c.status), status_style(c.status), color));
  field(_("Next check"), c.next_check_on ? util::format_date(*c.next_check_on) : "-");
  if (!c.note.empty()) {
    field(_("Note"), util::one_line(c.note));
  }
  if (c.follows) {
    field(_("Follows"), util::trf("case {} (rejected)", *c.follows));
  }
  for (const auto id : followers) {
    field(_("Followed by"), util::trf("case {}", id));
  }
  field(_("Created"), util::format_local(c.created_at, zone));
  field(_("Updated"), util::format_local(c.updated_at, zone));

  out << '\n' << render::styled(_("Checklist"), "1", color) << '\n';
  for (const auto item : core::applicable_items(c.card)) {
    std::string when;
    for (const auto& tick : ticks) {
      if (tick.item == item) {
        when = util::format_local(tick.ticked_at, zone);
      }
    }
    out << "  [" << (when.empty() ? ' ' : 'x') << "] " << util::pad_right(core::name_of(item), 20)
        << when << '\n';
  }

  out << '\n' << render::styled(_("Checks"), "1", color) << '\n';
  if (checks.empty()) {
    out << "  " << _("none yet") << '\n';
  }
  for (const auto& check : checks) {
    std::string line = util::trf("{}  {} by {}", util::format_local(check.checked_at, zone),
                                 core::name_of(check.outcome), core::name_of(check.method));
    if (!check.reference.empty()) {
      line += util::trf(", ref {}", check.reference);
    }
    if (!check.note.empty()) {
      line += " — " + util::one_line(check.note);
    }
    out << "  " << line << '\n';
  }

  if (!files.empty()) {
    out << '\n' << render::styled(_("Receipt files"), "1", color) << '\n';
    for (const auto& file : files) {
      out << "  "
          << util::trf("{}  {}  {} bytes  sha256 {}", file.name, file.media_type, file.size,
                       file.sha256)
          << '\n';
    }
  }

  out << '\n' << render::styled(_("History"), "1", color) << '\n';
  for (const auto& event : history) {
    out << "  " << util::format_local(event.at, zone) << "  " << render::describe_event(event)
        << '\n';
  }
}

} // namespace

void register_show(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand("show", _("show everything about one case"));
  cmd->footer(_("Examples:\n  cancelog show 12\n  cancelog show 12 --json"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->callback([options, &ctx] { run_show(*options, ctx); });
}

} // namespace cancelog::commands
