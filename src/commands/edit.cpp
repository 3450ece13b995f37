// cancelog edit: change the recorded fields of a case; each changed field is one event.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/operators.hpp"
#include "core/reminder.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace cancelog::commands {

namespace {

struct EditOptions {
  std::string id;
  CaseFieldInput fields;
  std::optional<std::string> status; // refused: only checks, withdraw and reopen change it
};

// Refuses edits that would contradict what is recorded besides the case row.
void check_edit_fits(Context& ctx, const core::Case& before, const core::Case& after) {
  auto& store = ctx.store();
  if (after.requested_on > before.requested_on) {
    const auto checks = store.checks_of(before.id);
    if (!checks.empty()) {
      const util::Date first = ctx.clock.zone().local_date(checks.front().checked_at);
      if (first < after.requested_on) {
        throw InputError(util::trf("--on: case {} has a check on {}, before {}; a request "
                                   "cannot be later than its checks",
                                   before.id, util::format_date(first),
                                   util::format_date(after.requested_on)));
      }
    }
  }
  if (after.card == core::Card::prepaid && before.card == core::Card::postpaid) {
    const auto ticks = store.checklist_of(before.id);
    if (std::any_of(ticks.begin(), ticks.end(), [](const core::Tick& t) {
          return t.item == core::ChecklistItem::final_bill_settled;
        })) {
      throw InputError(util::trf("--card: final-bill-settled is ticked, and only postpaid lines "
                                 "have a final bill; run 'cancelog untick {} final-bill-settled' "
                                 "first",
                                 before.id));
    }
  }
}

void run_edit(const EditOptions& o, Context& ctx) {
  const std::int64_t id = parse_case_id(o.id);
  if (o.status) {
    throw UsageError(util::trf("the status is not edited: a check sets it ('cancelog check {} "
                               "--outcome O'), and so do withdraw and reopen",
                               id));
  }
  if (o.fields.empty()) {
    throw UsageError(_("nothing to change; give at least one of --number, --operator, --card, "
                       "--channel, --on, --receipt, --note (the status changes only through "
                       "check, withdraw and reopen)"));
  }
  const core::Case before = load_case(ctx, id);
  core::Case after = before;
  apply_case_fields(ctx, o.fields, after);
  check_edit_fits(ctx, before, after);
  // A confirmed line that turns out to be postpaid gets its final-bill check, counted from
  // the day of the check that confirmed it (the latest: a closed case takes no more checks).
  std::optional<util::Date> confirmed_on;
  if (before.status == core::Status::confirmed && after.card != before.card) {
    if (const auto at = ctx.store().last_check_at(before.id)) {
      confirmed_on = ctx.clock.zone().local_date(*at);
    }
  }
  after.next_check_on = core::next_check_after_edit(core::reminder_policy(ctx.settings()), before,
                                                    after, confirmed_on);

  auto& store = ctx.store();
  // A new number keeps the operator (numbers move between operators); when the operator was
  // only inferred and the new prefix suggests another, say so.
  std::optional<core::PrefixHint> other_hint;
  if (after.number != before.number && !o.fields.operator_name && after.operator_inferred) {
    const auto hint = core::infer_operator(after.number, store.prefix_hints());
    if (hint && hint->operator_id != after.operator_id) {
      other_hint = hint;
    }
  }

  const auto fields = changed_fields(before, after);
  storage::Change change(store, "edit", ctx.clock.now());
  store.update_case(change, before, after);
  if (!after.receipt.empty() && after.receipt != before.receipt) {
    store.tick(change, id, core::ChecklistItem::receipt_kept);
  }
  change.commit();

  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(load_case(ctx, id)));
  } else if (fields.empty()) {
    ctx.out << util::trf("Case {} is unchanged.", id) << '\n';
  } else {
    ctx.out << util::trf("Updated case {}: {}.", id, util::join(fields, ", ")) << '\n';
  }
  if (other_hint) {
    ctx.warn(util::trf("the operator {} was inferred from the old number; the new number's "
                       "prefix {} suggests {}: set it with 'cancelog edit {} --operator {}' if "
                       "so",
                       after.operator_name, other_hint->prefix, other_hint->operator_name, id,
                       other_hint->operator_name));
  }
}

} // namespace

void register_edit(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<EditOptions>();
  auto& f = options->fields;
  auto* cmd = app.add_subcommand("edit", _("change the recorded fields of a case"));
  cmd->footer(_("Examples:\n"
                "  cancelog edit 4 --receipt AZC-778812\n"
                "  cancelog edit 4 --on 2026-03-02 --channel store --note 'asked at 28 May st.'"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("--number", f.number, _("the phone number (keeps the operator)"));
  cmd->add_option("--operator", f.operator_name, _("the operator"));
  cmd->add_option("--card", f.card, _("prepaid or postpaid"));
  cmd->add_option("--channel", f.channel, _("store, online, phone or other"));
  cmd->add_option("--on", f.on, _("the date of the request"));
  cmd->add_option("--receipt", f.receipt, _("the receipt reference (ticks receipt-kept)"));
  cmd->add_option("--note", f.note, _("the note (replaces it)"));
  cmd->add_option("--status", options->status)->group(""); // hidden: says what to do instead
  cmd->callback([options, &ctx] { run_edit(*options, ctx); });
}

} // namespace cancelog::commands
