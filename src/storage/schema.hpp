#pragma once

#include <span>
#include <string_view>

namespace cancelog::storage {

// One schema file: schema/NNNN_name.sql, applied to go from version NNNN-1 to NNNN.
struct Migration {
  std::string_view name;
  std::string_view sql;
};

// The schema files in order, embedded at build time; version N is k_migrations[N-1].
extern const std::span<const Migration> k_migrations;

// The schema version this program writes.
inline int latest_schema_version() {
  return static_cast<int>(k_migrations.size());
}

} // namespace cancelog::storage
