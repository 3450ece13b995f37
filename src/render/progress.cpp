#include "render/progress.hpp"

namespace cancelog::render {

Progress::Progress(std::ostream& out, bool enabled, Clock::duration delay)
    : m_out(out), m_enabled(enabled), m_delay(delay), m_start(Clock::now()), m_last(m_start) {}

Progress::~Progress() {
  clear();
}

bool Progress::due() {
  if (!m_enabled) {
    return false;
  }
  // A monotonic clock (not the user's clock, which tests fix): about 20 ns a reading.
  const auto now = Clock::now();
  if (now - m_start < m_delay || (m_shown && now - m_last < k_interval)) {
    return false;
  }
  m_last = now;
  return true;
}

void Progress::draw(std::string_view text) {
  if (!m_enabled) {
    return;
  }
  // Back to the start of the line, the text, then erase what a longer text left.
  m_out << '\r' << text << "\033[K" << std::flush;
  m_shown = true;
}

void Progress::clear() {
  if (m_shown) {
    m_out << "\r\033[K" << std::flush;
    m_shown = false;
  }
}

} // namespace cancelog::render
