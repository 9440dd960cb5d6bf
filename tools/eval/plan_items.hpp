// The targets and tasks of a parsed plan as comparable keys, and the F1 of two
// sets of keys: how two forms of one plan (text and PDF, clean and damaged)
// are compared by tests/corpus/formats_test.cpp and by vnplan-eval.
//
// Items are compared as multisets of keys, document by document of the result
// (main and attachments, text and table items alike):
//   target: folded indicator, value, value_max, comparator, unit, year;
//   task:   the first kTaskPrefixBytes of the folded text, the lead agency ids.
// F1 of two forms = 2 * keys in common / (keys of one + keys of the other).
//
// Folded keys cannot see diacritics: a stripped text gives the keys of its
// clean original. So each item also gets an exact key, of the same fields with
// the text as written (white space runs made one space; a task's text cut
// where its folded text is cut), which tells whether restoration gave back
// correct Vietnamese.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "vnplan/text.hpp"
#include "vnplan/vnplan.hpp"

namespace vnplan::eval {

// Long enough to tell tasks apart, short enough that a task whose sentence
// ends differently in two forms (a page break, a footnote mark) still matches.
constexpr std::size_t kTaskPrefixBytes = 40;

using Keys = std::map<std::string, std::size_t>;  // key -> how many items have it

struct PlanItems {
  Keys targets, tasks;              // folded keys
  Keys exact_targets, exact_tasks;  // keys with the text as written
  std::size_t target_count = 0, task_count = 0;
};

// From a parse in this process.
PlanItems items_of(const ParseResult& result, const Folder& folder);
// From the "vnplan/1" JSON that `vnplan parse` writes (one input, one document).
// Throws std::runtime_error when the JSON is not of that shape.
PlanItems items_of_json(const nlohmann::json& result, const Folder& folder);

std::size_t size_of(const Keys& keys);
std::size_t common_count(const Keys& a, const Keys& b);  // multiset intersection size
double f1(const Keys& a, const Keys& b);                 // 1 when both are empty
// The keys `a` has and `b` lacks, one per line, at most `limit` of them.
std::string missing(const Keys& a, const Keys& b, std::size_t limit = 8);

}  // namespace vnplan::eval
