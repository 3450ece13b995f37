// cancelog operator list|add|edit: the operator directory.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/phone.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct OperatorOptions {
  std::string name;
  std::optional<std::string> new_name;
  std::optional<std::string> country;
  std::optional<std::string> hotline;
  std::optional<std::string> website;
  std::optional<std::string> note;
  std::vector<std::string> prefixes;
  std::vector<std::string> drop_prefixes;
};

std::string checked_country(const std::string& text) {
  std::string code(util::trim(text));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  if (!code.empty() && (code.size() != 2 || !core::is_known_region(code))) {
    throw InputError(util::trf("--country: {} is not an ISO 3166 country code; write two "
                               "letters such as AZ, GE or TR",
                               util::quote(text)));
  }
  return code;
}

std::string checked_prefix(const std::string& text) {
  const std::string prefix(util::trim(text));
  bool ok = prefix.size() >= 2 && prefix.size() <= 16 && prefix[0] == '+' && prefix[1] != '0';
  for (std::size_t i = 1; ok && i < prefix.size(); ++i) {
    ok = prefix[i] >= '0' && prefix[i] <= '9';
  }
  if (!ok) {
    throw InputError(util::trf("--prefix: {} is not an E.164 prefix; write + and digits, e.g. "
                               "+99450",
                               util::quote(text)));
  }
  return prefix;
}

// Applies the given options over an operator's fields.
void apply_fields(const OperatorOptions& o, core::Operator& op) {
  if (o.new_name) {
    op.name = checked_line(*o.new_name, "--name", k_max_ref_bytes);
    if (op.name.empty()) {
      throw InputError(_("--name: the name cannot be empty"));
    }
  }
  if (o.country) {
    op.country = checked_country(*o.country);
  }
  if (o.hotline) {
    op.hotline = checked_line(*o.hotline, "--hotline", k_max_ref_bytes);
  }
  if (o.website) {
    op.website = checked_line(*o.website, "--website", k_max_ref_bytes);
  }
  if (o.note) {
    op.note = checked_text(*o.note, "--note", k_max_note_bytes);
  }
}

void write_prefixes(Context& ctx, storage::Change& change, const OperatorOptions& o,
                    const core::Operator& op) {
  auto& store = ctx.store();
  const auto hints = store.prefix_hints();
  for (const auto& text : o.drop_prefixes) {
    const std::string prefix = checked_prefix(text);
    const auto it = std::find_if(hints.begin(), hints.end(), [&](const core::PrefixHint& h) {
      return h.prefix == prefix && h.operator_id == op.id;
    });
    if (it == hints.end()) {
      throw InputError(util::trf("--drop-prefix: {} is not a prefix of {}", prefix, op.name));
    }
    store.remove_prefix_hint(change, prefix);
  }
  for (const auto& text : o.prefixes) {
    const std::string prefix = checked_prefix(text);
    const auto it = std::find_if(hints.begin(), hints.end(),
                                 [&](const core::PrefixHint& h) { return h.prefix == prefix; });
    if (it != hints.end() && it->operator_id != op.id) {
      throw InputError(util::trf("--prefix: {} already points to {}; drop it there first with "
                                 "'cancelog operator edit {} --drop-prefix {}'",
                                 prefix, it->operator_name, it->operator_name, prefix));
    }
    if (it == hints.end()) {
      store.add_prefix_hint(change, prefix, op);
    }
  }
}

void run_operator_list(Context& ctx) {
  auto& store = ctx.store();
  const auto operators = store.operators();
  const auto hints = store.prefix_hints();
  const auto prefixes_of = [&](const core::Operator& op) {
    std::vector<std::string> out;
    for (const auto& hint : hints) {
      if (hint.operator_id == op.id) {
        out.push_back(hint.prefix);
      }
    }
    return out;
  };
  if (ctx.global.json) {
    render::JsonArrayWriter writer(ctx.out);
    for (const auto& op : operators) {
      core::Json j = core::to_json(op);
      j["prefixes"] = prefixes_of(op);
      writer.add(j);
    }
    writer.finish();
    return;
  }
  render::Table table({{_("NAME")},
                       {_("COUNTRY")},
                       {_("HOTLINE")},
                       {_("WEBSITE")},
                       {_("PREFIXES")},
                       {_("NOTE"), render::Table::Align::left, true}});
  for (const auto& op : operators) {
    table.add_row({op.name, op.country.empty() ? "-" : op.country,
                   op.hotline.empty() ? "-" : op.hotline, op.website.empty() ? "-" : op.website,
                   util::join(prefixes_of(op), " "), op.note});
  }
  table.render(ctx.out, ctx.color(), ctx.width());
}

void run_operator_add(const OperatorOptions& o, Context& ctx) {
  core::Operator op;
  op.name = checked_line(o.name, _("name"), k_max_ref_bytes);
  if (op.name.empty()) {
    throw InputError(_("the operator's name cannot be empty"));
  }
  apply_fields(o, op);
  auto& store = ctx.store();
  if (auto existing = store.find_operator(op.name)) {
    throw InputError(util::trf("operator {} exists already; change it with 'cancelog operator "
                               "edit {}'",
                               existing->name, existing->name));
  }
  storage::Change change(store, "operator add", ctx.clock.now());
  op.id = store.add_operator(change, op);
  write_prefixes(ctx, change, o, op);
  change.commit();
  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(op));
  } else {
    ctx.out << util::trf("Added operator {}.", op.name) << '\n';
  }
}

void run_operator_edit(const OperatorOptions& o, Context& ctx) {
  const core::Operator before = find_operator_or_fail(ctx, o.name);
  core::Operator after = before;
  apply_fields(o, after);
  auto& store = ctx.store();
  if (after.name != before.name) {
    const auto clash = store.find_operator(after.name);
    if (clash && clash->id != before.id) {
      throw InputError(util::trf("--name: operator {} exists already", clash->name));
    }
  }
  storage::Change change(store, "operator edit", ctx.clock.now());
  store.update_operator(change, before, after);
  write_prefixes(ctx, change, o, after);
  const bool changed = change.event_count() > 0;
  change.commit();
  if (ctx.global.json) {
    render::write_json(ctx.out, core::to_json(after));
  } else if (changed) {
    ctx.out << util::trf("Updated operator {}.", after.name) << '\n';
  } else {
    ctx.out << util::trf("Operator {} is unchanged.", after.name) << '\n';
  }
}

void add_field_options(CLI::App& cmd, OperatorOptions& o) {
  cmd.add_option("--country", o.country, _("ISO 3166 country code, e.g. AZ"));
  cmd.add_option("--hotline", o.hotline, _("the number to call about cancellations"));
  cmd.add_option("--website", o.website, _("the operator's website"));
  cmd.add_option("--note", o.note, _("a note"));
  cmd.add_option("--prefix", o.prefixes,
                 _("an E.164 prefix that suggests this operator (repeatable)"));
}

} // namespace

void register_operator(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("operator", _("the operator directory"));
  group->require_subcommand(1);
  group->footer(_("Examples:\n  cancelog operator list\n"
                  "  cancelog operator add Magti --country GE --hotline 570 --prefix +99559"));

  auto* list = group->add_subcommand("list", _("list operators and their prefixes"));
  list->footer(_("Examples:\n  cancelog operator list\n  cancelog operator list --json"));
  list->callback([&ctx] { run_operator_list(ctx); });

  auto add_options = std::make_shared<OperatorOptions>();
  auto* add = group->add_subcommand("add", _("add an operator"));
  add->footer(_("Example:\n  cancelog operator add Magti --country GE --hotline 570 --prefix "
                "+99559"));
  add->add_option("name", add_options->name, _("the operator's name"))->required();
  add_field_options(*add, *add_options);
  add->callback([add_options, &ctx] { run_operator_add(*add_options, ctx); });

  auto edit_options = std::make_shared<OperatorOptions>();
  auto* edit = group->add_subcommand("edit", _("change an operator"));
  edit->footer(_("Example:\n  cancelog operator edit Nar --hotline 'call 777' --prefix +99471"));
  edit->add_option("name", edit_options->name, _("the operator's current name"))->required();
  edit->add_option("--name", edit_options->new_name, _("a new name"));
  add_field_options(*edit, *edit_options);
  edit->add_option("--drop-prefix", edit_options->drop_prefixes,
                   _("remove a prefix hint (repeatable)"));
  edit->callback([edit_options, &ctx] { run_operator_edit(*edit_options, ctx); });
}

} // namespace cancelog::commands
