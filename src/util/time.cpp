#include "util/time.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <date/tz.h>
#include <filesystem>
#include <fstream>
#include <functional>

namespace cancelog::util {

namespace {

// Reads exactly `n` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

constexpr int k_max_offset_days = 100 * 366;

// Writes `n` decimal digits of a non-negative value, with leading zeros.
void time_put_digits(char* out, int value, int n) {
  for (int i = n - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// Reads YYYY-MM-DD at the start of `text`; checks that the day exists.
Result<Date> parse_date_prefix(std::string_view text) {
  if (text.size() > 10 && text[10] >= '0' && text[10] <= '9') {
    text = {};
  }
  const auto y = digits(text, 0, 4);
  const auto m = digits(text, 5, 2);
  const auto d = digits(text, 8, 2);
  if (text.size() < 10 || !y || !m || !d || text[4] != '-' || text[7] != '-') {
    return fail(trf("{} is not a date; write YYYY-MM-DD, today, yesterday, tomorrow, +3d or -2w",
                    quote(text)));
  }
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) {
    return fail(trf("{} is not a date: there is no such day in the calendar", quote(text)));
  }
  return Date{ymd};
}

} // namespace

Result<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10) {
    return fail(trf("{} is not a date; write YYYY-MM-DD, today, yesterday, tomorrow, +3d or -2w",
                    quote(text)));
  }
  return parse_date_prefix(text);
}

Result<Date> parse_date(std::string_view text, Date today) {
  const std::string word = to_lower_ascii(trim(text));
  if (word == "today") {
    return today;
  }
  if (word == "yesterday") {
    return today - date::days{1};
  }
  if (word == "tomorrow") {
    return today + date::days{1};
  }
  if (!word.empty() && (word[0] == '+' || word[0] == '-')) {
    const auto days = parse_days(std::string_view(word).substr(1));
    if (!days) {
      return fail(trf("{} is not a date offset; write +3d, -1d, +2w or -1w", quote(text)));
    }
    return word[0] == '+' ? today + date::days{*days} : today - date::days{*days};
  }
  return parse_iso_date(word);
}

Result<int> parse_days(std::string_view text) {
  const std::string word = to_lower_ascii(trim(text));
  const auto bad = [&] {
    return fail(trf("{} is not a length of time; write a number of days or weeks, e.g. 3d or 2w",
                    quote(text)));
  };
  if (word.size() < 2 || (word.back() != 'd' && word.back() != 'w')) {
    return bad();
  }
  int n = 0;
  const char* first = word.data();
  const char* last = word.data() + word.size() - 1;
  const auto [end, ec] = std::from_chars(first, last, n);
  if (ec != std::errc{} || end != last || n < 0 || word[0] == '+') {
    return bad();
  }
  // Check the bound before multiplying: weeks times seven must not overflow (found by fuzzing).
  if (n > k_max_offset_days || (word.back() == 'w' && n > k_max_offset_days / 7)) {
    return fail(trf("{} is too long; the limit is {} days", quote(text), k_max_offset_days));
  }
  return word.back() == 'w' ? n * 7 : n;
}

std::string format_date(Date day) {
  std::array<char, k_date_chars> text{};
  return {text.data(), write_date(text.data(), day)};
}

std::size_t write_date(char* out, Date day) {
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    // Outside what the stored form can hold; written as the date library does.
    const std::string text = date::format("%F", day);
    const std::size_t n = std::min(text.size(), k_date_chars);
    std::copy_n(text.data(), n, out);
    return n;
  }
  time_put_digits(out, year, 4);
  out[4] = '-';
  time_put_digits(out + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out[7] = '-';
  time_put_digits(out + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return k_date_chars;
}

std::string format_days(int days) {
  if (days != 0 && days % 7 == 0) {
    return fmt::format("{}w", days / 7);
  }
  return fmt::format("{}d", days);
}

std::string format_utc(Instant at) {
  std::array<char, k_utc_chars> text{};
  return {text.data(), write_utc(text.data(), at)};
}

std::size_t write_utc(char* out, Instant at) {
  const Date day = date::floor<date::days>(at);
  const std::size_t n = write_date(out, day);
  if (n != k_date_chars) {
    return n;
  }
  const auto seconds = static_cast<int>((at - Instant{day}).count());
  out[10] = 'T';
  time_put_digits(out + 11, seconds / 3600, 2);
  out[13] = ':';
  time_put_digits(out + 14, seconds / 60 % 60, 2);
  out[16] = ':';
  time_put_digits(out + 17, seconds % 60, 2);
  out[19] = 'Z';
  return k_utc_chars;
}

Result<Instant> parse_utc(std::string_view text) {
  const auto day = parse_date_prefix(text);
  const auto h = digits(text, 11, 2);
  const auto m = digits(text, 14, 2);
  const auto s = digits(text, 17, 2);
  if (!day || text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) {
    return fail(trf("{} is not a stored instant (YYYY-MM-DDTHH:MM:SSZ)", quote(text)));
  }
  return Instant{*day} + std::chrono::hours{*h} + std::chrono::minutes{*m} +
         std::chrono::seconds{*s};
}

int days_between(Date from, Date to) {
  return static_cast<int>((to - from).count());
}

namespace {

// The offset from UTC of the process's zone at an instant, through the C library.
std::chrono::seconds process_offset(Instant at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm local{};
  if (::localtime_r(&seconds, &local) == nullptr) {
    return std::chrono::seconds{0}; // only beyond the range of time_t
  }
  return std::chrono::seconds{local.tm_gmtoff};
}

} // namespace

TimeZone TimeZone::of_process(std::string name) {
  // The C library reads TZ once unless told: the zone may have been set since (tests).
  ::tzset();
  TimeZone zone;
  zone.m_process_zone = std::move(name);
  return zone;
}

date::local_seconds TimeZone::to_local(Instant at) const {
  if (!m_process_zone.empty()) {
    return date::local_seconds{at.time_since_epoch() + process_offset(at)};
  }
  if (m_zone == nullptr) {
    return date::local_seconds{at.time_since_epoch()};
  }
  return m_zone->to_local(at);
}

Instant TimeZone::from_local(date::local_seconds local) const {
  const Instant as_utc{local.time_since_epoch()};
  if (!m_process_zone.empty()) {
    // The offsets a day before and after (changes of offset are months apart): the instant
    // is the local time less one of them, if that instant has that offset. Both fit when
    // the clock went back (the earlier is taken); none when it jumped over the time, which
    // then counts from before the jump. The same answers as the date library's below.
    const auto before = process_offset(as_utc - date::days{1});
    const auto after = process_offset(as_utc + date::days{1});
    const bool fits_before = process_offset(as_utc - before) == before;
    const bool fits_after = process_offset(as_utc - after) == after;
    if (fits_before && fits_after) {
      return std::min(as_utc - before, as_utc - after);
    }
    return fits_after && !fits_before ? as_utc - after : as_utc - before;
  }
  if (m_zone == nullptr) {
    return as_utc;
  }
  const auto info = m_zone->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    // The clock jumped forward over this time: count it from before the jump.
    return as_utc - info.first.offset;
  }
  return m_zone->to_sys(local, date::choose::earliest);
}

Date TimeZone::local_date(Instant at) const {
  return Date{date::floor<date::days>(to_local(at)).time_since_epoch()};
}

std::string TimeZone::name() const {
  if (!m_process_zone.empty()) {
    return m_process_zone;
  }
  return m_zone == nullptr ? std::string("UTC") : std::string(m_zone->name());
}

namespace {

constexpr std::string_view k_zoneinfo = "zoneinfo/";
constexpr std::string_view k_zone_folder = "/usr/share/zoneinfo/";

// A TZ value that names a file of the zone folder: Asia/Baku, Europe/Berlin, Etc/GMT+4.
bool is_zone_file_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

// Whether the file is a compiled zone (TZif), as the C library and the date library read.
bool is_zone_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::array<char, 4> magic{};
  return file.read(magic.data(), magic.size()) && std::string_view(magic.data(), 4) == "TZif";
}

// The name of the zone the C library serves for the TZ variable, when it is certainly the
// zone the date library would find: `tz_variable` is the process's own TZ and `name` (its
// value without the ':') names a zone file, or both are unset and /etc/localtime is a zone
// (system_zone_name). Anything else (a path, a POSIX rule, an unknown name, an empty TZ
// that the C library reads as UTC) is left to the date library, and to its error.
std::optional<std::string> process_zone_name(const char* tz_variable, std::string_view name) {
  const char* process_tz = std::getenv("TZ");
  if ((tz_variable == nullptr) != (process_tz == nullptr) ||
      (tz_variable != nullptr && std::string_view(tz_variable) != process_tz)) {
    return std::nullopt;
  }
  if (process_tz == nullptr) {
    return system_zone_name("/etc/localtime", "/etc/timezone");
  }
  if (!is_zone_file_name(name) || !is_zone_file(std::string(k_zone_folder) + std::string(name))) {
    return std::nullopt;
  }
  return std::string(name);
}

} // namespace

std::optional<std::string> system_zone_name(const std::filesystem::path& localtime,
                                            const std::filesystem::path& timezone_file) {
  if (!is_zone_file(localtime.string())) {
    return std::nullopt;
  }
  // A link into a zone folder names the zone, as the date library reads it.
  std::error_code ec;
  const auto target = std::filesystem::read_symlink(localtime, ec).string();
  if (const auto at = target.find(k_zoneinfo); !ec && at != std::string::npos) {
    if (const auto name = target.substr(at + k_zoneinfo.size()); is_zone_file_name(name)) {
      return name;
    }
  }
  // A copy of a zone file: the name the system gives it, if any. The C library reads the
  // file itself, so the name is only a label; the date library gave up here.
  std::ifstream file(timezone_file);
  std::string line;
  if (std::getline(file, line) && is_zone_file_name(trim(line))) {
    return std::string(trim(line));
  }
  return std::string("localtime");
}

Result<TimeZone> resolve_zone(const char* tz_variable) {
  std::string_view name = tz_variable != nullptr ? tz_variable : "";
  if (!name.empty() && name.front() == ':') {
    name.remove_prefix(1);
  }
  if (name == "UTC" || name == "UTC0" || name == "Etc/UTC") {
    return TimeZone{};
  }
  if (auto own = process_zone_name(tz_variable, name)) {
    return TimeZone::of_process(std::move(*own));
  }
  try {
    if (name.empty()) {
      return TimeZone{date::current_zone()};
    }
    if (name.front() == '/') {
      const auto at = name.find(k_zoneinfo);
      if (at != std::string_view::npos) {
        name.remove_prefix(at + k_zoneinfo.size());
      }
    }
    return TimeZone{date::locate_zone(name)};
  } catch (const std::exception&) {
    return fail(
        trf("unknown time zone {} in TZ; set TZ to a name such as Asia/Baku or UTC", quote(name)));
  }
}

Result<Instant> parse_instant(std::string_view text, const TimeZone& zone) {
  return parse_instant(text, [&]() -> const TimeZone& { return zone; });
}

Result<Instant> parse_instant(std::string_view text, const std::function<const TimeZone&()>& zone) {
  const std::string_view original = text;
  text = trim(text);
  const auto bad = [&] {
    return fail(trf("{} is not a date and time; write e.g. 2026-03-01 14:30, "
                    "2026-03-01T14:30:00+04:00 or 2026-03-01T10:30:00Z",
                    quote(original)));
  };
  const auto day = parse_date_prefix(text);
  if (!day || text.size() < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    return bad();
  }
  const auto h = digits(text, 11, 2);
  const auto m = digits(text, 14, 2);
  if (!h || !m || text[13] != ':' || *h > 23 || *m > 59) {
    return bad();
  }
  std::size_t pos = 16;
  int s = 0;
  if (pos < text.size() && text[pos] == ':') {
    const auto sec = digits(text, pos + 1, 2);
    if (!sec || *sec > 59) {
      return bad();
    }
    s = *sec;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        ++pos;
      }
      if (pos == start) {
        return bad();
      }
    }
  }
  const auto clock = std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{s};
  const std::string_view rest = text.substr(pos);
  if (rest.empty()) {
    return zone().from_local(date::local_seconds{day->time_since_epoch()} + clock);
  }
  const Instant utc = Instant{*day} + clock;
  if (rest == "Z" || rest == "z") {
    return utc;
  }
  if (rest[0] != '+' && rest[0] != '-') {
    return bad();
  }
  const auto oh = digits(rest, 1, 2);
  std::optional<int> om = 0;
  if (rest.size() == 6 && rest[3] == ':') {
    om = digits(rest, 4, 2);
  } else if (rest.size() == 5) {
    om = digits(rest, 3, 2);
  } else if (rest.size() != 3) {
    return bad();
  }
  if (!oh || !om || *oh > 14 || *om > 59) {
    return bad();
  }
  const auto offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
  return rest[0] == '+' ? utc - offset : utc + offset;
}

std::string format_local(Instant at, const TimeZone& zone) {
  return date::format("%F %R", zone.to_local(at));
}

} // namespace cancelog::util
