// The DOCX reader: text, Word's automatic numbering, tables, footnotes, and
// damaged or hostile archives. Every DOCX here is zipped in the test from the
// XML written below, so each fixture can be read where it is used.
#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.hpp"

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

const std::string kNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office")";

std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " +
         kNamespaces + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string numbering_xml(const std::string& inside) {
  return "<w:numbering " + kNamespaces + ">" + inside + "</w:numbering>";
}

std::string styles_xml(const std::string& inside) {
  return "<w:styles " + kNamespaces + ">" + inside + "</w:styles>";
}

// A paragraph of one run.
std::string p(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

// A paragraph of list `num_id` at level `level`: Word keeps the number out of the text.
std::string li(int num_id, int level, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string level(int index, const std::string& format, const std::string& text, int start = 1,
                  const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(index) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" +
         text + "\"/>" + extra + "</w:lvl>";
}

// The numbering of Vietnamese plans: "I.", "1.", "a)" on three levels, and bullets.
const std::string kPlanNumbering = numbering_xml(
    "<w:abstractNum w:abstractNumId=\"0\">" + level(0, "upperRoman", "%1.") +
    level(1, "decimal", "%2.") + level(2, "lowerLetter", "%3)") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"1\">" + level(0, "bullet", "•") + level(1, "bullet", "+") +
    "</w:abstractNum>" + R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)" +
    R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)");

// Zips `parts` (deflated) into an archive in memory; `encrypted` names a part
// to encrypt with AES-256.
std::string zip_parts(const Parts& parts, const std::string& encrypted = "", bool fast = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(buffer);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    if (fast)  // deflate level 1: the ZIP bomb fixture compresses 65 MiB
      REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE,
                                       1) == 0);
    if (name == encrypted)
      REQUIRE(zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256,
                                      "mật khẩu") == 0);
  }
  REQUIRE(zip_close(archive) == 0);
  REQUIRE(zip_source_open(buffer) == 0);
  zip_stat_t stat;
  REQUIRE(zip_source_stat(buffer, &stat) == 0);
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  REQUIRE(zip_source_read(buffer, bytes.data(), bytes.size()) ==
          static_cast<zip_int64_t>(bytes.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

std::string docx(const std::string& body, Parts more = {}) {
  more.insert(more.begin(), {"word/document.xml", document_xml(body)});
  return zip_parts(more);
}

vnplan::ReadResult read_docx(const std::string& bytes) {
  return vnplan::check_source("plan.docx", bytes);
}

std::string rendered(const std::string& bytes) {
  auto result = read_docx(bytes);
  if (!result.ok()) FAIL(result.error->to_string());
  CHECK(result.file->format == vnplan::SourceFormat::docx);
  return result.file->bytes;
}

std::string node_at(const vnplan::SourceFile& file, const std::string& text) {
  auto at = file.bytes.find(text);
  REQUIRE(at != std::string::npos);
  const vnplan::SourceAnchor* anchor = file.anchor_at(at);
  return anchor ? anchor->node : "";
}

bool has_note(const vnplan::SourceFile& file, const std::string& code) {
  for (const auto& note : file.notes)
    if (note.code == code) return true;
  return false;
}

// Sets a little-endian 32-bit field in every ZIP header carrying it: the
// uncompressed size is at byte 22 of a local header and 24 of a central one.
void patch_uncompressed_size(std::string& zip, std::uint32_t size) {
  auto put = [&](std::size_t at) {
    for (int k = 0; k < 4; ++k) zip[at + k] = static_cast<char>((size >> (8 * k)) & 0xFF);
  };
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4))
    put(at + 22);
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4))
    put(at + 24);
}

}  // namespace

TEST_CASE("docx: paragraphs in body order, runs joined, tabs, breaks and tracked changes",
          "[read][docx]") {
  std::string body =
      p("KẾ HOẠCH") +
      "<w:p><w:r><w:t>Phát triển </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>khoa học</w:t></w:r>"
      "<w:r><w:tab/><w:t>công nghệ</w:t></w:r></w:p>" +
      "<w:p></w:p>" +  // empty: no line, but counted for the anchors
      "<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai</w:t></w:r></w:p>" +
      "<w:p><w:r><w:t xml:space=\"preserve\">Giao Sở </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>Công Thương</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>Tài chính</w:t></w:r></w:ins>"
      "<w:r><w:t xml:space=\"preserve\"> chủ trì</w:t></w:r>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
      "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>.</w:t></w:r></w:p>" +
      "<w:p><w:hyperlink><w:r><w:t>COVID</w:t></w:r></w:hyperlink><w:r><w:noBreakHyphen/>"
      "<w:t>19</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:char=\"2265\"/>"
      "<w:fldChar w:fldCharType=\"begin\"/><w:instrText> PAGE </w:instrText>"
      "<w:fldChar w:fldCharType=\"separate\"/><w:t>5</w:t><w:fldChar w:fldCharType=\"end\"/>"
      "</w:r></w:p>" +
      "<w:sdt><w:sdtContent>" + p("Trong điều khiển nội dung") + "</w:sdtContent></w:sdt>";
  auto result = read_docx(docx(body));
  REQUIRE(result.ok());
  const auto& file = *result.file;
  CHECK(file.bytes ==
        "KẾ HOẠCH\n\n"
        "Phát triển khoa học công nghệ\n\n"
        "Dòng một\nDòng hai\n\n"
        "Giao Sở Tài chính chủ trì.\n\n"
        "COVID-19≥5\n\n"
        "Trong điều khiển nội dung\n\n");
  CHECK(node_at(file, "KẾ HOẠCH") == "p1");
  CHECK(node_at(file, "Dòng hai") == "p4");  // the empty third paragraph counts
  CHECK(node_at(file, "Trong điều") == "p7");
  CHECK(has_note(file, "docx.tracked_changes"));
  CHECK_FALSE(has_note(file, "docx.numbering"));
}

TEST_CASE("docx: automatic numbering reads like typed numbering, section tree included",
          "[read][docx][numbering]") {
  // The same plan twice: markers typed, and markers from numbering.xml.
  const std::vector<std::pair<std::string, std::string>> plan = {
      {"", "KẾ HOẠCH"},
      {"", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"},
      {"I.", "MỤC ĐÍCH, YÊU CẦU"},
      {"1.", "Mục đích"},
      {"a)", "Quán triệt sâu sắc các quan điểm của Nghị quyết."},
      {"b)", "Tạo chuyển biến mạnh mẽ trong nhận thức."},
      {"2.", "Yêu cầu"},
      {"-", "Bám sát mục tiêu, nhiệm vụ của Nghị quyết."},
      {"+", "Phân công rõ trách nhiệm."},
      {"II.", "MỤC TIÊU"},
      {"1.", "Mục tiêu chung"},
      {"", "Đến năm 2030, khoa học, công nghệ trở thành động lực phát triển của tỉnh."},
      {"2.", "Mục tiêu cụ thể đến năm 2030"},
      {"a)", "Về hạ tầng: 100% xã có cáp quang."},
      {"b)", "Về nhân lực: 80% cán bộ có kỹ năng số."},
      {"III.", "NHIỆM VỤ, GIẢI PHÁP"},
      {"1.", "Hoàn thiện thể chế"},
      {"a)", "Rà soát các văn bản quy phạm pháp luật."},
      {"2.", "Phát triển hạ tầng số"},
      {"IV.", "TỔ CHỨC THỰC HIỆN"},
      {"1.", "Sở Khoa học và Công nghệ chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch."},
  };
  std::string typed, body;
  for (const auto& [marker, text] : plan) {
    typed += (marker.empty() ? "" : marker + " ") + text + "\n\n";
    int level = marker == "-" ? 0 : marker == "+" ? 1 : 0;
    if (marker.empty())
      body += p(text);
    else if (marker == "-" || marker == "+")
      body += li(2, level, text);
    else
      body += li(1,
                 std::isupper(static_cast<unsigned char>(marker[0]))   ? 0
                 : std::isdigit(static_cast<unsigned char>(marker[0])) ? 1
                                                                       : 2,
                 text);
  }
  auto result = read_docx(docx(body, {{"word/numbering.xml", kPlanNumbering}}));
  REQUIRE(result.ok());
  CHECK(result.file->bytes == typed);
  CHECK(has_note(*result.file, "docx.numbering"));

  auto from_docx = vnplan::test::engine().parse(*result.file);
  auto from_text = vnplan::test::parse_text(typed);
  REQUIRE(from_docx.documents.size() == from_text.documents.size());
  auto tree = [](const vnplan::DocumentModel& model) {
    std::map<std::string, std::string> number_of;
    for (const auto& s : model.sections) number_of[s.id] = s.number;
    std::vector<std::string> rows;
    for (const auto& s : model.sections)
      rows.push_back(s.marker + " " + s.number + "<" +
                     (s.parent ? number_of[*s.parent] : std::string()) + " " + s.title + " [" +
                     s.kind + "/" + std::to_string(s.level) + "]");
    return rows;
  };
  auto docx_tree = tree(from_docx.documents[0]);
  CHECK(docx_tree == tree(from_text.documents[0]));
  CHECK(docx_tree.size() >= 15);
  CHECK(docx_tree[0].rfind("I. I<", 0) == 0);
  CHECK(from_docx.documents[0].tasks.size() == from_text.documents[0].tasks.size());
  CHECK(from_docx.documents[0].targets.size() == from_text.documents[0].targets.size());
}

TEST_CASE("docx: numbering restarts, overrides, shared lists and multi-level text",
          "[read][docx][numbering]") {
  std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
      level(1, "decimal", "%1.%2.") + level(2, "lowerRoman", "(%3)") +
      level(3, "upperLetter", "%4-", 1, "<w:lvlRestart w:val=\"0\"/>") + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"5\">" + level(0, "lowerLetter", "%1)", 24) +
      level(1, "none", "") + "</w:abstractNum>" +
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="3"><w:abstractNumId w:val="0"/>)"
      R"(<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>)"
      R"(<w:num w:numId="4"><w:abstractNumId w:val="5"/></w:num>)"
      R"(<w:num w:numId="9"><w:abstractNumId w:val="0"/>)"
      R"(<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/>)"
      R"(<w:lvlText w:val="Phần %1:"/></w:lvl></w:lvlOverride></w:num>)");
  std::string body = li(1, 0, "một") + li(1, 1, "một một") + li(1, 2, "i") + li(1, 2, "ii") +
                     li(1, 3, "A") + li(1, 1, "một hai") + li(1, 2, "i lại") +
                     li(1, 3, "B: không bao giờ bắt đầu lại") +
                     // another w:num of the same abstract list goes on counting
                     li(2, 0, "hai") +
                     // an override restarts the shared count, at 7
                     li(3, 0, "bảy") + li(3, 0, "tám") + li(4, 0, "x") + li(4, 0, "y") +
                     li(4, 0, "z") + li(4, 0, "aa") + li(4, 1, "không số") + li(9, 0, "phần") +
                     // the first w:num goes on from the restart (Phần III → 4)
                     li(1, 0, "bốn") + li(77, 0, "danh sách không có") +
                     "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                     "</w:pPr></w:p>" +  // an empty numbered paragraph: counted, not written
                     li(1, 0, "sáu");
  std::string text = rendered(docx(body, {{"word/numbering.xml", numbering}}));
  CHECK(text ==
        "1. một\n\n1.1. một một\n\n(i) i\n\n(ii) ii\n\nA- A\n\n1.2. một hai\n\n(i) i lại\n\n"
        "B- B: không bao giờ bắt đầu lại\n\n"
        "2. hai\n\n7. bảy\n\n8. tám\n\nx) x\n\ny) y\n\nz) z\n\naa) aa\n\nkhông số\n\n"
        "Phần III: phần\n\n4. bốn\n\ndanh sách không có\n\n6. sáu\n\n");
}

TEST_CASE("docx: numbering through paragraph styles, basedOn and numId 0", "[read][docx]") {
  std::string styles = styles_xml(
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>)"
      R"(<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/>)"
      R"(<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>)");
  // Level 0 is tied to Heading1 by its w:pStyle: the style gives no ilvl.
  std::string numbering =
      numbering_xml("<w:abstractNum w:abstractNumId=\"3\">" +
                    level(0, "upperRoman", "%1.", 1, "<w:pStyle w:val=\"Heading1\"/>") +
                    level(1, "decimal", "%2.") + "</w:abstractNum>" +
                    R"(<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>)");
  auto styled = [](const std::string& style, const std::string& text,
                   const std::string& more = "") {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + more + "</w:pPr><w:r><w:t>" + text +
           "</w:t></w:r></w:p>";
  };
  std::string body =
      styled("Heading1", "MỤC TIÊU") + styled("Heading2", "Mục tiêu chung") +
      styled("MyHeading", "Mục tiêu cụ thể") + p("Đoạn thường") +
      styled("Heading2", "Không đánh số", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") +
      styled("Heading1", "NHIỆM VỤ") + styled("Loop1", "Kiểu lặp vòng") +
      styled("Heading2", "Nhiệm vụ chung");
  std::string text =
      rendered(docx(body, {{"word/styles.xml", styles}, {"word/numbering.xml", numbering}}));
  CHECK(text ==
        "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\n2. Mục tiêu cụ thể\n\nĐoạn thường\n\n"
        "Không đánh số\n\nII. NHIỆM VỤ\n\nKiểu lặp vòng\n\n1. Nhiệm vụ chung\n\n");
}

TEST_CASE("docx: bullets are written as the pipeline reads them", "[read][docx]") {
  std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"1\">" + level(0, "bullet", "\xEF\x82\xB7") +  // U+F0B7
      level(1, "bullet", "+") + level(2, "bullet", "–") + level(3, "bullet", "*") +
      "</w:abstractNum>" + R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)");
  std::string body = li(2, 0, "Chấm") + li(2, 1, "Cộng") + li(2, 2, "Gạch ngang") + li(2, 3, "Sao");
  CHECK(rendered(docx(body, {{"word/numbering.xml", numbering}})) ==
        "- Chấm\n\n+ Cộng\n\n- Gạch ngang\n\n* Sao\n\n");
}

TEST_CASE("docx: merged cells spread over the grid, anchored by table, row and column",
          "[read][docx][tables]") {
  auto tc = [](const std::string& text, const std::string& properties = "") {
    return "<w:tc><w:tcPr>" + properties + "</w:tcPr>" + p(text) + "</w:tc>";
  };
  std::string span2 = "<w:gridSpan w:val=\"2\"/>";
  std::string restart = "<w:vMerge w:val=\"restart\"/>";
  std::string goes_on = "<w:vMerge/>";
  std::string table =
      "<w:tbl><w:tblGrid/>"
      "<w:tr>" +
      tc("TT") + tc("Nhiệm vụ") + tc("Cơ quan", span2) + "</w:tr>" + "<w:tr>" + tc("1", restart) +
      tc("Xây dựng | đề án") + tc("Sở KH&amp;CN") + tc("Sở Nội vụ") + "</w:tr>" + "<w:tr>" +
      tc("", goes_on) + tc("Triển khai") + tc("UBND cấp huyện", span2) + "</w:tr>" + "<w:tr>" +
      tc("2") + "<w:tc>" + p("Đoạn một") + p("Đoạn hai") + "<w:tbl><w:tr>" + tc("bảng") +
      tc("lồng") + "</w:tr></w:tbl></w:tc>" + tc("", goes_on + span2) + "</w:tr>" + "</w:tbl>";
  auto result = read_docx(docx(p("Phụ lục") + table + p("Hết")));
  REQUIRE(result.ok());
  const auto& file = *result.file;
  CHECK(file.bytes ==
        "Phụ lục\n\n"
        "| TT | Nhiệm vụ | Cơ quan | |\n"
        "|---|---|---|---|\n"
        "| 1 | Xây dựng \\| đề án | Sở KH&CN | Sở Nội vụ |\n"
        "| 1 | Triển khai | UBND cấp huyện | |\n"
        "| 2 | Đoạn một Đoạn hai bảng lồng | UBND cấp huyện | |\n"
        "\n"
        "Hết\n\n");
  CHECK(node_at(file, "| TT") == "tbl1");
  CHECK(node_at(file, "Cơ quan") == "tbl1/r1/c3");
  CHECK(node_at(file, "Sở Nội vụ") == "tbl1/r2/c4");
  CHECK(node_at(file, "1 | Triển khai") == "tbl1/r3/c1");  // the repeated merged cell
  CHECK(node_at(file, "Hết") == "p2");                     // table paragraphs are not counted

  auto parsed = vnplan::test::engine().parse(file);
  REQUIRE_FALSE(parsed.documents.empty());
  REQUIRE(parsed.documents[0].tables.size() == 1);
  CHECK(parsed.documents[0].tables[0].rows.size() == 3);
}

TEST_CASE("docx: a row of 1000 cells and a table past the cell bound", "[read][docx][tables]") {
  std::string row;
  for (int c = 1; c <= 1000; ++c) row += "<w:tc>" + p("ô" + std::to_string(c)) + "</w:tc>";
  std::string wide = "<w:tbl><w:tr>" + row + "</w:tr><w:tr>" + row + "</w:tr></w:tbl>";
  auto result = read_docx(docx(wide));
  REQUIRE(result.ok());
  const std::string& text = result.file->bytes;
  CHECK(std::count(text.begin(), text.end(), '\n') == 4);  // header, rule, row, blank
  CHECK(text.find("| ô1000 |\n") != std::string::npos);
  CHECK(node_at(*result.file, "ô1000 |\n|---") == "tbl1/r1/c1000");
  auto parsed = vnplan::test::engine().parse(*result.file);
  CHECK_FALSE(parsed.documents.empty());

  // A span of a billion columns: refused past kMaxTableCells, with a note.
  std::string huge = "<w:tbl><w:tr><w:tc>" + p("đầu") +
                     "</w:tc></w:tr><w:tr><w:tc><w:tcPr>"
                     "<w:gridSpan w:val=\"1000000000\"/></w:tcPr>" +
                     p("rộng") + "</w:tc></w:tr></w:tbl>";
  auto cut = read_docx(docx(huge));
  REQUIRE(cut.ok());
  CHECK(has_note(*cut.file, "docx.table_truncated"));
  CHECK(cut.file->bytes.find("rộng") == std::string::npos);
}

TEST_CASE("docx: footnotes after the body as the joiner reads them, separators skipped",
          "[read][docx][footnotes]") {
  std::string footnotes =
      "<w:footnotes " + kNamespaces + ">" +
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Về việc thí điểm một số cơ chế, chính sách đặc biệt.</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Quyết định số 204-QĐ/TW.</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>Đoạn thứ hai của chú thích.</w:t></w:r></w:p></w:footnote>)"
      "</w:footnotes>";
  std::string body =
      p("KẾ HOẠCH") +
      "<w:p><w:r><w:t xml:space=\"preserve\">Nghị quyết số 193/2025/QH15 của Quốc hội </w:t></w:r>"
      "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/>"
      "</w:r><w:r><w:t xml:space=\"preserve\"> thành các mục tiêu</w:t></w:r></w:p>" +
      "<w:p><w:r><w:t>Ban Bí thư</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r>"
      "<w:r><w:t>.</w:t></w:r></w:p>" +
      p("Tổ chức thực hiện.");
  auto result = read_docx(docx(body, {{"word/footnotes.xml", footnotes}}));
  REQUIRE(result.ok());
  const auto& file = *result.file;
  CHECK(file.bytes ==
        "KẾ HOẠCH\n\n"
        "Nghị quyết số 193/2025/QH15 của Quốc hội¹ thành các mục tiêu\n\n"
        "Ban Bí thư².\n\n"
        "Tổ chức thực hiện.\n\n"
        "¹ Về việc thí điểm một số cơ chế, chính sách đặc biệt.\n\n"
        "² Quyết định số 204-QĐ/TW. Đoạn thứ hai của chú thích.\n\n");
  CHECK(node_at(file, "² Quyết") == "footnote2");
  CHECK(has_note(file, "docx.footnotes"));

  auto parsed = vnplan::test::engine().parse(file);
  REQUIRE_FALSE(parsed.documents.empty());
  const auto& notes = parsed.documents[0].footnotes;
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].mark == "¹");
  CHECK(notes[0].text == "Về việc thí điểm một số cơ chế, chính sách đặc biệt.");
  CHECK(notes[1].mark == "²");
}

// In a document typed in TCVN3 (.VnTime fonts) the byte of "ư" is the soft
// hyphen, and Word saves it as <w:softHyphen/>: dropping the element would
// drop every ư ("Chương trình" read as "Chng trình"). Kept, it lets the text be
// told for TCVN3 and converted whole.
TEST_CASE("docx: a TCVN3 document keeps its ư, which Word saved as soft hyphens",
          "[read][docx][legacy]") {
  std::ifstream in(
      vnplan::test::source_dir() +
      "/tests/fixtures/legacy/an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.tcvn3-1252.txt");
  REQUIRE(in);
  const std::string soft_hyphen = "\xC2\xAD";
  const std::string as_word_saves_it =
      "</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t xml:space=\"preserve\">";
  std::string body, line;
  for (int n = 0; n < 40 && std::getline(in, line); ++n) {
    for (std::size_t at = line.find(soft_hyphen); at != std::string::npos;
         at = line.find(soft_hyphen, at + as_word_saves_it.size()))
      line.replace(at, soft_hyphen.size(), as_word_saves_it);
    if (!line.empty()) body += p(line);
  }
  REQUIRE(body.find("softHyphen") != std::string::npos);
  auto result = read_docx(docx(body));
  REQUIRE(result.ok());
  const auto& file = *result.file;
  CHECK(has_note(file, "read.legacy_encoding"));
  CHECK(file.bytes.find("Chương trình hành động") != std::string::npos);
  CHECK(file.bytes.find(soft_hyphen) == std::string::npos);
}

TEST_CASE("docx: a horizontal rule under the title is written as typed text writes it",
          "[read][docx]") {
  std::string rule =
      "<w:p><w:r><w:pict><v:rect style=\"width:0;height:1.5pt\" o:hr=\"t\"/></w:pict></w:r></w:p>";
  std::string picture =
      "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"x\"><a:graphic xmlns:a=\"y\"><a:prstGeom "
      "prst=\"rect\"/></a:graphic></wp:inline></w:drawing></w:r></w:p>";
  auto result = read_docx(docx(p("KẾ HOẠCH") + rule + picture + p("Thực hiện")));
  REQUIRE(result.ok());
  CHECK(result.file->bytes == "KẾ HOẠCH\n\n-----\n\nThực hiện\n\n");
  CHECK(has_note(*result.file, "docx.drawings"));
}

TEST_CASE("docx: math, another namespace prefix, and deep nesting stay bounded", "[read][docx]") {
  std::string math =
      "<w:p><w:r><w:t xml:space=\"preserve\">Phấn đấu </w:t></w:r><m:oMath><m:r><m:t>≥</m:t>"
      "</m:r><m:r><m:t>1,5%</m:t></m:r></m:oMath><w:r><w:t xml:space=\"preserve\"> ngân "
      "sách</w:t></w:r></w:p>";
  CHECK(rendered(docx(math)) == "Phấn đấu ≥1,5% ngân sách\n\n");

  std::string other_prefix =
      "<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<x:body><x:p><x:r><x:t>Tiền tố khác</x:t></x:r></x:p></x:body></x:document>";
  CHECK(rendered(zip_parts({{"word/document.xml", other_prefix}})) == "Tiền tố khác\n\n");

  std::string deep;
  for (int k = 0; k < 100000; ++k) deep += "<w:hyperlink>";
  deep += "<w:r><w:t>sâu</w:t></w:r>";
  for (int k = 0; k < 100000; ++k) deep += "</w:hyperlink>";
  std::string nested_tables;
  for (int k = 0; k < 200; ++k) nested_tables += "<w:tbl><w:tr><w:tc>";
  nested_tables += p("trong cùng");
  for (int k = 0; k < 200; ++k) nested_tables += "</w:tc></w:tr></w:tbl>";
  auto result = read_docx(docx(p("Nông") + "<w:p>" + deep + "</w:p>" + nested_tables));
  REQUIRE(result.ok());
  CHECK(result.file->bytes.rfind("Nông\n\n", 0) == 0);
  CHECK(has_note(*result.file, "docx.too_deep"));
}

TEST_CASE("docx: damaged, foreign, empty and hostile archives are refused clearly",
          "[read][docx][bad]") {
  auto refused = [](const std::string& bytes, const std::string& expected) {
    auto result = read_docx(bytes);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.error->to_string(),
               Catch::StartsWith("plan.docx: ") && Catch::Contains(expected));
    return result.error->message;
  };
  std::string good = docx(p("KẾ HOẠCH") + p(std::string(3000, 'x')));
  REQUIRE(read_docx(good).ok());

  refused(zip_parts({{"hello.txt", "xin chào"}}),
          "a ZIP archive but not a DOCX (no word/document.xml)");
  refused(good.substr(0, good.size() / 2), "damaged DOCX");  // truncated: no central directory

  // The central directory's offset of the local header points past the end.
  std::string corrupt = good;
  std::size_t central = corrupt.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  std::memset(&corrupt[central + 42], 0x7F, 4);
  refused(corrupt, "damaged DOCX: cannot read word/document.xml");

  // Deflated data scrambled in the middle: a CRC or zlib error while reading.
  std::string scrambled = good;
  for (std::size_t k = 60; k < 90; ++k) scrambled[k] = static_cast<char>(scrambled[k] ^ 0x5A);
  refused(scrambled, "damaged DOCX: cannot read word/document.xml (Zlib error");

  refused(docx(""), "the docx file holds no text");
  refused(docx("<w:p></w:p>" + p("   ")), "holds no text");
  refused(zip_parts({{"word/document.xml", "<w:document><w:body><w:p>"}}), "broken XML");
  refused(zip_parts({{"word/document.xml", document_xml(p("bí mật"))}}, "word/document.xml"),
          "encrypted DOCX (word/document.xml needs a password)");
  refused(docx(p("ok"), {{"word/numbering.xml", "<w:numbering"}}), "word/numbering.xml");
}

TEST_CASE("docx: a ZIP bomb is refused quickly, whatever size its header declares",
          "[read][docx][bad]") {
  auto start = std::chrono::steady_clock::now();
  // Declares 1 GiB: refused from the header, nothing is inflated.
  std::string declared = docx(p("nhỏ"));
  patch_uncompressed_size(declared, 1u << 30);
  auto big = read_docx(declared);
  REQUIRE_FALSE(big.ok());
  CHECK_THAT(big.error->message, Catch::Contains("decompressed size exceeds 64 MiB (ZIP bomb?)") &&
                                     Catch::Contains("word/document.xml"));

  // Declares 1 KiB but inflates past the bound: reading stops at the bound.
  std::string zeros(65u << 20, '\0');  // 1 MiB past the bound (kMaxUnzippedEntryBytes)
  std::string lying = zip_parts({{"word/document.xml", zeros}}, "", true);
  REQUIRE(lying.size() < (1u << 20));  // a bomb: a small file
  patch_uncompressed_size(lying, 1024);
  auto liar = read_docx(lying);
  REQUIRE_FALSE(liar.ok());
  CHECK_THAT(liar.error->message, Catch::Contains("decompressed size exceeds 64 MiB (ZIP bomb?)"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5.0);
}
