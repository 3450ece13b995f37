// The status machine of SPEC.md: every allowed and every refused transition.
#include "core/status.hpp"

#include <catch2/catch.hpp>

using namespace cancelog;
using core::Outcome;
using core::Status;

namespace {

const std::vector<Status> k_all_statuses{
    Status::requested, Status::pending,  Status::action_needed, Status::no_answer,
    Status::confirmed, Status::rejected, Status::withdrawn};
const std::vector<Outcome> k_all_outcomes{Outcome::pending, Outcome::action_needed,
                                          Outcome::no_answer, Outcome::confirmed,
                                          Outcome::rejected};

} // namespace

TEST_CASE("open and closed statuses", "[status]") {
  CHECK(core::is_open(Status::requested));
  CHECK(core::is_open(Status::pending));
  CHECK(core::is_open(Status::action_needed));
  CHECK(core::is_open(Status::no_answer));
  CHECK_FALSE(core::is_open(Status::confirmed));
  CHECK_FALSE(core::is_open(Status::rejected));
  CHECK_FALSE(core::is_open(Status::withdrawn));
  CHECK(core::open_statuses().size() + core::closed_statuses().size() == k_all_statuses.size());
}

TEST_CASE("a check on an open case gives the status its outcome says", "[status]") {
  const std::vector<std::pair<Outcome, Status>> expected{
      {Outcome::pending, Status::pending},
      {Outcome::action_needed, Status::action_needed},
      {Outcome::no_answer, Status::no_answer},
      {Outcome::confirmed, Status::confirmed},
      {Outcome::rejected, Status::rejected}};
  for (const auto from : core::open_statuses()) {
    for (const auto& [outcome, to] : expected) {
      INFO(core::name_of(from) << " + " << core::name_of(outcome));
      const auto result = core::after_check(from, outcome, 4);
      REQUIRE(result.ok());
      CHECK(*result == to);
    }
  }
}

TEST_CASE("a closed case refuses every check and says how to reopen", "[status]") {
  for (const auto from : core::closed_statuses()) {
    for (const auto outcome : k_all_outcomes) {
      INFO(core::name_of(from) << " + " << core::name_of(outcome));
      const auto result = core::after_check(from, outcome, 7);
      REQUIRE_FALSE(result.ok());
      CHECK(result.error() == "case 7 is " + std::string(core::name_of(from)) +
                                  ": a closed case takes no more checks; if that was wrong, run "
                                  "'cancelog reopen 7 --note REASON' first");
    }
  }
}

TEST_CASE("confirmed and rejected come only from a check", "[status]") {
  for (const auto from : k_all_statuses) {
    const auto withdrawn = core::after_withdraw(from, 1);
    CHECK((!withdrawn.ok() || *withdrawn == Status::withdrawn));
    const auto reopened = core::after_reopen(from, 1);
    CHECK((!reopened.ok() || *reopened == Status::pending));
  }
}

TEST_CASE("withdraw: every open case, no closed one", "[status]") {
  for (const auto from : core::open_statuses()) {
    INFO(core::name_of(from));
    const auto result = core::after_withdraw(from, 3);
    REQUIRE(result.ok());
    CHECK(*result == Status::withdrawn);
  }
  for (const auto from : core::closed_statuses()) {
    INFO(core::name_of(from));
    const auto result = core::after_withdraw(from, 3);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "case 3 is already " + std::string(core::name_of(from)) +
                                "; only an open case can be withdrawn");
  }
}

TEST_CASE("reopen: every closed case back to pending, no open one", "[status]") {
  for (const auto from : core::closed_statuses()) {
    INFO(core::name_of(from));
    const auto result = core::after_reopen(from, 5);
    REQUIRE(result.ok());
    CHECK(*result == Status::pending);
  }
  for (const auto from : core::open_statuses()) {
    INFO(core::name_of(from));
    const auto result = core::after_reopen(from, 5);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error() == "case 5 is " + std::string(core::name_of(from)) +
                                ", not closed; only a confirmed, rejected or withdrawn case can "
                                "be reopened");
  }
}

TEST_CASE("the status of each outcome", "[status]") {
  CHECK(core::status_for(Outcome::pending) == Status::pending);
  CHECK(core::status_for(Outcome::action_needed) == Status::action_needed);
  CHECK(core::status_for(Outcome::no_answer) == Status::no_answer);
  CHECK(core::status_for(Outcome::confirmed) == Status::confirmed);
  CHECK(core::status_for(Outcome::rejected) == Status::rejected);
}
