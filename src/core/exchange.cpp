#include "core/exchange.hpp"

#include "core/checklist.hpp"
#include "core/operators.hpp"
#include "core/phone.hpp"
#include "core/validate.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

#include <algorithm>
#include <charconv>

namespace cancelog::core {

namespace {

using ExCol = CaseColumn;

std::string exchange_column_name(ExCol column) {
  return std::string(name_of(column));
}

// A whole number above zero (an id).
std::optional<std::int64_t> exchange_positive_id(std::string_view text) {
  text = util::trim(text);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> exchange_bool(std::string_view text) {
  const std::string word = util::to_lower_ascii(util::trim(text));
  if (word == "true" || word == "yes" || word == "1") {
    return true;
  }
  if (word == "false" || word == "no" || word == "0") {
    return false;
  }
  return std::nullopt;
}

// An instant as exports write it (2026-03-04T10:00:00Z), or any ISO 8601 date and time (a
// time without offset is local).
util::Result<util::Instant> exchange_instant(std::string_view text, const ImportRules& rules) {
  return util::parse_instant(text, rules.zone);
}

// The instant the status of a row was reached: the last check, else the last update, else now.
util::Instant exchange_status_reached_at(const ImportedCase& row, const ImportRules& rules) {
  if (row.last_check_at) {
    return *row.last_check_at;
  }
  return row.has(ExCol::updated_at) ? row.c.updated_at : rules.now;
}

// Text with CRLF line breaks (a file converted for Windows) turned into LF, as typed notes have.
std::string_view exchange_lf_only(std::string_view text, std::string& scratch) {
  if (text.find('\r') == std::string_view::npos) {
    return text;
  }
  scratch.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    }
    scratch += text[i];
  }
  return scratch;
}

} // namespace

bool is_required(CaseColumn column) {
  return column == ExCol::number || column == ExCol::operator_name || column == ExCol::channel ||
         column == ExCol::requested_on;
}

bool validate_case(const RawCase& raw, const ImportRules& rules, ImportedCase& out,
                   std::vector<FieldError>& errors) {
  const std::size_t errors_before = errors.size();
  const auto bad = [&](ExCol column, std::string reason) {
    errors.push_back({exchange_column_name(column), std::move(reason)});
  };
  const auto text = [&](ExCol column) { return raw[column].value_or(std::string_view{}); };
  const auto given = [&](ExCol column) { return !util::trim(text(column)).empty(); };
  // Free text: the error is the column's, the value the validated text.
  const auto checked = [&](ExCol column, std::string& target, std::size_t max_bytes, bool line) {
    std::string scratch;
    const std::string_view value = line ? text(column) : exchange_lf_only(text(column), scratch);
    const auto result = line ? check_line(value, max_bytes) : check_text(value, max_bytes);
    if (!result) {
      bad(column, result.error());
    } else {
      target.assign(*result);
    }
  };

  out.file_id.reset();
  out.file_follows.reset();
  out.last_check_at.reset();
  out.checks.clear();
  out.ticks.clear();
  for (std::size_t i = 0; i < k_case_column_count; ++i) {
    out.present[i] = raw.cells[i].has_value();
  }
  Case& c = out.c;
  c.id = 0;
  c.uuid.clear();

  if (given(ExCol::id)) {
    out.file_id = exchange_positive_id(text(ExCol::id));
    if (!out.file_id) {
      bad(ExCol::id, util::trf("{} is not a case id; ids are whole numbers above 0",
                               util::quote(text(ExCol::id))));
    }
  }
  if (given(ExCol::uuid)) {
    c.uuid = util::to_lower_ascii(util::trim(text(ExCol::uuid)));
    if (!util::is_uuid(c.uuid)) {
      bad(ExCol::uuid, util::trf("{} is not a UUID (8-4-4-4-12 hexadecimal digits); leave the "
                                 "cell empty for a new case",
                                 util::quote(text(ExCol::uuid))));
    }
  }

  auto number = normalize_number(text(ExCol::number), rules.default_region);
  if (!number) {
    bad(ExCol::number, number.error());
    c.number.clear();
  } else {
    c.number = std::move(number).value();
  }
  if (given(ExCol::number_raw)) {
    checked(ExCol::number_raw, c.number_raw, k_max_ref_bytes, true);
  } else {
    c.number_raw.assign(util::trim(text(ExCol::number)));
  }

  bool inferred = false;
  if (given(ExCol::operator_name)) {
    if (const Operator* op = find_operator_in(rules.operators, text(ExCol::operator_name))) {
      c.operator_id = op->id;
      c.operator_name = op->name;
    } else {
      bad(ExCol::operator_name,
          unknown_operator_reason(text(ExCol::operator_name), rules.operators));
    }
  } else if (!c.number.empty()) {
    // As `add` does without --operator: the prefix suggests one, said to be inferred.
    if (const auto hint = infer_operator(c.number, rules.hints)) {
      c.operator_id = hint->operator_id;
      c.operator_name = hint->operator_name;
      inferred = true;
    } else {
      bad(ExCol::operator_name,
          util::trf("no operator is known for {}; fill in the operator column",
                    format_international(c.number)));
    }
  }
  c.operator_inferred = inferred;
  if (given(ExCol::operator_inferred)) {
    if (const auto value = exchange_bool(text(ExCol::operator_inferred))) {
      c.operator_inferred = *value;
    } else {
      bad(ExCol::operator_inferred,
          util::trf("{} is not true or false", util::quote(text(ExCol::operator_inferred))));
    }
  }

  c.card = Card::prepaid;
  if (given(ExCol::card)) {
    if (const auto card = parse_choice<Card>(text(ExCol::card))) {
      c.card = *card;
    } else {
      bad(ExCol::card, card.error());
    }
  }
  if (const auto channel = parse_choice<Channel>(text(ExCol::channel))) {
    c.channel = *channel;
  } else {
    bad(ExCol::channel, channel.error());
  }
  const auto day = util::parse_date(text(ExCol::requested_on), rules.today);
  const auto requested_on = day ? check_request_date(*day, rules.today) : day;
  if (!requested_on) {
    bad(ExCol::requested_on, requested_on.error());
  } else {
    c.requested_on = *requested_on;
  }
  checked(ExCol::receipt, c.receipt, k_max_ref_bytes, true);
  checked(ExCol::note, c.note, k_max_note_bytes, false);

  c.status = Status::requested;
  if (given(ExCol::status)) {
    if (const auto status = parse_choice<Status>(text(ExCol::status))) {
      c.status = *status;
    } else {
      bad(ExCol::status, status.error());
    }
  }
  if (given(ExCol::follows)) {
    out.file_follows = exchange_positive_id(text(ExCol::follows));
    if (!out.file_follows) {
      bad(ExCol::follows, util::trf("{} is not a case id; ids are whole numbers above 0",
                                    util::quote(text(ExCol::follows))));
    }
  }
  c.follows.reset();

  const auto instant = [&](ExCol column, util::Instant fallback) {
    if (!given(column)) {
      return fallback;
    }
    const auto at = exchange_instant(text(column), rules);
    if (!at) {
      bad(column, at.error());
      return fallback;
    }
    return *at;
  };
  c.created_at = instant(ExCol::created_at, rules.now);
  c.updated_at = instant(ExCol::updated_at, rules.now);
  if (given(ExCol::last_check_at)) {
    // A spreadsheet may keep only the day: that day's start, local time.
    const auto as_day = util::parse_iso_date(util::trim(text(ExCol::last_check_at)));
    if (as_day) {
      out.last_check_at = rules.zone.from_local(date::local_seconds{as_day->time_since_epoch()});
    } else {
      out.last_check_at = instant(ExCol::last_check_at, rules.now);
    }
  }

  c.next_check_on.reset();
  if (given(ExCol::next_check_on)) {
    const auto next = util::parse_date(text(ExCol::next_check_on), rules.today);
    if (!next) {
      bad(ExCol::next_check_on, next.error());
    } else {
      c.next_check_on = *next;
    }
  } else if (!out.has(ExCol::next_check_on)) {
    // As `add` and `check` would have set it.
    if (c.status == Status::requested) {
      c.next_check_on = first_check(rules.policy, c.channel, c.requested_on);
    } else if (const auto outcome = outcome_of(c.status)) {
      c.next_check_on = next_check(rules.policy, *outcome, c.card,
                                   rules.zone.local_date(exchange_status_reached_at(out, rules)));
    }
  }
  return errors.size() == errors_before;
}

namespace {

// The text of a JSON value for validation, or nullopt when it has another type. Numbers are
// written into `scratch`.
std::optional<std::string_view> exchange_json_text(const Json& value, std::string& scratch) {
  switch (value.type()) {
  case Json::value_t::string:
    return std::string_view(value.get_ref<const std::string&>());
  case Json::value_t::null:
    return std::string_view{};
  case Json::value_t::boolean:
    return value.get<bool>() ? std::string_view("true") : std::string_view("false");
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
    scratch = value.dump();
    return std::string_view(scratch);
  default:
    return std::nullopt;
  }
}

bool exchange_json_checks(const Json& list, const ImportRules& rules, ImportedCase& out,
                          std::vector<FieldError>& errors) {
  const std::size_t errors_before = errors.size();
  if (!list.is_array()) {
    errors.push_back({"checks", _("expected a list of checks")});
    return false;
  }
  std::string scratch;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& item = list[i];
    const std::string at = fmt::format("checks[{}]", i);
    const auto bad = [&](std::string_view field, std::string reason) {
      errors.push_back({at + (field.empty() ? "" : ".") + std::string(field), std::move(reason)});
    };
    if (!item.is_object()) {
      bad("", _("expected an object with the fields of a check"));
      continue;
    }
    const auto field = [&](const char* name) -> std::optional<std::string_view> {
      if (!item.contains(name)) {
        return std::string_view{};
      }
      auto value = exchange_json_text(item[name], scratch);
      if (!value) {
        bad(name, _("expected text, a number, true, false or null"));
      }
      return value;
    };
    Check check;
    if (const auto id = field("id"); id && !util::trim(*id).empty()) {
      const auto value = exchange_positive_id(*id);
      if (!value) {
        bad("id",
            util::trf("{} is not a check id; ids are whole numbers above 0", util::quote(*id)));
      }
      check.id = value.value_or(0);
    }
    if (const auto text = field("checked_at")) {
      const auto when = exchange_instant(*text, rules);
      if (!when) {
        bad("checked_at", when.error());
      } else {
        check.checked_at = *when;
      }
    }
    if (const auto text = field("method")) {
      const auto method = parse_choice<Method>(*text);
      if (!method) {
        bad("method", method.error());
      } else {
        check.method = *method;
      }
    }
    if (const auto text = field("outcome")) {
      const auto outcome = parse_choice<Outcome>(*text);
      if (!outcome) {
        bad("outcome", outcome.error());
      } else {
        check.outcome = *outcome;
      }
    }
    if (const auto text = field("reference")) {
      const auto reference = check_line(*text, k_max_ref_bytes);
      if (!reference) {
        bad("reference", reference.error());
      } else {
        check.reference.assign(*reference);
      }
    }
    if (const auto text = field("note")) {
      const auto note = check_text(*text, k_max_note_bytes);
      if (!note) {
        bad("note", note.error());
      } else {
        check.note.assign(*note);
      }
    }
    if (const auto text = field("imported"); text && !text->empty()) {
      const auto imported = exchange_bool(*text);
      if (!imported) {
        bad("imported", util::trf("{} is not true or false", util::quote(*text)));
      }
      check.imported = imported.value_or(false);
    }
    check.created_at = rules.now;
    if (const auto text = field("created_at"); text && !text->empty()) {
      const auto when = exchange_instant(*text, rules);
      if (!when) {
        bad("created_at", when.error());
      } else {
        check.created_at = *when;
      }
    }
    out.checks.push_back(std::move(check));
  }
  return errors.size() == errors_before;
}

bool exchange_json_checklist(const Json& list, const ImportRules& rules, ImportedCase& out,
                             std::vector<FieldError>& errors) {
  const std::size_t errors_before = errors.size();
  if (!list.is_array()) {
    errors.push_back({"checklist", _("expected a list of checklist items")});
    return false;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& entry = list[i];
    const std::string at = fmt::format("checklist[{}]", i);
    if (!entry.is_object() || !entry.contains("item") || !entry["item"].is_string()) {
      errors.push_back({at, _("expected an object with an item and its ticked_at")});
      continue;
    }
    const auto item = parse_choice<ChecklistItem>(entry["item"].get_ref<const std::string&>());
    if (!item) {
      errors.push_back({at + ".item", item.error()});
      continue;
    }
    if (const auto applies = check_item_applies(*item, out.c.card); !applies) {
      errors.push_back({at + ".item", applies.error()});
      continue;
    }
    const Json& ticked = entry.contains("ticked_at") ? entry["ticked_at"] : Json(nullptr);
    if (ticked.is_null()) {
      continue; // listed, not ticked
    }
    const auto when = ticked.is_string()
                          ? exchange_instant(ticked.get_ref<const std::string&>(), rules)
                          : util::Result<util::Instant>(util::fail(_("expected a date and time")));
    if (!when) {
      errors.push_back({at + ".ticked_at", when.error()});
      continue;
    }
    const bool duplicate = std::any_of(out.ticks.begin(), out.ticks.end(),
                                       [&](const Tick& tick) { return tick.item == *item; });
    if (duplicate) {
      errors.push_back({at + ".item", util::trf("{} is listed twice", name_of(*item))});
      continue;
    }
    out.ticks.push_back({*item, *when});
  }
  return errors.size() == errors_before;
}

} // namespace

bool validate_json_case(const Json& element, const ImportRules& rules, ImportedCase& out,
                        std::vector<FieldError>& errors) {
  if (!element.is_object()) {
    errors.push_back({"", _("expected an object with the fields of a case")});
    return false;
  }
  RawCase raw;
  std::array<std::string, k_case_column_count> scratch;
  bool typed = true;
  for (const auto& [column, name] : EnumNames<CaseColumn>::k_names) {
    const auto found = element.find(std::string(name));
    if (found == element.end()) {
      continue;
    }
    const auto index = static_cast<std::size_t>(column);
    raw.cells[index] = exchange_json_text(*found, scratch[index]);
    if (!raw.cells[index]) {
      errors.push_back({std::string(name), _("expected text, a number, true, false or null")});
      typed = false;
    }
  }
  if (!typed) {
    return false;
  }
  bool ok = validate_case(raw, rules, out, errors);
  if (const auto checks = element.find("checks"); checks != element.end()) {
    ok = exchange_json_checks(*checks, rules, out, errors) && ok;
  }
  if (const auto checklist = element.find("checklist"); checklist != element.end()) {
    ok = exchange_json_checklist(*checklist, rules, out, errors) && ok;
  }
  return ok;
}

std::optional<Outcome> outcome_of(Status status) {
  switch (status) {
  case Status::pending:
    return Outcome::pending;
  case Status::action_needed:
    return Outcome::action_needed;
  case Status::no_answer:
    return Outcome::no_answer;
  case Status::confirmed:
    return Outcome::confirmed;
  case Status::rejected:
    return Outcome::rejected;
  case Status::requested:
  case Status::withdrawn:
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Check> imported_check(const ImportedCase& row, bool asserted,
                                    const std::vector<Outcome>& outcomes,
                                    const ImportRules& rules) {
  const auto outcome = outcome_of(row.c.status);
  if (!outcome) {
    return std::nullopt;
  }
  if (!asserted) {
    const bool terminal = *outcome == Outcome::confirmed || *outcome == Outcome::rejected;
    if (!terminal || std::find(outcomes.begin(), outcomes.end(), *outcome) != outcomes.end()) {
      return std::nullopt;
    }
  }
  Check check;
  check.case_id = row.c.id;
  check.checked_at = exchange_status_reached_at(row, rules);
  check.method = Method::other;
  check.outcome = *outcome;
  check.imported = true;
  check.created_at = rules.now;
  return check;
}

} // namespace cancelog::core
