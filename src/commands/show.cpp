// cancelog show: everything about one case.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/checklist.hpp"
#include "core/history.hpp"
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

#include <algorithm>
#include <set>

namespace cancelog::commands {

namespace {

struct ShowOptions {
  std::string id;
};

// The cases linked through `follows` (retries after rejections), oldest first, this one
// included. Guarded against loops that a hand-edited file could hold.
std::vector<core::Case> linked_chain(storage::Store& store, const core::Case& c) {
  core::Case root = c;
  std::set<std::int64_t> walked{c.id};
  while (root.follows && walked.insert(*root.follows).second) {
    auto earlier = store.find_case(*root.follows);
    if (!earlier) {
      break;
    }
    root = std::move(*earlier);
  }
  std::vector<core::Case> chain{root};
  std::set<std::int64_t> in_chain{root.id};
  for (std::size_t i = 0; i < chain.size(); ++i) {
    for (const auto id : store.followers_of(chain[i].id)) {
      if (in_chain.insert(id).second) {
        if (auto later = store.find_case(id)) {
          chain.push_back(std::move(*later));
        }
      }
    }
  }
  std::sort(chain.begin(), chain.end(),
            [](const core::Case& a, const core::Case& b) { return a.id < b.id; });
  return chain;
}

// "confirmed — check 2026-03-09 15:00 by phone, ref AZ-1552" and the like.
std::string status_origin_text(const std::optional<core::StatusOrigin>& origin,
                               const std::vector<core::Check>& checks, const util::TimeZone& zone) {
  if (!origin) {
    return {};
  }
  if (origin->check_id) {
    for (const auto& check : checks) {
      if (check.id == *origin->check_id) {
        std::string text = util::trf("check {} by {}", util::format_local(check.checked_at, zone),
                                     core::name_of(check.method));
        if (!check.reference.empty()) {
          text += util::trf(", ref {}", check.reference);
        }
        return text;
      }
    }
  }
  const std::string at = util::format_local(origin->at, zone);
  std::string text;
  if (origin->command == "withdraw") {
    text = util::trf("withdrawn {}", at);
  } else if (origin->command == "reopen") {
    text = util::trf("reopened {}", at);
  } else if (origin->command == "add") {
    text = _("no check yet");
  } else {
    text = util::trf("{} {}", origin->command, at);
  }
  if (!origin->reason.empty()) {
    text += ": " + util::one_line(origin->reason);
  }
  return text;
}

void run_show(const ShowOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  auto& store = ctx.store();
  const auto checks = store.checks_of(c.id);
  const auto ticks = store.checklist_of(c.id);
  const auto files = store.receipt_files_of(c.id);
  const auto followers = store.followers_of(c.id);
  const auto history = store.events(c.id, 0);
  const auto chain = linked_chain(store, c);
  const auto origin = core::status_origin(history);
  const util::Date today = ctx.clock.today();
  const auto& zone = ctx.clock.zone();

  if (ctx.global.json) {
    core::Json j = core::to_json(c);
    j["age_days"] = util::days_between(c.requested_on, today);
    j["status_set_by"] = nullptr;
    if (origin) {
      j["status_set_by"] = {
          {"command", origin->command},
          {"at", util::format_utc(origin->at)},
          {"check", core::json_or_null(origin->check_id)},
          {"reason", origin->reason.empty() ? core::Json(nullptr) : core::Json(origin->reason)}};
    }
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
    j["chain"] = core::Json::array();
    for (const auto& link : chain) {
      j["chain"].push_back({{"id", link.id},
                            {"status", core::name_of(link.status)},
                            {"requested_on", util::format_date(link.requested_on)}});
    }
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
  const auto age = util::days_between(c.requested_on, today);
  field(_("Requested"),
        util::trnf("{} ({} day ago)", "{} ({} days ago)", static_cast<unsigned long>(age),
                   util::format_date(c.requested_on), age));
  field(_("Receipt"), c.receipt.empty() ? _("- (none recorded)") : c.receipt);
  const std::string origin_text = status_origin_text(origin, checks, zone);
  field(_("Status"), render::styled(core::name_of(c.status), status_style(c.status), color) +
                         (origin_text.empty() ? "" : " — " + origin_text));
  field(_("Next check"), c.next_check_on ? util::format_date(*c.next_check_on) : "-");
  if (!c.note.empty()) {
    field(_("Note"), util::one_line(c.note));
  }
  if (chain.size() > 1) {
    std::vector<std::string> links;
    for (const auto& link : chain) {
      links.push_back(link.id == c.id
                          ? util::trf("#{} {} (this case)", link.id, core::name_of(link.status))
                          : util::trf("#{} {}", link.id, core::name_of(link.status)));
    }
    field(_("Linked"), util::join(links, " → "));
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
  const render::EventContext context{&history, &zone};
  for (const auto& event : history) {
    out << "  " << util::format_local(event.at, zone) << "  "
        << render::describe_event(event, context) << '\n';
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
