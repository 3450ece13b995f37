#include "core/checklist.hpp"

#include "util/i18n.hpp"

#include <algorithm>
#include <array>

namespace cancelog::core {

std::vector<ChecklistItem> applicable_items(Card card) {
  std::vector<ChecklistItem> items;
  for (const auto& [item, name] : EnumNames<ChecklistItem>::k_names) {
    if (item != ChecklistItem::final_bill_settled || card == Card::postpaid) {
      items.push_back(item);
    }
  }
  return items;
}

bool is_after_item(ChecklistItem item) {
  switch (item) {
  case ChecklistItem::receipt_kept:
  case ChecklistItem::number_dead:
  case ChecklistItem::sim_destroyed:
  case ChecklistItem::final_bill_settled:
    return true;
  default:
    return false;
  }
}

std::vector<ChecklistItem> after_todo_items(Card card) {
  std::vector<ChecklistItem> items{ChecklistItem::number_dead, ChecklistItem::sim_destroyed};
  if (card == Card::postpaid) {
    items.push_back(ChecklistItem::final_bill_settled);
  }
  return items;
}

std::vector<ChecklistItem> unticked_after_todo(Card card,
                                               const std::vector<ChecklistItem>& ticked) {
  std::vector<ChecklistItem> out;
  for (const auto item : after_todo_items(card)) {
    if (std::find(ticked.begin(), ticked.end(), item) == ticked.end()) {
      out.push_back(item);
    }
  }
  return out;
}

namespace {

// The bit of each after item in cases.after_todo.
constexpr std::array<ChecklistItem, 3> k_after_bits{
    ChecklistItem::number_dead, ChecklistItem::sim_destroyed, ChecklistItem::final_bill_settled};

} // namespace

void after_items_of_bits(std::int64_t bits, std::vector<ChecklistItem>& items) {
  items.clear();
  for (std::size_t bit = 0; bit < k_after_bits.size(); ++bit) {
    if ((bits & (std::int64_t{1} << bit)) != 0) {
      items.push_back(k_after_bits[bit]);
    }
  }
}

std::optional<std::int64_t> after_bits(Status status, Card card, std::span<const Tick> ticks) {
  if (status != Status::confirmed) {
    return std::nullopt;
  }
  std::int64_t bits = 0;
  for (const auto item : after_todo_items(card)) {
    const bool ticked = std::any_of(ticks.begin(), ticks.end(),
                                    [item](const Tick& tick) { return tick.item == item; });
    if (!ticked) {
      const auto at = std::find(k_after_bits.begin(), k_after_bits.end(), item);
      bits |= std::int64_t{1} << (at - k_after_bits.begin());
    }
  }
  return bits != 0 ? std::optional(bits) : std::nullopt;
}

util::Result<ChecklistItem> check_item_applies(ChecklistItem item, Card card) {
  if (item == ChecklistItem::final_bill_settled && card != Card::postpaid) {
    return util::fail(_("final-bill-settled applies to postpaid lines only; this line is "
                        "prepaid (change it with 'edit --card postpaid' if that is wrong)"));
  }
  return item;
}

} // namespace cancelog::core
