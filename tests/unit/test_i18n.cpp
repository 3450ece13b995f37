#include "util/i18n.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using cancelog::util::RowFormat;

namespace {

template <class... Args> std::string row(const char* format, const Args&... args) {
  std::string out = "> "; // appended to, never replaced
  RowFormat(format).append(out, args...);
  return out;
}

} // namespace

TEST_CASE("a prepared row format writes what fmt writes") {
  const std::int64_t id = 999985;
  const std::string number = "+994 55 734 45 34";
  CHECK(row("#{} {} ({}): {}", id, number, "Bakcell", std::string("number-dead")) ==
        "> " + fmt::format("#{} {} ({}): {}", id, number, "Bakcell", "number-dead"));
  // A translation may put other text around the same placeholders.
  CHECK(row("#{} {}（{}）：{}", -7, "a", "b", "") == "> #-7 a（b）：");
  CHECK(row("{}{}", 0, std::uint64_t{18446744073709551615ULL}) == "> 018446744073709551615");
  CHECK(row("no placeholder") == "> no placeholder");
}

TEST_CASE("a row format that is not plain is left to fmt") {
  CHECK(row("{1} before {0}", "a", "b") == "> b before a");
  CHECK(row("{:>4}|{}", 7, "x") == ">    7|x");
  CHECK(row("{{literal}} {}", 1) == "> {literal} 1");
  // More placeholders than arguments would be an error in fmt too: it throws, as trf does.
  CHECK_THROWS(row("{} {}", 1));
}
