#include "core/history.hpp"

#include "core/json.hpp"

namespace cancelog::core {

std::optional<StatusOrigin> status_origin(const std::vector<Event>& history) {
  const auto origin_of = [&](const Event& setter) {
    StatusOrigin origin;
    origin.group_id = setter.group_id;
    origin.command = setter.command;
    origin.at = setter.at;
    for (const auto& e : history) {
      if (e.group_id != setter.group_id || e.new_json.empty()) {
        continue;
      }
      const Json value = Json::parse(e.new_json, nullptr, false);
      if (e.kind == "check.add" && value.is_object() &&
          value.value("id", Json()).is_number_integer()) {
        origin.check_id = value["id"].get<std::int64_t>();
      } else if (e.kind == k_reason_kind && value.is_string()) {
        origin.reason = value.get<std::string>();
      }
    }
    return origin;
  };
  for (const auto& e : history) {
    if (e.undone || e.undoes) {
      continue;
    }
    const bool sets_status = (e.kind == "case.update" && e.field == "status") ||
                             e.kind == "case.add" || e.case_last.has_value();
    if (sets_status) {
      return origin_of(e);
    }
  }
  return std::nullopt;
}

} // namespace cancelog::core
