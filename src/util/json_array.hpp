#pragma once

#include "util/result.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <nlohmann/json.hpp>

namespace cancelog::util {

// Reads a JSON document that is one array, one element at a time, so that memory holds one
// element and not the whole file; each element comes with the line it starts on.
class JsonArrayReader {
public:
  // Called for each element with the line (1-based) it starts on; returns false to stop.
  using Visit = std::function<bool(nlohmann::ordered_json& element, std::size_t line)>;

  explicit JsonArrayReader(std::istream& in) : m_in(in) {}

  // Reads the whole array. Fails with "line N: reason" when the text is not JSON or the
  // document is not an array; returns the number of elements visited.
  Result<std::size_t> read(const Visit& visit);

  // Bytes consumed so far, for a progress display.
  [[nodiscard]] std::size_t bytes_read() const { return m_position.bytes; }

  // Where the reading is.
  struct Position {
    std::size_t line = 1;
    std::size_t bytes = 0;
  };

private:
  std::istream& m_in;
  Position m_position;
};

} // namespace cancelog::util
