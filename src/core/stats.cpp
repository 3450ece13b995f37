#include "core/stats.hpp"

#include "core/status.hpp"

#include <algorithm>

namespace cancelog::core {

Spread spread_of(std::vector<int> days) {
  Spread s;
  s.n = days.size();
  if (days.empty()) {
    return s;
  }
  std::sort(days.begin(), days.end());
  const std::size_t mid = days.size() / 2;
  s.median = days.size() % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
  // Nearest rank: ceil(0.9 * n), counted from 1.
  const std::size_t rank = (days.size() * 9 + 9) / 10;
  s.p90 = days[rank - 1];
  return s;
}

void SummaryBuilder::add(const CaseFacts& facts) {
  ++m_summary.total;
  ++m_summary.by_status[facts.status];
  ++m_summary.by_operator[facts.operator_name];
  ++m_summary.by_channel[facts.channel];
  if (facts.status == Status::confirmed && facts.confirmed_at) {
    const int days = util::days_between(facts.requested_on, m_zone.local_date(*facts.confirmed_at));
    m_days_by_channel[facts.channel].push_back(days);
    m_days_by_operator[facts.operator_name].push_back(days);
  }
  if (is_open(facts.status) && facts.next_check_on && *facts.next_check_on < m_today) {
    m_overdue_days.push_back(util::days_between(*facts.next_check_on, m_today));
  }
}

Summary SummaryBuilder::finish() const {
  Summary s = m_summary;
  for (const auto& [channel, days] : m_days_by_channel) {
    s.confirmation_by_channel[channel] = spread_of(days);
  }
  for (const auto& [name, days] : m_days_by_operator) {
    s.confirmation_by_operator[name] = spread_of(days);
  }
  const Spread overdue = spread_of(m_overdue_days);
  s.overdue = overdue.n;
  s.overdue_median_days = overdue.median;
  s.overdue_max_days =
      m_overdue_days.empty() ? 0 : *std::max_element(m_overdue_days.begin(), m_overdue_days.end());
  return s;
}

} // namespace cancelog::core
