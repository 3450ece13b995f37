// Opening the database, the schema upgrade, the statement cache and Change.
#include "storage/store.hpp"

#include "storage/schema.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cancelog::storage {

namespace fs = std::filesystem;

namespace {

constexpr int k_busy_timeout_ms = 5000;

// Creates the database file with mode 0600 before SQLite opens it, so that the umask plays
// no part. Returns false when it existed already.
bool create_private_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return false;
    }
    throw Error(util::trf("cannot create the database {}: {}; choose another place with --db",
                          util::quote(path.string()), std::strerror(errno)));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  return true;
}

void tighten_folder(const fs::path& dir, std::ostream& warnings) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 077) != 0) {
    if (::chmod(dir.c_str(), 0700) == 0) {
      warnings << util::trf("cancelog: warning: the folder {} was open to other users; it is "
                            "now private (0700)",
                            util::quote(dir.string()))
               << '\n';
    }
  }
}

} // namespace

Store::Store(const fs::path& path, const OpenOptions& options, std::ostream& warnings)
    : m_path(path) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    util::make_private_dirs(dir);
  } else if (options.own_folder) {
    tighten_folder(dir, warnings);
  }
  const fs::file_status status = fs::status(path, ec); // through symbolic links
  if (fs::is_directory(status)) {
    throw Error(util::trf("{} is a folder, not a database file; give a file name with --db",
                          util::quote(path.string())));
  }
  // SQLite would read a pipe or a device as if it were a file (and as root create /dev/null-wal
  // beside /dev/null): only regular files are databases.
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw Error(util::trf("{} is not a regular file (a device, a pipe or a socket), not a "
                          "database; give a database file with --db",
                          util::quote(path.string())));
  }
  if (!create_private_file(path) && util::tighten_file_mode(path)) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    warnings << util::trf("cancelog: warning: the database {} could be read by other users; "
                          "its permissions are now {:04o}",
                          util::quote(path.string()), st.st_mode & 07777)
             << '\n';
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    util::tighten_file_mode(fs::path(path.string() + suffix));
  }
  try {
    // SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which
    // cancelog never asks: off before the first connection (later the call is refused, which
    // changes nothing).
    [[maybe_unused]] static const int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // One connection per Store, used by one thread: SQLite's own locking of the connection
    // (taken on every column read) is not needed.
    m_db = std::make_unique<SQLite::Database>(
        path.string(), SQLite::OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, k_busy_timeout_ms);
    check_owner();
    configure();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT) {
      throw Error(util::trf("{} is not a usable cancelog database ({}); give another file with "
                            "--db, or restore a backup",
                            util::quote(path.string()), e.what()));
    }
    throw;
  }
  migrate();
}

Store::~Store() = default;

void Store::refuse_foreign() const {
  throw Error(util::trf("{} is an SQLite database of another program, not cancelog's; give "
                        "another file with --db",
                        util::quote(m_path.string())));
}

void Store::check_owner() {
  // One statement: the version and the tables come from one snapshot, even while another
  // process creates the schema.
  SQLite::Statement q(*m_db, "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM "
                             "pragma_user_version");
  q.executeStep();
  const int version = q.getColumn(0).getInt();
  const int latest = latest_schema_version();
  if (version > latest) {
    throw Error(util::trf("{} has schema version {}, made by a newer cancelog; this program knows "
                          "versions up to {}; install the newer cancelog",
                          util::quote(m_path.string()), version, latest));
  }
  if (version < 0 || (version == 0 && q.getColumn(1).getInt() > 0)) {
    refuse_foreign();
  }
}

void Store::configure() {
  m_db->exec("PRAGMA foreign_keys = ON");
  // Statement journals and temporary tables in memory, not in files of /var/tmp: an import
  // wrote each statement's journal there, about 17 pwrite calls per imported row (a third of
  // its time went to the kernel), and those files held personal data outside the database's
  // private folder. They are small: one statement's changes at a time.
  m_db->exec("PRAGMA temp_store = MEMORY");
  // WAL lets readers go on while a writer commits. On a read-only file the mode cannot be
  // changed; reads still work and writes fail with a clear error.
  const std::string mode = m_db->execAndGet("PRAGMA journal_mode").getString();
  if (mode != "wal") {
    // Switching a new file to WAL takes an exclusive lock without SQLite's busy handler: two
    // processes creating the same database at once could see "database is locked" at once.
    // The switch is retried for as long as the busy timeout.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    for (;;) {
      try {
        m_db->execAndGet("PRAGMA journal_mode = WAL");
        break;
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_READONLY) {
          break;
        }
        if ((e.getErrorCode() & 0xff) != SQLITE_BUSY ||
            std::chrono::steady_clock::now() >= deadline) {
          throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
  }
}

int Store::schema_version() {
  return m_db->execAndGet("PRAGMA user_version").getInt();
}

void Store::migrate() {
  const int latest = latest_schema_version();
  if (schema_version() >= latest) {
    return; // check_owner() refused a newer one
  }
  // A migration may rebuild a table (SQLite's way to change a constraint): with foreign keys
  // on, dropping the old table would cascade into the rows that refer to it. They are off
  // while the migrations run (the setting cannot change inside a transaction), and each
  // migration must leave no more broken references than it found, or all are rolled back.
  m_db->exec("PRAGMA foreign_keys = OFF");
  fs::path copy;
  try {
    // The whole upgrade is one transaction under the write lock: another process never sees
    // a half-made schema (a new database goes from version 0 to the latest at once), and
    // only one process copies and upgrades an old one; the others wait for the lock and then
    // find the latest version.
    SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    const int version = schema_version();
    if (version < latest) {
      if (version == 0 && m_db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
        refuse_foreign();
      }
      if (version > 0) {
        copy = backup_before_upgrade(version);
      }
      apply_migrations(version, latest);
      tx.commit();
    }
  } catch (...) {
    // Every migration rolled back with the transaction: the database is as it was, and the
    // copy would only double it.
    if (!copy.empty()) {
      std::error_code ignored;
      fs::remove(copy, ignored);
    }
    throw;
  }
  m_db->exec("PRAGMA foreign_keys = ON");
}

void Store::apply_migrations(int version, int latest) {
  const auto broken_references = [&] {
    SQLite::Statement check(*m_db, "PRAGMA foreign_key_check");
    std::size_t count = 0;
    while (check.executeStep()) {
      ++count;
    }
    return count;
  };
  for (int next = version + 1; next <= latest; ++next) {
    const std::size_t broken_before = next == 1 ? 0 : broken_references();
    try {
      m_db->exec(std::string(k_migrations[static_cast<std::size_t>(next - 1)].sql));
    } catch (const SQLite::Exception& e) {
      // A migration that does not apply to this file (the schema was changed by hand): a
      // full disk or a lock say so through describe_failure instead.
      if (const int code = e.getErrorCode() & 0xff;
          code != SQLITE_ERROR && code != SQLITE_CONSTRAINT) {
        throw;
      }
      throw Error(util::trf("the upgrade of {} to schema version {} failed ({}); the database "
                            "stays at version {}; report this to cancelog's developers",
                            util::quote(m_path.string()), next, e.what(), version));
    }
    if (next > 1 && broken_references() > broken_before) {
      throw Error(util::trf("upgrading {} to schema version {} would break references between "
                            "records; the database stays at version {}; report this to "
                            "cancelog's developers",
                            util::quote(m_path.string()), next, version));
    }
  }
  m_db->exec("PRAGMA user_version = " + std::to_string(latest));
}

fs::path Store::backup_before_upgrade(int from_version) {
  fs::path target = m_path.string() + ".v" + std::to_string(from_version) + ".bak";
  for (int n = 1; fs::exists(target); ++n) {
    target = m_path.string() + ".v" + std::to_string(from_version) + ".bak." + std::to_string(n);
  }
  // Written beside the target and renamed when complete, so that a failed copy (a full disk)
  // never leaves a file that looks like a backup; the upgrade starts only after it.
  util::OutputFile out(target, util::OutputFile::Existing::refuse);
  try {
    {
      // This connection holds the write lock, and SQLite does not copy from a connection in
      // a write transaction: a second one reads the last committed state, which is what the
      // lock keeps unchanged.
      SQLite::Database source(m_path.string(), SQLite::OPEN_READONLY, k_busy_timeout_ms);
      SQLite::Database copy(out.temp_path().string(), SQLite::OPEN_READWRITE);
      SQLite::Backup backup(copy, source);
      if (const int rc = backup.executeStep(-1); rc != SQLITE_DONE) {
        throw SQLite::Exception("the copy did not finish", rc);
      }
    }
    out.commit();
  } catch (const std::exception& e) {
    throw Error(util::trf("before it upgrades the database, cancelog copies it to {}, and the "
                          "copy failed ({}); the database is unchanged; free some space (or "
                          "let cancelog write to that folder) and try again",
                          util::quote(target.string()), e.what()));
  }
  return target;
}

SQLite::Statement& Store::statement(const char* sql) {
  auto& slot = m_statements[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(*m_db, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

Change::Change(Store& store, std::string_view command, util::Instant at)
    : m_store(store), m_tx(std::make_unique<SQLite::Transaction>(
                          store.database(), SQLite::TransactionBehavior::IMMEDIATE)),
      m_at(at) {
  auto& insert = store.statement("INSERT INTO event_groups (at, command) VALUES (?, ?)");
  insert.bind(1, util::format_utc(at));
  insert.bind(2, std::string(command));
  insert.exec();
  m_group = store.database().getLastInsertRowid();
}

Change::~Change() = default;

void Change::record(std::optional<std::int64_t> case_id, std::string_view kind,
                    std::string_view field, const std::string& old_json,
                    const std::string& new_json) {
  auto& insert = m_store.statement(
      "INSERT INTO events (group_id, case_id, kind, field, old, new) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, m_group);
  if (case_id) {
    insert.bind(2, *case_id);
  }
  insert.bind(3, std::string(kind));
  if (!field.empty()) {
    insert.bind(4, std::string(field));
  }
  if (!old_json.empty()) {
    insert.bind(5, old_json);
  }
  if (!new_json.empty()) {
    insert.bind(6, new_json);
  }
  insert.exec();
  ++m_events;
}

void Change::record_range(std::int64_t first, std::int64_t last, std::string_view kind,
                          const std::string& new_json) {
  auto& insert = m_store.statement(
      "INSERT INTO events (group_id, case_id, case_last, kind, new) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, m_group);
  insert.bind(2, first);
  insert.bind(3, last);
  insert.bind(4, std::string(kind));
  insert.bind(5, new_json);
  insert.exec();
  ++m_events;
}

void Change::commit() {
  if (m_events == 0) {
    m_tx.reset(); // rolls back the empty group
    return;
  }
  m_tx->commit();
}

} // namespace cancelog::storage
