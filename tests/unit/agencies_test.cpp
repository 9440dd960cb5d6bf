// The agency registry and its readers (grammars/agencies/). Expectations are
// written by hand from the genre and the corpora, not generated from the code.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "fixtures.hpp"
#include "vnplan/extract.hpp"

namespace {

const vnplan::AgencyRegistry& registry() {
  static vnplan::Folder folder(*vnplan::test::grammar());
  static vnplan::AgencyRegistry instance(*vnplan::test::grammar(), folder);
  return instance;
}

std::vector<std::string> texts(const std::vector<vnplan::AgencyName>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) out.push_back(name.text);
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("one agency written differently resolves to one id", "[agencies]") {
  const std::pair<const char*, const char*> same[] = {
      {"UBND tỉnh", "Ủy ban nhân dân tỉnh"},
      {"Uỷ ban nhân dân Tỉnh", "Ủy ban nhân dân tỉnh"},
      {"HĐND tỉnh", "Hội đồng nhân dân tỉnh"},
      {"Sở KH&CN", "Sở Khoa học và Công nghệ"},
      {"Sở KHCN", "Sở Khoa học và Công nghệ"},
      {"Sở KH-CN", "Sở Khoa học và Công nghệ"},
      {"Sở Khoa học và Công nghệ tỉnh", "Sở Khoa học và Công nghệ"},
      {"VPUBND tỉnh", "Văn phòng UBND tỉnh"},
      {"Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"},
      {"MTTQ", "Mặt trận Tổ quốc Việt Nam"},
      {"Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"},
      {"BCĐ tỉnh", "Ban Chỉ đạo tỉnh"},
      {"Ban Chi đạo tỉnh", "Ban Chỉ đạo tỉnh"},
      {"Ban Chỉ đạo cấp tỉnh", "Ban Chỉ đạo tỉnh"},
      {"Đảng ủy UBND tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"},
      {"Đảng uỷ Uỷ ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"},
      {"Đảng ủy Văn phòng UBND tỉnh", "Đảng ủy Văn phòng Ủy ban nhân dân tỉnh"},
      {"Sở Công thương", "Sở Công Thương"},
      {"Đảng ủy Sở Công thương", "Đảng ủy Sở Công Thương"},
      {"Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"},
      {"Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"},
      {"Sở TT&TT", "Sở Thông tin và Truyền thông"},
      {"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"},
      {"Sở GD&ĐT", "Sở Giáo dục và Đào tạo"},
      {"Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"},
      {"Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"},
      {"Sở TN&MT", "Sở Tài nguyên và Môi trường"},
      {"các sở, ban, ngành", "Các sở ban ngành"},
      {"các sở, ngành có liên quan", "các sở, ban, ngành"},
      {"Các sở, ban, ngành tỉnh", "các sở, ban, ngành"},
      {"các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị có liên quan"},
      {"Văn phòng Tỉnh ủy (Cơ quan thường trực Ban Chỉ đạo tỉnh)", "Văn phòng Tỉnh ủy"},
      {"BQL các KCN", "Ban Quản lý các khu công nghiệp"},
      {"Tỉnh đoàn", "Đoàn TNCS Hồ Chí Minh tỉnh"},
      {"Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"},
      {"Ủy ban kiểm tra Đảng ủy UBND tỉnh", "Ủy ban Kiểm tra Đảng ủy Ủy ban nhân dân tỉnh"},
      {"Ngân hàng Nhà nước", "Ngân hàng Nhà nước Việt Nam"},
  };
  for (const auto& [a, b] : same) {
    INFO(a << " / " << b);
    auto x = registry().resolve(a);
    auto y = registry().resolve(b);
    CHECK(x.kind != "unknown");
    CHECK(x.id == y.id);
  }
}

TEST_CASE("different agencies keep different ids", "[agencies]") {
  auto id = [](const char* name) { return registry().resolve(name).id; };
  CHECK(id("Ủy ban nhân dân tỉnh") != id("Ủy ban nhân dân huyện"));
  CHECK(id("Sở Khoa học và Công nghệ") != id("Bộ Khoa học và Công nghệ"));
  CHECK(id("Đảng ủy Sở Tài chính") != id("Sở Tài chính"));
  CHECK(id("Ban Chỉ đạo Trung ương") != id("Ban Chỉ đạo tỉnh"));
  CHECK(id("các cấp") != id("các ngành"));
  CHECK(id("Ngân hàng Nhà nước chi nhánh tỉnh") != id("Ngân hàng Nhà nước"));
}

// A city run by the centre is a province; another city is a district town.
TEST_CASE("the people's committee of Hà Nội is a province's", "[agencies]") {
  auto id = [](const char* name) { return registry().resolve(name).id; };
  CHECK(id("Ủy ban nhân dân thành phố Hà Nội") == "ubnd-tinh");
  CHECK(id("UBND TP Hà Nội") == "ubnd-tinh");
  CHECK(id("UBND Thành phố Hồ Chí Minh") == "ubnd-tinh");
  CHECK(id("HĐND thành phố Đà Nẵng") == "hdnd-tinh");
  CHECK(id("Ủy ban nhân dân thành phố Yên Bái") == "ubnd-huyen");
}

TEST_CASE("the Government's groups of ministries and provinces", "[agencies]") {
  auto id = [](const char* name) { return registry().resolve(name).id; };
  CHECK(id("Bộ, ngành") == "cac-bo-nganh-tw");
  CHECK(id("Bộ, ngành, địa phương") == "cac-bo-nganh-dia-phuong");
  CHECK(id("các bộ, ngành và địa phương") == "cac-bo-nganh-dia-phuong");
  CHECK(id("Các tỉnh, thành phố trực thuộc TW") == "cac-tinh-thanh-pho");
  CHECK(id("các thành phố trực thuộc Trung ương") == "cac-thanh-pho-truc-thuoc-tw");
  CHECK(id("UBND các tỉnh, thành phố trực thuộc trung ương") == "ubnd-cac-tinh");
  CHECK(registry().resolve("Ủy ban nhân dân các tỉnh").level ==
        std::optional<std::string>("central"));
}

TEST_CASE("kinds, levels, parents and successors", "[agencies]") {
  auto ubnd = registry().resolve("UBND tỉnh");
  CHECK(ubnd.kind == "state");
  CHECK(ubnd.level == std::optional<std::string>("province"));
  CHECK(registry().resolve("Tỉnh ủy").kind == "party_committee");
  CHECK(registry().resolve("Ban Tổ chức Tỉnh ủy").kind == "party");
  CHECK(registry().resolve("Hội Nông dân tỉnh").kind == "mass_organisation");
  CHECK(registry().resolve("VNPT").kind == "enterprise");
  CHECK(registry().resolve("các sở, ban, ngành, địa phương").kind == "group");
  CHECK(registry().resolve("Bộ Chính trị").level == std::optional<std::string>("central"));
  CHECK(registry().resolve("Ủy ban nhân dân xã").level == std::optional<std::string>("commune"));

  auto committee = registry().resolve("Đảng ủy Sở Tài chính");
  auto finance = registry().resolve("Sở Tài chính");
  CHECK(committee.kind == "party_committee");
  CHECK(committee.parent == std::optional<std::string>(finance.id));
  CHECK(committee.level == finance.level);
  REQUIRE(registry().find(committee.id));
  CHECK(registry().find(committee.id)->name == "Đảng ủy Sở Tài chính");

  auto khcn = registry().resolve("Sở Khoa học và Công nghệ");
  CHECK(registry().resolve("Sở Thông tin và Truyền thông").successor ==
        std::optional<std::string>(khcn.id));
  CHECK(registry().resolve("Sở Kế hoạch và Đầu tư").successor ==
        std::optional<std::string>(finance.id));
  CHECK(registry().resolve("Sở Lao động - Thương binh và Xã hội").successor ==
        std::optional<std::string>(registry().resolve("Sở Nội vụ").id));
  CHECK(registry().resolve("Sở Giao thông vận tải").successor ==
        std::optional<std::string>(registry().resolve("Sở Xây dựng").id));
  auto nnmt = registry().resolve("Sở Nông nghiệp và Môi trường").id;
  CHECK(registry().resolve("Sở Tài nguyên và Môi trường").successor ==
        std::optional<std::string>(nnmt));
  CHECK(registry().resolve("Sở NN&PTNT").successor == std::optional<std::string>(nnmt));
  auto tgdv = registry().resolve("Ban Tuyên giáo và Dân vận Tỉnh ủy").id;
  CHECK(registry().resolve("Ban Tuyên giáo Tỉnh ủy").successor == std::optional<std::string>(tgdv));
  CHECK(registry().resolve("Ban Dân vận Tỉnh ủy").successor == std::optional<std::string>(tgdv));
  CHECK_FALSE(registry().resolve("Sở Văn hóa, Thể thao và Du lịch").successor);
  // the party committee of a merged department follows it
  CHECK(registry().resolve("Đảng ủy Sở Thông tin và Truyền thông").successor ==
        std::optional<std::string>(registry().resolve("Đảng ủy Sở KH&CN").id));

  auto chair = registry().resolve("Chủ tịch Ủy ban nhân dân tỉnh");
  CHECK(chair.kind == "person");
  CHECK(chair.parent == std::optional<std::string>(ubnd.id));
  CHECK(registry().resolve("Giám đốc Sở Tài chính").kind == "person");
  CHECK(registry().resolve("Trưởng Ban Chỉ đạo").kind == "person");
  CHECK(registry().find("no-such-id") == nullptr);
}

TEST_CASE("unknown names are kept with a stable id", "[agencies]") {
  auto a = registry().resolve("Hợp tác xã Bình Minh");
  auto b = registry().resolve("hợp tác xã bình minh");
  auto c = registry().resolve("Hop tac xa Binh Minh");
  CHECK(a.kind == "unknown");
  CHECK(a.id == "x-hop-tac-xa-binh-minh");
  CHECK(a.id == b.id);
  CHECK(a.id == c.id);
  CHECK(a.name == "Hợp tác xã Bình Minh");
}

// "Các Bộ: Quốc phòng, Xây dựng, …": the head said once before a colon goes
// with each name after it, up to a ";"; a "và" inside a name stays in it.
TEST_CASE("split_list reads a head said once for a list of names", "[agencies]") {
  auto ids = [](const char* phrase) {
    std::vector<std::string> out;
    for (const auto& name : registry().split_list(phrase)) out.push_back(name.info.id);
    return out;
  };
  auto written = [](const char* phrase) { return texts(registry().split_list(phrase)); };
  const char* ministries =
      "Các Bộ: Quốc phòng, Xây dựng, Tài nguyên và Môi trường, Nông nghiệp và PTNT và các "
      "đơn vị liên quan";
  CHECK(ids(ministries) == std::vector<std::string>{"bo-quoc-phong", "bo-xay-dung", "bo-tn-mt",
                                                    "bo-nn-ptnt", "cac-co-quan-don-vi"});
  CHECK(written(ministries)[2] == "Tài nguyên và Môi trường");
  CHECK(ids("các sở: Tài chính, Nội vụ; Công an tỉnh") ==
        std::vector<std::string>{"so-tai-chinh", "so-noi-vu", "cong-an-tinh"});
}

TEST_CASE("split_list keeps commas inside names and groups", "[agencies]") {
  auto split = [](const char* phrase) { return texts(registry().split_list(phrase)); };
  CHECK(split("Sở Tài chính, Sở Khoa học và Công nghệ và các sở, ngành có liên quan") ==
        Texts{"Sở Tài chính", "Sở Khoa học và Công nghệ", "các sở, ngành có liên quan"});
  CHECK(split("các sở, ban, ngành, địa phương") == Texts{"các sở, ban, ngành, địa phương"});
  CHECK(split("Sở Văn hóa, Thể thao và Du lịch; Sở Y tế.") ==
        Texts{"Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"});
  CHECK(split("Đảng ủy Sở Khoa học và Công nghệ, các cấp ủy, tổ chức đảng trực thuộc") ==
        Texts{"Đảng ủy Sở Khoa học và Công nghệ", "các cấp ủy, tổ chức đảng trực thuộc"});
  CHECK(split("Ủy ban nhân dân các huyện, thành phố, thị xã") ==
        Texts{"Ủy ban nhân dân các huyện, thành phố, thị xã"});
  CHECK(split("Các huyện, thị, thành ủy") == Texts{"Các huyện, thị, thành ủy"});
  CHECK(split("Ban Tổ chức Tỉnh ủy, các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy; các "
              "ban, sở, ngành, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh") ==
        Texts{"Ban Tổ chức Tỉnh ủy", "các huyện, thị, thành ủy", "đảng ủy trực thuộc Tỉnh ủy",
              "các ban, sở, ngành", "Mặt trận Tổ quốc Việt Nam",
              "các tổ chức chính trị - xã hội tỉnh"});
  CHECK(split("Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, đơn vị, địa phương "
              "liên quan.") ==
        Texts{"Sở Khoa học và Công nghệ", "các cơ quan, đơn vị, địa phương liên quan"});
  CHECK(split("Văn phòng Tỉnh ủy (Cơ quan thường trực Ban Chỉ đạo tỉnh) chủ trì, phối hợp với Sở "
              "Khoa học và Công nghệ và các cơ quan, đơn vị liên quan.") ==
        Texts{"Văn phòng Tỉnh ủy", "Sở Khoa học và Công nghệ", "các cơ quan, đơn vị liên quan"});
  CHECK(split("Cơ quan phối hợp: Đảng ủy Công an tỉnh, Đảng ủy Sở Nội vụ, Đảng ủy Văn phòng UBND "
              "tỉnh.") ==
        Texts{"Đảng ủy Công an tỉnh", "Đảng ủy Sở Nội vụ", "Đảng ủy Văn phòng UBND tỉnh"});
  CHECK(split("phối hợp với các cơ quan liên quan") == Texts{"các cơ quan liên quan"});

  auto names = registry().split_list("Sở Tài chính, Sở KH&CN");
  REQUIRE(names.size() == 2);
  CHECK(names[1].begin == std::string("Sở Tài chính, ").size());
  CHECK(names[1].end == std::string("Sở Tài chính, Sở KH&CN").size());
  CHECK(names[1].info.id == registry().resolve("Sở Khoa học và Công nghệ").id);
  for (const auto& name : registry().split_list(
           "Sở Tài chính, Sở Khoa học và Công nghệ và các sở, ngành có liên quan"))
    CHECK(name.known());
}

TEST_CASE("subject: the agencies that open a sentence", "[agencies]") {
  auto subject = [](const char* sentence) { return texts(registry().subject(sentence)); };
  CHECK(subject("Đảng ủy Ủy ban nhân dân tỉnh tham mưu xây dựng Kế hoạch hành động.") ==
        Texts{"Đảng ủy Ủy ban nhân dân tỉnh"});
  CHECK(subject("Các huyện, thị, thành ủy cập nhật, bổ sung chương trình.") ==
        Texts{"Các huyện, thị, thành ủy"});
  CHECK(subject("Sở Khoa học và Công nghệ là cơ quan đầu mối theo dõi.") ==
        Texts{"Sở Khoa học và Công nghệ"});
  CHECK(subject("Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành tỉnh, địa phương.") ==
        Texts{"Sở Tài chính"});
  CHECK(subject("Ban Tổ chức Tỉnh ủy tham mưu, đề xuất những giải pháp.") ==
        Texts{"Ban Tổ chức Tỉnh ủy"});
  CHECK(subject("Văn phòng UBND tỉnh theo dõi, đôn đốc.") == Texts{"Văn phòng UBND tỉnh"});
  CHECK(subject("Các cơ quan báo chí trên địa bàn tỉnh tăng cường tuyên truyền.") ==
        Texts{"Các cơ quan báo chí trên địa bàn tỉnh"});
  CHECK(subject("Chính quyền các cấp sẵn sàng hỗ trợ doanh nghiệp.") ==
        Texts{"Chính quyền các cấp"});
  CHECK(subject("Các thành viên Hội đồng Tư vấn tỉnh có trách nhiệm tham gia.") ==
        Texts{"Các thành viên Hội đồng Tư vấn tỉnh"});
  CHECK(subject("Tổ Giúp việc có trách nhiệm hỗ trợ Cơ quan Thường trực.") ==
        Texts{"Tổ Giúp việc"});
  CHECK(subject("Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành "
                "phố, thị xã chịu trách nhiệm.") ==
        Texts{"Thủ trưởng các sở, ban, ngành tỉnh",
              "Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã"});
  CHECK(subject("Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố, thị xã; các cơ "
                "quan, đơn vị căn cứ chức năng, nhiệm vụ.") ==
        Texts{"Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố, thị xã",
              "các cơ quan, đơn vị"});
  CHECK(subject("Văn phòng Tỉnh ủy (Cơ quan thường trực Ban Chỉ đạo tỉnh) chủ trì.") ==
        Texts{"Văn phòng Tỉnh ủy"});
  CHECK(subject("Hàng năm, các cấp, các ngành xây dựng kế hoạch.") ==
        Texts{"các cấp", "các ngành"});
  CHECK(subject("Hằng năm, Ban Chỉ đạo tỉnh tổ chức kiểm tra.") == Texts{"Ban Chỉ đạo tỉnh"});

  CHECK(subject("Xây dựng chuyên mục về khoa học, công nghệ.").empty());
  CHECK(subject("Phối hợp với các cơ quan Đảng, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.").empty());
  CHECK(subject("Tổ chức triển khai tuyên truyền thường xuyên.").empty());
  CHECK(subject("Ban hành kế hoạch thực hiện.").empty());
  CHECK(subject("Sở Khoa học và Công nghệ:").empty());
  CHECK(subject("").empty());
}

TEST_CASE("find_all: agencies named anywhere", "[agencies]") {
  std::string text =
      "Giao Sở Tài chính bố trí kinh phí; UBND tỉnh chỉ đạo Sở KH&CN báo cáo Bộ Khoa học và "
      "Công nghệ.";
  auto found = registry().find_all(text);
  CHECK(texts(found) == Texts{"Sở Tài chính", "UBND tỉnh", "Sở KH&CN", "Bộ Khoa học và Công nghệ"});
  for (const auto& name : found) CHECK(text.substr(name.begin, name.end - name.begin) == name.text);
}

TEST_CASE("every agency named in the answer keys is known", "[agencies]") {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  fs::path keys = vnplan::test::source_dir() + "/tests/corpus/expected-part2";
  for (const auto& file : fs::directory_iterator(keys)) {
    std::string path = file.path().string();
    if (file.path().extension() != ".json") continue;
    auto json = nlohmann::json::parse(vnplan::test::read_file(path));
    if (path.size() > 11 && path.substr(path.size() - 11) == ".tasks.json") {
      for (const auto& document : json["documents"])
        for (const auto& task : document["tasks"])
          for (const char* field : {"lead", "support", "directing"})
            for (const auto& name : task[field]) names.push_back(name.get<std::string>());
    }
    if (path.find("yen-bai") != std::string::npos && json.contains("targets")) {
      for (const char* list : {"targets", "goals"}) {
        if (!json.contains(list)) continue;
        for (const auto& item : json[list]) {
          if (!item.contains("agencies_text") || !item["agencies_text"].is_string()) continue;
          std::string text = item["agencies_text"];
          std::size_t start = 0;
          while (start <= text.size()) {
            std::size_t bar = text.find(" | ", start);
            if (bar == std::string::npos) bar = text.size();
            auto parts = registry().split_list(text.substr(start, bar - start));
            CHECK_FALSE(parts.empty());
            for (const auto& part : parts) names.push_back(part.text);
            start = bar + 3;
          }
        }
      }
    }
  }
  REQUIRE(names.size() > 400);
  std::set<std::string> unknown;
  for (const auto& name : names)
    if (registry().resolve(name).kind == "unknown") unknown.insert(name);
  for (const auto& name : unknown) UNSCOPED_INFO("unknown: " << name);
  CHECK(unknown.empty());
}

TEST_CASE("OCR text: one misread word of a long name still names it", "[agencies]") {
  using vnplan::Spelling;
  auto ids = [](const char* phrase, Spelling spelling) {
    std::vector<std::string> out;
    for (const auto& name : registry().split_list(phrase, spelling)) out.push_back(name.info.id);
    return out;
  };
  using Ids = std::vector<std::string>;
  // "trudng" for trường, "sv" for sự: one edit, inside a name of several words.
  CHECK(ids("Sở Tài nguyên và Môi trudng", Spelling::ocr) == Ids{"so-tn-mt"});
  CHECK(ids("Công an tỉnh, Bộ Chỉ huy Quân sv tỉnh", Spelling::ocr) ==
        Ids{"cong-an-tinh", "bchqs-tinh"});
  // Clean text is read as written.
  CHECK(ids("Sở Tài nguyên và Môi trudng", Spelling::exact) != Ids{"so-tn-mt"});
  // A word that names spell as it is, or one after a comma, is no misreading.
  CHECK(
      registry().split_list("Mặt trận Tổ quốc Việt Nam, định kỳ", Spelling::ocr).front().info.id ==
      "mttq");
  // After a comma too, when the name goes on: "tham mưu, giữ việc" (giúp việc).
  CHECK(ids("các cơ quan chuyên trách tham mưu, giữ việc Đảng ủy UBND tỉnh", Spelling::ocr) ==
        Ids{"tham-muu:dang-uy:ubnd-tinh"});
  // Right after a head, the name's first word may be the misread one.
  CHECK(ids("Đảng ủy Sé Văn hóa và Thể thao", Spelling::ocr) == Ids{"dang-uy:so-vh-tt"});
  // "S¢6" folds to "sco", one edit from both "so" and "co": each is tried, and
  // only "Sở Tài chính" goes on.
  CHECK(ids("Đảng ủy S¢6 Tài chính", Spelling::ocr) == Ids{"dang-uy:so-tai-chinh"});
  // A word some name spells ("sở", "ty" of công ty) may be the misread one
  // only inside a name of five words or more.
  CHECK(ids("Công an tỉnh, Bộ Chỉ huy Quân sở tỉnh", Spelling::ocr) ==
        Ids{"cong-an-tinh", "bchqs-tinh"});
  CHECK(ids("Các huyện, thị, thành ty", Spelling::ocr) == Ids{"cac-huyen-thi-thanh-uy"});
  CHECK(ids("Sở Văn hóa và Thể số", Spelling::ocr) != Ids{"so-vh-tt"});
  CHECK(ids("Ủy ban nhân dân xã", Spelling::ocr) == Ids{"ubnd-xa"});
  // A word two edits away ("héda" for hóa) only deep inside a name of five
  // words or more, and only a word of four letters or more.
  CHECK(ids("Đảng ủy Sở Văn héda và Thể thao", Spelling::ocr) == Ids{"dang-uy:so-vh-tt"});
  CHECK(ids("Sở Văn héda", Spelling::ocr).front().rfind("x-", 0) == 0);
  CHECK(ids("Sở Văn hóa và Thể tt", Spelling::ocr) != Ids{"so-vh-tt"});
  // A word with no vowel is no syllable: there three edits ("chttrc" for chức).
  CHECK(ids("Các cấp ủy, tổ chttrc đảng trực thuộc", Spelling::ocr) == Ids{"cap-uy-to-chuc-dang"});
  CHECK(ids("Sở Văn hóa và Thể thttrc", Spelling::ocr) != Ids{"so-vh-tt"});
  // Two misread words are too many; the first word is never guessed alone.
  CHECK(ids("Sở Tài ngvyên và Môi trudng", Spelling::ocr) != Ids{"so-tn-mt"});
  CHECK(ids("Sa Tài nguyên và Môi trường", Spelling::ocr) != Ids{"so-tn-mt"});
}
