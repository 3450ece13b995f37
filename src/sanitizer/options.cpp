// Default options of AddressSanitizer for the sanitize build's executables (the program, the
// unit tests, the fuzz targets); CMake adds this file to them when CANCELOG_SANITIZE is on.
//
// The modules (util/module.hpp) are loaded with dlopen, and the libraries they wrap
// (libphonenumber with ICU, abseil and protobuf) keep thread-local storage that glibc
// allocates dynamically. LeakSanitizer of clang 14 misreads glibc 2.36's dynamic TLS blocks
// and its tracer crashes at exit ("Tracer caught signal 11", exit 1), some runs out of
// several (google/sanitizers#1322). Not intercepting __tls_get_addr avoids it; leaks are
// still found everywhere else. ASAN_OPTIONS of the environment come after these and win.
extern "C" const char* __asan_default_options();
extern "C" const char* __asan_default_options() {
  return "intercept_tls_get_addr=0";
}
