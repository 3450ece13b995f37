// cancelog receipt add|list|get|verify: receipt files kept inside the database.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/evidence.hpp"
#include "core/json.hpp"
#include "core/settings.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/digest.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <optional>

namespace cancelog::commands {

namespace {

namespace fs = std::filesystem;

struct ReceiptOptions {
  std::string id;
  std::vector<std::string> files;
  std::string name;
  std::string output;
  bool force = false;
};

void run_receipt_add(const ReceiptOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  auto& store = ctx.store();
  const auto inputs = check_receipt_inputs(ctx, o.files, store.receipt_files_of(c.id));

  storage::Change change(store, "receipt add", ctx.clock.now());
  const auto stored = store_receipt_inputs(ctx, change, c.id, inputs);
  change.commit();

  if (ctx.global.json) {
    core::Json j = core::Json::array();
    for (const auto& file : stored) {
      j.push_back(core::to_json(file));
    }
    render::write_json(ctx.out, j);
    return;
  }
  for (const auto& file : stored) {
    ctx.out << util::trf("Kept {} for case {}: {}, {}, SHA-256 {}.", file.name, c.id,
                         file.media_type, core::format_size(file.size), file.sha256)
            << '\n';
  }
}

void run_receipt_list(const ReceiptOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  const auto files = ctx.store().receipt_files_of(c.id);
  if (ctx.global.json) {
    core::Json j = core::Json::array();
    for (const auto& file : files) {
      j.push_back(core::to_json(file));
    }
    render::write_json(ctx.out, j);
    return;
  }
  if (files.empty()) {
    ctx.out << util::trf("Case {} keeps no receipt files; add one with 'cancelog receipt add {} "
                         "FILE'.",
                         c.id, c.id)
            << '\n';
    return;
  }
  using Align = render::Table::Align;
  render::Table table({{_("NAME"), Align::left, true},
                       {_("TYPE"), Align::left},
                       {_("SIZE"), Align::right},
                       {_("ADDED"), Align::left},
                       {_("SHA-256"), Align::left}});
  for (const auto& file : files) {
    table.add_row({file.name, file.media_type, std::to_string(file.size),
                   util::format_local(file.added_at, ctx.clock.zone()), file.sha256});
  }
  table.render(ctx.out, ctx.color(), ctx.width());
}

// The file that `receipt get` means: the one named, or the only one.
core::ReceiptFile pick_receipt_file(const core::Case& c,
                                    const std::vector<core::ReceiptFile>& files,
                                    const std::string& name) {
  if (files.empty()) {
    throw InputError(util::trf("case {} keeps no receipt files", c.id));
  }
  std::vector<std::string> names;
  for (const auto& file : files) {
    if (file.name == name) {
      return file;
    }
    names.push_back(util::quote(file.name));
  }
  if (name.empty() && files.size() == 1) {
    return files.front();
  }
  if (name.empty()) {
    throw InputError(util::trf("case {} keeps {} receipt files; name the one you want: {}", c.id,
                               files.size(), util::join(names, ", ")));
  }
  throw InputError(util::trf("case {} keeps no file named {}; its files: {}", c.id,
                             util::quote(name), util::join(names, ", ")));
}

void run_receipt_get(const ReceiptOptions& o, Context& ctx) {
  const core::Case c = load_case(ctx, parse_case_id(o.id));
  auto& store = ctx.store();
  const core::ReceiptFile file = pick_receipt_file(c, store.receipt_files_of(c.id), o.name);

  util::Sha256 digest;
  const auto copy_to = [&](std::ostream& out) {
    store.read_receipt_content(file.id, [&](std::string_view piece) {
      digest.update(piece);
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
  };
  const auto check_digest = [&] {
    const std::string actual = digest.hex();
    if (actual != file.sha256) {
      throw Error(util::trf("{} of case {} no longer matches the SHA-256 recorded when it was "
                            "added ({}, now {}); run 'cancelog doctor' and restore a backup",
                            util::quote(file.name), c.id, file.sha256, actual));
    }
  };

  if (o.output == "-") {
    copy_to(ctx.out);
    check_digest();
    return;
  }
  const fs::path target(o.output);
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    throw InputError(util::trf("-o: {} is a folder; give a file name, e.g. {}",
                               util::quote(o.output), util::quote((target / file.name).string())));
  }
  if (const fs::path dir = target.parent_path(); !dir.empty() && !fs::is_directory(dir, ec)) {
    throw InputError(
        util::trf("-o: the folder {} does not exist; create it first", util::quote(dir.string())));
  }
  refuse_database_as_output(ctx, target, "-o");
  util::OutputFile out(target, o.force ? util::OutputFile::Existing::replace
                                       : util::OutputFile::Existing::refuse);
  copy_to(out.stream());
  check_digest(); // a file that fails its hash is never written
  out.commit();
  if (!out.in_place()) { // a terminal or pipe may be the standard output itself
    ctx.out << util::trf("Wrote {} ({}) to {}.", file.name, core::format_size(file.size), o.output)
            << '\n';
  }
}

void run_receipt_verify(Context& ctx) {
  constexpr std::size_t k_named_in_error = 5;
  std::size_t total = 0;
  std::size_t bad = 0;
  std::vector<std::string> named; // "case 3 'receipt.jpg'", for the error line
  std::optional<render::JsonArrayWriter> json;
  if (ctx.global.json) {
    json.emplace(ctx.out);
  }
  verify_receipts(ctx, [&](const ReceiptCheck& check) {
    ++total;
    if (json) {
      core::Json j = core::to_json(check.file);
      j["actual_size"] = check.actual_size;
      j["actual_sha256"] = check.actual_sha256;
      j["ok"] = check.ok();
      json->add(j);
    }
    if (check.ok()) {
      return;
    }
    if (++bad <= k_named_in_error) {
      named.push_back(util::trf("case {} {}", check.file.case_id, util::quote(check.file.name)));
    }
    if (!json) {
      ctx.out << "problem: " << describe_mismatch(check) << '\n';
    }
  });
  if (json) {
    json->finish();
  } else if (bad == 0) {
    ctx.out << util::trnf("ok: {} receipt file, as it was added (SHA-256 checked).",
                          "ok: {} receipt files, all as they were added (SHA-256 checked).", total,
                          total)
            << '\n';
  }
  if (bad > 0) {
    if (bad > named.size()) {
      named.emplace_back("…");
    }
    throw Error(util::trnf("{} of {} receipt file no longer matches its SHA-256: {}; restore "
                           "it from a backup",
                           "{} of {} receipt files no longer match their SHA-256: {}; restore "
                           "them from a backup",
                           total, bad, total, util::join(named, ", ")));
  }
}

} // namespace

void register_receipt(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("receipt", _("receipt files kept inside the database"));
  group->require_subcommand(1);
  group->footer(_("Examples:\n  cancelog receipt add 1 receipt.jpg confirmation.pdf\n"
                  "  cancelog receipt get 1 receipt.jpg -o copy.jpg\n  cancelog receipt verify"));

  auto add_options = std::make_shared<ReceiptOptions>();
  auto* add = group->add_subcommand("add", _("keep receipt files (photos, PDFs) with a case"));
  add->footer(_("Example:\n  cancelog receipt add 1 receipt.jpg confirmation.pdf"));
  add->add_option("id", add_options->id, _("the case id"))->required();
  add->add_option("files", add_options->files, _("the files (stored under their base names)"))
      ->required()
      ->expected(1, -1);
  add->callback([add_options, &ctx] { run_receipt_add(*add_options, ctx); });

  auto list_options = std::make_shared<ReceiptOptions>();
  auto* list = group->add_subcommand("list", _("list the receipt files of a case"));
  list->footer(_("Examples:\n  cancelog receipt list 1\n  cancelog receipt list 1 --json"));
  list->add_option("id", list_options->id, _("the case id"))->required();
  list->callback([list_options, &ctx] { run_receipt_list(*list_options, ctx); });

  auto get_options = std::make_shared<ReceiptOptions>();
  auto* get = group->add_subcommand("get", _("write a receipt file back out"));
  get->footer(_("Examples:\n  cancelog receipt get 1 -o receipt.jpg\n  cancelog receipt get 1 "
                "confirmation.pdf -o ~/Desktop/confirmation.pdf\n  cancelog receipt get 1 -o - "
                "| sha256sum"));
  get->add_option("id", get_options->id, _("the case id"))->required();
  get->add_option("name", get_options->name,
                  _("the file's name (may be left out when the case keeps one file)"));
  get->add_option("-o,--output", get_options->output, _("where to write it; - for standard output"))
      ->required();
  get->add_flag("--force", get_options->force, _("replace the file at the path if it exists"));
  get->callback([get_options, &ctx] { run_receipt_get(*get_options, ctx); });

  auto* verify = group->add_subcommand(
      "verify", _("hash every stored file again and compare with the record"));
  verify->footer(_("Prints 'ok:' or one 'problem:' line per altered file; exits 1 if any.\n"
                   "Example:\n  cancelog receipt verify"));
  verify->callback([&ctx] { run_receipt_verify(ctx); });
}

} // namespace cancelog::commands
