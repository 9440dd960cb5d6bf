// Table items (targets and tasks read from appendix tables) of two corpus
// documents against the hand-made keys in tests/corpus/expected-part3/ (see
// the README there).
//
// An item matches a key row on the line of its indicator or task cell. Then:
// targets: comparator, value, value_max, unit and year ("fields"); both kinds:
// lead, support and directing agencies (resolved through the registry) and
// the deadline text. A key row marked "missing" must be right or flagged with
// a table.row_incomplete diagnostic.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../support/fixtures.hpp"
#include "vnplan/extract.hpp"

namespace {

using nlohmann::json;

const vnplan::Folder& folder() {
  static vnplan::Folder instance(*vnplan::test::grammar());
  return instance;
}

const vnplan::AgencyRegistry& registry() {
  static vnplan::AgencyRegistry instance(*vnplan::test::grammar(), folder());
  return instance;
}

// A key name as the engine would read it from a cell: through the list
// splitter, which keeps a known agency and drops a qualifier after it
// ("Ủy ban nhân dân huyện Gò Công Đông" → the district people's committee).
std::set<std::string> resolved(const json& names) {
  std::set<std::string> ids;
  for (const auto& name : names)
    for (const auto& part : registry().split_list(name.get<std::string>()))
      ids.insert(part.info.id);
  return ids;
}

std::set<std::string> as_set(const std::vector<std::string>& ids) {
  return {ids.begin(), ids.end()};
}

bool same_number(const json& expected, const std::optional<double>& got) {
  if (expected.is_null()) return !got;
  return got && std::fabs(expected.get<double>() - *got) < 1e-6;
}

std::string text_or_empty(const json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

struct Score {
  std::size_t expected = 0, found = 0, matched = 0, fields = 0, agencies = 0, deadline = 0;
  double precision() const { return found ? double(matched) / found : 1.0; }
  double recall() const { return expected ? double(matched) / expected : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double share(std::size_t n) const { return matched ? double(n) / matched : 1.0; }
};

// The line of the row's cell in the first column with one of `roles`.
std::uint32_t name_line(const vnplan::DocumentModel& doc, const vnplan::TableRef& ref,
                        const std::set<std::string>& roles) {
  for (const auto& table : doc.tables) {
    if (table.id != ref.table) continue;
    const auto& row = table.rows.at(ref.row);
    for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c)
      if (roles.count(table.columns[c])) return row.cells[c].span.line;
    return row.span.line;
  }
  return 0;
}

bool flagged(const vnplan::ParseResult& result, std::uint32_t line) {
  for (const auto& d : result.diagnostics)
    if (d.code == "table.row_incomplete" && d.span && d.span->line <= line &&
        line <= d.span->line + 6)
      return true;
  return false;
}

void show(const char* what, std::uint32_t line) {
  if (std::getenv("VNPLAN_SHOW_DIFFERENCES"))
    std::cout << "    " << what << " at line " << line << "\n";
}

template <typename Item>
void score_assignment(const Item& item, const json& key, Score& score, std::uint32_t line) {
  bool agencies_right = as_set(item.agencies.lead) == resolved(key["lead"]) &&
                        as_set(item.agencies.support) == resolved(key["support"]) &&
                        as_set(item.agencies.directing) == resolved(key["directing"]);
  if (agencies_right)
    ++score.agencies;
  else
    show("agencies differ", line);
  std::string expected = text_or_empty(key["deadline"]);
  std::string got = item.deadline ? item.deadline->text : std::string();
  if (folder().fold_string(expected) == folder().fold_string(got))
    ++score.deadline;
  else
    show("deadline differs", line);
}

Score score_targets(const vnplan::ParseResult& result, const vnplan::DocumentModel& doc,
                    const json& key) {
  Score score;
  score.expected = key.size();
  std::map<std::uint32_t, const vnplan::Target*> by_line;
  for (const auto& t : doc.targets)
    if (t.source == "table" && t.table_row) {
      ++score.found;
      by_line[name_line(doc, *t.table_row, {"indicator"})] = &t;
    }
  for (const auto& row : key) {
    auto line = row["line"].get<std::uint32_t>();
    auto it = by_line.find(line);
    if (it == by_line.end()) {
      show("target missed", line);
      continue;
    }
    const vnplan::Target& t = *it->second;
    ++score.matched;
    bool right = text_or_empty(row["comparator"]) == t.comparator.value_or("") &&
                 same_number(row["value"], t.value) && same_number(row["value_max"], t.value_max) &&
                 text_or_empty(row["unit"]) == t.unit.value_or("") &&
                 (row["year"].is_null() ? !t.year : t.year == row["year"].get<int>());
    if (!right && !row["missing"].empty() && flagged(result, line)) right = true;
    if (right)
      ++score.fields;
    else
      show("target fields differ", line);
    score_assignment(t, row, score, line);
  }
  return score;
}

Score score_tasks(const vnplan::ParseResult& result, const vnplan::DocumentModel& doc,
                  const json& key) {
  Score score;
  score.expected = key.size();
  std::map<std::uint32_t, const vnplan::Task*> by_line;
  for (const auto& t : doc.tasks)
    if (t.source == "table" && t.table_row) {
      ++score.found;
      by_line[name_line(doc, *t.table_row, {"task"})] = &t;
    }
  for (const auto& row : key) {
    auto line = row["line"].get<std::uint32_t>();
    auto it = by_line.find(line);
    if (it == by_line.end()) {
      show("task missed", line);
      continue;
    }
    ++score.matched;
    ++score.fields;
    Score before = score;
    score_assignment(*it->second, row, score, line);
    // A row with a missing cell counts when the engine flagged it.
    if (!row["missing"].empty() && flagged(result, line)) {
      score.agencies = before.agencies + 1;
      score.deadline = before.deadline + 1;
    }
  }
  return score;
}

void report(const std::string& what, const Score& s, bool fields) {
  std::cout << std::fixed << std::setprecision(3) << "  " << std::left << std::setw(58) << what
            << " expected " << s.expected << " found " << s.found << "  P " << s.precision()
            << " R " << s.recall() << " F1 " << s.f1();
  if (fields) std::cout << "  fields " << s.share(s.fields);
  std::cout << "  agencies " << s.share(s.agencies) << "  deadline " << s.share(s.deadline) << "\n";
}

const char* const kDocuments[][2] = {
    {"yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU", ".md"},
    {"tien-giang-69-KH-UBND", ".txt"},
};

}  // namespace

TEST_CASE("table items of the corpora match the hand-made keys", "[corpus][tables]") {
  std::string root = vnplan::test::source_dir();
  std::cout << "table items against tests/corpus/expected-part3:\n";
  for (const auto& [name, extension] : kDocuments) {
    std::string base = root + "/tests/corpus/expected-part3/" + name;
    auto result = vnplan::test::engine().parse(
        vnplan::test::source_from(vnplan::test::read_file(root + "/corpora/" + name + extension),
                                  std::string(name) + extension));
    json targets_key = json::parse(vnplan::test::read_file(base + ".table-targets.json"));
    const auto& doc = result.documents.at(targets_key["document"].get<std::size_t>());
    Score targets = score_targets(result, doc, targets_key["targets"]);
    report(std::string(name) + " table targets", targets, true);
    CHECK(targets.f1() >= 0.95);
    CHECK(targets.share(targets.fields) >= 0.95);
    CHECK(targets.share(targets.agencies) >= 0.95);
    CHECK(targets.share(targets.deadline) >= 0.95);
    json tasks_key = json::parse(vnplan::test::read_file(base + ".table-tasks.json"));
    const auto& tasks_doc = result.documents.at(tasks_key["document"].get<std::size_t>());
    Score tasks = score_tasks(result, tasks_doc, tasks_key["tasks"]);
    report(std::string(name) + " table tasks", tasks, false);
    CHECK(tasks.f1() >= 0.95);
    CHECK(tasks.share(tasks.agencies) >= 0.95);
    CHECK(tasks.share(tasks.deadline) >= 0.95);
  }
}
