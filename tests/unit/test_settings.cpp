#include "core/settings.hpp"

#include <catch2/catch.hpp>

using namespace cancelog::core;

TEST_CASE("every setting has a default that its own check accepts") {
  for (const auto& spec : setting_specs()) {
    const auto normal = spec.normalize(spec.default_value);
    INFO(spec.key);
    REQUIRE(normal);
    CHECK(*normal == spec.default_value);
  }
}

TEST_CASE("settings are checked and normalized when set") {
  CHECK(*normalize_setting("remind.first.online", "5D") == "5d");
  CHECK(*normalize_setting("remind.first.online", " 14d ") == "14d");
  CHECK(*normalize_setting("remind.first.online", "2W") == "2w");
  CHECK(*normalize_setting("default-region", "ge") == "GE");
  CHECK(*normalize_setting("receipt.max-size", "5MiB") == "5MiB");
  CHECK(normalize_setting("remind.first.online", "banana").error() ==
        "remind.first.online: 'banana' is not a length of time; write a number of days or "
        "weeks, e.g. 3d or 2w");
  CHECK_FALSE(normalize_setting("remind.first.online", "-3d"));
  CHECK_FALSE(normalize_setting("default-region", "XX"));
  CHECK_FALSE(normalize_setting("default-region", "AZE"));
  CHECK_FALSE(normalize_setting("receipt.max-size", "lots"));
  CHECK(normalize_setting("colour", "red")
            .error()
            .rfind("unknown setting 'colour'; the "
                   "settings are: default-region, ",
                   0) == 0);
}

TEST_CASE("values in force: the user's over the defaults") {
  const Settings defaults;
  CHECK(defaults.get("remind.first.phone") == "1d");
  CHECK(defaults.days("remind.first.phone") == 1);
  CHECK_FALSE(defaults.is_set("remind.first.phone"));
  const Settings user({{"remind.first.phone", "2w"}, {"remind.after.pending", "garbage"}});
  CHECK(user.days("remind.first.phone") == 14);
  CHECK(user.is_set("remind.first.phone"));
  // A value edited by hand into something unreadable falls back to the default.
  CHECK(user.days("remind.after.pending") == 3);
}

TEST_CASE("sizes") {
  CHECK(*parse_size("20MiB") == 20 * 1024 * 1024);
  CHECK(*parse_size("512k") == 512 * 1024);
  CHECK(*parse_size("1000") == 1000);
  CHECK(*parse_size("1G") == 1024LL * 1024 * 1024);
  CHECK_FALSE(parse_size("0"));
  CHECK_FALSE(parse_size("-1M"));
  CHECK_FALSE(parse_size("3TiB"));
  CHECK_FALSE(parse_size("5 apples"));
}
