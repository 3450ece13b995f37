#include "render/history.hpp"

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

} // namespace

std::string describe_event(const core::Event& e) {
  const core::Json old_value = parse(e.old_json);
  const core::Json new_value = parse(e.new_json);
  std::string text = case_prefix(e);
  if (e.kind == "case.add") {
    text += util::trf("added: {}, {}, {}, requested {}", plain(new_value.value("number", "")),
                      plain(new_value.value("operator", "")), plain(new_value.value("channel", "")),
                      plain(new_value.value("requested_on", "")));
  } else if (e.kind == "case.import") {
    text += util::trf("imported from {}", plain(new_value.value("file", "")));
  } else if (e.kind == "checklist.tick") {
    text += util::trf("ticked {}", e.field);
  } else if (e.kind == "checklist.untick") {
    text += util::trf("unticked {}", e.field);
  } else if (e.kind == "operator.add") {
    text += util::trf("operator {} added", plain(new_value.value("name", "")));
  } else if (e.kind == "setting.set") {
    text += util::trf("setting {}: {} → {}", e.field, plain(old_value), plain(new_value));
  } else if (!e.field.empty()) {
    const core::Json& before = old_value.is_object() ? old_value["value"] : old_value;
    const core::Json& after = new_value.is_object() ? new_value["value"] : new_value;
    text += util::trf("{} {} → {}", e.field, plain(before), plain(after));
  } else {
    text += e.kind;
  }
  if (e.undone) {
    text += _(" (undone)");
  }
  return text;
}

} // namespace cancelog::render
