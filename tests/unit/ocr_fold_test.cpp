// Damaged text: the OCR folds of grammars/fold/ (characters.tsv,
// ocr_in_word.tsv, ocr_words.tsv) and the grammars reading through them. The
// plans below are written for these tests (not lines of the corpora): one as a
// scan read by tesseract without a Vietnamese model would give it, one typed
// without diacritics.
#include <catch2/catch.hpp>
#include <cctype>

#include "fixtures.hpp"

namespace {

const vnplan::Folder& folder() {
  static vnplan::Folder instance(*vnplan::test::grammar());
  return instance;
}

std::string fold(const std::string& text) { return folder().fold_string(text); }

// fold, fold_string and fold_origins agree, and every folded byte maps back to
// the original byte it came from.
void check_consistent(const std::string& text) {
  INFO(text);
  vnplan::Folder::Folded folded = folder().fold(text);
  CHECK(folded.text == folder().fold_string(text));
  std::vector<std::uint32_t> origins;
  folder().fold_origins(text, origins);
  CHECK(origins == folded.origin);
  REQUIRE(folded.origin.size() == folded.text.size() + 1);
  for (std::size_t i = 0; i < folded.text.size(); ++i) {
    unsigned char original = static_cast<unsigned char>(text[folded.origin[i]]);
    char plain = static_cast<char>(original >= 'A' && original <= 'Z' ? original + 32 : original);
    // An ASCII byte maps to itself, lower-cased, unless an OCR fold changed it:
    // then it was a letter, a digit or "@", and it is a letter now.
    if (original < 0x80 && folded.text[i] != plain) {
      CHECK((std::isalnum(original) || original == '@'));
      CHECK((folded.text[i] >= 'a' && folded.text[i] <= 'z'));
    }
  }
}

// The tasks read from table rows, in order.
std::vector<const vnplan::Task*> table_tasks(const vnplan::DocumentModel& model) {
  std::vector<const vnplan::Task*> out;
  for (const auto& t : model.tasks)
    if (t.source == "table") out.push_back(&t);
  return out;
}

// A scan's text that holds one target table (number, indicator, unit, target,
// lead), parsed.
vnplan::DocumentModel parse_target_table(const std::string& text) {
  auto result = vnplan::test::parse_text(text, "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  CHECK(model.tables[0].columns ==
        std::vector<std::string>{"number", "indicator", "unit", "target", "lead"});
  return model;
}

// The values of the targets read from table rows, in order (-1: none), each
// checked to be dated `year`.
std::vector<double> table_target_values(const vnplan::DocumentModel& model, int year) {
  std::vector<double> values;
  for (const auto& target : model.targets)
    if (target.source == "table") {
      values.push_back(target.value.value_or(-1));
      CHECK(target.year == year);
    }
  return values;
}

const vnplan::Target* target_with(const vnplan::DocumentModel& model, double value) {
  for (const auto& t : model.targets)
    if (t.value && *t.value == value) return &t;
  return nullptr;
}

std::vector<std::string> sections(const vnplan::DocumentModel& model) {
  std::vector<std::string> out;
  for (const auto& s : model.sections) out.push_back(s.number + ":" + s.kind);
  return out;
}

// The first `bytes` bytes of each task's folded text; `table_only`: of the
// tasks read from a table.
std::vector<std::string> task_heads(const vnplan::DocumentModel& model, std::size_t bytes,
                                    bool table_only = false) {
  std::vector<std::string> out;
  for (const auto& t : model.tasks)
    if (!table_only || t.source == "table") out.push_back(fold(t.text).substr(0, bytes));
  return out;
}

}  // namespace

TEST_CASE("contextual OCR folds mend letters read as digits inside words", "[fold][ocr]") {
  CHECK(fold("s6 C6 d6i B0 1a 1am 1y m4t") == "so co doi bo la lam ly mat");
  // "1" is l only first in a word: "16p" (lớp) stays, "B1" (a level) too
  CHECK(fold("16p B1 F1") == "16p b1 f1");
  CHECK(fold("@ng dung") == "ung dung");
  CHECK(fold("k§ ning, k¥ niang, Ty I¢, Ty 1€") == "ky nang, ky niang, ty ic, ty le");
  // Đ read as P at the start of a word, before a vowel
  CHECK(fold("PANG UY, HANH PONG, Pén hét nim 2025, Pay manh") ==
        "dang uy, hanh dong, den het nam 2025, day manh");
  // Roman numerals stay as read; the marker grammar takes "1" and "l" for I
  CHECK(fold("I11. Il.") == "i11. il.");
}

TEST_CASE("contextual OCR folds leave numbers, codes and units alone", "[fold][ocr]") {
  for (std::string kept : {"2025", "01", "1.200", "0,61", "1/6/2025", "57-NQ/TW", "10.",
                           "01-KH/BCDTW", "qh15", "5G", "6G", "1GB", "4.0", "(1)", "a1", "b)"}) {
    std::string lower = kept;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    CHECK(fold(kept) == lower);
  }
  // A letter after "1" makes a word ("1a" = "là"): "1a)" is no marker of the
  // genre (letters stand alone, "a)"), and no grammar read it before either.
  CHECK(fold("1a)") == "la)");
  CHECK(fold("Số 06-KH/ĐU ngày 27/8/2025") == "so 06-kh/du ngay 27/8/2025");
  CHECK(fold("đạt 100%, 1.200 người, 0,73") == "dat 100%, 1.200 nguoi, 0,73");
  CHECK(fold("5G, 6G, 1GB, 10 Gb/s") == "5g, 6g, 1gb, 10 gb/s");
  // an upper-case abbreviation with a note number keeps it
  CHECK(fold("57-NQ/TW1 của Bộ Chính trị; UBND2") == "57-nq/tw1 cua bo chinh tri; ubnd2");
  // a token holding another digit is no word: "QH15"
  CHECK(fold("Nghị quyết số 193/2025/QH15") == "nghi quyet so 193/2025/qh15");
  // P before a consonant, or inside a word, stays
  CHECK(fold("PCCC, Phòng, Pleiku, APEC") == "pccc, phong, pleiku, apec");
}

TEST_CASE("OCR folds keep the folded view byte for byte with the original", "[fold][ocr]") {
  for (const char* text :
       {"C6 > 60% ngudi sir dung c6 kha nang", "Trach nhiém cia UBND phudng: 1a co quan",
        "PANG UY PHUONG, Pén hét nim 2030", "Tiếng Việt có dấu: số 57-NQ/TW, 1.200 người",
        "x4c dinh 16p tuy@n 6G TW1 k§ ning", "", "6", "s6", "P", "Pé", "@"})
    check_consistent(text);
  // the origin of a mended byte is the digit it came from
  std::string text = "Nghi quyét s6 57";
  auto folded = folder().fold(text);
  std::size_t at = folded.text.find("so ");
  REQUIRE(at != std::string::npos);
  CHECK(text[folded.origin[at + 1]] == '6');
  CHECK(folder().count_ocr_folds(text) == 1);
  CHECK(folder().count_ocr_folds("Kế hoạch số 57-NQ/TW ngày 22/12/2024, 5G, TW1") == 0);
}

TEST_CASE("OCR word folds: whole words only, same length", "[fold][ocr]") {
  CHECK(fold("nim 2030, Mdi ndm, cta, cia, caa") == "nam 2030, moi nam, cua, cua, cua");
  CHECK(fold("ngudi dan, nha nudc, Ban Thudng vu, UBND phudng") ==
        "nguoi dan, nha nuoc, ban thuong vu, ubnd phuong");
  // inside a longer word, or glued to a digit, nothing changes
  CHECK(fold("nimbus cias sb1") == "nimbus cias sb1");
  // real syllables are not in the list
  CHECK(fold("sẽ tìm bằng tỷ ấy HD") == "se tim bang ty ay hd");
}

TEST_CASE("the grammars read OCR forms through the folds", "[fold][ocr]") {
  SECTION("section markers and kinds: I11., Il., MUC PICH, Pén hét nim") {
    auto result = vnplan::test::parse_text(
        "KE HOACH\n"
        "I. MUC PICH, YEU CAU\n"
        "Thong nhat nhan thirc.\n"
        "Il. MUC TIEU\n"
        "1. Pén hét nim 2027\n"
        "- Dat 50% ho so truc tuyén.\n"
        "I11. NHIEM VU VA GIAI PHAP\n"
        "1. Xay dung ha tang.\n");
    REQUIRE(!result.documents.empty());
    CHECK(sections(result.documents[0]) ==
          std::vector<std::string>{"I:purpose", "II:goals", "1:horizon", "III:tasks", "1:tasks"});
  }
  SECTION("a multi-level number whose last dot OCR read as a comma") {
    auto result = vnplan::test::parse_text(
        "I. MUC TIEU\n"
        "1. Muc tiéu cu thé\n"
        "1.1, Dén hét nim 2030\n"
        "- Dat 50% ho so truc tuyén.\n"
        "1.2, Pén hét nim 2045\n"
        "- Dat 90% ho so truc tuyén.\n");
    REQUIRE(!result.documents.empty());
    const auto& model = result.documents[0];
    CHECK(sections(model) ==
          std::vector<std::string>{"I:goals", "1:specific_goals", "1.1:horizon", "1.2:horizon"});
    REQUIRE(target_with(model, 90));
    CHECK(target_with(model, 90)->year == 2045);
  }
  SECTION("stripped list letters: the d) after d) is đ)") {
    auto result = vnplan::test::parse_text(
        "I. MUC TIEU\n"
        "1. Den het nam 2030\n"
        "c) Ve khoa hoc\n- Dat 10% doanh nghiep.\n"
        "d) Ve doi moi sang tao\n- Dat 20% doanh nghiep.\n"
        "d) Ve chuyen doi so\n- Dat 30% doanh nghiep.\n"
        "e) Ve an ninh mang\n- Dat 40% doanh nghiep.\n"
        "2. Den het nam 2035\n"
        "d) Ve chuyen doi so\n- Dat 50% doanh nghiep.\n");
    REQUIRE(!result.documents.empty());
    CHECK(sections(result.documents[0]) ==
          std::vector<std::string>{"I:goals", "1:horizon", "c:category", "d:category", "đ:category",
                                   "e:category", "2:horizon", "d:category"});
  }
  SECTION("labels and agencies: phéi hop, Uy ban nhan dan phudng, T6 quéc") {
    auto result = vnplan::test::parse_text(
        "I. NHIEM VU\n"
        "1. Xay dung c6 s6 dit liéu dan cu.\n"
        "- Co quan chu tri: Uy ban nhan dan phudng.\n"
        "- Co quan phéi hop: Uy ban Mat tran T6 quéc Viét Nam phudng.\n");
    REQUIRE(!result.documents.empty());
    const auto& tasks = result.documents[0].tasks;
    REQUIRE(tasks.size() == 1);
    CHECK(tasks[0].agencies.lead == std::vector<std::string>{"ubnd-xa"});
    CHECK(tasks[0].agencies.support == std::vector<std::string>{"mttq"});
  }
}

// A ward plan of this test's own, as OCR without a Vietnamese model reads a
// scan of it: Đ as P or B, ố/ộ/ơ as 6 or 0, ≥ as ">" or "=", năm as "nim",
// của as "cta", III as "I11", "là" as "1a".
TEST_CASE("a damaged ward plan: OCR output", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PANG UY XA HOA BINH PANG CONG SAN VIET NAM\n"
      "\n"
      "S6 14-KH/DU Hoa Binh, ngay 12 thang 3 nim 2026\n"
      "\n"
      "KE HOACH\n"
      "chuyén d6i s6 trén dia ban x4 giai doan 2026 - 2030\n"
      "\n"
      "Thuc hién Nghi quyét s6 57-NQ/TW ngay 22/12/2024 cta B0 Chinh tri, Ban Thudng vu\n"
      "Pang uy x4 ban hanh K& hoach nhu sau:\n"
      "\n"
      "I. MUC PICH, YEU CAU\n"
      "- Xac dinh chuyén d6i s6 1a nhiém vu trong tam cta ca hé thdng chinh tri.\n"
      "Il. MUC TIEU\n"
      "1. Pén hét nim 2027\n"
      "- C6 > 75% hd s0 thu tuc hanh chinh dugc giai quyét truc tuyén.\n"
      "- Ty 1€ ngudi dan c6 tai khoan dinh danh dién tir dat 60%.\n"
      "2. Giai doan 2028 - 2030\n"
      "- C6 = 90% doanh nghiép nh6 va vira srr dung hoa don dién tir.\n"
      "- Mdi ndm c6 > 3 sang kién cai cach hanh chinh dugc céng nhan.\n"
      "I11. NHIEM VU VA GIAI PHAP\n"
      "1. Uy ban nhan dan x4 chu tri, phéi hop véi Mat tran T6 quéc xay dung c6 s6 dir liéu "
      "dan cu.\n"
      "2. Pua dich vu cong truc tuyén dén tirng thén.\n"
      "- Thoi gian thuc hién: Trong nim 2027.\n"
      "IV. T6 CHUC THUC HIEN\n"
      "Cac co quan, don vi trién khai K& hoach nay.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  CHECK(sections(model) == std::vector<std::string>{"I:purpose", "II:goals", "1:horizon",
                                                    "2:horizon", "III:tasks", "1:tasks", "2:tasks",
                                                    "IV:organisation"});
  REQUIRE(model.targets.size() == 4);
  struct Want {
    double value;
    const char* comparator;
    int year;
    const char* unit;
    bool yearly;
  };
  for (Want want : {Want{75, ">=", 2027, "%", false}, Want{60, "=", 2027, "%", false},
                    Want{90, ">=", 2030, "%", false}, Want{3, ">=", 2030, "sáng kiến", true}}) {
    INFO(want.value);
    const vnplan::Target* t = target_with(model, want.value);
    REQUIRE(t);
    CHECK(t->comparator == want.comparator);
    CHECK(t->year == want.year);
    CHECK(t->unit == want.unit);
    CHECK(t->yearly == want.yearly);
  }
  // "C6 > 75% hd s0 ...": "C6" (Có) is a lead-in word, not the thing measured.
  // (Restoration reads "s0" as "số" or "sơ": OCR's 0 stands for ô or ơ.)
  CHECK(fold(target_with(model, 75)->indicator).rfind("ho so", 0) == 0);
  REQUIRE(model.tasks.size() == 3);
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"ubnd-xa"});
  CHECK(model.tasks[0].agencies.support == std::vector<std::string>{"mttq"});
  REQUIRE(model.tasks[1].deadline);
  CHECK(model.tasks[1].deadline->kind == "year");
  CHECK(model.tasks[1].deadline->date == "2027");
  CHECK(model.tasks[2].agencies.lead == std::vector<std::string>{"cac-co-quan-don-vi"});
}

// The same plan typed without diacritics (no OCR): ">" keeps its meaning there,
// and "≥" is written as a word.
TEST_CASE("a damaged ward plan: stripped diacritics", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "DANG UY XA HOA BINH DANG CONG SAN VIET NAM\n"
      "\n"
      "So 14-KH/DU Hoa Binh, ngay 12 thang 3 nam 2026\n"
      "\n"
      "KE HOACH\n"
      "chuyen doi so tren dia ban xa giai doan 2026 - 2030\n"
      "\n"
      "Thuc hien Nghi quyet so 57-NQ/TW ngay 22/12/2024 cua Bo Chinh tri, Ban Thuong vu\n"
      "Dang uy xa ban hanh Ke hoach nhu sau:\n"
      "\n"
      "I. MUC DICH, YEU CAU\n"
      "- Xac dinh chuyen doi so la nhiem vu trong tam cua ca he thong chinh tri.\n"
      "II. MUC TIEU\n"
      "1. Den het nam 2027\n"
      "- Co toi thieu 75% ho so thu tuc hanh chinh duoc giai quyet truc tuyen.\n"
      "- Ty le nguoi dan co tai khoan dinh danh dien tu dat 60%.\n"
      "2. Giai doan 2028 - 2030\n"
      "- Co tren 90% doanh nghiep nho va vua su dung hoa don dien tu.\n"
      "- Moi nam co it nhat 3 sang kien cai cach hanh chinh duoc cong nhan.\n"
      "III. NHIEM VU VA GIAI PHAP\n"
      "1. Uy ban nhan dan xa chu tri, phoi hop voi Mat tran To quoc xay dung co so du lieu "
      "dan cu.\n"
      "2. Dua dich vu cong truc tuyen den tung thon.\n"
      "- Thoi gian thuc hien: Trong nam 2027.\n"
      "IV. TO CHUC THUC HIEN\n"
      "Cac co quan, don vi trien khai Ke hoach nay.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.document.number);
  CHECK(model.document.number->text == "14-KH/ĐU");  // restore/codes: the Đảng ủy's ĐU
  CHECK(model.document.date == "2026-03-12");
  CHECK(sections(model) == std::vector<std::string>{"I:purpose", "II:goals", "1:horizon",
                                                    "2:horizon", "III:tasks", "1:tasks", "2:tasks",
                                                    "IV:organisation"});
  REQUIRE(model.targets.size() == 4);
  CHECK(target_with(model, 75)->comparator == ">=");
  // Restored: the indicator and the unit are in Vietnamese with diacritics.
  CHECK(target_with(model, 75)->indicator.rfind("hồ sơ", 0) == 0);
  // "điện tử đạt 60%": "tử" folds to "tu" (from), which is no comparator here
  CHECK(target_with(model, 60)->comparator == "=");
  CHECK(target_with(model, 60)->indicator.find("định danh điện tử") != std::string::npos);
  CHECK(target_with(model, 90)->comparator == ">");  // "trên": more than
  CHECK(target_with(model, 90)->year == 2030);
  CHECK(target_with(model, 3)->yearly);
  CHECK(target_with(model, 3)->unit == "sáng kiến");
  REQUIRE(model.tasks.size() == 3);
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"ubnd-xa"});
  CHECK(model.tasks[0].agencies.support == std::vector<std::string>{"mttq"});
  REQUIRE(model.tasks[1].deadline);
  CHECK(model.tasks[1].deadline->kind == "year");
  CHECK(model.tasks[1].deadline->date == "2027");
  CHECK(model.tasks[2].agencies.lead == std::vector<std::string>{"cac-co-quan-don-vi"});
}

// Tesseract reads a column of list markers apart from their text: "a)" and
// "b)" on lines of their own, then a heading that lost its marker, then the
// paragraphs the markers belong to.
TEST_CASE("markers that OCR read apart from their text open their paragraphs", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC TIÊU\n"
      "\n"
      "1. Mục tiêu cụ thể\n"
      "\n"
      "a)\n"
      "\n"
      "Đến hết năm 2027\n"
      "\n"
      "- Có 80% hồ sơ được giải quyết trực tuyến.\n"
      "\n"
      "b)\n"
      "\n"
      "c)\n"
      "\n"
      "NHIỆM VỤ\n"
      "\n"
      "Xây dựng cơ sở dữ liệu dân cư.\n"
      "\n"
      "Đưa dịch vụ công đến từng thôn.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  std::vector<std::string> titles;
  for (const auto& s : model.sections) titles.push_back(s.number + " " + s.title);
  CHECK(titles == std::vector<std::string>{"I MỤC TIÊU", "1 Mục tiêu cụ thể", "a Đến hết năm 2027",
                                           "b Xây dựng cơ sở dữ liệu dân cư",
                                           "c Đưa dịch vụ công đến từng thôn"});
  REQUIRE(model.targets.size() == 1);
  CHECK(model.targets[0].year == 2027);
  // The marker lines are read, not left over as unclassified text.
  for (const auto& block : model.unclassified) CHECK(block.text.find("b)") == std::string::npos);
}

// A Roman marker read in the same run as a list marker: it goes to the heading
// in capitals, the list marker to the text; the lower-case rest of a paragraph
// cut by a page break takes neither.
TEST_CASE("a detached Roman marker goes to its heading in capitals", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. MỤC ĐÍCH\n"
      "\n"
      "1. Quán triệt sâu sắc nội dung của Nghị quyết đến toàn thể cán bộ, đảng viên và\n"
      "\n"
      "II.\n"
      "\n"
      "2.\n"
      "\n"
      "nhân dân trên địa bàn xã.\n"
      "\n"
      "Bảo đảm tinh thần chủ động, sáng tạo.\n"
      "\n"
      "MỤC TIÊU\n"
      "\n"
      "1. Đến hết năm 2028\n"
      "\n"
      "- Có 90% hồ sơ được giải quyết trực tuyến.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  std::vector<std::string> titles;
  for (const auto& s : model.sections) titles.push_back(s.number + " " + s.kind + " " + s.title);
  REQUIRE(titles.size() == 5);
  CHECK(titles[2] == "2 purpose Bảo đảm tinh thần chủ động, sáng tạo");
  CHECK(titles[3] == "II goals MỤC TIÊU");
  CHECK(titles[4] == "1 horizon Đến hết năm 2028");
  REQUIRE(model.targets.size() == 1);
  CHECK(model.targets[0].year == 2028);
}

// OCR without a Vietnamese model reads one bullet glyph as "-", "*" or "¢":
// in its output the glyph tells no list levels apart.
TEST_CASE("bullets OCR read as a dash, an asterisk or a cent sign are one list", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. NHIEM VU VA GIAI PHAP\n"
      "\n"
      "1. Cong tac chi dao\n"
      "\n"
      "* Ban hanh ké hoach trién khai thuc hién Nghi quyét trong nam 2026.\n"
      "\n"
      "¢ Kién toan Ban Chi dao vé chuyén déi so cua x4.\n"
      "\n"
      "- Xay dung co s6 dit liéu dan cu cua xa.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 3);
  CHECK(model.tasks[1].text.rfind("Kiện toàn Ban Chỉ đạo", 0) == 0);
  for (const auto& s : model.sections) CHECK(s.marker_type != "bullet");
}

namespace {

// Each target's value with its year (0: none), in the order read; `table_only`:
// the targets read from a table that have a value.
std::vector<std::pair<double, int>> target_years(const std::string& text, bool table_only = false) {
  auto result = vnplan::test::parse_text(text);
  std::vector<std::pair<double, int>> out;
  if (result.documents.empty()) return out;
  for (const auto& t : result.documents[0].targets)
    if (!table_only || (t.source == "table" && t.value))
      out.push_back({t.value ? *t.value : -1, t.year ? *t.year : 0});
  return out;
}

// A goals part with one goal, then a linearised targets table with these rows
// (after its header), as OCR reads them.
std::string targets_table(const std::string& goal, const std::string& rows) {
  return "II. MUC TIEU\n\n" + goal +
         "\n\nPHU LUC\nTT\nChi tiéu\nDon vi\nGia tri\nCo quan cht tri\n" + rows;
}

// Its first row.
const char* const kCoverageRow =
    "1\nTy lé phu song 5G trén dia ban\n%\n100\nS& Théng tin va Truyén théng\n";

// Each section of the parsed text as "marker|number|kind".
std::vector<std::string> section_marks(const std::string& text) {
  auto result = vnplan::test::parse_text(text);
  std::vector<std::string> got;
  if (result.documents.empty()) return got;
  for (const auto& s : result.documents[0].sections)
    got.push_back(s.marker + "|" + s.number + "|" + s.kind);
  return got;
}

}  // namespace

// A horizon line whose marker OCR read elsewhere ("Đến hết năm 2035" alone)
// dates what follows it in OCR output: the targets of its own section, and
// the categories after it (a), b) ...) until a horizon of its own. The line
// may keep a stray "." of its marker or lose its first letter (read as written
// when restoration makes a word of the rest: "én hét" → "uốn hết"), and is
// never the wrapped end of the target above it.
TEST_CASE("a horizon line that lost its marker dates what follows it in OCR output",
          "[genre][ocr]") {
  using Years = std::vector<std::pair<double, int>>;
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "1. Dén hét nim 2030\n"
                     "\n"
                     "- C6 > 80% hd gia dinh c6 cap quang.\n"
                     "\n"
                     "Dén hét nam 2035\n"
                     "\n"
                     "- C6 > 95% hd gia dinh c6 cap quang.\n") == Years{{80, 2030}, {95, 2035}});
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "1. Dén hét nim 2030\n"
                     "\n"
                     "a) Phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 5G trén dia ban dat 80%.\n"
                     "\n"
                     ". Dén hét nam 2035\n"
                     "\n"
                     "a) Phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 5G trén dia ban dat 90%.\n"
                     "\n"
                     "b) Phat trién nguén luc\n"
                     "\n"
                     "Quy m6 kinh té s6 dat 40% GRDP.\n"
                     "én hét nam 2040\n"
                     "\n"
                     "Ty 1é phu song 6G trén dia ban dat 50%.\n"
                     "\n"
                     "2. Dén hét nam 2045\n"
                     "\n"
                     "Ty 1é phu song 6G trén dia ban dat 70%.\n") ==
        Years{{80, 2030}, {90, 2035}, {40, 2035}, {50, 2040}, {70, 2045}});
  // What is left of "2.3." may hold a digit, and the list markers OCR read
  // apart from their titles, between the horizon and its list, end nothing.
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "2.2. Dén hét nam 2030\n"
                     "\n"
                     "Quy m6 kinh té s6 dat 30% GRDP.\n"
                     "\n"
                     ".3. Dén hét nam 2035\n"
                     "\n"
                     "a)\n"
                     "\n"
                     "b)\n"
                     "\n"
                     "Phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 6G trén dia ban dat 50%.\n"
                     "\n"
                     "Phat trién nguén luc\n"
                     "\n"
                     "Quy m6 kinh té s6 dat 40% GRDP.\n") ==
        Years{{30, 2030}, {50, 2035}, {40, 2035}});
  // A degraded scan loses all of "2.3. Đến h" but one letter: "whet nam 2040".
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "2.2. Dén hét nam 2035\n"
                     "\n"
                     "Quy m6 kinh té s6 dat 30% GRDP.\n"
                     "\n"
                     "whet nam 2040\n"
                     "Ty 1é phu song 6G trén dia ban dat 50%.\n") == Years{{30, 2035}, {50, 2040}});
}

// OCR can read a horizon's number apart from its title ("2.2." where a target
// of 2.1 stands, "Đến hết năm 2035" lines later): the heading that reads as no
// horizon goes on with the horizon before it, until the horizon line comes.
TEST_CASE("a heading among horizons that reads as none keeps the year before it", "[genre][ocr]") {
  using Years = std::vector<std::pair<double, int>>;
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "2. Muc tiéu cu thé\n"
                     "\n"
                     "2.1. Dén hét nim 2030\n"
                     "\n"
                     "a) Phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 5G trén dia ban dat 80%.\n"
                     "\n"
                     "2.2.\n"
                     "\n"
                     "Phan dau chi s6 chuyén déi s6 cap tinh cao.\n"
                     "\n"
                     "C6 100% tht tuc hanh chinh duoc sé héa.\n"
                     "\n"
                     "Dén hét nam 2035\n"
                     "\n"
                     "Ty 1é phu song 6G trén dia ban dat 50%.\n") ==
        Years{{80, 2030}, {100, 2030}, {50, 2035}});
}

// A marker read apart from its title heads the target sentence after it
// ("c)" alone, then "Duy trì và phát triển ≥ 12 doanh nghiệp ..."): in OCR
// output a childless heading that ends a sentence is read for targets.
TEST_CASE("a heading that is a target sentence still gives its target in OCR output",
          "[genre][ocr]") {
  using Years = std::vector<std::pair<double, int>>;
  CHECK(target_years("II. MUC TIEU\n"
                     "\n"
                     "1. Dén hét nam 2030\n"
                     "\n"
                     "c)\n"
                     "\n"
                     "Duy tri va phat trién > 12 doanh nghiép khoa hoc va céng nghé trén dia ban.\n"
                     "\n"
                     "Mdi nam cé > 5 san phaém déi mdi sdng tao duoc thuong mai héa.\n"
                     "\n"
                     "d) Vé phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 5G trén dia ban dat 80%.\n") ==
        Years{{12, 2030}, {5, 2030}, {80, 2030}});
}

// A linearised table whose group row "II" OCR lost: its "Đến năm 2045" sits
// among the cells of the row above, and still dates the rows after it.
TEST_CASE("a table horizon read among a row's cells dates the rows after it", "[genre][ocr]") {
  auto years = target_years(targets_table("1. Dén nam 2030, phat trién ha tang s6 dat muc cao.",
                                          std::string("I\nDén nam 2030\n") + kCoverageRow +
                                              "2\n"
                                              "Ty lé nguoi dan cé hé so strc khde dién tir\n"
                                              "%\n"
                                              "Dén nam 2045\n"
                                              "3\n"
                                              "Quy mé kinh té sé cua tinh\n"
                                              "%GRDP\n"
                                              "50\n"
                                              "S& Théng tin va Truyén théng\n"),
                            true);
  CHECK(years == std::vector<std::pair<double, int>>{{100, 2030}, {50, 2045}});
}

// A linearised table whose row number OCR misread ("Al" for 41): the next
// number (42) still opens its row after a group row ("V"), so the rows after
// it keep their cells.
TEST_CASE("a table row after a misread row number keeps its cells", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "II. NHIEM VU\n"
      "\n"
      "1. Trién khai cac nhiém vu trong phu luc kém theo Ké hoach nay.\n"
      "\n"
      "PHU LUC\n"
      "TT\n"
      "Tén nhiém vu\n"
      "Co quan cht tri\n"
      "Co quan phéi hop\n"
      "Thdi gian thuc hién\n"
      "40\n"
      "Thuc hién déng b6 cac giai phap tang cuwong gido duc STEM\n"
      "Sé Gido duc va Dao tao\n"
      "Cac sé, ban, nganh\n"
      "Thuong xuyén\n"
      "Al\n"
      "Ra soat, diéu chinh quy hoach cdc t6 chic khoa hoc cong nghé\n"
      "S6 Khoa hoc va Céng nghé\n"
      "Sé N6i vu\n"
      "Nam 2025\n"
      "V\n"
      "Day manh chuyén déi sé trong hoat déng cua cac co quan\n"
      "42\n"
      "Tiép tuc trién khai Ké hoach s6 370/KH-UBND vé chuyén déi s6\n"
      "Sé Théng tin va Truyén théng\n"
      "Cac sé, ban, nganh, dia phuong\n"
      "Nam 2025\n");
  REQUIRE(!result.documents.empty());
  std::vector<std::string> leads;
  for (const auto& t : result.documents[0].tasks)
    if (t.source == "table")
      leads.push_back(t.agencies.lead.empty() ? "" : t.agencies.lead.front());
  REQUIRE(!leads.empty());
  CHECK(leads.back() == "so-tttt");
}

// A category title whose marker OCR lost opens its paragraph ("Về phát triển
// hệ sinh thái ...: duy trì ..."): the targets are read after the colon, as in
// the heading it was.
TEST_CASE("a category title that lost its marker is no part of the indicator", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "II. MUC TIEU\n"
      "\n"
      "1. Dén hét nam 2030\n"
      "\n"
      "Vé phat trién hé sinh thdi doi mdi sang tao: duy tri van hanh va phat trién > 03 vwon\n"
      "wom, trung tam d6i mdi sang tao; phan dau mdi nam co > 05 sén pham déi mdi sang\n"
      "tao duc thong mai héa.\n");
  REQUIRE(!result.documents.empty());
  const auto& targets = result.documents[0].targets;
  REQUIRE(targets.size() == 2);
  CHECK(fold(targets[0].indicator).find("he sinh thai") == std::string::npos);
  CHECK(*targets[0].value == 3);
}

// OCR can lose a part's heading altogether ("II. MỤC TIÊU" read as nothing):
// a horizon section still dates goals, under whatever section it landed in.
TEST_CASE("a horizon outside any goals part still holds goals", "[genre][ocr]") {
  using Years = std::vector<std::pair<double, int>>;
  CHECK(target_years("|. MUC BICH, YEU CAU\n"
                     "\n"
                     "1. Muc dich\n"
                     "\n"
                     "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
                     "\n"
                     "2. Tang cudng giam sat, kiém tra, danh gia két qua thuc hién.\n"
                     "\n"
                     "2.1. Dén hét nam 2025\n"
                     "\n"
                     "a) Phat trién ha tang\n"
                     "\n"
                     "Ty 1é phu song 5G trén dia ban dat 80%.\n") == Years{{80, 2025}});
}

// Tesseract can lose a marker outright. A part title in capitals alone on its
// line takes the Roman number its series skips there (an "Il." that leaves no
// room for it was "I." misread); a short unpunctuated line takes the Arabic
// number skipped, when the list after it starts again at "a)" or when it opens
// with the words of the heading before it. Nothing is guessed where the
// numbering has no gap.
TEST_CASE("headings whose numbers OCR lost take the numbers the series skips", "[genre][ocr]") {
  auto got = section_marks(
      "Il. MUC BICH, YEU CAU\n"
      "\n"
      "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
      "\n"
      "MUC TIEU\n"
      "\n"
      "Ty 1é phu song 5G trén dia ban dat 80%.\n"
      "\n"
      "NHIEM VU VA GIAI PHAP\n"
      "\n"
      "1. Nang cao nhan thtrc vé chuyén d6i s6\n"
      "\n"
      "a) Tuyén truyén sau r6ng Nghi quyét s6 57-NQ/TW.\n"
      "\n"
      "b) Xay dung chuyén muc vé chuyén d6i s6 trén dai truyén thanh.\n"
      "\n"
      "Hoan thién thé ché, chinh sach vé chuyén d6i s6\n"
      "\n"
      "a) Ra soat cac quy dinh cta x4 vé thu tuc hanh chinh.\n"
      "\n"
      "3. Trach nhiém cta Uy ban nhan dan x4\n"
      "\n"
      "- Chu tri trién khai K& hoach nay.\n"
      "\n"
      "Trach nhiém cta Poan Thanh nién x4\n"
      "\n"
      "- Phéi hop tuyén truyén trong doan vién.\n"
      "\n"
      "Trach nhiém cta Hoi Phu nit x4\n"
      "\n"
      "5. Trach nhiém cta Héi Néng dan x4\n"
      "\n"
      "IV. T6 CHUC THUC HIEN\n");
  CHECK(got == std::vector<std::string>{"Il.|I|purpose", "|II|goals", "|III|tasks", "1.|1|tasks",
                                        "a)|a|tasks", "b)|b|tasks", "|2|tasks", "a)|a|tasks",
                                        "3.|3|tasks", "|4|tasks", "5.|5|tasks",
                                        "IV.|IV|organisation"});
}

// Tesseract reads the first part's "I." as "1." and can lose "II." and "III."
// outright. The lost part titles before the first written numeral ("IV.")
// are the parts right below it, and a "1." titled in capitals before part II
// is part I: the Arabic headings of part III stay inside it.
TEST_CASE("part I read as '1.' and lost parts before the first written numeral", "[genre][ocr]") {
  auto got = section_marks(
      "1. MUC DICH, YEU CAU\n"
      "\n"
      "1. Muc dich\n"
      "\n"
      "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
      "\n"
      "MUC TIEU\n"
      "\n"
      "Ty 1é phu song 5G trén dia ban dat 80%.\n"
      "\n"
      "NHIEM VU VA GIAI PHAP CHU YEU\n"
      "\n"
      "1. Nang cao nhan thtrc vé chuyén d6i s6\n"
      "\n"
      "a) Tuyén truyén sau r6ng Nghi quyét s6 57-NQ/TW.\n"
      "\n"
      "IV. T6 CHUC THUC HIEN\n");
  CHECK(got == std::vector<std::string>{"1.|I|purpose", "1.|1|purpose", "|II|goals", "|III|tasks",
                                        "1.|1|tasks", "a)|a|tasks", "IV.|IV|organisation"});
}

// On a poor scan tesseract misreads a bold part heading outright, numeral and
// title ("III- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU" as "Hl; NHEE VIVO NA GUAT PHAP"),
// and reads an Arabic "11." as the Roman "Hl.". A line of numeral strokes and
// capitals right before a "1." is the next part, with the kind of the usual
// title it is closest to (or none); a stroke numeral between "10." and "12."
// titled in lower case is the "11." between them.
TEST_CASE("a part heading OCR misread outright is still a part", "[genre][ocr]") {
  std::string text =
      "I- MUC DICH, YEU CAU\n"
      "\n"
      "1. Muc dich\n"
      "\n"
      "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
      "\n"
      "He VLC HEL\n"
      "\n"
      "1. Muc tiéu chung\n"
      "\n"
      "Nang cao nang luc canh tranh cua kinh té tinh.\n"
      "\n"
      "Hl; NHEE VIVO NA GUAT PHAP CHE Y\n"
      "\n"
      "1. Céng tac lanh dao, chi dao\n"
      "\n";
  for (int n = 2; n <= 10; ++n)
    text += std::to_string(n) + ". Tap trung trién khai nhiém vu s6 " + std::to_string(n) +
            "\n\nXay dung ké hoach thuc hién hang nam.\n\n";
  text +=
      "Hl. Trién khai hé théng déi mdi thé ché\n"
      "\n"
      "Xay dung ké hoach thuc hién hang nam.\n"
      "\n"
      "12. Trién khai hé thong phat trién céng nghiép\n"
      "\n"
      "Phat trién cac khu céng nghé thong tin tap trung.\n"
      "\n"
      "Vo POCHUC EHEC HUIEN\n"
      "\n"
      "1. Ban Chi dao tinh\n"
      "\n"
      "Lanh dao, diéu hanh thong nhat viéc trién khai Ké hoach.\n";
  auto got = section_marks(text);
  REQUIRE(got.size() == 19);
  CHECK(got[0] == "I-|I|purpose");
  // (Restoration may make a word of the misread numeral: "He" becomes "Họ".)
  auto number_and_kind = [](const std::string& mark) { return mark.substr(mark.find('|')); };
  CHECK(number_and_kind(got[2]) == "|II|other");  // "VLC HEL" is close to no usual title
  CHECK(got[4] == "Hl;|III|tasks");
  CHECK(got[5] == "1.|1|tasks");
  CHECK(got[15] == "Hl.|11|tasks");
  CHECK(got[16] == "12.|12|tasks");
  CHECK(number_and_kind(got[17]) == "|IV|organisation");
  CHECK(got[18] == "1.|1|organisation");
  // Clean text keeps what is written: no part is guessed.
  auto clean = vnplan::test::parse_text(
      "I. MỤC ĐÍCH\n\n1. Mục đích\n\nVo POCHUC EHEC HUIEN\n\n1. Ban Chỉ đạo tỉnh\n");
  REQUIRE(!clean.documents.empty());
  for (const auto& s : clean.documents[0].sections) CHECK(s.number != "II");
}

// In a serif face tesseract reads the I's of part numerals as T's. Restoration
// leaves such a numeral alone (it would make "T." a "U."), and the parts keep
// their numbers and kinds.
TEST_CASE("part numerals read as T's in a serif face keep their parts", "[genre][ocr]") {
  auto got = section_marks(
      "T. MUC DICH, YEU CAU\n"
      "\n"
      "1. Muc dich\n"
      "\n"
      "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
      "\n"
      "TI- MUC TIEU\n"
      "\n"
      "Ty 1é phu song 5G trén dia ban dat 80%.\n"
      "\n"
      "TII- NHIEM VU VA GIAI PHAP CHU YEU\n"
      "\n"
      "1. Nang cao nhan thtrc vé chuyén d6i s6\n");
  REQUIRE(got.size() == 5);
  CHECK(got[0] == "T.|I|purpose");
  CHECK(got[2].substr(got[2].find('|')) == "|II|goals");
  CHECK(got[3] == "TII-|III|tasks");
  CHECK(got[4] == "1.|1|tasks");
}

// Markdown headings printed and read back: "1,." for "1." (a comma before the
// dot), "1V-" for "IV-" and the bold marks before it read as "©*".
TEST_CASE("heading numerals OCR read as 1,. and 1V- keep their sections", "[genre][ocr]") {
  auto got = section_marks(
      "III. NHIEM VU\n"
      "\n"
      "1. Quan triét Nghi quyét dén can bd, dang vién.\n"
      "\n"
      "#### ©*1V- KINH PHI THUC HIEN**\n"
      "\n"
      "Kinh phi duoc bé tri tir ngan sach.\n"
      "\n"
      "##### **1,. Ban Chi dao thuc hién Nghi quyét**\n"
      "\n"
      "- Lanh dao, diéu hanh théng nhat viéc trién khai.\n");
  REQUIRE(got.size() == 4);
  CHECK(got[2].substr(got[2].find('|')) == "|IV|funding");
  CHECK(got[3].substr(got[3].find('|'), 3) == "|1|");
}

// After the last numbered heading of a part no later number shows a gap, yet
// tesseract can lose the numbers of the headings after it. A one-line title
// alone between two paragraphs of prose (the one before it ended) is the next
// heading; short lines among short lines are list items that lost their dashes.
TEST_CASE("a lone title between paragraphs of prose is the heading whose number OCR lost",
          "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "IV. T6 CHUC THUC HIEN\n"
      "\n"
      "1. Trach nhiém cta Uy ban nhan dan x4\n"
      "\n"
      "Chu tri, phéi hop véi cac co quan lién quan trién khai Ké hoach nay; dinh ky\n"
      "bao cao két qua thuc hién vé Ban Thuong vu Pang ty.\n"
      "\n"
      "Co ché thong tin, bao cao\n"
      "\n"
      "Cac chi bd, doan thé dinh ky hang quy bao cao két qua thuc hién Ké hoach\n"
      "gti vé Van phong Pang ty dé tong hop, bao cao Ban Thuong vu.\n"
      "\n"
      "Kinh phi thuc hién\n"
      "\n"
      "Ngan sach x4 bé tri theo phan cap\n"
      "\n"
      "Huy dong nguén luc x4 hoi hoa\n");
  REQUIRE(!result.documents.empty());
  std::vector<std::string> got;
  for (const auto& s : result.documents[0].sections) got.push_back(s.number + "|" + s.title);
  REQUIRE(got.size() == 3);
  CHECK(got[2].rfind("2|Cơ chế thông tin", 0) == 0);
  // "Kinh phí thực hiện" has short lines after it: no heading is guessed.
  for (const auto& title : got) CHECK(title.find("Kinh ph") == std::string::npos);
}

// Labels and the footer as OCR without a Vietnamese model leaves them: "chủ"
// and "phối" misread before the label's colon (restoration may make a real word
// of them, "phù hợp"), a "Nơi nhận" list that lost its bullets, "T/M" read as
// "TIM". None of them becomes a task.
TEST_CASE("OCR labels, an unbulleted recipient list and TIM for T/M are read as such",
          "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. NHIEM VU\n"
      "\n"
      "1. Xay dung c6 s6 dir liéu dan cu cta x4.\n"
      "Co quan cha tri: Uy ban nhan dan x4.\n"
      "Co quan phi hop: Mat tran T6 quéc x4.\n"
      "\n"
      "2. Pua dich vu cong truc tuyén dén tirng thén.\n"
      "\n"
      "Noi nhan:\n"
      "\n"
      "Ban Thuong vu Huyén ty (dé bao cao),\n"
      "\n"
      "Cac chi b6 truc thudc,\n"
      "\n"
      "Luu Van phong Pang ty.\n"
      "\n"
      "TIM PANG UY\n"
      "\n"
      "BI THU\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 2);
  // "TIM" is OCR's "T/M" on a line in capitals.
  REQUIRE(model.document.signature);
  REQUIRE(model.document.signature->mode);
  CHECK(*model.document.signature->mode == "T/M");
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"ubnd-xa"});
  CHECK(model.tasks[0].agencies.support == std::vector<std::string>{"mttq"});
  REQUIRE(model.document.recipients.size() >= 2);
  CHECK(model.document.recipients.back().name == "Lưu Văn phòng Đảng ủy");
}

// A degraded scan loses the "Nơi nhận:" label itself: the bulleted lines that
// end like list entries, down to a "Lưu ..." line right above the signature,
// are still the recipients, not tasks. Without the "Lưu" line they stay items.
TEST_CASE("a recipient list whose label OCR lost ends at its Lưu line", "[genre][ocr]") {
  const std::string body =
      "I. NHIEM VU\n"
      "\n"
      "1. Xay dung c6 s6 dir liéu dan cu cta x4.\n"
      "\n"
      "2. Pua dich vu cong truc tuyén dén tirng thén.\n"
      "\n"
      "* Ban Chi dao Trung wong (b/c),\n"
      "\n"
      "+ Van phéng Trung wong Dang (b/c),\n"
      "\n"
      "* — Cac dang uy tryc thuéc Tinh uy,\n"
      "\n";
  const std::string signature =
      "T/M BAN THUONG VU\n"
      "\n"
      "PHO BI THU\n";
  auto result = vnplan::test::parse_text(body + "+ — Luu Van phong Tinh uy.\n\n" + signature);
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  CHECK(model.tasks.size() == 2);
  REQUIRE(model.document.recipients.size() == 4);
  CHECK(model.document.recipients[0].name == "Ban Chỉ đạo Trung ương");
  CHECK(model.document.recipients.back().name == "Lưu Văn phòng Tỉnh ủy");
  auto unlabelled = vnplan::test::parse_text(body + signature);
  REQUIRE(!unlabelled.documents.empty());
  CHECK(unlabelled.documents[0].document.recipients.empty());
}

// A poor scan misreads "trì" and "Thời" too: "Co quan chu tu:", "Thi gian
// thutc hién:", "Tho gian thy hién:". Before the colon they are still labels,
// not the text of a task of their own.
TEST_CASE("labels OCR misread past chủ and phối are still labels", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. NHIEM VU\n"
      "\n"
      "1. Xay dung c6 s6 dir liéu dan cu cta x4.\n"
      "Co quan chu tu: Uy ban nhan dan x4.\n"
      "Thi gian thutc hién: Trong thang 7/2025.\n"
      "\n"
      "2. Pua dich vu cong truc tuyén dén tirng thén.\n"
      "Co quan cht ti: Mat tran T6 quéc x4.\n"
      "Tho gian thy hién: thudng xuyén.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 2);
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"ubnd-xa"});
  REQUIRE(model.tasks[0].deadline);
  CHECK(model.tasks[0].deadline->date == "2025-07");
  CHECK(model.tasks[1].agencies.lead == std::vector<std::string>{"mttq"});
  REQUIRE(model.tasks[1].deadline);
  CHECK(model.tasks[1].deadline->kind == "recurring");  // thường xuyên
}

// Tesseract can take the first word of every line of a justified paragraph for
// a column of its own: "Trách" goes elsewhere and the label line starts with
// "nhiệm". With its colon it is still the label of the task before it.
TEST_CASE("a responsibility label whose Trách OCR read apart is still a label", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. NHIEM VU VA GIAI PHAP\n"
      "\n"
      "- Tao co ché, diéu kién chuyén giao céng nghé; san sang thu nghiém cac\n"
      "céng nghé mdi, mé hinh kinh doanh mdi.\n"
      "\n"
      "Trach\n"
      "\n"
      "nhiém thuc hién: Sd Khoa hoc va Céng nghé.\n"
      "\n"
      "- Nghién cttu xay dung quy phat trién khoa hoc - cong nghé, quy hé tro\n"
      "déi mdi sang tao.\n"
      "nhiém chi dao thuc hién: Dang Uy Uy ban nhan dan tinh.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 2);
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"so-khcn"});
  CHECK(model.tasks[1].agencies.directing == std::vector<std::string>{"dang-uy:ubnd-tinh"});
}

// A heading that names who does the tasks under it, with OCR's reading of
// "của" ("cwtia", "ctia") between "Trách nhiệm" and the agency.
TEST_CASE("a responsibility heading with của misread still gives its agency", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. TO CHUC THUC HIEN\n"
      "\n"
      "1. Trach nhiém cwtia Sé Tai chinh\n"
      "- Bé tri kinh phi thuc hién Ké hoach.\n"
      "2. Trach nhiém ctia cac cap uy dang truc thudc Tinh uy\n"
      "- Quan triét Nghi quyét dén can b6, dang vién.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tasks.size() == 2);
  CHECK(model.tasks[0].agencies.lead == std::vector<std::string>{"so-tai-chinh"});
  CHECK(model.tasks[1].agencies.lead == std::vector<std::string>{"cap-uy-to-chuc-dang"});
}

// A part's first heading can lose its "1." too, with its list's markers read
// apart from their text: the heading is "1." when a list starts after it and a
// later "2." shows the gap, and the lone markers are no tasks of their own.
TEST_CASE("a part's first heading that lost its number, over detached list markers",
          "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. MUC BICH\n"
      "\n"
      "Quan triét dé toan Dang bé6 nhan thtrc day du.\n"
      "\n"
      "II. NHIEM VU VA GIAI PHAP\n"
      "\n"
      "Nang cao nhan thtrc vé chuyén d6i s6 trong toan x4\n"
      "\n"
      "a)\n"
      "\n"
      "b)\n"
      "\n"
      "Tuyén truyén sau r6ng Nghi quyét s6 57-NQ/TW.\n"
      "\n"
      "Xay dung chuyén muc vé chuyén d6i s6 trén dai truyén thanh.\n"
      "\n"
      "2. Hoan thién thé ché vé chuyén d6i s6\n"
      "\n"
      "a) Ra soat cac quy dinh cta x4 vé thu tuc hanh chinh.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  std::vector<std::string> got;
  for (const auto& s : model.sections) got.push_back(s.marker + "|" + s.number);
  CHECK(got == std::vector<std::string>{"I.|I", "II.|II", "|1", "a)|a", "b)|b", "2.|2", "a)|a"});
  CHECK(task_heads(model, 12) ==
        std::vector<std::string>{"tuyen truyen", "xay dung chu", "ra soat cac "});
}

// The margin column "IV. / 1. / 2." read before the part's title: each
// Arabic marker goes to a title (no closing punctuation), not to the first
// paragraphs of prose after the heading before it.
TEST_CASE("detached Arabic markers go to the titles, not to the prose between them",
          "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. NHIEM VU\n"
      "\n"
      "Quan triét dé toan Pang bé6 nhan thtrc day du.\n"
      "\n"
      "IV.\n"
      "\n"
      "1.\n"
      "\n"
      "2.\n"
      "\n"
      "T6 CHUC THUC HIEN\n"
      "\n"
      "Trach nhiém cta Uy ban nhan dan x4\n"
      "\n"
      "Chi dao trién khai Ké hoach nay trén dia ban x4.\n"
      "\n"
      "Dinh ky bao cao két qua thuc hién vé Ban Thuong vu Pang ty.\n"
      "\n"
      "Trach nhiém cta cac chi b6 truc thudc\n"
      "\n"
      "2.1. Van phong Pang ty tham muu trién khai.\n");
  REQUIRE(!result.documents.empty());
  std::vector<std::string> got;
  for (const auto& s : result.documents[0].sections)
    got.push_back(s.number + "|" + fold(s.title).substr(0, 7));
  CHECK(got == std::vector<std::string>{"III|nhiem v", "IV|to chuc", "1|trach n", "2|trach n",
                                        "2.1|van pho"});
}

// OCR reads list letters as the digits they look like: "g)" as "9)", "o)" as
// "0)". Where the letter list before expects that letter, the digit is the
// letter (a lone "9)" too, placed on the paragraph after it); a numbered list
// "1) 2)" stays numbers.
TEST_CASE("a list letter OCR read as a digit is the letter the list expects", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. NHIEM VU\n"
      "\n"
      "e) Xay dung chuyén muc vé chuyén d6i s6 trén dai truyén thanh.\n"
      "\n"
      "9)\n"
      "\n"
      "Phat trién nén tang hoc tap s6 cho hoc sinh.\n"
      "\n"
      "h) Ra soat cac quy dinh cta x4 vé thu tuc hanh chinh.\n"
      "\n"
      "n) Xay dung nén tang so nham gidm sat tai nguyén, mi trudng.\n"
      "\n"
      "0) Phat trién cac ting dung tri tué nhan tao.\n"
      "\n"
      "IV. T6 CHUC THUC HIEN\n"
      "\n"
      "1) Uy ban nhan dan x4 chu tri trién khai.\n"
      "\n"
      "2) Van phong Pang ty theo doi, tong hop.\n");
  REQUIRE(!result.documents.empty());
  std::vector<std::string> got;
  for (const auto& s : result.documents[0].sections) got.push_back(s.number);
  CHECK(got == std::vector<std::string>{"III", "e", "g", "h", "n", "o", "IV", "(1)", "(2)"});
  CHECK(result.documents[0].tasks.size() == 7);
}

// A table's group row "II" that OCR read as "Il" is still a group row: its
// title is no task, and the rows after it keep their cells.
TEST_CASE("a table group row OCR read as Il is the group row II", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "II. NHIEM VU\n"
      "\n"
      "1. Trién khai cac nhiém vu trong phu luc kém theo Ké hoach nay.\n"
      "\n"
      "PHU LUC\n"
      "TT\n"
      "Tén nhiém vu\n"
      "Co quan cht tri\n"
      "Co quan phéi hop\n"
      "Thdi gian thuc hién\n"
      "I\n"
      "Nang cao nhan thirc vé chuyén déi sé\n"
      "1\n"
      "Tuyén truyén sau rong Nghi quyét s6 57-NQ/TW\n"
      "Sé Van héa, Thé thao va Du lich\n"
      "Cac sé, ban, nganh\n"
      "Nam 2025\n"
      "Il\n"
      "Tang cudng dau tu, hoan thién ha tang cho chuyén déi sé\n"
      "2\n"
      "Xay dung trung tam dir liéu cua tinh\n"
      "Sé Théng tin va Truyén théng\n"
      "Cac sé, ban, nganh\n"
      "Nam 2026\n");
  REQUIRE(!result.documents.empty());
  CHECK(task_heads(result.documents[0], 9, true) ==
        std::vector<std::string>{"tuyen tru", "xay dung "});
}

// A long cell of an OCR'd table wraps onto a line read as a cell of its own
// ("... trên / VNeID trực tiếp ..."): the row keeps it until the next number
// and joins it back where the row then fits its columns ("VNeID ..." is no
// agency). A short cell opening with a digit ("7A", 7.4 misread) still opens
// the next row.
TEST_CASE("a table cell OCR read as two cells is joined back into its column", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "II. NHIEM VU\n"
      "\n"
      "1. Trién khai cac nhiém vu trong phu luc kém theo Ké hoach nay.\n"
      "\n"
      "PHU LUC\n"
      "TT\n"
      "Tén nhiém vu\n"
      "Co quan cht tri\n"
      "Co quan phéi hop\n"
      "Thdi gian thuc hién\n"
      "1\n"
      "Trién khai lién thong dir liéu S6 sic khoe dién tir dé bac si khai thac thong tin trén\n"
      "VNeID true tiép tir phan mém cua co sé kham chita bénh\n"
      "S& Y té\n"
      "Cong an tinh; Bao hiém xa hdi tinh\n"
      "Nam 2025\n"
      "2\n"
      "Trién khai bénh an dién tir tai Bénh vién tinh\n"
      "S& Y té\n"
      "Bao hiém xa hdi tinh\n"
      "7A\n"
      "3\n"
      "Dao tao ky nang so cho can bé y té\n"
      "S& Y té\n"
      "Cac bénh vién\n"
      "Nam 2026\n");
  REQUIRE(!result.documents.empty());
  std::vector<std::string> got;
  for (const auto& t : result.documents[0].tasks)
    if (t.source == "table")
      got.push_back(fold(t.text).substr(0, 9) + "|" +
                    (t.agencies.lead.empty() ? "" : t.agencies.lead.front()));
  CHECK(got ==
        std::vector<std::string>{"trien kha|so-y-te", "trien kha|so-y-te", "dao tao k|so-y-te"});
  REQUIRE(!result.documents[0].tasks.empty());
  CHECK(fold(result.documents[0].tasks[1].text).find("vneid") != std::string::npos);
}

// The group row "I" of a targets table read as a bar: "|" is still the row
// number, so its horizon ("Đến năm 2030") dates the rows under it.
TEST_CASE("a table group row OCR read as a bar dates the rows under it", "[genre][ocr]") {
  auto years = target_years(
      targets_table("1. Phat trién ha tang s6 dat muc cao.",
                    std::string("|\nDén nam 2030\n") + kCoverageRow +
                        "2\nQuy mé kinh té sé cua tinh\n%GRDP\n20\nS& Théng tin va Truyén théng\n"),
      true);
  CHECK(years == std::vector<std::pair<double, int>>{{100, 2030}, {20, 2030}});
}

// "Cơ quan phối hợp:" read "Co quan phdi hap:" after a full lead line: still a
// label that starts its own line, so its agencies support and do not lead.
TEST_CASE("a support label with hợp misread is still the support label", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "I. NHIEM VU\n"
      "\n"
      "1. Xay dung c6 s6 dir liéu dan cu cta x4 va két ndi vdi co s6 dir liéu cua\n"
      "huyén dé phuc vu céng tac quan ly nha nudc trén dia ban x4 trong nam nay.\n"
      "Co quan cha tri: Uy ban nhan dan x4 va cac chi b6 truc thudc Pang Gy x4.\n"
      "Co quan phdi hap: Mat tran T6 quéc x4.\n");
  REQUIRE(!result.documents.empty());
  const auto& tasks = result.documents[0].tasks;
  REQUIRE(tasks.size() == 1);
  CHECK(std::find(tasks[0].agencies.lead.begin(), tasks[0].agencies.lead.end(), "mttq") ==
        tasks[0].agencies.lead.end());
  CHECK(tasks[0].agencies.support == std::vector<std::string>{"mttq"});
}

// A paragraph that says nothing in words is no task: OCR's "9)" for "g)",
// a lone Roman "IV" or "Năm 2025" read apart from its cell, the "Trách" / "ủy."
// that tesseract took for a column of their own beside a paragraph are no tasks.
TEST_CASE("a paragraph with fewer than three words is no task", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "III. NHIEM VU\n"
      "\n"
      "e) Xay dung chuyén muc vé chuyén d6i s6 trén dai truyén thanh.\n"
      "\n"
      "9)\n"
      "\n"
      "Trach\n"
      "uy.\n"
      "\n"
      "IV\n"
      "\n"
      "Nam 2025\n"
      "\n"
      "h) Ra soat cac quy dinh cta x4 vé thu tuc hanh chinh.\n");
  REQUIRE(!result.documents.empty());
  CHECK(task_heads(result.documents[0], 7) == std::vector<std::string>{"xay dun", "ra soat"});
}

// Tesseract reads "≥" as a "2" glued to the number: "≥ 55%" becomes "255%".
// In OCR output a share from 210% to 299% with no comparator is read back as
// "≥" and its last two digits; other numbers keep their value. "từ" read as
// "tir" still bounds the number from below, and "thuộc nhóm" read as "thudc
// nhdem" is still a rank, and "tối thiểu" read as "ti thiéu" still a floor.
TEST_CASE("a share OCR wrote with its ≥ read as a 2, and từ read as tir", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "II. MUC TIEU\n"
      "\n"
      "1. Pén hét nim 2030\n"
      "\n"
      "- Ty 1é doanh nghiép c6 hoat déng déi méi sang tao dat 240%.\n"
      "- Quy m6 kinh té s6 chiém 25% GRDP.\n"
      "- Thu hut 250 doanh nghiép céng nghé s6.\n"
      "- C6 tir 07 ngudi thuc hién nghién ciru khoa hoc trén 01 van dan.\n"
      "- Chi s6 chuyén déi s6 (DTI) thudc nhdem 20 tinh dan dau ca nuéc.\n"
      "- Quy m6 kinh té s6 dat ti thiéu 20% GRDP cua tinh.\n");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.targets.size() == 6);
  CHECK(model.targets[5].comparator == ">=");  // "ti thiéu" is OCR's "tối thiểu"
  CHECK(model.targets[5].indicator.find("thi") == std::string::npos);
  CHECK(model.targets[3].comparator == ">=");  // "tir" is OCR's "từ"
  CHECK(model.targets[4].comparator == "<=");  // "thudc nhdem": a rank, no unit
  CHECK(!model.targets[4].unit);
  CHECK(*model.targets[0].value == 40);
  CHECK(model.targets[0].comparator == ">=");
  CHECK(*model.targets[1].value == 25);
  CHECK(*model.targets[2].value == 250);
  CHECK(model.targets[2].comparator == "=");
}

// The same "≥" read as a lone "2" before the number ("2 80" in a table cell):
// the 2 is the comparator, not a measure of its own.
TEST_CASE("a lone 2 before a number is OCR's ≥", "[genre][ocr]") {
  auto years = target_years(
      targets_table("1. Phat trién ha tang s6 dat muc cao.",
                    std::string("I\nDén nam 2030\n") +
                        "1\nTy lé st dung dich vu c6ng truc tuyén\n%\n2 80\nSé Théng tin va "
                        "Truyén théng\n"),
      true);
  CHECK(years == std::vector<std::pair<double, int>>{{80, 2030}});
  auto result = vnplan::test::parse_text(targets_table(
      "1. Phat trién ha tang s6 dat muc cao.",
      "I\nDén nam 2030\n1\nTy lé st dung dich vu c6ng truc tuyén\n%\n2 80\nSé Thong tin\n"));
  REQUIRE(!result.documents.empty());
  for (const auto& t : result.documents[0].targets)
    if (t.source == "table") CHECK(t.comparator == ">=");
}

// A unit cell has too little context for restoration: OCR's "Thi bac" and
// "%inam" are the lexicon's "Thứ bậc" and "%/năm" (extract/units.tsv, key
// "cell"). A cell that differs by a word, or only in its spacing, stays as read.
TEST_CASE("a misread unit cell of a target table is the unit the lexicon knows", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(targets_table(
      "1. Phat trién ha tang s6 dat muc cao.",
      std::string("I\nDén nam 2030\n") +
          "1\nChi s6 déi mdi sang tao cap dia phuong (PII)\nThi bac\n10\nSé Khoa hoc\n"
          "2\nS6 luong don dang ky sang ché tang trung binh\n%inam\n15\nSé Khoa hoc\n"
          "3\nTy lé doanh nghiép cong nghé s6\nS6 doanh nghiép/1000 dan\n2\nSé Khoa hoc\n"
          "4\nQuy m6 kinh té s6\n%GRDP\n20\nSé Khoa hoc\n"));
  REQUIRE(!result.documents.empty());
  std::vector<std::string> units;
  for (const auto& t : result.documents[0].targets)
    if (t.source == "table") units.push_back(t.unit.value_or("-"));
  CHECK(units == std::vector<std::string>{"Thứ bậc", "%/năm", "Số doanh nghiệp/1000 dân", "%GRDP"});
}

// Plans write small counts with two digits ("≥ 01"); OCR's "2" for "≥" glued to
// one makes "201". Alone in a table's value cell that is "≥ 1"; other numbers,
// and the same digits in a sentence, keep their value.
TEST_CASE("a two-digit count OCR glued to its ≥ is read back in a table cell", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      targets_table("1. Phat trién ha tang s6 dat muc cao.",
                    std::string("I\nDén nam 2030\n") +
                        "1\nHoan thién trung tam di? liéu tinh\nTrung tam\n201\nSé Khoa hoc\n"
                        "2\nS6 xa cé diém truy cap cong cong\nXa\n210\nSé Khoa hoc\n"));
  REQUIRE(!result.documents.empty());
  std::vector<std::pair<double, std::string>> read;
  for (const auto& t : result.documents[0].targets)
    if (t.source == "table") read.emplace_back(t.value.value_or(-1), t.comparator.value_or("-"));
  CHECK(read == std::vector<std::pair<double, std::string>>{{1, ">="}, {210, "="}});
}

// OCR reads a table of an appendix row by row: its row numbers come out as
// headings, and a cell's lone line between rows ("Nội dung") is no heading
// whose number OCR lost, so the lines after it are not read as tasks. (From a
// DejaVu Serif 300 dpi print of the Yên Bái appendix, cut short.)
TEST_CASE("a cell's lone line in an appendix is no heading whose number OCR lost", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(R"(III. NHIEM VU VA GIAI PHAP

1. Nang cao nhan thttc

- Ban Tuyén giao chu tri tuyén truyén nghi quyét.

Phu luc II:
BIEU PHAN CONG THUC HIEN CAC NHIEM VU, GIAI PHAP CUA TINH
THUC HIEN NGHI QUYET SO 57-NQ/TW

(Kém theo Ké hoach s6 235-KH/TU ngay 18/4/2025 cua Ban Thuong vu Tinh
uy)


2. Banhanh Dang ty Cac huyén, Thuc hién
Ké hoach, UBNDtinh thi, thanh thuong
cac van uy, dang xuyén
ban lanh uy truc
dao, chi thuoc Tinh
dao, hudong uy; Cac
dan thuc ban, sé,
hién Nghi nganh,

thong
1 T6 chttc Ban Tuyén Cac huyén, Thuc hién
hoc tap, giao va thi, thanh  thuong
quan triét Dan van uy, dang xuyén
Nghi quyét Tinh ty uy truc
so 57- thuoc Tinh
NO/TW va uy; Cac
cac van ban, sé,
ban lién nganh,
quan sau Mat tran
rong trong TO quéc
toan hé Viet Nam
thong va cac t6
chinh tri chuc chinh
dén ttrng tri - xa hoi
can bo, tinh; cdc
cong chuc, co quan
vién chuc, bao chi,
doanh truyén
nghiép va thong tinh
nguoi dan.
Noi dung

Co quan

chu tri phu
Tén nhiém _— trach/chi Co quan
vu dao thuc hién

Thoi gian
thuc hién

vao Cac
van dé cét
106i cua
Nghi quyét
so 57-
NQ/TW
gan voi
thuc tién
cua tung
co quan,
don vi, dia
phuong.
Da dang
hoa hinh
thirc, t6
chttc quan
triét (nhu
hoi nghi,
hi thao,
toa dam,
tap huan,
tai liéu,
video...)
cho can
bo, dang
vién, cong
)");
  REQUIRE(!result.documents.empty());
  for (const auto& s : result.documents[0].sections) CHECK(s.title != "Nội dung");
  CHECK(result.documents[0].tasks.size() == 1);
}

// A degraded scan: OCR drops the dot of "2.4." ("24. Den het nant 2045", năm
// read as "nant") and reads a stray mark as a heading "3. De". The first would
// open a part of its own, the second would close the goals part: the targets
// after them lost their year. A real "3." with a title, and a "24." the
// first-level series reaches, stay as written.
TEST_CASE("a sub-heading number that lost its dot and a stray two-letter heading", "[genre][ocr]") {
  using Years = std::vector<std::pair<double, int>>;
  const std::string goals =
      "II. MUC TIEU\n"
      "\n"
      "1. Muc tiéu chung\n"
      "\n"
      "Phat trién khoa hoc, cong nghé.\n"
      "\n"
      "2. Muc tiéu cu thé\n"
      "\n"
      "2.1. Dén hét nim 2030\n"
      "\n"
      "- C6 > 80% hd gia dinh c6 cap quang.\n"
      "\n"
      "2.2. Dén hét nim 2035\n"
      "\n"
      "- C6 > 90% hd gia dinh c6 cap quang.\n"
      "\n"
      "3. De\n"
      "\n"
      "- C6 > 92% hd gia dinh c6 cap quang.\n"
      "\n"
      "24. Den het nant 2045\n"
      "\n"
      "- C6 > 95% hd gia dinh c6 cap quang.\n";
  CHECK(target_years(goals) == Years{{80, 2030}, {90, 2035}, {92, 2035}, {95, 2045}});
  auto got = section_marks(goals);
  REQUIRE(got.size() == 6);
  CHECK(got[5] == "24.|2.4|horizon");
  // "3." with a real title is a heading, and "4." after it is the next one.
  got = section_marks(
      "II. NHIEM VU\n"
      "\n"
      "1. Cong tac lanh dao\n"
      "\n"
      "Quan triét Nghi quyét.\n"
      "\n"
      "3. Dé an chuyén déi s6\n"
      "\n"
      "Xay dung dé an.\n");
  REQUIRE(got.size() == 3);
  CHECK(got[2] == "3.|3|tasks");
}

// A table typed without outer bars, printed, read by OCR: each row is a
// paragraph whose lines wrap anywhere (at a cell's bar, before one), its Roman
// "I" read as a bar, the copies of its spanning group cell each misread its own
// way. Each row is still one row, and the table one table.
TEST_CASE("a bar-less table printed and read back keeps its rows", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "NHIEM VU CU THE CUA CHUONG TRINH HANH DONG\n"
      "\n"
      "TT | Nhiém vu, dé an | Co quan cht tri thuc hién | Co quan phdi hop\n"
      "thuc hién | Thdi gian trinh | San pham\n"
      "\n"
      "| | Hoan thién hé théng phap luat vé Thu dé | Hoan thién hé thong phap luat\n"
      "vé Thu d6é | Hoan thién hé théng phap luat vé Thu do | Hoan thién hé théng\n"
      "phap luat vé Thu dé | Hoan thién hé thong phap luat vé Thu dé\n"
      "\n"
      "1 | Bao cao téng két thi hanh Luat Thu dé va dé xuat sta déi cac quy dinh | B6 Tu phap |\n"
      "Cac bé, nganh va cac don vi lién quan | 2022 | Chinh phu | Bao cao\n"
      "\n"
      "Il | Phat trién van héa, y té; Bao dam an sinh, phuc Igi xa hdi\n"
      "| Phat trién van hda, y té; Bao dam an sinh, phic Iai xa hdi | Phat trién van héa, y\n"
      "té; Bao dam an sinh, phuc Idi xa h6i | Phat trién van hoa, y té; Bao dam an sinh, phuc\n"
      "loi xa hoi\n"
      "\n"
      "1 | Dé an phat trién mot so vién nghién citu hang dau khu vuc | BO Khoa hoc va Cong\n"
      "nghé | Cac co quan lién quan | 2023 | Thu twéng Chinh phu | Dé an\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  const auto& rows = model.tables[0].rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].role == "group");  // "| |": the Roman I read as a bar
  CHECK(rows[2].role == "group");  // "Il": II
  auto tasks = table_tasks(model);
  REQUIRE(tasks.size() == 2);
  CHECK(fold(tasks[0]->text).find("sua doi cac quy dinh") != std::string::npos);
  CHECK(tasks[0]->agencies.lead == std::vector<std::string>{"bo-tu-phap"});
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->date == "2022");
  CHECK(tasks[1]->agencies.lead == std::vector<std::string>{"bo-khcn"});
  REQUIRE(tasks[1]->deadline);
  CHECK(tasks[1]->deadline->date == "2023");
  // The group's label holds its spanning cell once, whatever slips each copy has.
  REQUIRE(tasks[1]->group);
  std::string label = fold(*tasks[1]->group);
  CHECK(label.find("phat trien") != std::string::npos);
  CHECK(label.find("phat trien") == label.rfind("phat trien"));
}

// A printed table with bars whose row lost its opening bar is no table printed
// without bars: the row still goes on across the blank line OCR left inside
// it, to its closing bar.
TEST_CASE("a row that lost its opening bar still ends at its closing bar", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | Nhiém vu | Co quan cht tri | Thoi gian |\n"
      "\n"
      "1 | Ban hanh quy ché quan ly dir liéu, chia sé dir liéu giita cac co quan nha nuéc\n"
      "trén dia ban tinh, két ndi voi co sé dir liéu qudc gia\n"
      "\n"
      "vé dan cu | S6 Tu phap | Nam 2026 |\n"
      "\n"
      "| 2 | Xay dung kho dir liéu dung chung cua tinh | S6 Tai chinh | Nam 2025 |\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  auto tasks = table_tasks(model);
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0]->agencies.lead == std::vector<std::string>{"so-tu-phap"});
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->date == "2026");
  CHECK(tasks[1]->agencies.lead == std::vector<std::string>{"so-tai-chinh"});
}

// tesseract's Vietnamese model (vnplan's own OCR of a scan) reads the list
// letter "i)" as "¡)": folded to i, it is the letter between h) and k).
TEST_CASE("the list letter i read as an inverted exclamation mark", "[genre][ocr]") {
  auto got = section_marks(
      "II. NHIỆM VỤ\n\nh) Xây dựng kế hoạch thực hiện.\n\n"
      "¡) Thí điểm triển khai bản sao số cho một số thành phố.\n\nk) Phát triển hạ tầng số.\n");
  CHECK(got == std::vector<std::string>{"II.|II|tasks", "h)|h|tasks", "¡)|i|tasks", "k)|k|tasks"});
}

// A markdown pipe table drawn as text (a page of the raw markdown) and read
// back by tesseract: the header wraps right after a bar, the rule under it
// comes back as marks and the column numbers with a bracket for a bar, the
// Roman "I" of a group between two bars reads as one more bar.
TEST_CASE("a printed pipe header, its misread rule and a Roman I read as a bar", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | Tén nhiém vu | Co quan chu tri phu trach | Co quan thuc hién |\n"
      "Thdi gian thuc hién |\n"
      "\n"
      "[evseoeneeom [|>veveveonnnnnnssevenccccnnnenne I= [>vseveveveonnnnssseeenceeoonnnee [|e\n"
      "11]/2/3]4|5]\n"
      "\n"
      "| | | Cong tac lanh dao, chi dao | | | |\n"
      "\n"
      "| 1 | Ban hanh quy ché lam viéc cua Ban Chi dao | Van phong Tinh uy | Cac huyén uy |\n"
      "Nam 2025 |\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  const auto& table = model.tables[0];
  CHECK(table.columns ==
        std::vector<std::string>{"number", "task", "lead", "performer", "deadline"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].role == "group");
  CHECK(table.rows[0].cells[0].text == "I");
  auto tasks = table_tasks(model);
  REQUIRE(tasks.size() == 1);
  REQUIRE(tasks[0]->deadline);
  CHECK(tasks[0]->deadline->date == "2025");
  CHECK(tasks[0]->group.value_or("").find("lãnh đạo") != std::string::npos);
}

// The empty cells of a group row come back as strokes and brackets ("]|/]]/]/
// 1] i"); the Roman "I." and "I.1" of its groups as "1." and "1.1"; and the
// tight "Đầu tư năm 2025" as "Dautunam 2025". The groups still hold the rows
// numbered from 1 under them, and give them their year and category.
TEST_CASE("group rows of a printed target table read back with strokes", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | TEN CHI TIEU | DON VI TINH | HIEN TRANG | MUC TIEU | Co quan chu tri |\n"
      "\n"
      "| 1. Dautunam 2025]|/]]/]/ 1] i\n"
      "\n"
      "| 1.1 Phat tri€n ha tang] || TT TLL TT\n"
      "\n"
      "| 1 | Ty lé phu sdéng 5G trén dia ban | % | 23 | = 60 | S6 Khoa hoc va Céng nghé |\n"
      "\n"
      "| 2 | Ty lé can bd, céng chUc cap xa dugc béi dudng ky nang sé | % |\n"
      "100 | 100 | Sé Noi vu |\n"
      "\n"
      "| 3 | Sé doanh nghiép khoa hoc va céng nghé | Doanh nghiép | 20 | = 30 | Sé Tai chinh |\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  const auto& rows = model.tables[0].rows;
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].role == "group");
  CHECK(rows[1].role == "group");
  for (std::size_t c = 1; c < rows[1].cells.size(); ++c)
    CHECK(rows[1].cells[c].text.empty());  // "TT TLL TT": strokes, no text
  CHECK(table_target_values(model, 2025) == std::vector<double>{60, 100, 30});
  const vnplan::Target* cadres = target_with(model, 100);
  REQUIRE(cadres);
  CHECK(cadres->unit == "%");  // the row's rest, "100 | 100 | …", is no row of its own
  CHECK(fold(cadres->category.value_or("")) == "phat trien ha tang");
}

// A padded markdown table drawn as text wraps in the padding, right before a
// bar: OCR gives each row, and the header, back in pieces, one line each.
TEST_CASE("a printed padded table read back in pieces", "[genre][ocr]") {
  const vnplan::DocumentModel model = parse_target_table(
      "PHU LUC\n"
      "\n"
      "| TT | Chi tiéu\n"
      "\n"
      "| Don vi | Két qua | Co quan chu tri theo doi |\n"
      "\n"
      "| 1 | Ti lé st dung dich vu cong truc tuyén cla ngudi dan va doanh nghiép\n"
      "\n"
      "| % | = 80 |\n"
      "\n"
      "| BO Théng tin va Truyén thong |\n"
      "\n"
      "| 2 | Ti trong xudt khau san pham cong nghé cao | % | = 50\n"
      "\n"
      "| BO Khoa hoc va Céng nghé |\n");
  const vnplan::Target* online = target_with(model, 80);
  REQUIRE(online);
  CHECK(online->unit == "%");
  CHECK(online->agencies.lead == std::vector<std::string>{"bo-tttt"});
  const vnplan::Target* exports = target_with(model, 50);
  REQUIRE(exports);
  CHECK(exports->agencies.lead == std::vector<std::string>{"bo-khcn"});
}

// A table written one cell per line (a converter's linearised table) drawn
// and read back: OCR reads its "TT" as "ct" and its Roman "I" as a bar.
TEST_CASE("a linearised table whose TT OCR misread", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "CAC CHI TIEU CU THE\n"
      "\n"
      "ct\n"
      "\n"
      "Chi tiéu\n"
      "\n"
      "Don vi\n"
      "\n"
      "Két qua\n"
      "Co quan chu tri theo doi, danh gia\n"
      "\n"
      "|\n"
      "\n"
      "Dén nam 2030\n"
      "\n"
      "1\n"
      "\n"
      "Ty l€ déng gop cla nang suat nhan té téng hop (TFP) vao tang trudéng kinh té\n"
      "%\n"
      "\n"
      "=>55\n"
      "\n"
      "S6 Khoa hoc va Céng nghé\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  CHECK(model.tables[0].layout == "linear");
  const vnplan::Target* tfp = target_with(model, 55);
  REQUIRE(tfp);
  CHECK(tfp->year == 2030);
  CHECK(tfp->unit == "%");
  CHECK(tfp->agencies.lead == std::vector<std::string>{"so-khcn"});
}

// In Liberation Serif, OCR drops the opening bar of group rows ("I. Đầu tư năm
// 2025 |||] ||]", its I as "[") and of the column numbers ("1|2|3|4]5|"), and
// a row read as text cuts the table: the rows after it are still the table's.
TEST_CASE("a printed table's rows that lost their opening bar", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | TEN CHI TIEU | DON VI TINH | MUC TIEU | Co quan chu tri |\n"
      "\n"
      "woonneeccncnncnccncnccnnnncns fanaa enone epoccccnccnc\n"
      "1|2|3|4]5|\n"
      "\n"
      "I. Dén hét nam 2030 |||] ||] }} |\n"
      "\n"
      "1| Ty lé phu song 5G trén dia ban | % | => 60 | So Khoa hoc va Cong nghé |\n"
      "\n"
      "Dang ty UBND tinh chi dao.\n"
      "\n"
      "| 2 | Ty lé dan so truong thanh co tai khoan | % | => 80 | So Khoa hoc va Cong nghé |\n"
      "\n"
      "[.2 Phat trién nguon luc || |||} }1 |||\n"
      "\n"
      "| 1 | Ty 1é chi ngan sach cho khoa hoc | % | => 2 | So Tai chinh |\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  CHECK(table_target_values(model, 2030) == std::vector<double>{60, 80, 2});
  const vnplan::Target* budget = target_with(model, 2);
  REQUIRE(budget);
  CHECK(fold(budget->category.value_or("")) == "phat trien nguon luc");
}

// More of a padded table read back in pieces: a header whose wrap lost the bar
// between two column names ("Két qua" over "Co quan chu tri …"), a horizon row
// under a bold numeral OCR misread ("**P | **Dén nam 2030**"), a row whose rest
// holds one bar of its own ("kinh té | % | =55"), and a row number whose bar
// OCR read as a bracket ("| 11.1] Ti lé …").
TEST_CASE("a padded table's header, horizon and rows read back in pieces", "[genre][ocr]") {
  const vnplan::DocumentModel model = parse_target_table(
      "PHU LUC\n"
      "\n"
      "| TT | Chi tiéu\n"
      "\n"
      "| Don vi | Két qua\n"
      "Co quan chu tri theo doi, danh gia |\n"
      "\n"
      "| **P | **Dén nam 2030**\n"
      "\n"
      "| 8 | Ti lé déng gdp cua nang suat nhan t6 téng hgp (TFP) vao tang trudéng\n"
      "kinh té | % | =55\n"
      "\n"
      "| BO Ké hoach va Dau tu |\n"
      "\n"
      "| 11.1] Ti lé st dung dich vu cong truc tuyén cla ngudi dan\n"
      "\n"
      "| % | = 80 | Bo Théng tin va Truyén thong |\n");
  const vnplan::Target* tfp = target_with(model, 55);
  REQUIRE(tfp);
  CHECK(tfp->year == 2030);
  CHECK(tfp->unit == "%");
  CHECK(tfp->agencies.lead == std::vector<std::string>{"bo-kh-dt"});
  const vnplan::Target* online = target_with(model, 80);
  REQUIRE(online);
  CHECK(online->year == 2030);
  CHECK(fold(online->indicator).rfind("ti le su dung dich vu cong", 0) == 0);
}

// A markdown plan drawn as text, its heading marks and bold stars and all, and
// read back by tesseract: "##" comes back as "HH" or "##H#4#", and the Roman
// numerals of the parts as bars, brackets and slashes ("||-", "I[I-", "|V/-").
TEST_CASE("parts of a markdown plan drawn as text keep their numerals", "[genre][ocr]") {
  auto got = section_marks(
      "**KE HOACH**\n\n"
      "thuc hién Nghi quyét s6 57-NQ/TW cua Bo Chinh tri\n\n"
      "**T- MUC DICH, YEU CAU**\n\n"
      "HH#HH#H# **1. Muc dich**\n\nQuan triét day dt cac muc tiéu cua Nghi quyét.\n\n"
      "## **||- MUC TIEU**\n\n"
      "### **1. Muc ti6u chung**\n\nPhat trién khoa hoc cong nghé.\n\n"
      "### **I[I- NHIEM VU VA GIAI PHAP CHU YEU**\n\n"
      "#H#H# **1. COng tac lanh dao, chi dao**\n\n"
      "Ban hanh ké hoach thuc hién trong nam 2025.\n\n"
      "HH **|V/- KINH PHI THU'C HIEN**\n\nNgan sach nha nudc.\n\n"
      "##H#4# **V- TO CHU'C THU'C HIEN**\n\n"
      "1. Sé Khoa hoc va Cong nghé chu tri theo doi.\n");
  CHECK(got == std::vector<std::string>{"T-|I|purpose", "1.|1|purpose", "||-|II|goals",
                                        "1.|1|general_goals", "I[I-|III|tasks", "1.|1|tasks",
                                        "|V/-|IV|funding", "V-|V|organisation",
                                        "1.|1|organisation"});
}

// "I - MỤC TIÊU", its dash spaced from the numeral: OCR reads the I as a bar
// ("| - MUC TIEU") and the I's of "II", "III" as l's ("ll - ", "lll - "); the
// restorer must not read "ll"/"li" as a word (là, lại). A bar, a dash and a
// cell with more bars is a table row, not a part.
TEST_CASE("part numerals spaced from their dash, read by OCR", "[genre][ocr]") {
  auto got = section_marks(
      "KE HOACH\n\nphat trién cay cao su trén dia ban tinh\n\n"
      "| - MUC TIEU:\n\nDén nam 2030 dat 20.000 ha cao su.\n\n"
      "li - NHIEM VU:\n\n1. Nhiém vu quy hoach.\n\nXay dung quy hoach vung trong.\n\n"
      "lii - NHUNG GIAI PHAP CHU YEU.\n\n1. Giai phap vé dat dai.\n\nGiao dat cho doanh nghiép.\n");
  CHECK(got == std::vector<std::string>{"| -|I|goals", "li -|II|tasks", "1.|1|tasks",
                                        "lii -|III|tasks", "1.|1|tasks"});
  auto row = vnplan::test::parse_text(
      "KE HOACH\n\n| - Noi dung | Co quan chu tri | Thoi gian |\n"
      "| - Ra soat quy hoach | Sé Xay dung | 2026 |\n",
      "scan.txt");
  REQUIRE(!row.documents.empty());
  CHECK(row.documents[0].sections.empty());
}

// Bold part headings drawn as text, every numeral misread: "I." as a bar that
// lost its dot, "II." as "1|,", "III." as "1[],". No numeral is read as
// written, so nothing anchors a series; each is read from its strokes.
TEST_CASE("part numerals read as a bar, a 1 and bars or brackets", "[genre][ocr]") {
  auto got = section_marks(
      "**KE HOACH**\n\ntrién khai thuc hién Nghi quyét s6 57-NQ/TW\n\n"
      "**| MUC DICH, YEU CAU**\n\n* Quan triét sau sac Nghi quyét.\n\n"
      "**1|, PHAN CONG NHIEM VU**\n\n"
      "**1. Tuyén truyén, quan triét**\n\n* Van phong chu tri t6 chic quan triét.\n\n"
      "**1[], TO CHU'C THUC HIEN**\n\n1. Cac co quan bao cao két qua.\n");
  CHECK(got == std::vector<std::string>{"||I|purpose", "1|,|II|organisation", "1.|1|organisation",
                                        "1[],|III|organisation", "1.|1|organisation"});
  // A serif face: the I's as T's ("T " for "I." that lost its dot, "TT." for
  // "II.", "T1T," for "III."; "TT-", "TV-"). A line that opens with a word's
  // end cut at the line before ("tt," for "tử,") is no numeral.
  CHECK(section_marks("**KE HOACH**\n\n**T MUC DICH, YEU CAU**\n\nQuan triét Nghi quyét.\n\n"
                      "**TT. PHAN CONG NHIEM VU**\n\n1. Van phong chu tri quan triét.\n\n"
                      "**T1T, TO CHU'C THUC HIEN**\n\n1. Cac co quan bao cao.\n") ==
        std::vector<std::string>{"T|I|purpose", "TT.|II|organisation", "1.|1|organisation",
                                 "T1T,|III|organisation", "1.|1|organisation"});
  CHECK(section_marks("**KE HOACH**\n\n**TT- MUC TIEU**\n\n1. Dén nam 2030 dat 80%.\n\n"
                      "**TV- TO CHUC THUC HIEN**\n\n1. Cac so chu tri.\n") ==
        std::vector<std::string>{"TT-|II|goals", "1.|1|goals", "TV-|IV|organisation",
                                 "1.|1|organisation"});
  CHECK(section_marks("KE HOACH\n\nI. MUC TIEU\n\n100% ngudi dan cé tai khoan dinh danh dién\n"
                      "tt, phan dau ty 16 ngudi dan c6 chir ky s6 dat 30%.\n") ==
        std::vector<std::string>{"I.|I|goals"});
  // "III-" with its later strokes as bars.
  CHECK(section_marks("**KE HOACH**\n\n**I||- NHIEM VU, GIAl PHAP**\n\n"
                      "**1. Nang cao nhan thuc**\n\nT6 chtrc quan triét Nghi quyét.\n") ==
        std::vector<std::string>{"I||-|III|tasks", "1.|1|tasks"});
}

// OCR misreads the name of a target table's value column ("MỤC TIÊU" as "MUC
// TIBU"): the first unnamed column after the unit and baseline holds the values.
TEST_CASE("a target table whose value column's name OCR misread", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | TEN CHI TIEU | DON VI TINH | HIEN TRANG (NAM 2024) | MUC TIBU | Co quan chu tri |\n"
      "\n"
      "| 1 | Ty 16 pht séng 5G trén dia ban | % | 23 | = 60 | Sé Khoa hoc va Céng nghé |\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  CHECK(model.tables[0].columns ==
        std::vector<std::string>{"number", "indicator", "unit", "baseline", "target", "lead"});
  const vnplan::Target* coverage = target_with(model, 60);
  REQUIRE(coverage);
  REQUIRE(coverage->baseline);
}

// In a sans face at 200 dpi the marks come back otherwise: "#4 *III-" (a bold
// heading whose "##" and one star OCR misread) and "1I-" for "II-".
TEST_CASE("parts of a markdown plan drawn small in a sans face", "[genre][ocr]") {
  auto got = section_marks(
      "**KE HOACH**\n\n"
      "thuc hién Nghi quyét s6 57-NQ/TW cua Bo Chinh tri\n\n"
      "**|- MUC DICH, YEU CAu**\n\n"
      "**1. Muc dich**\n\nQuan triét day dt cac muc tiéu cua Nghi quyét.\n\n"
      "## **1I- MUC TIEU**\n\n"
      "### **1. Muc ti6u chung**\n\nPhat trién khoa hoc cong nghé.\n\n"
      "#4 *III- NHIEM VU VA GIAI PHAP CHU YEU**\n\n"
      "### **1. COng tac lanh dao, chi dao**\n\n"
      "Ban hanh ké hoach thuc hién trong nam 2025.\n");
  CHECK(got == std::vector<std::string>{"|-|I|purpose", "1.|1|purpose", "1I-|II|goals",
                                        "1.|1|general_goals", "III-|III|tasks", "1.|1|tasks"});
}

// A printed row that closes on its first line may still leave its last bar,
// after a blank line, on a line of its own ("|"): it goes on the row, and the
// table goes on after it.
TEST_CASE("a printed row's last bar alone below it", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "PHU LUC\n"
      "\n"
      "| TT | Tén nhiém vu | Co quan chu tri | Co quan thuc hién | Thoi gian thuc hién |\n"
      "\n"
      "| 1 | Ban hanh ké hoach chuyén d6i s6 | Van phong Tinh uy | Cac huyén uy | Nam 2025 |\n"
      "\n"
      "VI | Xay dung cdc chuong trinh, dé 4n phat trién ngu6én nhan luc | |\n"
      "\n"
      "|\n"
      "1 | Xay dung dé an, chinh séch dao tao nhan luc | Sé Khoa hoc va Céng nghé | Cac sé, "
      "nganh | Nam 2026\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  REQUIRE(model.tables.size() == 1);
  auto tasks = table_tasks(model);
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[1]->agencies.lead == std::vector<std::string>{"so-khcn"});
}

// Tesseract's English model has no "≥" or "≤": it reads them as ">" and "<"
// (or "="). In OCR text a bare "<" before a target's number is "≤".
TEST_CASE("at most and at least read by OCR as bare comparison signs", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "KE HOACH\n"
      "\n"
      "I. MUC TIEU\n"
      "\n"
      "1. Dén nam 2030\n"
      "\n"
      "- Xép hang chi s6 chuyén déi s6 cua tinh dat < 10 trong ca nudc.\n"
      "\n"
      "- Ty lé ho so dugc giai quyét trurc tuyén dat > 80%.\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  const vnplan::Target* rank = target_with(model, 10);
  REQUIRE(rank);
  CHECK(rank->comparator == "<=");
  const vnplan::Target* online = target_with(model, 80);
  REQUIRE(online);
  CHECK(online->comparator == ">=");
}

// An appendix's opening paragraph as OCR reads a printed page: lines wrapped at
// the page's width, which the joiner measures to tell a wrap from a cut row.
constexpr const char* kPrintedAppendixOpening =
    "PHU LUC\n"
    "\n"
    "Cac chi tiéu duéi day duoc cac co quan chu tri theo doi, danh gia va bao cao dinh ky\n"
    "hang nam vé két qua thuc hién, gti vé Sé Khoa hoc va Cong nghé dé tong hop bao cao\n"
    "Uy ban nhan dan tinh va Ban Chi dao vé phat trién khoa hoc, cong nghé va d6i mdi.\n";

// A padded markdown table drawn in a serif face and read back: the header lost
// its opening bar ("TT | Chi tiéu") and wrapped inside a cell ("theo" over "doi,
// danh gia |"); a bold group numeral came back as a word ("T Re", "T]T") and a
// bold Đ's bar as a dash ("P— EN nam 2030"); rows broke in their padding, so a
// line ends without its cell's bar and the next opens the next cell without
// one ("… sang tao" over "Dat muc kha | Sé Khoa hoc …"), while a break inside
// a cell ("Sé Khoa hoc va" over "Cong nghé |") stays one; "≤" read as "<".
TEST_CASE("a padded table drawn in a serif face and cut in its padding", "[genre][ocr]") {
  const vnplan::DocumentModel model =
      parse_target_table(std::string(kPrintedAppendixOpening) +
                         "\n"
                         "TT | Chi tiéu\n"
                         "Don vi | Két qua | Co quan chu tri theo\n"
                         "doi, danh gia |\n"
                         "\n"
                         "**T Re | **P— EN nam 2030**\n"
                         "| | |\n"
                         "1 | Ty lé ho so xu ly trén mdi truong dién tu\n"
                         "% | > 90 | Sé N6i vu |\n"
                         "\n"
                         "2 | Nang luc doi mdi sang tao cua doanh nghiép\n"
                         "\n"
                         "Thi? bac | Dat muc kha | Sé Khoa hoc va\n"
                         "Cong nghé |\n"
                         "\n"
                         "3 | Xép hang chi s6 chuyén déi s6 cap tinh\n"
                         "Thi? bac | < 10 | Sé Thong tin va Truyén thong |\n"
                         "\n"
                         "**T]T**| ** Pen ndm 2035**\n"
                         "| | |\n"
                         "4 | Ty lé dan s6 truong thanh cé tai khoan thanh toan\n"
                         "% | > 95 | Ngan hang Nha nudéc |\n");
  const vnplan::Target* online = target_with(model, 90);
  REQUIRE(online);
  CHECK(online->year == 2030);
  CHECK(online->unit == "%");
  const vnplan::Target* innovation = nullptr;
  for (const auto& target : model.targets)
    if (fold(target.indicator).rfind("nang luc doi moi", 0) == 0) innovation = &target;
  REQUIRE(innovation);
  CHECK(innovation->year == 2030);
  CHECK(innovation->agencies.lead == std::vector<std::string>{"so-khcn"});
  const vnplan::Target* rank = target_with(model, 10);
  REQUIRE(rank);
  CHECK(rank->comparator == "<=");
  const vnplan::Target* accounts = target_with(model, 95);
  REQUIRE(accounts);
  CHECK(accounts->year == 2035);
  CHECK(fold(accounts->indicator) == "ty le dan so truong thanh co tai khoan thanh toan");
}

// OCR may lose the bar between a row's value and its lead ("= 80 Ngan hang Nha
// nudéc"): the cell, placed by its agency as the lead, gives the value too.
TEST_CASE("a target row whose value and lead OCR ran into one cell", "[genre][ocr]") {
  const vnplan::DocumentModel model = parse_target_table(
      "PHU LUC\n"
      "\n"
      "| TT | Chi tiéu | Don vi | Két qua | Co quan chu tri |\n"
      "\n"
      "| 1 | Ty lé ho so xu ly trén mdi truong dién tu | % | = 90 | Sé Ndi vu |\n"
      "\n"
      "| 2 | Ty lé giao dich khong dung tién mat | % | = 80 Ngan hang Nha nudéc |\n"
      "\n"
      "| 3 | S6 doanh nghiép khoi nghiép sang tao | Doanh nghiép | 40 | Sé Khoa hoc va Cong nghé "
      "|\n");
  const vnplan::Target* cashless = target_with(model, 80);
  REQUIRE(cashless);
  CHECK(cashless->comparator == ">=");
  CHECK(cashless->agencies.lead == std::vector<std::string>{"nhnn"});
}

// More of a padded table drawn in a serif face: a share's cell opens the line
// after a cut in lower case ("%/nam | 10 | …"), and a row whose closing bar OCR
// lost is whole all the same when the next numbered row follows it.
TEST_CASE("a padded table's rows cut before a share and before the next row", "[genre][ocr]") {
  const vnplan::DocumentModel model = parse_target_table(
      std::string(kPrintedAppendixOpening) +
      "\n"
      "| TT | Chi tiéu | Don vi | Két qua | Co quan chu tri |\n"
      "\n"
      "| 1 | Ty lé ho so xu ly trén mdi truong dién tu | % | > 90 | Sé Ndi vu |\n"
      "\n"
      "| 2 | Ty lé xa c6 diém truy cap Internet cong cong | % | 100 | Sé Thong tin va Truyén thong "
      "|\n"
      "\n"
      "3 | S6 luong cong b6 khoa hoc cua tinh tang trung binh\n"
      "\n"
      "%/nam | 10 | Sé Khoa hoc va Cong nghé |\n"
      "\n"
      "4 | Hinh thanh trung tam di? liéu cua tinh\n"
      "Trung tam dit liéu |1 | Sé Thong tin va Truyén thong\n"
      "\n"
      "5 | Ty lé doanh nghiép sir dung hoa don dién tu | % | 100 | Cuc Thué tinh |\n");
  const vnplan::Target* papers = target_with(model, 10);
  REQUIRE(papers);
  CHECK(papers->unit == "%/năm");
  CHECK(fold(papers->indicator) == "so luong cong bo khoa hoc cua tinh tang trung binh");
  const vnplan::Target* centre = target_with(model, 1);
  REQUIRE(centre);
  CHECK(fold(centre->indicator) == "hinh thanh trung tam du lieu cua tinh");
}

// A directive's type line in capitals whose Ỉ OCR read as "i" ("CHi THI"):
// the directive's numbered points are still its tasks.
TEST_CASE("a directive whose type line OCR read with a lower-case i", "[genre][ocr]") {
  auto result = vnplan::test::parse_text(
      "CHi THI\n"
      "\n"
      "Vé viéc xay dung ké hoach phat trién kinh té - x4 hoi 5 nam 2021 - 2025\n"
      "\n"
      "Thuc hién Nghi quyét Dai hoi tinh Dang b6 lan thir XII, trong thdi gian qua cac nganh, "
      "cac cap da n6 luc vuot qua kho khan, thach thirc.\n"
      "\n"
      "1. Cac s6, nganh tinh chu tri xay dung ké hoach phat trién nganh, linh vuc nam 2021.\n"
      "\n"
      "2. Uy ban nhan dan cac huyén t6 chirc danh gia tinh hinh thuc hién ké hoach.\n",
      "scan.txt");
  REQUIRE(!result.documents.empty());
  const auto& model = result.documents[0];
  CHECK(model.document.kind == "directive");
  CHECK(model.tasks.size() == 2);
}
