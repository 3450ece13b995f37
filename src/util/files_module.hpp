#pragma once

// The interface of the module that wraps libcrypto and libmagic (src/modules/files.cpp),
// loaded when a command first hashes a receipt file or tells its media type: libcrypto alone
// costs more to load than `cancelog --version` takes to run. Plain functions over standard
// types, built by the same compiler as the program.

#include <cstddef>
#include <string>
#include <string_view>

namespace cancelog::util::files_module {

// The length of a SHA-256 digest in bytes.
inline constexpr std::size_t k_sha256_bytes = 32;

// The module's functions.
struct Functions {
  int version;
  // Starts a SHA-256 (an opaque state), or nullptr when libcrypto fails.
  void* (*sha256_begin)();
  // Adds bytes; false when libcrypto fails.
  bool (*sha256_update)(void* state, const char* bytes, std::size_t size);
  // Writes the k_sha256_bytes of the digest; false when libcrypto fails.
  bool (*sha256_end)(void* state, unsigned char* digest);
  // Frees a state.
  void (*sha256_free)(void* state);
  // The media type of the bytes (libmagic's MIME type), empty when libmagic cannot tell or
  // its database cannot be loaded.
  void (*media_type)(const char* bytes, std::size_t size, std::string& out);
};

// The version of this interface; the module refuses to serve another.
inline constexpr int k_version = 1;
// The module's file and its entry point, which returns a const Functions*.
inline constexpr std::string_view k_file = "cancelog-files.so";
inline constexpr const char* k_entry = "cancelog_files_functions";

} // namespace cancelog::util::files_module
