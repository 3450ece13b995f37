#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace cancelog::util;

TEST_CASE("display width counts wide characters twice and combining marks not at all") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("中文") == 4);
  CHECK(display_width("收据 ok") == 7);
  CHECK(display_width("ə ğ ı ö ş ü ç") == 13);
  CHECK(display_width("Россия") == 6);
  CHECK(display_width("e\xcc\x81") == 1); // e + combining acute accent
  CHECK(display_width("\xff\xfe") == 2);  // invalid UTF-8: one column per byte
}

TEST_CASE("padding and truncation respect display width") {
  CHECK(pad_right("中", 4) == "中  ");
  CHECK(pad_left("中", 4) == "  中");
  CHECK(pad_right("toolong", 3) == "toolong");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("中文中文", 5) == "中文…");
  CHECK(truncate_to_width("中文", 4) == "中文");
  CHECK(display_width(truncate_to_width("Azərbaycan dili", 8)) <= 8);
}

TEST_CASE("UTF-8 validity and control characters") {
  CHECK(is_valid_utf8("Bakı, 中文"));
  CHECK_FALSE(is_valid_utf8("caf\xe9"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf")); // overlong
  CHECK_FALSE(has_control_chars("line one\nline two\ttab"));
  CHECK(has_control_chars("bell\x07"));
  CHECK(has_control_chars("esc\x1b[31m"));
  CHECK(has_control_chars("del\x7f"));
}

TEST_CASE("quote shows control characters and invalid bytes as escapes") {
  CHECK(quote("abc") == "'abc'");
  CHECK(quote("a\nb") == "'a\\x0ab'");
  CHECK(quote("caf\xe9") == "'caf\\xe9'");
  CHECK(quote("中") == "'中'");
}

TEST_CASE("small string helpers") {
  CHECK(trim("  a b \t\n") == "a b");
  CHECK(to_lower_ascii("AzerCELL Ə") == "azercell Ə");
  CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join({}, ", ").empty());
  CHECK(one_line("a\r\nb") == "a  b");
  CHECK(one_line("caf\xe9 ok, \xc3\xa9 kept") == "caf\\xe9 ok, \xc3\xa9 kept");
  CHECK(one_line("\xed\xa0\x80 \xf0\x9f") == "\\xed\\xa0\\x80 \\xf0\\x9f");
}
