// Stage 2, normalise: in-line clean-up, joining, and the way back to the original bytes.
#include <algorithm>
#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

std::vector<std::string> blocks_of(const std::string& text, const std::string& path = "t.txt",
                                   bool ocr_text = false) {
  auto normal = vnplan::test::engine().normalise(vnplan::test::source_from(text, path), ocr_text);
  std::vector<std::string> out;
  for (const auto& block : normal.blocks) out.push_back(block.text());
  return out;
}

std::string first_block(const std::string& text, const std::string& path = "t.txt") {
  auto blocks = blocks_of(text, path);
  return blocks.empty() ? "" : blocks[0];
}

}  // namespace

TEST_CASE("LaTeX from converters becomes plain characters", "[normalise]") {
  CHECK(first_block("- Có $\\geq 1,5\\%$ tổng chi ngân sách\n") ==
        "- Có ≥ 1,5% tổng chi ngân sách");
  CHECK(first_block("Tỷ lệ $\\leq 5\\%$; $\\geq 03$ vườn ươm\n") == "Tỷ lệ ≤ 5%; ≥ 03 vườn ươm");
  // A span a hard wrap (PDF text, OCR of a printed page) cut at the line's end.
  CHECK(first_block("Tỷ lệ người dân có chữ ký số $\\geq\n5%$ và $\\geq 10$ doanh nghiệp.\n") ==
        "Tỷ lệ người dân có chữ ký số ≥ 5% và ≥ 10 doanh nghiệp.");
  CHECK(first_block("duy trì $\\geq 03$ vườn ươm; mỗi năm có $\\\ngeq 05$ sản phẩm\n") ==
        "duy trì ≥ 03 vườn ươm; mỗi năm có ≥ 05 sản phẩm");
  // OCR drops the backslash of a span's first command; a span with a plain
  // word stays as written.
  CHECK(first_block("Có $geq 60%$ người sử dụng và $x$ khác\n") ==
        "Có ≥ 60% người sử dụng và x khác");
  // OCR reads the q of \geq as g, and a speck after a command as "_".
  CHECK(first_block("Có $\\geg 1.200$ cán bộ và $\\geq_ 60%$ doanh nghiệp\n") ==
        "Có ≥ 1.200 cán bộ và ≥ 60% doanh nghiệp");
  // Printed TeX read back with a "$" read as S or lost: the comparison stays.
  CHECK(first_block("Có S\\geq 90%S$ hệ thống thông tin\n") == "Có ≥ 90% hệ thống thông tin");
  // A percent whose "\\" and closing "$" OCR both lost reads as a count: a lone
  // "%" before a word is taken for the misread "$" of a count (see below), the
  // commoner damage in the prints measured (15 of 18).
  CHECK(first_block("Có S$\\geq 85% doanh nghiệp\n") == "Có ≥ 85 doanh nghiệp");
  CHECK(first_block("cấp tỉnh S\\geq 0,92$ .\n") == "cấp tỉnh ≥ 0,92 .");
  CHECK(first_block("mỗi năm có $\\geq 250% sáng kiến; \\leq 5%\n") ==
        "mỗi năm có ≥ 250 sáng kiến; ≤ 5%");
  // The "$" that closes a span read as an 8 before the next word, and the g
  // of \geq read as "ø" (tesseract's Vietnamese model); a number that ends in
  // 8 inside a closed span keeps it.
  CHECK(first_block("Có $#\\geq 128 người; $\\geq 6008 cán bộ; $\\øeq 18$ doanh nghiệp\n") ==
        "Có ≥ 12 người; ≥ 600 cán bộ; ≥ 18 doanh nghiệp");
  CHECK(first_block("mỗi năm có $\\øgeq 708 sáng kiến\n") == "mỗi năm có ≥ 70 sáng kiến");
  CHECK(first_block("chỉ số chuyển đổi số cấp tỉnh $\\geq 0,928 .\n") ==
        "chỉ số chuyển đổi số cấp tỉnh ≥ 0,92 .");
  // ... or as a "%"; a percent in TeX math is "\\%", printed before its "$".
  CHECK(first_block("mỗi năm có $\\geq 10% công trình; có $\\geq 95%$ hồ sơ\n") ==
        "mỗi năm có ≥ 10 công trình; có ≥ 95% hồ sơ");
}

TEST_CASE("markdown and HTML decoration that is not structure is removed", "[normalise]") {
  CHECK(first_block("## **2. Yêu cầu**\n", "t.md") == "2. Yêu cầu");
  CHECK(first_block("#### *b) Về phát triển nguồn lực*\n", "t.md") == "b) Về phát triển nguồn lực");
  // (A table that opens a document is its header; this one follows a paragraph.)
  CHECK(blocks_of("Biểu:\n| 4 | <p>Đẩy mạnh</p> <i>(kịp thời)</i> |\n").at(1) ==
        "| 4 | Đẩy mạnh (kịp thời) |");
  CHECK(first_block("dòng một<br>dòng hai\n") == "dòng một dòng hai");
  // A bullet star stays a bullet.
  CHECK(first_block("* Thời gian thực hiện: Thường xuyên.\n") ==
        "* Thời gian thực hiện: Thường xuyên.");
}

TEST_CASE("spaces, zero-width characters, quotes and dashes are unified", "[normalise]") {
  CHECK(first_block("Kế\u00A0hoạch\u200B  số   69\n") == "Kế hoạch số 69");
  CHECK(first_block("“rõ người” – ‘rõ việc’\n") == "\"rõ người\" - 'rõ việc'");
}

TEST_CASE("text is NFC with one tone-placement style", "[normalise]") {
  CHECK(first_block("Cộng hoà xã hội, thuỷ lợi, khoẻ mạnh\n") ==
        "Cộng hòa xã hội, thủy lợi, khỏe mạnh");
  CHECK(first_block("quý, hoàn thành, Hoà Bình\n") == "quý, hoàn thành, Hòa Bình");
  // "ế" written as e + U+0302 + U+0301 becomes the one precomposed letter.
  CHECK(first_block("Ke\u0302\u0301 hoạch\n") == "Kế hoạch");
}

TEST_CASE("footnote marks are dropped from the text", "[normalise]") {
  CHECK(first_block("của Quốc hội¹ thành các mục tiêu\n") == "của Quốc hội thành các mục tiêu");
}

TEST_CASE("hard-wrapped PDF lines join into paragraphs; items and headings stay apart",
          "[normalise]") {
  std::string pdf =
      "I. MỤC ĐÍCH \n\n"
      "- Quán triệt và cụ thể hóa Nghị quyết số 57-NQ/TW, bảo đảm toàn Đảng bộ và \n\n"
      "hệ thống chính trị của tỉnh nhận thức đầy đủ, sâu sắc về vị trí, vai trò, tầm quan \n\n"
      "8 \n\n"
      "trọng của khoa học. \n\n"
      "- Thống nhất nhận thức, tạo quyết tâm chính trị cao; giúp cấp ủy, chính quyền, \n\n"
      "Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, doanh nghiệp và Nhân dân nhận \n\n"
      "thức đúng đắn. \n\n"
      "II. YÊU CẦU \n";
  auto blocks = blocks_of(pdf);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0] == "I. MỤC ĐÍCH");
  CHECK(blocks[1] ==
        "- Quán triệt và cụ thể hóa Nghị quyết số 57-NQ/TW, bảo đảm toàn Đảng bộ và hệ thống chính "
        "trị "
        "của tỉnh nhận thức đầy đủ, sâu sắc về vị trí, vai trò, tầm quan trọng của khoa học.");
  CHECK(blocks[2].rfind("- Thống nhất", 0) == 0);
  CHECK(blocks[2].find("Nhân dân nhận thức đúng đắn.") != std::string::npos);
  CHECK(blocks[3] == "II. YÊU CẦU");
}

// After a full line that ends a sentence, a capital goes on the paragraph; but a
// short line without closing punctuation before a blank line is a heading on
// its own (OCR lost its marker), unless the text goes on in lower case after
// the blank (a page break mid-sentence).
TEST_CASE("a short unpunctuated line after a full stop stands alone before a blank line",
          "[normalise]") {
  std::string ocr =
      "hoi, hiép hdi... phdi hop vdi cac doanh nghiép céng nghé sé tuyén truyén.\n"
      "Trach nhiém cua cac cap uy dang truc thudc Tinh uy\n"
      "\n"
      "Chi dao t6 chifc nghién citu, quan triét, tuyén truyén nghiém ttic.\n"
      "\n"
      "nham thtic day qua trinh chuyén déi sé va phat trién kinh té so ngay.\n"
      "Bén canh do, chu\n"
      "\n"
      "trong dau tu, trién khai cac giai phap s6 hda tai liéu, hé so.\n";
  auto blocks = blocks_of(ocr);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[1] == "Trach nhiém cua cac cap uy dang truc thudc Tinh uy");
  CHECK(blocks[3].find("Bén canh do, chu trong dau tu") != std::string::npos);
}

// OCR drops the dash of a heading's first item, and prints that leave no blank
// line under a heading: a one-line numbered title that ends well short of the
// wrap takes no capital line after it. A title that runs to the wrap, or ends on
// a capitalised word ("tinh An" / "Giang"), goes on; so does every heading in
// other text.
TEST_CASE("in OCR text a short numbered title ends before the capital below it", "[normalise]") {
  const std::string body =
      "Tang cudng két ndi, chia sé, str dung chung ha tang so gitra cac dia phuong\n"
      "vdi Trung wong va cac bé nganh; bao dam an toan thong tin mang cho he thong\n"
      "tinh, dam bao an ninh mang va chia sé dir liéu giita cac co quan trong tinh.\n"
      "\n";
  std::string text = body +
                     "7.2. Chién luge xay dung chinh quyén so, hinh thanh do thi thong\n"
                     "Tich hgp, lién thong cac co sé dir liéu trén nén tang chung.\n";
  auto ocr = blocks_of(text, "t.txt", true);
  REQUIRE(ocr.size() == 3);
  CHECK(ocr[1] == "7.2. Chién luge xay dung chinh quyén so, hinh thanh do thi thong");
  CHECK(ocr[2].find("Tich hgp") == 0);
  CHECK(blocks_of(text).size() == 2);
  std::string name = body +
                     "6.1. Hinh thanh va phat trién hé sinh thai déi mdi sang tao tinh An\n"
                     "Giang; thuc hién cac chinh sach khuyén khich khoi nghiép.\n";
  CHECK(blocks_of(name, "t.txt", true).size() == 2);
}

// OCR drops list markers. A line that ends a sentence with room left for the
// next line's first word was not wrapped: in OCR text the capital after it
// starts a new item. A line that ran to the wrap width still goes on, and so
// does every such line in other text, where the markers are there to see.
TEST_CASE("in OCR text a full stop with room left on the line ends the paragraph", "[normalise]") {
  std::string text =
      "Tang cudng két ndi, chia sé, str dung chung ha tang so gitra cac dia phuong\n"
      "vdi Trung wong va cac bé nganh; bao dam an toan thong tin mang cho he thong\n"
      "Ung dung tri tué nhan tao trong téng hop, bao cao, hé trg, ra quyét.\n"
      "Khuyén khich xa hdi hda, hgp tac cong - tu trong phat trién ha tang so va\n"
      "nén tang dung chung cua tinh, bao dam ket noi thong suot voi Trung wong ca.\n"
      "Xay dung co so dir liéu dung chung cua tinh, két ndi voi co so dir liéu quéc\n"
      "gia va cac nganh; chia sé dir liéu gitra cac co quan nha nuoc tren dia ban.\n";
  auto ocr = blocks_of(text, "t.txt", true);
  REQUIRE(ocr.size() == 2);
  CHECK(ocr[0].rfind("ra quyét.") + std::string("ra quyét.").size() == ocr[0].size());
  CHECK(ocr[1].find("Khuyén khich") == 0);
  CHECK(ocr[1].find("Trung wong ca. Xay dung") != std::string::npos);
  CHECK(blocks_of(text).size() == 1);
  // A number after the full stop is read like a capital there: it goes on
  // after a full line, and starts a new item after a short one.
  std::string numbers = text +
                        "100% giao dich hanh chinh thudc dién phi tiép xtc.\n"
                        "100% hé so, két qua giai quyét tht tuc hanh chinh dug’c sé héa.\n";
  auto items = blocks_of(numbers, "t.txt", true);
  REQUIRE(items.size() == 3);
  CHECK(items[1].find("dia ban. 100% giao dich") != std::string::npos);
  CHECK(items[2].find("100% hé so") == 0);
  // A line that stops at a comma goes on after a blank line, capital or not.
  auto comma = blocks_of(
      "Trién khai tg dung tri tué nhan tao (Al), dé liéu lon (Big Data),\n"
      "\n"
      "Internet van vat (loT) vao cac Iinh vuc trong diém cua tinh.\n",
      "t.txt", true);
  REQUIRE(comma.size() == 1);
  CHECK(comma[0].find("(Big Data), Internet") != std::string::npos);
  // So does a clause that stops at ";", in lower case.
  auto clause = blocks_of(
      "Mé rong phi song bang théng r6ng (5G, cap quang) dén cac ving sau,\n"
      "vung xa;\n"
      "\n"
      "nang cap duong truyén cho co quan dang, Nha nuéc, truong hoc.\n",
      "t.txt", true);
  REQUIRE(clause.size() == 1);
  CHECK(clause[0].find("vung xa; nang cap") != std::string::npos);
}

// Tesseract can read an item's marker ("h)") apart from its text, between a
// paragraph and the lower-case rest of it: the rest goes on the paragraph, the
// lone marker stays for the item after it.
TEST_CASE("in OCR text a paragraph goes on after lone markers read inside it", "[normalise]") {
  std::string text =
      "g) Xay dung chuong trinh thtc day tiéu dung san pham, dich vu trén moi\n"
      "trudng s6, bao gdm: dua san pham lén mdi trudng s6, trang bi ky nang so\n"
      "\n"
      "h)\n"
      "\n"
      "cho ngwoi dan, cung cap cac tién ich dé ngwoi dan giao dich trén mang.\n"
      "\n"
      "Phat trién cac nén tang so phuc vu ngwoi dan va doanh nghiép cua tinh.\n";
  auto ocr = blocks_of(text, "t.txt", true);
  REQUIRE(ocr.size() == 3);
  CHECK(ocr[0].find("ky nang so cho ngwoi dan") != std::string::npos);
  CHECK(ocr[1] == "h)");
  CHECK(blocks_of(text).size() == 4);
}

// OCR of a page whose items lost their dashes and are not spaced apart: a
// full line that ends with a full stop right above a capital ends its item.
// Where the text spaces its paragraphs with blank lines, the same lines are a
// wrap inside one paragraph.
TEST_CASE("OCR: a full stop above a capital ends an item where paragraphs are unspaced",
          "[normalise]") {
  std::string unspaced, spaced;
  for (int k = 1; k <= 12; ++k) {
    std::string item =
        "Triển khai nhiệm vụ số " + std::to_string(k) +
        " về phát triển hạ tầng số và dữ liệu số của tỉnh trong giai\n"
        "đoạn tới, bảo đảm kết nối, an toàn, bền vững và hiệu quả thiết thực cho mọi người dân.\n";
    unspaced += item;
    spaced += item;
    if (k % 6 == 0)  // a sentence that ends at a line's end, inside the paragraph
      spaced +=
          "Tăng cường giám sát việc thực hiện của các cơ quan, đơn vị, địa phương trên địa bàn\n"
          "tỉnh và báo cáo kết quả định kỳ hằng quý về Ủy ban nhân dân tỉnh.\n";
    spaced += "\n";
  }
  CHECK(blocks_of(unspaced, "t.txt", true).size() == 12);
  CHECK(blocks_of(spaced, "t.txt", true).size() == 12);
}

// A linearised table's long cell wraps; its next line goes on in lower case.
// A unit noun alone ("tỉnh") is a cell of its own only where the header has a
// unit column: in an assignment table it is the end of the task.
TEST_CASE("a wrapped cell goes on unless a unit column can hold its last word", "[normalise]") {
  std::string text =  // hard-wrapped, as PDF text is
      "Các sở, ban, ngành, địa phương triển khai các nhiệm vụ trong phụ lục kèm\n"
      "theo, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 hằng\n"
      "tháng để tổng hợp, theo dõi và đánh giá tiến độ thực hiện trong năm nay.\n";
  std::string head = text + "TT\nTên nhiệm vụ\nCơ quan chủ trì\nThời gian thực hiện\n";
  std::string row =
      "1\n"
      "Đào tạo chuyên sâu về an toàn thông tin mạng cho cán bộ chuyên trách của\n"
      "tỉnh\n"
      "Sở Thông tin và Truyền thông\n"
      "Năm 2025\n";
  auto tasks = blocks_of(head + row);
  CHECK(std::find(tasks.begin(), tasks.end(), "tỉnh") == tasks.end());
  auto targets = blocks_of(text + "TT\nChỉ tiêu\nĐơn vị tính\nCơ quan chủ trì\n" + row);
  CHECK(std::find(targets.begin(), targets.end(), "tỉnh") != targets.end());
  // OCR output leaves blank lines inside a cell: a line that starts with a
  // lower-case letter goes on the cell across one ("% dân số" does not).
  auto ocr = blocks_of(head +
                           "1\n"
                           "Xây dựng văn bản quy định trách nhiệm người đứng đầu cơ quan nhà\n"
                           "\n"
                           "nước trực tiếp phụ trách\n"
                           "\n"
                           "% dân số\n"
                           "\n"
                           "Sở Khoa học và Công nghệ\n",
                       "t.txt", true);
  CHECK(std::find(ocr.begin(), ocr.end(), "nước trực tiếp phụ trách") == ocr.end());
  CHECK(std::find(ocr.begin(), ocr.end(), "% dân số") != ocr.end());
  // A share is a unit cell too, right below the indicator ("… tăng trung bình"
  // / "%/năm"): no wrap starts at "%".
  auto share =
      blocks_of(text + "TT\nChỉ tiêu\nĐơn vị tính\nGiá trị\n" +
                    "16\n"
                    "Số lượng đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế tăng trung bình\n"
                    "%/năm\n"
                    "\n"
                    "1-2\n",
                "t.txt", true);
  CHECK(std::find(share.begin(), share.end(), "%/năm") != share.end());
  // Its wrap can fall before a date: a long line right below a long cell line.
  auto date =
      blocks_of(head +
                    "42\n"
                    "Tiếp tục triển khai thực hiện có hiệu quả Kế hoạch số 370/KH-UBND ngày\n"
                    "8/12/2021 của Ủy ban nhân dân tỉnh về chuyển đổi số tỉnh Tiền Giang giai\n"
                    "Các sở, ban, ngành, địa phương\n"
                    "90\n",
                "t.txt", true);
  CHECK(std::find_if(date.begin(), date.end(), [](const std::string& b) {
          return b.rfind("8/12/2021", 0) == 0;
        }) == date.end());
  CHECK(std::find(date.begin(), date.end(), "90") != date.end());
}

// A cell line cannot end in a symbol's hyphen or in a word like "và": the
// next line goes on the cell even with a capital. A row number after "và"
// still starts the next row.
TEST_CASE("a cell goes on after a glued hyphen or an unfinished ending", "[normalise]") {
  std::string head =
      "Các sở, ban, ngành, địa phương triển khai các nhiệm vụ trong phụ lục kèm\n"
      "theo, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 hằng\n"
      "tháng để tổng hợp, theo dõi và đánh giá tiến độ thực hiện trong năm nay.\n"
      "TT\nTên nhiệm vụ\nCơ quan chủ trì\nThời gian thực hiện\n";
  auto blocks = blocks_of(head +
                              "35\n"
                              "Nâng cấp hạ tầng đáp ứng yêu cầu tại văn bản số 1552/BTTTT-\n"
                              "TTH của Bộ Thông tin và Truyền thông\n"
                              "Sở Khoa học và\n"
                              "Công nghệ\n"
                              "Năm 2025 và các năm tiếp theo\n"
                              "36\n"
                              "Xây dựng kế hoạch chuyển đổi số\n",
                          "t.txt", true);
  auto has = [&](const std::string& b) {
    return std::find(blocks.begin(), blocks.end(), b) != blocks.end();
  };
  CHECK(std::find_if(blocks.begin(), blocks.end(), [](const std::string& b) {
          return b.find("1552/BTTTT-TTH của Bộ") != std::string::npos;
        }) != blocks.end());
  CHECK_FALSE(has("Công nghệ"));
  CHECK(has("Sở Khoa học và Công nghệ"));
  CHECK(has("36"));
}

// OCR reads the "lệ" of "tỷ lệ" as digits. No amount follows "tỷ", so "16"
// there is the word again; "Công ty 16" keeps its number.
TEST_CASE("OCR's 16 for lệ after tỷ is the word again", "[normalise]") {
  CHECK(first_block("Ty 16 ngudi dan co chu ky so dat 30%.") ==
        "Ty lệ ngudi dan co chu ky so dat 30%.");
  CHECK(first_block("Tỷ l6 phủ sóng đạt 100%.") == "Tỷ lệ phủ sóng đạt 100%.");
  CHECK(first_block("Công ty 16 thành viên.") == "Công ty 16 thành viên.");
  CHECK(first_block("Doanh thu 16 tỷ đồng.") == "Doanh thu 16 tỷ đồng.");
}

// OCR reads the I closing a word of a heading in capitals as a bar; a table
// row's bars stay bars.
TEST_CASE("OCR's bar for the I of a heading in capitals is the letter again", "[normalise]") {
  CHECK(first_block("II. NO| DUNG") == "II. NOI DUNG");
  CHECK(first_block("TRIEN KHAI THUC HIEN NGH| QUYET SO 09") ==
        "TRIEN KHAI THUC HIEN NGHI QUYET SO 09");
  CHECK(first_block("STT| NOI DUNG | DON VI") == "STT| NOI DUNG | DON VI");
}

// Markdown converters escape punctuation with a backslash ("R\&D", "\> 60%");
// the reader wants the character. A TeX "\geq" and an escaped "\|" in a pipe
// cell are left to the rules that read them.
TEST_CASE("markdown escapes lose their backslash", "[normalise]") {
  CHECK(first_block("Kinh phí cho R\\&D đạt \\> 60%; mục \\#3.") ==
        "Kinh phí cho R&D đạt > 60%; mục #3.");
  CHECK(first_block("Tỷ lệ đạt $\\geq 45\\%$ kế hoạch.") == "Tỷ lệ đạt ≥ 45% kế hoạch.");
  // A range's dash after a space, and a footnote mark in brackets.
  CHECK(first_block("GRDP tăng khoảng 7,5% \\- 8,0%\\[1\\]; năm 2021\\-2025.") ==
        "GRDP tăng khoảng 7,5% - 8,0%[1]; năm 2021-2025.");
  // First on its line, "\\- " stays: it is no list marker.
  CHECK(first_block("\\- 8,0% là mức thấp nhất.") == "\\- 8,0% là mức thấp nhất.");
}

// A sentence can wrap so that an abbreviation in capitals stands alone on its
// line ("UBND"); after a blank line (OCR's double spacing) the sentence goes on
// in lower case and joins it. A title in capitals still ends at its line.
TEST_CASE("an abbreviation wrapped onto its own line does not end the sentence", "[normalise]") {
  auto blocks = blocks_of(
      "Co quan phoi hop: Dang uy So Khoa hoc va Cong nghe, cac co quan chuyen trach giup viec Dang "
      "uy\n"
      "\n"
      "UBND\n"
      "\n"
      "tinh.\n"
      "\n"
      "KE HOACH\n"
      "\n"
      "thuc hien Nghi quyet so 57-NQ/TW\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].size() > 40);
  CHECK(blocks[0].substr(blocks[0].size() - 10) == "UBND tinh.");
  CHECK(blocks[1] == "KE HOACH");
}

TEST_CASE("a symbol broken after its hyphen is glued back and its footnote mark removed",
          "[normalise]") {
  std::string pdf =
      "- Cụ thể hóa Quyết định số 204- \n\n"
      "QĐ/TW1 và Nghị quyết số 71/NQ-CP2 thành các mục tiêu.\n"
      "                                                           \n"
      "1 Quyết định số 204-QĐ/TW ngày 29/11/2024 của Ban Bí thư. \n"
      "2 Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ. \n";
  auto normal = vnplan::test::engine().normalise(vnplan::test::source_from(pdf));
  REQUIRE(normal.blocks.size() == 3);
  CHECK(normal.blocks[0].text() ==
        "- Cụ thể hóa Quyết định số 204-QĐ/TW và Nghị quyết số 71/NQ-CP thành các mục tiêu.");
  CHECK(normal.blocks[1].kind == vnplan::BlockKind::footnote);
  CHECK(normal.stats.footnote_marks_removed == 2);
}

TEST_CASE("every normalised byte maps back to the original bytes", "[normalise]") {
  std::string original = "**a) *Về phát triển hạ tầng*: phủ sóng $\\geq 60\\%$ trên địa bàn**\n";
  auto normal = vnplan::test::engine().normalise(vnplan::test::source_from(original, "t.md"));
  REQUIRE(normal.blocks.size() == 1);
  const auto& block = normal.blocks[0];
  CHECK(block.text() == "a) Về phát triển hạ tầng: phủ sóng ≥ 60% trên địa bàn");
  auto find_span = [&](const std::string& needle) {
    std::size_t at = block.text().find(needle);
    auto span = block.span_of(at, at + needle.size());
    return original.substr(span.start, span.end - span.start);
  };
  CHECK(find_span("Về phát triển hạ tầng") == "Về phát triển hạ tầng");
  CHECK(find_span("trên địa bàn") == "trên địa bàn");
  CHECK(find_span("≥ 60%") == "$\\geq 60\\%$");
}

TEST_CASE("the folded view drops case and diacritics and maps back", "[normalise]") {
  const auto& folder = vnplan::test::engine();
  (void)folder;
  vnplan::Folder fold(*vnplan::test::grammar());
  auto folded = fold.fold("Mục tiêu CỤ THỂ Đến năm 2030 ¢)");
  CHECK(folded.text == "muc tieu cu the den nam 2030 c)");
  std::string source = "Mục tiêu CỤ THỂ Đến năm 2030 ¢)";
  std::size_t at = folded.text.find("den");
  CHECK(source.substr(folded.origin[at], 2) == "Đ");  // Đ is two bytes; "d" maps to its first
}

// Tesseract with a Vietnamese model gets the marks right, so the restore stage
// calls its output clean; but it reads the tab after a list marker as "_" and
// "I." as "IL". Three such lines make the text OCR text here; the "_" goes.
TEST_CASE("lines only OCR writes make a text with valid words OCR text", "[normalise]") {
  const std::string ocr =
      "IL MỤC ĐÍCH, YÊU CẦU\n"
      "a) _ Việc xây dựng, ban hành Kế hoạch nhằm thống nhất trong công tác chỉ\n"
      "đạo các cấp.\n\n"
      "b) _ Cụ thể hóa và thực hiện đầy đủ các mục tiêu.\n\n"
      "— __ Tiềm lực, trình độ khoa học đạt mức tiên tiến.\n";
  auto normal = vnplan::test::engine().normalise(vnplan::test::source_from(ocr, "t.txt"));
  CHECK(normal.ocr_text);
  CHECK(normal.stats.ocr_signs == 4);
  auto blocks = blocks_of(ocr);
  REQUIRE(blocks.size() >= 3);
  CHECK(blocks[1].rfind("a) Việc xây dựng", 0) == 0);
  CHECK(blocks.back() == "- Tiềm lực, trình độ khoa học đạt mức tiên tiến.");
  // Two are not enough, and clean text has none.
  const std::string two = "a) _ Việc xây dựng kế hoạch.\n\nb) _ Cụ thể hóa mục tiêu.\n";
  CHECK_FALSE(vnplan::test::engine().normalise(vnplan::test::source_from(two, "t.txt")).ocr_text);
  const std::string clean = "I. MỤC ĐÍCH\na) Việc xây dựng kế hoạch.\nII. YÊU CẦU\n";
  auto plain = vnplan::test::engine().normalise(vnplan::test::source_from(clean, "t.txt"));
  CHECK_FALSE(plain.ocr_text);
  CHECK(plain.stats.ocr_signs == 0);
}

// A table's ruling read as "_" sits against the words of a cell or between
// them; it is no part of a word, so an agency's name reads whole again.
TEST_CASE("an underscore OCR read from a ruling goes, one inside a word stays", "[normalise]") {
  auto blocks = blocks_of(
      "Đảng ủy _UBND tỉnh chủ trì.\n\n"
      "Tập trung lãnh đạo, chỉ đạo đẩy mạnh_ công tác tuyên truyền.\n\n"
      "Mặt trận Tổ quốc Việt Nam __ các tổ chức.\n\n"
      "Xem tại https://vanban.gov.vn/van_ban/57.\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0] == "Đảng ủy UBND tỉnh chủ trì.");
  CHECK(blocks[1] == "Tập trung lãnh đạo, chỉ đạo đẩy mạnh công tác tuyên truyền.");
  CHECK(blocks[2] == "Mặt trận Tổ quốc Việt Nam các tổ chức.");
  CHECK(blocks[3] == "Xem tại https://vanban.gov.vn/van_ban/57.");
}

// A bullet glyph as tesseract's Vietnamese model reads it when vnplan runs OCR on
// one column: "°Ò", "„", "»", with the tab after it as dots, "_" or "=".
TEST_CASE("OCR's readings of a bullet glyph become a dash", "[normalise]") {
  auto blocks = blocks_of(
      "°Ò Có ≥ 60% người sử dụng truy cập băng thông rộng.\n\n"
      "° ._ Tăng cường đầu tư.\n\n"
      "„ Phát triển hạ tầng.\n\n"
      "» _._ Hoàn thiện thể chế.\n\n"
      "- = Xây dựng đề án.\n\n"
      "\"Có\" là từ được trích dẫn.\n");
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[0] == "- Có ≥ 60% người sử dụng truy cập băng thông rộng.");
  CHECK(blocks[1] == "- Tăng cường đầu tư.");
  CHECK(blocks[2] == "- Phát triển hạ tầng.");
  CHECK(blocks[3] == "- Hoàn thiện thể chế.");
  CHECK(blocks[4] == "- Xây dựng đề án.");
  CHECK(blocks[5] == "\"Có\" là từ được trích dẫn.");  // a quote is not a bullet
}

// A markdown table printed and read back by OCR (or typed with hard wraps)
// wraps each pipe row over several lines; a cell may end at a wrap, so a line
// inside the row can end with a bar. The row's lines join up to the last one
// of the run that ends with a bar. A row with no closing bar stays as written.
TEST_CASE("a pipe row wrapped over several lines is one row", "[normalise]") {
  auto blocks = blocks_of(
      "Biểu phân công nhiệm vụ:\n"
      "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian thực\n"
      "hiện |\n"
      "\n"
      "| 1 | Nghiên cứu, đề xuất các cơ chế, chính sách đặc thù cho các dự án | Đảng ủy UBND\n"
      "tỉnh | Sở Tài chính, Sở Khoa học và Công nghệ |\n"
      "Hoàn thành trước tháng 12/2025 |\n"
      "\n"
      "| 2 | Số hóa hồ sơ | Sở Nội vụ\n"
      "| 3 | Đào tạo kỹ năng số | Sở Nội vụ |\n");
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[1] == "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |");
  CHECK(blocks[2] ==
        "| 1 | Nghiên cứu, đề xuất các cơ chế, chính sách đặc thù cho các dự án | Đảng ủy UBND "
        "tỉnh | Sở Tài chính, Sở Khoa học và Công nghệ | Hoàn thành trước tháng 12/2025 |");
  CHECK(blocks[3] == "| 2 | Số hóa hồ sơ | Sở Nội vụ");
}

// Tesseract writes a form feed between the pages of its text: a page break,
// not a character of the page's first line, whose marker must still be read.
TEST_CASE("a form feed between OCR pages is a page break", "[normalise]") {
  auto blocks =
      blocks_of("I. MỤC ĐÍCH\n\nQuán triệt sâu rộng.\n\f\nII. MỤC TIÊU\n\fIII. NHIỆM VỤ\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[2] == "II. MỤC TIÊU");
  CHECK(blocks[3] == "III. NHIỆM VỤ");
}

// A markdown page printed and read back by OCR: "###" before a heading comes
// out as "HHH", "H###" or "H##HH", and a wrapped row may hold a blank line.
TEST_CASE("OCR's readings of markdown heading marks go", "[normalise]") {
  auto blocks = blocks_of("Kế hoạch\n\nHHH **V- TỔ CHỨC THỰC HIỆN**\n\nH##HH **1. Ban Chỉ đạo**\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[1] == "V- TỔ CHỨC THỰC HIỆN");
  CHECK(blocks[2] == "1. Ban Chỉ đạo");
  auto rows =
      blocks_of("Biểu:\n| 10 | Nghiên cứu thành lập quỹ đầu tư\n\nmạo hiểm | Sở Tài chính |\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1] == "| 10 | Nghiên cứu thành lập quỹ đầu tư mạo hiểm | Sở Tài chính |");
}

// OCR may drop the bar a printed pipe row opens with. A short first cell before
// a bar opens a row when the line holds a table's bars or a row came just
// before; a number before a bar in prose, or in text not read by OCR, stays.
TEST_CASE("a printed pipe row that lost its opening bar is still a row", "[normalise]") {
  auto blocks = blocks_of(
      "Biểu phân công:\n"
      "TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
      "\n"
      "6 | Phát triển hạ tầng năng lượng, nhất là năng lượng mới\n"
      "cho phát triển khoa học | Đảng ủy UBND tỉnh | Thường xuyên |\n"
      "\n"
      "| V | Xây dựng các chương trình | | |\n",
      "t.txt", true);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[1] == "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian |");
  CHECK(blocks[2] ==
        "| 6 | Phát triển hạ tầng năng lượng, nhất là năng lượng mới cho phát triển khoa học | "
        "Đảng ủy UBND tỉnh | Thường xuyên |");
  auto prose = blocks_of("Kế hoạch:\n\n2 | 3 mục tiêu chính của kế hoạch.\n", "t.txt", true);
  REQUIRE(prose.size() == 2);
  CHECK(prose[1] == "2 | 3 mục tiêu chính của kế hoạch.");
  // Typed text: the OCR rule does not apply; one bar between two header
  // columns (issuer | motto) is no row.
  auto typed = blocks_of("Biểu:\n\nTT | Tên cơ quan\n", "t.txt", false);
  CHECK(typed.back() == "TT | Tên cơ quan");
}

// GitHub's markdown, and converters, write a table's rows without their outer
// bars: two spaced bars on a line make it a row of typed text.
TEST_CASE("a typed row without outer bars is a pipe row", "[normalise]") {
  auto blocks = blocks_of(
      "Phụ lục:\n\nTT | Nhiệm vụ | Cơ quan chủ trì\n\n1 | Xây dựng kho dữ liệu | Sở Tài chính\n"
      "\n------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
      "t.txt", false);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[1] == "| TT | Nhiệm vụ | Cơ quan chủ trì");
  CHECK(blocks[2] == "| 1 | Xây dựng kho dữ liệu | Sở Tài chính");
  CHECK(blocks[3] == "------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
}

// "Căn cứ Nghị quyết …" opens a block of its own; "căn cứ" in lower case at the
// start of a hard-wrapped line goes on the sentence a wrap cut.
TEST_CASE("căn cứ opens a block only with a capital", "[normalise]") {
  auto blocks = blocks_of(
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố; các cơ quan, đơn vị\n"
      "căn cứ nhiệm vụ được giao trong Kế hoạch này, xây dựng kế hoạch cụ thể.\n"
      "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[1].find("đơn vị căn cứ nhiệm vụ") != std::string::npos);
  CHECK(blocks[2].rfind("Căn cứ Nghị quyết", 0) == 0);
}

// A PDF's text layer wraps a table printed without bars as OCR does: a row goes
// on to its paragraph's end, across lines that end at a cell's bar or hold
// bars of their own, and stops at the next numbered row.
TEST_CASE("a bar-less table in a PDF's text keeps its wrapped rows", "[normalise]") {
  auto source = vnplan::test::source_from(
      "PHỤ LỤC\n"
      "\n"
      "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n"
      "\n"
      "1 | Đề án cơ cấu lại hệ thống các cơ sở nghiên cứu, trong đó:\n"
      "xây dựng Trung tâm đổi mới sáng tạo | Bộ Khoa học và Công nghệ |\n"
      "2023\n"
      "2 | Quy hoạch Thủ đô | UBND thành phố Hà\n"
      "Nội | Quý II/2023\n",
      "plan.txt");
  source.format = vnplan::SourceFormat::pdf;  // the text a PDF's layer renders
  auto normal = vnplan::test::engine().normalise(source, false);
  std::vector<std::string> blocks;
  for (const auto& block : normal.blocks) blocks.push_back(block.text());
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[1] == "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian");
  CHECK(blocks[2] ==
        "| 1 | Đề án cơ cấu lại hệ thống các cơ sở nghiên cứu, trong đó: xây dựng Trung tâm đổi "
        "mới sáng tạo | Bộ Khoa học và Công nghệ | 2023");
  CHECK(blocks[3] == "| 2 | Quy hoạch Thủ đô | UBND thành phố Hà Nội | Quý II/2023");
}
