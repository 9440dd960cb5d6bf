#include "plan_items.hpp"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace vnplan::eval {
namespace {

// Folded, with every run of white space one space: forms differ in where lines
// break, not in what they say.
std::string folded(const Folder& folder, const std::string& text) {
  return collapse_white_space(folder.fold_string(text));
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

// The fields of a target or a task that its key is made of, whichever way the
// parse reached us.
struct TargetFields {
  std::string indicator;
  std::optional<double> value, value_max;
  std::optional<std::string> comparator, unit;
  std::optional<int> year;
};

class KeyMaker {
 public:
  KeyMaker(const Folder& folder, PlanItems& items) : folder_(folder), items_(items) {}

  void add_target(std::size_t document, const TargetFields& t) {
    std::string rest = " | " + number(t.value) + " | " + number(t.value_max) + " | " +
                       t.comparator.value_or("-") + " | ";
    std::string year = " | " + (t.year ? std::to_string(*t.year) : std::string("-"));
    std::string unit = t.unit.value_or("-");
    std::string indicator = folded(folder_, t.indicator);
    ++items_.targets[in(document) + indicator + rest + folded(folder_, unit) + year];
    items_.target_records.push_back(
        {in(document) + rest + folded(folder_, unit) + year, std::move(indicator)});
    ++items_.exact_targets[in(document) + collapse_white_space(t.indicator) + rest +
                           collapse_white_space(unit) + year];
    ++items_.target_count;
  }

  void add_task(std::size_t document, const std::string& text, std::vector<std::string> lead) {
    std::sort(lead.begin(), lead.end());
    std::string agencies = " |";
    for (const auto& id : lead) agencies += " " + id;
    std::string text_folded = folded(folder_, text);
    ++items_.tasks[in(document) + prefix(text_folded, kTaskPrefixBytes) + agencies];
    items_.task_records.push_back({in(document) + agencies, prefix(text_folded, kCloseTaskBytes)});
    ++items_.exact_tasks[in(document) + exact_prefix(text) + agencies];
    ++items_.task_count;
  }

 private:
  static std::string in(std::size_t document) { return "doc" + std::to_string(document) + " | "; }

  // The text as written, up to where its folded form is cut.
  std::string exact_prefix(const std::string& text) const {
    std::string written = collapse_white_space(text);
    Folder::Folded fold = folder_.fold(written);
    std::size_t cut = prefix(fold.text, kTaskPrefixBytes).size();
    return written.substr(0, std::min<std::size_t>(fold.origin[cut], written.size()));
  }

  const Folder& folder_;
  PlanItems& items_;
};

template <typename T>
std::optional<T> optional_field(const nlohmann::json& object, const char* name) {
  auto found = object.find(name);
  if (found == object.end() || found->is_null()) return std::nullopt;
  return found->get<T>();
}

std::vector<std::string> ids_of(const nlohmann::json& list) {
  std::vector<std::string> ids;
  if (list.is_array())
    for (const auto& id : list) ids.push_back(id.get<std::string>());
  return ids;
}

void add_json_document(KeyMaker& keys, std::size_t d, const nlohmann::json& document) {
  for (const auto& target : document.at("targets")) {
    TargetFields fields{target.at("indicator").get<std::string>(),
                        optional_field<double>(target, "value"),
                        optional_field<double>(target, "value_max"),
                        optional_field<std::string>(target, "comparator"),
                        optional_field<std::string>(target, "unit"),
                        optional_field<int>(target, "year")};
    keys.add_target(d, fields);
  }
  // A task's assignment fields (lead, support, directing) sit in the task itself.
  for (const auto& task : document.at("tasks"))
    keys.add_task(d, task.at("text").get<std::string>(),
                  ids_of(task.value("lead", nlohmann::json())));
}

}  // namespace

PlanItems items_of(const ParseResult& result, const Folder& folder) {
  PlanItems items;
  KeyMaker keys(folder, items);
  for (std::size_t d = 0; d < result.documents.size(); ++d) {
    const auto& document = result.documents[d];
    for (const auto& target : document.targets)
      keys.add_target(d, {target.indicator, target.value, target.value_max, target.comparator,
                          target.unit, target.year});
    for (const auto& task : document.tasks)
      keys.add_task(d, task.text,
                    std::vector<std::string>(task.agencies.lead.begin(), task.agencies.lead.end()));
  }
  return items;
}

PlanItems items_of_json(const nlohmann::json& result, const Folder& folder) {
  PlanItems items;
  KeyMaker keys(folder, items);
  try {
    if (!result.is_object() || result.value("schema", "") != "vnplan/1")
      throw std::runtime_error("not a vnplan/1 document");
    // The main document's fields sit at the top; each attachment is an object
    // of the same fields, in the order of ParseResult::documents.
    if (result.contains("targets")) add_json_document(keys, 0, result);
    std::size_t d = 1;
    for (const auto& attachment : result.at("attachments"))
      add_json_document(keys, d++, attachment);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(std::string("unexpected vnplan JSON: ") + error.what());
  }
  return items;
}

std::size_t size_of(const Keys& keys) {
  std::size_t n = 0;
  for (const auto& [key, count] : keys) n += count;
  return n;
}

std::size_t common_count(const Keys& a, const Keys& b) {
  std::size_t common = 0;
  for (const auto& [key, count] : a) {
    auto other = b.find(key);
    if (other != b.end()) common += std::min(count, other->second);
  }
  return common;
}

double f1(const Keys& a, const Keys& b) {
  std::size_t total = size_of(a) + size_of(b);
  if (total == 0) return 1.0;
  return 2.0 * static_cast<double>(common_count(a, b)) / static_cast<double>(total);
}

double similarity(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  return 1.0 - static_cast<double>(vnplan::edit_distance(a, b)) /
                   static_cast<double>(std::max(a.size(), b.size()));
}

std::size_t close_common_count(const std::vector<ItemRecord>& a, const std::vector<ItemRecord>& b,
                               double min_similarity) {
  // Every pair of the same fields that is close enough, the closest matched first.
  struct Pair {
    double similarity;
    std::size_t in_a, in_b;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (a[i].fields != b[j].fields) continue;
      double alike = a[i].text == b[j].text ? 1.0 : similarity(a[i].text, b[j].text);
      if (alike >= min_similarity) pairs.push_back({alike, i, j});
    }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& x, const Pair& y) { return x.similarity > y.similarity; });
  std::vector<bool> used_a(a.size()), used_b(b.size());
  std::size_t matched = 0;
  for (const Pair& pair : pairs) {
    if (used_a[pair.in_a] || used_b[pair.in_b]) continue;
    used_a[pair.in_a] = used_b[pair.in_b] = true;
    ++matched;
  }
  return matched;
}

std::string missing(const Keys& a, const Keys& b, std::size_t limit) {
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

}  // namespace vnplan::eval
