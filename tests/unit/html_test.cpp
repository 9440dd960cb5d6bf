// HTML: the reader's rendition (blocks, list numbers, tables, charsets, hostile
// nesting) and HTML tables inside markdown.
#include <catch2/catch.hpp>
#include <chrono>

#include "fixtures.hpp"

using vnplan::check_source;

namespace {

std::string rendered(const std::string& html) {
  auto read = check_source("page.html", html);
  if (!read.ok()) FAIL(read.error->to_string());
  CHECK(read.file->format == vnplan::SourceFormat::html);
  return read.file->bytes;
}

std::string page(const std::string& body) {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + body +
         "\n</body></html>\n";
}

const vnplan::Table& only_table(const vnplan::ParseResult& result) {
  REQUIRE(result.documents.size() >= 1);
  REQUIRE(result.documents[0].tables.size() == 1);
  return result.documents[0].tables[0];
}

std::vector<std::string> texts(const vnplan::TableRow& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

std::string spanned(const std::string& bytes, const vnplan::Span& span) {
  return bytes.substr(span.start, span.end - span.start);
}

}  // namespace

TEST_CASE("HTML blocks become paragraphs, inline elements flow into them", "[html]") {
  CHECK(rendered(page("<h1>KẾ HOẠCH</h1>\n<h3>Mục tiêu</h3>\n"
                      "<p>Đoạn một<br>dòng hai</p><div>Khối <span>liền</span></div>\n"
                      "<p>a <b>đậm</b> <i>nghiêng</i>, <a href=\"#\">liên kết</a>, "
                      "m<sup>2</sup></p>\n<blockquote>Trích</blockquote>")) ==
        "# KẾ HOẠCH\n\n### Mục tiêu\n\nĐoạn một\ndòng hai\n\nKhối liền\n\n"
        "a đậm nghiêng, liên kết, m2\n\nTrích\n\n");
  // A paragraph all in bold is written as the markdown corpora write it.
  CHECK(rendered(page("<p><strong>T/M BAN THƯỜNG VỤ</strong></p><p><b>Sở</b> chủ trì</p>")) ==
        "**T/M BAN THƯỜNG VỤ**\n\nSở chủ trì\n\n");
  CHECK(rendered(page("<pre>dòng 1\ndòng 2</pre>")) == "dòng 1\ndòng 2\n\n");
}

TEST_CASE("HTML list numbers are typed out: type, start, value, nesting", "[html]") {
  CHECK(
      rendered(page("<ol><li>Một</li><li>Hai</li></ol>"
                    "<ol type=\"a\" start=\"2\"><li>x</li></ol>"
                    "<ol type=\"I\" start=\"3\"><li>y</li></ol>"
                    "<ul><li>z</li></ul>"
                    "<ol><li value=\"7\">v</li><li>w</li></ol>"
                    "<ol type=\"A\"><li>p</li></ol><ol type=\"i\" start=\"4\"><li>q</li></ol>")) ==
      "1. Một\n\n2. Hai\n\nb) x\n\nIII. y\n\n- z\n\n7. v\n\n8. w\n\nA. p\n\n(iv) q\n\n");
  CHECK(rendered(page("<ol><li>Mục tiêu<ul><li>con một</li><li><p>con hai</p></li></ul></li>"
                      "<li><p>Nhiệm vụ</p><p>thêm</p></li></ol>")) ==
        "1. Mục tiêu\n\n- con một\n\n- con hai\n\n2. Nhiệm vụ\n\nthêm\n\n");
  // An item holding only a list keeps its number on its own line.
  CHECK(rendered(page("<ol type=\"I\"><li><ol><li>a</li></ol></li></ol>")) == "I.\n\n1. a\n\n");
  CHECK(rendered(page("<ol type=\"a\" start=\"27\"><li>x</li></ol>")) == "aa) x\n\n");
}

TEST_CASE("HTML scripts, styles, head and comments are left out, entities decoded", "[html]") {
  std::string html =
      "<html><head><title>Tiêu đề trang</title><style>p { color: red }</style>"
      "<script>var x = \"<p>không</p>\";</script></head><body><!-- chú thích -->"
      "<p>R&amp;D &lt;5&gt; &quot;q&quot; &#7871; &eacute;&nbsp;x</p>"
      "<noscript>không</noscript><template><p>không</p></template>"
      "<script>document.write('không')</script></body></html>";
  CHECK(rendered(html) == "R&D <5> \"q\" ế é\xC2\xA0x\n\n");
}

TEST_CASE("HTML in a legacy charset is decoded as the page declares", "[html]") {
  // Windows-1258: "Kế hoạch" typed with combining tone marks (0xEC acute, 0xF2 dot below).
  std::string cp1258 =
      "<html><head><meta charset=\"windows-1258\"></head><body><p>K\xEA\xEC ho"
      "a\xF2"
      "ch Vi\xEA\xF2t Nam</p></body></html>";
  auto file = vnplan::test::source_from(cp1258, "legacy.html");
  auto normal = vnplan::test::engine().normalise(file);
  REQUIRE(normal.blocks.size() == 1);
  CHECK(normal.blocks[0].text() == "Kế hoạch Việt Nam");

  std::string latin1 =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-1\"></head><body><p>caf\xE9 cr\xE8me</p></body></html>";
  CHECK(rendered(latin1) == "café crème\n\n");
  // No declaration: UTF-8.
  CHECK(rendered("<html><body><p>Kế hoạch</p></body></html>") == "Kế hoạch\n\n");
}

TEST_CASE("HTML tables keep rowspan and colspan on the grid, anchored at their lines", "[html]") {
  std::string html = page(
      "<p>Phụ lục nhiệm vụ</p>\n"
      "<table>\n"
      "<caption>Bảng 1</caption>\n"
      "<thead><tr><th>TT</th><th>Tên nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr>"
      "</thead>\n"
      "<tbody><tr><td>1</td><td>Ban hành kế hoạch</td>\n"
      "<td rowspan=\"2\">Sở Khoa học và Công nghệ</td><td>Năm 2025</td></tr>\n"
      "<tr><td>2</td><td>Xây dựng <i>cơ sở</i> dữ liệu | mở</td><td>Năm 2026</td></tr>\n"
      "<tr><td colspan=\"2\">Tổng cộng</td><td>x<table><tr><td>lồng</td><td>nhau</td></tr>"
      "</table></td><td>&nbsp;</td></tr></tbody>\n"
      "</table>");
  auto file = vnplan::test::source_from(html, "plan.html");
  auto result = vnplan::test::engine().parse(file);
  const auto& table = only_table(result);
  CHECK(table.header ==
        std::vector<std::string>{"TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian"});
  REQUIRE(table.rows.size() == 3);
  CHECK(texts(table.rows[0]) ==
        std::vector<std::string>{"1", "Ban hành kế hoạch", "Sở Khoa học và Công nghệ", "Năm 2025"});
  CHECK(texts(table.rows[1]) == std::vector<std::string>{"2", "Xây dựng cơ sở dữ liệu | mở",
                                                         "Sở Khoa học và Công nghệ", "Năm 2026"});
  CHECK(texts(table.rows[2]) == std::vector<std::string>{"Tổng cộng", "", "x lồng nhau", ""});
  CHECK_THAT(file.bytes, Catch::Contains("Bảng 1\n\n| TT |"));
  // Spans count bytes of the rendition; anchors give the line of each cell in the file.
  for (std::size_t r = 0; r < 2; ++r) {
    const auto& cell = table.rows[r].cells[2];
    CHECK(spanned(file.bytes, cell.span) == "Sở Khoa học và Công nghệ");
    REQUIRE(file.anchor_at(cell.span.start));
    CHECK(file.anchor_at(cell.span.start)->line == 8);  // the rowspan cell's line, in both rows
  }
  CHECK(file.anchor_at(table.rows[1].cells[3].span.start)->line == 9);
  CHECK(spanned(file.bytes, table.rows[1].cells[1].span) == "Xây dựng cơ sở dữ liệu \\| mở");
}

TEST_CASE("HTML table bounds: a 1000-cell row, a huge colspan", "[html]") {
  std::string header, row;
  for (int c = 1; c <= 1000; ++c) {
    header += "<th>C" + std::to_string(c) + "</th>";
    row += "<td>v" + std::to_string(c) + "</td>";
  }
  auto wide = vnplan::test::parse_text(
      page("<p>Bảng rộng</p><table><tr>" + header + "</tr><tr>" + row + "</tr></table>"),
      "wide.html");
  const auto& table = only_table(wide);
  CHECK(table.header.size() == 1000);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells.size() == 1000);
  CHECK(table.rows[0].cells[999].text == "v1000");

  auto file = vnplan::test::source_from(
      page("<p>Bảng</p><table><tr><td colspan=\"1000000\">Tiêu đề</td></tr>"
           "<tr><td>a</td><td rowspan=\"99999999\">b</td></tr><tr><td>c</td></tr></table>"),
      "span.html");
  CHECK(file.bytes.size() < 200);  // no grid of a million columns
  auto result = vnplan::test::engine().parse(file);
  const auto& spanned_table = only_table(result);
  CHECK(spanned_table.header == std::vector<std::string>{"Tiêu đề", ""});
  REQUIRE(spanned_table.rows.size() == 2);
  CHECK(texts(spanned_table.rows[0]) == std::vector<std::string>{"a", "b"});
  CHECK(texts(spanned_table.rows[1]) == std::vector<std::string>{"c", "b"});
  bool clamped = false;
  for (const auto& note : file.notes) clamped |= note.code == "html.span_clamped";
  CHECK(clamped);
}

TEST_CASE("HTML nested 100 000 deep is read up to libxml2's limit, fast and bounded", "[html]") {
  auto started = std::chrono::steady_clock::now();
  std::string deep = "<html><body><p>Mở đầu</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "sâu";
  auto read = check_source("deep.html", deep);
  REQUIRE(read.ok());
  CHECK(read.file->bytes == "Mở đầu\n\n");
  bool warned = false;
  for (const auto& note : read.file->notes)
    warned |= note.code == "html.too_deep" && note.severity == vnplan::Severity::warning;
  CHECK(warned);

  std::string only_deep;
  for (int i = 0; i < 100000; ++i) only_deep += "<div>";
  auto refused = check_source("deep.html", "<html><body>" + only_deep + "x");
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error->to_string(),
             Catch::Contains("deep.html") && Catch::Contains("nested deeper than"));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  CHECK(seconds.count() < 2.0);
}

TEST_CASE("HTML without text is refused clearly", "[html]") {
  for (std::string html : {"<html><body>  \n </body></html>", "<html></html>",
                           "<!DOCTYPE html><html><head><title>x</title></head><body>"
                           "<script>x()</script></body></html>"}) {
    auto read = check_source("blank.html", html);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error->to_string() == "blank.html: the html file holds no text");
  }
}

TEST_CASE("HTML line numbers past 65535 are kept in anchors", "[html]") {
  std::string html = "<html><body>\n";
  for (int i = 0; i < 70000; ++i) html += "<p>đoạn</p>\n";
  html += "<p>cuối</p>\n</body></html>\n";
  auto file = vnplan::test::source_from(html, "long.html");
  std::size_t last = file.bytes.rfind("cuối");
  REQUIRE(last != std::string::npos);
  REQUIRE(file.anchor_at(last));
  CHECK(file.anchor_at(last)->line == 70002);
}

TEST_CASE("an HTML table inside markdown becomes pipe rows mapped to the file", "[html]") {
  std::string md =
      "# KẾ HOẠCH\n\nĐoạn văn mở đầu.\n\n"
      "<table>\n"
      "  <tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>\n"
      "  <tr><td>1</td><td rowspan=\"2\">Ban hành &amp; triển khai</td>"
      "<td><b>Sở Tài chính</b></td></tr>\n"
      "  <tr><td>2</td><td>Sở Nội vụ</td></tr>\n"
      "</table>\n\nĐoạn sau bảng.\n";
  auto file = vnplan::test::source_from(md, "plan.md");
  auto normal = vnplan::test::engine().normalise(file);
  std::vector<std::string> rows;
  for (const auto& block : normal.blocks)
    if (block.kind == vnplan::BlockKind::table_row) rows.push_back(block.text());
  CHECK(rows == std::vector<std::string>{"| TT | Nhiệm vụ | Cơ quan chủ trì |",
                                         "| 1 | Ban hành & triển khai | Sở Tài chính |",
                                         "| 2 | Ban hành & triển khai | Sở Nội vụ |"});
  CHECK(normal.blocks.back().text() == "Đoạn sau bảng.");
  CHECK(normal.blocks.back().kind == vnplan::BlockKind::paragraph);

  auto result = vnplan::test::engine().parse(file);
  const auto& table = only_table(result);
  CHECK(table.header == std::vector<std::string>{"TT", "Nhiệm vụ", "Cơ quan chủ trì"});
  REQUIRE(table.rows.size() == 2);
  const auto& first = table.rows[0].cells;
  const auto& second = table.rows[1].cells;
  CHECK(spanned(md, first[2].span) == "Sở Tài chính");
  CHECK(spanned(md, second[2].span) == "Sở Nội vụ");
  // The entity is not the text as written: the span still covers the cell's words.
  CHECK(spanned(md, first[1].span) == "Ban hành &amp; triển khai");
  CHECK(spanned(md, second[1].span) == "Ban hành &amp; triển khai");  // the rowspan, repeated
  CHECK(spanned(md, first[0].span) == "1");
  CHECK(first[0].span.line == 7);
  CHECK(second[0].span.line == 8);
}

TEST_CASE("HTML table markup in markdown that is not a table block is left alone", "[html]") {
  // Unclosed: the lines stay text (the cleaner does what it can with them).
  auto normal = vnplan::test::engine().normalise(vnplan::test::source_from(
      "Đoạn một.\n\n<table>\n<tr><td>a</td></tr>\n\nĐoạn hai.\n", "t.md"));
  for (const auto& block : normal.blocks) CHECK(block.kind != vnplan::BlockKind::table_row);
  // Not at a line start: left to the cleaner, like the HTML fragments in pipe cells.
  auto inline_table = vnplan::test::engine().normalise(vnplan::test::source_from(
      "Đoạn một.\n\nXem <table><tr><td>a</td></tr></table> sau.\n", "t.md"));
  for (const auto& block : inline_table.blocks) CHECK(block.kind != vnplan::BlockKind::table_row);
}
