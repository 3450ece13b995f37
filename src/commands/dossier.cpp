// cancelog dossier: one self-contained page about a case, for a complaint.
#include "render/dossier.hpp"

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace cancelog::commands {

namespace {

namespace fs = std::filesystem;

struct DossierOptions {
  std::string id;
  std::string format;
  std::string output;
  bool force = false;
};

// --format when given, else from the output file's extension, else Markdown.
bool dossier_is_html(const DossierOptions& o) {
  const std::string format = util::to_lower_ascii(util::trim(o.format));
  if (format == "html") {
    return true;
  }
  if (format == "md" || format == "markdown") {
    return false;
  }
  if (!format.empty()) {
    throw UsageError(
        util::trf("--format: unknown value {}; use one of: md, html", util::quote(o.format)));
  }
  const std::string ext = util::to_lower_ascii(fs::path(o.output).extension().string());
  return ext == ".html" || ext == ".htm";
}

render::Dossier load_dossier(Context& ctx, const core::Case& c, bool with_images) {
  auto& store = ctx.store();
  render::Dossier d;
  d.c = c;
  if (auto op = store.operator_by_id(c.operator_id)) {
    d.op = *op;
  }
  d.checks = store.checks_of(c.id);
  d.ticks = store.checklist_of(c.id);
  for (auto& file : store.receipt_files_of(c.id)) {
    render::DossierFile entry{std::move(file), {}};
    if (with_images && render::is_embeddable_image(entry.file.media_type)) {
      store.read_receipt_content(entry.file.id,
                                 [&](std::string_view piece) { entry.content.append(piece); });
    }
    d.files.push_back(std::move(entry));
  }
  d.history = store.events(c.id, 0);
  std::reverse(d.history.begin(), d.history.end());
  d.produced_at = ctx.clock.now();
  d.zone = ctx.clock.zone();
  d.producer = std::string("cancelog ") + CANCELOG_VERSION;
  return d;
}

void run_dossier(const DossierOptions& o, Context& ctx) {
  const bool html = dossier_is_html(o);
  const std::int64_t id = parse_case_id(o.id);
  const bool to_file = !o.output.empty() && o.output != "-";
  if (to_file) {
    std::error_code ec;
    const fs::path target(o.output);
    if (fs::is_directory(target, ec)) {
      throw InputError(util::trf("-o: {} is a folder; give a file name, e.g. {}",
                                 util::quote(o.output),
                                 util::quote((target / util::trf("case-{}.html", id)).string())));
    }
    if (const fs::path dir = target.parent_path(); !dir.empty() && !fs::is_directory(dir, ec)) {
      throw InputError(util::trf("-o: the folder {} does not exist; create it first",
                                 util::quote(dir.string())));
    }
    refuse_database_as_output(ctx, target, "-o");
  }
  const core::Case c = load_case(ctx, id);
  const render::Dossier d = load_dossier(ctx, c, html);
  const auto write = [&](std::ostream& out) {
    if (html) {
      render::write_dossier_html(out, d);
    } else {
      render::write_dossier_markdown(out, d);
    }
  };
  if (!to_file) {
    write(ctx.out);
    return;
  }
  util::OutputFile file(o.output, o.force ? util::OutputFile::Existing::replace
                                          : util::OutputFile::Existing::refuse);
  write(file.stream());
  file.commit();
  if (!file.in_place()) { // a terminal or pipe may be the standard output itself
    ctx.out << util::trf("Wrote the dossier of case {} to {}.", c.id, o.output) << '\n';
  }
}

} // namespace

void register_dossier(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DossierOptions>();
  auto* cmd = app.add_subcommand(
      "dossier", _("one self-contained page about a case, for the operator or a regulator"));
  cmd->footer(_("The format follows --format, else the extension of -o (.html), else Markdown.\n"
                "Examples:\n  cancelog dossier 1\n  cancelog dossier 1 -o case-1.html\n"
                "  cancelog dossier 1 --format html > case-1.html"));
  cmd->add_option("id", options->id, _("the case id"))->required();
  cmd->add_option("--format", options->format, _("md or html"));
  cmd->add_option("-o,--output", options->output, _("write to this file instead of the output"));
  cmd->add_flag("--force", options->force, _("replace the file at the path if it exists"));
  cmd->callback([options, &ctx] { run_dossier(*options, ctx); });
}

} // namespace cancelog::commands
