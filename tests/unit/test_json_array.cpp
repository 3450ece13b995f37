// util/json_array: reading a JSON array one element at a time.
#include "util/json_array.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace {

struct JsonArrayParsed {
  std::vector<std::string> elements;
  std::vector<std::size_t> lines;
  std::string error;
};

JsonArrayParsed json_array_parse(const std::string& text) {
  std::istringstream in(text);
  cancelog::util::JsonArrayReader reader(in);
  JsonArrayParsed out;
  const auto result = reader.read([&](nlohmann::ordered_json& element, std::size_t line) {
    out.elements.push_back(element.dump());
    out.lines.push_back(line);
    return true;
  });
  if (!result) {
    out.error = result.error();
  }
  return out;
}

} // namespace

TEST_CASE("json array: elements with the lines they start on", "[json_array]") {
  const auto parsed = json_array_parse("[\n  {\"b\": 1, \"a\": [1, {\"x\": null}]},\n  {\n"
                                       "    \"z\": \"中文\"\n  },\n  3, \"s\", [true]\n]\n");
  REQUIRE(parsed.error.empty());
  CHECK(parsed.elements == std::vector<std::string>{R"({"b":1,"a":[1,{"x":null}]})",
                                                    R"({"z":"中文"})", "3", "\"s\"", "[true]"});
  CHECK(parsed.lines == std::vector<std::size_t>{2, 3, 6, 6, 6});
}

TEST_CASE("json array: an empty array, a BOM", "[json_array]") {
  CHECK(json_array_parse("[]").elements.empty());
  CHECK(json_array_parse("\xEF\xBB\xBF[{}]").elements == std::vector<std::string>{"{}"});
}

TEST_CASE("json array: errors name the line", "[json_array]") {
  CHECK(json_array_parse("[\n{\"a\": 1},\n{\"a\": tru}\n]")
            .error.starts_with("line 3: the file is not valid JSON: "));
  CHECK(json_array_parse("[\n{\"a\": 1}\n").error.starts_with("line 3: the file is not valid "));
  CHECK(json_array_parse("{\"a\": 1}").error ==
        "line 1: the file is JSON but not a list of cases; import reads the output of 'cancelog "
        "export --format json --what all'");
  CHECK(json_array_parse("[1] [2]").error.starts_with("line 1: the file is not valid JSON"));
}

TEST_CASE("json array: the visit may stop the reading", "[json_array]") {
  std::istringstream in("[1, 2, 3]");
  cancelog::util::JsonArrayReader reader(in);
  std::size_t seen = 0;
  const auto result = reader.read([&](nlohmann::ordered_json&, std::size_t) { return ++seen < 2; });
  REQUIRE(result);
  CHECK(*result == 2);
}
