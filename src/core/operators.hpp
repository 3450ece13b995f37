#pragma once

#include "core/model.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace cancelog::core {

// The hint with the longest prefix of the E.164 number, if any.
std::optional<PrefixHint> infer_operator(std::string_view e164,
                                         const std::vector<PrefixHint>& hints);

} // namespace cancelog::core
