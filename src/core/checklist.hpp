#pragma once

#include "core/model.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cancelog::core {

// The checklist items that apply to a line: final-bill-settled only for postpaid lines.
std::vector<ChecklistItem> applicable_items(Card card);

// True for the items to do after the cancellation (receipt-kept, number-dead, sim-destroyed,
// final-bill-settled); false for the "before" items.
bool is_after_item(ChecklistItem item);

// The "after" items that `due` asks for on a confirmed line until they are ticked:
// number-dead, sim-destroyed, and final-bill-settled for postpaid. receipt-kept is not among
// them: it ticks itself when a receipt is recorded, and a receipt that was never kept cannot
// be kept later, so reminding of it every day would only be noise (`add` warns instead).
// schema/0004_after_todo_items.sql spells the same rule in SQL (the view case_after_todo).
std::vector<ChecklistItem> after_todo_items(Card card);

// The items of after_todo_items(card) that are not among `ticked`.
std::vector<ChecklistItem> unticked_after_todo(Card card, const std::vector<ChecklistItem>& ticked);

// The after items named by the bits of cases.after_todo (schema/0004_after_todo_items.sql):
// 1 number-dead, 2 sim-destroyed, 4 final-bill-settled; in checklist order, into `items`
// (cleared first: a list of thousands reuses one vector).
void after_items_of_bits(std::int64_t bits, std::vector<ChecklistItem>& items);

// The bits of cases.after_todo for a case with these ticks: the after items of its card left
// unticked when it is confirmed, NULL when none is left or it is not confirmed: the rule of
// the view case_after_todo (schema/0004_after_todo_items.sql). A new case has no ticks yet, and
// the insert trigger expects exactly these bits of it, correcting an insert that says
// otherwise; `import` writes them for a case and its ticks at once (storage::CaseImporter).
std::optional<std::int64_t> after_bits(Status status, Card card, std::span<const Tick> ticks = {});

// Checks that an item may be ticked on a line of this kind.
util::Result<ChecklistItem> check_item_applies(ChecklistItem item, Card card);

} // namespace cancelog::core
