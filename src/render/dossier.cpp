#include "render/dossier.hpp"

#include "core/checklist.hpp"
#include "core/phone.hpp"
#include "render/history.hpp"
#include "util/base64.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace cancelog::render {

namespace {

// The page is built once as sections of tables, then written as Markdown or HTML, so that
// both formats always carry the same facts.
// text: plain; code: a reference, monospace; hash: a SHA-256, may break anywhere; note: keeps
// its line breaks; nowrap: instants and sizes, kept on one line.
enum class DossierStyle { text, code, hash, note, nowrap };

struct DossierCell {
  std::string text;
  DossierStyle style = DossierStyle::text;
};

struct DossierSection {
  std::string id; // HTML anchor and class
  std::string title;
  std::vector<std::string> header; // empty: a two-column table of labelled fields
  std::vector<std::vector<DossierCell>> rows;
  std::string when_empty;
};

DossierCell dossier_code_cell(std::string text) {
  return {std::move(text), DossierStyle::code};
}

DossierCell dossier_time_cell(std::string text) {
  return {std::move(text), DossierStyle::nowrap};
}

std::string dossier_local_time(const Dossier& d, util::Instant at) {
  return util::format_local(at, d.zone);
}

std::string dossier_title(const Dossier& d) {
  return util::trf("Cancellation of {}: case {}", core::format_international(d.c.number), d.c.id);
}

DossierSection request_section(const Dossier& d) {
  const core::Case& c = d.c;
  DossierSection s{"request", _("The request"), {}, {}, {}};
  const auto field = [&](std::string label, DossierCell value) {
    s.rows.push_back({{std::move(label)}, std::move(value)});
  };
  field(_("Number"), {util::trf("{} (E.164 {})", core::format_international(c.number), c.number)});
  std::string op = c.operator_name;
  if (c.operator_inferred) {
    op += _(" (inferred from the number's prefix)");
  }
  if (!d.op.hotline.empty()) {
    op += util::trf("; hotline {}", d.op.hotline);
  }
  if (!d.op.website.empty()) {
    op += util::trf("; {}", d.op.website);
  }
  field(_("Operator"), {op});
  field(_("Card"), {std::string(core::name_of(c.card))});
  field(_("Channel"), {std::string(core::name_of(c.channel))});
  field(_("Requested on"), {util::format_date(c.requested_on)});
  field(_("Receipt reference"),
        c.receipt.empty() ? DossierCell{_("none recorded")} : dossier_code_cell(c.receipt));
  field(_("Status"), {util::trf("{} (as of {})", core::name_of(c.status),
                                dossier_local_time(d, d.produced_at))});
  if (c.next_check_on) {
    field(_("Next check"), {util::format_date(*c.next_check_on)});
  }
  if (c.follows) {
    field(_("Follows"), {util::trf("case {}, which was rejected", *c.follows)});
  }
  if (!c.note.empty()) {
    field(_("Note"), {c.note, DossierStyle::note});
  }
  field(_("Case"), dossier_code_cell(util::trf("{} (uuid {})", c.id, c.uuid)));
  field(_("Recorded"), {util::trf("{}; last changed {}", dossier_local_time(d, c.created_at),
                                  dossier_local_time(d, c.updated_at))});
  return s;
}

DossierSection checks_section(const Dossier& d) {
  DossierSection s{"checks",
                   util::trf("Checks ({})", d.checks.size()),
                   {"#", _("When"), _("Method"), _("Outcome"), _("Reference"), _("Note")},
                   {},
                   _("No check recorded yet.")};
  std::size_t n = 0;
  for (const auto& check : d.checks) {
    s.rows.push_back({{std::to_string(++n)},
                      dossier_time_cell(dossier_local_time(d, check.checked_at)),
                      {std::string(core::name_of(check.method))},
                      {std::string(core::name_of(check.outcome))},
                      dossier_code_cell(check.reference),
                      {check.note, DossierStyle::note}});
  }
  return s;
}

DossierSection checklist_section(const Dossier& d) {
  DossierSection s{"checklist", _("Checklist"), {_("Item"), _("Done"), _("Ticked")}, {}, {}};
  for (const auto item : core::applicable_items(d.c.card)) {
    std::string when;
    for (const auto& tick : d.ticks) {
      if (tick.item == item) {
        when = dossier_local_time(d, tick.ticked_at);
      }
    }
    s.rows.push_back({{std::string(core::name_of(item))},
                      {when.empty() ? _("no") : _("yes")},
                      dossier_time_cell(when.empty() ? std::string("-") : when)});
  }
  return s;
}

DossierSection files_section(const Dossier& d) {
  DossierSection s{"files",
                   util::trf("Receipt files ({})", d.files.size()),
                   {_("Name"), _("Type"), _("Size"), _("Added"), _("SHA-256")},
                   {},
                   _("No receipt file kept.")};
  for (const auto& f : d.files) {
    s.rows.push_back({{f.file.name},
                      {f.file.media_type},
                      dossier_time_cell(util::trf("{} bytes", f.file.size)),
                      dossier_time_cell(dossier_local_time(d, f.file.added_at)),
                      {f.file.sha256, DossierStyle::hash}});
  }
  return s;
}

DossierSection history_section(const Dossier& d) {
  DossierSection s{"history", _("History"), {_("When"), _("What")}, {}, {}};
  for (const auto& event : d.history) {
    s.rows.push_back({dossier_time_cell(dossier_local_time(d, event.at)), {describe_event(event)}});
  }
  return s;
}

std::vector<DossierSection> dossier_sections(const Dossier& d) {
  return {request_section(d), checks_section(d), checklist_section(d), files_section(d),
          history_section(d)};
}

std::string dossier_produced_line(const Dossier& d) {
  return util::trf("Produced by {} on {} ({}, {}). Local times are in {}.", d.producer,
                   dossier_local_time(d, d.produced_at), d.zone.name(),
                   util::format_utc(d.produced_at), d.zone.name());
}

std::string dossier_hash_note() {
  return _("Each receipt file is kept inside the cancelog database; its SHA-256 proves that a "
           "copy is the same file (check it with 'sha256sum FILE').");
}

// --- Markdown ---

std::string markdown_cell(const DossierCell& cell) {
  if (cell.text.empty()) {
    return "";
  }
  if (cell.style == DossierStyle::code || cell.style == DossierStyle::hash) {
    // A code span shows everything literally but a backtick; a pipe still ends a table cell.
    std::string text = util::one_line(cell.text);
    if (text.find('`') == std::string::npos && text.find('|') == std::string::npos) {
      return "`" + text + "`";
    }
  }
  return markdown_escape(cell.text);
}

void write_markdown_section(std::ostream& out, const DossierSection& s) {
  out << "\n## " << markdown_escape(s.title) << "\n\n";
  if (s.rows.empty()) {
    out << markdown_escape(s.when_empty) << '\n';
    return;
  }
  if (s.header.empty()) {
    for (const auto& row : s.rows) {
      out << "- **" << markdown_escape(row[0].text) << ":** " << markdown_cell(row[1]) << '\n';
    }
    return;
  }
  out << '|';
  for (const auto& h : s.header) {
    out << ' ' << markdown_escape(h) << " |";
  }
  out << "\n|";
  for (std::size_t i = 0; i < s.header.size(); ++i) {
    out << " --- |";
  }
  out << '\n';
  for (const auto& row : s.rows) {
    out << '|';
    for (const auto& cell : row) {
      out << ' ' << markdown_cell(cell) << " |";
    }
    out << '\n';
  }
}

// --- HTML ---

constexpr std::string_view k_dossier_css = R"css(
@page { size: A4; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
  font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 182mm; margin: 0 auto;
  padding: 10mm 0; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.subtitle { color: #444; margin: 0 0 5mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333;
  break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b4b4b4; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
#history td:last-child, td.note { overflow-wrap: anywhere; }
thead th { background: #ececec; }
table.fields th { width: 42mm; white-space: nowrap; background: #f5f5f5; font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 8.6pt;
  overflow-wrap: anywhere; }
.hash code, figcaption code { word-break: break-all; }
.note { white-space: pre-wrap; }
.nowrap { white-space: nowrap; }
.empty, .hint { color: #555; }
figure { margin: 4mm 0 0; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; max-width: 100%; max-height: 115mm; border: 1px solid #b4b4b4; }
figcaption { font-size: 9pt; color: #333; margin-top: 1mm; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid #999; font-size: 9pt;
  color: #333; }
@media print {
  body { padding: 0; max-width: none; }
  thead th, table.fields th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

void write_html_cell(std::ostream& out, const char* tag, const DossierCell& cell) {
  out << '<' << tag;
  if (cell.style == DossierStyle::note) {
    out << " class=\"note\"";
  } else if (cell.style == DossierStyle::nowrap) {
    out << " class=\"nowrap\"";
  } else if (cell.style == DossierStyle::hash) {
    out << " class=\"hash\"";
  }
  out << '>';
  if ((cell.style == DossierStyle::code || cell.style == DossierStyle::hash) &&
      !cell.text.empty()) {
    out << "<code>" << html_escape(cell.text) << "</code>";
  } else {
    out << html_escape(cell.text);
  }
  out << "</" << tag << '>';
}

void write_html_table(std::ostream& out, const DossierSection& s) {
  if (s.header.empty()) {
    out << "<table class=\"fields\">\n<tbody>\n";
    for (const auto& row : s.rows) {
      out << "<tr>";
      write_html_cell(out, "th", row[0]);
      write_html_cell(out, "td", row[1]);
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    return;
  }
  out << "<table>\n<thead>\n<tr>";
  for (const auto& h : s.header) {
    out << "<th>" << html_escape(h) << "</th>";
  }
  out << "</tr>\n</thead>\n<tbody>\n";
  for (const auto& row : s.rows) {
    out << "<tr>";
    for (const auto& cell : row) {
      write_html_cell(out, "td", cell);
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void write_html_images(std::ostream& out, const Dossier& d) {
  for (const auto& f : d.files) {
    if (f.content.empty() || !is_embeddable_image(f.file.media_type)) {
      continue;
    }
    out << "<figure>\n<img src=\"data:" << f.file.media_type << ";base64,"
        << util::base64_encode(f.content) << "\" alt=\"" << html_escape(f.file.name)
        << "\" />\n<figcaption>" << html_escape(f.file.name) << " · SHA-256 <code>"
        << html_escape(f.file.sha256) << "</code></figcaption>\n</figure>\n";
  }
}

} // namespace

bool is_embeddable_image(std::string_view media_type) {
  return media_type == "image/png" || media_type == "image/jpeg";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') ||
          ch == '\x7f') {
        out += "\xEF\xBF\xBD"; // U+FFFD
      } else {
        out += ch;
      }
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  // '#', '-', '+' and digits matter only at the start of a line, where no value is written.
  static constexpr std::string_view k_markdown_specials = "\\`*_[]<>|~&";
  std::string out;
  out.reserve(text.size());
  for (const char ch : util::one_line(text)) {
    if (k_markdown_specials.find(ch) != std::string_view::npos) {
      out += '\\';
    }
    out += ch;
  }
  return out;
}

void write_dossier_markdown(std::ostream& out, const Dossier& d) {
  out << "# " << markdown_escape(dossier_title(d)) << "\n\n"
      << markdown_escape(_("A record of a phone-line cancellation: the request, every status "
                           "check, the checklist, the receipt files and the full history."))
      << '\n';
  for (const auto& section : dossier_sections(d)) {
    write_markdown_section(out, section);
    if (section.id == "files" && !d.files.empty()) {
      out << '\n' << markdown_escape(dossier_hash_note()) << '\n';
    }
  }
  out << "\n---\n\n" << markdown_escape(dossier_produced_line(d)) << '\n';
}

void write_dossier_html(std::ostream& out, const Dossier& d) {
  const std::string title = dossier_title(d);
  // TRANSLATORS: the language tag (BCP 47) of the HTML dossier, e.g. zh-CN.
  out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(_("en")) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\" />\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
      << "<meta name=\"generator\" content=\"" << html_escape(d.producer) << "\" />\n"
      << "<title>" << html_escape(title) << "</title>\n"
      << "<style>" << k_dossier_css << "</style>\n</head>\n<body>\n"
      << "<h1>" << html_escape(title) << "</h1>\n<p class=\"subtitle\">"
      << html_escape(_("A record of a phone-line cancellation: the request, every status check, "
                       "the checklist, the receipt files and the full history."))
      << "</p>\n";
  for (const auto& section : dossier_sections(d)) {
    out << "<section id=\"" << section.id << "\">\n<h2>" << html_escape(section.title) << "</h2>\n";
    if (section.rows.empty()) {
      out << "<p class=\"empty\">" << html_escape(section.when_empty) << "</p>\n";
    } else {
      write_html_table(out, section);
    }
    if (section.id == "files" && !d.files.empty()) {
      out << "<p class=\"hint\">" << html_escape(dossier_hash_note()) << "</p>\n";
      write_html_images(out, d);
    }
    out << "</section>\n";
  }
  out << "<footer>" << html_escape(dossier_produced_line(d)) << "</footer>\n</body>\n</html>\n";
}

} // namespace cancelog::render
