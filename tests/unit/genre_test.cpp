// Layouts of the genre that the corpora do not show: a two-column header read
// by pdftotext, a department plan, a ward plan numbered without Roman
// numerals, a programme, text in NFD. Same grammar, no special cases.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

std::vector<std::string> numbers(const vnplan::DocumentModel& model) {
  std::vector<std::string> out;
  for (const auto& s : model.sections) out.push_back(s.number + ":" + s.kind);
  return out;
}

}  // namespace

TEST_CASE("a two-column header as pdftotext writes it", "[genre]") {
  auto result = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
      "-------- ---------------\n"
      "Số: 215/KH-UBND Lào Cai, ngày 14 tháng 5 năm 2025\n"
      "\n"
      "KẾ HOẠCH\n"
      "Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 02/6/2025 của Ban Chỉ đạo Trung ương\n"
      "\n"
      "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
      "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "1. Mục đích\n"
      "Cụ thể hóa các nhiệm vụ.\n"
      "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n"
      "1. Sở Khoa học và Công nghệ chủ trì xây dựng đề án.\n"
      "III. KINH PHÍ THỰC HIỆN\n"
      "Ngân sách tỉnh bảo đảm.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Các sở, ban, ngành triển khai.\n"
      "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n"
      "- Bộ Khoa học và Công nghệ; KT. CHỦ TỊCH\n"
      "- Lưu: VT. PHÓ CHỦ TỊCH\n");
  const auto& h = result.documents.at(0).document;
  REQUIRE(h.number);
  CHECK(h.number->text == "215/KH-UBND");
  CHECK(*h.date == "2025-05-14");
  CHECK(*h.place == "Lào Cai");
  REQUIRE(h.issuers.size() == 2);
  CHECK(h.issuers[0].text == "ỦY BAN NHÂN DÂN");
  CHECK(h.issuers[1].text == "TỈNH LÀO CAI");
  CHECK(h.mottos.size() == 2);
  CHECK(numbers(result.documents[0]) ==
        std::vector<std::string>{"I:purpose", "1:purpose", "II:tasks", "1:tasks", "III:funding",
                                 "IV:organisation", "1:organisation"});
  REQUIRE(h.signature);
  CHECK(*h.signature->mode == "TM.");
  CHECK(*h.signature->on_behalf_of == "ỦY BAN NHÂN DÂN");
  CHECK(*h.signature->position == "PHÓ CHỦ TỊCH");  // given back by the recipient lines
  REQUIRE(h.recipients.size() == 2);
  CHECK(h.recipients[0].name == "Bộ Khoa học và Công nghệ");
  CHECK(h.recipients[1].name == "Lưu: VT");
}

TEST_CASE("a department plan numbered with Arabic top levels", "[genre]") {
  auto result = vnplan::test::parse_text(
      "SỞ TÀI CHÍNH TỈNH NINH BÌNH\n"
      "Số: 88/KH-STC\n"
      "Ninh Bình, ngày 03 tháng 7 năm 2025\n"
      "KẾ HOẠCH\n"
      "Triển khai Chương trình hành động số 12-CTr/TU của Tỉnh ủy\n"
      "1. MỤC TIÊU\n"
      "1.1. Mục tiêu chung\n"
      "Nâng cao năng lực số.\n"
      "1.2. Mục tiêu cụ thể\n"
      "a) Giai đoạn 2025 - 2030\n"
      "- 100% hồ sơ được số hóa.\n"
      "b) Tầm nhìn đến năm 2045\n"
      "- Dữ liệu tài chính mở.\n"
      "2. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "2.1. Hoàn thiện thể chế\n"
      "2.2. Phát triển hạ tầng\n"
      "3. TỔ CHỨC THỰC HIỆN\n"
      "3.1. Chế độ báo cáo\n"
      "Các phòng báo cáo hằng quý.\n"
      "Nơi nhận:\n"
      "- UBND tỉnh (b/c);\n"
      "- Lưu: VT.\n"
      "GIÁM ĐỐC\n"
      "Phạm Thị Hoa\n");
  const auto& model = result.documents.at(0);
  CHECK(model.document.issuers.at(0).text == "SỞ TÀI CHÍNH TỈNH NINH BÌNH");
  CHECK(model.document.number->issuer == "STC");
  CHECK(numbers(model) == std::vector<std::string>{"1:goals", "1.1:general_goals",
                                                   "1.2:specific_goals", "a:horizon", "b:horizon",
                                                   "2:tasks", "2.1:tasks", "2.2:tasks",
                                                   "3:organisation", "3.1:reporting"});
  CHECK(*model.sections[3].year == 2030);
  CHECK(*model.document.signature->position == "GIÁM ĐỐC");
  CHECK(*model.document.signature->name == "Phạm Thị Hoa");
  CHECK(model.document.references.at(0).relation == "implements");
}

TEST_CASE("a ward party plan and a programme type line", "[genre]") {
  auto result = vnplan::test::parse_text(
      "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\n"
      "ĐẢNG ỦY PHƯỜNG BA ĐÌNH\n"
      "Số 21-CTr/ĐU\n"
      "Ba Đình, ngày 15 tháng 9 năm 2025\n"
      "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
      "thực hiện Kế hoạch số 400-KH/TU của Ban Thường vụ Thành ủy\n"
      "Thực hiện Kế hoạch số 400-KH/TU ngày 01/8/2025 của Ban Thường vụ Thành ủy, Ban Thường vụ "
      "Đảng ủy ban hành Chương trình hành động như sau:\n"
      "I- MỤC ĐÍCH, YÊU CẦU\n"
      "II- MỤC TIÊU\n"
      "III- NHIỆM VỤ\n"
      "(1) Tuyên truyền.\n"
      "(2) Đào tạo.\n"
      "IV- TỔ CHỨC THỰC HIỆN\n"
      "T/M BAN THƯỜNG VỤ\n"
      "BÍ THƯ\n"
      "Nguyễn Văn Nam\n");
  const auto& model = result.documents.at(0);
  CHECK(*model.document.kind == "program");
  CHECK(*model.document.type_name == "CHƯƠNG TRÌNH HÀNH ĐỘNG");
  CHECK(model.document.number->text == "21-CTr/ĐU");
  CHECK(model.document.references.at(0).number.text == "400-KH/TU");
  CHECK(model.document.references.at(0).relation == "implements");
  CHECK(*model.document.references.at(0).date == "2025-08-01");
  CHECK(numbers(model) == std::vector<std::string>{"I:purpose", "II:goals", "III:tasks",
                                                   "(1):tasks", "(2):tasks", "IV:organisation"});
  CHECK(*model.document.signature->name == "Nguyễn Văn Nam");
}

TEST_CASE("NFD text (as macOS writes it) reads like NFC", "[genre]") {
  // "MỤC ĐÍCH" and "Mục tiêu cụ thể" with combining marks
  auto result = vnplan::test::parse_text(
      "I. MU\u0323C \u0110I\u0301CH\nNo\u0323i dung.\nII. MU\u0323C TIE\u0302U\n"
      "1. Mu\u0323c tie\u0302u cu\u0323 the\u0302\u0309\n- 100%.\n");
  CHECK(numbers(result.documents.at(0)) ==
        std::vector<std::string>{"I:purpose", "II:goals", "1:specific_goals"});
  CHECK(result.documents[0].sections[0].title == "MỤC ĐÍCH");
}

// The restorer judges the composed text: decomposed marks apart from their
// letters are no damage, and nothing of the text is rewritten.
TEST_CASE("NFD text is judged clean and nothing is restored", "[genre]") {
  std::string nfc =
      "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành xây dựng kế hoạch "
      "chuyển đổi số của tỉnh, trình Ủy ban nhân dân tỉnh trước ngày 30/6/2025; hướng dẫn các "
      "địa phương triển khai các nền tảng số dùng chung, bảo đảm an toàn thông tin mạng.\n"
      "2. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ khoa học, công nghệ, đổi mới sáng "
      "tạo hằng năm theo quy định; tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12 hằng "
      "năm.\n";
  UErrorCode status = U_ZERO_ERROR;
  std::string nfd;
  icu::StringByteSink<std::string> sink(&nfd);
  icu::Normalizer2::getNFDInstance(status)->normalizeUTF8(0, nfc, sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  REQUIRE(nfd != nfc);
  auto composed = vnplan::test::parse_text(nfc);
  auto decomposed = vnplan::test::parse_text(nfd);
  CHECK(decomposed.source.text_state == "clean");
  CHECK(decomposed.source.restored_words == 0);
  REQUIRE(decomposed.documents.at(0).tasks.size() == composed.documents.at(0).tasks.size());
  for (std::size_t t = 0; t < composed.documents[0].tasks.size(); ++t)
    CHECK(decomposed.documents[0].tasks[t].text == composed.documents[0].tasks[t].text);
}

// A programme attached to its resolution has no place and date line; its
// title cites the resolution it carries out, with that one's date.
TEST_CASE("a title citing a resolution and its date gives no issue date", "[genre]") {
  auto result = vnplan::test::parse_text(
      "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n"
      "\n"
      "THỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ CHÍNH TRỊ\n"
      "\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "Nội dung.\n");
  const auto& h = result.documents.at(0).document;
  CHECK(!h.date);
  CHECK(!h.place);
  auto dated = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN\n\nSố 14/KH-UBND Hà Nội, ngày 07 tháng 02 năm 2023\n\nKẾ HOẠCH\n"
      "Thực hiện Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022\n\nI. MỤC ĐÍCH\nNội dung.\n");
  CHECK(dated.documents.at(0).document.date == "2023-02-07");
}

// A resolution that issues a programme has articles ("Điều 1.") and no
// section marker: its footer is still read.
TEST_CASE("a resolution of articles keeps its recipients and signature", "[genre]") {
  auto result = vnplan::test::parse_text(
      "CHÍNH PHỦ\n\nSố: 12/NQ-CP\n\nNGHỊ QUYẾT\nBan hành Chương trình hành động\n\n"
      "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n\n"
      "Điều 2. Nghị quyết này có hiệu lực thi hành từ ngày ký ban hành.\n\n"
      "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Văn phòng Quốc hội;\n"
      "- Lưu: VT, QHĐP. | TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n");
  const auto& h = result.documents.at(0).document;
  CHECK(h.recipients.size() == 3);
  REQUIRE(h.signature);
  CHECK(h.signature->on_behalf_of == "CHÍNH PHỦ");
  CHECK(h.signature->position == "THỦ TƯỚNG");
  CHECK(h.signature->name == "Phạm Minh Chính");
}

TEST_CASE("a header that a converter wrote as a table", "[genre]") {
  auto result = vnplan::test::parse_text(
      "| ỦY BAN NHÂN DÂN<br>TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do "
      "- Hạnh phúc |\n"
      "|---|---|\n"
      "| Số: 45/KH-UBND | Đồng Tháp, ngày 10 tháng 8 năm 2025 |\n"
      "\n"
      "**KẾ HOẠCH**\n"
      "\n"
      "**Triển khai Nghị quyết số 57-NQ/TW**\n"
      "\n"
      "**I. MỤC ĐÍCH, YÊU CẦU**\n"
      "\n"
      "Nội dung.\n",
      "header.md");
  const auto& h = result.documents.at(0).document;
  REQUIRE(h.number);
  CHECK(h.number->text == "45/KH-UBND");
  CHECK(*h.date == "2025-08-10");
  CHECK(*h.place == "Đồng Tháp");
  REQUIRE(h.issuers.size() == 1);
  CHECK(h.issuers[0].text == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
  CHECK(h.mottos.size() == 2);
  CHECK(result.documents[0].sections.at(0).kind == "purpose");
  CHECK(result.documents[0].tables.empty());
}

TEST_CASE("a state signature block with a deputy, a signed note and a numeric date", "[genre]") {
  auto result = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN TỈNH CÀ MAU\nSố: 9/KH-UBND\nCà Mau, ngày 07/10/2025\nKẾ HOẠCH\nThực hiện "
      "Nghị quyết số 57-NQ/TW\n"
      "I. MỤC ĐÍCH\n1) Quán triệt.\n2) Triển khai.\nNơi nhận:\n- Như trên.\nTM. ỦY BAN NHÂN "
      "DÂN\nKT. CHỦ TỊCH\n"
      "PHÓ CHỦ TỊCH\n(Đã ký)\nLê Văn Sử\n");
  const auto& h = result.documents.at(0).document;
  CHECK(*h.date == "2025-10-07");
  CHECK(*h.place == "Cà Mau");
  REQUIRE(h.signature);
  CHECK(*h.signature->on_behalf_of == "ỦY BAN NHÂN DÂN");
  CHECK(*h.signature->position == "PHÓ CHỦ TỊCH");
  CHECK(*h.signature->name == "Lê Văn Sử");
  CHECK(numbers(result.documents[0]) ==
        std::vector<std::string>{"I:purpose", "(1):purpose", "(2):purpose"});
}

TEST_CASE("a decision that issues a plan: two documents, the plan keeps no borrowed number",
          "[genre]") {
  auto result = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 300/QĐ-UBND\nGia Lai, ngày 02 tháng 6 năm 2025\nQUYẾT "
      "ĐỊNH\n"
      "Về việc ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW\nĐiều 1. Ban hành kèm theo Quyết "
      "định này Kế hoạch.\n"
      "Nơi nhận:\n- Như Điều 3.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nKẾ HOẠCH\nThực hiện Nghị quyết số "
      "57-NQ/TW\n"
      "(Ban hành kèm theo Quyết định số 300/QĐ-UBND ngày 02/6/2025 của Ủy ban nhân dân tỉnh)\n"
      "I. QUAN ĐIỂM, MỤC TIÊU\n1. Mục tiêu đến năm 2030\n- Phấn đấu.\n2. Định hướng đến năm "
      "2045\n- Phát triển.\n");
  REQUIRE(result.documents.size() == 2);
  CHECK(*result.documents[0].document.kind == "decision");
  CHECK(*result.documents[1].document.kind == "plan");
  CHECK_FALSE(result.documents[1].document.number.has_value());
  CHECK(*result.documents[1].document.attached_to == "300/QĐ-UBND");
  CHECK(numbers(result.documents[1]) ==
        std::vector<std::string>{"I:goals", "1:horizon", "2:horizon"});
}

TEST_CASE("a bullet that introduces '+' items is a heading; plain bullets are items", "[genre]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC TIÊU\n1. Mục tiêu cụ thể\n- Về hạ tầng số:\n+ Phủ sóng 5G đạt 100%.\n"
      "+ Cáp quang đến 100% thôn.\n- Về nhân lực:\n+ 100% cán bộ có kỹ năng số.\n"
      "- Một mục tiêu đơn lẻ.\n2. Mục tiêu khác\n");
  const auto& sections = result.documents.at(0).sections;
  REQUIRE(sections.size() == 5);
  CHECK(sections[2].marker_type == "bullet");
  CHECK(sections[2].title == "Về hạ tầng số");
  CHECK(sections[2].kind == "category");
  CHECK(sections[3].title == "Về nhân lực");
  CHECK(*sections[3].parent == sections[1].id);
  CHECK(sections[4].number == "2");
  CHECK(sections[4].level == 2);
}

TEST_CASE("other usual top-level titles get their kinds", "[genre]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, Ý NGHĨA\nNội dung.\nII. NỘI DUNG THỰC HIỆN\n1. Tuyên truyền\nIII. PHÂN CÔNG "
      "NHIỆM VỤ\n"
      "1. Sở Nội vụ\nIV. NGUỒN LỰC THỰC HIỆN\nNgân sách.\nV. KIỂM TRA, GIÁM SÁT VÀ BÁO CÁO\nHằng "
      "quý.\n"
      "VI. SƠ KẾT, TỔNG KẾT\nCuối năm.\n");
  CHECK(numbers(result.documents.at(0)) ==
        std::vector<std::string>{"I:purpose", "II:tasks", "1:tasks", "III:organisation",
                                 "1:organisation", "IV:funding", "V:reporting", "VI:reporting"});
}

TEST_CASE("a state dispatch number has an issuer and unit, no type code", "[genre]") {
  auto result = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN TỈNH HUẾ\nSố: 1234/UBND-KGVX\nHuế, ngày 03 tháng 4 năm 2025\n"
      "V/v triển khai Nghị quyết số 57-NQ/TW\nKính gửi: Các sở, ban, ngành.\n1. Sở Khoa học và "
      "Công nghệ\nChủ trì.\n");
  const auto& h = result.documents.at(0).document;
  REQUIRE(h.number);
  CHECK(h.number->type.empty());
  CHECK(h.number->issuer == "UBND-KGVX");
  CHECK(*h.kind == "dispatch");
  CHECK(h.recipients.at(0).name == "Các sở, ban, ngành");
}

TEST_CASE("a part numeral closes the lists opened before the first one", "[genre]") {
  // OCR read "I." as "IL" (no marker): "1." and "a)" open before any Roman part.
  auto result = vnplan::test::parse_text(
      "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW\n"
      "IL MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Thống nhất nhận thức.\n"
      "II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Nâng cao nhận thức\na) Tổ chức tuyên truyền.\n");
  const auto& sections = result.documents.at(0).sections;
  REQUIRE(sections.size() == 5);
  CHECK(sections[2].number == "II");
  CHECK_FALSE(sections[2].parent);
  CHECK(numbers(result.documents[0]) ==
        std::vector<std::string>{"1:purpose", "a:purpose", "II:tasks", "1:tasks", "a:tasks"});
}

TEST_CASE("a recipient's OCR junk is never cut inside a character", "[genre]") {
  // "†" shares its first two bytes with the "•" that recipient names lose.
  auto result = vnplan::test::parse_text(
      "ỦY BAN NHÂN DÂN TỈNH HUẾ\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết\n"
      "I. NHIỆM VỤ\n1. Các sở triển khai.\nNơi nhận:\n- Các sở, ban, ngành;\n† Các Hội;\n");
  const auto& recipients = result.documents.at(0).document.recipients;
  REQUIRE(recipients.size() == 2);
  CHECK(recipients[1].name == "† Các Hội");
}
