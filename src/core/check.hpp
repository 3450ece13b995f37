#pragma once

#include "core/model.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

#include <optional>

namespace cancelog::core {

// How a check is made when --method is not given: the way the request was made (a store
// request is checked in the store, an online one online, a phone one by phone).
Method default_method(Channel channel);

// Checks the instant of a status check: not after `now`, not before the start of the request
// day in `zone`, and not before the case's latest check (checks are recorded in order, so
// that the status is always what the latest check said). Returns the instant.
util::Result<util::Instant> check_time_allowed(util::Instant at, util::Instant now,
                                               util::Date requested_on,
                                               std::optional<util::Instant> latest_check,
                                               const util::TimeZone& zone);

} // namespace cancelog::core
