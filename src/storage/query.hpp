#pragma once

// Internal to src/storage: helpers shared by the Store's source files.

#include "storage/store.hpp"
#include "util/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>
#include <string>

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

// Reads a stored enumeration value; a value the CHECK constraints would not allow means the
// file was edited by hand.
template <class E> E column_enum(const SQLite::Column& column) {
  const auto value = core::parse_enum<E>(column.getString());
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

} // namespace cancelog::storage::detail
