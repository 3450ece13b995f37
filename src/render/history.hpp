#pragma once

#include "core/model.hpp"

#include <string>

namespace cancelog::render {

// One human-readable line for an event, e.g.
// "#4 status pending → confirmed" or "#1 added: +994501234567, Azercell, store".
std::string describe_event(const core::Event& event);

} // namespace cancelog::render
