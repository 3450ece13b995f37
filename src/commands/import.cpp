// cancelog import: cases from the CSV or the JSON that `export` writes; all rows or none.
#include "commands/commands.hpp"
#include "core/exchange.hpp"
#include "core/json.hpp"
#include "core/reminder.hpp"
#include "render/json.hpp"
#include "render/progress.hpp"
#include "storage/store.hpp"
#include "util/csv.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/json_array.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <streambuf>
#include <thread>

namespace cancelog::commands {

// As in context.cpp: the same alias at the same scope, so that a unity batch sees one alias.
namespace fs = std::filesystem;

namespace {

struct ImportOptions {
  std::string file;
  bool dry_run = false;
  bool update = false;
};

enum class ImportFormat { csv, json };

// At most this many errors are listed; the rest are counted.
constexpr std::size_t k_import_max_listed = 50;

// Serves the bytes read to recognise the format, then the rest of the stream: the input may
// be a pipe, which cannot be read twice.
class ImportPrefixBuf : public std::streambuf {
public:
  ImportPrefixBuf(std::string head, std::streambuf* rest) : m_head(std::move(head)), m_rest(rest) {
    setg(m_head.data(), m_head.data(), m_head.data() + m_head.size());
  }

protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    const std::streamsize n =
        m_rest->sgetn(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
    if (n <= 0) {
      return traits_type::eof();
    }
    setg(m_buf.data(), m_buf.data(), m_buf.data() + n);
    return traits_type::to_int_type(*gptr());
  }

private:
  std::string m_head;
  std::streambuf* m_rest;
  std::array<char, 1 << 16> m_buf{};
};

// Reads up to the first byte that is not white space (after a byte-order mark): '[' (or '{')
// starts JSON, anything else is CSV. Returns nullopt for a file with nothing in it.
std::optional<ImportFormat> sniff_format(std::streambuf& in, std::string& head) {
  std::array<char, 4096> chunk{};
  const auto more = [&] {
    const std::streamsize n = in.sgetn(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (n <= 0) {
      return false;
    }
    head.append(chunk.data(), static_cast<std::size_t>(n));
    return true;
  };
  while (head.size() < 3 && more()) {
  }
  std::size_t at = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (;;) {
    for (; at < head.size(); ++at) {
      const char c = head[at];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        // A CSV header starts with a column name; JSON with an array (or, wrongly, an object).
        return c == '[' || c == '{' ? ImportFormat::json : ImportFormat::csv;
      }
    }
    if (!more()) {
      return std::nullopt;
    }
  }
}

// A case id of the file, and the case it became (or already was) in the database.
struct ImportIdLink {
  std::int64_t file_id;
  std::int64_t case_id;
  std::size_t line;
};

// The rows that were added with the id the file gives them: most rows, when a file goes into
// a database that has not used its ids. Ids are kept in runs of consecutive values, and each
// row's line as its distance from the line of the row before (one byte), so that a million
// rows take about a megabyte rather than the 24 MB of an ImportIdLink each.
class ImportKeptIds {
public:
  void add(std::int64_t id, std::size_t line) {
    const std::size_t index = m_deltas.size();
    if (m_runs.empty() || id != m_runs.back().first + m_runs.back().count) {
      m_ascending = m_ascending && (m_runs.empty() || id > m_runs.back().first);
      m_runs.push_back({id, index, 0});
    }
    ++m_runs.back().count;
    std::uint8_t delta = 0;
    if (index % k_every == 0) {
      m_checkpoints.push_back(line);
    } else if (line > m_last_line && line - m_last_line < k_far) {
      delta = static_cast<std::uint8_t>(line - m_last_line);
    } else {
      delta = k_far;
      m_far.emplace_back(index, line);
    }
    m_deltas.push_back(delta);
    m_last_line = line;
  }

  // Call once every row is added, before line_of.
  void finish() {
    std::sort(m_runs.begin(), m_runs.end(),
              [](const Run& a, const Run& b) { return a.first < b.first; });
  }

  // True when a row added so far kept this id; false also when that cannot be told before
  // finish() (the ids came out of order).
  [[nodiscard]] bool has_now(std::int64_t id) const { return m_ascending && find(id); }

  // The line of the row that kept this id, if a row did.
  [[nodiscard]] std::optional<std::size_t> line_of(std::int64_t id) const {
    const auto index = find(id);
    if (!index) {
      return std::nullopt;
    }
    return line_at(*index);
  }

private:
  struct Run {
    std::int64_t first;
    std::size_t begin; // index of its first row
    std::int64_t count;
  };
  static constexpr std::size_t k_every = 256;
  static constexpr std::uint8_t k_far = 255;

  // The index of the row that kept this id (the runs in order of their first id).
  [[nodiscard]] std::optional<std::size_t> find(std::int64_t id) const {
    auto run = std::upper_bound(m_runs.begin(), m_runs.end(), id,
                                [](std::int64_t value, const Run& r) { return value < r.first; });
    if (run == m_runs.begin()) {
      return std::nullopt;
    }
    --run;
    if (id >= run->first + run->count) {
      return std::nullopt;
    }
    return run->begin + static_cast<std::size_t>(id - run->first);
  }

  [[nodiscard]] std::size_t line_at(std::size_t index) const {
    std::size_t line = m_checkpoints[index / k_every];
    for (std::size_t i = index - index % k_every + 1; i <= index; ++i) {
      if (m_deltas[i] == k_far) {
        line = std::lower_bound(m_far.begin(), m_far.end(), std::pair(i, std::size_t{0}))->second;
      } else {
        line += m_deltas[i];
      }
    }
    return line;
  }

  std::vector<Run> m_runs;
  std::vector<std::uint8_t> m_deltas;
  std::vector<std::size_t> m_checkpoints;                 // the line of every k_every-th row
  std::vector<std::pair<std::size_t, std::size_t>> m_far; // (index, line) where delta is k_far
  std::size_t m_last_line = 0;
  bool m_ascending = true;
};

// A `follows` to resolve once every case of the file is known (the case followed may come
// later in the file).
struct ImportPendingFollow {
  std::int64_t case_id;
  std::int64_t file_follows;
  std::size_t line;
  bool existing; // an updated case, not one added by this import
};

// One import: validates each case, writes it inside one Change, and reports.
class Importer {
public:
  Importer(Context& ctx, const ImportOptions& options, ImportFormat format, std::string name)
      : m_ctx(ctx), m_options(options), m_format(format), m_name(std::move(name)),
        m_store(ctx.store()), m_rules(make_rules(ctx)), m_change(m_store, "import", m_rules.now),
        m_importer(m_store, m_change,
                   core::Json{{"file", fs::path(m_name).filename().string()},
                              {"format", format == ImportFormat::csv ? "csv" : "json"}}
                       .dump(),
                   options.update ? storage::CaseImporter::StoredCases::updated
                                  : storage::CaseImporter::StoredCases::kept) {}

  // Takes a case of the file validated elsewhere (`errors` empty when it is good): writes it
  // when it and every one before it are good. The row's storage is kept for reuse.
  void add_validated(core::ImportedCase& row, std::vector<core::FieldError>& errors,
                     std::size_t line) {
    ++m_rows;
    if (errors.empty()) {
      std::swap(row, m_row);
      apply(line);
      std::swap(row, m_row);
    } else {
      std::swap(errors, m_field_errors);
      field_errors(line);
      std::swap(errors, m_field_errors);
    }
  }
  void add(const core::Json& element, std::size_t line) {
    ++m_rows;
    if (core::validate_json_case(element, m_rules, m_row, m_field_errors)) {
      apply(line);
    } else {
      field_errors(line);
    }
  }

  // Reports an error of a row (an empty field: of the row as a whole).
  void error(std::size_t line, std::string_view field, const std::string& reason) {
    ++m_error_count;
    if (m_last_bad_line != line || m_bad_rows == 0) {
      ++m_bad_rows;
      m_last_bad_line = line;
    }
    if (m_error_count > k_import_max_listed) {
      return;
    }
    clear_progress();
    std::string text = util::trf("line {}: ", line);
    if (!field.empty()) {
      text += m_format == ImportFormat::csv ? util::trf("column {}: ", field)
                                            : util::trf("field {}: ", field);
    }
    text += reason;
    m_ctx.err << "cancelog: " << m_name << ": " << util::one_line(text) << '\n';
  }

  // Shows how far the reading is (on a terminal, in a long run).
  void progress(std::size_t bytes) {
    if (!m_progress.due()) {
      return;
    }
    if (m_total_bytes == 0) { // a pipe: no size known
      m_progress.draw(util::trf("cancelog: importing {}: {} rows", m_name, m_rows));
      return;
    }
    const auto percent = std::min<std::uintmax_t>(bytes * 100 / m_total_bytes, 99);
    m_progress.draw(util::trf("cancelog: importing {}: {}%", m_name, percent));
  }
  void show_progress_for(std::uintmax_t total_bytes) { m_total_bytes = total_bytes; }

  // Ends the import: links, then commits (or, for a dry run or after errors, rolls back).
  void finish(std::optional<std::string> fatal) {
    if (!fatal) {
      resolve_links();
    }
    clear_progress();
    if (m_error_count > k_import_max_listed) {
      m_ctx.err << "cancelog: " << m_name << ": "
                << util::trf("… and {} more errors", m_error_count - k_import_max_listed) << '\n';
    }
    if (fatal) {
      throw InputError(util::trf("{}: {}; nothing was imported", m_name, *fatal));
    }
    if (m_error_count > 0) {
      throw InputError(util::trnf("{}: errors in {} of {} row; nothing was imported; correct "
                                  "them and import the file again",
                                  "{}: errors in {} of {} rows; nothing was imported; correct "
                                  "them and import the file again",
                                  m_rows, m_name, m_bad_rows, m_rows));
    }
    m_importer.finish();
    if (!m_options.dry_run) {
      m_change.commit();
    }
    report();
  }

  // The number of errors so far.
  [[nodiscard]] std::size_t error_count() const { return m_error_count; }
  // What validation needs to know, for the threads that validate rows.
  [[nodiscard]] const core::ImportRules& rules() const { return m_rules; }

private:
  static core::ImportRules make_rules(Context& ctx) {
    core::ImportRules rules;
    auto& store = ctx.store();
    rules.default_region = ctx.settings().get(core::setting::default_region);
    rules.today = ctx.clock.today();
    rules.now = ctx.clock.now();
    rules.zone = ctx.clock.zone();
    rules.operators = store.operators();
    rules.hints = store.prefix_hints();
    rules.policy = core::reminder_policy(ctx.settings());
    return rules;
  }

  void field_errors(std::size_t line) {
    for (const auto& e : m_field_errors) {
      error(line, e.field, e.reason);
    }
    m_field_errors.clear();
  }

  void link(std::size_t line, std::int64_t case_id) {
    if (!m_row.file_id) {
      return;
    }
    if (case_id == *m_row.file_id && m_importer.is_new(case_id)) {
      m_kept.add(case_id, line);
    } else {
      m_links.push_back({*m_row.file_id, case_id, line});
    }
  }

  void apply(std::size_t line) {
    if (m_error_count > 0) {
      return; // nothing will be written: only look for more errors
    }
    core::Case& c = m_row.c;
    if (c.uuid.empty()) {
      c.uuid = util::make_uuid();
    }
    c.id = m_row.file_id.value_or(0);
    c.follows.reset();
    // A retry mostly follows a case further up the file that kept its id: linked as it is
    // inserted. Any other link waits for the end of the file, when every id is known.
    const bool linked_now = m_row.file_follows && m_kept.has_now(*m_row.file_follows);
    if (linked_now) {
      c.follows = *m_row.file_follows;
    }
    // Most rows are new: inserting first and looking the uuid up only when it is taken saves
    // a search of the uuid index per row.
    if (!m_importer.add_case(c, m_row.ticks)) {
      const auto existing = m_store.case_id_by_uuid(c.uuid);
      if (m_importer.is_new(*existing)) {
        error(line, "uuid", _("the same uuid is on an earlier line of this file"));
        return;
      }
      link(line, *existing);
      if (m_options.update) {
        update(*existing, line);
      } else {
        ++m_skipped;
      }
      return;
    }
    link(line, c.id);
    m_outcomes.clear();
    for (auto& check : m_row.checks) {
      check.case_id = c.id;
      m_importer.add_check(check);
      m_outcomes.push_back(check.outcome);
    }
    const bool from_sheet = m_format == ImportFormat::csv;
    if (auto check = core::imported_check(m_row, from_sheet, m_outcomes, m_rules)) {
      m_importer.add_check(*check);
    }
    for (const auto& tick : m_row.ticks) {
      m_importer.add_tick(c.id, tick);
    }
    if (from_sheet && !c.receipt.empty()) {
      m_importer.add_tick(c.id, {core::ChecklistItem::receipt_kept, m_rules.now});
    }
    if (m_row.file_follows && !linked_now) {
      m_pending.push_back({c.id, *m_row.file_follows, line, false});
    }
    ++m_added;
  }

  // --update: the file's values replace the stored ones, column by column, in the history.
  void update(std::int64_t id, std::size_t line) {
    using core::CaseColumn;
    const core::Case before = *m_store.find_case(id);
    const core::Case& row = m_row.c;
    core::Case after = before;
    if (m_row.has(CaseColumn::number)) {
      if (m_row.has(CaseColumn::number_raw) || row.number != before.number) {
        after.number_raw = row.number_raw;
      }
      after.number = row.number;
    }
    if (m_row.has(CaseColumn::operator_name)) {
      after.operator_id = row.operator_id;
      after.operator_name = row.operator_name;
      after.operator_inferred = row.operator_inferred;
    }
    const auto take = [&](CaseColumn column, auto member) {
      if (m_row.has(column)) {
        after.*member = row.*member;
      }
    };
    take(CaseColumn::card, &core::Case::card);
    take(CaseColumn::channel, &core::Case::channel);
    take(CaseColumn::requested_on, &core::Case::requested_on);
    take(CaseColumn::receipt, &core::Case::receipt);
    take(CaseColumn::note, &core::Case::note);
    take(CaseColumn::status, &core::Case::status);
    if (m_row.has(CaseColumn::next_check_on) || after.status != before.status) {
      after.next_check_on = row.next_check_on;
    }
    if (m_row.has(CaseColumn::follows) && !m_row.file_follows) {
      after.follows.reset();
    }
    if (after.status == core::Status::requested && before.status != core::Status::requested) {
      error(line, "status",
            util::trf("case {} is {}; a case cannot go back to requested (it has had a check)", id,
                      core::name_of(before.status)));
      return;
    }

    std::size_t changes = m_store.update_case(m_change, before, after);
    m_outcomes.clear();
    const auto existing = m_store.checks_of(id);
    for (const auto& check : existing) {
      m_outcomes.push_back(check.outcome);
    }
    for (auto check : m_row.checks) {
      const bool known = std::any_of(existing.begin(), existing.end(), [&](const auto& k) {
        return k.checked_at == check.checked_at && k.method == check.method &&
               k.outcome == check.outcome && k.reference == check.reference && k.note == check.note;
      });
      if (!known) {
        check.case_id = id;
        m_store.insert_check(m_change, check);
        m_outcomes.push_back(check.outcome);
        ++changes;
      }
    }
    const bool asserted = m_format == ImportFormat::csv && after.status != before.status;
    m_row.c.id = id;
    m_row.c.status = after.status;
    if (auto check = core::imported_check(m_row, asserted, m_outcomes, m_rules)) {
      m_store.insert_check(m_change, *check);
      ++changes;
    }
    for (const auto& tick : m_row.ticks) {
      changes += m_store.tick(m_change, id, tick.item) ? 1 : 0;
    }
    if (m_format == ImportFormat::csv && !after.receipt.empty()) {
      changes += m_store.tick(m_change, id, core::ChecklistItem::receipt_kept) ? 1 : 0;
    }
    if (m_row.file_follows) {
      m_pending.push_back({id, *m_row.file_follows, line, true});
    }
    if (changes > 0) {
      ++m_updated;
    } else {
      ++m_unchanged;
    }
  }

  // Sets each `follows` to the case the file's id became; refuses an id given twice.
  void resolve_links() {
    m_kept.finish();
    std::sort(m_links.begin(), m_links.end(), [](const auto& a, const auto& b) {
      return a.file_id != b.file_id ? a.file_id < b.file_id : a.line < b.line;
    });
    // A row that kept an id came before any other row with that id (which found it taken).
    for (std::size_t i = 0; i < m_links.size(); ++i) {
      const auto& link = m_links[i];
      std::optional<std::size_t> earlier;
      if (i > 0 && m_links[i - 1].file_id == link.file_id) {
        earlier = m_links[i - 1].line;
      } else {
        earlier = m_kept.line_of(link.file_id);
      }
      if (earlier) {
        error(link.line, "id",
              util::trf("case id {} is also on line {}; each case appears once", link.file_id,
                        *earlier));
      }
    }
    if (m_error_count > 0) {
      return;
    }
    std::size_t dropped = 0;
    for (const auto& pending : m_pending) {
      const auto found = std::lower_bound(
          m_links.begin(), m_links.end(), pending.file_follows,
          [](const ImportIdLink& link, std::int64_t id) { return link.file_id < id; });
      std::optional<std::int64_t> target;
      if (found != m_links.end() && found->file_id == pending.file_follows) {
        target = found->case_id;
      } else if (m_kept.line_of(pending.file_follows)) {
        target = pending.file_follows;
      }
      if (!target || *target == pending.case_id) {
        if (++dropped <= 5) {
          m_ctx.warn(util::trf("{}: line {}: follows case {}, which is not in the file; the "
                               "link is left out",
                               m_name, pending.line, pending.file_follows));
        }
        continue;
      }
      if (!pending.existing) {
        m_importer.set_follows(pending.case_id, *target);
        continue;
      }
      const core::Case before = *m_store.find_case(pending.case_id);
      core::Case after = before;
      after.follows = *target;
      if (m_store.update_case(m_change, before, after) > 0 && m_unchanged > 0) {
        --m_unchanged;
        ++m_updated;
      }
    }
    if (dropped > 5) {
      m_ctx.warn(util::trf("{}: {} more links to cases not in the file are left out", m_name,
                           dropped - 5));
    }
  }

  void clear_progress() { m_progress.clear(); }

  void report() {
    const std::size_t skipped = m_skipped + m_unchanged;
    if (m_ctx.global.json) {
      render::write_json(m_ctx.out,
                         core::Json{{"file", m_name},
                                    {"format", m_format == ImportFormat::csv ? "csv" : "json"},
                                    {"added", m_added},
                                    {"updated", m_updated},
                                    {"skipped", skipped},
                                    {"dry_run", m_options.dry_run}});
      return;
    }
    if (m_options.dry_run) {
      m_ctx.out << util::trnf("Dry run: {} would add {} case, update {} and skip {} (already "
                              "present); nothing was written.",
                              "Dry run: {} would add {} cases, update {} and skip {} (already "
                              "present); nothing was written.",
                              m_added, m_name, m_added, m_updated, skipped)
                << '\n';
    } else {
      m_ctx.out << util::trnf("Imported {}: {} case added, {} updated, {} skipped (already "
                              "present).",
                              "Imported {}: {} cases added, {} updated, {} skipped (already "
                              "present).",
                              m_added, m_name, m_added, m_updated, skipped)
                << '\n';
    }
    if (m_skipped > 0) {
      m_ctx.out << _("Cases whose uuid is known were left as they are; --update replaces their "
                     "fields with the file's.")
                << '\n';
    }
  }

  Context& m_ctx;
  const ImportOptions& m_options;
  ImportFormat m_format;
  std::string m_name;
  storage::Store& m_store;
  core::ImportRules m_rules;
  storage::Change m_change;
  storage::CaseImporter m_importer;

  core::ImportedCase m_row;
  std::vector<core::FieldError> m_field_errors;
  std::vector<core::Outcome> m_outcomes;
  // Rows whose case has another id than the file's (renumbered, or an existing case).
  std::vector<ImportIdLink> m_links;
  ImportKeptIds m_kept;
  std::vector<ImportPendingFollow> m_pending;
  std::size_t m_rows = 0;
  std::size_t m_added = 0;
  std::size_t m_updated = 0;
  std::size_t m_unchanged = 0;
  std::size_t m_skipped = 0;
  std::size_t m_error_count = 0;
  std::size_t m_bad_rows = 0;
  std::size_t m_last_bad_line = 0;
  std::uintmax_t m_total_bytes = 0;
  render::Progress m_progress = m_ctx.progress();
};

// The columns of a CSV header, by name in any order (any case; a guarding apostrophe removed).
struct ImportHeader {
  std::array<int, core::k_case_column_count> index{};
  std::size_t width = 0;
};

ImportHeader read_header(const util::CsvRecord& record, Importer& importer, Context& ctx,
                         const std::string& name) {
  ImportHeader header;
  header.index.fill(-1);
  header.width = record.fields.size();
  std::vector<std::string> unknown;
  bool has_outcome = false;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string key =
        util::to_lower_ascii(util::trim(util::strip_formula_guard(record.fields[i])));
    if (key.empty()) {
      continue; // an unnamed column, as spreadsheets leave at the edge
    }
    has_outcome = has_outcome || key == "outcome";
    const auto column = core::parse_enum<core::CaseColumn>(key);
    if (!column) {
      unknown.push_back(util::quote(record.fields[i]));
      continue;
    }
    int& slot = header.index[static_cast<std::size_t>(*column)];
    if (slot >= 0) {
      importer.error(record.line, key, _("the column appears twice in the header"));
      continue;
    }
    slot = static_cast<int>(i);
  }
  const auto missing = [&](core::CaseColumn column) {
    return header.index[static_cast<std::size_t>(column)] < 0;
  };
  if (has_outcome && missing(core::CaseColumn::channel)) {
    throw InputError(util::trf("{}: line {}: this is a CSV of checks (export --what checks); "
                               "import reads the CSV of cases, or the JSON of 'export --format "
                               "json --what all'",
                               name, record.line));
  }
  for (const auto& [column, column_name] : core::EnumNames<core::CaseColumn>::k_names) {
    if (core::is_required(column) && missing(column)) {
      importer.error(record.line, column_name,
                     _("the header has no such column, and every case needs one; the columns "
                       "are listed in docs/formats.md"));
    }
  }
  if (!unknown.empty()) {
    ctx.warn(util::trf("{}: line {}: columns that cancelog does not know are ignored: {}", name,
                       record.line, util::join(unknown, ", ")));
  }
  return header;
}

bool import_row_is_blank(const util::CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& field) { return util::trim(field).empty(); });
}

// One row of a CSV file, read and validated.
struct ImportCsvRow {
  std::size_t line = 0;
  // The row as a whole is wrong (its width); else errors holds what validation found.
  std::string row_error;
  core::ImportedCase value;
  std::vector<core::FieldError> errors;
};

// Rows in the order of the file, as the reading side hands them to the writing side.
struct ImportCsvBatch {
  std::vector<ImportCsvRow> rows;
  std::size_t used = 0;
  std::size_t bytes_read = 0;
};

// Rows per batch: large enough that handing a batch over costs nothing per row, small enough
// that the batches in flight hold little memory.
constexpr std::size_t k_import_batch_rows = 256;
// Batches in flight between the reading and the writing thread.
constexpr std::size_t k_import_batches = 8;

// Reads the rows of a CSV file after its header and validates them: pure work, which may run
// on a thread of its own while the writing thread inserts the rows validated before.
class ImportCsvSource {
public:
  ImportCsvSource(util::CsvReader& reader, const ImportHeader& header,
                  const core::ImportRules& rules)
      : m_reader(reader), m_header(header), m_rules(rules) {}

  // Fills the batch with the next rows; returns false once the file is read (or unreadable:
  // then fatal() says why).
  bool fill(ImportCsvBatch& batch) {
    batch.used = 0;
    if (m_done) {
      return false;
    }
    while (batch.used < k_import_batch_rows) {
      const auto more = m_reader.next(m_record);
      if (!more || !*more) {
        if (!more) {
          m_fatal = more.error();
        }
        m_done = true;
        break;
      }
      if (import_row_is_blank(m_record)) {
        continue; // a spreadsheet's empty row
      }
      if (batch.rows.size() <= batch.used) {
        batch.rows.resize(batch.used + 1);
      }
      validate(batch.rows[batch.used++]);
    }
    batch.bytes_read = m_reader.bytes_read();
    return batch.used > 0 || !m_done;
  }

  // Why the file could not be read to its end.
  [[nodiscard]] const std::optional<std::string>& fatal() const { return m_fatal; }

private:
  void validate(ImportCsvRow& row) {
    row.line = m_record.line;
    row.row_error.clear();
    row.errors.clear();
    if (m_record.fields.size() != m_header.width) {
      row.row_error = util::trf("the row has {} fields but the header has {}; a comma or a quote "
                                "may be missing or too many",
                                m_record.fields.size(), m_header.width);
      return;
    }
    for (std::size_t i = 0; i < core::k_case_column_count; ++i) {
      const int at = m_header.index[i];
      m_raw.cells[i] = at < 0 ? std::nullopt
                              : std::optional(util::strip_formula_guard(
                                    m_record.fields[static_cast<std::size_t>(at)]));
    }
    core::validate_case(m_raw, m_rules, row.value, row.errors);
  }

  util::CsvReader& m_reader;
  const ImportHeader& m_header;
  const core::ImportRules& m_rules;
  util::CsvRecord m_record;
  core::RawCase m_raw;
  std::optional<std::string> m_fatal;
  bool m_done = false;
};

// Runs an ImportCsvSource on a thread of its own: batches go round between a full and an
// empty queue, so that the reading side stays at most k_import_batches ahead and the rows
// reach the writing side in the order of the file.
class ImportCsvThread {
public:
  explicit ImportCsvThread(ImportCsvSource& source) : m_source(source) {
    for (std::size_t i = 0; i < k_import_batches; ++i) {
      m_empty.push_back(std::make_unique<ImportCsvBatch>());
    }
    m_thread = std::thread([this] { run(); });
  }
  ~ImportCsvThread() {
    {
      const std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
  }
  ImportCsvThread(const ImportCsvThread&) = delete;
  ImportCsvThread& operator=(const ImportCsvThread&) = delete;

  // The next batch of rows, or nullptr after the last; rethrows what the reading side threw.
  std::unique_ptr<ImportCsvBatch> next() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_full.empty() || m_finished; });
    if (m_full.empty()) {
      if (m_failure) {
        std::rethrow_exception(m_failure);
      }
      return nullptr;
    }
    auto batch = std::move(m_full.front());
    m_full.pop_front();
    return batch;
  }
  // Hands a batch back for reuse.
  void recycle(std::unique_ptr<ImportCsvBatch> batch) {
    {
      const std::lock_guard lock(m_mutex);
      m_empty.push_back(std::move(batch));
    }
    m_changed.notify_all();
  }

private:
  void run() {
    try {
      for (;;) {
        std::unique_ptr<ImportCsvBatch> batch;
        {
          std::unique_lock lock(m_mutex);
          m_changed.wait(lock, [&] { return !m_empty.empty() || m_stop; });
          if (m_stop) {
            break;
          }
          batch = std::move(m_empty.back());
          m_empty.pop_back();
        }
        const bool more = m_source.fill(*batch);
        {
          const std::lock_guard lock(m_mutex);
          if (batch->used > 0) {
            m_full.push_back(std::move(batch));
          }
        }
        m_changed.notify_all();
        if (!more) {
          break;
        }
      }
    } catch (...) {
      const std::lock_guard lock(m_mutex);
      m_failure = std::current_exception();
    }
    {
      const std::lock_guard lock(m_mutex);
      m_finished = true;
    }
    m_changed.notify_all();
  }

  ImportCsvSource& m_source;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::unique_ptr<ImportCsvBatch>> m_full;
  std::vector<std::unique_ptr<ImportCsvBatch>> m_empty;
  std::exception_ptr m_failure;
  bool m_finished = false;
  bool m_stop = false;
  std::thread m_thread;
};

// Hands the rows of a batch to the importer, in order.
void import_batch(ImportCsvBatch& batch, Importer& importer) {
  importer.progress(batch.bytes_read);
  for (std::size_t i = 0; i < batch.used; ++i) {
    auto& row = batch.rows[i];
    if (!row.row_error.empty()) {
      importer.error(row.line, "", row.row_error);
      continue;
    }
    importer.add_validated(row.value, row.errors, row.line);
  }
}

// True when rows are validated on a thread of their own: on a machine with more than one
// core, unless CANCELOG_IMPORT_THREADS=1 asks for one thread (the result is the same).
bool import_in_parallel(const Context& ctx) {
  if (const auto threads = ctx.env.get("CANCELOG_IMPORT_THREADS")) {
    return *threads != "1";
  }
  return std::thread::hardware_concurrency() > 1;
}

std::optional<std::string> import_csv(std::istream& in, Importer& importer, Context& ctx,
                                      const std::string& name) {
  util::CsvReader reader(in);
  util::CsvRecord record;
  const auto more = reader.next(record);
  if (!more) {
    return more.error();
  }
  if (!*more) {
    return _("line 1: the file is empty");
  }
  const ImportHeader header = read_header(record, importer, ctx, name);
  if (importer.error_count() > 0) {
    // Every row would repeat the header's mistake.
    return util::trf("line {}: the header cannot be used", record.line);
  }
  // Validation (libphonenumber above all) runs beside the writing of the rows before it; the
  // rows, their errors and so the database and the report are the same either way.
  ImportCsvSource source(reader, header, importer.rules());
  if (import_in_parallel(ctx)) {
    ImportCsvThread thread(source);
    while (auto batch = thread.next()) {
      import_batch(*batch, importer);
      thread.recycle(std::move(batch));
    }
  } else {
    ImportCsvBatch batch;
    while (source.fill(batch)) {
      import_batch(batch, importer);
    }
  }
  return source.fatal();
}

std::optional<std::string> import_json(std::istream& in, Importer& importer,
                                       const std::string& name) {
  util::JsonArrayReader reader(in);
  std::size_t count = 0;
  const auto read = reader.read([&](core::Json& element, std::size_t line) {
    if (count++ == 0 && element.is_object() && element.contains("outcome") &&
        !element.contains("number")) {
      throw InputError(util::trf("{}: line {}: this is a JSON of checks (export --what checks); "
                                 "import reads the JSON of 'export --format json --what all'",
                                 name, line));
    }
    if (count % 1024 == 0) {
      importer.progress(reader.bytes_read());
    }
    importer.add(element, line);
    return true;
  });
  if (!read) {
    return read.error();
  }
  return std::nullopt;
}

void run_import(const ImportOptions& o, Context& ctx) {
  const fs::path path = o.file;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw InputError(util::trf("{} is a folder; give the file to import", util::quote(o.file)));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw InputError(util::trf("cannot read {}: {}", util::quote(o.file), std::strerror(errno)));
  }
  std::string head;
  const auto format = sniff_format(*file.rdbuf(), head);
  if (!format) {
    throw InputError(util::trf("{}: line 1: the file is empty; nothing was imported", o.file));
  }
  ImportPrefixBuf buffer(std::move(head), file.rdbuf());
  std::istream in(&buffer);

  Importer importer(ctx, o, *format, o.file);
  if (const auto size = fs::file_size(path, ec); !ec) {
    importer.show_progress_for(size);
  }
  const auto fatal = *format == ImportFormat::csv ? import_csv(in, importer, ctx, o.file)
                                                  : import_json(in, importer, o.file);
  importer.finish(fatal);
}

} // namespace

void register_import(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import", _("add cases from a CSV or JSON file made by export (all rows or none)"));
  cmd->footer(_("Examples:\n"
                "  cancelog import cases.csv --dry-run\n"
                "  cancelog import backup.json\n"
                "  cancelog import edited.csv --update"));
  cmd->add_option("file", options->file,
                  _("the file: the JSON of 'export --format json --what all' (lossless), or a "
                    "CSV with the columns of 'export' (matched by name)"))
      ->required();
  cmd->add_flag("--dry-run", options->dry_run,
                _("check the whole file and say what would change, without writing anything"));
  cmd->add_flag("--update", options->update,
                _("replace the fields of cases whose uuid is known (else they are skipped)"));
  cmd->callback([options, &ctx] { run_import(*options, ctx); });
}

} // namespace cancelog::commands
