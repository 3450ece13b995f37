#include "storage/failure.hpp"

#include "util/i18n.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace cancelog::storage {

std::optional<std::string> describe_failure(const std::exception& error) {
  const auto* e = dynamic_cast<const SQLite::Exception*>(&error);
  if (e == nullptr) {
    return std::nullopt;
  }
  // The primary code: some paths (the backup API) report an extended one as the error code.
  switch (e->getErrorCode() & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return util::trf("the database is locked: another process held it for more than 5 "
                     "seconds; nothing was written, try again ({})",
                     e->what());
  case SQLITE_READONLY:
    return util::trf("the database is read-only; nothing was written; check the permissions of "
                     "the file and its folder ({})",
                     e->what());
  case SQLITE_FULL:
    return util::trf("the disk is full or the database reached its size limit; nothing was "
                     "written; free some space and try again ({})",
                     e->what());
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    return util::trf("the database file is damaged ({}); run 'cancelog doctor' and restore a "
                     "backup",
                     e->what());
  case SQLITE_IOERR:
    switch (e->getExtendedErrorCode() > 0 ? e->getExtendedErrorCode() : e->getErrorCode()) {
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_TRUNCATE:
    case SQLITE_IOERR_SHMSIZE:
      // EFBIG (a file size limit) and EIO end here; ENOSPC is SQLITE_FULL.
      return util::trf("cannot write the database file ({}): the disk may be full or failing, "
                       "or the file over a size limit; nothing was written; free some space, "
                       "check the disk and try again",
                       e->what());
    default:
      break;
    }
    [[fallthrough]];
  case SQLITE_CANTOPEN:
    return util::trf("the database file cannot be read or written ({}); check the disk and the "
                     "path",
                     e->what());
  default:
    return util::trf("database error: {}", e->what());
  }
}

} // namespace cancelog::storage
