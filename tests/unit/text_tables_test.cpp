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

// The header of the page-break tests below, its three lines made one row.
const std::string kWrappedHeaderRow =
    "| TT | Tên nhiệm vụ | Cơ quan chủ trì phụ trách | Cơ quan phối hợp | Thời gian thực hiện |";

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

TEST_CASE("text tables: a header over three lines, a page break and columns one space apart",
          "[normalise][tables]") {
  // As pdftotext -layout writes a ruled table over two pages: the header
  // names columns on two of its lines, the next page repeats it a column
  // further right after a form feed, the cut row goes on under it, and a cell
  // runs up to the next column with one space between them.
  const std::string text =
      "PHỤ LỤC\n"
      "                   Cơ quan chủ\n"
      "                   trì            Cơ quan          Thời gian\n"
      "TT   Tên nhiệm vụ  phụ trách      phối hợp         thực hiện\n"
      "1    Rà soát quy   Sở Tư pháp     Các sở, ban,     Quý II/2026\n"
      "     định về thủ                  ngành\n"
      "     tục hành\n"
      "\f                    Cơ quan chủ\n"
      "                    trì            Cơ quan          Thời gian\n"
      "TT    Tên nhiệm vụ  phụ trách      phối hợp         thực hiện\n"
      "      chính cấp xã\n"
      "2     Xây dựng cơ Sở Nội vụ        Sở Tài chính     Năm 2026\n"
      "      chế hỗ trợ                   \n"
      "\n"
      "Các cơ quan báo cáo kết quả về Sở Nội vụ trước ngày 15 hằng tháng.\n";
  auto rows = rows_of(normalise(text));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == kWrappedHeaderRow);
  CHECK(rows[1] ==
        "| 1 | Rà soát quy định về thủ tục hành chính cấp xã | Sở Tư pháp | Các sở, ban, ngành | "
        "Quý II/2026 |");
  CHECK(rows[2] == rows[0]);  // the repeat, which the structure stage drops
  CHECK(rows[3] == "| 2 | Xây dựng cơ chế hỗ trợ | Sở Nội vụ | Sở Tài chính | Năm 2026 |");

  auto result = vnplan::test::parse_text(text);
  REQUIRE(!result.documents.empty());
  const auto& tables = result.documents[0].tables;
  REQUIRE(tables.size() == 1);
  CHECK(tables[0].rows.size() == 2);
}

TEST_CASE("text tables: a paragraph with double spaces around its numbers is no header",
          "[normalise][tables]") {
  // Converter markdown pads inline formulas with two spaces: a long sentence
  // in pieces that happen to start with column names is no table.
  auto out = normalise(
      "- Phấn đấu  $\\geq 800$  giáo viên được bồi dưỡng chuyên môn nghiệp vụ hằng năm; mỗi năm "
      "có  $\\geq 20$  sáng kiến kinh nghiệm được công nhận cấp tỉnh và áp dụng; mỗi năm có  "
      "$\\geq 10$  nhiệm vụ khoa học giáo dục cấp tỉnh triển khai; có  $\\geq 40\\%$  kết quả "
      "nghiên cứu được ứng dụng sau nghiệm thu.\n"
      "\n"
      "- Phấn đấu mỗi năm có  $\\geq 05$  trường học được công nhận đạt chuẩn quốc gia mức độ 2; "
      "mỗi năm có  $\\geq 200$  học sinh đạt giải cấp tỉnh.\n");
  CHECK(rows_of(out).empty());
  REQUIRE(out.blocks.size() == 2);  // two paragraphs, not cells
  CHECK(out.blocks[0].text().rfind("- Phấn đấu ≥ 800 giáo viên", 0) == 0);
}

TEST_CASE("text tables: a page's header starts at its form feed; a cell may end at the next column",
          "[normalise][tables]") {
  // The line above the form feed ends the page before: it is no part of the
  // header, though it fits the columns. "rà soát thường" ends where the next
  // column starts, one space before "và Sở Nội vụ".
  const std::string text =
      "Các sở, ngành báo cáo kết quả thực hiện về Sở Nội vụ.\n"
      "     đổi số.\n"
      "\f                   Cơ quan chủ\n"
      "                   trì            Cơ quan          Thời gian\n"
      "TT   Tên nhiệm vụ  phụ trách      phối hợp         thực hiện\n"
      "1    Tổ chức       Sở Tư pháp     Các sở, ban,     Quý II/2026\n"
      "     rà soát thường và Sở Nội vụ  ngành\n"
      "     xuyên\n";
  auto rows = rows_of(normalise(text));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == kWrappedHeaderRow);
  CHECK(rows[1] ==
        "| 1 | Tổ chức rà soát thường xuyên | Sở Tư pháp và Sở Nội vụ | Các sở, ban, ngành | Quý "
        "II/2026 |");
}
