// cancelog config list|get|set|unset: settings kept in the database.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/json.hpp"
#include "core/settings.hpp"
#include "render/json.hpp"
#include "render/table.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::commands {

namespace {

struct ConfigOptions {
  std::string key;
  std::string value;
};

const core::SettingSpec& spec_or_fail(const std::string& key) {
  const auto* spec = core::find_setting(key);
  if (spec == nullptr) {
    // normalize_setting words the message with the list of keys.
    throw InputError(core::normalize_setting(key, "").error());
  }
  return *spec;
}

void run_config_list(Context& ctx) {
  const auto& settings = ctx.settings();
  if (ctx.global.json) {
    core::Json j = core::Json::array();
    for (const auto& spec : core::setting_specs()) {
      j.push_back({{"key", spec.key},
                   {"value", settings.get(spec.key)},
                   {"default", spec.default_value},
                   {"set", settings.is_set(spec.key)}});
    }
    render::write_json(ctx.out, j);
    return;
  }
  render::Table table(
      {{_("KEY")}, {_("VALUE")}, {_("DEFAULT")}, {_("MEANING"), render::Table::Align::left, true}});
  for (const auto& spec : core::setting_specs()) {
    const bool set = settings.is_set(spec.key);
    table.add_row({std::string(spec.key), render::Cell(settings.get(spec.key), set ? "1" : ""),
                   std::string(spec.default_value), _(std::string(spec.description).c_str())});
  }
  table.render(ctx.out, ctx.color(), ctx.width());
}

void run_config_get(const ConfigOptions& o, Context& ctx) {
  const auto& spec = spec_or_fail(o.key);
  const std::string value = ctx.settings().get(spec.key);
  if (ctx.global.json) {
    render::write_json(ctx.out, core::Json{{"key", spec.key}, {"value", value}});
  } else {
    ctx.out << value << '\n';
  }
}

void run_config_set(const ConfigOptions& o, Context& ctx, bool unset) {
  const auto& spec = spec_or_fail(o.key);
  std::optional<std::string> value;
  if (!unset) {
    auto normal = core::normalize_setting(spec.key, o.value);
    if (!normal) {
      throw InputError(normal.error());
    }
    value = std::move(normal).value();
  }
  auto& store = ctx.store();
  storage::Change change(store, unset ? "config unset" : "config set", ctx.clock.now());
  store.set_setting(change, spec.key, value);
  change.commit();
  const std::string now = value.value_or(std::string(spec.default_value));
  if (ctx.global.json) {
    render::write_json(ctx.out, core::Json{{"key", spec.key}, {"value", now}});
  } else {
    ctx.out << util::trf("{} = {}", spec.key, now) << '\n';
  }
}

} // namespace

void register_config(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("config", _("settings, including the reminder policy"));
  group->require_subcommand(1);
  group->footer(
      _("Examples:\n  cancelog config list\n  cancelog config set remind.first.online 5d\n"
        "  cancelog config unset remind.first.online"));

  auto* list = group->add_subcommand("list", _("show every setting and its value"));
  list->footer(_("Examples:\n  cancelog config list\n  cancelog config list --json"));
  list->callback([&ctx] { run_config_list(ctx); });

  auto get_options = std::make_shared<ConfigOptions>();
  auto* get = group->add_subcommand("get", _("print one setting"));
  get->footer(_("Example:\n  cancelog config get default-region"));
  get->add_option("key", get_options->key, _("the setting"))->required();
  get->callback([get_options, &ctx] { run_config_get(*get_options, ctx); });

  auto set_options = std::make_shared<ConfigOptions>();
  auto* set = group->add_subcommand("set", _("change a setting"));
  set->footer(_("Durations are days or weeks (3d, 1w); sizes take KiB, MiB, GiB.\nExamples:\n"
                "  cancelog config set remind.first.online 5d\n"
                "  cancelog config set receipt.max-size 50MiB"));
  set->add_option("key", set_options->key, _("the setting"))->required();
  set->add_option("value", set_options->value, _("the new value"))->required();
  set->callback([set_options, &ctx] { run_config_set(*set_options, ctx, false); });

  auto unset_options = std::make_shared<ConfigOptions>();
  auto* unset = group->add_subcommand("unset", _("return a setting to its default"));
  unset->footer(_("Example:\n  cancelog config unset remind.first.online"));
  unset->add_option("key", unset_options->key, _("the setting"))->required();
  unset->callback([unset_options, &ctx] { run_config_set(*unset_options, ctx, true); });
}

} // namespace cancelog::commands
