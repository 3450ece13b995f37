#include "util/media.hpp"

#include <catch2/catch.hpp>
#include <string>

using cancelog::util::media_type;

TEST_CASE("media_type tells the type from the bytes", "[media]") {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);
  CHECK(media_type(png) == "image/png");
  const std::string jpeg("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
  CHECK(media_type(jpeg) == "image/jpeg");
  CHECK(media_type("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n") ==
        "application/pdf");
  CHECK(media_type("Receipt AZC-778812\nthank you\n") == "text/plain");
}

TEST_CASE("media_type ignores what a name would suggest and falls back to octet-stream",
          "[media]") {
  const std::string noise("\x01\x02\x03\x04\xfe\xfd\xfc\x00\x9a\x7f", 10);
  CHECK(media_type(noise) == "application/octet-stream");
}
