#pragma once

#include <string>
#include <string_view>

namespace cancelog::util {

// The bytes in base64 (RFC 4648, standard alphabet, padded, no line breaks): for data: URIs.
std::string base64_encode(std::string_view bytes);

} // namespace cancelog::util
