#include "util/text.hpp"

#include <fmt/format.h>
#include <unistr.h>
#include <uniwidth.h>

namespace cancelog::util {

namespace {

const auto* as_u8(std::string_view text) {
  return reinterpret_cast<const uint8_t*>(text.data());
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

} // namespace

bool is_valid_utf8(std::string_view text) {
  return u8_check(as_u8(text), text.size()) == nullptr;
}

bool has_control_chars(std::string_view text) {
  for (const unsigned char c : text) {
    if (is_control(c) && c != '\t' && c != '\n') {
      return true;
    }
  }
  return false;
}

std::size_t display_width(std::string_view text) {
  bool ascii = true;
  for (const unsigned char c : text) {
    if (c >= 0x80 || is_control(c)) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    return text.size();
  }
  if (!is_valid_utf8(text)) {
    return text.size();
  }
  std::size_t width = 0;
  const uint8_t* p = as_u8(text);
  const uint8_t* end = p + text.size();
  while (p < end) {
    ucs4_t uc = 0;
    const int len = u8_mbtouc(&uc, p, static_cast<std::size_t>(end - p));
    const int w = uc_width(uc, "UTF-8");
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
    p += len;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t have = display_width(text);
  if (have < width) {
    out.append(width - have, ' ');
  }
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t have = display_width(text);
  std::string out;
  if (have < width) {
    out.append(width - have, ' ');
  }
  out.append(text);
  return out;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return {};
  }
  if (!is_valid_utf8(text)) {
    return std::string(text.substr(0, width - 1)) + "…";
  }
  std::string out;
  std::size_t used = 0;
  const uint8_t* p = as_u8(text);
  const uint8_t* end = p + text.size();
  while (p < end) {
    ucs4_t uc = 0;
    const int len = u8_mbtouc(&uc, p, static_cast<std::size_t>(end - p));
    const int w = std::max(uc_width(uc, "UTF-8"), 0);
    if (used + static_cast<std::size_t>(w) > width - 1) {
      break;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
    used += static_cast<std::size_t>(w);
    p += len;
  }
  return out + "…";
}

std::string quote(std::string_view text) {
  std::string out = "'";
  const bool valid = is_valid_utf8(text);
  for (const unsigned char c : text) {
    if (is_control(c) || (!valid && c >= 0x80)) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += "'";
  return out;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!text.empty() && space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out.append(separator);
    }
    out.append(parts[i]);
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const uint8_t* p = as_u8(text);
  const uint8_t* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      out += is_control(*p) ? ' ' : static_cast<char>(*p);
      ++p;
      continue;
    }
    ucs4_t uc = 0;
    const int len = u8_mbtoucr(&uc, p, static_cast<std::size_t>(end - p));
    if (len < 0) {
      // Bytes that are not UTF-8 (an echo of a hostile file) would garble a terminal.
      out += fmt::format("\\x{:02x}", *p);
      ++p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
    p += len;
  }
  return out;
}

} // namespace cancelog::util
