#pragma once

#include "core/model.hpp"

#include <string>
#include <vector>

namespace cancelog::render {

// What a history line may draw on besides the event itself.
struct EventContext {
  // Events that include those of the event's own group (any order, others are ignored), so
  // that a status change can name the check or the reason behind it; none when null.
  const std::vector<core::Event>* group = nullptr;
  // The zone in which instants inside an event (a check's time) are shown; UTC when null.
  const util::TimeZone* zone = nullptr;
};

// One human-readable line for an event, e.g.
// "#4 status pending → confirmed (check by phone, ref AZ-1552)" or
// "#1 added: +994501234567, Azercell, store, requested 2026-03-01".
std::string describe_event(const core::Event& event, const EventContext& context = {});

} // namespace cancelog::render
