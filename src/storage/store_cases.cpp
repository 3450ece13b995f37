// Cases: insertion, lookup and filtered listing.
#include "core/checklist.hpp"
#include "core/json.hpp"
#include "storage/query.hpp"
#include "util/i18n.hpp"

namespace cancelog::storage {

using detail::Query;

namespace detail {

std::string_view column_view(const SQLite::Column& column) {
  const char* text = column.getText();
  return {text, static_cast<std::size_t>(column.getBytes())};
}

util::Date column_date(const SQLite::Column& column) {
  const auto day = util::parse_iso_date(column_view(column));
  if (!day) {
    throw Error("database holds a bad date in column " + std::string(column.getName()) +
                "; run 'cancelog doctor'");
  }
  return *day;
}

bool Rows::next() {
  if (!m_stmt.executeStep()) {
    return false;
  }
  if (m_columns.empty()) {
    m_columns.reserve(static_cast<std::size_t>(m_stmt.getColumnCount()));
    for (int i = 0; i < m_stmt.getColumnCount(); ++i) {
      m_columns.push_back(m_stmt.getColumn(i));
    }
  }
  return true;
}

std::string_view Rows::text(int index) const {
  return column_view(m_columns[index]);
}

util::Date Rows::date(int index) const {
  return column_date(m_columns[index]);
}

std::optional<util::Date> column_optional_date(const SQLite::Column& column) {
  if (column.isNull()) {
    return std::nullopt;
  }
  return column_date(column);
}

util::Instant column_instant(const SQLite::Column& column) {
  const auto at = util::parse_utc(column_view(column));
  if (!at) {
    throw Error("database holds a bad instant in column " + std::string(column.getName()) +
                "; run 'cancelog doctor'");
  }
  return *at;
}

std::optional<std::int64_t> column_optional_int(const SQLite::Column& column) {
  if (column.isNull()) {
    return std::nullopt;
  }
  return column.getInt64();
}

void read_case_into(const Rows& row, core::Case& c) {
  // assign() keeps the strings' storage: a visit of a million cases allocates little.
  const auto text = [&](int index, std::string& target) { target.assign(row.text(index)); };
  c.id = row.int64(0);
  text(1, c.uuid);
  text(2, c.number);
  text(3, c.number_raw);
  c.operator_id = row.int64(4);
  text(5, c.operator_name);
  c.operator_inferred = row.int64(6) != 0;
  c.card = row.enumeration<core::Card>(7);
  c.channel = row.enumeration<core::Channel>(8);
  c.requested_on = row.date(9);
  text(10, c.receipt);
  c.status = row.enumeration<core::Status>(11);
  c.next_check_on = column_optional_date(row.column(12));
  text(13, c.note);
  c.follows = column_optional_int(row.column(14));
  c.created_at = column_instant(row.column(15));
  c.updated_at = column_instant(row.column(16));
}

namespace {

// Escapes LIKE wildcards so that --search finds the text as typed.
std::string like_pattern(std::string_view text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '%';
  return out;
}

} // namespace

std::string case_selection(const core::CaseFilter& filter) {
  // Assembled from fixed fragments; every value is a named parameter.
  std::string where = "1 = 1";
  if (!filter.statuses.empty()) {
    where += " AND c.status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
      where += (i == 0 ? ":status" : ", :status") + std::to_string(i);
    }
    where += ")";
  }
  if (filter.operator_id) {
    where += " AND c.operator_id = :operator";
  }
  if (filter.channel) {
    where += " AND c.channel = :channel";
  }
  if (filter.number) {
    where += " AND c.number = :number";
  }
  if (filter.since) {
    where += " AND c.requested_on >= :since";
  }
  if (filter.until) {
    where += " AND c.requested_on <= :until";
  }
  if (filter.due_by) {
    where += " AND c.next_check_on <= :due";
  }
  if (filter.with_next_check) {
    where += " AND c.next_check_on IS NOT NULL";
  }
  if (filter.search) {
    where += " AND (c.number LIKE :search ESCAPE '\\' OR c.number_raw LIKE :search ESCAPE '\\'"
             " OR c.receipt LIKE :search ESCAPE '\\' OR c.note LIKE :search ESCAPE '\\'"
             " OR o.name LIKE :search ESCAPE '\\' OR EXISTS (SELECT 1 FROM checks AS k"
             " WHERE k.case_id = c.id AND (k.reference LIKE :search ESCAPE '\\'"
             " OR k.note LIKE :search ESCAPE '\\')))";
  }
  if (filter.limit) {
    // --limit keeps the newest requests, as `list` shows them, whatever order the caller
    // visits them in.
    return "c.id IN (SELECT c.id FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
           "WHERE " +
           where + " ORDER BY c.requested_on DESC, c.id DESC LIMIT :limit)";
  }
  return where;
}

void bind_case_selection(SQLite::Statement& stmt, const core::CaseFilter& filter) {
  for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
    stmt.bind(":status" + std::to_string(i), std::string(core::name_of(filter.statuses[i])));
  }
  if (filter.operator_id) {
    stmt.bind(":operator", *filter.operator_id);
  }
  if (filter.channel) {
    stmt.bind(":channel", std::string(core::name_of(*filter.channel)));
  }
  if (filter.number) {
    stmt.bind(":number", *filter.number);
  }
  if (filter.since) {
    stmt.bind(":since", util::format_date(*filter.since));
  }
  if (filter.until) {
    stmt.bind(":until", util::format_date(*filter.until));
  }
  if (filter.due_by) {
    stmt.bind(":due", util::format_date(*filter.due_by));
  }
  if (filter.search) {
    stmt.bind(":search", like_pattern(*filter.search));
  }
  if (filter.limit) {
    stmt.bind(":limit", *filter.limit);
  }
}

} // namespace detail

namespace {

using namespace detail;

#define CASE_FIELDS                                                                                \
  "c.id, c.uuid, c.number, c.number_raw, c.operator_id, o.name, c.operator_inferred, c.card, "     \
  "c.channel, c.requested_on, c.receipt, c.status, c.next_check_on, c.note, c.follows, "           \
  "c.created_at, c.updated_at "
#define CASE_FROM "FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
#define CASE_COLUMNS CASE_FIELDS CASE_FROM

core::Case read_case(const Rows& row) {
  core::Case c;
  read_case_into(row, c);
  return c;
}

std::optional<core::Case> first_case(Query& q) {
  Rows row(*q);
  if (row.next()) {
    return read_case(row);
  }
  return std::nullopt;
}

} // namespace

std::int64_t Store::insert_case(Change& change, core::Case& c) {
  c.created_at = change.at();
  c.updated_at = change.at();
  Query q(*this, "INSERT INTO cases (uuid, number, number_raw, operator_id, operator_inferred, "
                 "card, channel, requested_on, receipt, status, next_check_on, note, follows, "
                 "created_at, updated_at, after_todo) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->bind(1, c.uuid);
  q->bind(2, c.number);
  q->bind(3, c.number_raw);
  q->bind(4, c.operator_id);
  q->bind(5, c.operator_inferred ? 1 : 0);
  q->bind(6, std::string(core::name_of(c.card)));
  q->bind(7, std::string(core::name_of(c.channel)));
  q->bind(8, util::format_date(c.requested_on));
  q->bind(9, c.receipt);
  q->bind(10, std::string(core::name_of(c.status)));
  bind_optional(
      *q, 11, c.next_check_on ? std::optional(util::format_date(*c.next_check_on)) : std::nullopt);
  q->bind(12, c.note);
  bind_optional(*q, 13, c.follows);
  q->bind(14, util::format_utc(c.created_at));
  q->bind(15, util::format_utc(c.updated_at));
  bind_optional(*q, 16, core::after_bits(c.status, c.card));
  q->exec();
  c.id = m_db->getLastInsertRowid();
  change.record(c.id, "case.add", "", "", core::to_json(c).dump());
  return c.id;
}

std::size_t Store::update_case(Change& change, const core::Case& before, const core::Case& after) {
  const core::Json old_json = core::to_json(before);
  const core::Json new_json = core::to_json(after);
  // Commands read a case before their transaction begins; inside it, make sure nobody else
  // changed the case meanwhile, so that a concurrent write is never silently overwritten.
  const auto current = find_case(before.id);
  if (!current || core::to_json(*current) != old_json) {
    throw Error(util::trf("case {} was changed by another cancelog process while this command "
                          "ran; nothing was written; run the command again",
                          before.id));
  }
  // The recorded fields a command may change; id, uuid and the instants are not among them.
  static constexpr std::array<const char*, 12> k_fields{
      "number",       "number_raw", "operator", "operator_inferred", "card", "channel",
      "requested_on", "receipt",    "status",   "next_check_on",     "note", "follows"};
  std::size_t changed = 0;
  for (const char* field : k_fields) {
    if (old_json[field] != new_json[field]) {
      change.record(before.id, "case.update", field, old_json[field].dump(),
                    new_json[field].dump());
      ++changed;
    }
  }
  if (changed == 0) {
    return 0;
  }
  Query q(*this, "UPDATE cases SET number = ?, number_raw = ?, operator_id = ?, "
                 "operator_inferred = ?, card = ?, channel = ?, requested_on = ?, receipt = ?, "
                 "status = ?, next_check_on = ?, note = ?, follows = ?, updated_at = ? "
                 "WHERE id = ?");
  q->bind(1, after.number);
  q->bind(2, after.number_raw);
  q->bind(3, after.operator_id);
  q->bind(4, after.operator_inferred ? 1 : 0);
  q->bind(5, std::string(core::name_of(after.card)));
  q->bind(6, std::string(core::name_of(after.channel)));
  q->bind(7, util::format_date(after.requested_on));
  q->bind(8, after.receipt);
  q->bind(9, std::string(core::name_of(after.status)));
  bind_optional(*q, 10,
                after.next_check_on ? std::optional(util::format_date(*after.next_check_on))
                                    : std::nullopt);
  q->bind(11, after.note);
  bind_optional(*q, 12, after.follows);
  q->bind(13, util::format_utc(change.at()));
  q->bind(14, before.id);
  q->exec();
  return changed;
}

std::optional<core::Case> Store::find_case(std::int64_t id) {
  Query q(*this, "SELECT " CASE_COLUMNS "WHERE c.id = ?");
  q->bind(1, id);
  return first_case(q);
}

std::optional<core::Case> Store::find_case_by_uuid(std::string_view uuid) {
  Query q(*this, "SELECT " CASE_COLUMNS "WHERE c.uuid = ?");
  q->bind(1, std::string(uuid));
  return first_case(q);
}

namespace {

// WHERE and ORDER BY of a filter's cases. In the order `list` shows them, --limit is a plain
// LIMIT; in id order it needs the selection's subquery (the newest requests, visited by id).
std::string case_order_and_limit(const core::CaseFilter& filter) {
  if (filter.order == core::CaseOrder::recorded) {
    return "WHERE " + case_selection(filter) + " ORDER BY c.id";
  }
  core::CaseFilter unlimited = filter;
  unlimited.limit.reset();
  return "WHERE " + case_selection(unlimited) + " ORDER BY c.requested_on DESC, c.id DESC" +
         (filter.limit ? " LIMIT :limit" : "");
}

} // namespace

void Store::for_each_case(const core::CaseFilter& filter,
                          const std::function<void(const core::Case&)>& visit) {
  const std::string sql = "SELECT " CASE_COLUMNS + case_order_and_limit(filter);
  SQLite::Statement stmt(*m_db, sql);
  bind_case_selection(stmt, filter);
  core::Case c;
  Rows row(stmt);
  while (row.next()) {
    read_case_into(row, c);
    visit(c);
  }
}

void Store::for_each_case_with_last_check(
    const core::CaseFilter& filter,
    const std::function<void(const core::Case&, std::optional<util::Instant>)>& visit) {
  // One statement rather than a query per case: the index checks_case gives each maximum.
  const std::string sql =
      "SELECT " CASE_FIELDS ", CASE WHEN c.status = 'requested' THEN NULL ELSE (SELECT "
      "max(k.checked_at) FROM checks AS k WHERE k.case_id = c.id) END " CASE_FROM +
      case_order_and_limit(filter);
  SQLite::Statement stmt(*m_db, sql);
  bind_case_selection(stmt, filter);
  core::Case c;
  constexpr int k_last_check = 17;
  Rows row(stmt);
  while (row.next()) {
    read_case_into(row, c);
    const auto& last = row.column(k_last_check);
    visit(c, last.isNull() ? std::nullopt : std::optional(column_instant(last)));
  }
}

void Store::for_each_case_facts(std::optional<util::Date> since,
                                const std::function<void(const core::CaseFacts&)>& visit) {
  Query q(*this, "SELECT c.status, o.name, c.channel, c.requested_on, c.next_check_on, "
                 "CASE WHEN c.status = 'confirmed' THEN (SELECT max(k.checked_at) FROM checks "
                 "AS k WHERE k.case_id = c.id AND k.outcome = 'confirmed') END "
                 "FROM cases AS c JOIN operators AS o ON o.id = c.operator_id "
                 "WHERE ?1 IS NULL OR c.requested_on >= ?1");
  bind_optional(*q, 1, since ? std::optional(util::format_date(*since)) : std::nullopt);
  core::CaseFacts facts;
  while (q->executeStep()) {
    facts.status = column_enum<core::Status>(q->getColumn(0));
    facts.operator_name = q->getColumn(1).getString();
    facts.channel = column_enum<core::Channel>(q->getColumn(2));
    facts.requested_on = column_date(q->getColumn(3));
    facts.next_check_on = column_optional_date(q->getColumn(4));
    facts.confirmed_at.reset();
    if (!q->getColumn(5).isNull()) {
      facts.confirmed_at = column_instant(q->getColumn(5));
    }
    visit(facts);
  }
}

std::optional<std::int64_t> Store::case_id_by_uuid(std::string_view uuid) {
  Query q(*this, "SELECT id FROM cases WHERE uuid = ?");
  q->bind(1, std::string(uuid));
  if (q->executeStep()) {
    return q->getColumn(0).getInt64();
  }
  return std::nullopt;
}

std::vector<core::Case> Store::open_cases_for_number(std::string_view e164) {
  Query q(*this, "SELECT " CASE_COLUMNS
                 "WHERE c.number = ? AND c.status IN ('requested', 'pending', 'action-needed', "
                 "'no-answer') ORDER BY c.id");
  q->bind(1, std::string(e164));
  std::vector<core::Case> out;
  Rows row(*q);
  while (row.next()) {
    out.push_back(read_case(row));
  }
  return out;
}

std::optional<core::Case> Store::latest_case_for_number(std::string_view e164) {
  Query q(*this, "SELECT " CASE_COLUMNS "WHERE c.number = ? ORDER BY c.id DESC LIMIT 1");
  q->bind(1, std::string(e164));
  return first_case(q);
}

std::vector<std::int64_t> Store::followers_of(std::int64_t case_id) {
  Query q(*this, "SELECT id FROM cases WHERE follows = ? ORDER BY id");
  q->bind(1, case_id);
  std::vector<std::int64_t> out;
  while (q->executeStep()) {
    out.push_back(q->getColumn(0).getInt64());
  }
  return out;
}

std::optional<util::Instant> Store::last_check_at(std::int64_t case_id) {
  Query q(*this, "SELECT max(checked_at) FROM checks WHERE case_id = ?");
  q->bind(1, case_id);
  if (q->executeStep() && !q->getColumn(0).isNull()) {
    return column_instant(q->getColumn(0));
  }
  return std::nullopt;
}

} // namespace cancelog::storage
