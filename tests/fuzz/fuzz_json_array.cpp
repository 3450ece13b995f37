// Fuzzes the streaming JSON array reader (util/json_array) against nlohmann's whole-document
// parser: no crash; a text that parses as an array gives the same elements, in order, on
// lines that never go back; any other text is refused with "line N: ...".
#include "util/json_array.hpp"

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace cancelog::util;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  JsonArrayReader reader(in);
  std::vector<nlohmann::ordered_json> elements;
  std::size_t last_line = 1;
  const auto read = reader.read([&](nlohmann::ordered_json& element, std::size_t line) {
    if (line < last_line) {
      std::abort();
    }
    last_line = line;
    elements.push_back(element);
    return true;
  });
  if (reader.bytes_read() > size) {
    std::abort();
  }

  const auto whole = nlohmann::ordered_json::parse(text, nullptr, false);
  const bool is_array = !whole.is_discarded() && whole.is_array();
  if (read.ok() != is_array) {
    std::abort();
  }
  if (!read) {
    if (read.error().rfind("line ", 0) != 0) {
      std::abort();
    }
    return 0;
  }
  if (*read != elements.size() || elements.size() != whole.size()) {
    std::abort();
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (elements[i] != whole[i]) {
      std::abort();
    }
  }
  return 0;
}
