#pragma once

#include "core/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cancelog::core {

// What `stats` needs to know about one case.
struct CaseFacts {
  Status status = Status::requested;
  std::string operator_name;
  Channel channel = Channel::store;
  util::Date requested_on{};
  std::optional<util::Date> next_check_on;
  std::optional<util::Instant> confirmed_at; // the check that confirmed it
};

// Median, 90th percentile and count of a set of day counts.
struct Spread {
  std::size_t n = 0;
  double median = 0;
  int p90 = 0;
};

// The figures `stats` prints.
struct Summary {
  std::size_t total = 0;
  std::map<Status, std::size_t> by_status;
  std::map<std::string, std::size_t> by_operator;
  std::map<Channel, std::size_t> by_channel;
  std::map<Channel, Spread> confirmation_by_channel;
  std::map<std::string, Spread> confirmation_by_operator;
  std::size_t overdue = 0;
  int overdue_max_days = 0;
  double overdue_median_days = 0;
};

// The median (mean of the two middle values for an even count) and the 90th percentile
// (nearest rank: the smallest value with at least 90% of values at or below it).
Spread spread_of(std::vector<int> days);

// Accumulates facts case by case (memory grows only with confirmed and overdue cases).
class SummaryBuilder {
public:
  SummaryBuilder(util::Date today, util::TimeZone zone) : m_today(today), m_zone(zone) {}
  void add(const CaseFacts& facts);
  [[nodiscard]] Summary finish() const;

private:
  util::Date m_today;
  util::TimeZone m_zone;
  Summary m_summary;
  std::map<Channel, std::vector<int>> m_days_by_channel;
  std::map<std::string, std::vector<int>> m_days_by_operator;
  std::vector<int> m_overdue_days;
};

} // namespace cancelog::core
