// Format invariance: one plan as typed text, HTML, DOCX and PDF gives the same
// targets and tasks (F1 >= 0.95 between any two forms) and, from DOCX, whose
// list numbers are Word's automatic numbering, the same section tree.
//
// The HTML, DOCX and PDF files are made from the corpora by real converters
// (pandoc, LibreOffice) with tools/make-format-fixtures.sh; a document made
// from an excerpt is compared with that excerpt (<name>.excerpt.<ext>).
//
// Items are compared as multisets of keys (tools/eval/plan_items.hpp, shared
// with the restoration evaluation vnplan-eval): per document of the result,
//   target: folded indicator, value, value_max, comparator, unit, year;
//   task:   the first 40 bytes of the folded text, the lead agency ids.
// F1 of two forms = 2 * keys in common / (keys of one + keys of the other).
// Run alone and see the table: ./tests/vnplan_tests "[formats]"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <vector>

#include "../support/fixtures.hpp"
#include "plan_items.hpp"
#include "vnplan/text.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double kMinF1 = 0.95;

const char* const kDocuments[][2] = {
    {"vinh-long-btv-tinh-uy-ke-hoach-57", ".md"},
    {"yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU", ".md"},
    {"tien-giang-69-KH-UBND", ".txt"},
    {"an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU", ".txt"},
};

const char* const kRenderedForms[] = {"html", "docx", "pdf"};

const vnplan::Folder& folder() {
  static vnplan::Folder instance(*vnplan::test::grammar());
  return instance;
}

// number/level of every section, document by document.
std::vector<std::string> section_tree(const vnplan::ParseResult& result) {
  std::vector<std::string> tree;
  for (std::size_t d = 0; d < result.documents.size(); ++d)
    for (const auto& section : result.documents[d].sections)
      tree.push_back("doc" + std::to_string(d) + " " + std::string(section.level, ' ') +
                     section.number);
  return tree;
}

struct Form {
  std::string name;  // md, txt, html, docx, pdf
  std::string path;
  std::optional<vnplan::ParseResult> result;
  std::string error;  // why there is no result
  vnplan::eval::PlanItems items;
};

Form parse_form(const std::string& name, const std::string& path) {
  Form form{name, path, std::nullopt, {}, {}};
  if (!fs::exists(path)) {
    form.error = path + ": missing (run tools/make-format-fixtures.sh)";
    return form;
  }
  vnplan::ReadResult read = vnplan::check_source(path, vnplan::test::read_file(path));
  if (!read.ok()) {
    form.error = "reader not available: " + read.error->to_string();
    return form;
  }
  form.result = vnplan::test::engine().parse(*read.file);
  form.items = vnplan::eval::items_of(*form.result, folder());
  return form;
}

}  // namespace

TEST_CASE("one plan as text, HTML, DOCX and PDF gives the same targets and tasks",
          "[corpus][formats]") {
  const std::string root = vnplan::test::source_dir();
  const std::string fixtures = root + "/tests/fixtures/formats/";
  std::cout << "format invariance, F1 of targets / tasks between forms (tests/fixtures/formats):\n";
  for (const auto& [name, extension] : kDocuments) {
    std::string excerpt = fixtures + name + ".excerpt" + extension;
    std::string text_path =
        fs::exists(excerpt) ? excerpt : root + "/corpora/" + std::string(name) + extension;
    std::vector<Form> forms;
    forms.push_back(parse_form(std::string(extension).substr(1), text_path));
    for (const char* rendered : kRenderedForms)
      forms.push_back(parse_form(rendered, fixtures + name + "." + rendered));

    std::cout << "  " << name << (fs::exists(excerpt) ? " (excerpt)" : "") << "\n";
    for (const auto& form : forms) {
      if (form.result)
        std::cout << "    " << std::left << std::setw(5) << form.name << " targets " << std::setw(4)
                  << form.items.target_count << " tasks " << form.items.task_count << "\n";
      else
        std::cout << "    " << std::left << std::setw(5) << form.name << " " << form.error << "\n";
    }
    const Form& text = forms.front();
    REQUIRE(text.result);
    // The text form must have items, or the F1s below would prove nothing.
    CHECK(text.items.target_count + text.items.task_count > 0);

    for (std::size_t i = 0; i < forms.size(); ++i) {
      if (!forms[i].result) {
        FAIL_CHECK(name << "." << forms[i].name << ": " << forms[i].error);
        continue;
      }
      for (std::size_t j = i + 1; j < forms.size(); ++j) {
        if (!forms[j].result) continue;
        const vnplan::eval::PlanItems& a = forms[i].items;
        const vnplan::eval::PlanItems& b = forms[j].items;
        double targets = vnplan::eval::f1(a.targets, b.targets);
        double tasks = vnplan::eval::f1(a.tasks, b.tasks);
        std::cout << "    " << std::right << std::setw(4) << forms[i].name << " vs " << std::left
                  << std::setw(4) << forms[j].name << std::fixed << std::setprecision(3)
                  << "  targets F1 " << targets << "  tasks F1 " << tasks << "\n";
        INFO(name << ": " << forms[i].name << " vs " << forms[j].name);
        INFO("targets only in " << forms[i].name << ":\n"
                                << vnplan::eval::missing(a.targets, b.targets) << "targets only in "
                                << forms[j].name << ":\n"
                                << vnplan::eval::missing(b.targets, a.targets));
        CHECK(targets >= kMinF1);
        INFO("tasks only in " << forms[i].name << ":\n"
                              << vnplan::eval::missing(a.tasks, b.tasks) << "tasks only in "
                              << forms[j].name << ":\n"
                              << vnplan::eval::missing(b.tasks, a.tasks));
        CHECK(tasks >= kMinF1);
      }
    }

    // Word's automatic numbering, typed back out, must build the tree typed
    // numbers build.
    const Form& docx = forms[2];
    if (docx.result) {
      std::vector<std::string> expected = section_tree(*text.result);
      std::vector<std::string> got = section_tree(*docx.result);
      std::size_t first_difference = 0;
      while (first_difference < expected.size() && first_difference < got.size() &&
             expected[first_difference] == got[first_difference])
        ++first_difference;
      INFO(name << ": sections of the DOCX (" << got.size() << ") against the text ("
                << expected.size() << "), first difference at section " << first_difference
                << ": text '"
                << (first_difference < expected.size() ? expected[first_difference] : "(none)")
                << "', docx '" << (first_difference < got.size() ? got[first_difference] : "(none)")
                << "'");
      CHECK(got == expected);
    }
  }
}
