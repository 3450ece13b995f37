#include "render/json.hpp"

namespace cancelog::render {

namespace {
constexpr int k_indent = 2;

// Indents every line after the first by two spaces (an element inside the array).
std::string indent_nested(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    out += c;
    if (c == '\n') {
      out.append(k_indent, ' ');
    }
  }
  return out;
}
} // namespace

void write_json(std::ostream& out, const core::Json& value) {
  out << value.dump(k_indent, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

JsonArrayWriter::JsonArrayWriter(std::ostream& out) : m_out(out) {}

JsonArrayWriter::~JsonArrayWriter() {
  if (!m_finished) {
    finish();
  }
}

void JsonArrayWriter::add(const core::Json& element) {
  m_out << (m_first ? "[\n  " : ",\n  ")
        << indent_nested(
               element.dump(k_indent, ' ', false, nlohmann::json::error_handler_t::replace));
  m_first = false;
}

void JsonArrayWriter::finish() {
  m_out << (m_first ? "[]\n" : "\n]\n");
  m_finished = true;
}

} // namespace cancelog::render
