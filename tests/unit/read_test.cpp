// Stage 1, read: what is accepted and how refusals are reported.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using vnplan::check_source;

TEST_CASE("read refuses empty, binary and invalid UTF-8 input with a position", "[read]") {
  auto empty = check_source("empty.txt", "");
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.error->to_string(), Catch::Contains("empty.txt") && Catch::Contains("empty"));

  auto binary = check_source("blob.bin", std::string("ab\ncd\0ef", 8));
  REQUIRE_FALSE(binary.ok());
  CHECK(*binary.error->offset == 5);
  CHECK(*binary.error->line == 2);
  CHECK_THAT(binary.error->message, Catch::Contains("NUL"));

  auto invalid = check_source("bad.txt", "Kế hoạch\nxin \xff chào");
  REQUIRE_FALSE(invalid.ok());
  CHECK(*invalid.error->offset == 17);  // "Kế hoạch\n" is 13 bytes, "xin " 4
  CHECK(*invalid.error->line == 2);
  CHECK_THAT(invalid.error->to_string(), Catch::Contains("bad.txt:2: byte 17"));

  CHECK_FALSE(check_source("t.txt", "\xC0\x80").ok());      // overlong
  CHECK_FALSE(check_source("t.txt", "\xED\xA0\x80").ok());  // surrogate
  CHECK_FALSE(check_source("t.txt", "abc \xE1\xBA").ok());  // truncated at the end
}

TEST_CASE("read refuses a file of white space alone, BOM or not", "[read]") {
  for (std::string text : {std::string(" \n\t\r\n"), std::string("\xEF\xBB\xBF\n  ")}) {
    auto result = check_source("blank.txt", text);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.error->message, Catch::Contains("no text"));
  }
}

TEST_CASE("read refuses a line longer than the limit", "[read]") {
  std::string line(vnplan::kMaxLineBytes + 10, 'a');
  auto result = check_source("long.txt", "ok\n" + line);
  REQUIRE_FALSE(result.ok());
  CHECK(*result.error->line == 2);
  CHECK_THAT(result.error->message, Catch::Contains("longer than"));
}

TEST_CASE("read accepts BOM and CRLF, keeps the bytes, and labels the format", "[read]") {
  auto result = check_source("plan.txt", "\xEF\xBB\xBFKẾ HOẠCH\r\nI. MỤC ĐÍCH\r\n");
  REQUIRE(result.ok());
  CHECK(result.file->bytes.size() ==
        3 + 12 + 2 + 15 + 2);  // BOM, "KẾ HOẠCH", CRLF, "I. MỤC ĐÍCH", CRLF
  CHECK(result.file->format == vnplan::SourceFormat::text);
  CHECK(check_source("plan.md", "# x\n").file->format == vnplan::SourceFormat::markdown);
}

TEST_CASE("sha256 matches the FIPS 180-4 examples", "[read]") {
  CHECK(vnplan::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(vnplan::sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(vnplan::sha256_hex(std::string(1000, 'a')).substr(0, 16) == "41edece42d63e8d9");
}

TEST_CASE("expand_inputs reports a missing path and an empty directory", "[read]") {
  auto missing = vnplan::read_source("/nonexistent/plan.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error->to_string(),
             Catch::Contains("/nonexistent/plan.txt") && Catch::Contains("no such file"));
  auto corpora = vnplan::expand_inputs({vnplan::test::source_dir() + "/corpora"});
  CHECK(corpora.errors.empty());
  CHECK(corpora.paths.size() >= 5);
}
