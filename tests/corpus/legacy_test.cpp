// Legacy encodings, end to end: a corpus document written in TCVN3 and in
// VNI-Windows (raw 8-bit, and as the Windows-1252 look-alike saved as UTF-8;
// tools/make-legacy-fixtures.sh) parses to the same model as the Unicode file:
// the whole JSON result without the source block, the diagnostics and the
// positions (spans, lines), which count bytes of a different text.
//
// VNI keeps every capital, so its model must be identical. TCVN3 has no byte
// for most accented capitals ("Ủ", "Ứ"): the read stage puts them back from
// the words around them and at sentence starts, but a capital inside a
// sentence ("của Ủy ban") is not in the bytes; TCVN3 is compared without case,
// and the strings that differ in case only are counted and bounded.
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/fixtures.hpp"

namespace {

using nlohmann::json;

const std::string kDocument = "an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU";

// Drops what counts bytes or lines of the text read, which conversion changes.
void drop_positions(json& value) {
  if (value.is_object()) {
    for (const char* key :
         {"span", "spans", "line", "start", "end", "source_line", "lines", "table_row", "mentions"})
      value.erase(key);
    for (auto& [key, item] : value.items()) drop_positions(item);
  } else if (value.is_array()) {
    for (auto& item : value) drop_positions(item);
  }
}

json model_of(const vnplan::ReadResult& read) {
  REQUIRE(read.ok());
  vnplan::ParseResult result = vnplan::test::engine().parse(*read.file);
  std::ostringstream out;
  vnplan::write_json(result, false, out);
  json model = json::parse(out.str());
  model.erase("source");
  model.erase("diagnostics");
  model.erase("normalisation");
  drop_positions(model);
  return model;
}

std::string lower(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toLower().toUTF8String(out);
  return out;
}

// Strings of `a` and `b` at the same place that differ; `without_case` also
// counts those equal once lower-cased, in `case_only`.
void compare(const json& a, const json& b, const std::string& where, bool without_case,
             std::size_t& differ, std::size_t& case_only) {
  if (a.type() != b.type()) {
    ++differ;
    UNSCOPED_INFO("type differs at " << where);
    return;
  }
  if (a.is_object()) {
    for (auto& [key, item] : a.items()) {
      if (!b.contains(key)) {
        ++differ;
        UNSCOPED_INFO("missing " << where << "/" << key);
        continue;
      }
      compare(item, b.at(key), where + "/" + key, without_case, differ, case_only);
    }
    for (auto& [key, item] : b.items())
      if (!a.contains(key)) {
        ++differ;
        UNSCOPED_INFO("extra " << where << "/" << key);
      }
  } else if (a.is_array()) {
    if (a.size() != b.size()) {
      ++differ;
      UNSCOPED_INFO("size " << a.size() << " vs " << b.size() << " at " << where);
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      compare(a[i], b[i], where + "/" + std::to_string(i), without_case, differ, case_only);
  } else if (a != b) {
    if (without_case && a.is_string() &&
        lower(a.get<std::string>()) == lower(b.get<std::string>())) {
      ++case_only;
    } else {
      ++differ;
      UNSCOPED_INFO(where << ": " << a.dump() << " vs " << b.dump());
    }
  }
}

std::size_t strings_in(const json& value) {
  if (value.is_string()) return 1;
  std::size_t n = 0;
  if (value.is_structured())
    for (const auto& item : value) n += strings_in(item);
  return n;
}

}  // namespace

TEST_CASE("a TCVN3 or VNI version of a corpus plan parses to the Unicode plan's model",
          "[corpus][legacy]") {
  std::string dir = vnplan::test::source_dir();
  std::string original_path = dir + "/corpora/" + kDocument + ".txt";
  json original =
      model_of(vnplan::check_source(original_path, vnplan::test::read_file(original_path)));
  REQUIRE(original.contains("sections"));

  struct Form {
    const char* suffix;
    const char* encoding;
    bool without_case;
  };
  for (Form form : {Form{"tcvn3", "tcvn3", true}, Form{"tcvn3-1252", "tcvn3", true},
                    Form{"vni", "vni-windows", false}, Form{"vni-1252", "vni-windows", false}}) {
    DYNAMIC_SECTION(form.suffix) {
      std::string path = dir + "/tests/fixtures/legacy/" + kDocument + "." + form.suffix + ".txt";
      vnplan::ReadResult read = vnplan::check_source(path, vnplan::test::read_file(path));
      REQUIRE(read.ok());
      CHECK(read.file->encoding == form.encoding);
      CHECK(read.file->is_converted());
      CHECK_FALSE(read.file->anchors.empty());
      json model = model_of(read);
      std::size_t differ = 0, case_only = 0;
      compare(original, model, "", form.without_case, differ, case_only);
      CHECK(differ == 0);
      // Figure: how many strings of the model lost a capital (TCVN3 only).
      std::size_t strings = strings_in(original);
      std::cout << "[legacy] " << form.suffix << ": " << strings << " strings, " << differ
                << " differ, " << case_only << " differ in case only\n";
      if (!form.without_case) CHECK(case_only == 0);
      CHECK(case_only * 20 <= strings);  // at most 5% of the strings
    }
  }
}

TEST_CASE("clean UTF-8 corpora are never converted", "[corpus][legacy]") {
  std::string dir = vnplan::test::source_dir() + "/corpora/";
  for (const char* name :
       {"an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.txt", "quang-ngai-tra-cau-06-KH-DU.ocr.txt",
        "tien-giang-69-KH-UBND.txt", "vinh-long-btv-tinh-uy-ke-hoach-57.md",
        "yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.md"}) {
    INFO(name);
    vnplan::ReadResult read = vnplan::check_source(name, vnplan::test::read_file(dir + name));
    REQUIRE(read.ok());
    CHECK(read.file->encoding == "utf-8");
    CHECK(read.file->anchors.empty());
    for (const auto& note : read.file->notes) CHECK(note.code.rfind("read.", 0) != 0);
  }
}
