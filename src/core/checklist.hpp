#pragma once

#include "core/model.hpp"
#include "util/result.hpp"

#include <vector>

namespace cancelog::core {

// The checklist items that apply to a line: final-bill-settled only for postpaid lines.
std::vector<ChecklistItem> applicable_items(Card card);

// True for the items to do after the cancellation (receipt-kept, number-dead, sim-destroyed,
// final-bill-settled); false for the "before" items.
bool is_after_item(ChecklistItem item);

// Checks that an item may be ticked on a line of this kind.
util::Result<ChecklistItem> check_item_applies(ChecklistItem item, Card card);

} // namespace cancelog::core
