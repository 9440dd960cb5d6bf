// The scoring of the restoration evaluation (tools/eval): tokens and
// syllables, the one-to-one and aligned syllable accuracy, the alignment
// itself, and the plan items read from vnplan's JSON. Expected counts are
// worked out by hand in the comments.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fixtures.hpp"
#include "plan_items.hpp"
#include "syllables.hpp"

namespace {

using vnplan::eval::Token;

const vnplan::eval::Tokeniser& tokeniser() {
  static vnplan::eval::Tokeniser instance(*vnplan::test::grammar());
  return instance;
}

std::vector<Token> tokens(const std::string& text) { return tokeniser().tokens(text); }

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& token : tokens) out.push_back(token.text);
  return out;
}

std::size_t syllables(const std::vector<Token>& tokens) {
  std::size_t n = 0;
  for (const auto& token : tokens) n += token.syllable ? 1 : 0;
  return n;
}

// A plain LCS length, the whole table: the reference the aligner is checked against.
std::size_t reference_lcs(const std::vector<std::uint32_t>& a,
                          const std::vector<std::uint32_t>& b) {
  std::vector<std::vector<std::uint32_t>> table(a.size() + 1,
                                                std::vector<std::uint32_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1
                                         : std::max(table[i - 1][j], table[i][j - 1]);
  return table[a.size()][b.size()];
}

// Pairs increasing on both sides, each pairing equal tokens.
bool valid(const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
           const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    auto [i, j] = pairs[k];
    if (i >= a.size() || j >= b.size() || a[i] != b[j]) return false;
    if (k > 0 && (i <= pairs[k - 1].first || j <= pairs[k - 1].second)) return false;
  }
  return true;
}

// A deterministic stream of token ids (a linear congruential generator).
struct Ids {
  std::uint64_t state;
  std::uint32_t next(std::uint32_t vocabulary) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % vocabulary);
  }
};

}  // namespace

TEST_CASE("eval tokens: runs of letters and digits; syllables are letters only", "[eval]") {
  auto t = tokens("Năm 2025, tỷ lệ ≥ 80% (KH-UBND); s6 quyét.");
  CHECK(texts(t) ==
        std::vector<std::string>{"Năm", "2025", "tỷ", "lệ", "80", "KH", "UBND", "s6", "quyét"});
  // Năm, tỷ, lệ, KH, UBND, quyét: not the numbers, not "s6".
  CHECK(syllables(t) == 6);
  CHECK_FALSE(t[1].syllable);
  CHECK_FALSE(t[7].syllable);
  CHECK(t[0].lower == "năm");
  CHECK(tokens("").empty());
  CHECK(tokens(" .,;- \n").empty());
}

TEST_CASE("eval tokens: NFC and one tone placement, so spellings of one syllable compare equal",
          "[eval]") {
  // "hoà" (new style) is written "hòa" (the old style the grammar picks);
  // "Kế" in NFD (e, circumflex, acute) is its NFC form.
  CHECK(texts(tokens("hoà hòa hoạch")) == std::vector<std::string>{"hòa", "hòa", "hoạch"});
  CHECK(texts(tokens("Ke\xCC\x82\xCC\x81")) == std::vector<std::string>{"Kế"});
}

TEST_CASE("eval one to one: stripped text against its clean original", "[eval]") {
  auto clean = tokens("Kế hoạch số 02-CTr/TU của Đảng ủy tỉnh năm 2025.");
  // 12 tokens; 10 syllables: all but 02 and 2025.
  REQUIRE(clean.size() == 12);
  REQUIRE(syllables(clean) == 10);

  // As stripped: only CTr and TU, which have no diacritics, are right.
  auto stripped = vnplan::eval::compare_one_to_one(
      clean, tokens("Ke hoach so 02-CTr/TU cua Dang uy tinh nam 2025."));
  REQUIRE(stripped);
  CHECK(stripped->syllables == 10);
  CHECK(stripped->exact == 2);
  CHECK(stripped->exact_ignoring_case == 2);
  CHECK(stripped->share() == Approx(0.2));

  // Restored with two errors: "đảng" (right but for case) and "nam" (wrong).
  vnplan::eval::Confusions confusions;
  auto restored = vnplan::eval::compare_one_to_one(
      clean, tokens("Kế hoạch số 02-CTr/TU của đảng ủy tỉnh nam 2025."), &confusions);
  REQUIRE(restored);
  CHECK(restored->exact == 8);
  CHECK(restored->exact_ignoring_case == 9);
  CHECK(restored->share_ignoring_case() == Approx(0.9));
  CHECK(confusions == vnplan::eval::Confusions{{"Đảng", "đảng"}, {"năm", "nam"}});

  // Another number of tokens: no one-to-one comparison.
  CHECK_FALSE(vnplan::eval::compare_one_to_one(clean, tokens("Kế hoạch")));
}

TEST_CASE("eval alignment: a common subsequence of equal tokens", "[eval]") {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(vnplan::eval::align({1, 2, 3, 4, 5}, {1, 9, 3, 4, 8, 5}) ==
        Pairs{{0, 0}, {2, 2}, {3, 3}, {4, 5}});
  CHECK(vnplan::eval::align({}, {1, 2}).empty());
  CHECK(vnplan::eval::align({1, 2}, {}).empty());
  CHECK(vnplan::eval::align({1, 1, 1}, {1, 1}).size() == 2);
  CHECK(vnplan::eval::align({1, 2, 3}, {3, 2, 1}).size() == 1);
}

TEST_CASE("eval by alignment: OCR text, and restorations of it", "[eval]") {
  auto clean = tokens("Kế hoạch số 57-NQ/TW năm 2025 của Ban Thường vụ");
  // Syllables: Kế hoạch số NQ TW năm của Ban Thường vụ (not 57, 2025).
  REQUIRE(syllables(clean) == 10);

  // OCR without a Vietnamese model, a line break in the middle: of the
  // syllables only NQ, TW and Ban survive (57 and 2025 align too, but are
  // not syllables).
  auto ocr = vnplan::eval::compare_by_alignment(
      clean, tokens("Ké hoach s6 57-NQ/TW\nnim 2025 cia Ban Thuong vu"));
  CHECK(ocr.syllables == 10);
  CHECK(ocr.exact == 3);
  CHECK(ocr.exact_ignoring_case == 3);
  CHECK(ocr.in_any_order == 3);

  // A perfect restoration with OCR debris around it ("|", "~", a stray "i").
  auto debris = vnplan::eval::compare_by_alignment(
      clean, tokens("Kế hoạch số 57-NQ/TW | ~ năm 2025 của Ban Thường vụ i"));
  CHECK(debris.exact == 10);

  // "số" lost, "của" left as "cua", "KẾ HOẠCH" in capitals: 8 exact, and
  // ignoring case 9 (only "số" and "của" wrong).
  vnplan::eval::Confusions confusions;
  auto errors = vnplan::eval::compare_by_alignment(
      clean, tokens("KẾ HOẠCH 57-NQ/TW năm 2025 cua Ban Thường vụ"), &confusions);
  CHECK(errors.exact == 6);
  CHECK(errors.exact_ignoring_case == 8);
  // Read in another order (a table's cells): the alignment keeps "Kế" to "của"
  // (7 syllables); in any order all 10 are there.
  auto reordered = vnplan::eval::compare_by_alignment(
      clean, tokens("Ban Thường vụ Kế hoạch số 57-NQ/TW năm 2025 của"));
  CHECK(reordered.exact == 7);
  CHECK(reordered.in_any_order == 10);

  // Substitutions of equal-length stretches: "Kế hoạch số" against
  // "KẾ HOẠCH" is not one (3 against 2); "của" against "cua" is.
  CHECK(confusions == vnplan::eval::Confusions{{"của", "cua"}});
}

TEST_CASE("eval alignment: 40,000 tokens with substitutions and deletions, exact and fast",
          "[eval]") {
  // A text of 40,000 tokens over a vocabulary of 20,000 (so that some tokens
  // are found once); the damaged copy drops every 37th token and replaces
  // every 10th by a token found nowhere else. The best alignment keeps every
  // token that was neither dropped nor replaced, and no alignment can keep more.
  Ids ids{42};
  std::vector<std::uint32_t> clean, damaged;
  std::size_t kept = 0;
  for (std::uint32_t i = 0; i < 40000; ++i) {
    clean.push_back(ids.next(20000));
    if (i % 37 == 0) continue;
    if (i % 10 == 0) {
      damaged.push_back(1000000 + i);
    } else {
      damaged.push_back(clean.back());
      ++kept;
    }
  }
  auto pairs = vnplan::eval::align(clean, damaged);
  CHECK(pairs.size() == kept);
  CHECK(valid(pairs, clean, damaged));
}

TEST_CASE("eval alignment: a long stretch without a token found once is still exact", "[eval]") {
  // Three token values only: no anchor, 2,500 x 2,400 cells, more than the
  // whole-table limit, so Hirschberg's halving runs; checked against a plain LCS.
  Ids ids{7};
  std::vector<std::uint32_t> a, b;
  for (int i = 0; i < 2500; ++i) a.push_back(ids.next(3));
  for (int i = 0; i < 2400; ++i) b.push_back(ids.next(3));
  REQUIRE(a.size() * b.size() > vnplan::eval::kExactCells);
  auto pairs = vnplan::eval::align(a, b);
  CHECK(valid(pairs, a, b));
  CHECK(pairs.size() == reference_lcs(a, b));
}

TEST_CASE("eval plan items: keys from vnplan JSON, per document, folded", "[eval]") {
  const vnplan::Folder folder(*vnplan::test::grammar());
  auto json = nlohmann::json::parse(R"({
    "schema": "vnplan/1",
    "targets": [{"indicator": "Tỷ lệ hộ dân", "value": 80, "value_max": null,
                 "comparator": ">=", "unit": "%", "year": 2030}],
    "tasks": [{"text": "Xây dựng hạ tầng số", "lead": ["so-tt", "ubnd"]},
              {"text": "Đẩy mạnh  chuyển đổi số trong các cơ quan nhà nước", "lead": []}],
    "attachments": [{"targets": [], "tasks": [{"text": "Đào tạo nhân lực", "lead": []}]}]
  })");
  auto items = vnplan::eval::items_of_json(json, folder);
  CHECK(items.target_count == 1);
  CHECK(items.task_count == 3);
  CHECK(items.targets == vnplan::eval::Keys{{"doc0 | ty le ho dan | 80 | - | >= | % | 2030", 1}});
  // A task's key has the first 40 bytes of its folded text: "day manh chuyen
  // doi so trong cac co quan" is 40 bytes.
  CHECK(items.tasks == vnplan::eval::Keys{{"doc0 | xay dung ha tang so | so-tt ubnd", 1},
                                          {"doc0 | day manh chuyen doi so trong cac co quan |", 1},
                                          {"doc1 | dao tao nhan luc |", 1}});
  // The same keys with the text as written, cut where the folded text is cut.
  CHECK(items.exact_targets ==
        vnplan::eval::Keys{{"doc0 | Tỷ lệ hộ dân | 80 | - | >= | % | 2030", 1}});
  CHECK(items.exact_tasks ==
        vnplan::eval::Keys{{"doc0 | Xây dựng hạ tầng số | so-tt ubnd", 1},
                           {"doc0 | Đẩy mạnh chuyển đổi số trong các cơ quan |", 1},
                           {"doc1 | Đào tạo nhân lực |", 1}});

  // One task of three lost: tasks F1 = 2 * 2 / (3 + 2).
  auto fewer = items;
  fewer.tasks.erase("doc1 | dao tao nhan luc |");
  CHECK(vnplan::eval::f1(items.tasks, fewer.tasks) == Approx(0.8));
  CHECK(vnplan::eval::f1(items.targets, fewer.targets) == 1.0);
  CHECK(vnplan::eval::f1({}, {}) == 1.0);

  CHECK_THROWS(
      vnplan::eval::items_of_json(nlohmann::json::parse(R"({"schema": "other"})"), folder));
  CHECK_THROWS(vnplan::eval::items_of_json(
      nlohmann::json::parse(R"({"schema": "vnplan/1", "targets": [{}], "attachments": []})"),
      folder));
}

TEST_CASE("eval plan items: vnplan's JSON gives the keys of the parse it was written from",
          "[eval]") {
  const vnplan::Folder folder(*vnplan::test::grammar());
  std::string path =
      vnplan::test::source_dir() + "/corpora/an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.txt";
  vnplan::ParseResult result = vnplan::test::parse_text(vnplan::test::read_file(path), path);
  std::ostringstream json;
  vnplan::write_json(result, false, json);
  auto from_json = vnplan::eval::items_of_json(nlohmann::json::parse(json.str()), folder);
  auto direct = vnplan::eval::items_of(result, folder);
  CHECK(direct.task_count > 0);
  CHECK(from_json.targets == direct.targets);
  CHECK(from_json.tasks == direct.tasks);
  CHECK(from_json.exact_tasks == direct.exact_tasks);
}

TEST_CASE("eval close match: same fields, texts alike, one to one", "[eval]") {
  using vnplan::eval::ItemRecord;
  CHECK(vnplan::eval::similarity("", "") == 1.0);
  CHECK(vnplan::eval::similarity("abcd", "abcd") == 1.0);
  CHECK(vnplan::eval::similarity("abcd", "abxd") == Approx(0.75));
  CHECK(vnplan::eval::similarity("abc", "") == 0.0);

  std::vector<ItemRecord> clean{{"doc0 | 80 | %", "ty le ho gia dinh co cap quang"},
                                {"doc0 | 80 | %", "ty le xa co diem phuc vu"},
                                {"doc0 | 5 | %", "ty le ho gia dinh co cap quang"}};
  // One letter read wrong: still found. Another value: not the same target.
  std::vector<ItemRecord> ocr{{"doc0 | 80 | %", "ty le ho gia dinh co cap quaug"},
                              {"doc0 | 8 | %", "ty le xa co diem phuc vu"},
                              {"doc0 | 5 | %", "ty le ho gia dinh co cap quang"}};
  CHECK(vnplan::eval::close_common_count(clean, ocr) == 2);
  // An item matches once, even when two are close to it.
  std::vector<ItemRecord> twice{{"doc0 | 80 | %", "ty le ho gia dinh co cap quang"},
                                {"doc0 | 80 | %", "ty le ho gia dinh co cap quang"}};
  CHECK(vnplan::eval::close_common_count(twice, {twice[0]}) == 1);
  // A text far from it is another item.
  CHECK(vnplan::eval::close_common_count({clean[1]}, {{"doc0 | 80 | %", "so doanh nghiep"}}) == 0);
}
