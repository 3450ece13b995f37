#include "core/check.hpp"

#include "util/i18n.hpp"

namespace cancelog::core {

Method default_method(Channel channel) {
  switch (channel) {
  case Channel::store:
    return Method::store;
  case Channel::online:
    return Method::online;
  case Channel::phone:
    return Method::phone;
  case Channel::other:
    return Method::other;
  }
  return Method::other;
}

util::Result<util::Instant> check_time_allowed(util::Instant at, util::Instant now,
                                               util::Date requested_on,
                                               std::optional<util::Instant> latest_check,
                                               const util::TimeZone& zone) {
  if (at > now) {
    return util::fail(util::trf("--at: {} is in the future; record a check once it is made",
                                util::format_local(at, zone)));
  }
  const util::Instant day_start =
      zone.from_local(date::local_seconds{requested_on.time_since_epoch()});
  if (at < day_start) {
    return util::fail(util::trf("--at: {} is before the request ({}); a check comes after the "
                                "request (correct the request date with 'edit --on' if it is "
                                "wrong)",
                                util::format_local(at, zone), util::format_date(requested_on)));
  }
  if (latest_check && at < *latest_check) {
    return util::fail(util::trf("--at: {} is before the case's latest check ({}); record checks "
                                "in the order they were made",
                                util::format_local(at, zone),
                                util::format_local(*latest_check, zone)));
  }
  return at;
}

} // namespace cancelog::core
