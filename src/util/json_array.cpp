#include "util/json_array.hpp"

#include "util/i18n.hpp"

#include <iterator>
#include <string>
#include <vector>

namespace cancelog::util {

namespace {

using OrderedJson = nlohmann::ordered_json;

// An input iterator over a stream buffer that counts lines and bytes as the parser consumes
// them; nlohmann's iterator input reads through it one character at a time.
class JsonCountingIterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;
  using traits = std::char_traits<char>;

  JsonCountingIterator() = default;
  JsonCountingIterator(std::streambuf* buf, JsonArrayReader::Position* position)
      : m_buf(buf), m_position(position) {}

  char operator*() const { return traits::to_char_type(m_buf->sgetc()); }
  JsonCountingIterator& operator++() {
    if (m_buf->sbumpc() == '\n') {
      ++m_position->line;
    }
    ++m_position->bytes;
    return *this;
  }
  JsonCountingIterator operator++(int) {
    JsonCountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const JsonCountingIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const JsonCountingIterator& other) const { return !(*this == other); }

private:
  [[nodiscard]] bool at_end() const {
    return m_buf == nullptr || traits::eq_int_type(m_buf->sgetc(), traits::eof());
  }

  std::streambuf* m_buf = nullptr;
  JsonArrayReader::Position* m_position = nullptr;
};

// Builds each element of the top-level array from the parser's events, hands it over, and
// forgets it.
class JsonElementSax {
public:
  JsonElementSax(const JsonArrayReader::Visit& visit, const JsonArrayReader::Position& position)
      : m_visit(visit), m_position(position) {}

  bool null() { return value(OrderedJson(nullptr)); }
  bool boolean(bool v) { return value(OrderedJson(v)); }
  bool number_integer(OrderedJson::number_integer_t v) { return value(OrderedJson(v)); }
  bool number_unsigned(OrderedJson::number_unsigned_t v) { return value(OrderedJson(v)); }
  bool number_float(OrderedJson::number_float_t v, const std::string& /*text*/) {
    return value(OrderedJson(v));
  }
  bool string(std::string& v) { return value(OrderedJson(std::move(v))); }
  bool binary(OrderedJson::binary_t& /*v*/) { return value(OrderedJson(nullptr)); }
  bool start_object(std::size_t /*size*/) { return open(OrderedJson::object()); }
  bool key(std::string& name) {
    m_key = std::move(name);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*size*/) {
    if (!m_in_array) {
      m_in_array = true;
      return true;
    }
    return open(OrderedJson::array());
  }
  bool end_array() {
    if (m_stack.empty()) {
      m_in_array = false; // the end of the document's array
      return true;
    }
    return close();
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) {
    // nlohmann's message names its own position ("parse error at line 1, column 2: syntax
    // error while parsing value - invalid literal; ..."); the line is ours to say.
    std::string what = error.what();
    if (const auto syntax = what.find("syntax error"); syntax != std::string::npos) {
      if (const auto dash = what.find(" - ", syntax); dash != std::string::npos) {
        what = what.substr(dash + 3);
      }
    }
    m_error = trf("line {}: the file is not valid JSON: {}", m_position.line, what);
    return false;
  }

  [[nodiscard]] const std::string& error() const { return m_error; }
  [[nodiscard]] std::size_t count() const { return m_count; }
  [[nodiscard]] bool stopped() const { return m_stopped; }

private:
  bool not_an_array() {
    m_error = trf("line {}: the file is JSON but not a list of cases; import reads the output "
                  "of 'cancelog export --format json --what all'",
                  m_position.line);
    return false;
  }

  // Places a value in the element being built (or makes it the element).
  OrderedJson* place(OrderedJson&& v) {
    if (m_stack.empty()) {
      m_element = std::move(v);
      m_element_line = m_position.line;
      return &m_element;
    }
    OrderedJson& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    OrderedJson& slot = parent[m_key];
    slot = std::move(v);
    return &slot;
  }

  bool value(OrderedJson&& v) {
    if (!m_in_array) {
      return not_an_array();
    }
    place(std::move(v));
    return m_stack.empty() ? deliver() : true;
  }

  bool open(OrderedJson&& container) {
    if (!m_in_array) {
      return not_an_array();
    }
    m_stack.push_back(place(std::move(container)));
    return true;
  }

  bool close() {
    m_stack.pop_back();
    return m_stack.empty() ? deliver() : true;
  }

  bool deliver() {
    ++m_count;
    const bool go_on = m_visit(m_element, m_element_line);
    m_element = nullptr;
    if (!go_on) {
      m_stopped = true;
    }
    return go_on;
  }

  const JsonArrayReader::Visit& m_visit;
  const JsonArrayReader::Position& m_position;
  std::vector<OrderedJson*> m_stack;
  OrderedJson m_element;
  std::size_t m_element_line = 0;
  std::string m_key;
  std::string m_error;
  std::size_t m_count = 0;
  bool m_in_array = false;
  bool m_stopped = false;
};

} // namespace

Result<std::size_t> JsonArrayReader::read(const Visit& visit) {
  JsonElementSax sax(visit, m_position);
  JsonCountingIterator first(m_in.rdbuf(), &m_position);
  const JsonCountingIterator last;
  const bool ok = OrderedJson::sax_parse(first, last, &sax);
  if (!ok && !sax.stopped()) {
    if (!sax.error().empty()) {
      return fail(sax.error());
    }
    return fail(trf("line {}: the file is not valid JSON", m_position.line));
  }
  return sax.count();
}

} // namespace cancelog::util
