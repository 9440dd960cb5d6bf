// OCR round trip: pages of a corpus plan drawn as scans (a PNG, a two-page
// TIFF, a PDF of images without a text layer; tools/make-ocr-fixtures.sh makes
// them from the LibreOffice PDF of corpora/tien-giang-69-KH-UBND.txt) come back
// through tesseract's Vietnamese model with most of their words, and the
// scanned PDF parses to the sections and targets its clean text has.
//
// Word recall = words of the clean text (the PDF's own text layer, pdftotext)
// found in the OCR text in the same order (longest common subsequence of the
// two word sequences, words compared exactly, diacritics and all) / words of
// the clean text. Run alone and see the figures: ./tests/vnplan_tests "[ocr]" -s
//
// A build without OCR support (VNPLAN_OCR=OFF or no libtesseract) checks the
// clear refusal instead.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "../support/fixtures.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double kMinWordRecall = 0.90;

std::string fixture_path(const std::string& name) {
  return vnplan::test::source_dir() + "/tests/fixtures/ocr/" + name;
}

std::string fixture(const std::string& name) { return vnplan::test::read_file(fixture_path(name)); }

// OCR takes seconds a page: each fixture is read once for all the tests.
const vnplan::ReadResult& read_once(const std::string& name,
                                    vnplan::OcrMode mode = vnplan::OcrMode::automatic) {
  static std::map<std::pair<std::string, vnplan::OcrMode>, vnplan::ReadResult> cache;
  auto key = std::make_pair(name, mode);
  auto found = cache.find(key);
  if (found == cache.end())
    found = cache.emplace(key, vnplan::check_source(name, fixture(name), {mode})).first;
  return found->second;
}

// Words split on white space, with the punctuation around them taken off
// ("liên quan." and "liên quan" are the same words; a lost comma is not a lost word).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string word;
  auto punctuation = [](unsigned char c) { return c < 0x80 && std::ispunct(c); };
  while (in >> word) {
    std::size_t first = 0, last = word.size();
    while (first < last && punctuation(word[first])) ++first;
    while (last > first && punctuation(word[last - 1])) --last;
    if (last > first) out.push_back(word.substr(first, last - first));
  }
  return out;
}

std::size_t common_subsequence(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  std::vector<std::size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] =
          a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

double word_recall(const std::string& clean, const std::string& ocr) {
  auto expected = words(clean);
  REQUIRE(expected.size() > 100);
  return static_cast<double>(common_subsequence(expected, words(ocr))) / expected.size();
}

bool has_note(const vnplan::SourceFile& file, const std::string& code) {
  return std::any_of(file.notes.begin(), file.notes.end(),
                     [&](const vnplan::Diagnostic& note) { return note.code == code; });
}

// Anchors: on the given pages, inside a page of `width` x `height` points,
// top to bottom within a page.
void check_anchors(const vnplan::SourceFile& file, std::uint32_t pages, float width, float height) {
  REQUIRE(file.anchors.size() > 20);
  std::uint32_t page = 0;
  float y = -1;
  for (const auto& anchor : file.anchors) {
    REQUIRE(anchor.page >= 1);
    REQUIRE(anchor.page <= pages);
    REQUIRE(anchor.page >= page);
    if (anchor.page > page) y = -1;
    page = anchor.page;
    CHECK(anchor.x >= 0);
    CHECK(anchor.x < width);
    CHECK(anchor.y > y);
    CHECK(anchor.y < height);
    y = anchor.y;
  }
  CHECK(page == pages);
}

}  // namespace

TEST_CASE("ocr: a scan without OCR support is refused with how to get it", "[ocr]") {
  if (vnplan::ocr_supported()) return;  // the tests below cover a build with OCR
  for (const char* name : {"tien-giang-p2.png", "tien-giang-p1-3.scan.pdf"}) {
    auto read = vnplan::check_source(name, fixture(name));
    REQUIRE_FALSE(read.ok());
    CHECK_THAT(read.error->message, Catch::Contains("built without OCR support") &&
                                        Catch::Contains("libtesseract-dev") &&
                                        Catch::Contains("tesseract-ocr-vie"));
  }
}

TEST_CASE("ocr: --ocr=never refuses scans as before", "[ocr]") {
  auto image = read_once("tien-giang-p2.png", vnplan::OcrMode::never);
  REQUIRE_FALSE(image.ok());
  CHECK_THAT(image.error->message, Catch::Contains("image") && Catch::Contains("--ocr=never"));
  auto scan = read_once("tien-giang-p1-3.scan.pdf", vnplan::OcrMode::never);
  REQUIRE_FALSE(scan.ok());
  CHECK_THAT(scan.error->message, Catch::Contains("no text layer"));
}

TEST_CASE("ocr: a PNG page comes back with its words", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  const auto& read = read_once("tien-giang-p2.png");
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  CHECK(file.format == vnplan::SourceFormat::image);
  REQUIRE(file.ocr);
  CHECK(file.ocr->pages == 1);
  CHECK(file.ocr->confidence > 0.8);
  CHECK(file.ocr->confidence <= 1.0);
  CHECK(has_note(file, "read.ocr"));
  double recall = word_recall(fixture("tien-giang-p2.txt"), file.bytes);
  std::cout << "ocr: PNG, 200 dpi black and white: word recall " << recall << ", confidence "
            << file.ocr->confidence << "\n";
  CHECK(recall >= kMinWordRecall);
  // 1700 x 2200 pixels at 200 dpi: a US letter page of 612 x 792 points.
  check_anchors(file, 1, 612, 792);
  // Lines the page starts with, as the clean text has them.
  CHECK(file.bytes.find("2. Yêu cầu") != std::string::npos);
  CHECK(file.bytes.find("Mục tiêu tổng quát") != std::string::npos);
}

TEST_CASE("ocr: every page of a TIFF is read", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  const auto& read = read_once("tien-giang-p2-3.tif");
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  CHECK(file.format == vnplan::SourceFormat::image);
  REQUIRE(file.ocr);
  CHECK(file.ocr->pages == 2);
  double recall = word_recall(fixture("tien-giang-p2-3.txt"), file.bytes);
  std::cout << "ocr: TIFF G4, 2 pages, 200 dpi: word recall " << recall << "\n";
  CHECK(recall >= kMinWordRecall);
  check_anchors(file, 2, 612, 792);
}

TEST_CASE("ocr: a PDF of scans parses to the sections and targets of its clean text", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  const auto& read = read_once("tien-giang-p1-3.scan.pdf");
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  CHECK(file.format == vnplan::SourceFormat::pdf);
  REQUIRE(file.ocr);
  CHECK(file.ocr->pages == 3);
  double recall = word_recall(fixture("tien-giang-p1-3.txt"), file.bytes);
  std::cout << "ocr: PDF of 150 dpi grey images, 3 pages: word recall " << recall << "\n";
  CHECK(recall >= kMinWordRecall);
  check_anchors(file, 3, 612, 792);

  vnplan::ParseResult result = vnplan::test::engine().parse(file);
  CHECK(result.source.ocr);
  REQUIRE(result.source.ocr_confidence);
  CHECK(*result.source.ocr_confidence > 0.8);
  REQUIRE(!result.documents.empty());
  const auto& document = result.documents[0];
  CHECK(document.document.kind == "plan");
  // The two Roman sections of the first three pages, the second with its
  // "2. Mục tiêu cụ thể" and the horizon "a) Giai đoạn từ nay đến năm 2030".
  std::vector<const vnplan::Section*> top;
  for (const auto& section : document.sections)
    if (!section.parent) top.push_back(&section);
  REQUIRE(top.size() == 2);
  CHECK(top[0]->number == "I");
  CHECK(top[1]->number == "II");
  CHECK(top[1]->kind == "goals");
  auto child_of = [&](const vnplan::Section& parent, const std::string& kind) {
    const vnplan::Section* found = nullptr;
    for (const auto& section : document.sections)
      if (section.parent == parent.id && section.kind == kind) found = &section;
    return found;
  };
  const vnplan::Section* specific = child_of(*top[1], "specific_goals");
  REQUIRE(specific);
  CHECK(specific->number == "2");
  const vnplan::Section* horizon = child_of(*specific, "horizon");
  REQUIRE(horizon);
  CHECK(horizon->year == 2030);
  // Page 3's targets, read off the page by hand: "Tỷ lệ sử dụng dịch vụ công
  // trực tuyến ... đạt trên 80%", "Quy mô kinh tế số đạt tối thiểu 20% GRDP",
  // "đóng góp ... (TFP) ... đạt mức 55%", all for 2030.
  auto has_target = [&](const std::string& indicator_start, const std::string& comparator,
                        double value, const std::string& unit) {
    return std::any_of(document.targets.begin(), document.targets.end(), [&](const auto& target) {
      return target.indicator.rfind(indicator_start, 0) == 0 && target.comparator == comparator &&
             target.value && *target.value == value && target.unit == unit && target.year &&
             *target.year == 2030;
    });
  };
  CHECK(has_target("Tỷ lệ sử dụng dịch vụ công trực tuyến", ">", 80, "%"));
  CHECK(has_target("Quy mô kinh tế số", ">=", 20, "% GRDP"));
  CHECK(has_target("Đóng góp của năng suất nhân tố tổng hợp", "=", 55, "%"));
  CHECK(document.targets.size() >= 15);
  // Spans of the scan say the page and place of their line.
  auto anchor = file.anchor_at(top[1]->span.start);
  REQUIRE(anchor);
  CHECK(anchor->page == 2);
}

TEST_CASE("ocr: a scanned table is read row by row into its columns", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  // The top of the task table of the Yên Bái plan, drawn at 300 dpi in black
  // and white: a header over five columns (TT, Tên nhiệm vụ, Cơ quan chủ trì
  // ..., Cơ quan thực hiện, Thời gian thực hiện), the group row "I Công tác
  // lãnh đạo, chỉ đạo", then task 1, whose cells wrap over a dozen lines.
  const auto& read = read_once("yen-bai-table.png");
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  CHECK(has_note(file, "ocr.tables"));
  // The header's three lines are one row; task 1's wrapped lines one row too.
  CHECK(file.bytes.find("| TT | Tên nhiệm vụ | Cơ quan chủ trì phụ trách/") != std::string::npos);
  std::size_t row = file.bytes.find("\n| 1 | Thành lập/");
  REQUIRE(row != std::string::npos);
  std::string row_line = file.bytes.substr(row + 1, file.bytes.find('\n', row + 1) - row - 1);
  CHECK(row_line.find("ban hành Quy chế làm việc") != std::string::npos);
  CHECK(row_line.find("| Văn phòng Tỉnh") != std::string::npos);
  CHECK(row_line.find("| Từ tháng 04/2025") != std::string::npos);

  vnplan::ParseResult result = vnplan::test::engine().parse(file);
  REQUIRE(!result.documents.empty());
  const auto& document = result.documents[0];
  REQUIRE(!document.tables.empty());
  const auto& table = document.tables[0];
  CHECK(table.kind == "assignments");
  CHECK(table.columns ==
        std::vector<std::string>{"number", "task", "lead", "performer", "deadline"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].role == "group");  // "I", which OCR may read as a bar
  REQUIRE(document.tasks.size() == 1);
  const auto& task = document.tasks[0];
  CHECK(task.source == "table");
  CHECK(task.text.rfind("Thành lập/", 0) == 0);
  CHECK(task.agencies.lead == std::vector<std::string>{"vp-tinh-uy"});
  // The group's numeral stays as OCR wrote it ("I" or "|"); its title is read.
  std::string group = task.group.value_or("");
  const std::string title = "Công tác lãnh đạo, chỉ đạo";
  CHECK(group.size() <= title.size() + 2);
  CHECK(group.substr(group.size() - std::min(group.size(), title.size())) == title);
  REQUIRE(task.deadline);
  CHECK(task.deadline->text.rfind("Từ tháng 04/2025", 0) == 0);
}

TEST_CASE("ocr: a searchable PDF's OCR text layer is laid out as OCR output", "[ocr]") {
  // No OCR runs here: the PDF holds the text `tesseract -l eng` read from the
  // table scan above, invisible, in a font without glyphs. Its word boxes end
  // short of the ink, which made every space look like a column gap, and its
  // baselines are OCR's: read as a text layer, the table fell apart.
  const auto& read = read_once("yen-bai-table.eng-layer.pdf", vnplan::OcrMode::never);
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  CHECK(file.ocr_text_layer);
  CHECK(!file.ocr);
  CHECK(has_note(file, "pdf.ocr_text_layer"));
  CHECK(has_note(file, "pdf.tables"));
  // The title above the table stays prose, one line each: no false columns.
  CHECK(file.bytes.find("\nNGHI QUYET SO 57-NQ/TW\n") != std::string::npos);
  // The header's three wrapped lines are one row of five cells.
  std::size_t header = file.bytes.find("| TT | T");
  REQUIRE(header != std::string::npos);
  std::string header_line = file.bytes.substr(header, file.bytes.find('\n', header) - header);
  CHECK(std::count(header_line.begin(), header_line.end(), '|') == 6);
  CHECK(header_line.find("Co quan ch") != std::string::npos);  // its first line, joined
  // Task 1 is one row, every wrapped line of its cells in it: the underscore a
  // ruling left between two columns bridges no gap.
  std::size_t row = file.bytes.find("\n| 1 | Thanh lap/");
  REQUIRE(row != std::string::npos);
  std::string row_line = file.bytes.substr(row + 1, file.bytes.find('\n', row + 1) - row - 1);
  CHECK(std::count(row_line.begin(), row_line.end(), '|') == 6);
  CHECK(row_line.find("Chuong trinh |") != std::string::npos);  // the task cell's last line
  CHECK(row_line.find("| Van phong Tinh") != std::string::npos);
  CHECK(row_line.find("tinh hinh |") != std::string::npos);  // the deadline's last line

  vnplan::ParseResult result = vnplan::test::engine().parse(file);
  REQUIRE(!result.documents.empty());
  const auto& document = result.documents[0];
  REQUIRE(document.tables.size() == 1);
  CHECK(document.tables[0].kind == "assignments");
  REQUIRE(document.tasks.size() == 1);
  const auto& task = document.tasks[0];
  CHECK(task.text.rfind("Thành lập/kiện toàn", 0) == 0);  // restored
  REQUIRE(task.deadline);
  CHECK(task.deadline->text.rfind("Từ tháng 04/2025", 0) == 0);
}

TEST_CASE("ocr: damaged, huge and empty images are refused clearly", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  std::string png = fixture("tien-giang-p2.png");
  for (std::size_t keep : {std::size_t{8}, std::size_t{40}, png.size() / 2}) {
    auto cut = vnplan::check_source("cut.png", png.substr(0, keep));
    REQUIRE_FALSE(cut.ok());
    CHECK_THAT(cut.error->to_string(), Catch::Contains("cut.png") && Catch::Contains("damaged"));
  }
  // A PNG header claiming 20000 x 20000 pixels, and no pixels after it.
  std::string huge = png.substr(0, 33) + std::string(64, '\0');
  auto put32 = [&](std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) huge[at + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
  };
  put32(16, 20000);
  put32(20, 20000);
  auto refused = vnplan::check_source("huge.png", huge);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error->message,
             Catch::Contains("20000 x 20000") && Catch::Contains("100 million"));
  auto jpeg = vnplan::check_source("cut.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF");
  REQUIRE_FALSE(jpeg.ok());
  CHECK_THAT(jpeg.error->message, Catch::Contains("damaged image"));
  auto tiff = vnplan::check_source("junk.tif", std::string("II*\0", 4) + std::string(64, 'x'));
  REQUIRE_FALSE(tiff.ok());
  CHECK_THAT(tiff.error->message, Catch::Contains("damaged image"));
  // A text file that happens to start with "MM" is text, not a big-endian TIFF.
  auto text = vnplan::check_source("mm.txt", "MMXXV: năm 2025\n");
  REQUIRE(text.ok());
  CHECK(text.file->format == vnplan::SourceFormat::text);
}

TEST_CASE("ocr: a missing Vietnamese model names its package", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  const char* old = std::getenv("TESSDATA_PREFIX");
  std::string saved = old ? old : "";
  fs::path empty = fs::temp_directory_path() / "vnplan-no-tessdata";
  fs::create_directories(empty);
  setenv("TESSDATA_PREFIX", empty.c_str(), 1);
  auto read = vnplan::check_source("page.png", fixture("tien-giang-p2.png"));
  if (old)
    setenv("TESSDATA_PREFIX", saved.c_str(), 1);
  else
    unsetenv("TESSDATA_PREFIX");
  fs::remove_all(empty);
  REQUIRE_FALSE(read.ok());
  CHECK_THAT(read.error->to_string(), Catch::Contains("page.png") &&
                                          Catch::Contains("tesseract-ocr-vie") &&
                                          Catch::Contains("Vietnamese model"));
}

TEST_CASE("ocr: --ocr=always reads a PDF with a text layer as images", "[ocr]") {
  if (!vnplan::ocr_supported()) return;
  std::string pdf =
      vnplan::test::read_file(vnplan::test::source_dir() + "/tests/fixtures/pdf/plan.pdf");
  auto text_layer = vnplan::check_source("plan.pdf", pdf);
  REQUIRE(text_layer.ok());
  CHECK_FALSE(text_layer.file->ocr);
  auto read = vnplan::check_source("plan.pdf", pdf, {vnplan::OcrMode::always});
  REQUIRE(read.ok());
  REQUIRE(read.file->ocr);
  CHECK(read.file->ocr->pages == 2);
  CHECK(read.file->format == vnplan::SourceFormat::pdf);
  // The header and a target clause of plan.pdf, as its page shows them.
  CHECK(read.file->bytes.find("12/KH-UBND") != std::string::npos);
  CHECK(read.file->bytes.find("15% GRDP") != std::string::npos);
}

TEST_CASE("ocr: only the page without text of a PDF with text is OCR'd", "[ocr]") {
  const auto& never = read_once("tien-giang-p1-2.mixed.pdf", vnplan::OcrMode::never);
  REQUIRE(never.ok());
  CHECK_FALSE(never.file->ocr);
  // Page 1 as its text layer has it; page 2 (an image) is empty.
  CHECK(never.file->bytes.find("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024") !=
        std::string::npos);
  CHECK(never.file->bytes.find("Mục tiêu tổng quát") == std::string::npos);
  if (!vnplan::ocr_supported()) return;
  const auto& read = read_once("tien-giang-p1-2.mixed.pdf");
  REQUIRE(read.ok());
  const vnplan::SourceFile& file = *read.file;
  REQUIRE(file.ocr);
  CHECK(file.ocr->pages == 1);
  CHECK(file.ocr->words > 300);
  // Page 1 still from its text layer (the same bytes as without OCR), then page 2 by OCR.
  std::size_t page_two = file.bytes.find("Mục tiêu tổng quát");
  REQUIRE(page_two != std::string::npos);
  CHECK(file.bytes.compare(0, never.file->bytes.size() - 1, never.file->bytes, 0,
                           never.file->bytes.size() - 1) == 0);
  auto anchor = file.anchor_at(page_two);
  REQUIRE(anchor);
  CHECK(anchor->page == 2);
  CHECK(has_note(file, "read.ocr"));
}
