// DeadlineReader: whole phrases, deadlines inside task sentences, status notes.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "vnplan/extract.hpp"

namespace {

const vnplan::DeadlineReader& reader() {
  static vnplan::Folder folder(*vnplan::test::grammar());
  static vnplan::DeadlineReader instance(*vnplan::test::grammar(), folder);
  return instance;
}

struct Row {
  const char* phrase;
  const char* text;
  const char* kind;
  const char* date;
  const char* from;
  const char* to;
  const char* event;
};

std::string show(const std::optional<std::string>& value) { return value ? *value : "-"; }

void check(const vnplan::Deadline& d, const Row& row) {
  INFO("phrase: " << row.phrase);
  CHECK(d.text == row.text);
  CHECK(d.kind == row.kind);
  CHECK(show(d.date) == row.date);
  CHECK(show(d.from) == row.from);
  CHECK(show(d.to) == row.to);
  CHECK(show(d.event) == row.event);
}

}  // namespace

TEST_CASE("whole phrases are read as deadlines", "[deadlines]") {
  const Row rows[] = {
      // by_date
      {"trước ngày 07/5/2025", "trước ngày 07/5/2025", "by_date", "2025-05-07", "-", "-", "-"},
      {"hoàn thành trước ngày 07/5/2025", "hoàn thành trước ngày 07/5/2025", "by_date",
       "2025-05-07", "-", "-", "-"},
      {"Hoàn thành trước ngày 30/6/2025.", "Hoàn thành trước ngày 30/6/2025", "by_date",
       "2025-06-30", "-", "-", "-"},
      {"chậm nhất ngày 15/11/2025", "chậm nhất ngày 15/11/2025", "by_date", "2025-11-15", "-", "-",
       "-"},
      {"trước 31/12/2025", "trước 31/12/2025", "by_date", "2025-12-31", "-", "-", "-"},
      {"Hoàn thành trước tháng 12/2025", "Hoàn thành trước tháng 12/2025", "by_date", "2025-12",
       "-", "-", "-"},
      {"trước ngày 31/2/2025", "trước ngày 31/2/2025", "other", "-", "-", "-", "-"},
      // within_month
      {"Trong tháng 7/2025", "Trong tháng 7/2025", "within_month", "2025-07", "-", "-", "-"},
      {"trong tháng 04/2025", "trong tháng 04/2025", "within_month", "2025-04", "-", "-", "-"},
      {"trong tháng 4/2025", "trong tháng 4/2025", "within_month", "2025-04", "-", "-", "-"},
      {"Trong tháng 12 năm 2025", "Trong tháng 12 năm 2025", "within_month", "2025-12", "-", "-",
       "-"},
      {"tháng 4/2025", "tháng 4/2025", "within_month", "2025-04", "-", "-", "-"},
      {"Thời gian thực hiện: Trong tháng 7/2025 (nội dung đã hoàn thành).", "Trong tháng 7/2025",
       "within_month", "2025-07", "-", "-", "-"},
      {"Phấn đấu hoàn thành trong tháng 12/2025", "Phấn đấu hoàn thành trong tháng 12/2025",
       "within_month", "2025-12", "-", "-", "-"},
      {"Hoàn thành trong tháng 9/2025", "Hoàn thành trong tháng 9/2025", "within_month", "2025-09",
       "-", "-", "-"},
      {"Hoàn thành trong tháng 7/2025", "Hoàn thành trong tháng 7/2025", "within_month", "2025-07",
       "-", "-", "-"},
      {"Hoàn thành trong tháng 10/2025", "Hoàn thành trong tháng 10/2025", "within_month",
       "2025-10", "-", "-", "-"},
      {"Tiếp tục thực hiện trong tháng 4/2025.", "Tiếp tục thực hiện trong tháng 4/2025",
       "within_month", "2025-04", "-", "-", "-"},
      {"Hoàn thành trong tháng 4/2025", "Hoàn thành trong tháng 4/2025", "within_month", "2025-04",
       "-", "-", "-"},
      {"Thời gian thực hiện: Hoàn thành xong trong tháng 4/2025.",
       "Hoàn thành xong trong tháng 4/2025", "within_month", "2025-04", "-", "-", "-"},
      {"Hoàn thành xong trong tháng 7/2025", "Hoàn thành xong trong tháng 7/2025", "within_month",
       "2025-07", "-", "-", "-"},
      {"Hoàn thành xong trong tháng 6/2025.", "Hoàn thành xong trong tháng 6/2025", "within_month",
       "2025-06", "-", "-", "-"},
      {"Hoàn thành xong trong tháng 11/2025", "Hoàn thành xong trong tháng 11/2025", "within_month",
       "2025-11", "-", "-", "-"},
      {"Hoàn thành xong trong tháng 12/2025", "Hoàn thành xong trong tháng 12/2025", "within_month",
       "2025-12", "-", "-", "-"},
      {"trong tháng 13/2025", "trong tháng 13/2025", "other", "-", "-", "-", "-"},
      // year
      {"năm 2026", "năm 2026", "year", "2026", "-", "-", "-"},
      {"Năm 2026", "Năm 2026", "year", "2026", "-", "-", "-"},
      {"Trong năm 2025", "Trong năm 2025", "year", "2025", "-", "-", "-"},
      {"hoàn thành trong năm 2025", "hoàn thành trong năm 2025", "year", "2025", "-", "-", "-"},
      // range
      {"2026 - 2030", "2026 - 2030", "range", "-", "2026", "2030", "-"},
      {"2025-2030", "2025-2030", "range", "-", "2025", "2030", "-"},
      {"Thời gian thực hiện: 2025-2030.", "2025-2030", "range", "-", "2025", "2030", "-"},
      {"giai đoạn 2025-2030", "giai đoạn 2025-2030", "range", "-", "2025", "2030", "-"},
      {"Từ năm 2025 đến năm 2030", "Từ năm 2025 đến năm 2030", "range", "-", "2025", "2030", "-"},
      {"từ tháng 5/2025 đến tháng 12/2025", "từ tháng 5/2025 đến tháng 12/2025", "range", "-",
       "2025-05", "2025-12", "-"},
      {"Quý III/2025", "Quý III/2025", "range", "-", "2025-07", "2025-09", "-"},
      {"Quý II/2025", "Quý II/2025", "range", "-", "2025-04", "2025-06", "-"},
      // recurring
      {"Thường xuyên", "Thường xuyên", "recurring", "-", "-", "-", "-"},
      {"thường xuyên.", "thường xuyên", "recurring", "-", "-", "-", "-"},
      {"Hằng năm", "Hằng năm", "recurring", "-", "-", "-", "-"},
      {"hàng năm", "hàng năm", "recurring", "-", "-", "-", "-"},
      {"Thường xuyên, hằng năm.", "Thường xuyên, hằng năm", "recurring", "-", "-", "-", "-"},
      {"* Thời gian thực hiện: thường xuyên, hằng năm.", "thường xuyên, hằng năm", "recurring", "-",
       "-", "-", "-"},
      {"định kỳ 6 tháng, 01 năm hoặc đột xuất", "định kỳ 6 tháng, 01 năm hoặc đột xuất",
       "recurring", "-", "-", "-", "-"},
      {"Định kỳ 6 tháng, 01 năm hoặc đột xuất", "Định kỳ 6 tháng, 01 năm hoặc đột xuất",
       "recurring", "-", "-", "-", "-"},
      {"định kỳ 6 tháng, 01 năm", "định kỳ 6 tháng, 01 năm", "recurring", "-", "-", "-", "-"},
      {"định kỳ hằng tháng, 3 tháng, 6 tháng, 9 tháng, 1 năm",
       "định kỳ hằng tháng, 3 tháng, 6 tháng, 9 tháng, 1 năm", "recurring", "-", "-", "-", "-"},
      {"định kỳ hàng tháng, 3 tháng, 6 tháng, 9 tháng, 01 năm hoặc đột xuất",
       "định kỳ hàng tháng, 3 tháng, 6 tháng, 9 tháng, 01 năm hoặc đột xuất", "recurring", "-", "-",
       "-", "-"},
      {"theo tháng, quý, 6 tháng, 1 năm", "theo tháng, quý, 6 tháng, 1 năm", "recurring", "-", "-",
       "-", "-"},
      {"hằng năm hoặc đột xuất", "hằng năm hoặc đột xuất", "recurring", "-", "-", "-", "-"},
      {"hàng năm hoặc đột xuất", "hàng năm hoặc đột xuất", "recurring", "-", "-", "-", "-"},
      {"quý, 6 tháng, 1 năm, giữa nhiệm kỳ, cuối nhiệm kỳ",
       "quý, 6 tháng, 1 năm, giữa nhiệm kỳ, cuối nhiệm kỳ", "recurring", "-", "-", "-", "-"},
      {"3 tháng, 6 tháng, 1 năm, giữa nhiệm kỳ, cuối nhiệm kỳ",
       "3 tháng, 6 tháng, 1 năm, giữa nhiệm kỳ, cuối nhiệm kỳ", "recurring", "-", "-", "-", "-"},
      {"định kỳ 3 tháng, 6 tháng, 1 năm hoặc đột xuất",
       "định kỳ 3 tháng, 6 tháng, 1 năm hoặc đột xuất", "recurring", "-", "-", "-", "-"},
      {"Định kỳ 3 tháng, 6 tháng, 1 năm", "Định kỳ 3 tháng, 6 tháng, 1 năm", "recurring", "-", "-",
       "-", "-"},
      {"quý, 6 tháng, 1 năm hoặc đột xuất", "quý, 6 tháng, 1 năm hoặc đột xuất", "recurring", "-",
       "-", "-", "-"},
      {"định kỳ hằng tháng, quý, 6 tháng, năm", "định kỳ hằng tháng, quý, 6 tháng, năm",
       "recurring", "-", "-", "-", "-"},
      {"định kỳ trước ngày 01/6 và 15/11 hàng năm (hoặc đột xuất khi có yêu cầu)",
       "định kỳ trước ngày 01/6 và 15/11 hàng năm (hoặc đột xuất khi có yêu cầu)", "recurring", "-",
       "-", "-", "-"},
      // after_event
      {"sau khi có Quyết định của Thủ tướng Chính phủ",
       "sau khi có Quyết định của Thủ tướng Chính phủ", "after_event", "-", "-", "-",
       "sau khi có Quyết định của Thủ tướng Chính phủ"},
      {"Thời gian thực hiện: sau khi có hướng dẫn của Bộ Khoa học và Công nghệ.",
       "sau khi có hướng dẫn của Bộ Khoa học và Công nghệ", "after_event", "-", "-", "-",
       "sau khi có hướng dẫn của Bộ Khoa học và Công nghệ"},
      {"sau khi Chính phủ ban hành Nghị định hướng dẫn",
       "sau khi Chính phủ ban hành Nghị định hướng dẫn", "after_event", "-", "-", "-",
       "sau khi Chính phủ ban hành Nghị định hướng dẫn"},
      {"khi có chỉ đạo của cấp có thẩm quyền", "khi có chỉ đạo của cấp có thẩm quyền",
       "after_event", "-", "-", "-", "khi có chỉ đạo của cấp có thẩm quyền"},
      {"sau khi nâng cấp phòng Cơ yếu - Công nghệ thông tin (thuộc Văn phòng Tỉnh ủy) thành phòng "
       "Chuyển đổi số - Cơ yếu",
       "sau khi nâng cấp phòng Cơ yếu - Công nghệ thông tin (thuộc Văn phòng Tỉnh ủy) thành phòng "
       "Chuyển đổi số - Cơ yếu",
       "after_event", "-", "-", "-",
       "sau khi nâng cấp phòng Cơ yếu - Công nghệ thông tin (thuộc Văn phòng Tỉnh ủy) thành phòng "
       "Chuyển đổi số - Cơ yếu"},
      // other
      {"Thực hiện theo hướng dẫn của Trung ương", "Thực hiện theo hướng dẫn của Trung ương",
       "other", "-", "-", "-", "-"},
  };
  for (const auto& row : rows) check(reader().read(row.phrase), row);
}

TEST_CASE("several deadlines in one phrase are mixed, each part read", "[deadlines]") {
  auto d = reader().read(
      "Thời gian thực hiện: Trong tháng 7/2025 (nội dung đã hoàn thành) và khi có chỉ đạo của cấp "
      "có thẩm quyền.");
  CHECK(d.text == "Trong tháng 7/2025 và khi có chỉ đạo của cấp có thẩm quyền");
  CHECK(d.kind == "mixed");
  CHECK_FALSE(d.date);
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].kind == "within_month");
  CHECK(show(d.parts[0].date) == "2025-07");
  CHECK(d.parts[0].text == "Trong tháng 7/2025");
  CHECK(d.parts[1].kind == "after_event");
  CHECK(show(d.parts[1].event) == "khi có chỉ đạo của cấp có thẩm quyền");

  d = reader().read("Tiếp tục triển khai trong tháng 4/2025 và trong năm 2025.");
  CHECK(d.text == "Tiếp tục triển khai trong tháng 4/2025 và trong năm 2025");
  CHECK(d.kind == "mixed");
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].kind == "within_month");
  CHECK(show(d.parts[0].date) == "2025-04");
  CHECK(d.parts[1].kind == "year");
  CHECK(show(d.parts[1].date) == "2025");
  CHECK(d.parts[1].text == "trong năm 2025");

  d = reader().read("Quý II/2025 và các năm tiếp theo");
  CHECK(d.kind == "mixed");
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].kind == "range");
  CHECK(show(d.parts[0].from) == "2025-04");
  CHECK(show(d.parts[0].to) == "2025-06");
  CHECK(d.parts[1].kind == "recurring");

  d = reader().read("Hoàn thành trong năm 2025 và duy trì thực hiện thường xuyên");
  CHECK(d.kind == "mixed");
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].kind == "year");
  CHECK(d.parts[1].kind == "recurring");

  d = reader().read("Thường xuyên, hằng năm");
  CHECK(d.kind == "recurring");
  CHECK(d.parts.empty());
}

namespace {

struct FindRow {
  const char* sentence;
  const char* found;  // the sentence bytes reported
  const char* kind;
  const char* date;
};

}  // namespace

TEST_CASE("find locates a deadline inside a task sentence", "[deadlines]") {
  const FindRow rows[] = {
      {"- Các huyện, thị, thành ủy cập nhật, bổ sung các chỉ tiêu, nhiệm vụ theo Kế hoạch hành "
       "động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, ban "
       "hành trong tháng 04/2025.",
       "trong tháng 04/2025", "within_month", "2025-04"},
      {"Tham mưu kế hoạch của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch hành động số 235-KH/TU "
       "ngày 18/4/2025 của Ban Thường vụ Tỉnh ủy về việc thực hiện Nghị quyết số 57-NQ/TW ngày "
       "22/12/2024 của Bộ Chính trị, trình Thường trực Huyện ủy (qua Văn phòng Huyện ủy), trước "
       "ngày 07/5/2025.",
       "trước ngày 07/5/2025", "by_date", "2025-05-07"},
      {"Tổ chức nghiên cứu, quán triệt Kế hoạch số 215-KH/TU ngày 26/01/2025; báo cáo kết quả "
       "triển khai về Thường trực Huyện ủy, hoàn thành trước ngày 07/5/2025.",
       "hoàn thành trước ngày 07/5/2025", "by_date", "2025-05-07"},
      {"Hàng năm, các cấp, các ngành xây dựng kế hoạch thực hiện các nhiệm vụ theo Kế hoạch.",
       "Hàng năm", "recurring", "-"},
      {"Thực hiện chế độ báo cáo, sơ kết, tổng kết định kỳ 6 tháng, 01 năm hoặc đột xuất theo "
       "quy định.",
       "định kỳ 6 tháng, 01 năm hoặc đột xuất", "recurring", "-"},
      {"- Kiểm tra, giám sát hằng năm hoặc đột xuất tại các sở/ban/ngành, địa phương.",
       "hằng năm hoặc đột xuất", "recurring", "-"},
      {"4. Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành tỉnh, địa phương cân đối nguồn "
       "kinh phí thực hiện hàng năm và thực hiện theo quy định.",
       "hàng năm", "recurring", "-"},
      {"Ban hành quy chế, thành lập đoàn kiểm tra định kỳ, báo cáo kết quả theo tháng, quý, 6 "
       "tháng, 1 năm. Thực hiện sơ kết, tổng kết.",
       "theo tháng, quý, 6 tháng, 1 năm", "recurring", "-"},
      {"- Hướng dẫn, tổng hợp, đánh giá kết quả thực hiện theo từng giai đoạn (quý, 6 tháng, 1 "
       "năm, giữa nhiệm kỳ, cuối nhiệm kỳ); báo cáo Ban Thường vụ Tỉnh ủy.",
       "quý, 6 tháng, 1 năm, giữa nhiệm kỳ, cuối nhiệm kỳ", "recurring", "-"},
      {"- Các cấp ủy, sở, ban, ngành, định kỳ hằng tháng, quý, 6 tháng, năm báo cáo kết quả thực "
       "hiện Kế hoạch này gửi về Ban Chỉ đạo.",
       "định kỳ hằng tháng, quý, 6 tháng, năm", "recurring", "-"},
      {"- Kiểm tra, giám sát, sơ kết, tổng kết: Hằng năm, Ban Chỉ đạo tổ chức kiểm tra liên "
       "ngành.",
       "Hằng năm", "recurring", "-"},
      {"Các cơ quan xây dựng kế hoạch công tác hàng năm; báo cáo kết quả định kỳ trước ngày 01/6 "
       "và 15/11 hàng năm (hoặc đột xuất khi có yêu cầu) về Sở Khoa học và Công nghệ.",
       "định kỳ trước ngày 01/6 và 15/11 hàng năm (hoặc đột xuất khi có yêu cầu)", "recurring",
       "-"},
      {"2.1. Văn phòng Tỉnh ủy kiện toàn tổ chức bộ máy; bố trí nhân sự sau khi nâng cấp phòng "
       "Cơ yếu - Công nghệ thông tin (thuộc Văn phòng Tỉnh ủy) thành phòng Chuyển đổi số - Cơ "
       "yếu; chủ trì tham mưu.",
       "sau khi nâng cấp phòng Cơ yếu - Công nghệ thông tin (thuộc Văn phòng Tỉnh ủy) thành phòng "
       "Chuyển đổi số - Cơ yếu",
       "after_event", "-"},
      {"Tiếp tục triển khai trong tháng 4/2025 và trong năm 2025.",
       "trong tháng 4/2025 và trong năm 2025", "mixed", "-"},
      {"- Thời gian thực hiện: 2025-2030.", "2025-2030", "range", "-"},
      {"Xây dựng đề án chuyển đổi số, trình phê duyệt từ tháng 5/2025 đến tháng 12/2025.",
       "từ tháng 5/2025 đến tháng 12/2025", "range", "-"},
      {"Rà soát, sửa đổi quy chế, hoàn thành trong năm 2025.", "hoàn thành trong năm 2025", "year",
       "2025"},
  };
  for (const auto& row : rows) {
    INFO("sentence: " << row.sentence);
    auto found = reader().find(row.sentence);
    REQUIRE(found);
    std::string_view s(row.sentence);
    CHECK(s.substr(found->begin, found->end - found->begin) == row.found);
    CHECK(found->deadline.kind == row.kind);
    CHECK(show(found->deadline.date) == row.date);
  }
}

TEST_CASE("find reports no deadline for citation dates, names and adverbs", "[deadlines]") {
  const char* sentences[] = {
      "Quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
      "khoa học, công nghệ.",
      "Triển khai Kế hoạch số 215-KH/TU ngày 26/01/2025 của Ban Thường vụ Tỉnh ủy.",
      "- Ban hành đề án chuyển đổi số tỉnh giai đoạn 2026-2030; kế hoạch thực hiện Chiến lược.",
      "Xây dựng Đề án phát triển khoa học giai đoạn 2026 - 2030, trong đó ngân sách Trung ương hỗ "
      "trợ.",
      "Thực hiện Nghị quyết về chuyển đổi số đến năm 2025, định hướng đến năm 2030, tầm nhìn đến "
      "năm 2045 với các mục tiêu cụ thể.",
      "Xây dựng Chương trình công tác năm 2025 của Ban Chỉ đạo (kịp thời điều chỉnh khi có thay "
      "đổi).",
      "a) Tổ chức triển khai tuyên truyền thường xuyên, sâu rộng, định kỳ đo lường và công bố kết "
      "quả.",
      "Lồng ghép vào các chương trình, kế hoạch công tác hàng năm của cơ quan, tổ chức, đơn vị.",
      "Tổ chức giám sát, kiểm tra định kỳ hoặc đột xuất việc thực hiện Nghị quyết.",
      "Phân kỳ thực hiện bảo đảm tính khả thi (theo năm, giai đoạn 5 năm).",
      "Cung cấp hỗ trợ chuyên môn cho các dự án khi có yêu cầu.",
      "Thực hiện theo quy định.",
  };
  for (const char* sentence : sentences) {
    INFO("sentence: " << sentence);
    auto found = reader().find(sentence);
    CHECK_FALSE(found);
    if (found)
      UNSCOPED_INFO(
          "found: " << std::string_view(sentence).substr(found->begin, found->end - found->begin));
  }
}

TEST_CASE("says_done reads status notes", "[deadlines]") {
  CHECK(reader().says_done("Trong tháng 7/2025 (nội dung đã hoàn thành)."));
  CHECK(reader().says_done("Trong tháng 7/2025 (đã hoàn thành)"));
  CHECK(reader().says_done("(Nội dung đã hoàn thành) và khi có chỉ đạo"));
  CHECK_FALSE(reader().says_done("Hoàn thành trong tháng 7/2025"));
  CHECK_FALSE(reader().says_done("Phấn đấu hoàn thành trong tháng 12/2025"));
  CHECK_FALSE(reader().says_done(""));
}

TEST_CASE("bad input gives an empty or 'other' deadline", "[deadlines]") {
  auto d = reader().read("");
  CHECK(d.kind == "other");
  CHECK(d.text.empty());
  d = reader().read("   \t ");
  CHECK(d.kind == "other");
  CHECK(d.text.empty());
  CHECK_FALSE(reader().find(""));
  CHECK_FALSE(reader().find("    "));
  d = reader().read("Trong tháng 13/2025");
  CHECK(d.kind == "other");
  CHECK_FALSE(d.date);
  CHECK(d.text == "Trong tháng 13/2025");

  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "Thực hiện nhiệm vụ năm 2025, ";
  huge += "hoàn thành trước ngày 07/5/2025.";
  auto found = reader().find(huge);
  REQUIRE(found);
  CHECK(found->deadline.kind == "by_date");
  d = reader().read(huge);
  CHECK(d.kind == "mixed");
  CHECK(d.parts.size() == 20001);
}
