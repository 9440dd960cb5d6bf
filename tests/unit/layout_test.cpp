// Page layout (src/read/layout.cpp) on pages of words placed by hand: the
// geometry OCR gives, with its uneven baselines, and a PDF's exact one.
#include "../../src/read/layout.hpp"

#include <catch2/catch.hpp>

namespace {

using vnplan::internal::Line;
using vnplan::internal::Page;
using vnplan::internal::Word;

constexpr float kSize = 12;  // font size, points
constexpr float kStep = 14;  // baseline to baseline inside a cell

// Words of one line, each given by its left edge; `drop` lowers the baseline
// (an OCR line whose baseline came out a little off).
void add_line(std::vector<Word>& words, float baseline,
              const std::vector<std::pair<float, std::string>>& cells, float drop = 0) {
  for (const auto& [x, text] : cells) {
    float left = x;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      Word word;
      word.text = text.substr(start, end - start);
      word.x0 = left;
      word.x1 = left + 6.0f * static_cast<float>(end - start);
      word.y1 = baseline + drop;
      word.y0 = word.y1 - 1.3f * kSize;
      word.size = kSize;
      word.space_after = true;
      words.push_back(word);
      left = word.x1 + 3;
      start = end + 1;
    }
  }
}

// A three-column table: a header, then two rows whose first cells wrap over
// three and four lines; rows are set 6 points further apart than lines in a cell.
Page table_page(bool ocr, float drop) {
  std::vector<Word> words;
  float y = 100;
  add_line(words, y, {{72, "TT"}, {110, "Tên nhiệm vụ"}, {300, "Cơ quan chủ trì"}});
  y += kStep + 6;
  add_line(words, y, {{72, "1"}, {110, "Xây dựng kế"}, {300, "Sở Tài chính"}});
  y += kStep;
  add_line(words, y, {{110, "hoạch thực"}}, drop);
  y += kStep;
  add_line(words, y, {{110, "hiện năm 2025"}});
  y += kStep + 6;
  add_line(words, y, {{72, "2"}, {110, "Ban hành quy"}, {300, "Sở Nội vụ"}});
  y += kStep;
  add_line(words, y, {{110, "chế làm việc"}});
  y += kStep;
  add_line(words, y, {{110, "của Ban"}});
  y += kStep;
  add_line(words, y, {{110, "Chỉ đạo"}});
  y += kStep + 6;
  // The header again: a table printed page by page under its own header.
  add_line(words, y, {{72, "TT"}, {110, "Tên nhệm vụ"}, {300, "Cơ quan chủ trì"}});
  y += kStep + 6;
  add_line(words, y, {{72, "3"}, {110, "Tổng kết"}, {300, "Sở Y tế"}});
  Page page;
  page.number = 1;
  page.width = 612;
  page.height = 792;
  page.ocr = ocr;
  page.lines = vnplan::internal::group_lines(std::move(words));
  return page;
}

std::string lay_out(Page page) {
  std::vector<Page> pages{std::move(page)};
  return vnplan::internal::lay_out_pages(pages, {"ocr", false}).text;
}

}  // namespace

TEST_CASE("layout: a table's wrapped cells make one row each", "[layout]") {
  std::string text = lay_out(table_page(true, 0));
  CHECK(text.find("| TT | Tên nhiệm vụ | Cơ quan chủ trì |") != std::string::npos);
  CHECK(text.find("| 1 | Xây dựng kế hoạch thực hiện năm 2025 | Sở Tài chính |") !=
        std::string::npos);
  CHECK(text.find("| 2 | Ban hành quy chế làm việc của Ban Chỉ đạo | Sở Nội vụ |") !=
        std::string::npos);
}

TEST_CASE("layout: an OCR line set a little low does not split its row", "[layout]") {
  // 2.5 points low: the step above it is 16.5, the one below 11.5, which a
  // text layer's exact baselines never show.
  std::string text = lay_out(table_page(true, 2.5f));
  CHECK(text.find("| 1 | Xây dựng kế hoạch thực hiện năm 2025 | Sở Tài chính |") !=
        std::string::npos);
  CHECK(text.find("| 2 | Ban hành quy chế làm việc của Ban Chỉ đạo | Sở Nội vụ |") !=
        std::string::npos);
}

TEST_CASE("layout: a header repeated inside a table is dropped, OCR's misreading and all",
          "[layout]") {
  std::string text = lay_out(table_page(true, 0));
  CHECK(text.find("Tên nhệm vụ") == std::string::npos);
  CHECK(text.find("| 3 | Tổng kết | Sở Y tế |") != std::string::npos);
}

TEST_CASE("layout: OCR lines stay lines for the joiner; a text layer's wraps are joined",
          "[layout]") {
  auto paragraph = [](bool join) {
    std::vector<Word> words;
    // A full line to the right edge (540), then its continuation in lower case.
    add_line(words, 100, {{72, "Xây dựng kế hoạch thực hiện nhiệm vụ của tỉnh trong năm 2025 và"}});
    add_line(words, 114, {{72, "những năm tiếp theo."}});
    Page page;
    page.number = 1;
    page.width = 612;
    page.height = 792;
    page.lines = vnplan::internal::group_lines(std::move(words));
    std::vector<Page> pages{std::move(page)};
    return vnplan::internal::lay_out_pages(pages, {"pdf", join}).text;
  };
  CHECK(paragraph(true).find("và những năm") != std::string::npos);
  CHECK(paragraph(false).find("và\nnhững năm") != std::string::npos);
}
