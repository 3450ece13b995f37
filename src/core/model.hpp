#pragma once

#include "util/time.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cancelog::core {

// How the cancellation was requested.
enum class Channel { store, online, phone, other };
// The kind of line.
enum class Card { prepaid, postpaid };
// Where a case stands; see SPEC.md "Status of a case".
enum class Status { requested, pending, action_needed, no_answer, confirmed, rejected, withdrawn };
// What a status check said.
enum class Outcome { pending, action_needed, no_answer, confirmed, rejected };
// How a status check was made.
enum class Method { phone, online, store, sms, other };
// The checklist items of SPEC.md, "before" items first.
enum class ChecklistItem {
  no_arrears,
  balance_used,
  data_backed_up,
  accounts_moved,
  receipt_kept,
  number_dead,
  sim_destroyed,
  final_bill_settled
};

// The spelling of each value of an enumeration, as stored and as typed on the command line.
template <class E> struct EnumNames;

template <> struct EnumNames<Channel> {
  static constexpr std::array<std::pair<Channel, std::string_view>, 4> k_names{{
      {Channel::store, "store"},
      {Channel::online, "online"},
      {Channel::phone, "phone"},
      {Channel::other, "other"},
  }};
};
template <> struct EnumNames<Card> {
  static constexpr std::array<std::pair<Card, std::string_view>, 2> k_names{{
      {Card::prepaid, "prepaid"},
      {Card::postpaid, "postpaid"},
  }};
};
template <> struct EnumNames<Status> {
  static constexpr std::array<std::pair<Status, std::string_view>, 7> k_names{{
      {Status::requested, "requested"},
      {Status::pending, "pending"},
      {Status::action_needed, "action-needed"},
      {Status::no_answer, "no-answer"},
      {Status::confirmed, "confirmed"},
      {Status::rejected, "rejected"},
      {Status::withdrawn, "withdrawn"},
  }};
};
template <> struct EnumNames<Outcome> {
  static constexpr std::array<std::pair<Outcome, std::string_view>, 5> k_names{{
      {Outcome::pending, "pending"},
      {Outcome::action_needed, "action-needed"},
      {Outcome::no_answer, "no-answer"},
      {Outcome::confirmed, "confirmed"},
      {Outcome::rejected, "rejected"},
  }};
};
template <> struct EnumNames<Method> {
  static constexpr std::array<std::pair<Method, std::string_view>, 5> k_names{{
      {Method::phone, "phone"},
      {Method::online, "online"},
      {Method::store, "store"},
      {Method::sms, "sms"},
      {Method::other, "other"},
  }};
};
template <> struct EnumNames<ChecklistItem> {
  static constexpr std::array<std::pair<ChecklistItem, std::string_view>, 8> k_names{{
      {ChecklistItem::no_arrears, "no-arrears"},
      {ChecklistItem::balance_used, "balance-used"},
      {ChecklistItem::data_backed_up, "data-backed-up"},
      {ChecklistItem::accounts_moved, "accounts-moved"},
      {ChecklistItem::receipt_kept, "receipt-kept"},
      {ChecklistItem::number_dead, "number-dead"},
      {ChecklistItem::sim_destroyed, "sim-destroyed"},
      {ChecklistItem::final_bill_settled, "final-bill-settled"},
  }};
};

// The name of an enumeration value.
template <class E> constexpr std::string_view name_of(E value) {
  for (const auto& [v, name] : EnumNames<E>::k_names) {
    if (v == value) {
      return name;
    }
  }
  return "?";
}

// The value with this exact name, if any.
template <class E> constexpr std::optional<E> parse_enum(std::string_view text) {
  for (const auto& [v, name] : EnumNames<E>::k_names) {
    if (name == text) {
      return v;
    }
  }
  return std::nullopt;
}

// Every name of an enumeration, comma-separated, for error messages and help.
template <class E> std::string enum_choices() {
  std::string out;
  for (const auto& [v, name] : EnumNames<E>::k_names) {
    if (!out.empty()) {
      out += ", ";
    }
    out += name;
  }
  return out;
}

// Every name of an enumeration, in order.
template <class E> std::vector<std::string> enum_names() {
  std::vector<std::string> out;
  for (const auto& [v, name] : EnumNames<E>::k_names) {
    out.emplace_back(name);
  }
  return out;
}

// An operator of the directory.
struct Operator {
  std::int64_t id = 0;
  std::string name;
  std::string country; // ISO 3166 alpha-2, or empty
  std::string hotline;
  std::string website;
  std::string note;
};

// An E.164 prefix that suggests an operator.
struct PrefixHint {
  std::string prefix;
  std::int64_t operator_id = 0;
  std::string operator_name;
};

// A cancellation request and where it stands.
struct Case {
  std::int64_t id = 0;
  std::string uuid;
  std::string number;     // E.164
  std::string number_raw; // as typed
  std::int64_t operator_id = 0;
  std::string operator_name;
  bool operator_inferred = false;
  Card card = Card::prepaid;
  Channel channel = Channel::store;
  util::Date requested_on{};
  std::string receipt;
  Status status = Status::requested;
  std::optional<util::Date> next_check_on;
  std::string note;
  std::optional<std::int64_t> follows;
  util::Instant created_at{};
  util::Instant updated_at{};
};

// A status check recorded against a case.
struct Check {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  util::Instant checked_at{};
  Method method = Method::phone;
  Outcome outcome = Outcome::pending;
  std::string reference;
  std::string note;
  bool imported = false;
  util::Instant created_at{};
};

// A ticked checklist item.
struct Tick {
  ChecklistItem item = ChecklistItem::no_arrears;
  util::Instant ticked_at{};
};

// A receipt file's description (its bytes stay in the database).
struct ReceiptFile {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string name;
  std::string media_type;
  std::int64_t size = 0;
  std::string sha256;
  util::Instant added_at{};
};

// One entry of the history.
struct Event {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  util::Instant at{};
  std::string command;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> case_last;
  std::string kind;
  std::string field;
  std::string old_json; // empty: no old value
  std::string new_json; // empty: no new value
  bool undone = false;
  // Set on the events an `undo` wrote: the group they revert.
  std::optional<std::int64_t> undoes;
};

// The order in which a listing or an export visits cases.
enum class CaseOrder {
  newest_first, // by request date, latest first (`list`)
  recorded      // by id, as they were recorded (exports, so that an import keeps that order)
};

// Which cases a listing or an export covers; every member empty/false means all cases.
struct CaseFilter {
  std::vector<Status> statuses;
  std::optional<std::int64_t> operator_id;
  std::optional<Channel> channel;
  std::optional<std::string> number; // E.164
  std::optional<util::Date> since;
  std::optional<util::Date> until;
  std::optional<util::Date> due_by; // next check on or before this date
  bool with_next_check = false;     // only cases that have a next check
  std::optional<std::string> search;
  std::optional<std::int64_t> limit; // the newest requests, whatever the order of the visit
  CaseOrder order = CaseOrder::newest_first;
};

} // namespace cancelog::core
