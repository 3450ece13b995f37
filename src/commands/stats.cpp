// cancelog stats: counts by status, operator and channel; how long confirmations take.
#include "core/stats.hpp"

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "render/chart.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"

#include <sstream>

namespace cancelog::commands {

namespace {

struct StatsOptions {
  std::string since;
};

constexpr std::size_t k_bar_width = 24;

template <class Key> std::string key_name(const Key& key) {
  if constexpr (std::is_same_v<Key, std::string>) {
    return key;
  } else {
    return std::string(core::name_of(key));
  }
}

template <class Key> core::Json counts_json(const std::map<Key, std::size_t>& counts) {
  core::Json j = core::Json::object();
  for (const auto& [key, n] : counts) {
    j[key_name(key)] = n;
  }
  return j;
}

template <class Key> core::Json spreads_json(const std::map<Key, core::Spread>& spreads) {
  core::Json j = core::Json::object();
  for (const auto& [key, s] : spreads) {
    j[key_name(key)] = {{"n", s.n}, {"median", s.median}, {"p90", s.p90}};
  }
  return j;
}

std::string format_median(double median) {
  return median == static_cast<int>(median) ? std::to_string(static_cast<int>(median))
                                            : fmt::format("{:.1f}", median);
}

template <class Key>
void write_counts(Context& ctx, const std::string& title, const std::map<Key, std::size_t>& counts,
                  bool bars) {
  ctx.out << title << '\n';
  std::size_t max = 0;
  for (const auto& [key, n] : counts) {
    max = std::max(max, n);
  }
  render::Table table({{""}, {"", render::Table::Align::right}, {""}});
  for (const auto& [key, n] : counts) {
    table.add_row({key_name(key), std::to_string(n), bars ? render::bar(n, max, k_bar_width) : ""});
  }
  std::ostringstream body;
  table.render(body, false, std::nullopt);
  // Skip the (empty) header line; indent the rows.
  std::istringstream lines(body.str());
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    ctx.out << "  " << line << '\n';
  }
}

template <class Key>
void write_spreads(render::Table& table, const std::map<Key, core::Spread>& spreads) {
  for (const auto& [key, s] : spreads) {
    table.add_row({"  " + key_name(key), std::to_string(s.n), format_median(s.median),
                   std::to_string(s.p90)});
  }
}

void run_stats(const StatsOptions& o, Context& ctx) {
  std::optional<util::Date> since;
  if (!o.since.empty()) {
    since = parse_date_arg(ctx, o.since, "--since");
  }
  core::SummaryBuilder builder(ctx.clock.today(), ctx.clock.zone());
  ctx.store().for_each_case_facts(since, [&](const core::CaseFacts& facts) { builder.add(facts); });
  const core::Summary s = builder.finish();

  if (ctx.global.json) {
    core::Json j;
    j["total"] = s.total;
    j["by_status"] = counts_json(s.by_status);
    j["by_operator"] = counts_json(s.by_operator);
    j["by_channel"] = counts_json(s.by_channel);
    j["days_to_confirmation"] = {{"by_channel", spreads_json(s.confirmation_by_channel)},
                                 {"by_operator", spreads_json(s.confirmation_by_operator)}};
    j["overdue"] = {{"count", s.overdue},
                    {"max_days", s.overdue_max_days},
                    {"median_days", s.overdue_median_days}};
    render::write_json(ctx.out, j);
    return;
  }
  if (s.total == 0) {
    ctx.out << _("No cases.") << '\n';
    return;
  }
  const bool bars = ctx.out_is_terminal();
  ctx.out << util::trf("Cases: {}", s.total) << "\n\n";
  write_counts(ctx, _("By status"), s.by_status, bars);
  ctx.out << '\n';
  write_counts(ctx, _("By operator"), s.by_operator, bars);
  ctx.out << '\n';
  write_counts(ctx, _("By channel"), s.by_channel, bars);
  ctx.out << '\n' << _("Days from request to confirmation") << '\n';
  if (s.confirmation_by_channel.empty()) {
    ctx.out << "  " << _("no confirmed case yet") << '\n';
  } else {
    using Align = render::Table::Align;
    render::Table table({{"  " + std::string(_("channel / operator"))},
                         {_("N"), Align::right},
                         {_("MEDIAN"), Align::right},
                         {_("P90"), Align::right}});
    write_spreads(table, s.confirmation_by_channel);
    table.add_row({"", "", "", ""});
    write_spreads(table, s.confirmation_by_operator);
    table.render(ctx.out, ctx.color(), std::nullopt);
  }
  ctx.out << '\n';
  if (s.overdue == 0) {
    ctx.out << _("Overdue: none") << '\n';
  } else {
    ctx.out << util::trnf("Overdue: {} open case; days overdue: up to {}, median {}",
                          "Overdue: {} open cases; days overdue: up to {}, median {}", s.overdue,
                          s.overdue, s.overdue_max_days, format_median(s.overdue_median_days))
            << '\n';
  }
}

} // namespace

void register_stats(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", _("counts, and how long confirmations take"));
  cmd->footer(_("Examples:\n  cancelog stats\n  cancelog stats --since 2026-01-01 --json"));
  cmd->add_option("--since", options->since, _("only requests made on or after this date"));
  cmd->callback([options, &ctx] { run_stats(*options, ctx); });
}

} // namespace cancelog::commands
