#pragma once

#include "core/model.hpp"
#include "util/time.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cancelog::render {

// A receipt file as the dossier shows it. `content` holds the bytes of the images that the
// HTML page embeds (see is_embeddable_image) and stays empty for other files.
struct DossierFile {
  core::ReceiptFile file;
  std::string content;
};

// Everything one dossier shows, read from the database by the `dossier` command.
struct Dossier {
  core::Case c;
  core::Operator op;               // for its hotline and website
  std::vector<core::Check> checks; // in time order
  std::vector<core::Tick> ticks;
  std::vector<DossierFile> files;
  std::vector<core::Event> history; // oldest first
  util::Instant produced_at{};
  util::TimeZone zone;  // local times are shown in this zone
  std::string producer; // "cancelog 0.1.0"
};

// True for the media types that the HTML dossier shows inline as images (PNG, JPEG).
bool is_embeddable_image(std::string_view media_type);

// Writes the dossier as Markdown (CommonMark with pipe tables).
void write_dossier_markdown(std::ostream& out, const Dossier& dossier);

// Writes the dossier as one self-contained HTML page (inline CSS, images as data: URIs) that
// is also well-formed XML, and prints on A4.
void write_dossier_html(std::ostream& out, const Dossier& dossier);

// Escapes text for HTML content and attribute values (& < > " '); control characters other
// than tab and line breaks, which XML does not allow, become U+FFFD.
std::string html_escape(std::string_view text);

// Escapes text for Markdown so that it shows as written (no emphasis, links, HTML or table
// breaks); line breaks become spaces.
std::string markdown_escape(std::string_view text);

} // namespace cancelog::render
