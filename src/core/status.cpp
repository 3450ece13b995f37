#include "core/status.hpp"

#include "util/i18n.hpp"

namespace cancelog::core {

bool is_open(Status status) {
  switch (status) {
  case Status::requested:
  case Status::pending:
  case Status::action_needed:
  case Status::no_answer:
    return true;
  case Status::confirmed:
  case Status::rejected:
  case Status::withdrawn:
    return false;
  }
  return false;
}

std::vector<Status> open_statuses() {
  return {Status::requested, Status::pending, Status::action_needed, Status::no_answer};
}

std::vector<Status> closed_statuses() {
  return {Status::confirmed, Status::rejected, Status::withdrawn};
}

Status status_for(Outcome outcome) {
  switch (outcome) {
  case Outcome::pending:
    return Status::pending;
  case Outcome::action_needed:
    return Status::action_needed;
  case Outcome::no_answer:
    return Status::no_answer;
  case Outcome::confirmed:
    return Status::confirmed;
  case Outcome::rejected:
    return Status::rejected;
  }
  return Status::pending;
}

util::Result<Status> after_check(Status current, Outcome outcome, std::int64_t case_id) {
  if (!is_open(current)) {
    return util::fail(util::trf("case {} is {}: a closed case takes no more checks; if that "
                                "was wrong, run 'cancelog reopen {} --note REASON' first",
                                case_id, name_of(current), case_id));
  }
  return status_for(outcome);
}

util::Result<Status> after_withdraw(Status current, std::int64_t case_id) {
  if (!is_open(current)) {
    return util::fail(util::trf("case {} is already {}; only an open case can be withdrawn",
                                case_id, name_of(current)));
  }
  return Status::withdrawn;
}

util::Result<Status> after_reopen(Status current, std::int64_t case_id) {
  if (is_open(current)) {
    return util::fail(
        util::trf("case {} is {}, not closed; only a confirmed, rejected or withdrawn case "
                  "can be reopened",
                  case_id, name_of(current)));
  }
  return Status::pending;
}

} // namespace cancelog::core
