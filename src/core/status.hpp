#pragma once

#include "core/model.hpp"
#include "util/result.hpp"

#include <vector>

namespace cancelog::core {

// True for the statuses that still wait for an answer (requested, pending, action-needed,
// no-answer).
bool is_open(Status status);

// The statuses counted as open, and as closed (confirmed, rejected, withdrawn).
std::vector<Status> open_statuses();
std::vector<Status> closed_statuses();

// The status a check with this outcome gives a case.
Status status_for(Outcome outcome);

// The status after recording a check; refused for a closed case, with how to reopen it.
util::Result<Status> after_check(Status current, Outcome outcome, std::int64_t case_id);

// The status after `withdraw`; refused for a closed case.
util::Result<Status> after_withdraw(Status current, std::int64_t case_id);

// The status after `reopen` (pending); refused for an open case.
util::Result<Status> after_reopen(Status current, std::int64_t case_id);

} // namespace cancelog::core
