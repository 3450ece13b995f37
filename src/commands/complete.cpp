// cancelog __complete: what the shell completion scripts (completion/) ask for. Hidden from
// --help. The words typed after `cancelog` come after `--`, the last one being the word under
// the cursor (maybe empty); the answer is one candidate a line, "value<TAB>description", or
// the single line ":files" when the shell should complete file names. Commands and options
// come from the command line itself, so the scripts never go stale; operators, case ids and
// receipt names come from the database in use (--db among the words, else CANCELOG_DB, ...),
// which is read only when it exists and never created.
#include "commands/commands.hpp"
#include "core/checklist.hpp"
#include "core/model.hpp"
#include "core/phone.hpp"
#include "core/settings.hpp"
#include "storage/store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <charconv>
#include <filesystem>
#include <set>

namespace cancelog::commands {

namespace {

// At most this many case ids are offered (the newest requests).
constexpr std::int64_t k_complete_max_cases = 500;

// What the shell should do with the word under the cursor.
struct Completion {
  std::vector<std::pair<std::string, std::string>> candidates; // value, description
  bool files = false;
};

// The command line up to the cursor, as CLI11 would read it.
struct CompletePosition {
  const CLI::App* command = nullptr;
  const CLI::Option* pending_option = nullptr; // the option whose value is being typed
  std::vector<std::string> positionals;        // the arguments of `command` so far
};

bool complete_takes_value(const CLI::Option* option) {
  return option != nullptr && option->get_items_expected_max() != 0;
}

// The option named `name` of the command or of a command above it (global options).
const CLI::Option* complete_find_option(const CLI::App* cmd, const std::string& name) {
  for (; cmd != nullptr; cmd = cmd->get_parent()) {
    if (const CLI::Option* option = cmd->get_option_no_throw(name)) {
      return option;
    }
  }
  return nullptr;
}

std::vector<const CLI::App*> complete_visible_commands(const CLI::App* cmd) {
  return cmd->get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

CompletePosition complete_locate(const CLI::App& root, const std::vector<std::string>& words) {
  CompletePosition at;
  at.command = &root;
  bool only_arguments = false;
  for (const auto& word : words) {
    if (at.pending_option != nullptr) {
      at.pending_option = nullptr;
      continue;
    }
    if (!only_arguments && word == "--") {
      only_arguments = true;
      continue;
    }
    if (!only_arguments && word.size() > 1 && word.front() == '-') {
      const auto equals = word.find('=');
      const CLI::Option* option = complete_find_option(at.command, word.substr(0, equals));
      if (equals == std::string::npos && complete_takes_value(option)) {
        at.pending_option = option;
      }
      continue;
    }
    if (at.positionals.empty()) {
      const auto subs =
          at.command->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == word; });
      if (!subs.empty()) {
        at.command = subs.front();
        continue;
      }
    }
    at.positionals.push_back(word);
  }
  return at;
}

template <class E> void complete_enum(Completion& out) {
  for (const auto& name : core::enum_names<E>()) {
    out.candidates.emplace_back(name, "");
  }
}

void complete_words(Completion& out, std::initializer_list<const char*> words) {
  for (const char* word : words) {
    out.candidates.emplace_back(word, "");
  }
}

// The database, when there is one; completion never creates it.
storage::Store* complete_store(Context& ctx) {
  std::error_code ec;
  if (!std::filesystem::exists(ctx.db_path(), ec)) {
    return nullptr;
  }
  return &ctx.store();
}

void complete_operators(Completion& out, Context& ctx) {
  if (auto* store = complete_store(ctx)) {
    for (const auto& op : store->operators()) {
      out.candidates.emplace_back(op.name, op.hotline);
    }
  }
}

void complete_cases(Completion& out, Context& ctx, const std::string& prefix) {
  auto* store = complete_store(ctx);
  if (store == nullptr) {
    return;
  }
  core::CaseFilter filter;
  filter.limit = k_complete_max_cases;
  store->for_each_case(filter, [&](const core::Case& c) {
    std::string id = std::to_string(c.id);
    if (id.starts_with(prefix)) {
      out.candidates.emplace_back(std::move(id), core::format_international(c.number) + " " +
                                                     c.operator_name + " " +
                                                     std::string(core::name_of(c.status)));
    }
  });
}

std::optional<std::int64_t> complete_case_id(const std::vector<std::string>& positionals) {
  if (positionals.empty()) {
    return std::nullopt;
  }
  std::string_view text = positionals.front();
  if (text.starts_with('#')) {
    text.remove_prefix(1);
  }
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return id;
}

void complete_option_value(Completion& out, Context& ctx, const CompletePosition& at,
                           const CLI::Option* option) {
  const std::string name = option->get_name();
  if (name == "--channel") {
    complete_enum<core::Channel>(out);
  } else if (name == "--card") {
    complete_enum<core::Card>(out);
  } else if (name == "--outcome") {
    complete_enum<core::Outcome>(out);
  } else if (name == "--method") {
    complete_enum<core::Method>(out);
  } else if (name == "--status") {
    complete_enum<core::Status>(out);
    complete_words(out, {"open", "closed"});
  } else if (name == "--operator") {
    complete_operators(out, ctx);
  } else if (name == "--color") {
    complete_words(out, {"auto", "always", "never"});
  } else if (name == "--what") {
    complete_words(out, {"cases", "checks", "all"});
  } else if (name == "--format") {
    if (at.command->get_name() == "dossier") {
      complete_words(out, {"md", "html"});
    } else {
      complete_words(out, {"csv", "json", "ics"});
    }
  } else if (name == "--on" || name == "--since" || name == "--until") {
    complete_words(out, {"today", "yesterday"});
  } else if (name == "--within") {
    complete_words(out, {"1d", "3d", "1w"});
  } else if (name == "--next") {
    complete_words(out, {"today", "tomorrow", "+3d", "+1w"});
  } else if (name == "--output" || name == "--attach" || name == "--db") {
    out.files = true;
  }
}

void complete_argument(Completion& out, Context& ctx, const CompletePosition& at,
                       const std::string& current) {
  // The positional the word under the cursor fills: the next one, or the last when that one
  // takes any number of values (tick ID ITEM...).
  const auto positionals =
      at.command->get_options([](const CLI::Option* o) { return o->get_positional(); });
  if (positionals.empty()) {
    return;
  }
  const std::size_t index = std::min(at.positionals.size(), positionals.size() - 1);
  if (index < at.positionals.size() && positionals[index]->get_items_expected_max() <= 1) {
    return; // every argument is given
  }
  const std::string name = positionals[index]->get_name();
  const std::string& cmd = at.command->get_name();
  const std::string parent =
      at.command->get_parent() != nullptr ? at.command->get_parent()->get_name() : "";
  if (name == "id") {
    complete_cases(out, ctx, current);
  } else if (name == "items") {
    complete_enum<core::ChecklistItem>(out);
  } else if (name == "name" && parent == "operator" && cmd == "edit") {
    complete_operators(out, ctx);
  } else if (name == "name" && parent == "receipt") {
    const auto id = complete_case_id(at.positionals);
    auto* store = complete_store(ctx);
    if (id && store != nullptr) {
      for (const auto& file : store->receipt_files_of(*id)) {
        out.candidates.emplace_back(file.name, file.media_type);
      }
    }
  } else if (name == "date" && cmd == "snooze") {
    complete_words(out, {"tomorrow", "+3d", "+1w"});
  } else if (name == "key") {
    for (const auto& spec : core::setting_specs()) {
      out.candidates.emplace_back(spec.key, _(std::string(spec.description).c_str()));
    }
  } else if (name == "file" || name == "files" || name == "path") {
    out.files = true;
  }
}

void complete_options(Completion& out, const CLI::App* cmd) {
  // Each command has its own --help; the first (the command's own) is offered once.
  std::set<std::string> seen;
  const auto offer = [&](std::string name, const CLI::Option* option) {
    if (seen.insert(name).second) {
      out.candidates.emplace_back(std::move(name), util::one_line(option->get_description()));
    }
  };
  for (const CLI::App* level = cmd; level != nullptr; level = level->get_parent()) {
    for (const CLI::Option* option : level->get_options([](const CLI::Option* o) {
           return !o->get_positional() && !o->get_group().empty();
         })) {
      for (const auto& long_name : option->get_lnames()) {
        offer("--" + long_name, option);
      }
      for (const auto& short_name : option->get_snames()) {
        offer("-" + short_name, option);
      }
    }
  }
}

Completion complete(const CLI::App& root, Context& ctx, std::vector<std::string> words) {
  const std::string current = words.empty() ? std::string() : words.back();
  if (!words.empty()) {
    words.pop_back();
  }
  // The database of the command line being typed.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--db" && i + 1 < words.size()) {
      ctx.global.db = words[i + 1];
    } else if (words[i].starts_with("--db=")) {
      ctx.global.db = words[i].substr(5);
    }
  }
  const CompletePosition at = complete_locate(root, words);
  Completion out;
  if (at.pending_option != nullptr) {
    complete_option_value(out, ctx, at, at.pending_option);
  } else if (current.starts_with("--") && current.find('=') != std::string::npos) {
    // --color=al: the value after '=' (the shells complete only that part).
    if (const auto* option = complete_find_option(at.command, current.substr(0, current.find('=')));
        complete_takes_value(option)) {
      complete_option_value(out, ctx, at, option);
    }
  } else if (current.starts_with("-")) {
    complete_options(out, at.command);
  } else if (at.positionals.empty() && !complete_visible_commands(at.command).empty()) {
    for (const CLI::App* sub : complete_visible_commands(at.command)) {
      out.candidates.emplace_back(sub->get_name(), sub->get_description());
    }
  } else {
    complete_argument(out, ctx, at, current);
  }
  return out;
}

} // namespace

void register_complete(CLI::App& app, Context& ctx) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("__complete", "for the shell completion scripts");
  cmd->group(""); // hidden: not a command for people
  cmd->add_option("words", *words)->expected(1, -1);
  cmd->callback([words, &app, &ctx] {
    const Completion out = complete(app, ctx, *words);
    if (out.files) {
      ctx.out << ":files\n";
      return;
    }
    for (const auto& [value, description] : out.candidates) {
      ctx.out << value;
      if (!description.empty()) {
        ctx.out << '\t' << description;
      }
      ctx.out << '\n';
    }
  });
}

} // namespace cancelog::commands
