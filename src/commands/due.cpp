// cancelog due: the checks to make today (or within a few days), most overdue first, and what
// is left to do on confirmed lines. Computed from the database alone, so a day on which
// nobody ran it loses nothing.
#include "core/due.hpp"

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

// How much of the list of after items `due` gathers before writing it out.
constexpr std::size_t k_due_flush_bytes = 64 * 1024;

// The exit code of `due --exit-code` when something is due (SPEC.md "Exit codes").
constexpr int k_exit_due = 3;

struct DueOptions {
  std::string within;
  bool exit_code = false;
};

std::vector<std::string> due_item_names(const std::vector<core::ChecklistItem>& items) {
  std::vector<std::string> names;
  names.reserve(items.size());
  for (const auto item : items) {
    names.emplace_back(core::name_of(item));
  }
  return names;
}

core::Json due_check_json(const core::Reminder& r, int days_overdue) {
  return core::Json{{"kind", "check"},
                    {"id", r.id},
                    {"uuid", r.uuid},
                    {"number", r.number},
                    {"operator", r.operator_name},
                    {"hotline", r.hotline},
                    {"website", r.website},
                    {"status", core::name_of(r.status)},
                    {"card", core::name_of(r.card)},
                    {"receipt", r.receipt},
                    {"next_check_on", util::format_date(r.next_check_on)},
                    {"days_overdue", days_overdue},
                    {"final_bill", core::is_final_bill_check(r)},
                    {"ask", core::what_to_ask(r)}};
}

core::Json due_todo_json(const core::AfterTodo& todo) {
  return core::Json{{"kind", "todo"},
                    {"id", todo.id},
                    {"uuid", todo.uuid},
                    {"number", todo.number},
                    {"operator", todo.operator_name},
                    {"status", core::name_of(core::Status::confirmed)},
                    {"card", core::name_of(todo.card)},
                    {"items", due_item_names(todo.items)}};
}

// "Azercell, hotline *1111", else the website, else the name alone.
std::string due_contact(const core::Reminder& r) {
  if (!r.hotline.empty()) {
    return util::trf("{}, hotline {}", r.operator_name, r.hotline);
  }
  if (!r.website.empty()) {
    return util::trf("{}, {}", r.operator_name, r.website);
  }
  return r.operator_name;
}

std::string_view due_style(int days_overdue) {
  if (days_overdue > 0) {
    return "31"; // red: overdue
  }
  return days_overdue == 0 ? "33" : ""; // yellow: today
}

void run_due(const DueOptions& o, Context& ctx) {
  int within = 0;
  if (!o.within.empty()) {
    const auto days = util::parse_days(o.within);
    if (!days) {
      throw InputError(util::trf("--within: {}", days.error()));
    }
    within = *days;
  }
  const util::Date today = ctx.clock.today();
  const util::Date until = today + date::days{within};
  auto& store = ctx.store();
  std::size_t count = 0;

  if (ctx.global.json) {
    render::JsonArrayWriter writer(ctx.out);
    store.for_each_reminder(until, [&](const core::Reminder& r) {
      writer.add(due_check_json(r, util::days_between(r.next_check_on, today)));
      ++count;
    });
    store.for_each_after_todo([&](const core::AfterTodo& todo) {
      writer.add(due_todo_json(todo));
      ++count;
    });
    writer.finish();
  } else {
    // Written as the rows come, without aligning columns: a long list never sits in memory.
    const bool color = ctx.color();
    std::size_t checks = 0;
    store.for_each_reminder(until, [&](const core::Reminder& r) {
      if (checks++ == 0) {
        ctx.out << (within == 0 ? std::string(_("Checks due:"))
                                : util::trf("Checks due by {}:", util::format_date(until)))
                << '\n';
      }
      const int days = util::days_between(r.next_check_on, today);
      ctx.out << util::trf("#{} {} ({}): {}, {}", r.id, core::format_international(r.number),
                           due_contact(r),
                           render::styled(core::name_of(r.status), status_style(r.status), color),
                           render::styled(core::due_phrase(days), due_style(days), color))
              << "\n   " << core::what_to_ask(r) << '\n';
    });
    // Thousands of rows on a large database: they are written into one reused buffer, with
    // the row's format prepared once, and the buffer goes out when it is full.
    std::size_t todos = 0;
    const util::RowFormat todo_row(_("#{} {} ({}): {}"));
    std::string line;
    std::string number;
    // "number-dead, sim-destroyed" for each set of items left (seven at most), made once.
    std::vector<std::pair<unsigned, std::string>> item_texts;
    store.for_each_after_todo([&](const core::AfterTodo& todo) {
      if (todos++ == 0) {
        ctx.out << (checks > 0 ? "\n" : "")
                << _("Confirmed, still to do (mark each with 'cancelog tick ID ITEM'):") << '\n';
      }
      number.clear();
      core::append_international(number, todo.number);
      unsigned set = 0;
      for (const auto item : todo.items) {
        set |= 1U << static_cast<unsigned>(item);
      }
      auto items = std::find_if(item_texts.begin(), item_texts.end(),
                                [set](const auto& known) { return known.first == set; });
      if (items == item_texts.end()) {
        std::string text;
        for (const auto item : todo.items) {
          text.append(text.empty() ? "" : ", ").append(core::name_of(item));
        }
        items = item_texts.emplace(item_texts.end(), set, std::move(text));
      }
      todo_row.append(line, todo.id, number, todo.operator_name, items->second);
      line += '\n';
      if (line.size() >= k_due_flush_bytes) { // the stream's own buffer is 8 KiB: fewer calls
        ctx.out.write(line.data(), static_cast<std::streamsize>(line.size()));
        line.clear();
      }
    });
    ctx.out.write(line.data(), static_cast<std::streamsize>(line.size()));
    count = checks + todos;
    if (count == 0) {
      ctx.out << _("Nothing is due.") << '\n';
    }
  }
  if (o.exit_code && count > 0) {
    ctx.exit_code = k_exit_due;
  }
}

} // namespace

void register_due(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DueOptions>();
  auto* cmd = app.add_subcommand("due", _("list the checks due today, and what is left to do"));
  cmd->footer(_("Lists every case whose next check is today or overdue (most overdue first), "
                "with the operator's hotline and what to ask; then confirmed cases whose "
                "number-dead, sim-destroyed or final-bill-settled is not ticked yet.\n"
                "Examples:\n"
                "  cancelog due\n"
                "  cancelog due --within 3d     # also what comes in the next 3 days\n"
                "  cancelog due --exit-code     # exit status 3 when something is due (cron)\n"
                "  cancelog due --json          # for scripts"));
  cmd->add_option("--within", options->within,
                  _("also checks due within this many days from today, e.g. 3d or 1w"));
  cmd->add_flag("--exit-code", options->exit_code,
                _("exit with status 3 when anything is due, 0 when nothing is"));
  cmd->callback([options, &ctx] { run_due(*options, ctx); });
}

} // namespace cancelog::commands
