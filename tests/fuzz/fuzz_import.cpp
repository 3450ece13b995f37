// Fuzzes `cancelog import` end to end: the bytes (after one byte of options) are the file,
// run through the real command line against a database holding a few cases, so that the CSV
// and JSON readers, validation, uuid matching, --update and the bulk writer all run. No
// crash and no exception but the two tiers of SPEC.md; a refused import or a dry run leaves
// every table as it was; an import that wrote something is undone, and then the records are
// exactly as before.
#include "commands/commands.hpp"
#include "commands/context.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace cancelog;
namespace fs = std::filesystem;

namespace {

// Every row of the tables, as text: the records, and the history (kept apart because an
// undo adds to the history).
struct Fingerprint {
  std::string records;
  std::string history;
};

class Harness {
public:
  Harness() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = (fs::path(tmp != nullptr ? tmp : "/tmp") / "fuzz-import-XXXXXX").string();
    m_dir = ::mkdtemp(pattern.data());
    m_input = m_dir / "input";
    commands::Environment env({{"CANCELOG_DB", (m_dir / "cancelog.db").string()},
                               {"CANCELOG_NOW", "2026-03-04T10:00:00Z"},
                               {"TZ", "Asia/Baku"}});
    m_ctx = std::make_unique<commands::Context>(m_out, m_err, std::move(env), false, std::nullopt);
    // The cases of tests/cli/exchange_data.py, with its uuids, so that the committed exports
    // in the corpus meet known uuids.
    expect_ok(
        {"add", "0501234567", "--channel", "store", "--receipt", "AZC-1", "--on", "2026-02-22"});
    expect_ok({"add", "0551234567", "--channel", "online", "--note", "=1+1", "--on", "2026-03-01"});
    expect_ok({"add", "0701234567", "--operator", "Nar", "--channel", "phone", "--card", "postpaid",
               "--receipt", "R"});
    expect_ok({"check", "2", "--outcome", "pending", "--at", "2026-03-03 10:00"});
    expect_ok({"tick", "3", "no-arrears"});
    m_reader = std::make_unique<SQLite::Database>((m_dir / "cancelog.db").string(),
                                                  SQLite::OPEN_READWRITE);
    m_reader->exec("UPDATE cases SET uuid = printf('00000000-0000-4000-8000-%012d', id)");
  }

  ~Harness() {
    m_reader.reset();
    m_apps.clear();
    m_ctx.reset();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // Runs one command line; returns its exit code (0, 1 or 2).
  int run(const std::vector<std::string>& args) {
    m_out.str("");
    m_err.str("");
    // Building the command line costs more than an import of a small file: one App per
    // distinct command line, parsed again each time (with the same flags, so that none is
    // left set from another run).
    std::vector<const char*> argv{"cancelog"};
    for (const auto& arg : args) {
      argv.push_back(arg.c_str());
    }
    auto& app = m_apps[args];
    if (!app) {
      app = std::make_unique<CLI::App>("cancelog", "cancelog");
      app->require_subcommand(1);
      commands::register_commands(*app, *m_ctx, argv); // only the command named
    }
    try {
      app->parse(static_cast<int>(argv.size()), argv.data());
      return 0;
    } catch (const InputError&) {
      return 2;
    } catch (const Error& e) {
      // A file the program cannot use is exit 1 in SPEC.md, but bytes in an input file are
      // input: they never make the work itself fail.
      std::cerr << "exit 1 for " << args.front() << ": " << e.what() << '\n';
      std::abort();
    }
  }

  void expect_ok(const std::vector<std::string>& args) {
    if (run(args) != 0) {
      std::cerr << "setup failed: " << args.front() << '\n';
      std::abort();
    }
  }

  Fingerprint fingerprint() {
    Fingerprint f;
    // The history grows with every import undone: its size and last id stand for it.
    for (const char* table : {"events", "event_groups"}) {
      SQLite::Statement size(*m_reader, std::string("SELECT count(*), max(id) FROM ") + table);
      size.executeStep();
      f.history += std::string(table) + ": " + size.getColumn(0).getString() + " " +
                   size.getColumn(1).getString() + "\n";
    }
    SQLite::Statement tables(*m_reader,
                             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                             "IN ('events', 'event_groups') ORDER BY name");
    while (tables.executeStep()) {
      const std::string name = tables.getColumn(0).getString();
      // AUTOINCREMENT counters: an undone import leaves them where it took them.
      std::string& into = name == "sqlite_sequence" ? f.history : f.records;
      into += name + ":\n";
      // Rows sorted as text: some tables have no rowid to order by.
      std::vector<std::string> lines;
      SQLite::Statement rows(*m_reader, "SELECT * FROM \"" + name + "\"");
      while (rows.executeStep()) {
        std::string line;
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          const auto column = rows.getColumn(i);
          line += column.isNull() ? std::string("NULL") : column.getString();
          line += '|';
        }
        lines.push_back(std::move(line));
      }
      std::sort(lines.begin(), lines.end());
      for (const auto& line : lines) {
        into += line + '\n';
      }
    }
    return f;
  }

  void write_input(const std::uint8_t* data, std::size_t size) {
    std::ofstream out(m_input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }

  [[nodiscard]] std::string input() const { return m_input.string(); }
  [[nodiscard]] std::string errors() const { return m_err.str(); }

private:
  fs::path m_dir;
  fs::path m_input;
  std::ostringstream m_out;
  std::ostringstream m_err;
  std::unique_ptr<commands::Context> m_ctx;
  std::map<std::vector<std::string>, std::unique_ptr<CLI::App>> m_apps;
  std::unique_ptr<SQLite::Database> m_reader;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness harness;
  if (size == 0) {
    return 0;
  }
  // The first byte chooses the options ('0' to '3' in the committed corpus).
  const bool dry_run = (data[0] & 1) != 0;
  const bool update = (data[0] & 2) != 0;
  harness.write_input(data + 1, size - 1);
  std::vector<std::string> args{"import", harness.input()};
  if (dry_run) {
    args.emplace_back("--dry-run");
  }
  if (update) {
    args.emplace_back("--update");
  }

  const Fingerprint before = harness.fingerprint();
  const int code = harness.run(args);
  const Fingerprint after = harness.fingerprint();
  if (code != 0 || dry_run) {
    if (after.records != before.records || after.history != before.history) {
      std::cerr << "a refused import or a dry run changed the database\n";
      std::abort();
    }
    return 0;
  }
  if (after.history == before.history) {
    if (after.records != before.records) {
      std::cerr << "records changed without a history entry\n";
      std::abort();
    }
    return 0; // nothing new: every case was known
  }
  if (harness.run({"undo"}) != 0) {
    std::cerr << "undo of an import failed: " << harness.errors() << '\n';
    std::abort();
  }
  if (harness.fingerprint().records != before.records) {
    std::cerr << "undo did not restore the records the import changed\n";
    std::abort();
  }
  return 0;
}
