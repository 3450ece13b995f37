#pragma once

#include <string>
#include <string_view>

namespace cancelog::util {

// A new random (version 4) UUID in its lower-case 8-4-4-4-12 form.
std::string make_uuid();

// True when the text is a UUID in the 8-4-4-4-12 hexadecimal form.
bool is_uuid(std::string_view text);

} // namespace cancelog::util
