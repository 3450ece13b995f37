// cancelog export: cases or checks as CSV or JSON, or the next checks as an iCalendar file,
// written row by row.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/due.hpp"
#include "core/json.hpp"
#include "core/phone.hpp"
#include "render/csv.hpp"
#include "render/ics.hpp"
#include "render/json.hpp"
#include "render/progress.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <filesystem>
#include <functional>
#include <map>

namespace cancelog::commands {

namespace {

// The formats of SPEC.md "Exports".
enum class ExportFormat { csv, json, ics };
// What an export holds.
enum class ExportWhat { cases, checks, all };

struct ExportOptions {
  FilterOptions filter;
  std::string format;
  std::string what = "cases";
  std::string output;
  bool raw = false;
  bool bom = false;
  bool mask = false;
};

ExportFormat export_format(const ExportOptions& o, const Context& ctx) {
  std::string name = util::to_lower_ascii(util::trim(o.format));
  if (name.empty()) {
    // The global --json, else the extension of -o, else CSV.
    const std::string extension =
        util::to_lower_ascii(std::filesystem::path(o.output).extension().string());
    if (ctx.global.json || extension == ".json") {
      name = "json";
    } else if (extension == ".ics") {
      name = "ics";
    } else {
      name = "csv";
    }
  }
  ExportFormat format = ExportFormat::csv;
  if (name == "json") {
    format = ExportFormat::json;
  } else if (name == "ics") {
    format = ExportFormat::ics;
  } else if (name != "csv") {
    throw UsageError(
        util::trf("--format: unknown value {}; use one of: csv, json, ics", util::quote(o.format)));
  }
  if (ctx.global.json && format != ExportFormat::json) {
    throw InputError(
        util::trf("--json asks for JSON and --format for {}; give only one of them", name));
  }
  return format;
}

ExportWhat export_what(const ExportOptions& o) {
  const std::string name = util::to_lower_ascii(util::trim(o.what));
  if (name == "cases") {
    return ExportWhat::cases;
  }
  if (name == "checks") {
    return ExportWhat::checks;
  }
  if (name == "all") {
    return ExportWhat::all;
  }
  throw UsageError(
      util::trf("--what: unknown value {}; use one of: cases, checks, all", util::quote(o.what)));
}

// The JSON of a case as exported: masked numbers hide what was typed too.
core::Json exported_case(const core::Case& c, bool mask) {
  core::Json j = core::to_json(c);
  if (mask) {
    j["number"] = render::exported_number(c.number, true);
    j["number_raw"] = j["number"];
  }
  return j;
}

// Called after each row with the number written so far (for the progress line).
using ExportTick = std::function<void(std::size_t)>;

std::size_t export_csv(storage::Store& store, const core::CaseFilter& filter, ExportWhat what,
                       const render::CsvOptions& options, std::ostream& out,
                       const ExportTick& row_written) {
  render::CsvWriter csv(out, options);
  std::size_t rows = 0;
  if (what == ExportWhat::checks) {
    render::write_check_header(csv);
    store.for_each_check(filter, [&](const core::Check& check, std::string_view number) {
      render::write_check_row(csv, check, number);
      row_written(++rows);
    });
    return rows;
  }
  render::write_case_header(csv);
  store.for_each_case_with_last_check(
      filter, [&](const core::Case& c, std::optional<util::Instant> last_check) {
        render::write_case_row(csv, c, last_check);
        row_written(++rows);
      });
  return rows;
}

std::size_t export_json(storage::Store& store, const core::CaseFilter& filter, ExportWhat what,
                        bool mask, std::ostream& out, const ExportTick& row_written) {
  render::JsonArrayWriter writer(out);
  std::size_t rows = 0;
  if (what == ExportWhat::checks) {
    store.for_each_check(filter, [&](const core::Check& check, std::string_view /*number*/) {
      writer.add(core::to_json(check));
      row_written(++rows);
    });
    writer.finish();
    return rows;
  }
  store.for_each_case(filter, [&](const core::Case& c) {
    core::Json j = exported_case(c, mask);
    if (what == ExportWhat::all) {
      j["checks"] = core::Json::array();
      for (const auto& check : store.checks_of(c.id)) {
        j["checks"].push_back(core::to_json(check));
      }
      j["checklist"] = core::Json::array();
      for (const auto& tick : store.checklist_of(c.id)) {
        j["checklist"].push_back(core::to_json(tick));
      }
    }
    writer.add(j);
    row_written(++rows);
  });
  writer.finish();
  return rows;
}

// One all-day event per case with a next check (open cases, and confirmed postpaid lines
// waiting for their final bill), with the UID <uuid>@cancelog so that a calendar that imports
// the file again updates its events instead of adding new ones.
std::size_t export_ics(storage::Store& store, core::CaseFilter filter, bool mask, util::Instant now,
                       std::ostream& out) {
  filter.with_next_check = true;
  std::map<std::int64_t, core::Operator> operators;
  for (auto& op : store.operators()) {
    operators.emplace(op.id, std::move(op));
  }
  render::IcsWriter writer(out, now, "-//cancelog//cancelog " CANCELOG_VERSION "//EN");
  std::size_t rows = 0;
  store.for_each_case(filter, [&](const core::Case& c) {
    const core::Reminder r = core::reminder_of(c, operators[c.operator_id]);
    const std::string shown =
        mask ? core::mask_number(c.number) : core::format_international(c.number);
    render::IcsEvent event;
    event.uid = c.uuid + "@cancelog";
    event.day = r.next_check_on;
    event.summary = core::calendar_summary(r, shown);
    event.description = core::calendar_description(r, shown);
    event.last_modified = c.updated_at;
    writer.add(event);
    ++rows;
  });
  writer.finish();
  return rows;
}

void run_export(const ExportOptions& o, Context& ctx) {
  const ExportFormat format = export_format(o, ctx);
  const ExportWhat what = export_what(o);
  if (format != ExportFormat::csv && (o.raw || o.bom)) {
    throw InputError(util::trf("{} applies to CSV only", o.raw ? "--raw" : "--bom"));
  }
  if (format == ExportFormat::csv && what == ExportWhat::all) {
    throw InputError(_("--what all: a CSV file holds one kind of row; export --what cases and "
                       "--what checks separately, or use --format json --what all, which "
                       "import reads back whole"));
  }
  if (format == ExportFormat::ics && what != ExportWhat::cases) {
    throw InputError(_("--what: a calendar holds the next check of each case; leave --what out "
                       "with --format ics"));
  }
  core::CaseFilter filter = make_filter(ctx, o.filter);
  filter.order = core::CaseOrder::recorded;
  auto& store = ctx.store();

  std::optional<util::OutputFile> file;
  if (!o.output.empty() && o.output != "-") {
    refuse_database_as_output(ctx, o.output, "-o");
    file.emplace(o.output, util::OutputFile::Existing::replace);
  }
  std::ostream& out = file ? file->stream() : ctx.out;
  // Not while the rows themselves go to the same terminal.
  render::Progress progress = ctx.progress(file || !ctx.out_is_terminal());
  const ExportTick tick = [&](std::size_t rows) {
    if (progress.due()) {
      progress.draw(what == ExportWhat::checks ? util::trf("cancelog: exporting: {} checks", rows)
                                               : util::trf("cancelog: exporting: {} cases", rows));
    }
  };
  std::size_t rows = 0;
  switch (format) {
  case ExportFormat::csv:
    rows = export_csv(store, filter, what, {o.raw, o.bom, o.mask}, out, tick);
    break;
  case ExportFormat::json:
    rows = export_json(store, filter, what, o.mask, out, tick);
    break;
  case ExportFormat::ics:
    rows = export_ics(store, filter, o.mask, ctx.clock.now(), out);
    break;
  }
  progress.clear();
  if (file) {
    file->commit();
  }
  // No summary after writing to a terminal or pipe: it may be the standard output itself.
  if (file && !file->in_place() && !ctx.global.json) {
    if (format == ExportFormat::ics) {
      ctx.out << util::trnf("Exported {} check to the calendar {}.",
                            "Exported {} checks to the calendar {}.", rows, rows,
                            util::quote(o.output));
    } else if (what == ExportWhat::checks) {
      ctx.out << util::trnf("Exported {} check to {}.", "Exported {} checks to {}.", rows, rows,
                            util::quote(o.output));
    } else {
      ctx.out << util::trnf("Exported {} case to {}.", "Exported {} cases to {}.", rows, rows,
                            util::quote(o.output));
    }
    ctx.out << '\n';
  }
}

} // namespace

void register_export(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export", _("write cases or checks as CSV or JSON, or the next checks as a calendar"));
  cmd->footer(_("Examples:\n"
                "  cancelog export -o cases.csv                 # for a spreadsheet\n"
                "  cancelog export --status open --mask --bom -o open.csv\n"
                "  cancelog export --format json --what all -o backup.json\n"
                "  cancelog export --what checks --operator Bakcell\n"
                "  cancelog export --format ics --status open -o checks.ics   # for a calendar"));
  cmd->add_option("--format", options->format,
                  _("csv, json or ics (default: from the extension of -o, else csv)"));
  cmd->add_option("--what", options->what,
                  _("cases, checks, or all (JSON only: cases with their checks and checklist)"))
      ->capture_default_str();
  add_filter_options(*cmd, options->filter);
  cmd->add_option("-o,--output", options->output,
                  _("write to this file (created private, 0600) instead of standard output"));
  cmd->add_flag("--raw", options->raw,
                _("CSV: leave text that a spreadsheet would run as a formula unguarded"));
  cmd->add_flag("--bom", options->bom, _("CSV: begin with a UTF-8 byte-order mark"));
  cmd->add_flag("--mask", options->mask,
                _("hide the middle digits of phone numbers (such a file cannot be imported)"));
  cmd->callback([options, &ctx] { run_export(*options, ctx); });
}

} // namespace cancelog::commands
