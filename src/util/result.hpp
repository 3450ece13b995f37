#pragma once

#include <string>
#include <utility>
#include <variant>

namespace cancelog::util {

// The error half of a Result: a readable sentence saying what is wrong.
struct Failure {
  std::string message;
};

// Builds the error half of a Result.
inline Failure fail(std::string message) {
  return Failure{std::move(message)};
}

// The outcome of a pure parser or validator: a value, or a sentence saying why not.
template <class T> class Result {
public:
  Result(T value) : m_state(std::move(value)) {}
  Result(Failure failure) : m_state(std::move(failure)) {}

  [[nodiscard]] bool ok() const { return m_state.index() == 0; }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_state)); }
  [[nodiscard]] const T& operator*() const& { return value(); }
  [[nodiscard]] const T* operator->() const { return &value(); }
  [[nodiscard]] const std::string& error() const { return std::get<1>(m_state).message; }

private:
  std::variant<T, Failure> m_state;
};

} // namespace cancelog::util
