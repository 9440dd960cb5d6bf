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
//
// OCR leaves a word wrong here and there even after restoration, and one wrong
// letter changes a key. So each item is also kept as a record (its fields
// other than the text, and its folded text) for a close match: same fields,
// folded texts at least kCloseSimilarity alike (1 - edit distance / length).
// That is how a person checking the parse would count an item found.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/text.hpp"
#include "vnplan/vnplan.hpp"

namespace vnplan::eval {

// Long enough to tell tasks apart, short enough that a task whose sentence
// ends differently in two forms (a page break, a footnote mark) still matches.
constexpr std::size_t kTaskPrefixBytes = 40;

// A task's text compared in a close match: enough to tell tasks apart, short
// enough for an edit distance of every pair.
constexpr std::size_t kCloseTaskBytes = 120;
constexpr double kCloseSimilarity = 0.8;

using Keys = std::map<std::string, std::size_t>;  // key -> how many items have it

struct ItemRecord {
  std::string fields;  // document, and every field but the text, as one string
  std::string text;    // folded, white space collapsed
};

struct PlanItems {
  Keys targets, tasks;              // folded keys
  Keys exact_targets, exact_tasks;  // keys with the text as written
  std::vector<ItemRecord> target_records, task_records;
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
// Items of `a` matched one to one with items of `b` of the same fields whose
// texts are at least `min_similarity` alike (the closest first).
std::size_t close_common_count(const std::vector<ItemRecord>& a, const std::vector<ItemRecord>& b,
                               double min_similarity = kCloseSimilarity);
// 1 - Levenshtein distance / the longer length, over bytes; 1 for two empty texts.
double similarity(std::string_view a, std::string_view b);
// The keys `a` has and `b` lacks, one per line, at most `limit` of them.
std::string missing(const Keys& a, const Keys& b, std::size_t limit = 8);

}  // namespace vnplan::eval
