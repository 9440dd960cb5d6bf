// Format invariance: one plan as typed text, HTML, DOCX and PDF gives the same
// targets and tasks (F1 >= 0.95 between any two forms) and, from DOCX, whose
// list numbers are Word's automatic numbering, the same section tree.
//
// The HTML, DOCX and PDF files are made from the corpora by real converters
// (pandoc, LibreOffice) with tools/make-format-fixtures.sh; a document made
// from an excerpt is compared with that excerpt (<name>.excerpt.<ext>).
//
// Items are compared as multisets of keys, document by document of the result
// (main and attachments, text and table items alike):
//   target: folded indicator, value, value_max, comparator, unit, year;
//   task:   the first kTaskPrefixBytes of the folded text, the lead agency ids.
// F1 of two forms = 2 * keys in common / (keys of one + keys of the other).
// Run alone and see the table: ./tests/vnplan_tests "[formats]"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "../support/fixtures.hpp"
#include "vnplan/text.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double kMinF1 = 0.95;
constexpr std::size_t kTaskPrefixBytes = 40;

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

// Folded, with every run of white space one space: forms differ in where lines
// break, not in what they say.
std::string folded(const std::string& text) {
  std::string out;
  for (char c : folder().fold_string(text)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// At most `bytes` bytes of `text`, not cutting a UTF-8 sequence.
std::string prefix(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::string number(const std::optional<double>& value) {
  if (!value) return "-";
  std::ostringstream out;
  out << std::setprecision(10) << *value;
  return out.str();
}

using Keys = std::map<std::string, std::size_t>;  // key -> how many items have it

struct Items {
  Keys targets, tasks;
  std::size_t target_count = 0, task_count = 0;
};

Items items_of(const vnplan::ParseResult& result) {
  Items items;
  for (std::size_t d = 0; d < result.documents.size(); ++d) {
    const auto& document = result.documents[d];
    std::string in = "doc" + std::to_string(d) + " | ";
    for (const auto& target : document.targets) {
      ++items.targets[in + folded(target.indicator) + " | " + number(target.value) + " | " +
                      number(target.value_max) + " | " + target.comparator.value_or("-") + " | " +
                      folded(target.unit.value_or("-")) + " | " +
                      (target.year ? std::to_string(*target.year) : "-")];
      ++items.target_count;
    }
    for (const auto& task : document.tasks) {
      std::vector<std::string> ids(task.agencies.lead.begin(), task.agencies.lead.end());
      std::sort(ids.begin(), ids.end());
      std::string key = in + prefix(folded(task.text), kTaskPrefixBytes) + " |";
      for (const auto& id : ids) key += " " + id;
      ++items.tasks[key];
      ++items.task_count;
    }
  }
  return items;
}

std::size_t size_of(const Keys& keys) {
  std::size_t n = 0;
  for (const auto& [key, count] : keys) n += count;
  return n;
}

double f1(const Keys& a, const Keys& b) {
  std::size_t total = size_of(a) + size_of(b);
  if (total == 0) return 1.0;
  std::size_t common = 0;
  for (const auto& [key, count] : a) {
    auto other = b.find(key);
    if (other != b.end()) common += std::min(count, other->second);
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(total);
}

// The keys one form has and the other lacks, for the failure message.
std::string missing(const Keys& a, const Keys& b, std::size_t limit = 8) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& [key, count] : a) {
    auto other = b.find(key);
    std::size_t lacking = count - (other == b.end() ? 0 : std::min(count, other->second));
    if (lacking == 0) continue;
    if (shown++ == limit) return out + "    ...\n";
    out += "    " + key + (lacking > 1 ? "  (x" + std::to_string(lacking) + ")" : "") + "\n";
  }
  return out;
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
  Items items;
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
  form.items = items_of(*form.result);
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
        const Items& a = forms[i].items;
        const Items& b = forms[j].items;
        double targets = f1(a.targets, b.targets);
        double tasks = f1(a.tasks, b.tasks);
        std::cout << "    " << std::right << std::setw(4) << forms[i].name << " vs " << std::left
                  << std::setw(4) << forms[j].name << std::fixed << std::setprecision(3)
                  << "  targets F1 " << targets << "  tasks F1 " << tasks << "\n";
        INFO(name << ": " << forms[i].name << " vs " << forms[j].name);
        INFO("targets only in " << forms[i].name << ":\n"
                                << missing(a.targets, b.targets) << "targets only in "
                                << forms[j].name << ":\n"
                                << missing(b.targets, a.targets));
        CHECK(targets >= kMinF1);
        INFO("tasks only in " << forms[i].name << ":\n"
                              << missing(a.tasks, b.tasks) << "tasks only in " << forms[j].name
                              << ":\n"
                              << missing(b.tasks, a.tasks));
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
