#include "util/uuid.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace cancelog::util;

TEST_CASE("UUIDs are version 4, well-formed and distinct") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = make_uuid();
    REQUIRE(is_uuid(id));
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
  CHECK_FALSE(is_uuid("not-a-uuid"));
  CHECK_FALSE(is_uuid("0b6f3c1e-7a2d-4c55-9f1e-2b1d4c5e6f7g"));
  CHECK(is_uuid("0B6F3C1E-7A2D-4C55-9F1E-2B1D4C5E6F70"));
}
