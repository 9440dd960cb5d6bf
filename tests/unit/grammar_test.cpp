// Grammar loading: validation errors name the file, the line and the offset.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"

namespace fs = std::filesystem;

namespace {

// A copy of the real grammar directory in a temporary folder, to break on purpose.
fs::path copy_grammars(const std::string& name) {
  fs::path target = fs::temp_directory_path() / ("vnplan-grammar-" + name);
  fs::remove_all(target);
  fs::copy(vnplan::test::source_dir() + "/grammars", target, fs::copy_options::recursive);
  return target;
}

}  // namespace

TEST_CASE("the shipped grammar loads and exposes its patterns", "[grammar]") {
  auto grammar = vnplan::test::grammar();
  CHECK_FALSE(grammar->patterns("structure/markers.re").empty());
  const auto& kinds = grammar->pattern("structure/section_kinds.re", "purpose");
  CHECK(kinds.matches_at_start("muc dich"));
}

TEST_CASE("a pattern that does not compile stops loading with file, line and offset", "[grammar]") {
  fs::path dir = copy_grammars("bad-pattern");
  std::ofstream(dir / "structure/section_kinds.re.tsv", std::ios::app) << "broken\t(unclosed\n";
  try {
    vnplan::Grammar::load(dir.string());
    FAIL("expected a GrammarError");
  } catch (const vnplan::GrammarError& error) {
    std::string message = error.what();
    CHECK_THAT(message, Catch::Contains("section_kinds.re.tsv:"));
    CHECK_THAT(message, Catch::Contains("offset"));
    CHECK(error.line() > 1);
  }
  fs::remove_all(dir);
}

TEST_CASE("a missing required file or a line without a tab is reported", "[grammar]") {
  fs::path dir = copy_grammars("missing");
  fs::remove(dir / "structure/markers.re.tsv");
  CHECK_THROWS_WITH(vnplan::Grammar::load(dir.string()),
                    Catch::Contains("markers.re") && Catch::Contains("missing"));
  fs::remove_all(dir);

  dir = copy_grammars("no-tab");
  std::ofstream(dir / "fold/characters.tsv", std::ios::app) << "no tab here\n";
  CHECK_THROWS_WITH(vnplan::Grammar::load(dir.string()),
                    Catch::Contains("characters.tsv:") && Catch::Contains("TAB"));
  fs::remove_all(dir);

  CHECK_THROWS_AS(vnplan::Grammar::load("/nonexistent-grammar-dir"), vnplan::GrammarError);
}

TEST_CASE("an OCR list letter that is no list letter stops the engine with file and line",
          "[grammar]") {
  fs::path dir = copy_grammars("bad-ocr-letter");
  std::ofstream(dir / "structure/ocr_letters.tsv", std::ios::app) << "7\tz\n";
  auto grammar = vnplan::Grammar::load(dir.string());
  CHECK_THROWS_WITH(vnplan::Engine(grammar),
                    Catch::Contains("ocr_letters.tsv:") && Catch::Contains("LETTER"));
  fs::remove_all(dir);
}
