#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cancelog::core {

// The command that gave a case its present status, found in its history.
struct StatusOrigin {
  std::int64_t group_id = 0;
  std::string command; // "add", "check", "withdraw", "reopen", "import", ...
  util::Instant at{};
  std::optional<std::int64_t> check_id; // the check, when a check set the status
  std::string reason;                   // the note of a withdraw or reopen
};

// The event kind that carries the reason of a withdraw or reopen (a JSON string in `new`).
inline constexpr std::string_view k_reason_kind = "case.reason";

// Finds what set the present status in a case's history (newest first): the newest status
// change that is neither undone nor written by an undo (an undo restores the state an older
// command left, so that command is the origin), else the event that created the case.
std::optional<StatusOrigin> status_origin(const std::vector<Event>& history);

} // namespace cancelog::core
