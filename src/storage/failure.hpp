#pragma once

#include <exception>
#include <optional>
#include <string>

namespace cancelog::storage {

// A sentence for a database library failure (locked, read-only, disk full, corrupt), or
// nullopt when the exception does not come from the database.
std::optional<std::string> describe_failure(const std::exception& error);

} // namespace cancelog::storage
