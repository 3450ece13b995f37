// cancelog check: record a status check; the case takes the status the check gave.
#include "core/check.hpp"

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/checklist.hpp"
#include "core/json.hpp"
#include "core/reminder.hpp"
#include "core/status.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace cancelog::commands {

namespace {

struct CheckOptions {
  std::string id;
  std::string outcome;
  std::string method;
  std::string ref;
  std::string note;
  std::string at;
  std::string next;
};

// The "after" items still unticked on a line, for the reminder printed on confirmation.
std::vector<std::string> open_after_items(const core::Case& c,
                                          const std::vector<core::Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto item : core::applicable_items(c.card)) {
    const bool ticked = std::any_of(ticks.begin(), ticks.end(),
                                    [&](const core::Tick& t) { return t.item == item; });
    if (core::is_after_item(item) && !ticked) {
      out.emplace_back(core::name_of(item));
    }
  }
  return out;
}

void run_check(const CheckOptions& o, Context& ctx) {
  const std::int64_t id = parse_case_id(o.id);
  core::Check check;
  check.outcome = parse_choice<core::Outcome>(o.outcome, "--outcome");
  const bool method_given = !o.method.empty();
  if (method_given) {
    check.method = parse_choice<core::Method>(o.method, "--method");
  }
  check.reference = checked_line(o.ref, "--ref", k_max_ref_bytes);
  check.note = checked_text(o.note, "--note", k_max_note_bytes);
  const util::Instant now = ctx.clock.now();
  const auto& zone = ctx.clock.zone();
  check.checked_at = now;
  if (!o.at.empty()) {
    const auto at = util::parse_instant(o.at, zone);
    if (!at) {
      throw InputError(util::trf("--at: {}", at.error()));
    }
    check.checked_at = *at;
  }
  std::optional<util::Date> chosen_next;
  if (!o.next.empty()) {
    chosen_next = parse_date_arg(ctx, o.next, "--next");
  }

  const core::Case before = load_case(ctx, id);
  auto& store = ctx.store();
  const auto status = core::after_check(before.status, check.outcome, before.id);
  if (!status) {
    throw InputError(status.error());
  }
  const auto allowed = core::check_time_allowed(check.checked_at, now, before.requested_on,
                                                store.last_check_at(before.id), zone);
  if (!allowed) {
    throw InputError(allowed.error());
  }
  if (!method_given) {
    check.method = core::default_method(before.channel);
  }
  const auto ticks = store.checklist_of(before.id);
  core::NextCheckInput next_input;
  next_input.outcome = check.outcome;
  next_input.card = before.card;
  next_input.checked_on = zone.local_date(check.checked_at);
  next_input.today = ctx.clock.today();
  next_input.final_bill_settled = std::any_of(ticks.begin(), ticks.end(), [](const core::Tick& t) {
    return t.item == core::ChecklistItem::final_bill_settled;
  });
  next_input.chosen = chosen_next;
  const auto next = core::next_check_for(core::reminder_policy(ctx.settings()), next_input);
  if (!next) {
    throw InputError(next.error());
  }

  core::Case after = before;
  after.status = *status;
  after.next_check_on = *next;
  check.case_id = before.id;
  storage::Change change(store, "check", now);
  store.insert_check(change, check);
  store.update_case(change, before, after);
  change.commit();
  after = load_case(ctx, id);

  if (ctx.global.json) {
    render::write_json(ctx.out,
                       core::Json{{"case", core::to_json(after)}, {"check", core::to_json(check)}});
    return;
  }
  std::string line =
      util::trf("Case {}: {} → {} (check by {}", after.id, core::name_of(before.status),
                core::name_of(after.status), core::name_of(check.method));
  if (!check.reference.empty()) {
    line += util::trf(", ref {}", check.reference);
  }
  ctx.out << line << ").\n";
  if (after.next_check_on) {
    const bool final_bill = after.status == core::Status::confirmed && !chosen_next;
    ctx.out << (final_bill ? util::trf("Next check: {} (the final bill).",
                                       util::format_date(*after.next_check_on))
                           : util::trf("Next check: {}.", util::format_date(*after.next_check_on)))
            << '\n';
  } else {
    ctx.out << _("No more checks.") << '\n';
  }
  if (after.status == core::Status::rejected) {
    ctx.out << util::trf("Make the request again and record it with 'cancelog add {} ...': the "
                         "new case will follow case {}.",
                         after.number, after.id)
            << '\n';
  }
  if (after.status == core::Status::confirmed) {
    const auto todo = open_after_items(after, ticks);
    if (!todo.empty()) {
      ctx.out << util::trf("Still to do: {} (mark each with 'cancelog tick {} ITEM').",
                           util::join(todo, ", "), after.id)
              << '\n';
    }
  }
}

} // namespace

void register_check(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", _("record a status check of a case"));
  cmd->footer(_("Examples:\n"
                "  cancelog check 4 --outcome pending --method phone --ref 'agent Leyla'\n"
                "  cancelog check 4 --outcome confirmed --ref AZ-1552 --at '2026-03-09 15:00'"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("--outcome", options->outcome,
                  _("what the operator said: pending, action-needed, no-answer, confirmed or "
                    "rejected"))
      ->required();
  cmd->add_option("--method", options->method,
                  _("how you checked: phone, online, store, sms or other (default: the "
                    "request's channel)"));
  cmd->add_option("--ref", options->ref, _("a reference: agent, ticket number"));
  cmd->add_option("--note", options->note, _("a note"));
  cmd->add_option("--at", options->at,
                  _("when you checked (default: now), e.g. '2026-03-09 15:00' or with an offset"));
  cmd->add_option("--next", options->next,
                  _("the next check date instead of the reminder policy's"));
  cmd->callback([options, &ctx] { run_check(*options, ctx); });
}

} // namespace cancelog::commands
