#include "core/operators.hpp"
#include "core/phone.hpp"

#include <catch2/catch.hpp>

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
