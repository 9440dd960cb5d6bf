// Goals, targets, tasks and agencies of plans of the genre that the corpora do
// not contain: other provinces, wards and departments, written the way real
// plans write. Every expectation is what a careful reader would extract (see
// tests/corpus/expected-part2/README.md for the conventions), not what the
// engine happened to print.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "fixtures.hpp"

namespace {

using vnplan::DocumentModel;
using vnplan::Target;
using vnplan::Task;

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string dump(const DocumentModel& m) {
  std::ostringstream out;
  out << "targets:\n";
  for (const auto& t : m.targets)
    out << "  [" << t.comparator.value_or("-") << " " << (t.value ? number(*t.value) : "null")
        << (t.value_max ? ".." + number(*t.value_max) : "") << " " << t.unit.value_or("null")
        << " y=" << (t.year ? std::to_string(*t.year) : "null") << (t.yearly ? " yearly" : "")
        << "] " << t.text << "\n";
  out << "goals:\n";
  for (const auto& g : m.goals) out << "  " << g.text << "\n";
  out << "tasks:\n";
  for (const auto& t : m.tasks)
    out << "  [lead=" << join(t.agencies.lead) << " sup=" << join(t.agencies.support)
        << " dir=" << join(t.agencies.directing)
        << " dl=" << (t.deadline ? t.deadline->kind + ":" + t.deadline->date.value_or("") : "")
        << "] " << t.text << "\n";
  return out.str();
}

std::vector<const Target*> targets_with(const DocumentModel& m, const std::string& needle) {
  std::vector<const Target*> out;
  for (const auto& t : m.targets)
    if (t.text.find(needle) != std::string::npos) out.push_back(&t);
  return out;
}

// The one target whose clause contains `needle`.
const Target& target(const DocumentModel& m, const std::string& needle) {
  auto found = targets_with(m, needle);
  INFO("target containing: " << needle);
  INFO(dump(m));
  REQUIRE(found.size() == 1);
  return *found[0];
}

// The one task whose text contains `needle`.
const Task& task(const DocumentModel& m, const std::string& needle) {
  std::vector<const Task*> found;
  for (const auto& t : m.tasks)
    if (t.text.find(needle) != std::string::npos) found.push_back(&t);
  INFO("task containing: " << needle);
  INFO(dump(m));
  REQUIRE(found.size() == 1);
  return *found[0];
}

bool has_goal(const DocumentModel& m, const std::string& needle) {
  for (const auto& g : m.goals)
    if (g.text.find(needle) != std::string::npos) return true;
  return false;
}

const vnplan::Agency* agency(const DocumentModel& m, const std::string& id) {
  for (const auto& a : m.agencies)
    if (a.id == id) return &a;
  return nullptr;
}

bool has_diagnostic(const vnplan::ParseResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

using Ids = std::vector<std::string>;

const DocumentModel& main_doc(const vnplan::ParseResult& r) {
  REQUIRE(!r.documents.empty());
  return r.documents[0];
}

// One line per target and per task: what the layout variants must agree on.
std::vector<std::string> target_lines(const DocumentModel& m) {
  std::vector<std::string> out;
  for (const auto& t : m.targets)
    out.push_back(t.comparator.value_or("-") + " " + (t.value ? number(*t.value) : "null") +
                  (t.value_max ? ".." + number(*t.value_max) : "") + " " + t.unit.value_or("null") +
                  " " + (t.year ? std::to_string(*t.year) : "null") + " " +
                  t.category.value_or("null"));
  return out;
}

std::vector<std::string> task_lines(const DocumentModel& m) {
  std::vector<std::string> out;
  for (const auto& t : m.tasks) {
    std::string first = t.text.substr(0, t.text.find(' '));
    std::string deadline = "none";
    if (t.deadline)
      deadline = t.deadline->kind + ":" + t.deadline->date.value_or("") +
                 t.deadline->from.value_or("") + (t.deadline->to ? "-" + *t.deadline->to : "");
    out.push_back(first + " lead=" + join(t.agencies.lead) + " sup=" + join(t.agencies.support) +
                  " " + deadline);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Targets: comparators
// ---------------------------------------------------------------------------------------------

TEST_CASE("targets: ≥, >=, tối thiểu, ít nhất, từ and không dưới are >=", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "Cụ thể hóa Nghị quyết số 57-NQ/TW của Bộ Chính trị phù hợp với điều kiện của tỉnh.\n"
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là động lực tăng trưởng chính.\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn tỉnh ≥ 95%.\n"
      "- Tỷ lệ hộ gia đình có kết nối Internet cáp quang >= 90%.\n"
      "- Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử đạt tối thiểu 85%.\n"
      "- Có ít nhất 05 doanh nghiệp công nghệ số được hình thành và phát triển.\n"
      "- Có từ 10 người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ trên 01 "
      "vạn dân.\n"
      "- Tỷ lệ thủ tục hành chính được giải quyết trực tuyến toàn trình không dưới 80%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Sở Khoa học và Công nghệ chủ trì triển khai Kế hoạch.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 6);

  const auto& t5g = target(m, "phủ sóng 5G");
  CHECK(t5g.comparator == ">=");
  CHECK(t5g.value == Approx(95));
  CHECK(t5g.unit == "%");
  CHECK(t5g.year == 2030);
  CHECK(t5g.indicator == "Tỷ lệ phủ sóng 5G trên địa bàn tỉnh");

  const auto& fibre = target(m, "cáp quang");
  CHECK(fibre.comparator == ">=");
  CHECK(fibre.value == Approx(90));
  CHECK(fibre.unit == "%");

  const auto& pay = target(m, "thanh toán điện tử");
  CHECK(pay.comparator == ">=");
  CHECK(pay.value == Approx(85));

  const auto& firms = target(m, "doanh nghiệp công nghệ số");
  CHECK(firms.comparator == ">=");
  CHECK(firms.value == Approx(5));
  CHECK(firms.unit == "doanh nghiệp");

  // "trên 01 vạn dân" is the denominator, not a comparator
  const auto& researchers = target(m, "vạn dân");
  CHECK(researchers.comparator == ">=");
  CHECK(researchers.value == Approx(10));
  CHECK(researchers.unit == "người/vạn dân");

  const auto& online = target(m, "toàn trình");
  CHECK(online.comparator == ">=");
  CHECK(online.value == Approx(80));
  CHECK(online.unit == "%");
}

TEST_CASE("targets: trên, hơn and vượt are >", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Tỷ lệ người dân sử dụng dịch vụ công trực tuyến trên 80%.\n"
      "- Kinh tế số chiếm hơn 25% GRDP của tỉnh.\n"
      "- Tỷ lệ giao dịch thanh toán không dùng tiền mặt vượt 70%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Triển khai các nền tảng số dùng chung.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  const auto& a = target(m, "dịch vụ công trực tuyến");
  CHECK(a.comparator == ">");
  CHECK(a.value == Approx(80));
  CHECK(a.unit == "%");
  const auto& b = target(m, "Kinh tế số");
  CHECK(b.comparator == ">");
  CHECK(b.value == Approx(25));
  CHECK(b.unit == "% GRDP");
  const auto& c = target(m, "tiền mặt");
  CHECK(c.comparator == ">");
  CHECK(c.value == Approx(70));
}

TEST_CASE("targets: dưới, tối đa, không quá and a rank group", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn dưới 1%.\n"
      "- Thời gian xử lý hồ sơ cấp phép xây dựng tối đa 07 ngày làm việc.\n"
      "- Tỷ lệ văn bản giấy trao đổi giữa các cơ quan nhà nước không quá 10%.\n"
      "- Chỉ số đổi mới sáng tạo cấp địa phương (PII) thuộc nhóm 30 tỉnh, thành phố dẫn đầu cả "
      "nước.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Cải cách thủ tục hành chính.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 4);
  const auto& late = target(m, "quá hạn");
  CHECK(late.comparator == "<");
  CHECK(late.value == Approx(1));
  CHECK(late.unit == "%");
  const auto& paper = target(m, "văn bản giấy");
  CHECK(paper.comparator == "<=");
  CHECK(paper.value == Approx(10));
  CHECK(paper.unit == "%");
  const auto& rank = target(m, "PII");
  CHECK(rank.comparator == "<=");
  CHECK(rank.value == Approx(30));
  CHECK_FALSE(rank.unit);
  const auto& days = target(m, "cấp phép xây dựng");
  CHECK(days.comparator == "<=");
  CHECK(days.value == Approx(7));
}

TEST_CASE("targets: đạt and a bare number are =; Phấn đấu and Có are not the indicator",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Quy mô kinh tế số đạt 30% GRDP.\n"
      "- 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số cơ bản.\n"
      "- Phấn đấu 90% dân số trưởng thành có danh tính số.\n"
      "- Chỉ số chuyển đổi số cấp tỉnh đạt 0,75.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 4);
  const auto& scale = target(m, "Quy mô kinh tế số");
  CHECK(scale.comparator == "=");
  CHECK(scale.value == Approx(30));
  CHECK(scale.unit == "% GRDP");
  CHECK(scale.indicator == "Quy mô kinh tế số");
  const auto& staff = target(m, "cấp xã");
  CHECK(staff.comparator == "=");
  CHECK(staff.value == Approx(100));
  CHECK(staff.unit == "%");
  CHECK(staff.indicator == "cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số cơ bản");
  const auto& id = target(m, "danh tính số");
  CHECK(id.comparator == "=");
  CHECK(id.value == Approx(90));
  CHECK(id.indicator == "dân số trưởng thành có danh tính số");
  const auto& index = target(m, "Chỉ số chuyển đổi số");
  CHECK(index.comparator == "=");
  CHECK(index.value == Approx(0.75));
  CHECK_FALSE(index.unit);
  CHECK(index.indicator == "Chỉ số chuyển đổi số cấp tỉnh");
}

// OCR leaves stray signs before a number ("Có S ≥ 75%", "Mỗi năm cé6 = 20"):
// words that name nothing are no indicator; the words after the number are.
TEST_CASE("targets: a stray sign before the number is not the indicator", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Có S ≥ 75% kết quả khoa học và công nghệ được ứng dụng thực tiễn.\n"
      "- Mỗi năm cé6 ≥ 20 bài báo khoa học có địa chỉ tác giả tại tỉnh.\n"
      "- Tỷ lệ phủ sóng 5G đạt 100%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  CHECK(target(m, "75%").indicator == "kết quả khoa học và công nghệ được ứng dụng thực tiễn");
  CHECK(target(m, "bài báo").indicator == "bài báo khoa học có địa chỉ tác giả tại tỉnh");
  CHECK(target(m, "5G").indicator == "Tỷ lệ phủ sóng 5G");
}

// Two shares in one item, each opening its own sentence: two targets, the first
// indicator stopping at its full stop ("1.200" is no break).
TEST_CASE("targets: a sentence that opens with a share is a target of its own", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- 100% hệ thống thông tin của tỉnh vận hành trên nền tảng điện toán đám mây. 100% cơ "
      "sở dữ liệu của tỉnh được số hóa.\n"
      "- Mỗi năm có 1.200 người được đào tạo kỹ năng số.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  CHECK(target(m, "đám mây").indicator ==
        "hệ thống thông tin của tỉnh vận hành trên nền tảng điện toán đám mây");
  CHECK(target(m, "cơ sở dữ liệu").indicator == "cơ sở dữ liệu của tỉnh được số hóa");
  CHECK(target(m, "đào tạo").value == Approx(1200));
}

TEST_CASE("targets: ranges written with a dash, đến and từ ... đến", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "a) Giai đoạn đến năm 2030\n"
      "- Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 80% - 90%.\n"
      "- Có 02 đến 05 sản phẩm OCOP được quảng bá trên sàn thương mại điện tử quốc gia.\n"
      "- Mỗi năm hỗ trợ 1-2 dự án khởi nghiệp đổi mới sáng tạo.\n"
      "- Thu hút từ 10 đến 15 chuyên gia công nghệ về làm việc tại tỉnh.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Hỗ trợ khởi nghiệp.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 4);
  const auto& invoices = target(m, "hóa đơn điện tử");
  CHECK(invoices.comparator == "range");
  CHECK(invoices.value == Approx(80));
  CHECK(invoices.value_max == Approx(90));
  CHECK(invoices.unit == "%");
  const auto& products = target(m, "OCOP");
  CHECK(products.comparator == "range");
  CHECK(products.value == Approx(2));
  CHECK(products.value_max == Approx(5));
  CHECK(products.unit == "sản phẩm");
  const auto& projects = target(m, "dự án khởi nghiệp");
  CHECK(projects.comparator == "range");
  CHECK(projects.value == Approx(1));
  CHECK(projects.value_max == Approx(2));
  CHECK(projects.unit == "dự án");
  CHECK(projects.yearly);
  const auto& experts = target(m, "chuyên gia");
  CHECK(experts.comparator == "range");
  CHECK(experts.value == Approx(10));
  CHECK(experts.value_max == Approx(15));
  CHECK(experts.unit == "chuyên gia");
}

// ---------------------------------------------------------------------------------------------
// Targets: numbers and units
// ---------------------------------------------------------------------------------------------

TEST_CASE("targets: 1.200, 1,5, 0.73 and 02 are read as numbers", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Có ≥ 1.200 cán bộ nghiên cứu khoa học và công nghệ toàn tỉnh.\n"
      "- Có ≥ 1,5% tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo.\n"
      "- Chỉ số chuyển đổi số cấp tỉnh ≥ 0.73.\n"
      "- Có ít nhất 02 hợp tác xã ứng dụng công nghệ cao trong sản xuất nông nghiệp.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển nhân lực.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 4);
  const auto& staff = target(m, "cán bộ nghiên cứu");
  CHECK(staff.value == Approx(1200));
  CHECK(staff.unit == "cán bộ");
  const auto& budget = target(m, "tổng chi ngân sách");
  CHECK(budget.value == Approx(1.5));
  CHECK(budget.unit == "%");
  CHECK(budget.indicator ==
        "tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo");
  const auto& index = target(m, "Chỉ số chuyển đổi số");
  CHECK(index.value == Approx(0.73));
  CHECK_FALSE(index.unit);
  const auto& coops = target(m, "hợp tác xã");
  CHECK(coops.comparator == ">=");
  CHECK(coops.value == Approx(2));
  CHECK(coops.unit == "hợp tác xã");
}

TEST_CASE("targets: units % GRDP, điểm, bài báo, sản phẩm, xã", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Kinh phí chi cho nghiên cứu phát triển (R&D) đạt 2% GRDP.\n"
      "- Chỉ số cải cách hành chính (PAR INDEX) của tỉnh đạt 90 điểm.\n"
      "- Mỗi năm có ≥ 20 bài báo khoa học được công bố trên tạp chí quốc tế.\n"
      "- Có ≥ 30 sản phẩm đổi mới sáng tạo được thương mại hóa.\n"
      "- Có 05 xã đạt chuẩn nông thôn mới thông minh.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển thị trường khoa học và công nghệ.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 5);
  const auto& rd = target(m, "R&D");
  CHECK(rd.value == Approx(2));
  CHECK(rd.unit == "% GRDP");
  const auto& par = target(m, "PAR INDEX");
  CHECK(par.comparator == "=");
  CHECK(par.value == Approx(90));
  CHECK(par.unit == "điểm");
  const auto& papers = target(m, "bài báo");
  CHECK(papers.comparator == ">=");
  CHECK(papers.value == Approx(20));
  CHECK(papers.unit == "bài báo");
  CHECK(papers.yearly);
  const auto& products = target(m, "thương mại hóa");
  CHECK(products.unit == "sản phẩm");
  CHECK_FALSE(products.yearly);
  const auto& communes = target(m, "nông thôn mới");
  CHECK(communes.comparator == "=");
  CHECK(communes.value == Approx(5));
  CHECK(communes.unit == "xã");
}

TEST_CASE("targets: mỗi năm, hằng năm and hàng năm make a target yearly; mỗi thôn does not",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Mỗi năm có ≥ 10 nhiệm vụ khoa học và công nghệ cấp tỉnh được triển khai.\n"
      "- Hằng năm, có ít nhất 15 sáng kiến trong khu vực công được công nhận.\n"
      "- Số đơn đăng ký sở hữu trí tuệ tăng tối thiểu 10% hàng năm.\n"
      "- Mỗi thôn có ít nhất 01 tổ công nghệ số cộng đồng.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Đẩy mạnh sáng kiến.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 4);
  const auto& tasks = target(m, "nhiệm vụ khoa học");
  CHECK(tasks.yearly);
  CHECK(tasks.value == Approx(10));
  CHECK(tasks.unit == "nhiệm vụ");
  const auto& ideas = target(m, "sáng kiến");
  CHECK(ideas.yearly);
  CHECK(ideas.comparator == ">=");
  CHECK(ideas.value == Approx(15));
  CHECK(ideas.unit == "sáng kiến");
  const auto& ip = target(m, "sở hữu trí tuệ");
  CHECK(ip.yearly);
  CHECK(ip.comparator == ">=");
  CHECK(ip.value == Approx(10));
  const auto& village = target(m, "Mỗi thôn");
  CHECK_FALSE(village.yearly);
  CHECK(village.comparator == ">=");
  CHECK(village.value == Approx(1));
}

// ---------------------------------------------------------------------------------------------
// Targets: year and category
// ---------------------------------------------------------------------------------------------

TEST_CASE("targets: year from 2.1/2.2 horizons and category from a)/b) headings", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Đưa khoa học, công nghệ trở thành động lực phát triển kinh tế - xã hội của tỉnh.\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "a) Về hạ tầng số\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 99%.\n"
      "b) Về nguồn nhân lực\n"
      "- 100% cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số.\n"
      "2.2. Đến năm 2035\n"
      "- Tỷ lệ dân số trưởng thành sử dụng dịch vụ số đạt 100%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển hạ tầng số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  const auto& coverage = target(m, "phủ sóng 5G");
  CHECK(coverage.year == 2030);
  CHECK(coverage.category == "Về hạ tầng số");
  const auto& staff = target(m, "cấp tỉnh");
  CHECK(staff.year == 2030);
  CHECK(staff.category == "Về nguồn nhân lực");
  const auto& services = target(m, "dịch vụ số");
  CHECK(services.year == 2035);
  CHECK_FALSE(services.category);
}

TEST_CASE("targets: lettered horizons a) Giai đoạn đến năm 2030 / b) Tầm nhìn đến năm 2045",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "a) Giai đoạn đến năm 2030\n"
      "- Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 70%.\n"
      "- Có ít nhất 20 doanh nghiệp khởi nghiệp sáng tạo.\n"
      "b) Tầm nhìn đến năm 2045\n"
      "- Kinh tế số chiếm 50% GRDP của tỉnh.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển doanh nghiệp số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  const auto& sme = target(m, "nhỏ và vừa");
  CHECK(sme.year == 2030);
  CHECK_FALSE(sme.category);  // a horizon, not a category
  const auto& startups = target(m, "khởi nghiệp");
  CHECK(startups.year == 2030);
  CHECK(startups.unit == "doanh nghiệp");
  const auto& digital = target(m, "Kinh tế số");
  CHECK(digital.year == 2045);
  CHECK(digital.value == Approx(50));
  CHECK(digital.unit == "% GRDP");
}

TEST_CASE("targets: year from the sentence when the goals have no horizon headings",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Đến năm 2030, khoa học, công nghệ và chuyển đổi số trở thành động lực chính của tăng "
      "trưởng.\n"
      "2. Mục tiêu cụ thể\n"
      "- Đến năm 2027, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 80%.\n"
      "- Đến năm 2030, có ít nhất 100 doanh nghiệp công nghệ số hoạt động trên địa bàn tỉnh.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Cải cách hành chính.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 2);
  const auto& online = target(m, "toàn trình");
  CHECK(online.year == 2027);
  CHECK(online.value == Approx(80));
  CHECK(online.indicator == "tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình");
  const auto& firms = target(m, "doanh nghiệp công nghệ số");
  CHECK(firms.year == 2030);
  CHECK(firms.comparator == ">=");
  CHECK(firms.value == Approx(100));
  CHECK(firms.unit == "doanh nghiệp");
  CHECK(has_goal(m, "động lực chính của tăng trưởng"));
}

TEST_CASE("tasks: a section titled Nội dung triển khai holds the tasks", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "Bảo đảm triển khai kịp thời, thống nhất.\n"
      "II. NỘI DUNG TRIỂN KHAI\n"
      "1. Tổ chức tuyên truyền, phổ biến nội dung của Nghị định đến các cơ quan, tổ chức.\n"
      "2. Rà soát, ban hành văn bản hướng dẫn thực hiện Nghị định.\n"
      "III. TỔ CHỨC THỰC HIỆN\n"
      "Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(task(m, "tuyên truyền, phổ biến").text.rfind("Tổ chức tuyên truyền", 0) == 0);
  CHECK(task(m, "văn bản hướng dẫn").text.rfind("Rà soát", 0) == 0);
}

TEST_CASE("tasks: a heading that assigns names its lead before chủ trì, or the one above does",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. PHÂN CÔNG NHIỆM VỤ\n"
      "1. Công an tỉnh\n"
      "- Chủ trì, phối hợp với các sở, ngành, địa phương tham mưu Ủy ban nhân dân tỉnh:\n"
      "+ Tổ chức thực hiện có hiệu quả các dự án thuộc chương trình phòng, chống tội phạm.\n"
      "+ Ban hành đề án xây dựng xã, phường an toàn về an ninh, trật tự.\n"
      "2. Sở Tài chính: Chủ trì, phối hợp với Công an tỉnh và các cơ quan, đơn vị liên quan "
      "tham mưu cấp có thẩm quyền cân đối, bố trí kinh phí sự nghiệp và vốn đầu tư phát triển "
      "theo đúng quy định của Luật Ngân sách nhà nước, Luật Đầu tư công và các quy định có liên "
      "quan.\n"
      "3. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành và địa phương:\n"
      "- Xây dựng khung theo dõi, đánh giá kết quả thực hiện kế hoạch.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(task(m, "dự án thuộc chương trình").agencies.lead == Ids{"cong-an-tinh"});
  CHECK(task(m, "đề án xây dựng xã").agencies.lead == Ids{"cong-an-tinh"});
  const auto& funds = task(m, "kinh phí sự nghiệp");
  CHECK(funds.agencies.lead == Ids{"so-tai-chinh"});
  CHECK(std::find(funds.agencies.support.begin(), funds.agencies.support.end(), "cong-an-tinh") !=
        funds.agencies.support.end());
  CHECK(task(m, "khung theo dõi").agencies.lead == Ids{"so-kh-dt"});
}

TEST_CASE("targets: hết năm and đến cuối năm are horizons; mục tiêu is no indicator",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "- Bảo đảm mục tiêu hết năm 2026 đạt ít nhất 60% số thôn, tổ dân phố không có tội phạm "
      "và đến năm 2028 đạt toàn huyện.\n"
      "- Đến cuối năm 2027, tỷ lệ trường học đạt chuẩn quốc gia đạt 75%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Tuyên truyền, phổ biến pháp luật.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  const auto& villages = target(m, "tổ dân phố");
  CHECK(villages.year == 2026);
  CHECK(villages.comparator == ">=");
  CHECK(villages.value == Approx(60));
  CHECK(villages.indicator.rfind("số thôn, tổ dân phố không có tội phạm", 0) == 0);
  const auto& schools = target(m, "chuẩn quốc gia");
  CHECK(schools.year == 2027);
  CHECK(schools.indicator == "tỷ lệ trường học đạt chuẩn quốc gia");
}

TEST_CASE("targets: a share after và starts the next item of the list", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "- 100% cơ sở kinh doanh, hộ sản xuất thực phẩm và 95% bếp ăn tập thể được kiểm tra "
      "định kỳ.\n"
      "- 100% xã có nhà văn hóa, 90% thôn có nhà văn hóa và 80% hộ gia đình đạt danh hiệu gia "
      "đình văn hóa.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Tuyên truyền, phổ biến pháp luật.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 5);
  CHECK(target(m, "cơ sở kinh doanh").indicator == "cơ sở kinh doanh, hộ sản xuất thực phẩm");
  const auto& kitchens = target(m, "bếp ăn");
  CHECK(kitchens.value == Approx(95));
  CHECK(kitchens.indicator == "bếp ăn tập thể được kiểm tra định kỳ");
  CHECK(target(m, "hộ gia đình").value == Approx(80));
}

TEST_CASE("targets: one bullet with several measurable clauses split at ;", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến hết năm 2025\n"
      "b) Phát triển nguồn lực\n"
      "- Có ≥ 1,0% tổng chi ngân sách chi cho khoa học, công nghệ, đổi mới sáng tạo; tỷ lệ chi "
      "cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đạt 2% GRDP.\n"
      "- 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản; 100% cán bộ, công "
      "chức, viên chức ứng dụng công nghệ trong quản lý, điều hành; phấn đấu 80% dân số "
      "trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Bố trí ngân sách.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 5);
  const auto& budget = target(m, "tổng chi ngân sách");
  CHECK(budget.comparator == ">=");
  CHECK(budget.value == Approx(1.0));
  CHECK(budget.unit == "%");
  const auto& grdp = target(m, "2% GRDP");
  CHECK(grdp.comparator == "=");
  CHECK(grdp.unit == "% GRDP");
  CHECK(grdp.indicator == "tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số");
  CHECK(target(m, "kỹ năng số căn bản").value == Approx(100));
  CHECK(target(m, "quản lý, điều hành").value == Approx(100));
  const auto& adults = target(m, "dân số trưởng thành");
  CHECK(adults.value == Approx(80));
  CHECK(adults.indicator == "dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục");
  for (const auto& t : m.targets) {
    CHECK(t.year == 2025);
    CHECK(t.category == "Phát triển nguồn lực");
  }
}

TEST_CASE("targets: a qualifying number inside the clause is not a second target",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "- Có ít nhất 05 doanh nghiệp công nghệ số có doanh thu trên 100 tỷ đồng.\n"
      "- Có ≥ 60% người sử dụng có khả năng truy cập băng thông rộng cố định với tốc độ trên 1 "
      "Gb/s.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển doanh nghiệp công nghệ số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 2);
  const auto& firms = target(m, "doanh thu");
  CHECK(firms.comparator == ">=");
  CHECK(firms.value == Approx(5));
  CHECK(firms.unit == "doanh nghiệp");
  const auto& broadband = target(m, "Gb/s");
  CHECK(broadband.comparator == ">=");
  CHECK(broadband.value == Approx(60));
  CHECK(broadband.unit == "%");
}

TEST_CASE("goals: sentences without a measurable number are goals, not targets", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "1. Mục đích\n"
      "Quán triệt sâu sắc quan điểm, mục tiêu của Nghị quyết số 57-NQ/TW.\n"
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Phát triển khoa học, công nghệ, đổi mới sáng tạo là đột phá quan trọng hàng đầu. Xây "
      "dựng chính quyền số, kinh tế số, xã hội số hiện đại, công khai, minh bạch.\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến hết năm 2025\n"
      "a) Phát triển hạ tầng\n"
      "- Có Trung tâm giám sát, điều hành an toàn thông tin cấp tỉnh.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Đầu tư hạ tầng.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.empty());
  CHECK(m.goals.size() == 3);
  CHECK(has_goal(m, "đột phá quan trọng hàng đầu"));
  CHECK(has_goal(m, "Xây dựng chính quyền số"));
  CHECK(has_goal(m, "Trung tâm giám sát, điều hành an toàn thông tin"));
  CHECK_FALSE(has_goal(m, "Quán triệt"));          // purpose, not a goal
  CHECK_FALSE(has_goal(m, "Phát triển hạ tầng"));  // a category heading
}

TEST_CASE("not targets: years, periods, durations, document numbers, 5G and 4.0", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Triển khai hiệu quả Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị "
      "quyết số 03/NQ-CP của Chính phủ, tạo chuyển biến mạnh mẽ trong giai đoạn 2026-2030, "
      "tầm nhìn đến năm 2045; chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư (4.0).\n"
      "2. Mục tiêu cụ thể\n"
      "- Phủ sóng mạng di động 5G đến 100% thôn, tổ dân phố.\n"
      "- 100% kết quả nhiệm vụ khoa học và công nghệ được ứng dụng vào thực tiễn trong 12 tháng "
      "sau khi nghiệm thu.\n"
      "- Hoàn thành Đề án chuyển đổi số giai đoạn 2026 - 2030 theo Quyết định số "
      "1131/QĐ-UBND.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Thực hiện Nghị quyết.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 2);
  CHECK(targets_with(m, "4.0").empty());
  CHECK(targets_with(m, "57-NQ/TW").empty());
  CHECK(targets_with(m, "2026").empty());
  CHECK(has_goal(m, "Hoàn thành Đề án chuyển đổi số"));
  CHECK(has_goal(m, "Nghị quyết số 57-NQ/TW"));
  for (const char* needle : {"5G", "12 tháng"}) {
    const auto& t = target(m, needle);
    CHECK(t.value == Approx(100));
    CHECK(t.unit == "%");
    CHECK_FALSE(t.year);  // no horizon and no year in the clause
  }
  CHECK(target(m, "5G").indicator.find("5G") != std::string::npos);
}

TEST_CASE("targets: a labelled block after target bullets gives their agencies and deadline",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến hết năm 2025\n"
      "a) Phát triển hạ tầng\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%.\n"
      "- Có ≥ 60% người sử dụng có khả năng truy cập băng thông rộng cố định tốc độ trên 01 "
      "Gb/s.\n"
      "Trách nhiệm chỉ đạo: Đảng ủy Ủy ban nhân dân tỉnh.\n"
      "Cơ quan tham mưu thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, "
      "đơn vị, địa phương liên quan.\n"
      "Thời gian thực hiện: Phấn đấu hoàn thành trong tháng 12/2025\n"
      "b) Phát triển nguồn lực\n"
      "- 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản.\n"
      "Trách nhiệm chỉ đạo: Đảng ủy Ủy ban nhân dân tỉnh.\n"
      "Cơ quan tham mưu thực hiện: Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị, địa "
      "phương liên quan.\n"
      "Thời gian thực hiện: Hoàn thành trong tháng 9/2025\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển hạ tầng số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  for (const char* needle : {"phủ sóng 5G", "băng thông rộng"}) {
    const auto& t = target(m, needle);
    CHECK(t.value == Approx(60));
    CHECK(t.agencies.directing == Ids{"dang-uy:ubnd-tinh"});
    CHECK(t.agencies.lead == Ids{"so-khcn"});
    CHECK(t.agencies.support == Ids{"cac-co-quan-don-vi-dia-phuong"});
    REQUIRE(t.deadline);
    CHECK(t.deadline->kind == "within_month");
    CHECK(t.deadline->date == "2025-12");
  }
  const auto& staff = target(m, "cấp xã");
  CHECK(staff.agencies.lead == Ids{"so-noi-vu"});
  CHECK(staff.agencies.directing == Ids{"dang-uy:ubnd-tinh"});
  REQUIRE(staff.deadline);
  CHECK(staff.deadline->date == "2025-09");
  CHECK(m.tasks.size() == 1);  // target blocks are not tasks
}

// ---------------------------------------------------------------------------------------------
// Other issuers: a ward party committee, a department
// ---------------------------------------------------------------------------------------------

TEST_CASE("a ward party committee plan: targets, tasks and commune-level agencies",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "ĐẢNG BỘ TỈNH QUẢNG NGÃI\n"
      "ĐẢNG ỦY PHƯỜNG CẨM THÀNH\n"
      "Số 08-KH/ĐU\n"
      "Cẩm Thành, ngày 20 tháng 8 năm 2025\n"
      "KẾ HOẠCH\n"
      "thực hiện Kế hoạch số 359-KH/TU của Ban Thường vụ Tỉnh ủy về đột phá phát triển khoa "
      "học, công nghệ, đổi mới sáng tạo và chuyển đổi số\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "- Quán triệt đầy đủ nội dung Kế hoạch số 359-KH/TU đến cán bộ, đảng viên.\n"
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Xây dựng chính quyền phường hoạt động trên môi trường số.\n"
      "2. Mục tiêu cụ thể đến năm 2030\n"
      "- 100% hồ sơ thủ tục hành chính của phường được tiếp nhận, giải quyết trên môi trường "
      "điện tử.\n"
      "- Có ít nhất 80% hộ gia đình trên địa bàn phường có đường truyền Internet cáp quang.\n"
      "- Mỗi tổ dân phố có ít nhất 01 tổ công nghệ số cộng đồng hoạt động hiệu quả.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Đảng ủy phường lãnh đạo, chỉ đạo việc quán triệt, triển khai Kế hoạch đến các chi "
      "bộ.\n"
      "2. Ủy ban nhân dân phường chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam phường "
      "hướng dẫn người dân sử dụng các nền tảng số.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n"
      "T/M ĐẢNG ỦY\n"
      "BÍ THƯ\n"
      "Trần Văn Hùng\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  for (const auto& t : m.targets) CHECK(t.year == 2030);
  CHECK(target(m, "thủ tục hành chính").value == Approx(100));
  const auto& fibre = target(m, "cáp quang");
  CHECK(fibre.comparator == ">=");
  CHECK(fibre.value == Approx(80));
  const auto& groups = target(m, "tổ công nghệ số");
  CHECK_FALSE(groups.yearly);
  CHECK(groups.value == Approx(1));

  CHECK(m.tasks.size() == 3);
  CHECK(task(m, "lãnh đạo, chỉ đạo").agencies.lead == Ids{"dang-uy-xa"});
  const auto& platforms = task(m, "nền tảng số");
  CHECK(platforms.agencies.lead == Ids{"ubnd-xa"});
  REQUIRE(platforms.agencies.support.size() == 1);
  const auto* front = agency(m, platforms.agencies.support[0]);
  REQUIRE(front);
  CHECK(front->kind == "mass_organisation");
  CHECK(task(m, "theo dõi, đôn đốc").agencies.lead == Ids{"vp-dang-uy"});
  const auto* ward = agency(m, "ubnd-xa");
  REQUIRE(ward);
  CHECK(ward->level == "commune");
}

TEST_CASE("a department plan: targets under a)/b) horizons, tasks with labelled lines",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "UBND TỈNH LÀO CAI\n"
      "SỞ Y TẾ\n"
      "Số: 120/KH-SYT\n"
      "Lào Cai, ngày 05 tháng 6 năm 2025\n"
      "KẾ HOẠCH\n"
      "Triển khai Kế hoạch số 215/KH-UBND của Ủy ban nhân dân tỉnh về phát triển khoa học, "
      "công nghệ, đổi mới sáng tạo và chuyển đổi số ngành y tế\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "Triển khai đồng bộ chuyển đổi số trong toàn ngành y tế.\n"
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Xây dựng hệ thống y tế số hiện đại, lấy người bệnh làm trung tâm.\n"
      "2. Mục tiêu cụ thể\n"
      "a) Đến hết năm 2025\n"
      "- 100% bệnh viện công lập trên địa bàn tỉnh triển khai bệnh án điện tử.\n"
      "- Tối thiểu 90% người dân có hồ sơ sức khỏe điện tử.\n"
      "b) Đến năm 2030\n"
      "- 100% trạm y tế xã triển khai phần mềm quản lý trạm y tế.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Triển khai bệnh án điện tử tại các bệnh viện công lập.\n"
      "- Cơ quan chủ trì: Sở Y tế.\n"
      "- Cơ quan phối hợp: Sở Tài chính, Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: trước ngày 31/12/2025.\n"
      "2. Kết nối liên thông dữ liệu khám chữa bệnh với Bảo hiểm xã hội tỉnh.\n"
      "- Cơ quan chủ trì: Sở Y tế.\n"
      "- Thời gian thực hiện: Năm 2026.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "Các đơn vị trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị mình.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.targets.size() == 3);
  CHECK(target(m, "bệnh án điện tử").year == 2025);
  const auto& records = target(m, "hồ sơ sức khỏe");
  CHECK(records.comparator == ">=");
  CHECK(records.value == Approx(90));
  CHECK(records.year == 2025);
  CHECK(target(m, "trạm y tế xã").year == 2030);

  CHECK(m.tasks.size() == 3);
  const auto& emr = task(m, "Triển khai bệnh án điện tử");
  CHECK(emr.agencies.lead == Ids{"so-y-te"});
  CHECK(emr.agencies.support == Ids{"so-tai-chinh", "so-khcn"});
  REQUIRE(emr.deadline);
  CHECK(emr.deadline->kind == "by_date");
  CHECK(emr.deadline->date == "2025-12-31");
  const auto& link = task(m, "Kết nối liên thông");
  CHECK(link.agencies.lead == Ids{"so-y-te"});
  REQUIRE(link.deadline);
  CHECK(link.deadline->kind == "year");
  CHECK(link.deadline->date == "2026");
  CHECK(task(m, "Các đơn vị trực thuộc").agencies.lead == Ids{"cac-co-quan-don-vi"});
}

// ---------------------------------------------------------------------------------------------
// Tasks: what is a task
// ---------------------------------------------------------------------------------------------

TEST_CASE("tasks: numbered and lettered items; grouping headings and lead-ins are not tasks",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Nâng cao nhận thức, đổi mới tư duy về phát triển khoa học, công nghệ\n"
      "a) Tổ chức quán triệt, tuyên truyền sâu rộng Nghị quyết số 57-NQ/TW đến cán bộ, đảng "
      "viên và Nhân dân.\n"
      "b) Xây dựng chuyên mục về chuyển đổi số trên Báo và Phát thanh, Truyền hình tỉnh.\n"
      "2. Hoàn thiện thể chế, chính sách\n"
      "Các sở, ban, ngành tập trung thực hiện các nhiệm vụ sau:\n"
      "a) Rà soát, bãi bỏ các quy định không còn phù hợp.\n"
      "b) Xây dựng cơ chế thử nghiệm có kiểm soát đối với công nghệ mới.\n"
      "3. Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan nhà nước, bảo đảm văn bản được "
      "xử lý trên môi trường mạng.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Các sở, ban, ngành, địa phương căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 6);
  task(m, "Tổ chức quán triệt");
  task(m, "Xây dựng chuyên mục");
  task(m, "Rà soát, bãi bỏ");
  task(m, "thử nghiệm có kiểm soát");
  task(m, "Đẩy mạnh chuyển đổi số trong hoạt động");
  for (const auto& t : m.tasks) {
    CHECK(t.text.find("Nâng cao nhận thức, đổi mới tư duy") == std::string::npos);
    CHECK(t.text.find("nhiệm vụ sau:") == std::string::npos);
  }
  CHECK(task(m, "căn cứ Kế hoạch này").agencies.lead == Ids{"cac-so-ban-nganh-dia-phuong"});
}

TEST_CASE("tasks: bullets under a heading are tasks, the heading is not", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển hạ tầng số\n"
      "- Đầu tư nâng cấp Trung tâm dữ liệu tỉnh, bảo đảm an toàn thông tin theo cấp độ.\n"
      "- Phát triển mạng di động 5G phủ sóng các khu công nghiệp, khu du lịch.\n"
      "2. Phát triển nguồn nhân lực\n"
      "- Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "Các cơ quan, đơn vị, địa phương tổ chức thực hiện nghiêm túc Kế hoạch này.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 4);
  task(m, "Trung tâm dữ liệu tỉnh");
  task(m, "mạng di động 5G");
  task(m, "kỹ năng số");
  CHECK(task(m, "nghiêm túc").agencies.lead == Ids{"cac-co-quan-don-vi-dia-phuong"});
  CHECK(m.targets.empty());  // "5G" in a task is not a target
}

TEST_CASE("tasks: a heading whose body is only '-' labelled lines is itself the task",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Công tác lãnh đạo, chỉ đạo\n"
      "1.1. Kiện toàn Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
      "đổi số của tỉnh.\n"
      "- Cơ quan chủ trì: Sở Nội vụ.\n"
      "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân tỉnh.\n"
      "- Thời gian thực hiện: Trong tháng 7/2025.\n"
      "1.2. Ban hành quy chế hoạt động của Ban Chỉ đạo.\n"
      "- Cơ quan chủ trì: Văn phòng Ủy ban nhân dân tỉnh.\n"
      "- Thời gian thực hiện: Trong tháng 8/2025.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 2);
  const auto& steer = task(m, "Kiện toàn Ban Chỉ đạo");
  CHECK(steer.agencies.lead == Ids{"so-noi-vu"});
  CHECK(steer.agencies.support == Ids{"so-khcn", "vp-ubnd-tinh"});
  REQUIRE(steer.deadline);
  CHECK(steer.deadline->kind == "within_month");
  CHECK(steer.deadline->date == "2025-07");
  const auto& rules = task(m, "quy chế hoạt động");
  CHECK(rules.agencies.lead == Ids{"vp-ubnd-tinh"});
  CHECK(rules.agencies.support.empty());
  REQUIRE(rules.deadline);
  CHECK(rules.deadline->date == "2025-08");
  for (const auto& t : m.tasks) CHECK(t.text.find("Cơ quan chủ trì") == std::string::npos);
}

TEST_CASE("tasks: labelled lines with '*', '+' and no bullet", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Tổ chức tuyên truyền, phổ biến Nghị quyết trên các phương tiện thông tin đại chúng.\n"
      "* Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
      "* Cơ quan phối hợp: Báo và Phát thanh, Truyền hình tỉnh.\n"
      "* Thời gian thực hiện: Thường xuyên.\n"
      "2. Đưa nội dung giáo dục STEM vào các trường phổ thông.\n"
      "+ Cơ quan chủ trì: Sở Giáo dục và Đào tạo.\n"
      "+ Thời gian thực hiện: Năm 2026.\n"
      "3. Xây dựng hồ sơ sức khỏe điện tử cho người dân.\n"
      "Cơ quan chủ trì: Sở Y tế.\n"
      "Cơ quan phối hợp: Công an tỉnh.\n"
      "Thời gian thực hiện: 2026 - 2030.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 3);
  const auto& media = task(m, "tuyên truyền, phổ biến");
  CHECK(media.agencies.lead == Ids{"so-vh-tt-dl"});
  CHECK(media.agencies.support == Ids{"bao-ptth-tinh"});
  REQUIRE(media.deadline);
  CHECK(media.deadline->kind == "recurring");
  const auto& stem = task(m, "STEM");
  CHECK(stem.agencies.lead == Ids{"so-gd-dt"});
  REQUIRE(stem.deadline);
  CHECK(stem.deadline->kind == "year");
  CHECK(stem.deadline->date == "2026");
  const auto& health = task(m, "hồ sơ sức khỏe");
  CHECK(health.agencies.lead == Ids{"so-y-te"});
  CHECK(health.agencies.support == Ids{"cong-an-tinh"});
  REQUIRE(health.deadline);
  CHECK(health.deadline->kind == "range");
  CHECK(health.deadline->from == "2026");
  CHECK(health.deadline->to == "2030");
}

TEST_CASE("tasks: Trách nhiệm chỉ đạo and 'X chủ trì, phối hợp với Y và các sở, ngành' values",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Hoàn thiện cơ chế, chính sách\n"
      "1.1. Xây dựng cơ chế tài chính đặc thù cho hoạt động khoa học, công nghệ và đổi mới "
      "sáng tạo.\n"
      "- Trách nhiệm chỉ đạo: Đảng ủy Ủy ban nhân dân tỉnh.\n"
      "- Cơ quan tham mưu thực hiện: Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công "
      "nghệ và các sở, ngành liên quan.\n"
      "- Thời gian thực hiện: Năm 2025.\n"
      "1.2. Rà soát chức năng, nhiệm vụ của các tổ chức khoa học và công nghệ công lập.\n"
      "- Cơ quan tham mưu: Sở Nội vụ.\n"
      "- Thời gian thực hiện: Năm 2026.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 2);
  const auto& finance = task(m, "cơ chế tài chính đặc thù");
  CHECK(finance.agencies.directing == Ids{"dang-uy:ubnd-tinh"});
  CHECK(finance.agencies.lead == Ids{"so-tai-chinh"});
  CHECK(finance.agencies.support == Ids{"so-khcn", "cac-so-ban-nganh"});
  REQUIRE(finance.deadline);
  CHECK(finance.deadline->date == "2025");
  const auto& review = task(m, "Rà soát chức năng");
  CHECK(review.agencies.lead == Ids{"so-noi-vu"});
  CHECK(review.agencies.directing.empty());
  const auto* party = agency(m, "dang-uy:ubnd-tinh");
  REQUIRE(party);
  CHECK(party->kind == "party_committee");
}

TEST_CASE("tasks: Trách nhiệm thực hiện and Thời hạn hoàn thành", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Số hóa hồ sơ, tài liệu lưu trữ của các cơ quan nhà nước.\n"
      "- Trách nhiệm thực hiện: Sở Nội vụ.\n"
      "- Thời hạn hoàn thành: trước ngày 30/6/2025.\n"
      "2. Xây dựng kho dữ liệu dùng chung của tỉnh.\n"
      "- Trách nhiệm thực hiện: Sở Khoa học và Công nghệ, Công an tỉnh.\n"
      "- Thời hạn hoàn thành: Quý IV năm 2025.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 2);
  const auto& archive = task(m, "Số hóa hồ sơ");
  CHECK(archive.agencies.lead == Ids{"so-noi-vu"});
  REQUIRE(archive.deadline);
  CHECK(archive.deadline->kind == "by_date");
  CHECK(archive.deadline->date == "2025-06-30");
  const auto& data = task(m, "kho dữ liệu");
  CHECK(data.agencies.lead == Ids{"so-khcn", "cong-an-tinh"});
  REQUIRE(data.deadline);
  CHECK(data.deadline->text.find("Quý IV năm 2025") != std::string::npos);
}

TEST_CASE("tasks: a labelled block after several bullets applies to all of them and no further",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển hạ tầng số\n"
      "- Nâng cấp mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.\n"
      "- Xây dựng nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.\n"
      "- Triển khai Trung tâm giám sát an toàn thông tin mạng.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Cơ quan phối hợp: Công an tỉnh.\n"
      "- Thời gian thực hiện: Năm 2026.\n"
      "- Tổ chức phổ cập kỹ năng số cho người dân.\n"
      "- Cơ quan chủ trì: Sở Giáo dục và Đào tạo.\n"
      "- Thời gian thực hiện: Thường xuyên.\n"
      "2. Thu hút nhân lực chất lượng cao\n"
      "- Ban hành chính sách thu hút chuyên gia công nghệ số về làm việc tại tỉnh.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 5);
  for (const char* needle : {"mạng truyền số liệu", "nền tảng tích hợp", "giám sát an toàn"}) {
    const auto& t = task(m, needle);
    CHECK(t.agencies.lead == Ids{"so-khcn"});
    CHECK(t.agencies.support == Ids{"cong-an-tinh"});
    REQUIRE(t.deadline);
    CHECK(t.deadline->kind == "year");
    CHECK(t.deadline->date == "2026");
  }
  const auto& skills = task(m, "phổ cập kỹ năng số");
  CHECK(skills.agencies.lead == Ids{"so-gd-dt"});
  CHECK(skills.agencies.support.empty());
  REQUIRE(skills.deadline);
  CHECK(skills.deadline->kind == "recurring");
  const auto& experts = task(m, "thu hút chuyên gia");
  CHECK(experts.agencies.empty());
  CHECK_FALSE(experts.deadline);
}

TEST_CASE("tasks: inline 'X chủ trì, phối hợp với Y' and 'Giao X'", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu Ủy ban nhân dân "
      "tỉnh bố trí tối thiểu 3% tổng chi ngân sách cho khoa học, công nghệ.\n"
      "2. Giao Sở Nội vụ xây dựng chính sách thu hút, đãi ngộ nhân tài trong lĩnh vực công nghệ "
      "số.\n"
      "3. Công an tỉnh chủ trì triển khai Đề án 06 trên địa bàn tỉnh.\n"
      "4. Phối hợp với các trường đại học, viện nghiên cứu đào tạo nhân lực công nghệ cao.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 4);
  const auto& budget = task(m, "bố trí tối thiểu 3%");
  CHECK(budget.agencies.lead == Ids{"so-tai-chinh"});
  CHECK(budget.agencies.support == Ids{"so-khcn"});
  CHECK(task(m, "Giao Sở Nội vụ").agencies.lead == Ids{"so-noi-vu"});
  CHECK(task(m, "Đề án 06").agencies.lead == Ids{"cong-an-tinh"});
  const auto& universities = task(m, "trường đại học");
  CHECK(universities.agencies.lead.empty());
  // "Phối hợp với X" opening a task names X as support (the answer keys' convention,
  // see tests/corpus/expected-part2/README.md); words that name no agency are left out.
  CHECK(std::find(universities.agencies.support.begin(), universities.agencies.support.end(),
                  "cac-truong-dai-hoc") != universities.agencies.support.end());
  for (const auto& id : universities.agencies.support) CHECK(id.rfind("x-", 0) != 0);
}

TEST_CASE("tasks: headings naming an agency give the lead to the bullets under them",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Khoa học và Công nghệ\n"
      "- Chủ trì, theo dõi, đôn đốc việc triển khai Kế hoạch này.\n"
      "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
      "2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh\n"
      "- Tăng cường giám sát việc thực hiện Kế hoạch.\n"
      "3. Trách nhiệm của Đảng ủy Ủy ban nhân dân tỉnh\n"
      "- Lãnh đạo, chỉ đạo cụ thể hóa Kế hoạch thành các chương trình, đề án.\n"
      "- Văn phòng Ủy ban nhân dân tỉnh tham mưu tổ chức sơ kết việc thực hiện Kế hoạch.\n"
      "4. Các sở, ban, ngành, địa phương\n"
      "- Xây dựng kế hoạch thực hiện của cơ quan, đơn vị mình.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 6);
  CHECK(task(m, "theo dõi, đôn đốc").agencies.lead == Ids{"so-khcn"});
  CHECK(task(m, "Tổng hợp, báo cáo").agencies.lead == Ids{"so-khcn"});
  CHECK(task(m, "giám sát việc thực hiện").agencies.lead == Ids{"mttq-tinh"});
  CHECK(task(m, "cụ thể hóa Kế hoạch").agencies.lead == Ids{"dang-uy:ubnd-tinh"});
  CHECK(task(m, "sơ kết").agencies.lead == Ids{"vp-ubnd-tinh"});  // names its own agency
  CHECK(task(m, "đơn vị mình").agencies.lead == Ids{"cac-so-ban-nganh-dia-phuong"});
}

// "Giao X ..." gives X the lead whether the item has a bullet or not (OCR
// loses bullets). "Chỉ đạo X ..." under a heading that names an agency is that
// agency's task: it directs X.
TEST_CASE("tasks: 'Giao X' leads with or without a bullet; 'Chỉ đạo X' is the heading's",
          "[genre-items]") {
  for (std::string bullet : {"- ", ""}) {
    auto result = vnplan::test::parse_text(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban nhân dân tỉnh\n" +
        bullet + "Giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n\n" + bullet +
        "Đề nghị Ủy ban MTTQ Việt Nam tỉnh tăng cường giám sát.\n\n" + bullet +
        "Chỉ đạo các sở, ban, ngành, Ủy ban nhân dân cấp xã triển khai các nhiệm vụ.\n");
    const auto& m = main_doc(result);
    INFO(bullet << dump(m));
    CHECK(m.tasks.size() == 3);
    CHECK(task(m, "bố trí kinh phí").agencies.lead == Ids{"so-tai-chinh"});
    CHECK(task(m, "tăng cường giám sát").agencies.lead == Ids{"mttq-tinh"});
    CHECK(task(m, "triển khai các nhiệm vụ").agencies.lead == Ids{"ubnd-tinh"});
  }
}

// ---------------------------------------------------------------------------------------------
// Tasks: deadlines and status
// ---------------------------------------------------------------------------------------------

TEST_CASE("deadlines: by_date, within_month, year and range", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Ban hành Kế hoạch chuyển đổi số năm 2025 của tỉnh.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: trước ngày 30/6/2025.\n"
      "2. Ban hành danh mục dữ liệu mở của tỉnh.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: Trong tháng 9/2025.\n"
      "3. Triển khai nền tảng học tập số cho học sinh.\n"
      "- Cơ quan chủ trì: Sở Giáo dục và Đào tạo.\n"
      "- Thời gian thực hiện: Năm 2026.\n"
      "4. Xây dựng đô thị thông minh tại trung tâm tỉnh.\n"
      "- Cơ quan chủ trì: Sở Xây dựng.\n"
      "- Thời gian thực hiện: 2026 - 2030.\n"
      "5. Sở Tài chính hướng dẫn cơ chế khoán chi đến sản phẩm cuối cùng, hoàn thành trước ngày "
      "15/10/2025.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 5);
  const auto& a = task(m, "Kế hoạch chuyển đổi số năm 2025");
  REQUIRE(a.deadline);
  CHECK(a.deadline->kind == "by_date");
  CHECK(a.deadline->date == "2025-06-30");
  const auto& b = task(m, "dữ liệu mở");
  REQUIRE(b.deadline);
  CHECK(b.deadline->kind == "within_month");
  CHECK(b.deadline->date == "2025-09");
  const auto& c = task(m, "học tập số");
  REQUIRE(c.deadline);
  CHECK(c.deadline->kind == "year");
  CHECK(c.deadline->date == "2026");
  const auto& d = task(m, "đô thị thông minh");
  REQUIRE(d.deadline);
  CHECK(d.deadline->kind == "range");
  CHECK(d.deadline->from == "2026");
  CHECK(d.deadline->to == "2030");
  const auto& e = task(m, "khoán chi");
  CHECK(e.agencies.lead == Ids{"so-tai-chinh"});
  REQUIRE(e.deadline);
  CHECK(e.deadline->kind == "by_date");
  CHECK(e.deadline->date == "2025-10-15");
}

TEST_CASE("tasks: (1)/(2) items of a ward plan and 'Trong tháng 12 năm 2025'", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "ĐẢNG ỦY XÃ TÂN PHÚ\n"
      "Số 15-KH/ĐU\n"
      "KẾ HOẠCH\n"
      "I- MỤC ĐÍCH, YÊU CẦU\n"
      "Quán triệt Nghị quyết số 57-NQ/TW.\n"
      "II- NHIỆM VỤ, GIẢI PHÁP\n"
      "(1) Tổ chức hội nghị quán triệt Nghị quyết đến cán bộ, đảng viên.\n"
      "- Cơ quan chủ trì: Ban Xây dựng Đảng.\n"
      "- Thời gian thực hiện: Trong tháng 12 năm 2025.\n"
      "(2) Ủy ban nhân dân xã triển khai hệ thống một cửa điện tử dùng chung.\n"
      "III- TỔ CHỨC THỰC HIỆN\n"
      "Văn phòng Đảng ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Đảng ủy.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 3);
  const auto& meeting = task(m, "hội nghị quán triệt");
  CHECK(meeting.agencies.lead == Ids{"ban-xay-dung-dang"});
  REQUIRE(meeting.deadline);
  CHECK(meeting.deadline->kind == "within_month");
  CHECK(meeting.deadline->date == "2025-12");
  CHECK(task(m, "một cửa điện tử").agencies.lead == Ids{"ubnd-xa"});
  CHECK(task(m, "đôn đốc, báo cáo").agencies.lead == Ids{"vp-dang-uy"});
}

TEST_CASE("deadlines: Thường xuyên, Hằng năm and sau khi có hướng dẫn", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Tuyên truyền về chuyển đổi số trên các nền tảng mạng xã hội.\n"
      "- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
      "- Thời gian thực hiện: Thường xuyên.\n"
      "2. Đánh giá chỉ số chuyển đổi số của các sở, ngành, địa phương.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: Hằng năm.\n"
      "3. Triển khai cơ chế thử nghiệm có kiểm soát đối với các công nghệ mới.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: sau khi có hướng dẫn của Bộ Khoa học và Công nghệ.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 3);
  const auto& media = task(m, "mạng xã hội");
  REQUIRE(media.deadline);
  CHECK(media.deadline->kind == "recurring");
  const auto& index = task(m, "Đánh giá chỉ số");
  REQUIRE(index.deadline);
  CHECK(index.deadline->kind == "recurring");
  const auto& sandbox = task(m, "thử nghiệm có kiểm soát");
  REQUIRE(sandbox.deadline);
  CHECK(sandbox.deadline->kind == "after_event");
  REQUIRE(sandbox.deadline->event);
  CHECK(sandbox.deadline->event->find("hướng dẫn của Bộ Khoa học và Công nghệ") !=
        std::string::npos);
  CHECK(sandbox.agencies.lead == Ids{"so-khcn"});  // the ministry in the deadline is no lead
  CHECK(sandbox.agencies.support.empty());
}

TEST_CASE("status: (nội dung đã hoàn thành) and (đã hoàn thành) mark a task done",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Công tác lãnh đạo, chỉ đạo\n"
      "1.1. Kiện toàn Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
      "đổi số tỉnh.\n"
      "- Cơ quan chủ trì: Đảng ủy Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: Trong tháng 7/2025 (nội dung đã hoàn thành).\n"
      "1.2. Ban hành Quy chế làm việc của Ban Chỉ đạo (đã hoàn thành).\n"
      "1.3. Xây dựng bộ chỉ số theo dõi, đánh giá kết quả thực hiện Kế hoạch.\n"
      "- Cơ quan chủ trì: Đảng ủy Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: Trong tháng 12/2025.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 3);
  const auto& steer = task(m, "Kiện toàn Ban Chỉ đạo");
  CHECK(steer.status == "done");
  REQUIRE(steer.deadline);
  CHECK(steer.deadline->kind == "within_month");
  CHECK(steer.deadline->date == "2025-07");
  CHECK(steer.deadline->text.find("hoàn thành") == std::string::npos);
  CHECK(steer.agencies.lead == Ids{"dang-uy:so-khcn"});
  CHECK(task(m, "Quy chế làm việc").status == "done");
  CHECK_FALSE(task(m, "bộ chỉ số").status);
}

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

TEST_CASE("agencies: abbreviations resolve to the same id as the full names", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh.\n"
      "- Cơ quan chủ trì: Sở KH&CN.\n"
      "2. Xây dựng bản đồ số các tổ chức khoa học và công nghệ.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "3. UBND tỉnh ban hành quy chế quản lý dữ liệu dùng chung.\n"
      "4. Ủy ban nhân dân tỉnh ban hành danh mục dịch vụ công trực tuyến ưu tiên.\n"
      "5. VPUBND tỉnh theo dõi việc cung cấp dịch vụ công trực tuyến.\n"
      "6. Văn phòng Ủy ban nhân dân tỉnh vận hành Hệ thống thông tin giải quyết thủ tục hành "
      "chính.\n"
      "7. Ủy ban MTTQ Việt Nam tỉnh vận động Nhân dân tham gia chuyển đổi số.\n"
      "8. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát việc thực hiện chính sách.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(m.tasks.size() == 8);
  auto lead = [&](const std::string& needle) { return task(m, needle).agencies.lead; };
  CHECK(lead("cơ sở dữ liệu khoa học") == lead("bản đồ số"));
  CHECK(lead("cơ sở dữ liệu khoa học") == Ids{"so-khcn"});
  CHECK(lead("quy chế quản lý") == lead("danh mục dịch vụ công"));
  CHECK(lead("quy chế quản lý") == Ids{"ubnd-tinh"});
  CHECK(lead("theo dõi việc cung cấp") == lead("Hệ thống thông tin"));
  CHECK(lead("theo dõi việc cung cấp") == Ids{"vp-ubnd-tinh"});
  CHECK(lead("vận động Nhân dân") == lead("giám sát việc thực hiện"));
  CHECK(lead("vận động Nhân dân") == Ids{"mttq-tinh"});
  // one agency entry per id, with every mention
  std::size_t science = 0;
  for (const auto& a : m.agencies)
    if (a.id == "so-khcn") {
      ++science;
      CHECK(a.mentions.size() == 2);
    }
  CHECK(science == 1);
}

TEST_CASE("agencies: a name that is not in the registry is kept as unknown", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Xây dựng hệ thống giám sát dịch bệnh trên nền tảng số.\n"
      "- Cơ quan chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh.\n"
      "- Cơ quan phối hợp: Sở Y tế.\n"
      "- Thời gian thực hiện: Năm 2026.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  const auto& t = task(m, "giám sát dịch bệnh");
  REQUIRE(t.agencies.lead.size() == 1);
  const auto* cdc = agency(m, t.agencies.lead[0]);
  REQUIRE(cdc);
  CHECK(cdc->kind == "unknown");
  CHECK(cdc->name.find("Trung tâm Kiểm soát bệnh tật") != std::string::npos);
  CHECK(t.agencies.support == Ids{"so-y-te"});
  CHECK(has_diagnostic(result, "agency.unknown"));
}

TEST_CASE("agencies: a merged department keeps its successor", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển hạ tầng viễn thông băng rộng.\n"
      "- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n"
      "2. Triển khai các nhiệm vụ khoa học và công nghệ cấp tỉnh.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "3. Bố trí vốn đầu tư công cho chuyển đổi số.\n"
      "- Cơ quan chủ trì: Sở Kế hoạch và Đầu tư.\n"
      "4. Bố trí kinh phí chi thường xuyên cho khoa học và công nghệ.\n"
      "- Cơ quan chủ trì: Sở Tài chính.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  const auto& telecom = task(m, "viễn thông");
  const auto& science = task(m, "nhiệm vụ khoa học");
  REQUIRE(telecom.agencies.lead.size() == 1);
  REQUIRE(science.agencies.lead.size() == 1);
  CHECK(telecom.agencies.lead != science.agencies.lead);  // kept as written
  const auto* tttt = agency(m, telecom.agencies.lead[0]);
  REQUIRE(tttt);
  CHECK(tttt->successor == science.agencies.lead[0]);
  const auto& invest = task(m, "vốn đầu tư công");
  const auto& finance = task(m, "chi thường xuyên");
  REQUIRE(invest.agencies.lead.size() == 1);
  REQUIRE(finance.agencies.lead.size() == 1);
  const auto* khdt = agency(m, invest.agencies.lead[0]);
  REQUIRE(khdt);
  CHECK(khdt->successor == finance.agencies.lead[0]);
}

// ---------------------------------------------------------------------------------------------
// Layout variants: the same plan must give the same targets and tasks
// ---------------------------------------------------------------------------------------------

namespace {

const char* const kPlainPlan =
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "Cụ thể hóa các nhiệm vụ của Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
    "II. MỤC TIÊU\n"
    "1. Mục tiêu chung\n"
    "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành động lực chính "
    "của tăng trưởng.\n"
    "2. Mục tiêu cụ thể\n"
    "2.1. Đến năm 2030\n"
    "a) Phát triển hạ tầng\n"
    "- Tỷ lệ phủ sóng 5G trên địa bàn tỉnh ≥ 95%.\n"
    "- Có ít nhất 50% doanh nghiệp nhỏ và vừa sử dụng nền tảng số trong sản xuất, kinh doanh.\n"
    "b) Phát triển nguồn lực\n"
    "- Quy mô kinh tế số đạt 25% GRDP; có từ 10 người thực hiện công tác nghiên cứu khoa học "
    "trên 01 vạn dân.\n"
    "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
    "1. Hoàn thiện thể chế\n"
    "1.1. Rà soát, sửa đổi các quy định của tỉnh về khoa học, công nghệ, đổi mới sáng tạo và "
    "chuyển đổi số không còn phù hợp.\n"
    "- Cơ quan chủ trì: Sở Tư pháp.\n"
    "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân tỉnh.\n"
    "- Thời gian thực hiện: Trong tháng 9/2025.\n"
    "1.2. Ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn tỉnh.\n"
    "- Cơ quan chủ trì: Sở Tài chính.\n"
    "- Thời gian thực hiện: Năm 2026.\n"
    "2. Phát triển hạ tầng số\n"
    "- Xây dựng trung tâm dữ liệu của tỉnh đáp ứng yêu cầu lưu trữ, xử lý dữ liệu lớn.\n"
    "- Mở rộng mạng cáp quang băng rộng đến các thôn, ấp vùng sâu, vùng xa.\n"
    "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
    "- Thời gian thực hiện: 2026 - 2030.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "1. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n";

const std::vector<std::string> kPlanTargets = {
    ">= 95 % 2030 Phát triển hạ tầng",
    ">= 50 % 2030 Phát triển hạ tầng",
    "= 25 % GRDP 2030 Phát triển nguồn lực",
    ">= 10 người/vạn dân 2030 Phát triển nguồn lực",
};

const std::vector<std::string> kPlanTasks = {
    "Rà lead=so-tu-phap sup=so-khcn,vp-ubnd-tinh within_month:2025-09",
    "Ban lead=so-tai-chinh sup= year:2026",
    "Xây lead=so-khcn sup= range:2026-2030",
    "Mở lead=so-khcn sup= range:2026-2030",
    "Văn lead=vp-ubnd-tinh sup= none",
};

}  // namespace

TEST_CASE("layout: the small plan as plain text", "[genre-items]") {
  auto result = vnplan::test::parse_text(kPlainPlan);
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(target_lines(m) == kPlanTargets);
  CHECK(task_lines(m) == kPlanTasks);
}

TEST_CASE("layout: the small plan as converter markdown gives the same items", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "## **I. MỤC ĐÍCH, YÊU CẦU**\n"
      "\n"
      "### 1. Mục đích\n"
      "\n"
      "Cụ thể hóa các nhiệm vụ của Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
      "\n"
      "## **II. MỤC TIÊU**\n"
      "\n"
      "### **1. Mục tiêu chung**\n"
      "\n"
      "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành động lực "
      "chính của tăng trưởng.\n"
      "\n"
      "### **2. Mục tiêu cụ thể**\n"
      "\n"
      "#### 2.1. Đến năm 2030\n"
      "\n"
      "**a) Phát triển hạ tầng**\n"
      "\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn tỉnh $\\geq 95\\%$.\n"
      "- Có ít nhất 50% doanh nghiệp nhỏ và vừa sử dụng nền tảng số trong sản xuất, kinh "
      "doanh.\n"
      "\n"
      "**b) Phát triển nguồn lực**\n"
      "\n"
      "- Quy mô kinh tế số đạt 25% GRDP; có từ 10 người thực hiện công tác nghiên cứu khoa học "
      "trên 01 vạn dân.\n"
      "\n"
      "## **III. NHIỆM VỤ VÀ GIẢI PHÁP**\n"
      "\n"
      "### **1. Hoàn thiện thể chế**\n"
      "\n"
      "**1.1.** Rà soát, sửa đổi các quy định của tỉnh về khoa học, công nghệ, đổi mới sáng tạo "
      "và chuyển đổi số không còn phù hợp.\n"
      "\n"
      "- *Cơ quan chủ trì:* Sở Tư pháp.\n"
      "- *Cơ quan phối hợp:* Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân tỉnh.\n"
      "- *Thời gian thực hiện:* **Trong tháng 9/2025**.\n"
      "\n"
      "**1.2.** Ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn "
      "tỉnh.\n"
      "\n"
      "- *Cơ quan chủ trì:* Sở Tài chính.\n"
      "- *Thời gian thực hiện:* **Năm 2026**.\n"
      "\n"
      "### **2. Phát triển hạ tầng số**\n"
      "\n"
      "- Xây dựng trung tâm dữ liệu của tỉnh đáp ứng yêu cầu lưu trữ, xử lý dữ liệu lớn.\n"
      "- Mở rộng mạng cáp quang băng rộng đến các thôn, ấp vùng sâu, vùng xa.\n"
      "- *Cơ quan chủ trì:* Sở Khoa học và Công nghệ.\n"
      "- *Thời gian thực hiện:* 2026 - 2030.\n"
      "\n"
      "## **IV. TỔ CHỨC THỰC HIỆN**\n"
      "\n"
      "1. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n",
      "plan.md");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(target_lines(m) == kPlanTargets);
  CHECK(task_lines(m) == kPlanTasks);
}

TEST_CASE("layout: the small plan hard-wrapped like PDF text gives the same items",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "1. Mục đích\n"
      "Cụ thể hóa các nhiệm vụ của Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính\n"
      "trị.\n"
      "II. MỤC TIÊU\n"
      "1. Mục tiêu chung\n"
      "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành động\n"
      "lực chính của tăng trưởng.\n"
      "2. Mục tiêu cụ thể\n"
      "2.1. Đến năm 2030\n"
      "a) Phát triển hạ tầng\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn tỉnh ≥ 95%.\n"
      "- Có ít nhất 50% doanh nghiệp nhỏ và vừa sử dụng nền tảng số trong sản xuất,\n"
      "kinh doanh.\n"
      "b) Phát triển nguồn lực\n"
      "- Quy mô kinh tế số đạt 25% GRDP; có từ 10 người thực hiện công tác nghiên cứu\n"
      "khoa học trên 01 vạn dân.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Hoàn thiện thể chế\n"
      "1.1. Rà soát, sửa đổi các quy định của tỉnh về khoa học, công nghệ, đổi mới sáng\n"
      "tạo và chuyển đổi số không còn phù hợp.\n"
      "- Cơ quan chủ trì: Sở Tư pháp.\n"
      "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân tỉnh.\n"
      "- Thời gian thực hiện: Trong tháng 9/2025.\n"
      "1.2. Ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn\n"
      "tỉnh.\n"
      "- Cơ quan chủ trì: Sở Tài chính.\n"
      "- Thời gian thực hiện: Năm 2026.\n"
      "2. Phát triển hạ tầng số\n"
      "- Xây dựng trung tâm dữ liệu của tỉnh đáp ứng yêu cầu lưu trữ, xử lý dữ liệu\n"
      "lớn.\n"
      "- Mở rộng mạng cáp quang băng rộng đến các thôn, ấp vùng sâu, vùng xa.\n"
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
      "- Thời gian thực hiện: 2026 - 2030.\n"
      "IV. TỔ CHỨC THỰC HIỆN\n"
      "1. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch\n"
      "này.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(target_lines(m) == kPlanTargets);
  CHECK(task_lines(m) == kPlanTasks);
}

TEST_CASE("layout: labelled values wrapped over two lines give the same items", "[genre-items]") {
  // pdftotext of a narrow column: blank lines between lines, trailing spaces, and
  // the value of a label continued on the next line or starting there
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH, YÊU CẦU \n"
      "\n"
      "1. Mục đích \n"
      "\n"
      "Cụ thể hóa các nhiệm vụ của Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. \n"
      "\n"
      "II. MỤC TIÊU \n"
      "\n"
      "1. Mục tiêu chung \n"
      "\n"
      "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành \n"
      "\n"
      "động lực chính của tăng trưởng. \n"
      "\n"
      "2. Mục tiêu cụ thể \n"
      "\n"
      "2.1. Đến năm 2030 \n"
      "\n"
      "a) Phát triển hạ tầng \n"
      "\n"
      "- Tỷ lệ phủ sóng 5G trên địa bàn tỉnh ≥ 95%. \n"
      "\n"
      "- Có ít nhất 50% doanh nghiệp nhỏ và vừa sử dụng nền tảng số trong sản xuất, \n"
      "\n"
      "kinh doanh. \n"
      "\n"
      "b) Phát triển nguồn lực \n"
      "\n"
      "- Quy mô kinh tế số đạt 25% GRDP; có từ 10 người thực hiện công tác nghiên cứu \n"
      "\n"
      "khoa học trên 01 vạn dân. \n"
      "\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP \n"
      "\n"
      "1. Hoàn thiện thể chế \n"
      "\n"
      "1.1. Rà soát, sửa đổi các quy định của tỉnh về khoa học, công nghệ, đổi mới sáng \n"
      "\n"
      "tạo và chuyển đổi số không còn phù hợp. \n"
      "\n"
      "- Cơ quan chủ trì: Sở Tư pháp. \n"
      "\n"
      "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân \n"
      "\n"
      "tỉnh. \n"
      "\n"
      "- Thời gian thực hiện: \n"
      "\n"
      "Trong tháng 9/2025. \n"
      "\n"
      "1.2. Ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn \n"
      "\n"
      "tỉnh. \n"
      "\n"
      "- Cơ quan chủ trì: Sở Tài chính. \n"
      "\n"
      "- Thời gian thực hiện: Năm 2026. \n"
      "\n"
      "2. Phát triển hạ tầng số \n"
      "\n"
      "- Xây dựng trung tâm dữ liệu của tỉnh đáp ứng yêu cầu lưu trữ, xử lý dữ liệu \n"
      "\n"
      "lớn. \n"
      "\n"
      "- Mở rộng mạng cáp quang băng rộng đến các thôn, ấp vùng sâu, vùng xa. \n"
      "\n"
      "- Cơ quan chủ trì: Sở Khoa học và \n"
      "\n"
      "Công nghệ. \n"
      "\n"
      "- Thời gian thực hiện: 2026 - 2030. \n"
      "\n"
      "IV. TỔ CHỨC THỰC HIỆN \n"
      "\n"
      "1. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch \n"
      "\n"
      "này. \n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  CHECK(target_lines(m) == kPlanTargets);
  CHECK(task_lines(m) == kPlanTasks);
}

// One sentence, two horizons: "đến năm 2025 đạt X, đến năm 2030 đạt Y" under a
// heading that names only the later one. Each target takes its own clause's
// horizon; the second piece, which names nothing, measures what the first did;
// "khoảng" hedges the number and is no part of the indicator.
TEST_CASE("targets: a clause's own horizon, and a piece that names only its horizon",
          "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "a) Giai đoạn từ nay đến năm 2030:\n"
      "- Tỷ lệ đô thị hóa đến năm 2025 đạt khoảng 60-62%, đến năm 2030 đạt 75%; GRDP bình "
      "quân đầu người đến năm 2025 đạt khoảng 8.300 USD, đến năm 2030 đạt khoảng 12.000 USD; "
      "Năng suất lao động tăng bình quân 7,5%/năm; Tốc độ tăng trưởng GRDP giai đoạn "
      "2021-2025 đạt 7,5%; Số doanh nghiệp tăng 20% so với năm 2020.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  REQUIRE(m.targets.size() == 7);
  CHECK(m.targets[0].indicator == "Tỷ lệ đô thị hóa");
  CHECK(m.targets[0].year == 2025);
  CHECK(m.targets[0].comparator == "range");
  CHECK(m.targets[1].indicator == "Tỷ lệ đô thị hóa");
  CHECK(m.targets[1].year == 2030);
  CHECK(m.targets[1].value == Approx(75));
  CHECK(m.targets[2].indicator == "GRDP bình quân đầu người");
  CHECK(m.targets[2].comparator == "=");
  CHECK(m.targets[2].unit == "USD");
  CHECK(m.targets[2].year == 2025);
  CHECK(m.targets[3].indicator == "GRDP bình quân đầu người");
  CHECK(m.targets[3].value == Approx(12000));
  CHECK(m.targets[3].year == 2030);
  CHECK(m.targets[4].indicator == "Năng suất lao động tăng bình quân");
  CHECK(m.targets[4].yearly);
  CHECK(m.targets[4].year == 2030);  // the heading's
  CHECK(m.targets[5].year == 2025);  // the end of its "giai đoạn 2021-2025"
  CHECK(m.targets[6].year == 2030);  // "so với năm 2020" is the baseline, no horizon
}

// A series of measures, each with its own horizon, joined by commas and a
// last "và": each is a target of the thing named before the first ("Sản
// phẩm …: đạt A vào năm 2010, B vào năm 2015 và C vào năm 2020"); a unit ends
// before the horizon that follows it ("tấn/năm vào năm 2010").
TEST_CASE("targets: a series of yearly values of one indicator", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "- Sản phẩm ôxít đất hiếm: đạt 5.500 tấn/năm vào năm 2010, 10.000 tấn/năm vào năm 2015 "
      "và 15.000 tấn/năm vào năm 2020;\n"
      "- Vàng cốm: đạt 40-50 kg vào năm 2010 và 180-200 kg vào năm 2015;\n"
      "- Diện tích rừng trồng mới đạt 5.000 ha đến năm 2025.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  REQUIRE(m.targets.size() == 6);
  for (int k : {0, 1, 2}) {
    CHECK(m.targets[k].indicator == "Sản phẩm ôxít đất hiếm");
    CHECK(m.targets[k].unit == "tấn/năm");
  }
  CHECK(m.targets[1].value == Approx(10000));
  CHECK(m.targets[1].year == 2015);
  CHECK(m.targets[2].value == Approx(15000));
  CHECK(m.targets[2].year == 2020);
  CHECK(m.targets[4].indicator == "Vàng cốm");
  CHECK(m.targets[4].unit == "kg");
  CHECK(m.targets[4].value_max == Approx(200));
  CHECK(m.targets[4].year == 2015);
  CHECK(m.targets[5].unit == "ha");
  CHECK(m.targets[5].year == 2025);
}

// "theo tinh thần Nghị quyết 20 Ban Chấp hành Trung ương": a document cited by
// its number without "số" is no measure.
TEST_CASE("targets: a document's number after its kind is no target", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "1. Mục tiêu đến năm 2020\n"
      "- Xây dựng đội ngũ cán bộ công đoàn theo tinh thần Nghị quyết 20 Ban Chấp hành Trung "
      "ương Đảng khóa X.\n"
      "- Ngân sách chi cho đào tạo, bồi dưỡng đạt 15% tổng ngân sách.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  REQUIRE(m.targets.size() == 1);
  CHECK(m.targets[0].value == Approx(15));
}

// "Mức" opens the clause as a lead-in only before a number or a comparator
// ("mức tối thiểu 30%"); "Mức độ hài lòng", "mức sống" are what is measured.
TEST_CASE("targets: mức is no lead-in before a noun", "[genre-items]") {
  auto result = vnplan::test::parse_text(
      "II. MỤC TIÊU\n"
      "1. Đến năm 2030\n"
      "- Mức độ hài lòng của người dân đạt trên 90%.\n"
      "- Năng suất lao động tăng bình quân 7%.\n"
      "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
      "1. Phát triển kinh tế số.\n");
  const auto& m = main_doc(result);
  INFO(dump(m));
  REQUIRE(m.targets.size() == 2);
  CHECK(m.targets[0].indicator == "Mức độ hài lòng của người dân");
  CHECK(m.targets[1].indicator == "Năng suất lao động tăng bình quân");
}
