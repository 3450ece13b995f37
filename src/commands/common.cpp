#include "commands/common.hpp"

#include "core/checklist.hpp"
#include "core/json.hpp"
#include "core/phone.hpp"
#include "core/status.hpp"
#include "core/validate.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <charconv>

namespace cancelog::commands {

std::int64_t parse_case_id(std::string_view text) {
  std::string_view digits = util::trim(text);
  if (!digits.empty() && digits.front() == '#') {
    digits.remove_prefix(1);
  }
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id <= 0) {
    throw InputError(util::trf("{} is not a case id; case ids are whole numbers such as 12 "
                               "(see 'cancelog list')",
                               util::quote(text)));
  }
  return id;
}

core::Case load_case(Context& ctx, std::int64_t id) {
  auto found = ctx.store().find_case(id);
  if (!found) {
    throw InputError(util::trf("there is no case {}; 'cancelog list' shows the cases", id));
  }
  return *found;
}

util::Date parse_date_arg(Context& ctx, std::string_view text, std::string_view what) {
  const auto day = util::parse_date(text, ctx.clock.today());
  if (!day) {
    throw InputError(util::trf("{}: {}", what, day.error()));
  }
  return *day;
}

std::string checked_text(std::string_view text, std::string_view what, std::size_t max_bytes) {
  const auto checked = core::check_text(text, max_bytes);
  if (!checked) {
    throw InputError(util::trf("{}: {}", what, checked.error()));
  }
  return std::string(*checked);
}

std::string checked_line(std::string_view text, std::string_view what, std::size_t max_bytes) {
  const auto checked = core::check_line(text, max_bytes);
  if (!checked) {
    throw InputError(util::trf("{}: {}", what, checked.error()));
  }
  return std::string(*checked);
}

template <class E> E parse_choice(std::string_view text, std::string_view what) {
  const auto value = core::parse_choice<E>(text);
  if (!value) {
    // A bad choice is a usage error: the hint to --help comes with it.
    throw UsageError(util::trf("{}: {}", what, value.error()));
  }
  return *value;
}

template core::Channel parse_choice<core::Channel>(std::string_view, std::string_view);
template core::Card parse_choice<core::Card>(std::string_view, std::string_view);
template core::Status parse_choice<core::Status>(std::string_view, std::string_view);
template core::Outcome parse_choice<core::Outcome>(std::string_view, std::string_view);
template core::Method parse_choice<core::Method>(std::string_view, std::string_view);
template core::ChecklistItem parse_choice<core::ChecklistItem>(std::string_view, std::string_view);

core::Operator find_operator_or_fail(Context& ctx, std::string_view name) {
  const std::string_view trimmed = util::trim(name);
  if (auto op = ctx.store().find_operator(trimmed)) {
    return *op;
  }
  throw InputError(core::unknown_operator_reason(name, ctx.store().operators()));
}

std::string normalize_number_or_fail(Context& ctx, std::string_view raw) {
  const auto region = ctx.settings().get(core::setting::default_region);
  auto e164 = core::normalize_number(raw, region);
  if (!e164) {
    throw InputError(e164.error());
  }
  return std::move(e164).value();
}

void apply_case_fields(Context& ctx, const CaseFieldInput& in, core::Case& c) {
  // Every value is checked before the number, whose check may load libphonenumber.
  if (in.number) {
    c.number_raw = checked_line(*in.number, _("number"), k_max_ref_bytes);
  }
  if (in.channel) {
    c.channel = parse_choice<core::Channel>(*in.channel, "--channel");
  }
  if (in.card) {
    c.card = parse_choice<core::Card>(*in.card, "--card");
  }
  if (in.receipt) {
    c.receipt = checked_line(*in.receipt, "--receipt", k_max_ref_bytes);
  }
  if (in.note) {
    c.note = checked_text(*in.note, "--note", k_max_note_bytes);
  }
  if (in.on) {
    const auto requested_on =
        core::check_request_date(parse_date_arg(ctx, *in.on, "--on"), ctx.clock.today());
    if (!requested_on) {
      throw InputError(util::trf("--on: {}", requested_on.error()));
    }
    c.requested_on = *requested_on;
  }
  if (in.number) {
    c.number = normalize_number_or_fail(ctx, c.number_raw);
  }
  if (in.operator_name) {
    const auto op = find_operator_or_fail(ctx, *in.operator_name);
    c.operator_id = op.id;
    c.operator_name = op.name;
    c.operator_inferred = false;
  }
}

std::vector<std::string> changed_fields(const core::Case& before, const core::Case& after) {
  const core::Json old_json = core::to_json(before);
  const core::Json new_json = core::to_json(after);
  std::vector<std::string> out;
  for (const auto& [key, value] : new_json.items()) {
    if (key != "updated_at" && old_json.at(key) != value) {
      out.push_back(key);
    }
  }
  return out;
}

std::vector<core::ChecklistItem> parse_checklist_items(const std::vector<std::string>& names,
                                                       const core::Case& c) {
  std::vector<core::ChecklistItem> items;
  for (const auto& name : names) {
    const auto item = core::parse_enum<core::ChecklistItem>(util::to_lower_ascii(util::trim(name)));
    if (!item) {
      std::vector<std::string> valid;
      for (const auto known : core::applicable_items(c.card)) {
        valid.emplace_back(core::name_of(known));
      }
      throw InputError(util::trf("unknown checklist item {}; the items of case {} are: {}",
                                 util::quote(name), c.id, util::join(valid, ", ")));
    }
    const auto applies = core::check_item_applies(*item, c.card);
    if (!applies) {
      throw InputError(applies.error());
    }
    if (std::find(items.begin(), items.end(), *item) == items.end()) {
      items.push_back(*item);
    }
  }
  return items;
}

void add_filter_options(CLI::App& cmd, FilterOptions& o) {
  cmd.add_option("--status", o.statuses,
                 _("only cases with this status (repeatable), or 'open' / 'closed'"));
  cmd.add_option("--operator", o.operator_name, _("only cases of this operator"));
  cmd.add_option("--channel", o.channel, _("only cases requested through this channel"));
  cmd.add_option("--number", o.number, _("only cases of this number"));
  cmd.add_option("--since", o.since, _("only requests made on or after this date"));
  cmd.add_option("--until", o.until, _("only requests made on or before this date"));
  cmd.add_flag("--due", o.due, _("only cases whose next check is today or overdue"));
  cmd.add_option("--search", o.search,
                 _("only cases whose number, receipt, note or checks contain this text"));
  cmd.add_option("--limit", o.limit, _("at most this many cases"));
}

core::CaseFilter make_filter(Context& ctx, const FilterOptions& o) {
  core::CaseFilter filter;
  for (const auto& status : o.statuses) {
    const std::string word = util::to_lower_ascii(util::trim(status));
    if (word == "open") {
      const auto open = core::open_statuses();
      filter.statuses.insert(filter.statuses.end(), open.begin(), open.end());
    } else if (word == "closed") {
      const auto closed = core::closed_statuses();
      filter.statuses.insert(filter.statuses.end(), closed.begin(), closed.end());
    } else {
      const auto value = core::parse_enum<core::Status>(word);
      if (!value) {
        throw UsageError(util::trf("--status: unknown value {}; use one of: {}, open, closed",
                                   util::quote(status), core::enum_choices<core::Status>()));
      }
      filter.statuses.push_back(*value);
    }
  }
  if (!o.operator_name.empty()) {
    filter.operator_id = find_operator_or_fail(ctx, o.operator_name).id;
  }
  if (!o.channel.empty()) {
    filter.channel = parse_choice<core::Channel>(o.channel, "--channel");
  }
  if (!o.number.empty()) {
    filter.number = normalize_number_or_fail(ctx, o.number);
  }
  if (!o.since.empty()) {
    filter.since = parse_date_arg(ctx, o.since, "--since");
  }
  if (!o.until.empty()) {
    filter.until = parse_date_arg(ctx, o.until, "--until");
  }
  if (filter.since && filter.until && *filter.since > *filter.until) {
    throw InputError(_("--since is after --until: no case can match; swap the dates"));
  }
  if (o.due) {
    filter.due_by = ctx.clock.today();
  }
  if (!o.search.empty()) {
    filter.search = checked_line(o.search, "--search", k_max_ref_bytes);
  }
  if (o.limit < 0) {
    throw InputError(_("--limit: give a positive number of cases"));
  }
  if (o.limit > 0) {
    filter.limit = o.limit;
  }
  return filter;
}

std::string_view status_style(core::Status status) {
  switch (status) {
  case core::Status::confirmed:
    return "32"; // green
  case core::Status::rejected:
    return "31"; // red
  case core::Status::action_needed:
    return "33"; // yellow
  case core::Status::withdrawn:
    return "2"; // dim
  default:
    return "36"; // cyan: still waiting
  }
}

void refuse_database_as_output(Context& ctx, const std::filesystem::path& target,
                               std::string_view what) {
  namespace fs = std::filesystem;
  const fs::path db = ctx.db_path();
  std::error_code target_ec;
  const fs::path target_name = fs::weakly_canonical(fs::absolute(target, target_ec), target_ec);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const fs::path live(db.string() + suffix);
    std::error_code ec;
    const bool same_file =
        fs::exists(target, ec) && fs::exists(live, ec) && fs::equivalent(target, live, ec);
    // By name too: a -wal file that does not exist right now is the database's all the same.
    std::error_code live_ec;
    const fs::path live_name = fs::weakly_canonical(fs::absolute(live, live_ec), live_ec);
    const bool same_name = !target_ec && !live_ec && live_name == target_name;
    if (same_file || same_name) {
      throw InputError(util::trf("{}: {} is the database itself (or one of its files); write "
                                 "to another file",
                                 what, util::quote(target.string())));
    }
  }
}

} // namespace cancelog::commands
