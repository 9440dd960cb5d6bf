// Damaged forms of the corpora (tests/fixtures/damaged: diacritics stripped,
// and tesseract -l eng OCR of rendered pages) parse, restored, to the targets
// and tasks of their clean originals.
//
// This is a floor against regressions, with the model as committed (it has
// seen these plans): the figures the issue asks for come from vnplan-eval,
// which trains without the document it tests. Items are compared as in
// tests/corpus/formats_test.cpp (tools/eval/plan_items.hpp):
//   stripped: folded keys (diacritics cannot count) and keys as written (they
//             do: restoration must give correct Vietnamese back);
//   OCR:      close matches (same fields, folded texts 80% alike): OCR leaves
//             a stray wrong letter that breaks a key.
// The pooled OCR floor holds for the Liberation Serif 300 dpi files
// (NAME.ocr-eng.txt) only: the OCR channel was learned from that print.
// NAME.ocr-eng-dejavu.txt (DejaVu Serif, 200 dpi) and NAME.ocr-eng-sans.txt
// (Liberation Sans, 200 dpi) measure OCR the restorer was not trained on;
// their pooled figures are printed, not asserted (0.69 and 0.62 at the commits
// that added them), so that they can be followed rather than silently lowering
// the floor. Their per-document floor and text_state are checked like every
// OCR file's.
// Run alone and see the table: ./tests/vnplan_tests "[damaged]"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "../support/fixtures.hpp"
#include "plan_items.hpp"

namespace {

namespace fs = std::filesystem;

struct Damaged {
  std::string name, damaged, clean;  // as in documents.tsv
  // "stripped", "ocr-eng", "ocr-eng-dejavu", "ocr-eng-sans": the file is NAME.KIND.txt
  std::string kind() const {
    std::size_t start = name.size() + 1;
    std::size_t end = damaged.size() >= 4 ? damaged.size() - 4 : start;
    return end > start ? damaged.substr(start, end - start) : std::string();
  }
};

std::vector<Damaged> damaged_documents(const std::string& root) {
  std::ifstream list(root + "/tests/fixtures/damaged/documents.tsv");
  std::vector<Damaged> out;
  std::string line;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Damaged entry;
    std::getline(fields, entry.name, '\t');
    std::getline(fields, entry.damaged, '\t');
    std::getline(fields, entry.clean, '\t');
    out.push_back(entry);
  }
  return out;
}

const vnplan::Folder& folder() {
  static vnplan::Folder instance(*vnplan::test::grammar());
  return instance;
}

vnplan::ParseResult parse_path(const std::string& path) {
  vnplan::ReadResult read = vnplan::check_source(path, vnplan::test::read_file(path));
  REQUIRE(read.ok());
  return vnplan::test::engine().parse(*read.file);
}

double close_f1(const std::vector<vnplan::eval::ItemRecord>& a,
                const std::vector<vnplan::eval::ItemRecord>& b) {
  if (a.empty() && b.empty()) return 1.0;
  return 2.0 * static_cast<double>(vnplan::eval::close_common_count(a, b)) /
         static_cast<double>(a.size() + b.size());
}

}  // namespace

TEST_CASE("stripped and OCR forms of the corpora parse, restored, to their clean items",
          "[corpus][damaged]") {
  const std::string root = vnplan::test::source_dir();
  auto documents = damaged_documents(root);
  REQUIRE(documents.size() >= 8);
  std::cout << "damaged forms, F1 of targets / tasks against the clean parse:\n";
  struct Pool {
    std::size_t common = 0, total = 0;
  };
  std::map<std::string, Pool> ocr_pools;  // by kind of OCR
  for (const Damaged& entry : documents) {
    const std::string path = root + "/tests/fixtures/damaged/" + entry.damaged;
    INFO(entry.damaged);
    vnplan::ParseResult clean = parse_path(root + "/" + entry.clean);
    vnplan::ParseResult damaged = parse_path(path);
    auto a = vnplan::eval::items_of(clean, folder());
    auto b = vnplan::eval::items_of(damaged, folder());
    REQUIRE(a.target_count + a.task_count > 0);
    bool stripped = entry.kind() == "stripped";
    std::cout << "  " << std::left << std::setw(62) << entry.damaged << std::fixed
              << std::setprecision(3);
    if (stripped) {
      CHECK(damaged.source.text_state == "stripped");
      double targets = vnplan::eval::f1(a.targets, b.targets);
      double tasks = vnplan::eval::f1(a.tasks, b.tasks);
      double written_targets = vnplan::eval::f1(a.exact_targets, b.exact_targets);
      double written_tasks = vnplan::eval::f1(a.exact_tasks, b.exact_tasks);
      std::cout << " folded " << targets << " / " << tasks << "  written " << written_targets
                << " / " << written_tasks << "\n";
      INFO("tasks only in the clean parse:\n" << vnplan::eval::missing(a.tasks, b.tasks));
      CHECK(targets >= 0.98);
      CHECK(tasks >= 0.98);
      CHECK(written_targets >= 0.85);
      CHECK(written_tasks >= 0.85);
    } else {
      CHECK(damaged.source.text_state == "ocr_damaged");
      double targets = close_f1(a.target_records, b.target_records);
      double tasks = close_f1(a.task_records, b.task_records);
      std::cout << " close  " << targets << " / " << tasks << "\n";
      Pool& pool = ocr_pools[entry.kind()];
      pool.common += vnplan::eval::close_common_count(a.target_records, b.target_records) +
                     vnplan::eval::close_common_count(a.task_records, b.task_records);
      pool.total += a.target_records.size() + b.target_records.size() + a.task_records.size() +
                    b.task_records.size();
      // Tables whose cells OCR interleaves line by line are lost (a known gap).
      CHECK(targets + tasks >= 1.0);
    }
  }
  REQUIRE(ocr_pools.count("ocr-eng") == 1);
  for (const auto& [kind, pool] : ocr_pools) {
    double pooled = 2.0 * static_cast<double>(pool.common) / static_cast<double>(pool.total);
    std::cout << "  " << kind << ", targets and tasks pooled: close F1 " << pooled << "\n";
    INFO(kind);
    if (kind == "ocr-eng") CHECK(pooled >= 0.80);  // other prints: measured, see the top
  }
}
