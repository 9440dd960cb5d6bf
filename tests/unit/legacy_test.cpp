// Legacy encodings in the read stage: the tables of grammars/encodings/ against
// glibc's independent converters (iconv: TCVN5712-1, VISCII, CP1258), TCVN3's
// capitals, VNI's marks, NFD, detection on weak or ambiguous evidence.
#include <iconv.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "../support/fixtures.hpp"

namespace {

const vnplan::LegacyEncodings& tables() {
  static auto loaded = vnplan::LegacyEncodings::load(vnplan::test::source_dir() + "/grammars");
  return *loaded;
}

vnplan::ReadResult read(const std::string& bytes, const std::string& path = "plan.txt") {
  return vnplan::check_source(path, bytes, &tables());
}

// glibc's converter: an implementation the tables were not made from at run time.
std::string iconv_to(const char* encoding, const std::string& utf8) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no iconv converter");
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv failed");
  out.resize(out.size() - out_left);
  return out;
}

const std::string kLower =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
const std::string kUpper =
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

// A plan paragraph long enough to weigh (the Unicode original of the fixtures'
// kind of text, typed here).
const std::string kParagraph =
    "Cộng hoà xã hội chủ nghĩa Việt Nam\n"
    "Kế hoạch thực hiện Nghị quyết số 57 về đột phá phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số quốc gia.\n"
    "Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành, địa phương "
    "triển khai thực hiện; hoàn thành trong tháng 12 năm 2025.\n"
    "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40% tổng số doanh nghiệp.\n";

}  // namespace

TEST_CASE("legacy tables: every Vietnamese letter goes there and back", "[read][legacy]") {
  for (const char* name : {"vni-windows", "viscii"}) {
    INFO(name);
    std::string both = kLower + kUpper;
    std::string bytes = tables().encode(name, both);
    CHECK(tables().decode(name, bytes) == both);
  }
  // TCVN3 writes the capitals it lacks with lower-case bytes; in one capital
  // word they come back as capitals.
  std::string tcvn3 = tables().encode("tcvn3", kLower);
  CHECK(tcvn3.size() == 73);  // one byte a letter: 67 accented or đ, 6 plain vowels
  CHECK(tables().decode("tcvn3", tcvn3) == kLower);
  CHECK(tables().encode("tcvn3", "KẾ HOẠCH") == tables().encode("tcvn3", "Kế HOạCH"));
}

TEST_CASE("legacy tables agree with glibc's converters", "[read][legacy]") {
  // TCVN3 is the VN3 subset of TCVN 5712 (glibc's TCVN5712-1): lower case.
  std::string lower_text = "cộng hoà xã hội chủ nghĩa việt nam " + kLower;
  CHECK(tables().decode("tcvn3", iconv_to("TCVN5712-1", lower_text)) == lower_text);
  CHECK(tables().encode("tcvn3", lower_text) == iconv_to("TCVN5712-1", lower_text));
  std::string both = kLower + kUpper;
  CHECK(tables().decode("viscii", iconv_to("VISCII", both)) == both);
  // Windows-1258 writes tone marks as combining characters; ICU decodes, NFC composes.
  std::string cp1258 = iconv_to("CP1258", kParagraph);
  CHECK(cp1258.find('\xEC') != std::string::npos);  // a combining acute
  CHECK(tables().decode("windows-1258", cp1258) == kParagraph);
}

TEST_CASE("TCVN3: capitals come back from the words around them", "[read][legacy]") {
  auto tcvn3 = [](const std::string& bytes) { return tables().decode("tcvn3", bytes); };
  CHECK(tcvn3("K\xD5 HO\xB9"
              "CH") == "KẾ HOẠCH");
  CHECK(tcvn3("K\xD5 ho\xB9"
              "ch th\xF9"
              "c hi\xD6n") == "Kế hoạch thực hiện");
  CHECK(tcvn3("C\xE9ng ho\xB5 x\xB7 h\xE9i") == "Cộng hoà xã hội");
  CHECK(tcvn3("\xA7\xB6NG C\xE9NG S\xB6N VI\xD6T NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM");
  // An acronym beside a word with one capital does not make it capitals.
  CHECK(tcvn3("- S\xEB KH&CN ch\xF1 tr\xD7") == "- Sở KH&CN chủ trì");
  // A sentence's first letter is a capital; inside a sentence it is not known.
  CHECK(tcvn3("\xF1y ban nh\xA9n d\xA9n t\xD8nh") == "Ủy ban nhân dân tỉnh");
  CHECK(tcvn3("a) \xF8ng d\xF4ng") == "a) Ứng dụng");
  CHECK(tcvn3("d\xC9n c\xF1"
              "a \xF8ng d\xF4ng") == "dẫn của ứng dụng");
  // ... but names that official writing always capitalises (encodings/
  // capitals.tsv) get it back there too; "Đảng ủy Ban ..." is no such name.
  CHECK(tcvn3("c\xF1"
              "a \xF1y ban") == "của Ủy ban");
  CHECK(tcvn3("\xA7\xB6ng \xF1y Ban Qu\xB6n l\xFD") == "Đảng ủy Ban Quản lý");
  CHECK(tcvn3("\xA7\xABng Nam \xB8") == "Đông Nam Á");
  // A line that wraps a sentence does not start one; a cell and an
  // enumeration inside a line do.
  CHECK(tcvn3("Ph\xE8i h\xEEp v\xEDi \xA7\xB6ng\n\xF1y vi\xAAn") == "Phối hợp với Đảng\nủy viên");
  CHECK(tcvn3("| 1 | \xDDt nh\xCAt |") == "| 1 | Ít nhất |");
  // A short line (a heading) ends what came before, a line run to the wrap
  // width does not.
  const std::string kWrapped =
      "Kế hoạch này được xây dựng để triển khai thực hiện Nghị quyết trong toàn tỉnh và\n"
      "1. Mục tiêu\nứng dụng công nghệ số trong quản lý.";
  CHECK(tcvn3(tables().encode("tcvn3", kWrapped)) ==
        "Kế hoạch này được xây dựng để triển khai thực hiện Nghị quyết trong toàn tỉnh và\n"
        "1. Mục tiêu\nỨng dụng công nghệ số trong quản lý.");
  CHECK(tcvn3("g\xE5m: (5) \xF8ng d\xF4ng") == "gồm: (5) Ứng dụng");
  // The look-alike of the same bytes (read as Windows-1252, saved as UTF-8).
  CHECK(tables().decode("tcvn3", "KÕ HO¹CH", true) == "KẾ HOẠCH");
}

TEST_CASE("VNI: a base letter and its mark bytes", "[read][legacy]") {
  auto vni = [](const std::string& bytes, bool look_alike) {
    return tables().decode("vni-windows", bytes, look_alike);
  };
  CHECK(vni("KEÁ HOAÏCH", true) == "KẾ HOẠCH");
  CHECK(vni("K\x45\xC1 HOA\xCF"
            "CH",
            false) == "KẾ HOẠCH");
  CHECK(vni("Thöïc hieän Nghò quyeát", true) == "Thực hiện Nghị quyết");
  CHECK(vni("ÑAÛNG", true) == "ĐẢNG");
}

TEST_CASE("read: raw 8-bit legacy text is converted, with evidence and anchors", "[read][legacy]") {
  struct Case {
    const char* encoding;
    std::string bytes;
  };
  std::string text = kParagraph + kParagraph;
  for (const Case& c : {Case{"tcvn3", tables().encode("tcvn3", text)},
                        Case{"vni-windows", tables().encode("vni-windows", text)},
                        Case{"viscii", tables().encode("viscii", text)},
                        Case{"windows-1258", iconv_to("CP1258", text)}}) {
    INFO(c.encoding);
    auto result = read(c.bytes);
    REQUIRE(result.ok());
    const vnplan::SourceFile& file = *result.file;
    CHECK(file.encoding == c.encoding);
    CHECK(file.is_converted());
    CHECK(file.file_bytes == c.bytes.size());
    CHECK(file.sha256 == vnplan::sha256_hex(c.bytes));
    if (std::string(c.encoding) != "tcvn3") CHECK(file.bytes == text);
    REQUIRE(file.notes.size() == 1);
    CHECK(file.notes[0].code == "read.legacy_encoding");
    CHECK(file.notes[0].message.find(c.encoding) != std::string::npos);
    CHECK(file.notes[0].message.find("words with 8-bit letters") != std::string::npos);
    // One anchor a line, giving the file's line.
    REQUIRE(file.anchors.size() == 8);  // 8 lines, each ending in a line break
    CHECK(file.anchors[1].line == 2);
    CHECK(file.bytes.compare(file.anchors[1].at, 4, "Kế") == 0);
  }
}

TEST_CASE("read: a Windows-1252 look-alike of TCVN3 is converted", "[read][legacy]") {
  auto result = read(
      "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
      "KÕ HO¹CH\nThùc hiÖn NghÞ quyÕt sè 57 vÒ ®ét ph¸ ph¸t triÓn khoa häc, "
      "c«ng nghÖ, ®æi míi s¸ng t¹o vµ chuyÓn ®æi sè\n");
  REQUIRE(result.ok());
  CHECK(result.file->encoding == "tcvn3");
  CHECK(result.file->bytes ==
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nKẾ HOẠCH\nThực hiện Nghị quyết số 57 về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\n");
}

TEST_CASE("read: short or ambiguous legacy text is not converted", "[read][legacy]") {
  // Two words: too few to tell; the look-alike stays as it is, with a warning.
  auto few = read("Ghi chú: Céng hoµ\n");
  REQUIRE(few.ok());
  CHECK(few.file->encoding == "utf-8");
  CHECK(few.file->bytes == "Ghi chú: Céng hoµ\n");
  REQUIRE(few.file->notes.size() == 1);
  CHECK(few.file->notes[0].severity == vnplan::Severity::warning);
  CHECK(few.file->notes[0].message.find("tcvn3") != std::string::npos);
  // Raw bytes that fit nothing well stay refused, naming the candidates.
  auto raw = read(
      "K\xD5 ho\xB9"
      "ch\n");
  REQUIRE_FALSE(raw.ok());
  CHECK(raw.error->message.find("invalid UTF-8") != std::string::npos);
  CHECK(raw.error->message.find("tcvn3") != std::string::npos);
  CHECK(raw.error->line == 1u);
}

TEST_CASE("read: binary garbage is still refused", "[read][legacy]") {
  std::string garbage;
  for (int i = 0; i < 4000; ++i) garbage += static_cast<char>(0x80 + (i * 37) % 128);
  auto result = read(garbage);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->message.find("invalid UTF-8") != std::string::npos);
  auto nul =
      read(std::string("K\xD5 ho\xB9"
                       "ch\0x",
                       10));
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.error->message.find("NUL") != std::string::npos);
}

TEST_CASE("read: NFD text is found and left to normalise", "[read][legacy]") {
  std::string nfd =
      "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3"
      "ch\n";  // Kế hoạch, decomposed
  auto result = read(nfd);
  REQUIRE(result.ok());
  CHECK(result.file->encoding == "utf-8 (NFD)");
  CHECK_FALSE(result.file->is_converted());
  CHECK(result.file->bytes == nfd);  // spans count bytes of the file itself
  REQUIRE(result.file->notes.size() == 1);
  CHECK(result.file->notes[0].code == "read.nfd");
  CHECK(vnplan::test::engine().normalise(*result.file).joined().find("Kế hoạch") !=
        std::string::npos);
}

TEST_CASE("read: clean Vietnamese UTF-8 stays as it is", "[read][legacy]") {
  auto result = read(kParagraph);
  REQUIRE(result.ok());
  CHECK(result.file->encoding == "utf-8");
  CHECK(result.file->notes.empty());
  // Latin-1 punctuation in clean text is no evidence of anything.
  auto symbols = read("Điều 5 § 2: giá 10 ¢, nhiệt độ 30 °C\n");
  REQUIRE(symbols.ok());
  CHECK(symbols.file->encoding == "utf-8");
  CHECK(symbols.file->notes.empty());
}

TEST_CASE("syllable shapes", "[read][legacy]") {
  for (const char* word : {"nghiêng", "Quốc", "giữa", "KHUỶU", "hoạch", "xoong"})
    CHECK(tables().is_syllable(word));
  // A stop with a grave tone, Latin-1 look-alikes, an acronym, two tones.
  for (const char* word : {"hòc", "hoµ", "tØnh", "UBND", "kế\xCC\x81"})
    CHECK_FALSE(tables().is_syllable(word));
}

TEST_CASE("legacy tables: bad files are errors naming file and line", "[read][legacy]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "vnplan-legacy-grammar";
  const std::string source = vnplan::test::source_dir() + "/grammars/encodings";
  // Each case: a good copy of the grammar, one bad line added to one file.
  auto error_for = [&](const std::string& file, const std::string& line) {
    fs::remove_all(dir);
    fs::create_directories(dir / "encodings");
    fs::copy(source, dir / "encodings",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::ofstream(dir / "encodings" / file, std::ios::app) << line;
    try {
      vnplan::LegacyEncodings::load(dir.string());
    } catch (const vnplan::GrammarError& error) {
      CHECK(error.file().find(file) != std::string::npos);
      CHECK(error.line() > 0);
      return std::string(error.what());
    }
    FAIL("loaded a bad " + file);
    return std::string();
  };
  CHECK(error_for("vni.tsv", "ZZ\tx\n").find("hex") != std::string::npos);
  CHECK(error_for("capitals.tsv", "name\tủy ban\n").find("capital") != std::string::npos);
  fs::remove_all(dir);
}
