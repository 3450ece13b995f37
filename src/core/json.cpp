#include "core/json.hpp"

namespace cancelog::core {

namespace {

Json date_or_null(const std::optional<util::Date>& day) {
  return day ? Json(util::format_date(*day)) : Json(nullptr);
}

// An event's old/new column holds JSON text; an empty column is null.
Json parse_or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json::parse(text, nullptr, false);
}

} // namespace

Json to_json(const Case& c) {
  Json j;
  j["id"] = c.id;
  j["uuid"] = c.uuid;
  j["number"] = c.number;
  j["number_raw"] = c.number_raw;
  j["operator"] = c.operator_name;
  j["operator_inferred"] = c.operator_inferred;
  j["card"] = name_of(c.card);
  j["channel"] = name_of(c.channel);
  j["requested_on"] = util::format_date(c.requested_on);
  j["receipt"] = c.receipt;
  j["status"] = name_of(c.status);
  j["next_check_on"] = date_or_null(c.next_check_on);
  j["note"] = c.note;
  j["follows"] = json_or_null(c.follows);
  j["created_at"] = util::format_utc(c.created_at);
  j["updated_at"] = util::format_utc(c.updated_at);
  return j;
}

Json to_json(const Check& check) {
  Json j;
  j["id"] = check.id;
  j["case"] = check.case_id;
  j["checked_at"] = util::format_utc(check.checked_at);
  j["method"] = name_of(check.method);
  j["outcome"] = name_of(check.outcome);
  j["reference"] = check.reference;
  j["note"] = check.note;
  j["imported"] = check.imported;
  j["created_at"] = util::format_utc(check.created_at);
  return j;
}

Json to_json(const Operator& op) {
  Json j;
  j["id"] = op.id;
  j["name"] = op.name;
  j["country"] = op.country;
  j["hotline"] = op.hotline;
  j["website"] = op.website;
  j["note"] = op.note;
  return j;
}

Json to_json(const Tick& tick) {
  Json j;
  j["item"] = name_of(tick.item);
  j["ticked_at"] = util::format_utc(tick.ticked_at);
  return j;
}

Json to_json(const ReceiptFile& file) {
  Json j;
  j["id"] = file.id;
  j["case"] = file.case_id;
  j["name"] = file.name;
  j["media_type"] = file.media_type;
  j["size"] = file.size;
  j["sha256"] = file.sha256;
  j["added_at"] = util::format_utc(file.added_at);
  return j;
}

Json to_json(const Event& event) {
  Json j;
  j["id"] = event.id;
  j["group"] = event.group_id;
  j["at"] = util::format_utc(event.at);
  j["command"] = event.command;
  j["case"] = json_or_null(event.case_id);
  if (event.case_last) {
    j["case_last"] = *event.case_last;
  }
  j["kind"] = event.kind;
  j["field"] = event.field.empty() ? Json(nullptr) : Json(event.field);
  j["old"] = parse_or_null(event.old_json);
  j["new"] = parse_or_null(event.new_json);
  j["undone"] = event.undone;
  j["undoes"] = json_or_null(event.undoes);
  return j;
}

} // namespace cancelog::core
