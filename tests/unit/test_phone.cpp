#include "core/operators.hpp"
#include "core/phone.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace cancelog::core;

TEST_CASE("numbers are normalized to E.164 in the default region") {
  CHECK(*normalize_number("050 123 45 67", "AZ") == "+994501234567");
  CHECK(*normalize_number("0501234567", "AZ") == "+994501234567");
  CHECK(*normalize_number("+994 50 123 45 67", "AZ") == "+994501234567");
  CHECK(*normalize_number("(050) 123-45-67", "AZ") == "+994501234567");
  CHECK(*normalize_number("00994501234567", "AZ") == "+994501234567");
  CHECK(*normalize_number("+994501234567", "DE") == "+994501234567");
  CHECK(*normalize_number("0151 23456789", "DE") == "+4915123456789");
  // Full-width digits are digits too (libphonenumber normalizes them).
  CHECK(*normalize_number("０５０１２３４５６７", "AZ") == "+994501234567");
}

TEST_CASE("invalid numbers are refused with the reason") {
  CHECK(normalize_number("", "AZ").error() ==
        "the number is empty; write it as +994 50 123 45 67 or 050 123 45 67");
  CHECK(normalize_number("12", "AZ").error() == "'12' is too short for a phone number of +994");
  CHECK(normalize_number("+9945012345678901", "AZ").error().find("too long") != std::string::npos);
  CHECK(normalize_number("050-ABC-45-67", "AZ").error() ==
        "'050-ABC-45-67' is not a phone number: write digits only, e.g. +994 50 123 45 67");
  CHECK(normalize_number("+999123456789", "AZ").error().find("country code") != std::string::npos);
  CHECK(normalize_number("+994201234567", "AZ").error().find("not a valid number of +994") !=
        std::string::npos);
  CHECK(normalize_number("hello", "AZ").error().find("not a phone number") != std::string::npos);
  CHECK(normalize_number("050\x01"
                         "1234567",
                         "AZ")
            .error()
            .find("control") != std::string::npos);
}

TEST_CASE("numbers are shown in international format and masked for exports") {
  CHECK(format_international("+994501234567") == "+994 50 123 45 67");
  CHECK(format_international("not a number") == "not a number");
  CHECK(mask_number("+994501234567") == "+99450***4567");
  CHECK(mask_number("+4915123456789") == "+49151****6789");
  CHECK(mask_number("+12345") == "+12*45");
}

namespace {

// Requires normalize_number (its shortcuts) to say exactly what libphonenumber says through
// its parser: the same E.164 form, or the same message. Returns whether the number is valid.
bool same_as_through_parse(const std::string& number, const char* region) {
  const auto fast = normalize_number(number, region);
  const auto slow = normalize_number_by_parse(number, region);
  INFO(number << " in " << region);
  REQUIRE(static_cast<bool>(fast) == static_cast<bool>(slow));
  if (fast) {
    REQUIRE(*fast == *slow);
  } else {
    REQUIRE(fast.error() == slow.error());
  }
  return static_cast<bool>(fast);
}

} // namespace

TEST_CASE("the E.164 shortcut gives exactly what libphonenumber's parser gives") {
  // Numbers around the shortcut's edges: +994 with every length and leading digit (0 too),
  // prefixes of every kind of line, other calling codes, and plain garbage.
  const std::vector<std::string> heads{"+994",   "+9940",  "+99450", "+99451", "+99499",
                                       "+99410", "+99412", "+99460", "+99436", "+99477",
                                       "+99455", "+99470", "+994 ",  "+7",     "+49",
                                       "+1",     "+39",    "+99",    "+",      "0"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> coin(0, 1);
  std::uniform_int_distribution<int> any_length(0, 19);
  int valid = 0;
  int invalid = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string number = heads[static_cast<std::size_t>(i) % heads.size()];
    // Half of them as long as an Azerbaijani number, so that many are valid.
    const int length = coin(rng) == 0 ? 13 - static_cast<int>(number.size()) : any_length(rng);
    for (int k = 0; k < length; ++k) {
      number += static_cast<char>('0' + digit(rng));
    }
    for (const char* region : {"AZ", "DE"}) {
      if (same_as_through_parse(number, region)) {
        ++valid;
      } else {
        ++invalid;
      }
    }
  }
  CHECK(valid > 10000);
  CHECK(invalid > 10000);
}

TEST_CASE("the built-in rules of +994 judge every prefix as libphonenumber does") {
  // normalize_number judges an E.164 number of +994 with libphonenumber's rules copied into
  // the program (core/phone_rules.hpp); normalize_number_by_parse asks the library. The
  // patterns branch on at most five leading digits: every five-digit prefix of a nine-digit
  // number (the valid length) is tried, and every three-digit prefix of the other lengths.
  std::mt19937 rng(13);
  std::uniform_int_distribution<int> digit(0, 9);
  const auto tail = [&](std::string number, std::size_t length) {
    while (number.size() < length) {
      number += static_cast<char>('0' + digit(rng));
    }
    return number;
  };
  std::vector<std::string> nationals;
  for (int prefix = 10000; prefix < 100000; ++prefix) { // no leading 0: Parse's case
    nationals.push_back(tail(std::to_string(prefix), 9));
  }
  for (std::size_t length = 2; length <= 17; ++length) {
    for (int prefix = 10; prefix < 1000 && length != 9; ++prefix) {
      nationals.push_back(tail(std::to_string(prefix), length).substr(0, length));
    }
  }
  int valid = 0;
  for (const auto& national : nationals) {
    if (same_as_through_parse("+994" + national, "AZ")) {
      ++valid;
    }
  }
  CHECK(valid > 1000);
}

TEST_CASE("Azerbaijani mobile numbers are grouped as libphonenumber groups them") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> digit(0, 9);
  for (const char* prefix : {"10", "50", "51", "55", "60", "70", "77", "99", "12", "36", "40"}) {
    for (int i = 0; i < 3000; ++i) {
      std::string number = std::string("+994") + prefix;
      for (int k = 0; k < 7; ++k) {
        number += static_cast<char>('0' + digit(rng));
      }
      INFO(number);
      REQUIRE(format_international(number) == format_international_by_library(number));
    }
  }
  for (const char* other :
       {"+99450123456", "+9945012345678", "+4915123456789", "+994501234x67", "+994", ""}) {
    INFO(other);
    CHECK(format_international(other) == format_international_by_library(other));
  }
}

TEST_CASE("region codes") {
  CHECK(is_known_region("AZ"));
  CHECK(is_known_region("GE"));
  CHECK_FALSE(is_known_region("XX"));
  CHECK_FALSE(is_known_region(""));
}

TEST_CASE("the operator is inferred from the longest matching prefix") {
  const std::vector<PrefixHint> hints{{"+99450", 1, "Azercell"},
                                      {"+99455", 2, "Bakcell"},
                                      {"+994", 9, "Somebody"},
                                      {"+994701", 3, "Nar special"},
                                      {"+99470", 4, "Nar"}};
  CHECK(infer_operator("+994501234567", hints)->operator_name == "Azercell");
  CHECK(infer_operator("+994701234567", hints)->operator_name == "Nar special");
  CHECK(infer_operator("+994702234567", hints)->operator_name == "Nar");
  CHECK(infer_operator("+994601234567", hints)->operator_name == "Somebody");
  CHECK_FALSE(infer_operator("+4915123456789", hints));
  CHECK_FALSE(infer_operator("+994501234567", {}));
}
