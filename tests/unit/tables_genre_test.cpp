// Tables of the genre that the corpora do not show: a column per year, other
// header wordings, letter-free group rows with a horizon, a parent row and its
// sub-rows, column numbers in brackets, HTML inside cells, a linearised table
// with a missing cell, a target stated in the text and again in a table.
// Expectations are what a careful reader of the table would write down.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

using vnplan::DocumentModel;

const std::string kHead =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 12/KH-UBND\n\nBình Định, ngày 03 tháng 3 năm "
    "2025\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW\n\n";

DocumentModel parse(const std::string& body, const char* name = "plan.md") {
  auto result = vnplan::test::parse_text(kHead + body, name);
  REQUIRE(!result.documents.empty());
  return result.documents[0];
}

std::vector<const vnplan::Target*> table_targets(const DocumentModel& m) {
  std::vector<const vnplan::Target*> out;
  for (const auto& t : m.targets)
    if (t.source == "table") out.push_back(&t);
  return out;
}

std::vector<const vnplan::Task*> table_tasks(const DocumentModel& m) {
  std::vector<const vnplan::Task*> out;
  for (const auto& t : m.tasks)
    if (t.source == "table") out.push_back(&t);
  return out;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("a target table with a column per year gives a target per year", "[tables][genre]") {
  auto m = parse(
      "PHỤ LỤC\n\n"
      "| STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030 | Đơn vị chủ trì |\n"
      "|---|---|---|---|---|---|\n"
      "| 1 | Tỷ lệ hộ gia đình có kết nối cáp quang | % | 70 | ≥ 95 | Sở Khoa học và Công nghệ |\n"
      "| 2 | Số doanh nghiệp công nghệ số | Doanh nghiệp | 150 | 300 | Sở Tài chính |\n");
  REQUIRE(m.tables.size() == 1);
  CHECK(m.tables[0].kind == "targets");
  CHECK(m.tables[0].columns ==
        std::vector<std::string>{"number", "indicator", "unit", "target", "target", "lead"});
  auto targets = table_targets(m);
  REQUIRE(targets.size() == 4);
  CHECK(targets[0]->indicator == "Tỷ lệ hộ gia đình có kết nối cáp quang");
  CHECK(targets[0]->comparator == "=");
  CHECK(targets[0]->value == 70);
  CHECK(targets[0]->year == 2025);
  CHECK(targets[1]->comparator == ">=");
  CHECK(targets[1]->value == 95);
  CHECK(targets[1]->year == 2030);
  CHECK(targets[1]->unit == "%");
  CHECK(targets[3]->unit == "Doanh nghiệp");
  CHECK(targets[3]->value == 300);
  CHECK(has(targets[3]->agencies.lead, "so-tai-chinh"));
  REQUIRE(targets[3]->table_row);
  CHECK(targets[3]->table_row->row == 1);
}

TEST_CASE("an assignment table with other header words, groups and a page break",
          "[tables][genre]") {
  auto m = parse(
      "PHỤ LỤC II\n\n"
      "| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành |\n"
      "|---|---|---|---|---|\n"
      "| (1) | (2) | (3) | (4) | (5) |\n"
      "| I | Hoàn thiện thể chế | | | |\n"
      "| 1 | Ban hành quy chế quản lý dữ liệu | Sở Tư pháp | Sở Nội vụ; Sở Tài chính | Trước ngày "
      "30/6/2025 |\n"
      "\n"
      "| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành |\n"
      "|---|---|---|---|---|\n"
      "| 2 | Rà soát thủ tục hành chính<br>trên môi trường số | Văn phòng UBND tỉnh | Các sở, "
      "ban, ngành | Hằng năm |\n"
      "| II | Phát triển hạ tầng số | | | |\n"
      "| 3 | Xây dựng trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | | Năm 2026 |\n");
  REQUIRE(m.tables.size() == 1);  // the repeated header continues the table
  CHECK(m.tables[0].kind == "assignments");
  auto tasks = table_tasks(m);
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0]->text == "Ban hành quy chế quản lý dữ liệu");
  CHECK(tasks[0]->group == "I Hoàn thiện thể chế");
  CHECK(has(tasks[0]->agencies.lead, "so-tu-phap"));
  CHECK(has(tasks[0]->agencies.support, "so-noi-vu"));
  CHECK(has(tasks[0]->agencies.support, "so-tai-chinh"));
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->kind == "by_date");
  CHECK(tasks[0]->deadline->date == "2025-06-30");
  CHECK(tasks[1]->text.find("<br>") == std::string::npos);
  CHECK(tasks[1]->group == "I Hoàn thiện thể chế");
  REQUIRE(tasks[1]->deadline);
  CHECK(tasks[1]->deadline->kind == "recurring");
  CHECK(tasks[2]->group == "II Phát triển hạ tầng số");
  CHECK(tasks[2]->agencies.support.empty());
  REQUIRE(tasks[2]->deadline);
  CHECK(tasks[2]->deadline->date == "2026");
}

TEST_CASE("a parent row without a value groups its sub-rows; a group row gives the horizon",
          "[tables][genre]") {
  auto m = parse(
      "| TT | Tên chỉ tiêu | Đơn vị tính | Mục tiêu | Cơ quan theo dõi, chủ trì |\n"
      "|---|---|---|---|---|\n"
      "| I | Đến năm 2030 | | | |\n"
      "| 8 | Chỉ tiêu về dịch vụ công trực tuyến | | | Sở Khoa học và Công nghệ |\n"
      "| 8.1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | ≥ 80 | Văn phòng UBND tỉnh |\n"
      "| 8.2 | Tỷ lệ thanh toán trực tuyến | % | 50 - 60 | Văn phòng UBND tỉnh |\n"
      "| 9 | Chỉ số chuyển đổi số | Điểm | Thuộc nhóm 20 tỉnh dẫn đầu | Sở Khoa học và Công nghệ "
      "|\n"
      "| II | Đến năm 2045 | | | |\n"
      "| 10 | Quy mô kinh tế số | % GRDP | ≥ 50 | Sở Tài chính |\n");
  REQUIRE(m.tables.size() == 1);
  const auto& rows = m.tables[0].rows;
  REQUIRE(rows.size() == 7);
  CHECK(rows[1].role == "group");  // 8, parent of 8.1 and 8.2
  CHECK(rows[2].parent == 1u);
  auto targets = table_targets(m);
  REQUIRE(targets.size() == 4);
  CHECK(targets[0]->category == "Chỉ tiêu về dịch vụ công trực tuyến");
  CHECK(targets[0]->year == 2030);
  CHECK(targets[1]->comparator == "range");
  CHECK(targets[1]->value == 50);
  CHECK(targets[1]->value_max == 60);
  CHECK(targets[2]->comparator == "<=");
  CHECK(targets[2]->value == 20);
  CHECK(targets[2]->year == 2030);
  CHECK(targets[3]->year == 2045);
  CHECK(targets[3]->unit == "% GRDP");
}

TEST_CASE("a linearised row with a missing cell is placed by content and flagged",
          "[tables][genre]") {
  auto result = vnplan::test::parse_text(kHead +
                                             "PHỤ LỤC\n"
                                             "DANH MỤC NHIỆM VỤ\n"
                                             "TT\n"
                                             "Tên nhiệm vụ\n"
                                             "Cơ quan chủ trì\n"
                                             "Cơ quan phối hợp\n"
                                             "Thời gian hoàn thành\n"
                                             "1\n"
                                             "Xây dựng kho dữ liệu dùng chung\n"
                                             "Sở Khoa học và Công nghệ\n"
                                             "Các sở, ban, ngành, địa phương\n"
                                             "Năm 2025\n"
                                             "2\n"
                                             "Số hóa hồ sơ lưu trữ\n"
                                             "Sở Nội vụ\n"
                                             "Năm 2026\n"
                                             "3\n"
                                             "Đào tạo kỹ năng số cho cán bộ\n"
                                             "Sở Nội vụ\n"
                                             "Sở Khoa học và Công nghệ\n"
                                             "Thường xuyên\n",
                                         "plan.txt");
  const auto& m = result.documents.at(0);
  auto tasks = table_tasks(m);
  REQUIRE(tasks.size() == 3);
  CHECK(has(tasks[1]->agencies.lead, "so-noi-vu"));
  CHECK(tasks[1]->agencies.support.empty());
  REQUIRE(tasks[1]->deadline);
  CHECK(tasks[1]->deadline->date == "2026");
  CHECK(has(tasks[2]->agencies.support, "so-khcn"));
  bool flagged = false;
  for (const auto& d : result.diagnostics)
    flagged = flagged ||
              (d.code == "table.row_incomplete" && d.message.find("support") != std::string::npos);
  CHECK(flagged);
}

// A row that holds a horizon alone gathers the rows under it, whatever its
// number: OCR reads the Roman "I" of "I | Đến năm 2030" as "1", and the rows
// under it count from 1 again. The horizon sits above the Arabic parent rows
// ("3 | Chỉ tiêu về …") as a Roman group would, so their sub-rows keep its year.
TEST_CASE("a horizon row numbered 1 still dates the rows under it, sub-rows too",
          "[tables][genre]") {
  auto m = parse(
      "PHỤ LỤC I\n"
      "CÁC CHỈ TIÊU CỤ THỂ\n"
      "TT\n"
      "Chỉ tiêu\n"
      "Đơn vị\n"
      "Kết quả\n"
      "Cơ quan chủ trì theo dõi\n"
      "1\n"
      "Đến năm 2030\n"
      "1\n"
      "Quy mô kinh tế số\n"
      "% GRDP\n"
      "≥ 20\n"
      "Sở Khoa học và Công nghệ\n"
      "2\n"
      "Chỉ số đổi mới sáng tạo cấp địa phương (PII)\n"
      "Thứ bậc\n"
      "Thuộc nhóm 30 tỉnh dẫn đầu\n"
      "Sở Khoa học và Công nghệ\n"
      "3\n"
      "Chỉ tiêu về dịch vụ công trực tuyến\n"
      "3.1\n"
      "Tỷ lệ hồ sơ thủ tục hành chính được số hóa\n"
      "%\n"
      "100\n"
      "Văn phòng Ủy ban nhân dân tỉnh\n"
      "3.2\n"
      "Tỷ lệ thanh toán trực tuyến\n"
      "%\n"
      "80\n"
      "Văn phòng Ủy ban nhân dân tỉnh\n",
      "plan.txt");
  auto targets = table_targets(m);
  REQUIRE(targets.size() == 4);
  for (const auto* t : targets) CHECK(t->year == 2030);
  CHECK(targets[0]->indicator == "Quy mô kinh tế số");
  REQUIRE(targets[2]->value);
  CHECK(*targets[2]->value == 100);
}

// A table without a number column (a PDF's layout can lose a narrow one): a
// row that holds a horizon alone still dates the rows under it, up to the next.
TEST_CASE("a horizon row in a table without numbers dates the rows under it", "[tables][genre]") {
  auto m = parse(
      "II. MỤC TIÊU\n\n"
      "| Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |\n"
      "|---|---|---|---|\n"
      "| Đến năm 2030 | | | |\n"
      "| Quy mô kinh tế số | % GRDP | ≥ 20 | Sở Khoa học và Công nghệ |\n"
      "| Tỷ lệ thanh toán trực tuyến | % | 80 | Văn phòng Ủy ban nhân dân tỉnh |\n"
      "| Đến năm 2045 | | | |\n"
      "| Quy mô kinh tế số | % GRDP | ≥ 50 | Sở Khoa học và Công nghệ |\n");
  auto targets = table_targets(m);
  REQUIRE(targets.size() == 3);
  CHECK(targets[0]->year == 2030);
  CHECK(targets[1]->year == 2030);
  CHECK(targets[2]->year == 2045);
  CHECK(targets[0]->indicator == "Quy mô kinh tế số");
}

// A markdown table printed and read back by OCR: the rule under each page's
// header ("|---|---|") comes out as a line of marks ("J I--1-F|"), and one copy
// of the header loses its last wrapped line ("… | Thời gian thực"). The rows
// after each such line still go on under the one header, and the header's
// copies are no rows.
TEST_CASE("a printed pipe table read back by OCR stays one table", "[tables][genre]") {
  auto m = parse(
      "II. NHIỆM VỤ\n\n"
      "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực\n"
      "\n"
      "| 1 | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Các sở, ngành | "
      "Năm 2025 |\n"
      "\n"
      "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
      "\n"
      "J I--1-F|\n"
      "\n"
      "| 2 | Số hóa hồ sơ lưu trữ | Sở Nội vụ | Các sở, ngành | Năm 2026 |\n"
      "\n"
      "| 3 | Đào tạo kỹ năng số cho cán bộ | Sở Nội vụ | Sở Khoa học và Công nghệ | "
      "Thường xuyên |\n",
      "plan.txt");
  REQUIRE(m.tables.size() == 1);
  CHECK(m.tables[0].rows.size() == 3);
  auto tasks = table_tasks(m);
  REQUIRE(tasks.size() == 3);
  CHECK(has(tasks[1]->agencies.lead, "so-noi-vu"));
  REQUIRE(tasks[1]->deadline);
  CHECK(tasks[1]->deadline->date == "2026");
}

TEST_CASE("a target in the text and the same target in a table are linked", "[tables][genre]") {
  auto m = parse(
      "I. MỤC TIÊU\n\n"
      "Đến năm 2030, tỷ lệ người dân có tài khoản thanh toán điện tử đạt 80%.\n\n"
      "II. NHIỆM VỤ\n\n"
      "1. Phát triển thanh toán không dùng tiền mặt.\n\n"
      "PHỤ LỤC\n\n"
      "| TT | Chỉ tiêu | Đơn vị | Mục tiêu năm 2030 | Cơ quan chủ trì |\n"
      "|---|---|---|---|---|\n"
      "| 1 | Tỷ lệ người dân có tài khoản thanh toán điện tử | % | 80 | Ngân hàng Nhà nước chi "
      "nhánh tỉnh |\n");
  const vnplan::Target* text = nullptr;
  const vnplan::Target* table = nullptr;
  for (const auto& t : m.targets) (t.source == "table" ? table : text) = &t;
  REQUIRE(text);
  REQUIRE(table);
  CHECK(table->year == 2030);
  CHECK(text->same_as == std::vector<std::string>{table->id});
  CHECK(table->same_as == std::vector<std::string>{text->id});
}

TEST_CASE("a pipe table 1000 cells wide is read, its short rows too", "[tables][genre]") {
  std::string header = "| TT | Tên nhiệm vụ | Cơ quan chủ trì |";
  std::string rule = "|---|---|---|";
  std::string row = "| 1 | Số hóa hồ sơ | Sở Nội vụ |";
  for (int c = 0; c < 997; ++c) {
    header += " Cột " + std::to_string(c) + " |";
    rule += "---|";
    row += " x |";
  }
  auto m = parse(header + "\n" + rule + "\n" + row + "\n| 2 | Việc khác | Sở Tài chính |\n");
  REQUIRE(m.tables.size() == 1);
  CHECK(m.tables[0].columns.size() == 1000);
  auto tasks = table_tasks(m);
  REQUIRE(tasks.size() == 2);
  CHECK(has(tasks[0]->agencies.lead, "so-noi-vu"));
  CHECK(has(tasks[1]->agencies.lead, "so-tai-chinh"));
}

TEST_CASE("a linearised table at the end of one document stops where the next begins",
          "[tables][genre]") {
  auto result = vnplan::test::parse_text(kHead +
                                             "PHỤ LỤC\n"
                                             "TT\n"
                                             "Tên nhiệm vụ\n"
                                             "Cơ quan chủ trì\n"
                                             "Thời gian hoàn thành\n"
                                             "1\n"
                                             "Xây dựng kho dữ liệu dùng chung\n"
                                             "Sở Khoa học và Công nghệ\n"
                                             "Năm 2025\n"
                                             "\n"
                                             "**KẾ HOẠCH**\n"
                                             "**Chuyển đổi số năm 2026**\n"
                                             "I. MỤC TIÊU\n"
                                             "Phấn đấu 100% hồ sơ được số hóa.\n"
                                             "II. NHIỆM VỤ\n"
                                             "1. Sở Nội vụ chủ trì số hóa hồ sơ lưu trữ.\n",
                                         "plans.txt");
  std::size_t rows = 0, sections = 0;
  for (const auto& doc : result.documents) {
    for (const auto& table : doc.tables) rows += table.rows.size();
    sections += doc.sections.size();
  }
  CHECK(rows == 1);
  CHECK(sections >= 2);  // the second plan's I. and II. are sections, not table cells
}

TEST_CASE("a lead column whose 'chủ' OCR misread is still the lead", "[tables][genre]") {
  // "Cơ quan chủ trì phụ trách/chỉ đạo" with chủ read as "chi" or "cha": the
  // column is the lead, not the directing one its "chỉ đạo" would make it.
  for (const char* head :
       {"Cơ quan chi tri phụ trách/chỉ đạo", "Cơ quan cha tri phụ trách/chỉ đạo"}) {
    auto m =
        parse(std::string("II. NHIỆM VỤ\n\n"
                          "| TT | Tên nhiệm vụ | ") +
              head +
              " | Thời gian |\n"
              "|---|---|---|---|\n"
              "| 1 | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Năm 2025 |\n");
    REQUIRE(m.tables.size() == 1);
    CHECK(m.tables[0].columns == std::vector<std::string>{"number", "task", "lead", "deadline"});
    auto tasks = table_tasks(m);
    REQUIRE(tasks.size() == 1);
    CHECK(has(tasks[0]->agencies.lead, "so-khcn"));
  }
}

// A converter's table without outer bars, its blank-line-separated rows, and
// the merged cell of a group row written once per column it spans.
TEST_CASE("a table without outer bars and with spanning group rows", "[tables][genre]") {
  auto m = parse(
      "PHỤ LỤC\n\n"
      "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n\n"
      "I | Hoàn thiện thể chế | Hoàn thiện thể chế | Hoàn thiện thể chế | Hoàn thiện thể chế\n\n"
      "1 | Ban hành quy chế quản lý dữ liệu | Sở Tư pháp | Sở Nội vụ | 2025\n\n"
      "II | Phát triển hạ tầng số | Phát triển hạ tầng số | Phát triển hạ tầng số | Phát "
      "triển hạ tầng số\n\n"
      "1 | Xây dựng trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Sở Tài chính | 2026\n");
  REQUIRE(m.tables.size() == 1);
  CHECK(m.tables[0].columns ==
        std::vector<std::string>{"number", "task", "lead", "support", "deadline"});
  REQUIRE(m.tables[0].rows.size() == 4);
  CHECK(m.tables[0].rows[0].role == "group");
  CHECK(m.tables[0].rows[2].role == "group");
  auto tasks = table_tasks(m);
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0]->group == "I Hoàn thiện thể chế");  // the spanning cell once
  CHECK(has(tasks[0]->agencies.lead, "so-tu-phap"));
  CHECK(has(tasks[0]->agencies.support, "so-noi-vu"));
  CHECK(tasks[1]->group == "II Phát triển hạ tầng số");
  CHECK(has(tasks[1]->agencies.lead, "so-khcn"));
}

// What tesseract makes of a printed pipe table: a row's number read "3,", a
// row cut at a page with the rest of it in a short row of its own, and a
// table broken by a line OCR made up, whose numbering goes on after it.
TEST_CASE("an OCR'd pipe table cut apart is put back together", "[tables][genre]") {
  const std::string kOcrHead =
      "UY BAN NHAN DAN\nTINH BINH DINH\n\nSé: 12/KH-UBND\n\nKÉ HOACH\n"
      "Thuc hién Nghi quyét s6 57-NQ/TW\n\nII. NHIEM VU\n\n"
      "TT | Tén nhiém vu | Co quan cht tri | Co quan phéi hgp | Thdi gian hoan thanh |\n"
      "1. | Xay dung kho dit liéu dung chung cua tinh | Sé Khoa hoc va Céng nghé | Cac sé, "
      "nganh | Nam 2025 |\n";
  auto parse_ocr = [&](const std::string& rows) {
    auto result = vnplan::test::parse_text(kOcrHead + rows, "plan.txt");
    REQUIRE(result.documents.size() == 1);
    return result.documents[0];
  };
  SECTION("a number read with a comma; a row cut at a page, its rest in a short row") {
    auto m = parse_ocr(
        "2. | Sé hda hé so luu trir cua cac co quan | Sé Néi vu | Cac sé, nganh | Nam 2026 |\n"
        "3, | Dao tao ky nang s6 cho can bé, cong chirc | Sé Néi vu | Sé Khoa hoc va Céng nghé "
        "|\nThuéng xuyén |\n"
        "4. | Xay dung nén tang sé dung chung cho cac xa, phudng | Sé Khoa hoc va Céng nghé | "
        "Cac\n\n| sé, nganh | Nam 2027 |\n"
        "5. | Phat trién ha tang 5G tai cac khu céng nghiép | Sé Khoa hoc va Céng nghé | Cac sé, "
        "nganh | Nam 2028 |\n");
    REQUIRE(m.tables.size() == 1);
    REQUIRE(m.tables[0].rows.size() == 5);
    CHECK(m.tables[0].rows[2].number == std::optional<std::string>("3"));
    auto tasks = table_tasks(m);
    REQUIRE(tasks.size() == 5);
    CHECK(has(tasks[3]->agencies.support, "cac-so-ban-nganh"));
    REQUIRE(tasks[3]->deadline);
    CHECK(tasks[3]->deadline->date == "2027");
  }
  SECTION("a made-up line between rows; the numbering goes on after it") {
    auto m = parse_ocr(
        "\nee ae\n\n"
        "| 2. | Dao tao ky nang s6 cho can bé, cong chirc | Sé Néi vu | Sé Khoa hoc va Céng "
        "nghé | Nam 2027 |\n"
        "| 3. | Phat trién ha tang 5G tai cac khu céng nghiép | Sé Khoa hoc va Céng nghé | Cac "
        "sé, nganh | Nam 2028 |\n");
    REQUIRE(m.tables.size() == 1);
    CHECK(m.tables[0].rows.size() == 3);
    auto tasks = table_tasks(m);
    REQUIRE(tasks.size() == 3);
    CHECK(has(tasks[1]->agencies.lead, "so-noi-vu"));
  }
  SECTION("a page of a table without numbers that does not repeat its header") {
    auto m = parse(
        "II. NHIỆM VỤ\n\n"
        "| Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|\n"
        "| Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Năm 2025 |\n\n"
        "(tiếp theo)\n\n"
        "| Số hóa hồ sơ lưu trữ | Sở Nội vụ | Năm 2026 |\n");
    REQUIRE(m.tables.size() == 1);
    auto tasks = table_tasks(m);
    REQUIRE(tasks.size() == 2);
    CHECK(has(tasks[1]->agencies.lead, "so-noi-vu"));
  }
  SECTION("a second table with a header of its own stays its own") {
    auto m = parse_ocr(
        "\nee ae\n\n"
        "| TT | Nhiém vu | Co quan cht tri | Thdi gian |\n"
        "| 2. | Dao tao ky nang s6 cho can bé, cong chirc | Sé Néi vu | Nam 2027 |\n");
    CHECK(m.tables.size() == 2);
  }
}
