#pragma once

#include <stdexcept>
#include <string>

namespace cancelog {

// A failure of the work itself (database, file, integrity): exit code 1.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Bad input from the user (a value that does not validate): exit code 2, nothing written.
class InputError : public Error {
public:
  using Error::Error;
};

// Bad usage of the command line (unknown flag, missing option): exit code 2, with a hint to
// the command's --help.
class UsageError : public InputError {
public:
  using InputError::InputError;
};

} // namespace cancelog
