#pragma once

#include <chrono>
#include <ostream>
#include <string_view>

namespace cancelog::render {

// A one-line progress report on standard error while a long run works (import, export,
// doctor): drawn only on a terminal, only once the run has lasted `delay` (short runs stay
// quiet), redrawn at most every k_interval, and erased by clear() or the destructor, so that
// nothing of it stays on the screen or ever reaches a pipe or a file.
class Progress {
public:
  using Clock = std::chrono::steady_clock;
  // How long a run works before the line appears, unless told otherwise
  // (CANCELOG_PROGRESS_DELAY, like git's GIT_PROGRESS_DELAY).
  static constexpr auto k_delay = std::chrono::milliseconds(250);
  // The shortest time between two drawings.
  static constexpr auto k_interval = std::chrono::milliseconds(100);

  // `enabled` says whether `out` is a terminal that nothing else is writing to.
  Progress(std::ostream& out, bool enabled, Clock::duration delay = k_delay);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // True when a new line should be drawn now; callers format the text only then.
  [[nodiscard]] bool due();
  // Draws the line in place of the previous one ("cancelog: importing cases.csv: 45%").
  void draw(std::string_view text);
  // Erases the line, if one is shown (before other output on the terminal, and at the end).
  void clear();

private:
  std::ostream& m_out;
  bool m_enabled;
  bool m_shown = false;
  Clock::duration m_delay;
  Clock::time_point m_start;
  Clock::time_point m_last;
};

} // namespace cancelog::render
