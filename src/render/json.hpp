#pragma once

#include "core/json.hpp"

#include <ostream>

namespace cancelog::render {

// Writes one JSON value, indented by two spaces, with a final newline.
void write_json(std::ostream& out, const core::Json& value);

// Writes a JSON array one element at a time, so that memory does not grow with the number
// of elements. The closing bracket is written by finish() (or the destructor).
class JsonArrayWriter {
public:
  explicit JsonArrayWriter(std::ostream& out);
  ~JsonArrayWriter();
  JsonArrayWriter(const JsonArrayWriter&) = delete;
  JsonArrayWriter& operator=(const JsonArrayWriter&) = delete;

  void add(const core::Json& element);
  void finish();

private:
  std::ostream& m_out;
  bool m_first = true;
  bool m_finished = false;
};

} // namespace cancelog::render
