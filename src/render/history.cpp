#include "render/history.hpp"

#include "core/history.hpp"
#include "core/json.hpp"
#include "util/i18n.hpp"

namespace cancelog::render {

namespace {

// A JSON value as people read it: strings bare, null as "-".
std::string plain(const core::Json& value) {
  if (value.is_null()) {
    return "-";
  }
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    return text.empty() ? std::string("\"\"") : text;
  }
  return value.dump();
}

// A member of a JSON object as people read it; "-" when absent.
std::string member(const core::Json& object, const char* key) {
  return object.is_object() && object.contains(key) ? plain(object[key]) : std::string("-");
}

core::Json parse(const std::string& text) {
  return text.empty() ? core::Json(nullptr) : core::Json::parse(text, nullptr, false);
}

std::string case_prefix(const core::Event& e) {
  if (!e.case_id) {
    return {};
  }
  if (e.case_last && *e.case_last != *e.case_id) {
    return fmt::format("#{}–#{} ", *e.case_id, *e.case_last);
  }
  return fmt::format("#{} ", *e.case_id);
}

// "confirmed by phone at 2026-03-09 15:00, ref AZ-1552" for a check's JSON.
std::string describe_check(const core::Json& check, const EventContext& context) {
  std::string when = member(check, "checked_at");
  if (const auto at = util::parse_utc(when); at && context.zone != nullptr) {
    when = util::format_local(*at, *context.zone);
  }
  std::string text =
      util::trf("{} by {} at {}", member(check, "outcome"), member(check, "method"), when);
  const std::string ref = check.is_object() ? check.value("reference", "") : "";
  if (!ref.empty()) {
    text += util::trf(", ref {}", ref);
  }
  return text;
}

// What caused a status change: the check recorded with it, or the command.
std::string status_cause(const core::Event& e, const EventContext& context) {
  if (context.group != nullptr) {
    // A check's status change names the check; a withdraw's or reopen's names its reason.
    for (const auto& other : *context.group) {
      if (other.group_id == e.group_id && other.kind == "check.add") {
        const core::Json check = parse(other.new_json);
        std::string text = util::trf(" (check by {}", member(check, "method"));
        const std::string ref = check.is_object() ? check.value("reference", "") : "";
        if (!ref.empty()) {
          text += util::trf(", ref {}", ref);
        }
        return text + ")";
      }
    }
    for (const auto& other : *context.group) {
      if (other.group_id == e.group_id && other.kind == core::k_reason_kind) {
        return util::trf(" ({}: {})", e.command, plain(parse(other.new_json)));
      }
    }
  }
  if (e.command == "withdraw" || e.command == "reopen") {
    return util::trf(" ({})", e.command);
  }
  return {};
}

} // namespace

std::string describe_event(const core::Event& e, const EventContext& context) {
  const core::Json old_value = parse(e.old_json);
  const core::Json new_value = parse(e.new_json);
  std::string text = case_prefix(e);
  if (e.kind == "case.add") {
    text += util::trf("added: {}, {}, {}, requested {}", member(new_value, "number"),
                      member(new_value, "operator"), member(new_value, "channel"),
                      member(new_value, "requested_on"));
  } else if (e.kind == "case.remove" && e.case_last) {
    const auto removed = new_value.is_object() ? new_value.value("removed", 0UL) : 0UL;
    text += util::trnf("removed ({} case)", "removed ({} cases)", removed, removed);
  } else if (e.kind == "case.remove") {
    text += util::trf("removed: {}, {}, {}, requested {}", member(old_value, "number"),
                      member(old_value, "operator"), member(old_value, "channel"),
                      member(old_value, "requested_on"));
  } else if (e.kind == "case.update" && e.field == "status" && !e.undoes) {
    text +=
        util::trf("status {} → {}{}", plain(old_value), plain(new_value), status_cause(e, context));
  } else if (e.kind == "check.add") {
    text += util::trf("check: {}", describe_check(new_value, context));
  } else if (e.kind == "check.remove") {
    text += util::trf("check removed: {}", describe_check(old_value, context));
  } else if (e.kind == core::k_reason_kind) {
    text += util::trf("reason: {}", plain(new_value));
  } else if (e.kind == "case.import") {
    text += util::trf("imported from {}", member(new_value, "file"));
  } else if (e.kind == "checklist.tick") {
    text += util::trf("ticked {}", e.field);
  } else if (e.kind == "checklist.untick") {
    text += util::trf("unticked {}", e.field);
  } else if (e.kind == "receipt.remove") {
    text += util::trf("receipt file {} removed", member(old_value, "name"));
  } else if (e.kind == "receipt.add") {
    text += util::trf("receipt file {} added ({}, {} bytes, SHA-256 {})",
                      plain(new_value.value("name", "")), plain(new_value.value("media_type", "")),
                      plain(new_value.value("size", 0)), plain(new_value.value("sha256", "")));
  } else if (e.kind == "operator.add") {
    text += util::trf("operator {} added", member(new_value, "name"));
  } else if (e.kind == "operator.remove") {
    text += util::trf("operator {} removed", member(old_value, "name"));
  } else if (e.kind == "prefix.add") {
    text += util::trf("prefix {} → {} added", member(new_value, "prefix"),
                      member(new_value, "operator"));
  } else if (e.kind == "prefix.remove") {
    text += util::trf("prefix {} → {} removed", member(old_value, "prefix"),
                      member(old_value, "operator"));
  } else if (e.kind == "setting.set") {
    text += util::trf("setting {}: {} → {}", e.field, plain(old_value), plain(new_value));
  } else if (!e.field.empty()) {
    // operator.edit wraps its values: {"operator": id, "value": v}.
    const auto value_of = [](const core::Json& v) {
      return v.is_object() && v.contains("value") ? v["value"] : v;
    };
    text +=
        util::trf("{} {} → {}", e.field, plain(value_of(old_value)), plain(value_of(new_value)));
  } else {
    text += e.kind;
  }
  if (e.undoes) {
    text += _(" (undo)");
  }
  if (e.undone) {
    text += _(" (undone)");
  }
  return text;
}

} // namespace cancelog::render
