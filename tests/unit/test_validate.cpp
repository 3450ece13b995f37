// core/validate: the rules of recorded values, shared by add and import.
#include "core/validate.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;

TEST_CASE("validate: free text and one-line text", "[validate]") {
  CHECK(*core::check_text("two\nlines\tand tabs", 100) == "two\nlines\tand tabs");
  CHECK(core::check_text("bell\a", 100).error() ==
        "the text holds control characters: 'bell\\x07'");
  CHECK(core::check_text("\xff", 100).error() ==
        "the text is not valid UTF-8; check your terminal's encoding");
  CHECK(core::check_text("12345", 4).error() ==
        "the text is too long (5 bytes, at most 4); keep long documents as receipt files");
  CHECK(*core::check_line("  REF-1  ", 100) == "REF-1");
  CHECK(core::check_line("A\nB", 100).error() == "write it on one line");
}

TEST_CASE("validate: choices", "[validate]") {
  CHECK(*core::parse_choice<core::Channel>(" Online ") == core::Channel::online);
  CHECK(core::parse_choice<core::Card>("gold").error() ==
        "unknown value 'gold'; use one of: prepaid, postpaid");
}

TEST_CASE("validate: a request date cannot be in the future", "[validate]") {
  const util::Date today{date::year{2026} / 3 / 4};
  CHECK(*core::check_request_date(today, today) == today);
  CHECK(core::check_request_date(today + date::days{1}, today).error() ==
        "2026-03-05 is in the future; record a request once it is made");
}

TEST_CASE("validate: operators by name, ASCII case ignored", "[validate]") {
  const std::vector<core::Operator> ops{{1, "Azercell", "", "", "", ""},
                                        {2, "Nar", "", "", "", ""}};
  CHECK(core::find_operator_in(ops, " nAR ")->id == 2);
  CHECK(core::find_operator_in(ops, "Narr") == nullptr);
  CHECK(core::unknown_operator_reason("X", ops) ==
        "unknown operator 'X'; known operators: Azercell, Nar; add one with 'cancelog operator "
        "add NAME'");
}
