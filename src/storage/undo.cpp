// undo: reverting the newest command that is not undone yet, as a new event group.
//
// Every revert is written through the same Store methods as the original change where one
// exists (update_case, untick, set_setting, update_operator, ...), so the undo group's events
// describe what was put back; deletions record their own "….remove" events. Kinds that only
// an undo writes are never reverted: an undo is never undone (a second undo reverts the
// command before).
#include "core/history.hpp"
#include "core/json.hpp"
#include "storage/query.hpp"
#include "util/i18n.hpp"

#include <algorithm>
#include <array>

namespace cancelog::storage {

using detail::Query;

namespace {

// The event kinds a command can write and undo can revert.
constexpr std::array<std::string_view, 13> k_undo_revertible{
    "case.add",         "case.update", core::k_reason_kind, "check.add",     "checklist.tick",
    "checklist.untick", "setting.set", "operator.add",      "operator.edit", "prefix.add",
    "prefix.remove",    "receipt.add", "case.import"};

core::Json undo_parse(const std::string& text) {
  return text.empty() ? core::Json(nullptr) : core::Json::parse(text, nullptr, false);
}

// Reverts the events of one group; every failure names the group and says nothing was undone
// (the Change rolls back).
class Reverter {
public:
  Reverter(Store& store, Change& change, const UndoneGroup& target)
      : m_store(store), m_change(change), m_target(target) {}

  void revert(const core::Event& e) {
    if (e.kind == "case.add") {
      revert_case_add(e);
    } else if (e.kind == "case.update") {
      revert_case_update(e);
    } else if (e.kind == core::k_reason_kind) {
      // The reason of a withdraw or reopen is history only; the status change beside it is
      // what gets reverted.
    } else if (e.kind == "check.add") {
      delete_row(e, "DELETE FROM checks WHERE id = ?", "check.remove");
    } else if (e.kind == "checklist.tick") {
      revert_tick(e);
    } else if (e.kind == "checklist.untick") {
      revert_untick(e);
    } else if (e.kind == "setting.set") {
      revert_setting(e);
    } else if (e.kind == "operator.add") {
      revert_operator_add(e);
    } else if (e.kind == "operator.edit") {
      revert_operator_edit(e);
    } else if (e.kind == "prefix.add") {
      revert_prefix_add(e);
    } else if (e.kind == "prefix.remove") {
      revert_prefix_remove(e);
    } else if (e.kind == "receipt.add") {
      delete_row(e, "DELETE FROM receipt_files WHERE id = ?", "receipt.remove");
    } else if (e.kind == "case.import") {
      revert_case_import(e);
    } else {
      fail(util::trf("it recorded a {} change, which this cancelog cannot revert", e.kind));
    }
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw Error(util::trf("cannot undo '{}' of {} (group {}): {}; nothing was undone",
                          m_target.command, util::format_utc(m_target.at), m_target.group_id, why));
  }

private:
  std::int64_t case_of(const core::Event& e) const {
    if (!e.case_id) {
      fail(util::trf("its {} event names no case", e.kind));
    }
    return *e.case_id;
  }

  core::Case current_case(const core::Event& e) {
    const std::int64_t id = case_of(e);
    auto found = m_store.find_case(id);
    if (!found) {
      fail(util::trf("case {} no longer exists", id));
    }
    return *found;
  }

  std::int64_t id_in(const core::Event& e, const core::Json& value) const {
    if (!value.is_object() || !value.value("id", core::Json()).is_number_integer()) {
      fail(util::trf("its {} event holds no id", e.kind));
    }
    return value["id"].get<std::int64_t>();
  }

  void revert_case_add(const core::Event& e) {
    const core::Case c = current_case(e);
    Query q(m_store, "DELETE FROM cases WHERE id = ?");
    q->bind(1, c.id);
    q->exec();
    m_change.record(c.id, "case.remove", "", core::to_json(c).dump(), "");
  }

  // Sets one recorded field of a case from its JSON value (field names of core::to_json).
  void set_case_field(core::Case& c, const std::string& field, const core::Json& v) {
    const auto text = [&] {
      if (!v.is_string()) {
        fail(util::trf("the old value of {} is not text", field));
      }
      return v.get<std::string>();
    };
    const auto enum_value = [&](auto parsed) {
      if (!parsed) {
        fail(util::trf("the old value of {} is not valid", field));
      }
      return *parsed;
    };
    const auto date_value = [&](const std::string& s) {
      const auto day = util::parse_iso_date(s);
      if (!day) {
        fail(util::trf("the old value of {} is not a date", field));
      }
      return *day;
    };
    if (field == "number") {
      c.number = text();
    } else if (field == "number_raw") {
      c.number_raw = text();
    } else if (field == "operator") {
      const auto op = m_store.find_operator(text());
      if (!op) {
        fail(util::trf("operator {} no longer exists", v.dump()));
      }
      c.operator_id = op->id;
      c.operator_name = op->name;
    } else if (field == "operator_inferred" && v.is_boolean()) {
      c.operator_inferred = v.get<bool>();
    } else if (field == "card") {
      c.card = enum_value(core::parse_enum<core::Card>(text()));
    } else if (field == "channel") {
      c.channel = enum_value(core::parse_enum<core::Channel>(text()));
    } else if (field == "requested_on") {
      c.requested_on = date_value(text());
    } else if (field == "receipt") {
      c.receipt = text();
    } else if (field == "status") {
      c.status = enum_value(core::parse_enum<core::Status>(text()));
    } else if (field == "next_check_on") {
      c.next_check_on = v.is_null() ? std::nullopt : std::optional(date_value(text()));
    } else if (field == "note") {
      c.note = text();
    } else if (field == "follows" && (v.is_null() || v.is_number_integer())) {
      c.follows = v.is_null() ? std::nullopt : std::optional(v.get<std::int64_t>());
    } else {
      fail(util::trf("it changed the case field {}, which cannot be set back", field));
    }
  }

  void revert_case_update(const core::Event& e) {
    const core::Case before = current_case(e);
    core::Case after = before;
    set_case_field(after, e.field, undo_parse(e.old_json));
    // The state must be what the command left: later commands are undone already, so a
    // difference means the file was changed behind cancelog's back.
    if (core::to_json(before)[e.field] != undo_parse(e.new_json)) {
      fail(util::trf("the {} of case {} is no longer what it left", e.field, before.id));
    }
    m_store.update_case(m_change, before, after);
  }

  void delete_row(const core::Event& e, const char* sql, std::string_view removed_kind) {
    const std::int64_t id = id_in(e, undo_parse(e.new_json));
    Query q(m_store, sql);
    q->bind(1, id);
    if (q->exec() == 0) {
      fail(util::trf("the record it added ({} {}) no longer exists", e.kind, id));
    }
    m_change.record(e.case_id, removed_kind, "", e.new_json, "");
  }

  core::ChecklistItem item_of(const core::Event& e) const {
    const auto item = core::parse_enum<core::ChecklistItem>(e.field);
    if (!item) {
      fail(util::trf("it names an unknown checklist item {}", e.field));
    }
    return *item;
  }

  void revert_tick(const core::Event& e) {
    if (!m_store.untick(m_change, case_of(e), item_of(e))) {
      fail(util::trf("{} is no longer ticked", e.field));
    }
  }

  void revert_untick(const core::Event& e) {
    // Ticked again with the instant it had, not now.
    const core::Json ticked_at = undo_parse(e.old_json);
    if (!ticked_at.is_string() || !util::parse_utc(ticked_at.get<std::string>())) {
      fail(util::trf("it holds no instant for {}", e.field));
    }
    Query q(m_store, "INSERT OR IGNORE INTO checklist (case_id, item, ticked_at) VALUES (?, ?, ?)");
    q->bind(1, case_of(e));
    q->bind(2, e.field);
    q->bind(3, ticked_at.get<std::string>());
    if (q->exec() == 0) {
      fail(util::trf("{} is ticked again already", e.field));
    }
    m_change.record(case_of(e), "checklist.tick", e.field, "", e.old_json);
  }

  void revert_setting(const core::Event& e) {
    const core::Settings now = m_store.settings();
    const core::Json expected = undo_parse(e.new_json);
    const bool is_set = now.is_set(e.field);
    if (is_set != expected.is_string() || (is_set && core::Json(now.get(e.field)) != expected)) {
      fail(util::trf("the setting {} is no longer what it left", e.field));
    }
    const core::Json old_value = undo_parse(e.old_json);
    m_store.set_setting(m_change, e.field,
                        old_value.is_string() ? std::optional(old_value.get<std::string>())
                                              : std::nullopt);
  }

  void revert_operator_add(const core::Event& e) {
    const std::int64_t id = id_in(e, undo_parse(e.new_json));
    const auto op = m_store.operator_by_id(id);
    if (!op) {
      fail(util::trf("the operator it added (id {}) no longer exists", id));
    }
    {
      Query uses(m_store, "SELECT count(*) FROM cases WHERE operator_id = ?");
      uses->bind(1, id);
      if (uses->executeStep() && uses->getColumn(0).getInt64() > 0) {
        fail(util::trf("cases of operator {} exist", op->name));
      }
    }
    Query q(m_store, "DELETE FROM operators WHERE id = ?");
    q->bind(1, id);
    q->exec();
    m_change.record(std::nullopt, "operator.remove", "", core::to_json(*op).dump(), "");
  }

  void revert_operator_edit(const core::Event& e) {
    const core::Json old_value = undo_parse(e.old_json);
    const core::Json new_value = undo_parse(e.new_json);
    if (!old_value.is_object() || !old_value.value("operator", core::Json()).is_number_integer() ||
        !old_value.value("value", core::Json()).is_string()) {
      fail(util::trf("its {} event is not readable", e.kind));
    }
    const auto id = old_value["operator"].get<std::int64_t>();
    const auto before = m_store.operator_by_id(id);
    if (!before) {
      fail(util::trf("the operator it changed (id {}) no longer exists", id));
    }
    const core::Json current = core::to_json(*before);
    if (!new_value.is_object() || current.value(e.field, core::Json()) != new_value["value"]) {
      fail(util::trf("the {} of operator {} is no longer what it left", e.field, before->name));
    }
    core::Operator after = *before;
    const auto value = old_value["value"].get<std::string>();
    if (e.field == "name") {
      after.name = value;
    } else if (e.field == "country") {
      after.country = value;
    } else if (e.field == "hotline") {
      after.hotline = value;
    } else if (e.field == "website") {
      after.website = value;
    } else if (e.field == "note") {
      after.note = value;
    } else {
      fail(util::trf("it changed the operator field {}, which cannot be set back", e.field));
    }
    m_store.update_operator(m_change, *before, after);
  }

  // The prefix and operator name of a prefix event.
  std::pair<std::string, std::string> prefix_of(const core::Event& e, const core::Json& v) const {
    if (!v.is_object() || !v.value("prefix", core::Json()).is_string() ||
        !v.value("operator", core::Json()).is_string()) {
      fail(util::trf("its {} event is not readable", e.kind));
    }
    return {v["prefix"].get<std::string>(), v["operator"].get<std::string>()};
  }

  void revert_prefix_add(const core::Event& e) {
    const std::string prefix = prefix_of(e, undo_parse(e.new_json)).first;
    const auto hints = m_store.prefix_hints();
    if (std::none_of(hints.begin(), hints.end(),
                     [&](const core::PrefixHint& h) { return h.prefix == prefix; })) {
      fail(util::trf("the prefix {} is gone already", prefix));
    }
    m_store.remove_prefix_hint(m_change, prefix);
  }

  void revert_prefix_remove(const core::Event& e) {
    // Plain variables: clang before 16 does not let lambdas capture structured bindings.
    const auto hint = prefix_of(e, undo_parse(e.old_json));
    const std::string& prefix = hint.first;
    const std::string& name = hint.second;
    const auto op = m_store.find_operator(name);
    if (!op) {
      fail(util::trf("operator {} no longer exists", name));
    }
    const auto hints = m_store.prefix_hints();
    if (std::any_of(hints.begin(), hints.end(),
                    [&](const core::PrefixHint& h) { return h.prefix == prefix; })) {
      fail(util::trf("the prefix {} is in use again", prefix));
    }
    m_store.add_prefix_hint(m_change, prefix, *op);
  }

  void revert_case_import(const core::Event& e) {
    // A bulk import is one range event: the cases first..last, made in one transaction, so
    // the range holds nothing else. Their checks, ticks and files go with them.
    const std::int64_t first = case_of(e);
    const std::int64_t last = e.case_last.value_or(first);
    Query q(m_store, "DELETE FROM cases WHERE id BETWEEN ? AND ?");
    q->bind(1, first);
    q->bind(2, last);
    const int removed = q->exec();
    m_change.record_range(first, last, "case.remove", core::Json{{"removed", removed}}.dump());
  }

  Store& m_store;
  Change& m_change;
  const UndoneGroup& m_target;
};

} // namespace

std::optional<UndoneGroup> Store::undo_last(Change& change) {
  // Groups before this undo's own; undo groups and undone ones are skipped, so a second undo
  // reaches the command before.
  UndoneGroup target;
  {
    Query find(*this, "SELECT id, at, command FROM event_groups WHERE id < ? AND undoes IS NULL "
                      "AND undone_by IS NULL ORDER BY id DESC LIMIT 1");
    find->bind(1, change.group_id());
    if (!find->executeStep()) {
      return std::nullopt;
    }
    target.group_id = find->getColumn(0).getInt64();
    target.at = detail::column_instant(find->getColumn(1));
    target.command = find->getColumn(2).getString();
  }

  const auto events = group_events(target.group_id);
  target.events = events.size();
  Reverter reverter(*this, change, target);
  // Refuse before the first write rather than half-way through.
  for (const auto& e : events) {
    if (std::find(k_undo_revertible.begin(), k_undo_revertible.end(), e.kind) ==
        k_undo_revertible.end()) {
      reverter.fail(
          util::trf("it recorded a {} change, which this cancelog cannot revert", e.kind));
    }
  }
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    reverter.revert(*it);
  }
  if (change.event_count() == 0) {
    reverter.fail(_("it changed nothing that can be set back"));
  }
  Query mark_undone(*this, "UPDATE event_groups SET undone_by = ? WHERE id = ?");
  mark_undone->bind(1, change.group_id());
  mark_undone->bind(2, target.group_id);
  mark_undone->exec();
  Query mark_undo(*this, "UPDATE event_groups SET undoes = ? WHERE id = ?");
  mark_undo->bind(1, target.group_id);
  mark_undo->bind(2, change.group_id());
  mark_undo->exec();
  return target;
}

} // namespace cancelog::storage
