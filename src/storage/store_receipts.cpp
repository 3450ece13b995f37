// Receipt files (their bytes), the online backup and the health checks of `doctor`.
#include "core/json.hpp"
#include "storage/query.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

namespace cancelog::storage {

using detail::column_instant;
using detail::Query;

namespace {

// Pieces in which receipt contents are read: small enough to keep memory flat.
constexpr int k_blob_chunk = 64 * 1024;
// Pages copied per backup step; between steps, SQLite may let other connections in.
constexpr int k_backup_pages = 256;
// How long the backup waits, in all, for a lock before giving up (as the busy timeout).
constexpr int k_backup_wait_ms = 5000;
constexpr int k_backup_pause_ms = 20;

core::ReceiptFile read_receipt_row(SQLite::Statement& row) {
  core::ReceiptFile file;
  file.id = row.getColumn(0).getInt64();
  file.case_id = row.getColumn(1).getInt64();
  file.name = row.getColumn(2).getString();
  file.media_type = row.getColumn(3).getString();
  file.size = row.getColumn(4).getInt64();
  file.sha256 = row.getColumn(5).getString();
  file.added_at = column_instant(row.getColumn(6));
  return file;
}

// Closes an incremental BLOB handle on every path out.
struct BlobCloser {
  void operator()(sqlite3_blob* blob) const { sqlite3_blob_close(blob); }
};

} // namespace

std::int64_t Store::insert_receipt_file(Change& change, core::ReceiptFile& file,
                                        std::string_view content) {
  file.added_at = change.at();
  file.size = static_cast<std::int64_t>(content.size());
  Query q(*this, "INSERT INTO receipt_files (case_id, name, media_type, size, sha256, added_at, "
                 "content) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q->bind(1, file.case_id);
  q->bind(2, file.name);
  q->bind(3, file.media_type);
  q->bind(4, file.size);
  q->bind(5, file.sha256);
  q->bind(6, util::format_utc(file.added_at));
  // A null pointer would bind NULL, not an empty BLOB.
  q->bind(7, content.empty() ? static_cast<const void*>("") : content.data(),
          static_cast<int>(content.size()));
  q->exec();
  file.id = m_db->getLastInsertRowid();
  change.record(file.case_id, "receipt.add", "", "", core::to_json(file).dump());
  return file.id;
}

void Store::read_receipt_content(std::int64_t file_id,
                                 const std::function<void(std::string_view)>& sink) {
  sqlite3_blob* raw = nullptr;
  const int rc =
      sqlite3_blob_open(m_db->getHandle(), "main", "receipt_files", "content", file_id, 0, &raw);
  std::unique_ptr<sqlite3_blob, BlobCloser> blob(raw);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_ERROR) { // no such row: removed meanwhile (undo in another process)
      throw Error(util::trf("receipt file {} is no longer in the database", file_id));
    }
    throw SQLite::Exception(m_db->getHandle(), rc);
  }
  const int total = sqlite3_blob_bytes(blob.get());
  std::string buffer(static_cast<std::size_t>(std::min(total, k_blob_chunk)), '\0');
  for (int offset = 0; offset < total; offset += k_blob_chunk) {
    const int n = std::min(k_blob_chunk, total - offset);
    if (const int read = sqlite3_blob_read(blob.get(), buffer.data(), n, offset);
        read != SQLITE_OK) {
      throw SQLite::Exception(m_db->getHandle(), read);
    }
    sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

void Store::for_each_receipt_file(const std::function<void(const core::ReceiptFile&)>& visit) {
  // The statement stays active while `visit` runs, which keeps one read transaction (one
  // snapshot) open for the whole walk, BLOB reads included.
  Query q(*this, "SELECT id, case_id, name, media_type, size, sha256, added_at "
                 "FROM receipt_files ORDER BY case_id, id");
  while (q->executeStep()) {
    visit(read_receipt_row(*q));
  }
}

std::int64_t Store::largest_value() {
  return sqlite3_limit(m_db->getHandle(), SQLITE_LIMIT_LENGTH, -1);
}

void Store::backup_to(const std::filesystem::path& file) {
  SQLite::Database copy(file.string(), SQLite::OPEN_READWRITE);
  // Without a read transaction of its own, the backup would start over each time another
  // process commits, and might never finish under a steady writer. With one (WAL), it copies
  // one consistent snapshot while writers go on.
  SQLite::Transaction snapshot(*m_db, SQLite::TransactionBehavior::DEFERRED);
  m_db->execAndGet("SELECT count(*) FROM sqlite_master");
  SQLite::Backup backup(copy, *m_db);
  int waited_ms = 0;
  for (;;) {
    int rc = SQLITE_OK;
    try {
      rc = backup.executeStep(k_backup_pages);
    } catch (const SQLite::Exception& e) {
      // The copy, not the database, could not grow: say so rather than "the database file".
      // sqlite3_backup_step's code, which may be an extended one, is the exception's code.
      const int code = e.getErrorCode();
      if ((code & 0xff) == SQLITE_FULL || code == SQLITE_IOERR_WRITE ||
          e.getExtendedErrorCode() == SQLITE_IOERR_WRITE) {
        throw Error(util::trf("the backup copy cannot be written ({}): the disk may be full or "
                              "the file over a size limit; no file was left behind; free some "
                              "space and try again",
                              e.what()));
      }
      throw;
    }
    if (rc == SQLITE_DONE) {
      break;
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      if (waited_ms >= k_backup_wait_ms) {
        throw SQLite::Exception("the database stayed locked during the backup", rc);
      }
      sqlite3_sleep(k_backup_pause_ms);
      waited_ms += k_backup_pause_ms;
    }
  }
}

namespace {

// Calls a Tick every k_tick_steps steps of SQLite's virtual machine while it is in scope: a
// PRAGMA that reads the whole file is one statement, and says nothing until it ends.
class TickWhileRunning {
public:
  static constexpr int k_tick_steps = 100000;

  TickWhileRunning(sqlite3* db, const Store::Tick& tick) : m_db(db), m_tick(tick) {
    if (m_tick) {
      sqlite3_progress_handler(m_db, k_tick_steps, &TickWhileRunning::call, this);
    }
  }
  ~TickWhileRunning() {
    if (m_tick) {
      sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }
  }
  TickWhileRunning(const TickWhileRunning&) = delete;
  TickWhileRunning& operator=(const TickWhileRunning&) = delete;

private:
  static int call(void* self) {
    static_cast<TickWhileRunning*>(self)->m_tick();
    return 0; // go on
  }
  sqlite3* m_db;
  const Store::Tick& m_tick;
};

} // namespace

std::vector<std::string> Store::integrity_problems(const Tick& tick) {
  const TickWhileRunning ticking(database().getHandle(), tick);
  Query q(*this, "PRAGMA integrity_check");
  std::vector<std::string> out;
  while (q->executeStep()) {
    std::string line = q->getColumn(0).getString();
    if (line != "ok") {
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<Store::ForeignKeyProblem> Store::foreign_key_problems(const Tick& tick) {
  const TickWhileRunning ticking(database().getHandle(), tick);
  Query q(*this, "PRAGMA foreign_key_check");
  std::vector<ForeignKeyProblem> out;
  while (q->executeStep()) {
    out.push_back({q->getColumn(0).getString(), detail::column_optional_int(q->getColumn(1)),
                   q->getColumn(2).getString()});
  }
  return out;
}

std::string Store::journal_mode() {
  return m_db->execAndGet("PRAGMA journal_mode").getString();
}

} // namespace cancelog::storage
