#include "core/operators.hpp"

namespace cancelog::core {

std::optional<PrefixHint> infer_operator(std::string_view e164,
                                         const std::vector<PrefixHint>& hints) {
  const PrefixHint* best = nullptr;
  for (const auto& hint : hints) {
    if (e164.starts_with(hint.prefix) &&
        (best == nullptr || hint.prefix.size() > best->prefix.size())) {
      best = &hint;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  return *best;
}

} // namespace cancelog::core
