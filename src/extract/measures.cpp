// Numbers as measures: value, comparator and unit of a target clause.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "internal.hpp"

namespace vnplan::internal {

namespace {

std::vector<const Pattern*> patterns_with_key(const Grammar& grammar, const std::string& file,
                                              const std::string& key) {
  std::vector<const Pattern*> found;
  for (const auto& entry : grammar.patterns(file))
    if (entry.key == key) found.push_back(entry.pattern.get());
  return found;
}

std::string escape_for_pattern(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The text before `at` back to the start of its clause, at most 60 bytes:
// where comparator words are looked for.
// The words that decide (comparators, "số", "năm") stand right before the
// number; a short window keeps the end-anchored patterns from scanning far.
std::string_view before(const std::string& folded, std::size_t begin, std::size_t at) {
  constexpr std::size_t kWindow = 32;
  std::size_t from = at > begin + kWindow ? at - kWindow : begin;
  while (from < at && (static_cast<unsigned char>(folded[from]) & 0xC0) == 0x80) ++from;
  return std::string_view(folded).substr(from, at - from);
}

}  // namespace

constexpr const char* kFile = "extract/targets.re";

MeasureReader::MeasureReader(const Grammar& grammar, const Folder& folder)
    : grammar_(grammar),
      number_(grammar.pattern(kFile, "number")),
      range_joiner_(grammar.pattern(kFile, "range_joiner")),
      not_before_(patterns_with_key(grammar, kFile, "not_before")),
      not_after_(patterns_with_key(grammar, kFile, "not_after")),
      year_context_(grammar.pattern(kFile, "year_context")),
      time_after_(grammar.pattern(kFile, "time_after")),
      percent_(grammar.pattern(kFile, "percent")),
      per_capita_(grammar.pattern(kFile, "per_capita")),
      yearly_(grammar.pattern(kFile, "yearly")),
      year_(grammar.pattern(kFile, "year")),
      own_year_(grammar.pattern(kFile, "own_year")),
      year_tail_(grammar.pattern(kFile, "year_tail")),
      approx_(grammar.pattern(kFile, "approx")),
      lead_in_(grammar.pattern(kFile, "lead_in")),
      measure_verb_(grammar.pattern(kFile, "measure_verb")),
      clause_opener_(grammar.pattern(kFile, "clause_opener")),
      adverbial_(grammar.pattern(kFile, "adverbial")),
      not_target_(grammar.pattern(kFile, "not_target")),
      series_and_(grammar.pattern(kFile, "series_and")),
      item_and_(grammar.pattern(kFile, "item_and")),
      folder_(folder) {
  for (const char* key : {"ge", "le", "rank", "gt", "lt"})
    for (const Pattern* p : patterns_with_key(grammar, kFile, key))
      comparators_.push_back({key, p});
  ocr_ge_ = patterns_with_key(grammar, kFile, "ocr_ge");
  ocr_le_ = patterns_with_key(grammar, kFile, "ocr_le");
  std::vector<std::string> nouns;
  for (const auto& entry : grammar.entries("extract/units")) {
    if (entry.key == "noun") nouns.push_back(entry.value);
    if (entry.key == "stop") stop_words_.push_back(entry.value);
  }
  std::vector<std::string> pers;
  for (const auto& entry : grammar.entries("extract/units"))
    if (entry.key == "per") pers.push_back(entry.value);
  for (const auto& entry : grammar.entries("extract/units")) {
    if (entry.key != "cell") continue;
    for (const std::string& per : pers) {
      std::string written = entry.value + "/" + per;
      unit_cells_.push_back({written, unit_letters(written)});
    }
    unit_cells_.push_back({entry.value, unit_letters(entry.value)});
  }
  std::sort(nouns.begin(), nouns.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alternation = "^\\s*(?:";
  for (std::size_t i = 0; i < nouns.size(); ++i)
    alternation += (i ? "|" : "") + escape_for_pattern(nouns[i]);
  alternation += ")(?![\\p{L}\\d])";
  nouns_ = std::make_shared<Pattern>(alternation, "grammars/extract/units.tsv");
}

std::optional<double> MeasureReader::parse_number(std::string_view written) {
  std::string plain;
  std::size_t dots = std::count(written.begin(), written.end(), '.');
  std::size_t last_dot = written.rfind('.');
  // "1.200" and "1.200.000" group thousands; "0.73" is a decimal point.
  bool dot_groups = dots > 1 || (dots == 1 && written.size() - last_dot - 1 == 3 &&
                                 written.find(',') == std::string_view::npos &&
                                 written.substr(0, last_dot) != "0");
  for (char c : written) {
    if (c == '.') {
      if (!dot_groups) plain += '.';
    } else if (c == ',') {
      plain += '.';
    } else if (c >= '0' && c <= '9') {
      plain += c;
    } else {
      return std::nullopt;
    }
  }
  if (plain.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string MeasureReader::counted_unit(const std::string& folded, std::size_t at, std::size_t end,
                                        std::size_t& unit_end) const {
  std::string_view rest = std::string_view(folded).substr(at, end - at);
  if (auto m = nouns_->find(rest, 0, true)) {
    std::size_t b = at, e = at + (*m)[0].end;
    while (b < e && is_space(folded[b])) ++b;
    unit_end = e;
    return folded.substr(b, e - b);
  }
  // Not listed: the next word, and the one after unless it ends the noun.
  std::size_t i = at;
  while (i < end && is_space(folded[i])) ++i;
  auto word_end = [&](std::size_t k) {
    while (k < end && !is_space(folded[k]) && folded[k] != ',' && folded[k] != ';' &&
           folded[k] != '.' && folded[k] != ')' && folded[k] != '(')
      ++k;
    return k;
  };
  std::size_t first_end = word_end(i);
  if (first_end == i) return {};
  for (char c : folded.substr(i, first_end - i))
    if (c >= '0' && c <= '9') return {};
  unit_end = first_end;
  std::size_t j = first_end;
  if (j < end && is_space(folded[j])) {
    std::size_t second_end = word_end(j + 1);
    std::string second = folded.substr(j + 1, second_end - j - 1);
    if (!second.empty() &&
        std::find(stop_words_.begin(), stop_words_.end(), second) == stop_words_.end() &&
        std::all_of(second.begin(), second.end(), [](char c) { return !(c >= '0' && c <= '9'); }))
      unit_end = second_end;
  }
  return folded.substr(i, unit_end - i);
}

namespace {

// "  80": spaces, then a digit.
bool number_follows(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  return i > 0 && i < text.size() && text[i] >= '0' && text[i] <= '9';
}

}  // namespace

bool MeasureReader::mend_ge_read_as_two(Measure& measure, std::string_view folded, bool percent,
                                        bool alone_in_cell) {
  if (measure.comparator != "=" || measure.value_max || measure.begin >= folded.size())
    return false;
  std::string_view written = folded.substr(measure.begin);
  std::size_t digits = 0;
  while (digits < written.size() && written[digits] >= '0' && written[digits] <= '9') ++digits;
  if (digits != 3 || written[0] != '2' ||
      (digits < written.size() && (written[digits] == '.' || written[digits] == ',')))
    return false;
  bool share = percent && written[1] != '0';
  bool padded_count = !percent && alone_in_cell && written[1] == '0' && written[2] != '0' &&
                      folded.find_first_not_of(' ', measure.begin + digits) == std::string::npos;
  if (!share && !padded_count) return false;
  measure.value = (written[1] - '0') * 10 + (written[2] - '0');
  measure.comparator = ">=";
  return true;
}

std::vector<Measure> MeasureReader::find(const std::string& folded, std::size_t begin,
                                         std::size_t end, bool ocr_text) const {
  std::vector<Measure> found;
  std::string_view clause = std::string_view(folded).substr(0, end);
  std::size_t at = begin;
  while (at < end) {
    auto m = number_.find(clause, at);
    if (!m) break;
    std::size_t nb = (*m)[0].begin, ne = (*m)[0].end;
    at = ne;
    std::string_view prefix = before(folded, begin, nb);
    std::string_view suffix = clause.substr(ne);
    bool excluded = false;
    for (const Pattern* p : not_before_) excluded = excluded || p->contains(prefix);
    for (const Pattern* p : not_after_) excluded = excluded || p->matches_at_start(suffix);
    // "80% - 90%": the % belongs to the first number and the joiner comes next.
    Measure measure;
    measure.begin = nb;
    measure.phrase_begin = nb;
    std::optional<double> value = parse_number(clause.substr(nb, ne - nb));
    if (!value) continue;
    // OCR's lone "2" for "≥" before the number ("2 80"): the number after it is
    // the measure (ocr_ge in targets.re.tsv gives it its comparator).
    if (ocr_text && ne - nb == 1 && clause[nb] == '2' && number_follows(suffix)) continue;
    std::size_t after = ne;
    if (auto joiner = range_joiner_.find(clause.substr(ne), 0, true)) {
      std::size_t second_at = ne + (*joiner)[0].end;
      if (auto second = number_.find(clause, second_at, true)) {
        auto second_value =
            parse_number(clause.substr((*second)[0].begin, (*second)[0].end - (*second)[0].begin));
        bool second_ok = true;
        for (const Pattern* p : not_after_)
          second_ok = second_ok && !p->matches_at_start(clause.substr((*second)[0].end));
        if (second_value && second_ok && *second_value > *value) {
          // A range; the first number may carry its own "%" ("80% - 90%").
          excluded = false;
          for (const Pattern* p : not_before_) excluded = excluded || p->contains(prefix);
          measure.value_max = second_value;
          after = (*second)[0].end;
          at = after;
        }
      }
    }
    // "đến 2030", "giai đoạn 2026 - 2030": a year, not an amount.
    bool year_like = *value >= 1900 && *value <= 2100 && *value == static_cast<int>(*value);
    if (year_like && !percent_.matches_at_start(clause.substr(after)) &&
        year_context_.contains(prefix))
      excluded = true;
    // "(4.0)": a number alone in parentheses names a version or an item.
    if (!prefix.empty() && prefix.back() == '(' && !suffix.empty() && suffix.front() == ')')
      excluded = true;
    if (excluded) continue;
    measure.value = *value;
    measure.end = after;
    measure.unit_end = after;
    // Comparator from the words before the number.
    measure.comparator = "=";
    auto take = [&](const Pattern& pattern, const char* comparator) {
      auto c = pattern.find(prefix);
      if (!c) return false;
      measure.comparator = comparator;
      measure.phrase_begin = nb - (prefix.size() - (*c)[0].begin);
      return true;
    };
    bool compared = false, ranked = false;
    if (ocr_text) {
      for (const Pattern* pattern : ocr_ge_)
        if ((compared = take(*pattern, ">="))) break;
      for (const Pattern* pattern : ocr_le_)
        if (!compared && (compared = take(*pattern, "<="))) break;
    }
    if (!compared)
      for (const auto& [key, pattern] : comparators_)
        if (take(*pattern, key == "ge"                    ? ">="
                           : key == "le" || key == "rank" ? "<="
                           : key == "gt"                  ? ">"
                                                          : "<")) {
          ranked = key == "rank";
          break;
        }
    if (measure.comparator == "=")
      if (auto hedge = approx_.find(prefix))
        measure.phrase_begin = nb - (prefix.size() - (*hedge)[0].begin);
    if (measure.value_max) measure.comparator = "range";
    if (measure.comparator == "=" && time_after_.matches_at_start(clause.substr(after)))
      continue;  // a duration ("sau 12 tháng"), unless bounded ("tối đa 07 ngày")
    // Unit: a measure ("%", "% GRDP") or a counted noun.
    std::string_view rest = clause.substr(after);
    if (auto p = percent_.find(rest, 0, true)) {
      measure.unit_begin = after + (*p)[0].begin;
      while (measure.unit_begin < end && is_space(folded[measure.unit_begin])) ++measure.unit_begin;
      measure.unit_end = after + (*p)[0].end;
      measure.unit = folded.substr(measure.unit_begin, measure.unit_end - measure.unit_begin);
    } else {
      std::size_t unit_end = after;
      std::string noun = counted_unit(folded, after, end, unit_end);
      if (!noun.empty() && !ranked) {
        measure.unit_begin = unit_end - noun.size();
        measure.unit_end = unit_end;
        measure.unit = noun;
        measure.counted = true;
        if (auto per = per_capita_.find(clause.substr(unit_end, end - unit_end))) {
          std::size_t g = per_capita_.group("per");
          measure.unit += '/';
          measure.unit +=
              clause.substr(unit_end + (*per)[g].begin, (*per)[g].end - (*per)[g].begin);
        }
      }
    }
    if (ocr_text) mend_ge_read_as_two(measure, folded, measure.unit.rfind('%', 0) == 0);
    found.push_back(std::move(measure));
  }
  return found;
}

bool MeasureReader::yearly(std::string_view folded) const { return yearly_.contains(folded); }

std::optional<int> MeasureReader::year(std::string_view folded) const {
  auto m = year_.find(folded);
  if (!m) return std::nullopt;
  std::size_t g = year_.group("year");
  return std::atoi(std::string(folded.substr((*m)[g].begin, 4)).c_str());
}

std::optional<int> MeasureReader::own_year(std::string_view folded) const {
  auto m = own_year_.find(folded);
  if (!m) return std::nullopt;
  std::size_t g = own_year_.group("year");
  return std::atoi(std::string(folded.substr((*m)[g].begin, 4)).c_str());
}

std::size_t MeasureReader::year_tail_start(std::string_view folded) const {
  auto m = year_tail_.find(folded);
  return m ? (*m)[0].begin : folded.size();
}

std::size_t MeasureReader::lead_in(std::string_view folded) const {
  // The pattern is anchored with "^": match it on what is left, word by word.
  std::size_t at = 0;
  while (auto m = lead_in_.find(folded.substr(at), 0, true)) {
    if ((*m)[0].end == 0) break;
    at += (*m)[0].end;
  }
  return at;
}

std::size_t MeasureReader::measure_verb_start(std::string_view folded) const {
  auto m = measure_verb_.find(folded);
  return m ? (*m)[0].begin : folded.size();
}

bool MeasureReader::opens_clause(std::string_view folded) const {
  return clause_opener_.matches_at_start(folded);
}

bool MeasureReader::is_adverbial(std::string_view folded) const {
  return adverbial_.matches_at_start(folded);
}

bool MeasureReader::not_target(std::string_view folded) const {
  return not_target_.matches_at_start(folded);
}

std::pair<std::size_t, std::size_t> MeasureReader::series_and(std::string_view folded) const {
  std::pair<std::size_t, std::size_t> found{std::string_view::npos, std::string_view::npos};
  for (std::size_t from = 0; from < folded.size();) {
    auto m = series_and_.find(folded, from);
    if (!m) break;
    found = {(*m)[0].begin, (*m)[0].end};
    from = std::max((*m)[0].end, (*m)[0].begin + 1);  // an empty match moves on
  }
  return found;
}

std::pair<std::size_t, std::size_t> MeasureReader::item_and(std::string_view folded) const {
  auto m = item_and_.find(folded);
  if (!m) return {std::string_view::npos, std::string_view::npos};
  return {(*m)[0].begin, (*m)[0].end};
}

namespace {

// Edits a misread unit cell may carry: none in a word or two of four letters
// ("Tổ", "Xã"), where one edit reaches another unit; one, then two from a dozen.
std::size_t unit_edit_budget(std::size_t letters) {
  constexpr std::size_t kOneEdit = 5, kTwoEdits = 12;
  return letters >= kTwoEdits ? 2 : letters >= kOneEdit ? 1 : 0;
}

}  // namespace

std::u32string MeasureReader::unit_letters(std::string_view text) const {
  // Spaces are compared apart: "%GRDP" is a way to write "% GRDP", not a misreading.
  std::string folded = folder_.fold_string(text);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return code_points(folded);
}

std::optional<std::string> MeasureReader::known_unit_cell(std::string_view cell) const {
  std::u32string written = unit_letters(cell);
  if (written.empty()) return std::nullopt;
  const UnitCell* best = nullptr;
  std::size_t best_distance = 0;
  bool tied = false;
  for (const UnitCell& unit : unit_cells_) {
    const std::u32string& known = unit.letters;
    std::size_t budget = unit_edit_budget(known.size());
    std::size_t gap = known.size() > written.size() ? known.size() - written.size()
                                                    : written.size() - known.size();
    if (gap > std::min<std::size_t>(budget, 1)) continue;  // a misread letter, not a lost word
    std::size_t distance = edit_distance(std::u32string_view(written), std::u32string_view(known));
    if (distance > budget) continue;
    if (best && distance == best_distance) tied = true;
    if (!best || distance < best_distance) {
      best = &unit;
      best_distance = distance;
      tied = false;
    }
  }
  if (!best || tied) return std::nullopt;
  if (best_distance == 0 && collapse_white_space(folder_.fold_string(cell)) !=
                                collapse_white_space(folder_.fold_string(best->written)))
    return std::nullopt;  // read right, spaced its own way: kept as written
  return best->written;
}

}  // namespace vnplan::internal
