// cancelog backup: an online copy of the database.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/settings.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
  std::string path;
  bool force = false;
};

void run_backup(const BackupOptions& o, Context& ctx) {
  const fs::path target(o.path);
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    throw InputError(util::trf("{} is a folder; give the backup's file name, e.g. {}",
                               util::quote(o.path),
                               util::quote((target / "cancelog-backup.db").string())));
  }
  if (const fs::path dir = target.parent_path(); !dir.empty() && !fs::is_directory(dir, ec)) {
    throw InputError(
        util::trf("the folder {} does not exist; create it first", util::quote(dir.string())));
  }
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    throw InputError(util::trf("{} is not a regular file; a backup is a database file: give "
                               "its name",
                               util::quote(o.path)));
  }
  refuse_database_as_output(ctx, target, _("backup"));
  auto& store = ctx.store();
  util::OutputFile out(target, o.force ? util::OutputFile::Existing::replace
                                       : util::OutputFile::Existing::refuse);
  store.backup_to(out.temp_path());
  out.commit();
  const auto size = static_cast<std::int64_t>(fs::file_size(target, ec));
  ctx.out << util::trf("Backed up {} to {} ({}).", store.path().string(), o.path,
                       core::format_size(ec ? 0 : size))
          << '\n';
}

} // namespace

void register_backup(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<BackupOptions>();
  auto* cmd = app.add_subcommand(
      "backup", _("copy the database while it is in use (SQLite's online backup)"));
  cmd->footer(_("The copy is private (0600) and complete or absent: it is written beside the "
                "target and renamed when done.\nExample:\n  cancelog backup "
                "~/backups/cancelog-2026-03-04.db"));
  cmd->add_option("path", options->path, _("the file to write"))->required();
  cmd->add_flag("--force", options->force, _("replace the file at the path if it exists"));
  cmd->callback([options, &ctx] { run_backup(*options, ctx); });
}

} // namespace cancelog::commands
