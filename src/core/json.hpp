#pragma once

#include "core/model.hpp"

#include <nlohmann/json.hpp>

namespace cancelog::core {

// JSON with keys in insertion order, so that output is stable byte for byte.
using Json = nlohmann::ordered_json;

// The JSON form of each record, with the field names of SPEC.md. These are the one place the
// field names are spelled: --json output, exports and the history all use them.
Json to_json(const Case& c);
Json to_json(const Check& check);
Json to_json(const Operator& op);
Json to_json(const Tick& tick);
Json to_json(const ReceiptFile& file);
Json to_json(const Event& event);

// JSON null for an empty optional, else the value.
template <class T> Json json_or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

} // namespace cancelog::core
