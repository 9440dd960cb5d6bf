// Stage 3, segment: markers read from the start of each block.
#include "vnplan/segment.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace {

vnplan::Marker marker_of(const std::string& line) {
  auto grammar = vnplan::test::grammar();
  vnplan::Folder folder(*grammar);
  vnplan::Segmenter segmenter(*grammar, folder);
  auto text = vnplan::test::engine().normalise(vnplan::test::source_from(line + "\n"));
  auto segmented = segmenter.run(std::move(text));
  REQUIRE_FALSE(segmented.units.empty());
  return segmented.units[0].marker;
}

}  // namespace

TEST_CASE("Roman markers, including OCR forms, get their true number", "[segment]") {
  CHECK(marker_of("I. MỤC ĐÍCH").number == "I");
  CHECK(marker_of("II- MỤC TIÊU").number == "II");
  CHECK(marker_of("Il. MUC TIEU").number == "II");
  CHECK(marker_of("I11. NHIEM VU").number == "III");
  // OCR's l's for the I's, the first one too: "ll-" is II, "lll-" III; "11." stays Arabic.
  CHECK(marker_of("ll- MUC TIEU").number == "II");
  CHECK(marker_of("lll- NHIEM VU VA GIAI PHAP").number == "III");
  CHECK(marker_of("11. Phat trien ha tang so").type == vnplan::MarkerType::arabic);
  CHECK(marker_of("la noi hoi tu cac nguon luc").type == vnplan::MarkerType::none);
  CHECK(marker_of("IV. TỔ CHỨC THỰC HIỆN").value == 4);
  CHECK(marker_of("V/v xây dựng kế hoạch").type == vnplan::MarkerType::none);
  // The two I's of "II" joined into an H (structure/roman_letters): "HI-" is III;
  // a lone "h." may be a list letter and is not read as Roman.
  CHECK(marker_of("HI- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU").number == "III");
  CHECK(marker_of("h. Tổ chức thực hiện").type != vnplan::MarkerType::roman);
  // In a serif face OCR reads the I's as T's: "T.", "TI-", "TII-"; restoration
  // may put a mark on one ("TỈ-"). "T.Ư" (Trung ương) is no numeral.
  CHECK(marker_of("T. MUC DICH, YEU CAU").number == "I");
  CHECK(marker_of("TỈ- MỤC TIÊU").number == "II");
  CHECK(marker_of("TII- NHIEM VU VA GIAI PHAP").number == "III");
  CHECK(marker_of("T.Ư Đoàn chỉ đạo").type == vnplan::MarkerType::none);
}

TEST_CASE("in OCR text a repeated part numeral is the next part", "[segment]") {
  auto grammar = vnplan::test::grammar();
  vnplan::Folder folder(*grammar);
  vnplan::Segmenter segmenter(*grammar, folder);
  auto text = vnplan::test::engine().normalise(vnplan::test::source_from(
      "I- MỤC ĐÍCH\n\nI- MỤC TIÊU\n\nHI- NHIỆM VỤ\n\nIV- TỔ CHỨC THỰC HIỆN\n"));
  auto numbers = [](const vnplan::SegmentedText& segmented) {
    std::vector<std::string> out;
    for (const auto& unit : segmented.units) out.push_back(unit.marker.number);
    return out;
  };
  CHECK(numbers(segmenter.run(text, true)) == std::vector<std::string>{"I", "II", "III", "IV"});
  // Clean text keeps what is written.
  CHECK(numbers(segmenter.run(text, false)) == std::vector<std::string>{"I", "I", "III", "IV"});
}

TEST_CASE("Arabic multi-level markers keep their depth", "[segment]") {
  auto m = marker_of("2.2.1. Tiếp tục hướng dẫn");
  CHECK(m.type == vnplan::MarkerType::arabic);
  CHECK(m.number == "2.2.1");
  CHECK(m.depth == 3);
  CHECK(marker_of("1.1 Ban hành Kế hoạch").number == "1.1");
  CHECK(marker_of("2.1.Đến hết năm 2030").number == "2.1");  // no space after the dot
  CHECK(marker_of("I.MỤC ĐÍCH").number == "I");
  CHECK(marker_of("3. Sở Tài chính chủ trì").number == "3");
  CHECK(marker_of("4, Tang cuong dau tu").number == "4");  // OCR's "," for "."
  // Numbers that are values, not markers
  CHECK(marker_of("100% cán bộ được bồi dưỡng").type == vnplan::MarkerType::none);
  CHECK(marker_of("1.200 doanh nghiệp").type == vnplan::MarkerType::none);
}

TEST_CASE("letters follow the Vietnamese alphabet, đ after d", "[segment]") {
  auto d = marker_of("d) Về phát triển hệ sinh thái");
  auto dd = marker_of("đ) Về phát triển chuyển đổi số");
  CHECK(d.number == "d");
  CHECK(dd.number == "đ");
  CHECK(dd.value == d.value + 1);
  CHECK(marker_of("e) Phát triển").value == dd.value + 1);
  CHECK(marker_of("¢) Phat trien khoa hoc").number == "c");  // OCR of c)
}

TEST_CASE("bullets, parenthesised numbers and appendices", "[segment]") {
  CHECK(marker_of("- Tỷ lệ phủ sóng 5G").type == vnplan::MarkerType::bullet);
  CHECK(marker_of("+ Hoàn thành").type == vnplan::MarkerType::bullet);
  CHECK(marker_of("(1) Ban hành Kế hoạch").number == "(1)");
  CHECK(marker_of("(ii) Xây dựng").number == "(ii)");
  CHECK(marker_of("PHỤ LỤC II").number == "PL-II");
  CHECK(marker_of("Phụ lục I: Biểu phân công").number == "PL-I");
  CHECK(marker_of("Phục lục I:").type == vnplan::MarkerType::appendix);
  // OCR of "PHỤ LỤC I": the I read as a bar, or run into the word
  CHECK(marker_of("PHU LUC |").number == "PL-I");
  CHECK(marker_of("PHU LUCI").number == "PL-I");
  CHECK(marker_of("PHU LUCII DANH MUC").number == "PL-II");
  CHECK(marker_of("Phụ lục kèm theo").number.rfind("PL-", 0) == std::string::npos);
}
