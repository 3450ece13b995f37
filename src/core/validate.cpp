#include "core/validate.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace cancelog::core {

util::Result<std::string_view> check_text(std::string_view text, std::size_t max_bytes) {
  if (!util::is_valid_utf8(text)) {
    return util::fail(_("the text is not valid UTF-8; check your terminal's encoding"));
  }
  if (util::has_control_chars(text)) {
    return util::fail(
        util::trf("the text holds control characters: {}", util::quote(text.substr(0, 60))));
  }
  if (text.size() > max_bytes) {
    return util::fail(util::trf("the text is too long ({} bytes, at most {}); keep long "
                                "documents as receipt files",
                                text.size(), max_bytes));
  }
  return text;
}

util::Result<std::string_view> check_line(std::string_view text, std::size_t max_bytes) {
  if (text.find('\n') != std::string_view::npos) {
    return util::fail(_("write it on one line"));
  }
  return check_text(util::trim(text), max_bytes);
}

template <class E> util::Result<E> parse_choice(std::string_view text) {
  const auto value = parse_enum<E>(util::to_lower_ascii(util::trim(text)));
  if (!value) {
    return util::fail(
        util::trf("unknown value {}; use one of: {}", util::quote(text), enum_choices<E>()));
  }
  return *value;
}

template util::Result<Channel> parse_choice<Channel>(std::string_view);
template util::Result<Card> parse_choice<Card>(std::string_view);
template util::Result<Status> parse_choice<Status>(std::string_view);
template util::Result<Outcome> parse_choice<Outcome>(std::string_view);
template util::Result<Method> parse_choice<Method>(std::string_view);
template util::Result<ChecklistItem> parse_choice<ChecklistItem>(std::string_view);

util::Result<util::Date> check_request_date(util::Date day, util::Date today) {
  if (day > today) {
    return util::fail(
        util::trf("{} is in the future; record a request once it is made", util::format_date(day)));
  }
  return day;
}

const Operator* find_operator_in(const std::vector<Operator>& operators, std::string_view name) {
  const std::string_view wanted = util::trim(name);
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (const auto& op : operators) {
    if (op.name.size() == wanted.size() &&
        std::equal(wanted.begin(), wanted.end(), op.name.begin(),
                   [&](char a, char b) { return lower(a) == lower(b); })) {
      return &op;
    }
  }
  return nullptr;
}

std::string unknown_operator_reason(std::string_view name, const std::vector<Operator>& known) {
  std::vector<std::string> names;
  names.reserve(known.size());
  for (const auto& op : known) {
    names.push_back(op.name);
  }
  return util::trf("unknown operator {}; known operators: {}; add one with 'cancelog operator "
                   "add NAME'",
                   util::quote(name), util::join(names, ", "));
}

} // namespace cancelog::core
