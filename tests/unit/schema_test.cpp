// The output schema (docs/schema/vnplan-1.schema.json): the test validator on
// small hand-made schemas, then every corpus file's real output against it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "schema_validator.hpp"

using nlohmann::json;
using vnplan::test::validate;

namespace {

const json& output_schema() {
  static const json schema = json::parse(
      vnplan::test::read_file(vnplan::test::source_dir() + "/docs/schema/vnplan-1.schema.json"));
  return schema;
}

json parse_to_json(const std::string& text, const std::string& path) {
  return json::parse(
      vnplan::to_json(vnplan::test::engine().parse(vnplan::test::source_from(text, path)), false));
}

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(vnplan::test::source_dir() + "/corpora")) {
    std::string name = entry.path().filename().string();
    std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".txt" || extension == ".md") &&
        name != "README.md")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const std::string& e) { return e.find(text) != std::string::npos; });
}

}  // namespace

// --- The validator itself -------------------------------------------------

TEST_CASE("validator: a value of the wrong type is reported with its pointer",
          "[schema][validator]") {
  json schema = {{"type", "object"}, {"properties", {{"n", {{"type", "integer"}}}}}};
  CHECK(validate(schema, {{"n", 3}}).empty());
  auto errors = validate(schema, {{"n", "three"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("/n: expected integer", 0) == 0);
  CHECK(validate(schema, json::array()).size() == 1);
  CHECK(validate(schema, json::array())[0].rfind("(root): ", 0) == 0);
}

TEST_CASE("validator: integer and number", "[schema][validator]") {
  json integer = {{"type", "integer"}};
  json number = {{"type", "number"}};
  CHECK(validate(integer, 7).empty());
  CHECK(validate(integer, json(2.0)).empty());  // 2.0 is an integer in JSON Schema
  CHECK(validate(integer, 2.5).size() == 1);
  CHECK(validate(number, 2.5).empty());
  CHECK(validate(number, 7).empty());
  CHECK(validate(number, "7").size() == 1);
}

TEST_CASE("validator: a missing required property", "[schema][validator]") {
  json schema = {{"type", "object"}, {"required", {"a", "b"}}};
  CHECK(validate(schema, {{"a", 1}, {"b", 2}}).empty());
  auto errors = validate(schema, {{"a", 1}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "(root): missing required property 'b'");
}

TEST_CASE("validator: an extra property when additionalProperties is false",
          "[schema][validator]") {
  json schema = {{"type", "object"},
                 {"properties", {{"a", {{"type", "integer"}}}}},
                 {"additionalProperties", false}};
  CHECK(validate(schema, {{"a", 1}}).empty());
  auto errors = validate(schema, {{"a", 1}, {"zz", 2}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "(root): unexpected property 'zz'");
  schema["additionalProperties"] = true;
  CHECK(validate(schema, {{"a", 1}, {"zz", 2}}).empty());
}

TEST_CASE("validator: enum", "[schema][validator]") {
  json schema = {{"enum", {"pipe", "linear", nullptr}}};
  CHECK(validate(schema, "pipe").empty());
  CHECK(validate(schema, nullptr).empty());
  auto errors = validate(schema, "grid");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "(root): \"grid\" is not one of [\"pipe\",\"linear\",null]");
}

TEST_CASE("validator: a nullable type", "[schema][validator]") {
  json schema = {{"type", {"string", "null"}}};
  CHECK(validate(schema, "x").empty());
  CHECK(validate(schema, nullptr).empty());
  auto errors = validate(schema, 5);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "(root): expected string or null, got number 5");
}

TEST_CASE("validator: $ref into $defs, with the keywords beside it", "[schema][validator]") {
  json schema = json::parse(R"({
    "$defs": {
      "point": {"properties": {"x": {"type": "integer"}}, "required": ["x"], "additionalProperties": false}
    },
    "type": "object",
    "properties": {
      "p": {"$ref": "#/$defs/point", "type": "object"},
      "q": {"$ref": "#/$defs/point", "type": ["object", "null"]}
    }
  })");
  CHECK(validate(schema, {{"p", {{"x", 1}}}, {"q", nullptr}}).empty());
  CHECK(validate(schema, {{"p", nullptr}}) ==
        std::vector<std::string>{"/p: expected object, got null null"});
  auto errors = validate(schema, {{"q", {{"x", "1"}, {"y", 2}}}});
  REQUIRE(errors.size() == 2);
  CHECK(mentions(errors, "/q/x: expected integer"));
  CHECK(mentions(errors, "/q: unexpected property 'y'"));
  CHECK(mentions(validate({{"$ref", "#/$defs/missing"}}, 1), "$ref #/$defs/missing not found"));
  CHECK(mentions(validate({{"$ref", "#/$defs/a"}, {"$defs", {{"a", {{"$ref", "#/$defs/a"}}}}}}, 1),
                 "too deep"));
}

TEST_CASE("validator: items, with the index in the pointer", "[schema][validator]") {
  json schema = {{"type", "array"}, {"items", {{"type", "string"}}}};
  CHECK(validate(schema, json::array()).empty());
  CHECK(validate(schema, {"a", "b"}).empty());
  auto errors = validate(schema, {"a", 2, "c", false});
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("/1: ", 0) == 0);
  CHECK(errors[1].rfind("/3: ", 0) == 0);
}

TEST_CASE("validator: minimum and maximum", "[schema][validator]") {
  json schema = {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
  CHECK(validate(schema, 0).empty());
  CHECK(validate(schema, 1).empty());
  CHECK(validate(schema, 0.5).empty());
  CHECK(validate(schema, -1) == std::vector<std::string>{"(root): -1 is less than the minimum 0"});
  CHECK(validate(schema, 1.5) ==
        std::vector<std::string>{"(root): 1.5 is greater than the maximum 1"});
  CHECK(validate({{"minimum", 1}}, "not a number").empty());  // bounds apply to numbers only
}

TEST_CASE("validator: nested pointers escape '~' and '/'", "[schema][validator]") {
  json schema = {{"properties", {{"a/b", {{"properties", {{"c~d", {{"type", "string"}}}}}}}}}};
  auto errors = validate(schema, {{"a/b", {{"c~d", 1}}}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("/a~1b/c~0d: ", 0) == 0);
}

TEST_CASE("validator: keywords it does not implement are errors, not silently ignored",
          "[schema][validator]") {
  auto errors = validate({{"type", "string"}, {"pattern", "^a"}}, "b");
  REQUIRE(errors.size() == 1);
  CHECK(mentions(errors, "unsupported keyword 'pattern'"));
  CHECK(mentions(validate({{"additionalProperties", {{"type", "string"}}}}, json::object()),
                 "only a boolean additionalProperties"));
}

// --- The output schema ----------------------------------------------------

TEST_CASE("schema: every corpus file's output validates", "[schema][corpus]") {
  auto files = corpus_files();
  REQUIRE(files.size() >= 5);
  for (const auto& path : files) {
    INFO(path);
    json output = parse_to_json(vnplan::test::read_file(path), path);
    auto errors = validate(output_schema(), output);
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(errors.empty());
  }
}

TEST_CASE("schema: tiny synthetic inputs validate", "[schema]") {
  // (White space alone is refused by the read stage: see read_test.cpp.)
  for (std::string text : {"Xin chào", "Xin chào\n", "1.\n",
                           "KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\nI. MỤC ĐÍCH\n- Một.\n"}) {
    INFO(text);
    auto errors = validate(output_schema(), parse_to_json(text, "test.txt"));
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(errors.empty());
  }
}

TEST_CASE("schema: drift in the output is caught", "[schema]") {
  // The dispatch with its attached plan: the output with an attachment, tables and horizons.
  std::string path =
      vnplan::test::source_dir() + "/corpora/yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.md";
  json output = parse_to_json(vnplan::test::read_file(path), path);
  REQUIRE(validate(output_schema(), output).empty());
  REQUIRE(output["attachments"].size() == 1);
  REQUIRE(!output["attachments"][0]["tables"].empty());

  json changed = output;
  changed["attachments"][0]["document"]["extra"] = 1;
  changed["sections"][0]["kind"] = "preface";
  changed["attachments"][0]["tables"][0]["rows"][0]["cells"][0].erase("span");
  changed["coverage"] = 1.5;
  changed.erase("diagnostics");
  auto errors = validate(output_schema(), changed);
  CHECK(errors.size() == 5);
  CHECK(mentions(errors, "/attachments/0/document: unexpected property 'extra'"));
  CHECK(mentions(errors, "/sections/0/kind: \"preface\" is not one of"));
  CHECK(
      mentions(errors, "/attachments/0/tables/0/rows/0/cells/0: missing required property 'span'"));
  CHECK(mentions(errors, "/coverage: 1.5 is greater than the maximum 1"));
  CHECK(mentions(errors, "(root): missing required property 'diagnostics'"));
}
