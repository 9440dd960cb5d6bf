#include <catch2/catch.hpp>

#include "fixtures.hpp"

TEST_CASE("a minimal plan parses into one document with its sections", "[model]") {
  auto result =
      vnplan::test::parse_text("KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\nI. MỤC ĐÍCH\n- Một.\n");
  REQUIRE(result.documents.size() == 1);
  REQUIRE(result.documents[0].sections.size() == 1);
  CHECK(result.documents[0].sections[0].kind == "purpose");
}
