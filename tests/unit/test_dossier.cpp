#include "render/dossier.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace {

using namespace cancelog;

util::Instant dossier_instant(const char* text) {
  return *util::parse_utc(text);
}

// A case with hostile text in every free-text field.
render::Dossier sample_dossier() {
  render::Dossier d;
  d.c.id = 7;
  d.c.uuid = "0b0c8d8e-0f3a-4d5e-9a7b-1c2d3e4f5a6b";
  d.c.number = "+994501234567";
  d.c.number_raw = "050 123 45 67";
  d.c.operator_name = "Azercell";
  d.c.operator_inferred = true;
  d.c.channel = core::Channel::store;
  d.c.card = core::Card::postpaid;
  d.c.requested_on = *util::parse_iso_date("2026-03-01");
  d.c.receipt = "AZC|77<88>";
  d.c.status = core::Status::pending;
  d.c.note = "<script>alert(\"x\")</script> & 'quotes'\nsecond *line*";
  d.c.created_at = dossier_instant("2026-03-01T08:00:00Z");
  d.c.updated_at = dossier_instant("2026-03-03T08:00:00Z");
  d.op.name = "Azercell";
  d.op.hotline = "*1111";
  d.op.website = "azercell.com";

  core::Check first;
  first.checked_at = dossier_instant("2026-03-02T09:30:00Z");
  first.method = core::Method::phone;
  first.outcome = core::Outcome::no_answer;
  first.reference = "agent_Leyla";
  core::Check second;
  second.checked_at = dossier_instant("2026-03-03T07:00:00Z");
  second.method = core::Method::store;
  second.outcome = core::Outcome::pending;
  second.reference = "T-42 [b]";
  d.checks = {first, second};

  d.ticks = {{core::ChecklistItem::receipt_kept, dossier_instant("2026-03-01T08:00:00Z")}};

  render::DossierFile png;
  png.file.name = "photo <1>.png";
  png.file.media_type = "image/png";
  png.file.size = 3;
  png.file.sha256 = std::string(64, 'a');
  png.content = "foo";
  render::DossierFile pdf;
  pdf.file.name = "letter.pdf";
  pdf.file.media_type = "application/pdf";
  pdf.file.size = 9;
  pdf.file.sha256 = std::string(64, 'b');
  d.files = {png, pdf};

  core::Event added;
  added.at = d.c.created_at;
  added.case_id = 7;
  added.kind = "case.add";
  added.new_json = R"({"number":"+994501234567","operator":"Azercell","channel":"store",)"
                   R"("requested_on":"2026-03-01"})";
  d.history = {added};

  d.produced_at = dossier_instant("2026-03-04T10:00:00Z");
  d.producer = "cancelog 9.9";
  return d;
}

std::string dossier_html(const render::Dossier& d) {
  std::ostringstream out;
  render::write_dossier_html(out, d);
  return out.str();
}

std::string dossier_markdown(const render::Dossier& d) {
  std::ostringstream out;
  render::write_dossier_markdown(out, d);
  return out.str();
}

} // namespace

TEST_CASE("html_escape escapes markup and drops characters XML forbids", "[dossier]") {
  CHECK(render::html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(render::html_escape("tab\tline\nend") == "tab\tline\nend");
  CHECK(render::html_escape(std::string("x\x01y", 3)) == "x\xEF\xBF\xBDy");
  CHECK(render::html_escape("Баку 巴库") == "Баку 巴库");
}

TEST_CASE("markdown_escape keeps text literal and on one line", "[dossier]") {
  CHECK(render::markdown_escape("a*b_c|d") == "a\\*b\\_c\\|d");
  CHECK(render::markdown_escape("![x](y) <b> `c` #1") == "!\\[x\\](y) \\<b\\> \\`c\\` #1");
  CHECK(render::markdown_escape("one\ntwo") == "one two");
}

TEST_CASE("the HTML dossier escapes every user text", "[dossier]") {
  const std::string html = dossier_html(sample_dossier());
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;") !=
        std::string::npos);
  CHECK(html.find("AZC|77&lt;88&gt;") != std::string::npos);
  CHECK(html.find("photo &lt;1&gt;.png") != std::string::npos);
}

TEST_CASE("the HTML dossier holds the request, each check in order and each hash", "[dossier]") {
  const std::string html = dossier_html(sample_dossier());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("+994 50 123 45 67 (E.164 +994501234567)") != std::string::npos);
  CHECK(html.find("hotline *1111") != std::string::npos);
  const auto first = html.find("agent_Leyla");
  const auto second = html.find("T-42 [b]");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  CHECK(html.find("no-answer") != std::string::npos);
  CHECK(html.find(std::string(64, 'a')) != std::string::npos);
  CHECK(html.find(std::string(64, 'b')) != std::string::npos);
  CHECK(html.find("final-bill-settled") != std::string::npos); // postpaid
  CHECK(html.find("#7 added: +994501234567, Azercell, store") != std::string::npos);
  CHECK(html.find("Produced by cancelog 9.9 on 2026-03-04 10:00 (UTC, 2026-03-04T10:00:00Z)") !=
        std::string::npos);
}

TEST_CASE("the HTML dossier embeds PNG and JPEG images only", "[dossier]") {
  const std::string html = dossier_html(sample_dossier());
  CHECK(html.find("<img src=\"data:image/png;base64,Zm9v\" alt=\"photo &lt;1&gt;.png\" />") !=
        std::string::npos);
  CHECK(html.find("data:application/pdf") == std::string::npos);
  CHECK(render::is_embeddable_image("image/jpeg"));
  CHECK_FALSE(render::is_embeddable_image("image/svg+xml")); // may carry scripts
}

TEST_CASE("the Markdown dossier carries the same facts, escaped", "[dossier]") {
  const std::string md = dossier_markdown(sample_dossier());
  CHECK(md.rfind("# Cancellation of +994 50 123 45 67: case 7\n", 0) == 0);
  CHECK(md.find("- **Receipt reference:** AZC\\|77\\<88\\>") != std::string::npos);
  CHECK(md.find("\\<script\\>alert(\"x\")\\</script\\> \\& 'quotes' second \\*line\\*") !=
        std::string::npos);
  CHECK(md.find("| 1 | 2026-03-02 09:30 | phone | no-answer | `agent_Leyla` |  |") !=
        std::string::npos);
  CHECK(md.find("| 2 | 2026-03-03 07:00 | store | pending | `T-42 [b]` |  |") != std::string::npos);
  CHECK(md.find("`" + std::string(64, 'a') + "`") != std::string::npos);
  CHECK(md.find("data:") == std::string::npos);
}

TEST_CASE("a dossier without checks or files says so", "[dossier]") {
  render::Dossier d = sample_dossier();
  d.checks.clear();
  d.files.clear();
  const std::string md = dossier_markdown(d);
  CHECK(md.find("No check recorded yet.") != std::string::npos);
  CHECK(md.find("No receipt file kept.") != std::string::npos);
}
