// cancelog add: record a cancellation request.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/evidence.hpp"
#include "core/json.hpp"
#include "core/operators.hpp"
#include "core/phone.hpp"
#include "core/reminder.hpp"
#include "core/settings.hpp"
#include "core/status.hpp"
#include "core/validate.hpp"
#include "render/json.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

namespace cancelog::commands {

namespace {

struct AddOptions {
  std::vector<std::string> number; // "050 123 45 67" may come as several arguments
  std::string operator_name;
  std::string channel;
  std::string card = "prepaid";
  std::string on = "today";
  std::string receipt;
  std::string note;
  std::vector<std::string> attach;
};

void run_add(const AddOptions& o, Context& ctx) {
  CaseFieldInput input;
  input.number = util::join(o.number, " ");
  input.channel = o.channel;
  input.card = o.card;
  input.receipt = o.receipt;
  input.note = o.note;
  input.on = o.on;
  if (!o.operator_name.empty()) {
    input.operator_name = o.operator_name;
  }
  core::Case c;
  apply_case_fields(ctx, input, c);

  auto& store = ctx.store();
  const auto attachments = check_receipt_inputs(ctx, o.attach, {});
  std::optional<core::PrefixHint> hint;
  if (!input.operator_name) {
    hint = core::infer_operator(c.number, store.prefix_hints());
    if (!hint) {
      std::vector<std::string> names;
      for (const auto& op : store.operators()) {
        names.push_back(op.name);
      }
      throw InputError(util::trf("no operator is known for {}; give it with --operator NAME "
                                 "(known: {})",
                                 core::format_international(c.number), util::join(names, ", ")));
    }
    c.operator_id = hint->operator_id;
    c.operator_name = hint->operator_name;
    c.operator_inferred = true;
  }
  c.uuid = util::make_uuid();
  c.status = core::Status::requested;
  c.next_check_on =
      core::first_check(core::reminder_policy(ctx.settings()), c.channel, c.requested_on);

  const auto open = store.open_cases_for_number(c.number);
  const auto latest = store.latest_case_for_number(c.number);
  if (latest && latest->status == core::Status::rejected) {
    c.follows = latest->id;
  }

  storage::Change change(store, "add", ctx.clock.now());
  store.insert_case(change, c);
  if (!c.receipt.empty()) {
    store.tick(change, c.id, core::ChecklistItem::receipt_kept);
  }
  const auto files = store_receipt_inputs(ctx, change, c.id, attachments);
  change.commit();

  if (ctx.global.json) {
    core::Json j = core::to_json(c);
    if (!files.empty()) {
      j["receipt_files"] = core::Json::array();
      for (const auto& file : files) {
        j["receipt_files"].push_back(core::to_json(file));
      }
    }
    render::write_json(ctx.out, j);
  } else {
    ctx.out << util::trf("Added case {}: {}, {}, {}, requested {}.", c.id,
                         core::format_international(c.number), c.operator_name,
                         core::name_of(c.channel), util::format_date(c.requested_on))
            << '\n';
    if (hint) {
      ctx.out << util::trf("Operator {} inferred from the prefix {}; numbers can move between "
                           "operators, so correct it with 'cancelog edit {} --operator NAME' "
                           "if it is another.",
                           c.operator_name, hint->prefix, c.id)
              << '\n';
    }
    if (c.follows) {
      ctx.out << util::trf("Follows case {}, which was rejected.", *c.follows) << '\n';
    }
    for (const auto& file : files) {
      ctx.out << util::trf("Kept {}: {}, {}, SHA-256 {}.", file.name, file.media_type,
                           core::format_size(file.size), file.sha256)
              << '\n';
    }
    ctx.out << util::trf("Next check: {}.", util::format_date(*c.next_check_on)) << '\n';
  }
  if (c.receipt.empty() && files.empty()) {
    ctx.warn(util::trf("no receipt reference given; keep the receipt and record it with "
                       "'cancelog edit {} --receipt REF'",
                       c.id));
  }
  for (const auto& other : open) {
    ctx.warn(util::trf("case {} for this number is still open ({}); this is a second request",
                       other.id, core::name_of(other.status)));
  }
}

} // namespace

void register_add(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<AddOptions>();
  auto* cmd = app.add_subcommand("add", _("record a cancellation request"));
  cmd->footer(_("Examples:\n"
                "  cancelog add 050 123 45 67 --channel store --receipt AZC-778812\n"
                "  cancelog add +994552345678 --channel online --receipt REQ-5521 --on "
                "yesterday"));
  cmd->add_option("number", options->number, _("the phone number (spaces allowed)"))
      ->required()
      ->expected(1, -1);
  cmd->add_option("--operator", options->operator_name,
                  _("the operator (inferred from the number when omitted)"));
  cmd->add_option("--channel", options->channel,
                  _("how the request was made: store, online, phone or other"))
      ->required();
  cmd->add_option("--card", options->card, _("prepaid or postpaid"))->capture_default_str();
  cmd->add_option("--on", options->on, _("the date of the request"))->capture_default_str();
  cmd->add_option("--receipt", options->receipt,
                  _("the receipt number, online request id or call reference"));
  cmd->add_option("--note", options->note, _("a note"));
  cmd->add_option("--attach", options->attach,
                  _("keep a receipt file (photo, PDF) with the case (repeatable)"))
      ->allow_extra_args(false);
  cmd->callback([options, &ctx] { run_add(*options, ctx); });
}

} // namespace cancelog::commands
