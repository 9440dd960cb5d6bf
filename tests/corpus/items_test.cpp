// Targets and tasks of the four clean corpus documents against the hand-made
// answer keys in tests/corpus/expected-part2/ (see the README there).
//
// A target matches a key item on the same original line with the same value;
// then comparator, value_max, unit and year must agree. A task matches on its
// first line (or, failing that, the first words of its text); then its lead
// agencies (resolved through the registry) and deadline text must agree.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "../support/fixtures.hpp"
#include "vnplan/extract.hpp"

namespace {

using nlohmann::json;

struct Score {
  std::size_t expected = 0, found = 0, matched = 0, fields_right = 0, second_right = 0;
  double precision() const { return found ? double(matched) / found : 1.0; }
  double recall() const { return expected ? double(matched) / expected : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double fields() const { return matched ? double(fields_right) / matched : 1.0; }
  double second() const { return matched ? double(second_right) / matched : 1.0; }
};

const vnplan::Folder& folder() {
  static vnplan::Folder instance(*vnplan::test::grammar());
  return instance;
}

const vnplan::AgencyRegistry& registry() {
  static vnplan::AgencyRegistry instance(*vnplan::test::grammar(), folder());
  return instance;
}

std::string folded(const std::string& text) { return folder().fold_string(text); }

bool same_number(const json& expected, const std::optional<double>& got) {
  if (expected.is_null()) return !got;
  return got && std::fabs(expected.get<double>() - *got) < 1e-6;
}

std::string optional_text(const json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

Score score_targets(const vnplan::DocumentModel& model, const json& key) {
  Score score;
  score.expected = key.size();
  // Text items only: table rows are scored by table_items_test.cpp.
  for (const auto& t : model.targets) score.found += t.source == "text";
  std::vector<bool> used(model.targets.size(), false);
  for (std::size_t i = 0; i < model.targets.size(); ++i)
    used[i] = model.targets[i].source != "text";
  for (const auto& item : key) {
    for (std::size_t i = 0; i < model.targets.size(); ++i) {
      const auto& t = model.targets[i];
      if (used[i] || t.span.line != item["line"].get<std::uint32_t>() ||
          !same_number(item["value"], t.value))
        continue;
      used[i] = true;
      ++score.matched;
      bool right = optional_text(item["comparator"]) == t.comparator.value_or("") &&
                   same_number(item["value_max"], t.value_max) &&
                   optional_text(item["unit"]) == t.unit.value_or("") &&
                   (item["year"].is_null() ? !t.year : t.year == item["year"].get<int>());
      if (right) ++score.fields_right;
      if (!right && std::getenv("VNPLAN_SHOW_DIFFERENCES"))
        std::cout << "    target fields differ at line " << t.span.line << ": " << t.text << "\n";
      break;
    }
  }
  return score;
}

std::set<std::string> resolved(const json& names) {
  std::set<std::string> ids;
  for (const auto& name : names) ids.insert(registry().resolve(name.get<std::string>()).id);
  return ids;
}

Score score_tasks(const vnplan::DocumentModel& model, const json& key) {
  Score score;
  score.expected = key.size();
  for (const auto& t : model.tasks) score.found += t.source == "text";
  std::vector<bool> used(model.tasks.size(), false);
  for (std::size_t i = 0; i < model.tasks.size(); ++i) used[i] = model.tasks[i].source != "text";
  for (const auto& item : key) {
    std::string prefix = folded(item["text_prefix"].get<std::string>()).substr(0, 30);
    std::optional<std::size_t> hit;
    for (std::size_t i = 0; i < model.tasks.size() && !hit; ++i)
      if (!used[i] && model.tasks[i].span.line == item["line"].get<std::uint32_t>()) hit = i;
    for (std::size_t i = 0; i < model.tasks.size() && !hit; ++i)
      if (!used[i] && folded(model.tasks[i].text).rfind(prefix, 0) == 0) hit = i;
    if (!hit) continue;
    used[*hit] = true;
    ++score.matched;
    const auto& task = model.tasks[*hit];
    std::set<std::string> lead(task.agencies.lead.begin(), task.agencies.lead.end());
    if (lead == resolved(item["lead"])) {
      ++score.fields_right;
    } else if (std::getenv("VNPLAN_SHOW_DIFFERENCES")) {
      std::cout << "    lead differs at line " << task.span.line << ": key";
      for (const auto& id : resolved(item["lead"])) std::cout << " [" << id << "]";
      std::cout << " | found";
      for (const auto& id : lead) std::cout << " [" << id << "]";
      std::cout << "\n";
    }
    const json& deadline = item["deadline"];
    bool deadline_right = deadline.is_null() ? !task.deadline
                                             : task.deadline && folded(task.deadline->text) ==
                                                                    folded(deadline["text"]);
    if (deadline_right) ++score.second_right;
  }
  return score;
}

void report(const std::string& what, const Score& s, const char* fields, const char* second) {
  std::cout << std::fixed << std::setprecision(3) << "  " << std::left << std::setw(52) << what
            << " expected " << s.expected << " found " << s.found << "  P " << s.precision()
            << " R " << s.recall() << " F1 " << s.f1() << "  " << fields << " " << s.fields();
  if (second) std::cout << "  " << second << " " << s.second();
  std::cout << "\n";
}

const char* const kDocuments[][2] = {
    {"vinh-long-btv-tinh-uy-ke-hoach-57", ".md"},
    {"yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU", ".md"},
    {"tien-giang-69-KH-UBND", ".txt"},
    {"an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU", ".txt"},
};

}  // namespace

TEST_CASE("targets and tasks of the clean corpora match the hand-made keys", "[corpus][items]") {
  std::string root = vnplan::test::source_dir();
  std::cout << "targets and tasks against tests/corpus/expected-part2:\n";
  for (const auto& [name, extension] : kDocuments) {
    std::string base = root + "/tests/corpus/expected-part2/" + name;
    auto result = vnplan::test::engine().parse(
        vnplan::test::source_from(vnplan::test::read_file(root + "/corpora/" + name + extension),
                                  std::string(name) + extension));
    json targets_key = json::parse(vnplan::test::read_file(base + ".targets.json"));
    const auto& doc = result.documents.at(targets_key["document"].get<std::size_t>());
    Score targets = score_targets(doc, targets_key["targets"]);
    report(std::string(name) + " targets", targets, "fields", nullptr);
    CHECK(targets.f1() >= 0.95);
    CHECK(targets.fields() >= 0.95);
    json tasks_key = json::parse(vnplan::test::read_file(base + ".tasks.json"));
    for (const auto& entry : tasks_key["documents"]) {
      std::size_t index = entry["document"].get<std::size_t>();
      Score tasks = score_tasks(result.documents.at(index), entry["tasks"]);
      report(std::string(name) + " tasks (document " + std::to_string(index) + ")", tasks, "lead",
             "deadline");
      CHECK(tasks.f1() >= 0.95);
      CHECK(tasks.fields() >= 0.95);
      CHECK(tasks.second() >= 0.95);
    }
  }
}
