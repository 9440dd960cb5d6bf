// Stage 4, structure: the section tree, kinds, header and footer, documents in one input.
#include "vnplan/structure.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

struct Row {
  std::string number, parent_number, kind, role;
  int level;
};

std::vector<Row> tree_of(const vnplan::DocumentModel& model) {
  std::map<std::string, std::string> number_of;
  for (const auto& s : model.sections) number_of[s.id] = s.number;
  std::vector<Row> rows;
  for (const auto& s : model.sections)
    rows.push_back({s.number, s.parent ? number_of[*s.parent] : "", s.kind, s.role, s.level});
  return rows;
}

// Each section as "number<parent's number", in document order.
std::vector<std::string> numbers_of(const vnplan::DocumentModel& model) {
  std::vector<std::string> numbers;
  for (const auto& r : tree_of(model)) numbers.push_back(r.number + "<" + r.parent_number);
  return numbers;
}

// The kind of each section, in document order.
std::vector<std::string> kinds_of(const vnplan::DocumentModel& model) {
  std::vector<std::string> kinds;
  for (const auto& s : model.sections) kinds.push_back(s.kind);
  return kinds;
}

const char* kPlan = R"(ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Bắc Sơn, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ;
Thực hiện Chương trình số 71-CTr/TU ngày 25/02/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW;
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Cụ thể hóa Nghị quyết.
2. Yêu cầu
- Bám sát mục tiêu.
II. MỤC TIÊU
1. Mục tiêu chung
- Phát triển khoa học.
2. Mục tiêu cụ thể
2.1. Đến hết năm 2030
a) Về hạ tầng: phủ sóng 5G đạt 100%.
b) Về nguồn lực
- Có ≥ 12 người nghiên cứu trên 01 vạn dân.
2.2. Tầm nhìn đến năm 2045
a) Về hạ tầng: phủ sóng 6G đạt 100%.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công tác lãnh đạo
a) Kiện toàn Ban Chỉ đạo tỉnh trong tháng 6/2025.
b) Tổ chức thực hiện có hiệu quả Kế hoạch số 370/KH-UBND.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì theo dõi.
Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.
Nơi nhận:
- Bộ Khoa học và Công nghệ (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
Trần Văn An
PHỤ LỤC I
CÁC CHỈ TIÊU CỤ THỂ
(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh)
)";

}  // namespace

TEST_CASE("a state plan: header fields are read", "[structure][header]") {
  auto result = vnplan::test::parse_text(kPlan);
  REQUIRE(result.documents.size() == 1);
  const auto& h = result.documents[0].document;
  CHECK(*h.kind == "plan");
  CHECK(*h.type_name == "KẾ HOẠCH");
  REQUIRE(h.number);
  CHECK(h.number->text == "12/KH-UBND");
  CHECK(*h.number->number == 12);
  CHECK(h.number->type == "KH");
  CHECK(h.number->issuer == "UBND");
  CHECK(*h.date == "2025-03-05");
  CHECK(*h.place == "Bắc Sơn");
  REQUIRE(h.issuers.size() == 2);
  CHECK(h.issuers[0].text == "ỦY BAN NHÂN DÂN");
  CHECK(h.mottos.size() == 2);
  CHECK(h.title->text.rfind("Triển khai thực hiện Nghị quyết", 0) == 0);
  REQUIRE(h.signature);
  CHECK(*h.signature->mode == "TM.");
  CHECK(*h.signature->on_behalf_of == "ỦY BAN NHÂN DÂN");
  CHECK(*h.signature->position == "KT. CHỦ TỊCH");
  CHECK(*h.signature->name == "Trần Văn An");
  REQUIRE(h.recipients.size() == 2);
  CHECK(h.recipients[0].name == "Bộ Khoa học và Công nghệ");
  CHECK(*h.recipients[0].note == "b/c");
  CHECK(h.recipients[1].name == "Lưu: VT");
}

TEST_CASE("references carry number, date and the relation to this plan", "[extract][references]") {
  auto result = vnplan::test::parse_text(kPlan);
  std::map<std::string, vnplan::Reference> by_number;
  for (const auto& r : result.documents[0].document.references) by_number[r.number.text] = r;
  CHECK(by_number.at("57-NQ/TW").relation == "implements");  // the title carries it out
  CHECK(*by_number.at("57-NQ/TW").date == "2024-12-22");
  CHECK(by_number.at("03/NQ-CP").relation == "cites");        // "Căn cứ"
  CHECK(by_number.at("71-CTr/TU").relation == "implements");  // "Thực hiện"
  CHECK(by_number.at("370/KH-UBND").relation == "cites");
  CHECK(by_number.at("57-NQ/TW").mentions == 2);
}

TEST_CASE("the section tree follows the numbering, not the layout", "[structure][sections]") {
  auto result = vnplan::test::parse_text(kPlan);
  CHECK(numbers_of(result.documents[0]) ==
        std::vector<std::string>{"I<", "1<I", "2<I", "II<", "1<II", "2<II", "2.1<2", "a<2.1",
                                 "b<2.1", "2.2<2", "a<2.2", "III<", "1<III", "a<1", "b<1", "IV<",
                                 "1<IV", "PL-I<"});
  CHECK(kinds_of(result.documents[0]) ==
        std::vector<std::string>{"purpose", "purpose", "requirements", "goals", "general_goals",
                                 "specific_goals", "horizon", "category", "category", "horizon",
                                 "category", "tasks", "tasks", "tasks", "tasks", "organisation",
                                 "organisation", "appendix"});
  const auto& sections = result.documents[0].sections;
  CHECK(*sections[6].year == 2030);
  CHECK(*sections[9].year == 2045);
  CHECK(sections[7].title == "Về hạ tầng");  // inline "title: text"
  CHECK(sections[7].role == "heading");
  CHECK(sections[13].role == "item");  // one paragraph, nothing under it
  CHECK(sections[17].title == "CÁC CHỈ TIÊU CỤ THỂ");
  CHECK(sections[16].role == "item");  // the closing paragraph is not its content
}

TEST_CASE("a closing-like paragraph with body text after it is the section's own",
          "[structure][sections]") {
  // OCR dropped the numbers of "4." and "5."; "5." still has work after it.
  auto result = vnplan::test::parse_text(
      "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n\n"
      "Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các sở kịp thời báo cáo.\n\n"
      "Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.\n\n"
      "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.\n");
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 3);
  CHECK(model.tasks[1].text.rfind("Trong quá trình tổ chức thực hiện, nếu", 0) == 0);
  CHECK(model.tasks[2].text.rfind("Sở Khoa học và Công nghệ chủ trì", 0) == 0);
  CHECK(model.tasks[2].section == model.tasks[0].section);
  CHECK(model.unclassified.empty());
}

TEST_CASE("goals and tasks titled the way plan directives title them", "[structure][sections]") {
  // "Mục tiêu của kế hoạch …" are goals; "Định hướng … và các nhiệm vụ chủ yếu" are tasks.
  // (A line a paragraph, as such a directive is often typed.)
  auto result = vnplan::test::parse_text(
      "II. NỘI DUNG KẾ HOẠCH 5 NĂM 2011-2015\n"
      "1. Mục tiêu của kế hoạch phát triển kinh tế - xã hội 5 năm 2011-2015\n"
      "Mục tiêu tổng quát là phát triển kinh tế với tốc độ cao, bền vững, đẩy nhanh đầu tư xây "
      "dựng kết cấu hạ tầng, tăng sức cạnh tranh cho các sản phẩm hàng hóa và dịch vụ.\n"
      "2. Định hướng phát triển và các nhiệm vụ chủ yếu:\n"
      "a) Phấn đấu đạt tốc độ tăng trưởng kinh tế bình quân 13%/năm.\n"
      "b) Tập trung thực hiện các chương trình tạo đột phá phát triển kinh tế - xã hội để "
      "chuyển sang nền sản xuất công nghiệp và dịch vụ là chủ yếu.\n"
      "3. Mục tiêu đến năm 2030\nTỷ lệ đô thị hóa đạt 40%.\n");
  CHECK(kinds_of(result.documents[0]) ==
        std::vector<std::string>{"other", "goals", "tasks", "tasks", "tasks", "horizon"});
  const auto& model = result.documents[0];
  CHECK(model.goals.size() == 1);
  CHECK(model.tasks.size() == 2);
  REQUIRE(model.targets.size() == 1);
  CHECK(model.targets[0].year == 2030);
}

TEST_CASE("'Mục tiêu, nhiệm vụ' are goals; 'Trước mắt, đến năm 2013' dates them",
          "[structure][sections]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU, NHIỆM VỤ ĐẨY MẠNH CÔNG TÁC ĐÀO TẠO\n\n"
      "1. Mục tiêu đến năm 2020\n\n"
      "Xây dựng đội ngũ cán bộ công đoàn đủ về số lượng, có bản lĩnh chính trị vững vàng.\n\n"
      "2. Trước mắt, đến năm 2013 phấn đấu đạt được các chỉ tiêu sau:\n\n"
      "- 100% cán bộ chuyên trách công đoàn được đào tạo, bồi dưỡng cơ bản.\n\n"
      "- Ngân sách chi cho đào tạo, bồi dưỡng đạt 15% tổng ngân sách chi cho hoạt động.\n");
  CHECK(kinds_of(result.documents[0]) == std::vector<std::string>{"goals", "horizon", "horizon"});
  const auto& model = result.documents[0];
  REQUIRE(model.targets.size() == 2);
  CHECK(model.targets[0].year == 2013);
  CHECK(model.targets[1].year == 2013);
  CHECK(model.targets[1].value == Approx(15));
}

// "A. …", "B. …": lettered parts, above the Roman ones when they lead the
// document, inside a Roman part when one is open. A lower-case "a." stays text.
TEST_CASE("lettered parts lead the document or divide a Roman part", "[structure][sections]") {
  SECTION("parts lead") {
    auto result = vnplan::test::parse_text(
        "A. NHỮNG NỘI DUNG CHỦ YẾU\n\nI. Về đánh giá tình hình\n\n"
        "1. Tình hình triển khai thực hiện Nghị quyết.\n\nII. Về nội dung kế hoạch\n\n"
        "B. YÊU CẦU\n\nI. Về tổ chức đánh giá\n\nC. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Tài chính bố trí kinh phí thực hiện.\n");
    CHECK(numbers_of(result.documents[0]) ==
          std::vector<std::string>{"A<", "I<A", "1<I", "II<A", "B<", "I<B", "C<", "1<C"});
    CHECK(result.documents[0].sections[0].marker_type == "part");
  }
  SECTION("parts inside a Roman part") {
    auto result = vnplan::test::parse_text(
        "I. TÌNH HÌNH\n\nNăm qua đội ngũ cán bộ được tăng cường.\n\n"
        "II. MỤC TIÊU, NHIỆM VỤ\n\nA. Mục tiêu\n\n1. Mục tiêu đến năm 2020\n\n"
        "- Tỷ lệ cán bộ được đào tạo đạt 100%.\n\nB. Nhiệm vụ và giải pháp\n\n"
        "1. Nâng cao nhận thức về công tác đào tạo.\n\n"
        "a. xây dựng chương trình đào tạo.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Các cấp công đoàn triển khai thực hiện.\n");
    CHECK(numbers_of(result.documents[0]) ==
          std::vector<std::string>{"I<", "II<", "A<II", "1<A", "B<II", "1<B", "III<", "1<III"});
    CHECK(kinds_of(result.documents[0]) ==
          std::vector<std::string>{"other", "goals", "goals", "horizon", "tasks", "tasks",
                                   "organisation", "organisation"});
    REQUIRE(result.documents[0].targets.size() == 1);
    CHECK(result.documents[0].targets[0].year == 2020);
  }
  SECTION("a lone capital out of order is no part") {
    // OCR's "L." for "I.": parts run A., B., C.
    auto result = vnplan::test::parse_text(
        "L. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nQuán triệt đầy đủ.\n\nII. NHIỆM VỤ\n\n"
        "1. Xây dựng kế hoạch.\n");
    CHECK(numbers_of(result.documents[0]) == std::vector<std::string>{"1<", "II<", "1<II"});
  }
}

TEST_CASE("a notice of conclusions gives its numbered points as tasks", "[structure][sections]") {
  // No point is titled "Nhiệm vụ": a notice, like a dispatch or a directive,
  // says its tasks as points (header/document_kinds.tsv, "points").
  auto result = vnplan::test::parse_text(
      "BỘ GIAO THÔNG VẬN TẢI\n\nTHÔNG BÁO\nKết luận của Bộ trưởng tại Hội nghị tổng kết công "
      "tác năm 2009\n\nBộ trưởng yêu cầu các cơ quan, đơn vị thực hiện những nhiệm vụ sau:\n\n"
      "1. Về công tác xây dựng thể chế\n\n"
      "- Các Sở Giao thông vận tải tham mưu cho Ủy ban nhân dân tỉnh rà soát quy hoạch.\n\n"
      "2. Công tác an toàn giao thông\n\n"
      "- Các cơ quan, đơn vị triển khai các giải pháp ngăn chặn tai nạn giao thông.\n");
  const auto& model = result.documents[0];
  CHECK(model.document.kind == "notice");
  REQUIRE(model.tasks.size() == 2);
  CHECK(model.tasks[0].text.rfind("Các Sở Giao thông vận tải tham mưu", 0) == 0);
}

TEST_CASE("out-of-order letters and a missing first number are kept as written",
          "[structure][sections]") {
  auto result = vnplan::test::parse_text(
      "I. NHIỆM VỤ\n1. Một\nh) Tám việc.\nk) Mười việc.\ni) Chín việc.\nII. TỔ CHỨC THỰC HIỆN\n"
      "Các sở, ngành thực hiện.\n2. Sở Tài chính bố trí kinh phí.\n");
  auto rows = tree_of(result.documents[0]);
  REQUIRE(rows.size() == 7);
  CHECK(rows[3].number == "k");
  CHECK(rows[4].number == "i");
  CHECK(rows[4].parent_number == "1");
  CHECK(rows[6].number == "2");
  CHECK(rows[6].parent_number == "II");
}

TEST_CASE("a dispatch with an attached plan yields two linked documents",
          "[structure][documents]") {
  auto result = vnplan::test::parse_text(R"(HUYỆN ỦY AN PHÚ
ĐẢNG CỘNG SẢN VIỆT NAM
An Phú, ngày 02 tháng 5 năm 2025
Số 150-CV/HU
V/v triển khai Kế hoạch số 20-KH/TU
Kính gửi: - Ủy ban nhân dân huyện;
- Các chi bộ trực thuộc.
1. Ủy ban nhân dân huyện
Tham mưu kế hoạch trước ngày 10/5/2025.
Nơi nhận:
- Như kính gửi,
- Lưu VPHU.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Lê Văn Bình
KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW
Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
- Quán triệt.
Nơi nhận:
- Các sở.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Phụ lục I
BIỂU CHỈ TIÊU
(Kèm theo Kế hoạch số 20-KH/TU ngày 18/4/2025 của Ban Thường vụ Tỉnh ủy)
)");
  REQUIRE(result.documents.size() == 2);
  const auto& dispatch = result.documents[0].document;
  const auto& plan = result.documents[1].document;
  CHECK(*dispatch.kind == "dispatch");
  CHECK(dispatch.number->text == "150-CV/HU");
  CHECK(dispatch.title->text == "triển khai Kế hoạch số 20-KH/TU");
  CHECK(dispatch.recipients.size() == 4);
  CHECK(dispatch.recipients[0].role == "addressee");
  CHECK(*plan.kind == "plan");
  CHECK(*plan.attached_to == "150-CV/HU");
  CHECK(plan.number->text == "20-KH/TU");  // from the appendix line
  CHECK(*plan.date == "2025-04-18");
  CHECK(plan.issuers.at(0).text == "Ban Thường vụ Tỉnh ủy");
  CHECK(result.documents[1].sections.back().kind == "appendix");
  CHECK(result.documents[0].sections.size() == 1);
}

TEST_CASE("document numbers parse in party, state and law styles", "[structure][header]") {
  auto party = vnplan::parse_document_number("2053 -CV/HU");
  CHECK(party.text == "2053-CV/HU");
  CHECK(*party.number == 2053);
  CHECK(party.type == "CV");
  CHECK(party.issuer == "HU");
  auto state = vnplan::parse_document_number("69/KH-UBND");
  CHECK(state.type == "KH");
  CHECK(state.issuer == "UBND");
  auto law = vnplan::parse_document_number("193/2025/QH15");
  CHECK(*law.year == 2025);
  CHECK(law.issuer == "QH15");
  CHECK(*vnplan::parse_document_number("06-KH/ĐU").number == 6);
  CHECK_FALSE(vnplan::iso_date(31, 2, 2025).has_value());
}

TEST_CASE("a header date that does not exist is reported, not dropped silently",
          "[structure][header]") {
  auto result = vnplan::test::parse_text(
      "Hà Nội, ngày 31 tháng 2 năm 2025\nKẾ HOẠCH\nthực hiện\nI. MỤC ĐÍCH\n");
  CHECK_FALSE(result.documents.at(0).document.date.has_value());
  bool reported = false;
  for (const auto& d : result.diagnostics)
    reported |= d.code == "header.invalid_date" && d.span.has_value();
  CHECK(reported);
}

TEST_CASE("an appendix whose title is a type line stays with its plan", "[structure][documents]") {
  auto result = vnplan::test::parse_text(
      "KẾ HOẠCH\nthực hiện Nghị quyết\nI. MỤC ĐÍCH\n- Một.\nNơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG "
      "VỤ\nBÍ THƯ\n"
      "PHỤ LỤC I\nKẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ NĂM 2025\n(Kèm theo Kế hoạch số 7-KH/TU ngày "
      "01/02/2025)\n");
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].sections.back().kind == "appendix");
  CHECK(result.documents[0].document.number->text == "7-KH/TU");
}
