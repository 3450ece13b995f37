// The operator directory, prefix hints and settings.
#include "core/json.hpp"
#include "storage/query.hpp"

namespace cancelog::storage {

using detail::Query;

namespace {

core::Operator read_operator(SQLite::Statement& row) {
  core::Operator op;
  op.id = row.getColumn(0).getInt64();
  op.name = row.getColumn(1).getString();
  op.country = row.getColumn(2).getString();
  op.hotline = row.getColumn(3).getString();
  op.website = row.getColumn(4).getString();
  op.note = row.getColumn(5).getString();
  return op;
}

#define OPERATOR_COLUMNS "SELECT id, name, country, hotline, website, note FROM operators "

} // namespace

std::vector<core::Operator> Store::operators() {
  Query q(*this, OPERATOR_COLUMNS "ORDER BY name COLLATE NOCASE");
  std::vector<core::Operator> out;
  while (q->executeStep()) {
    out.push_back(read_operator(*q));
  }
  return out;
}

std::optional<core::Operator> Store::find_operator(std::string_view name) {
  Query q(*this, OPERATOR_COLUMNS "WHERE name = ?");
  q->bind(1, std::string(name));
  if (q->executeStep()) {
    return read_operator(*q);
  }
  return std::nullopt;
}

std::optional<core::Operator> Store::operator_by_id(std::int64_t id) {
  Query q(*this, OPERATOR_COLUMNS "WHERE id = ?");
  q->bind(1, id);
  if (q->executeStep()) {
    return read_operator(*q);
  }
  return std::nullopt;
}

std::vector<core::PrefixHint> Store::prefix_hints() {
  Query q(*this, "SELECT h.prefix, h.operator_id, o.name FROM prefix_hints AS h "
                 "JOIN operators AS o ON o.id = h.operator_id ORDER BY h.prefix");
  std::vector<core::PrefixHint> out;
  while (q->executeStep()) {
    out.push_back(
        {q->getColumn(0).getString(), q->getColumn(1).getInt64(), q->getColumn(2).getString()});
  }
  return out;
}

std::int64_t Store::add_operator(Change& change, const core::Operator& op) {
  Query q(*this,
          "INSERT INTO operators (name, country, hotline, website, note) VALUES (?, ?, ?, ?, ?)");
  q->bind(1, op.name);
  q->bind(2, op.country);
  q->bind(3, op.hotline);
  q->bind(4, op.website);
  q->bind(5, op.note);
  q->exec();
  core::Operator added = op;
  added.id = m_db->getLastInsertRowid();
  change.record(std::nullopt, "operator.add", "", "", core::to_json(added).dump());
  return added.id;
}

void Store::update_operator(Change& change, const core::Operator& before,
                            const core::Operator& after) {
  const core::Json old_json = core::to_json(before);
  const core::Json new_json = core::to_json(after);
  Query q(*this, "UPDATE operators SET name = ?, country = ?, hotline = ?, website = ?, note = ? "
                 "WHERE id = ?");
  q->bind(1, after.name);
  q->bind(2, after.country);
  q->bind(3, after.hotline);
  q->bind(4, after.website);
  q->bind(5, after.note);
  q->bind(6, before.id);
  q->exec();
  for (const char* field : {"name", "country", "hotline", "website", "note"}) {
    if (old_json[field] != new_json[field]) {
      core::Json old_value{{"operator", before.id}, {"value", old_json[field]}};
      core::Json new_value{{"operator", before.id}, {"value", new_json[field]}};
      change.record(std::nullopt, "operator.edit", field, old_value.dump(), new_value.dump());
    }
  }
}

void Store::add_prefix_hint(Change& change, std::string_view prefix, const core::Operator& op) {
  Query q(*this, "INSERT OR REPLACE INTO prefix_hints (prefix, operator_id) VALUES (?, ?)");
  q->bind(1, std::string(prefix));
  q->bind(2, op.id);
  q->exec();
  change.record(std::nullopt, "prefix.add", "", "",
                core::Json{{"prefix", prefix}, {"operator", op.name}}.dump());
}

void Store::remove_prefix_hint(Change& change, std::string_view prefix) {
  Query find(*this, "SELECT o.name FROM prefix_hints AS h JOIN operators AS o "
                    "ON o.id = h.operator_id WHERE h.prefix = ?");
  find->bind(1, std::string(prefix));
  if (!find->executeStep()) {
    return;
  }
  const std::string name = find->getColumn(0).getString();
  Query q(*this, "DELETE FROM prefix_hints WHERE prefix = ?");
  q->bind(1, std::string(prefix));
  q->exec();
  change.record(std::nullopt, "prefix.remove", "",
                core::Json{{"prefix", prefix}, {"operator", name}}.dump(), "");
}

core::Settings Store::settings() {
  Query q(*this, "SELECT key, value FROM settings");
  std::map<std::string, std::string> values;
  while (q->executeStep()) {
    values.emplace(q->getColumn(0).getString(), q->getColumn(1).getString());
  }
  return core::Settings(std::move(values));
}

void Store::set_setting(Change& change, std::string_view key,
                        const std::optional<std::string>& value) {
  Query old(*this, "SELECT value FROM settings WHERE key = ?");
  old->bind(1, std::string(key));
  std::optional<std::string> before;
  if (old->executeStep()) {
    before = old->getColumn(0).getString();
  }
  if (before == value) {
    return;
  }
  if (value) {
    Query q(*this, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    q->bind(1, std::string(key));
    q->bind(2, *value);
    q->exec();
  } else {
    Query q(*this, "DELETE FROM settings WHERE key = ?");
    q->bind(1, std::string(key));
    q->exec();
  }
  change.record(std::nullopt, "setting.set", key, before ? core::Json(*before).dump() : "",
                value ? core::Json(*value).dump() : "");
}

} // namespace cancelog::storage
