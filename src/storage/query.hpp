#pragma once

// Internal to src/storage: helpers shared by the Store's source files.

#include "storage/store.hpp"
#include "util/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::storage::detail {

// A cached statement for the length of one use; reset on scope exit so that no read
// transaction stays open behind the caller's back.
class Query {
public:
  Query(Store& store, const char* sql) : m_stmt(store.statement(sql)) {}
  ~Query() {
    try {
      m_stmt.reset();
    } catch (...) { // NOLINT(bugprone-empty-catch): a failed reset leaves nothing to undo
    }
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  SQLite::Statement* operator->() { return &m_stmt; }
  SQLite::Statement& operator*() { return m_stmt; }

private:
  SQLite::Statement& m_stmt;
};

// Binds an optional value, or NULL.
template <class T>
void bind_optional(SQLite::Statement& stmt, int index, const std::optional<T>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind(index);
  }
}

// The text of a column, valid until the statement moves on.
std::string_view column_view(const SQLite::Column& column);

// Reads a stored enumeration value; a value the CHECK constraints would not allow means the
// file was edited by hand.
template <class E> E column_enum(const SQLite::Column& column) {
  const auto value = core::parse_enum<E>(column_view(column));
  if (!value) {
    throw Error("database holds an unknown value '" + column.getString() + "' in column " +
                column.getName() + "; run 'cancelog doctor'");
  }
  return *value;
}

// Reads a stored date or instant.
util::Date column_date(const SQLite::Column& column);
std::optional<util::Date> column_optional_date(const SQLite::Column& column);
util::Instant column_instant(const SQLite::Column& column);
std::optional<std::int64_t> column_optional_int(const SQLite::Column& column);

// Steps through the rows of a statement, reading each value through one Column object per
// column made at the first row: SQLiteCpp's getColumn makes a new one for every value (with a
// shared_ptr copy and checks), a tenth of `due`'s instructions at 18,000 rows and 5 % of an
// export's. A Column reads its statement's current row whenever it is asked. Every reader of
// cases and checks goes through it.
class Rows {
public:
  explicit Rows(SQLite::Statement& stmt) : m_stmt(stmt) {}

  // Steps to the next row; false after the last.
  bool next();
  // The value of a column in the current row.
  [[nodiscard]] const SQLite::Column& column(int index) const { return m_columns[index]; }
  [[nodiscard]] std::int64_t int64(int index) const { return m_columns[index].getInt64(); }
  [[nodiscard]] std::string_view text(int index) const;
  template <class E> [[nodiscard]] E enumeration(int index) const {
    return column_enum<E>(m_columns[index]);
  }
  [[nodiscard]] util::Date date(int index) const;

private:
  SQLite::Statement& m_stmt;
  std::vector<SQLite::Column> m_columns;
};

// Reads the columns of CASE_COLUMNS (store_cases.cpp) into a case, reusing its strings.
void read_case_into(const Rows& row, core::Case& c);

// The columns of a check (table alias k), as read_check_into reads them.
#define CHECK_COLUMNS                                                                              \
  "k.id, k.case_id, k.checked_at, k.method, k.outcome, k.reference, k.note, k.imported, "          \
  "k.created_at"
void read_check_into(const Rows& row, core::Check& check);

// The condition on cases `c` (joined with operators `o`) that selects the cases of a filter,
// and the binding of its named parameters.
std::string case_selection(const core::CaseFilter& filter);
void bind_case_selection(SQLite::Statement& stmt, const core::CaseFilter& filter);

} // namespace cancelog::storage::detail
