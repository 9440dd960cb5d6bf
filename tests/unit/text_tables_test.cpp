// Text tables with columns aligned by spaces (pdftotext -layout) become pipe rows.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

vnplan::NormalisedText normalise(const std::string& text) {
  static vnplan::Normaliser normaliser(vnplan::test::grammar());
  return normaliser.run(vnplan::test::source_from(text));
}

std::vector<std::string> rows_of(const vnplan::NormalisedText& out) {
  std::vector<std::string> rows;
  for (const auto& block : out.blocks)
    if (block.kind == vnplan::BlockKind::table_row) rows.push_back(block.text());
  return rows;
}

}  // namespace

TEST_CASE("text tables: aligned columns with a header become pipe rows", "[normalise][tables]") {
  const std::string text =
      "PHỤ LỤC\n"
      "TT   Tên nhiệm vụ           Cơ quan chủ trì      Thời gian\n"
      "1    Rà soát quy định về    Sở Tư pháp           Tháng 6/2025\n"
      "     thủ tục hành chính\n"
      "2    Xây dựng cơ chế hỗ     Sở Tài chính,        Năm 2025\n"
      "     trợ doanh nghiệp       Sở Nội vụ\n"
      "\n"
      "Các cơ quan báo cáo kết quả về Sở Khoa học và Công nghệ.\n";
  auto out = normalise(text);
  auto rows = rows_of(out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian |");
  CHECK(rows[1] == "| 1 | Rà soát quy định về thủ tục hành chính | Sở Tư pháp | Tháng 6/2025 |");
  CHECK(rows[2] ==
        "| 2 | Xây dựng cơ chế hỗ trợ doanh nghiệp | Sở Tài chính, Sở Nội vụ | Năm 2025 |");
  CHECK(out.blocks.back().kind == vnplan::BlockKind::paragraph);
  CHECK(out.blocks.back().text() == "Các cơ quan báo cáo kết quả về Sở Khoa học và Công nghệ.");

  // Every byte of a cell maps back to the same bytes of the input.
  const auto& row = out.blocks[2].content;  // "PHỤ LỤC", header, row 1
  REQUIRE(row.text == rows[1]);
  for (std::string cell : {"thủ tục hành chính", "Sở Tư pháp", "Tháng 6/2025", "Rà soát"}) {
    std::size_t at = row.text.find(cell);
    REQUIRE(at != std::string::npos);
    auto origin = row.origin_of(at);
    CHECK(text.compare(origin, cell.size(), cell) == 0);
  }
}

TEST_CASE("text tables: the model reads them as tables", "[normalise][tables]") {
  const std::string text =
      "KẾ HOẠCH\n"
      "Thực hiện chuyển đổi số\n"
      "\n"
      "STT   Chỉ tiêu                             Đơn vị tính     Mục tiêu 2025\n"
      "1     Tỷ lệ hồ sơ trực tuyến toàn trình    %               80\n"
      "2     Doanh nghiệp công nghệ số            doanh nghiệp    20\n";
  auto result = vnplan::test::parse_text(text);
  REQUIRE(!result.documents.empty());
  REQUIRE(result.documents[0].tables.size() == 1);
  const auto& table = result.documents[0].tables[0];
  CHECK(table.header ==
        std::vector<std::string>{"STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu 2025"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].cells[1].text == "Doanh nghiệp công nghệ số");
  CHECK(table.kind == "targets");
}

TEST_CASE("text tables: prose with double spaces stays prose", "[normalise][tables]") {
  // No header of column names.
  auto prose = normalise(
      "Thực hiện  kế hoạch  của tỉnh  về chuyển đổi số trong năm.\n"
      "Các sở  ngành  địa phương  triển khai theo chức năng.\n");
  CHECK(rows_of(prose).empty());
  // Column names, but the next line runs across the columns: prose.
  auto one_line = normalise(
      "TT   Nội dung   Đơn vị\n"
      "Các sở, ban, ngành tổ chức triển khai kế hoạch này trong toàn tỉnh.\n");
  CHECK(rows_of(one_line).empty());
  // Two columns only.
  auto two = normalise(
      "TT   Nội dung\n"
      "1    Rà soát quy định\n"
      "2    Xây dựng cơ chế\n");
  CHECK(rows_of(two).empty());
}
