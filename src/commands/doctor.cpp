// cancelog doctor: is the database sound, private and untampered?
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/evidence.hpp"
#include "core/json.hpp"
#include "render/json.hpp"
#include "render/progress.hpp"
#include "storage/failure.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <sys/stat.h>

namespace cancelog::commands {

namespace {

namespace fs = std::filesystem;

// Integrity problems listed one by one before the rest are counted (SQLite lists up to 100).
constexpr std::size_t k_doctor_max_listed = 20;

struct DoctorFinding {
  std::string check; // "permissions", "schema", "integrity", "foreign-keys", "receipts", ...
  bool ok = true;
  std::string message;
};

class DoctorFindings {
public:
  void ok(std::string check, std::string message) {
    m_list.push_back({std::move(check), true, std::move(message)});
  }
  void problem(std::string check, std::string message) {
    m_list.push_back({std::move(check), false, std::move(message)});
  }
  // Runs one check; a database failure during it is a finding too, not the end of the run.
  template <class F> void run(const std::string& check, F&& body) {
    try {
      body();
    } catch (const std::exception& e) {
      problem(check, storage::describe_failure(e).value_or(e.what()));
    }
  }
  [[nodiscard]] const std::vector<DoctorFinding>& list() const { return m_list; }
  [[nodiscard]] std::size_t problems() const {
    return static_cast<std::size_t>(
        std::count_if(m_list.begin(), m_list.end(), [](const DoctorFinding& f) { return !f.ok; }));
  }

private:
  std::vector<DoctorFinding> m_list;
};

std::string doctor_octal_mode(mode_t mode) {
  return fmt::format("{:04o}", mode & 07777);
}

// The permissions as they were before this run opened the database (opening tightens them).
void doctor_check_file_modes(DoctorFindings& findings, const fs::path& db, bool own_folder) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const fs::path file(db.string() + suffix);
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
      continue; // -wal and -shm exist only while the database is in use
    }
    if ((st.st_mode & 077) != 0) {
      findings.problem("permissions",
                       util::trf("{} was {}, open to other users; cancelog makes it 0600 when it "
                                 "opens it, but the data may have been read",
                                 file.string(), doctor_octal_mode(st.st_mode)));
    } else {
      findings.ok("permissions",
                  util::trf("{} is {}", file.string(), doctor_octal_mode(st.st_mode)));
    }
  }
  const fs::path dir = db.has_parent_path() ? db.parent_path() : fs::path(".");
  struct stat st {};
  if (!own_folder || ::stat(dir.c_str(), &st) != 0) {
    return; // a folder the user chose (--db, CANCELOG_DB) is theirs to set
  }
  if ((st.st_mode & 077) != 0) {
    findings.problem("permissions",
                     util::trf("the folder {} was {}, open to other users; cancelog makes it 0700 "
                               "when it opens the database",
                               dir.string(), doctor_octal_mode(st.st_mode)));
  } else {
    findings.ok("permissions",
                util::trf("the folder {} is {}", dir.string(), doctor_octal_mode(st.st_mode)));
  }
}

void doctor_check_database(DoctorFindings& findings, Context& ctx, render::Progress& progress) {
  auto& store = ctx.store();
  const auto step = [&](const char* text) {
    return [&progress, text] {
      if (progress.due()) {
        progress.draw(text);
      }
    };
  };
  findings.run("schema", [&] {
    const int version = store.schema_version();
    const int latest = storage::latest_schema_version();
    if (version == latest) {
      findings.ok("schema", util::trf("schema version {}, the one this program writes", version));
    } else {
      findings.problem("schema", util::trf("schema version {}, but this program writes version {}",
                                           version, latest));
    }
  });
  findings.run("journal", [&] {
    const std::string mode = store.journal_mode();
    if (mode == "wal") {
      findings.ok("journal", _("journal mode WAL (readers and a writer at once)"));
    } else {
      findings.problem("journal",
                       util::trf("journal mode {}, not WAL; is the file read-only?", mode));
    }
  });
  findings.run("integrity", [&] {
    // SQLite's first line may hold several problems, one per line, under a heading naming
    // the database ("*** in database main ***"), which says nothing here.
    std::vector<std::string> problems;
    for (const auto& text : store.integrity_problems(
             step(_("cancelog: doctor: checking the integrity of the file")))) {
      std::size_t start = 0;
      while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (const auto line = util::trim(std::string_view(text).substr(start, end - start));
            !line.empty() && !line.starts_with("***")) {
          problems.emplace_back(line);
        }
        start = end + 1;
      }
    }
    if (problems.empty()) {
      findings.ok("integrity", _("SQLite's integrity check finds the file intact"));
    }
    for (std::size_t i = 0; i < problems.size() && i < k_doctor_max_listed; ++i) {
      findings.problem("integrity", util::one_line(problems[i]));
    }
    if (problems.size() > k_doctor_max_listed) {
      findings.problem("integrity",
                       util::trf("and {} more problems", problems.size() - k_doctor_max_listed));
    }
  });
  findings.run("foreign-keys", [&] {
    const auto problems =
        store.foreign_key_problems(step(_("cancelog: doctor: checking references between rows")));
    if (problems.empty()) {
      findings.ok("foreign-keys", _("every reference between rows points to an existing row"));
    }
    for (const auto& p : problems) {
      findings.problem("foreign-keys",
                       util::trf("row {} of {} refers to a missing row of {}",
                                 p.rowid ? std::to_string(*p.rowid) : std::string("?"), p.table,
                                 p.parent));
    }
  });
  findings.run("receipts", [&] {
    std::size_t total = 0;
    std::size_t bad = 0;
    verify_receipts(ctx, [&](const ReceiptCheck& check) {
      ++total;
      if (progress.due()) {
        progress.draw(util::trf("cancelog: doctor: {} receipt files hashed", total));
      }
      if (!check.ok()) {
        ++bad;
        findings.problem("receipts", describe_mismatch(check));
      }
    });
    if (bad == 0) {
      findings.ok("receipts",
                  util::trnf("{} receipt file, as it was added (SHA-256)",
                             "{} receipt files, all as they were added (SHA-256)", total, total));
    }
  });
}

void run_doctor(Context& ctx) {
  DoctorFindings findings;
  const fs::path db = ctx.db_path();
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    throw InputError(util::trf("there is no database at {}; check --db or CANCELOG_DB",
                               util::quote(db.string())));
  }
  doctor_check_file_modes(findings, db, ctx.global.db.empty() && !ctx.env.get("CANCELOG_DB"));
  {
    // Findings are printed at the end, so the line has the terminal to itself until then.
    render::Progress progress = ctx.progress();
    findings.run("open", [&] { doctor_check_database(findings, ctx, progress); });
  }

  if (ctx.global.json) {
    core::Json j;
    j["database"] = db.string();
    j["ok"] = findings.problems() == 0;
    j["findings"] = core::Json::array();
    for (const auto& f : findings.list()) {
      j["findings"].push_back({{"check", f.check}, {"ok", f.ok}, {"message", f.message}});
    }
    render::write_json(ctx.out, j);
  } else {
    for (const auto& f : findings.list()) {
      // "ok:" and "problem:" stay untranslated: scripts read them.
      ctx.out << (f.ok ? "ok: " : "problem: ") << f.check << ": " << util::one_line(f.message)
              << '\n';
    }
  }
  if (findings.problems() > 0) {
    throw Error(util::trf("problems found in {}: {}; see the 'problem:' lines", db.string(),
                          findings.problems()));
  }
}

} // namespace

void register_doctor(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "doctor", _("check the database: integrity, references, receipt hashes, permissions"));
  cmd->footer(_("Prints one line per finding, 'ok:' or 'problem:'; exits 0 only when all is "
                "well.\nExample:\n  cancelog doctor"));
  cmd->callback([&ctx] { run_doctor(ctx); });
}

} // namespace cancelog::commands
