#pragma once

#include <cstddef>
#include <string>

namespace cancelog::render {

// A horizontal bar of block characters, `value / max` of `width` columns, in eighths of a
// column (█▉▊▋▌▍▎▏); empty for zero.
std::string bar(std::size_t value, std::size_t max, std::size_t width);

} // namespace cancelog::render
