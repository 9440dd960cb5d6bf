#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fixtures.hpp"

TEST_CASE("a minimal plan parses into one document with its sections", "[model]") {
  auto result =
      vnplan::test::parse_text("KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\nI. MỤC ĐÍCH\n- Một.\n");
  REQUIRE(result.documents.size() == 1);
  REQUIRE(result.documents[0].sections.size() == 1);
  CHECK(result.documents[0].sections[0].kind == "purpose");
}

// The read stage lets only valid UTF-8 through; should a later stage still cut
// a character in two, the JSON must stay JSON.
TEST_CASE("JSON output stays valid UTF-8 when a text holds a cut character", "[model][export]") {
  auto result = vnplan::test::parse_text("KẾ HOẠCH\nI. MỤC ĐÍCH\n- Một.\n");
  REQUIRE(!result.documents.empty());
  result.documents[0].sections[0].title = std::string("MỤC \xC4") + " ĐÍCH";  // "Đ" cut
  std::ostringstream json;
  vnplan::write_json(result, false, json);
  auto parsed = nlohmann::json::parse(json.str());  // throws on invalid UTF-8
  CHECK(parsed["sections"][0]["title"] == "MỤC \xEF\xBF\xBD ĐÍCH");
}
