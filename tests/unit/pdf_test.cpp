// The PDF reader, on fixtures made with LibreOffice (tools/make-pdf-fixtures.sh).
#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

std::string fixture(const std::string& name) {
  return vnplan::test::read_file(vnplan::test::source_dir() + "/tests/fixtures/pdf/" + name);
}

vnplan::SourceFile read_pdf(const std::string& name) {
  auto read = vnplan::check_source(name, fixture(name));
  if (!read.ok()) FAIL(read.error->to_string());
  return *read.file;
}

const vnplan::Diagnostic* note(const vnplan::SourceFile& file, const std::string& code) {
  for (const auto& d : file.notes)
    if (d.code == code) return &d;
  return nullptr;
}

// The lines of the rendition.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool has_line(const std::string& text, const std::string& line) {
  auto all = lines_of(text);
  return std::find(all.begin(), all.end(), line) != all.end();
}

}  // namespace

TEST_CASE("pdf: a two-page plan reads in order without page furniture", "[read][pdf]") {
  auto file = read_pdf("plan.pdf");
  CHECK(file.format == vnplan::SourceFormat::pdf);
  const std::string& text = file.bytes;
  INFO(text);
  // Running header and "Trang N" footers of both pages dropped, and counted.
  CHECK(text.find("Trang") == std::string::npos);
  CHECK(text.find("05/3/2025") == std::string::npos);
  const auto* furniture = note(file, "pdf.page_furniture");
  REQUIRE(furniture);
  CHECK_THAT(furniture->message, Catch::StartsWith("4 "));
  // The two header columns come out as lines of their own, issuer first.
  CHECK(text.find("ỦY BAN NHÂN DÂN") < text.find("CỘNG HÒA XÃ HỘI CHỦ"));
  CHECK(has_line(text, "Số: 12/KH-UBND"));
  // Headings stand alone; paragraphs are set apart by a blank line; a line
  // cut by the right edge before a lower-case word goes on on the same line.
  CHECK(text.find("\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n") != std::string::npos);
  CHECK(text.find("\n\nTriển khai đồng bộ các nhiệm vụ chuyển đổi số của tỉnh, bảo đảm") !=
        std::string::npos);
  // A paragraph cut by the page break goes on, on the same line (its last line
  // on the first page ran to the right edge).
  CHECK(text.find("nâng cấp trung tâm dữ liệu của tỉnh") != std::string::npos);
  // "kinh tế - xã hội" keeps its dash.
  CHECK(text.find("kinh tế - xã hội") != std::string::npos);
}

TEST_CASE("pdf: anchors give page and position, and spans carry them", "[read][pdf]") {
  auto file = read_pdf("plan.pdf");
  auto at = file.bytes.find("dữ liệu của tỉnh bảo đảm");
  REQUIRE(at != std::string::npos);
  const auto* anchor = file.anchor_at(at);
  REQUIRE(anchor);
  CHECK(anchor->page == 2);
  CHECK(anchor->x > 30);
  CHECK(anchor->x < 60);  // the left margin (1.5 cm = 42.5 pt)
  CHECK(anchor->y > 28);
  CHECK(anchor->y < 120);  // near the top, under the running header
  const auto* first = file.anchor_at(file.bytes.find("ỦY BAN NHÂN DÂN"));
  REQUIRE(first);
  CHECK(first->page == 1);

  auto result = vnplan::test::engine().parse(file);
  REQUIRE(!result.documents.empty());
  const auto& doc = result.documents[0];
  CHECK(doc.sections.size() >= 4);
  CHECK(doc.targets.size() >= 3);
  std::string json = vnplan::to_json(result, false);
  CHECK(json.find("\"page\":2") != std::string::npos);
  CHECK(json.find("\"page\":1") != std::string::npos);
}

TEST_CASE("pdf: a table over a page break is one pipe table", "[read][pdf]") {
  auto file = read_pdf("table.pdf");
  const std::string& text = file.bytes;
  INFO(text);
  CHECK(has_line(
      text, "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |"));
  CHECK(has_line(text, "| I | Hoàn thiện thể chế | | | |"));
  CHECK(has_line(text,
                 "| 1 | Rà soát, sửa đổi các quy định về thủ tục hành chính trên môi "
                 "trường số | Sở Tư pháp | Các sở, ban, ngành | Tháng 6/2025 |"));
  CHECK(has_line(text,
                 "| 8 | Đánh giá, xếp hạng mức độ chuyển đổi số của các sở, ngành và "
                 "địa phương | Sở Khoa học và Công nghệ | Các sở, ban, ngành, địa phương | "
                 "Tháng 12 hằng năm |"));
  // The header repeated on page 2 is dropped: it appears once.
  CHECK(text.find("| TT |") == text.rfind("| TT |"));
  CHECK(note(file, "pdf.table_header_repeated"));
  // Prose after the table is prose again.
  CHECK(has_line(text,
                 "Các cơ quan chủ trì báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm."));

  auto result = vnplan::test::engine().parse(file);
  REQUIRE(!result.documents.empty());
  REQUIRE(result.documents[0].tables.size() == 1);
  const auto& table = result.documents[0].tables[0];
  CHECK(table.header.size() == 5);
  CHECK(table.rows.size() == 10);  // 2 group rows, 8 tasks
  CHECK(table.kind == "assignments");
}

TEST_CASE("pdf: encrypted, scanned and damaged files are refused clearly", "[read][pdf]") {
  auto encrypted = vnplan::check_source("encrypted.pdf", fixture("encrypted.pdf"));
  REQUIRE_FALSE(encrypted.ok());
  CHECK_THAT(encrypted.error->to_string(), Catch::Contains("encrypted.pdf") &&
                                               Catch::Contains("encrypted PDF") &&
                                               Catch::Contains("password"));

  auto scan = vnplan::check_source("scan.pdf", fixture("scan.pdf"), {vnplan::OcrMode::never});
  REQUIRE_FALSE(scan.ok());
  CHECK_THAT(scan.error->message, Catch::Contains("no text layer") && Catch::Contains("OCR"));
  // By default a scan goes to OCR (tests/corpus/ocr_test.cpp), or says how to get it.
  auto ocr = vnplan::check_source("scan.pdf", fixture("scan.pdf"));
  if (vnplan::ocr_supported()) {
    REQUIRE(ocr.ok());
    REQUIRE(ocr.file->ocr);
    CHECK(ocr.file->ocr->pages == 1);
    CHECK(ocr.file->format == vnplan::SourceFormat::pdf);
  } else {
    REQUIRE_FALSE(ocr.ok());
    CHECK_THAT(ocr.error->message,
               Catch::Contains("no text layer") && Catch::Contains("built without OCR support"));
  }

  std::string plan = fixture("plan.pdf");
  for (std::size_t keep : {std::size_t{5}, std::size_t{64}, plan.size() / 3, plan.size() / 2}) {
    auto cut = vnplan::check_source("cut.pdf", plan.substr(0, keep));
    // Poppler may rebuild what is left of a truncated file; either way no crash,
    // and a refusal names the file and says what is wrong.
    if (!cut.ok()) {
      CHECK_THAT(cut.error->to_string(), Catch::StartsWith("cut.pdf"));
      CHECK_FALSE(cut.error->message.empty());
    }
  }
  auto garbage = vnplan::check_source("junk.pdf", "%PDF-1.7\n" + std::string(4000, 'x'));
  REQUIRE_FALSE(garbage.ok());
  CHECK_THAT(garbage.error->message, Catch::Contains("damaged PDF"));
}
