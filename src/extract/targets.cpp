// Goals and targets from one paragraph of a goals section.
//
// A paragraph is cut into sentences, a sentence into clauses at ";" and at a
// comma that opens a new clause (", có ≥ 40 ..."). A clause with a measure is a
// target; two measures split by a comma in one clause are two targets ("đạt 2%
// GRDP, trong đó kinh phí từ xã hội chiếm hơn 60%"). The clauses of a sentence
// that hold no measure make one goal.
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "internal.hpp"

namespace vnplan::internal {

bool starts_with_capital(const std::string& text, std::size_t at) {
  if (at >= text.size()) return false;
  UChar32 c = 0;
  std::int32_t i = static_cast<std::int32_t>(at);
  U8_NEXT(text.data(), i, static_cast<std::int32_t>(text.size()), c);
  return c > 0 && u_isupper(c);
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

void trim_range(const std::string& folded, std::size_t& begin, std::size_t& end) {
  auto edge = [](char c) { return is_space(c) || c == ',' || c == ';' || c == ':'; };
  while (begin < end && (edge(folded[begin]) || folded[begin] == '-')) ++begin;
  while (end > begin && (edge(folded[end - 1]) || folded[end - 1] == '.')) --end;
}

struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Whether words, as written, name something: one of two letters or more,
// letters only (punctuation at its ends aside). OCR's stray signs before a
// number ("Có S ≥ 75% …", "Mỗi năm cé6 = 20 bài báo …") name nothing; the
// words after the number do. (The folded view would read "cé6" as "ceo".)
// "USD", "tỷ USD": the last word is written in capitals only.
bool ends_with_abbreviation(std::string_view unit) {
  std::size_t start = unit.rfind(' ');
  start = start == std::string_view::npos ? 0 : start + 1;
  std::size_t capitals = 0;
  for (std::size_t k = start; k < unit.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(unit[k]);
    if (c >= 0x80 || std::islower(c)) return false;
    capitals += std::isupper(c) ? 1 : 0;
  }
  return capitals >= 2;
}

bool names_something(std::string_view text) {
  auto ascii_punct = [](unsigned char c) { return c < 0x80 && std::ispunct(c); };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t b = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::size_t e = i;
    while (b < e && ascii_punct(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && ascii_punct(static_cast<unsigned char>(text[e - 1]))) --e;
    std::size_t letters = 0;
    bool only_letters = true;
    for (std::size_t k = b; k < e; ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      if (c >= 0xC0 || std::isalpha(c))
        ++letters;
      else if (c < 0x80)
        only_letters = false;
    }
    if (only_letters && letters >= 2) return true;
  }
  return false;
}

}  // namespace

std::vector<SentenceBreak> sentence_breaks(const StructureInput& input, std::size_t u,
                                           std::size_t begin, std::size_t end) {
  const std::string& folded = input.folded(u);
  const std::string& text = input.text_of(u);
  std::vector<SentenceBreak> breaks;
  for (std::size_t i = folded.find(". ", begin); i != std::string::npos && i + 1 < end;
       i = folded.find(". ", i + 1)) {
    if (i > begin && folded[i - 1] == '.') continue;  // "Big Data... trong"
    std::size_t next = i + 1;
    while (next < end && is_space(folded[next])) ++next;
    if (next >= end) continue;
    // "... đám mây. 100% cơ sở dữ liệu ...": a share opens a sentence too, after a word.
    bool number_after_word = folded[next] >= '0' && folded[next] <= '9' && i > begin &&
                             folded[i - 1] >= 'a' && folded[i - 1] <= 'z';
    if (!number_after_word && !starts_with_capital(text, input.to_text(u, next))) continue;
    breaks.push_back({i, next});
  }
  return breaks;
}

namespace {

std::vector<Range> sentences_of(const ItemContext& ctx, std::size_t u, std::size_t begin,
                                std::size_t end) {
  std::vector<Range> sentences;
  std::size_t start = begin;
  for (const SentenceBreak& b : sentence_breaks(ctx.input, u, begin, end)) {
    sentences.push_back({start, b.stop});
    start = b.next;
  }
  if (start < end) sentences.push_back({start, end});
  return sentences;
}

// Clauses: ";" always; a comma when the words after it open a clause.
std::vector<Range> clauses_of(const ItemContext& ctx, const std::string& folded, Range sentence) {
  std::vector<Range> clauses;
  std::size_t start = sentence.begin;
  int depth = 0;
  for (std::size_t i = sentence.begin; i < sentence.end; ++i) {
    char c = folded[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    std::string_view rest = std::string_view(folded).substr(i + 1, sentence.end - i - 1);
    std::string_view piece = std::string_view(folded).substr(start, i - start);
    bool cut = depth == 0 && (c == ';' || (c == ',' && ctx.measures.opens_clause(rest) &&
                                           !ctx.measures.is_adverbial(piece)));
    if (!cut) continue;
    clauses.push_back({start, i});
    start = i + 1;
  }
  clauses.push_back({start, sentence.end});
  return clauses;
}

// The last comma between two measures, where a clause with two of them splits.
std::size_t comma_between(const std::string& folded, std::size_t from, std::size_t to) {
  int depth = 0;
  std::size_t found = std::string::npos;
  for (std::size_t i = from; i < to; ++i) {
    if (folded[i] == '(') ++depth;
    if (folded[i] == ')' && depth > 0) --depth;
    if (folded[i] == ',' && depth == 0) found = i;
  }
  return found;
}

// "… 5.500 tấn/năm vào năm 2010 và 10.000 tấn/năm vào năm 2015": the word
// joining two measures that each name their own horizon, or {npos, npos}.
// Without both horizons "và" joins what one measure describes ("100% người
// dùng … và tốc độ trên 01 Gb/s").
Range series_and_between(const ItemContext& ctx, const std::string& folded, std::size_t piece_begin,
                         std::size_t from, std::size_t to, std::size_t clause_end) {
  constexpr Range kNone{std::string::npos, std::string::npos};
  std::string_view view(folded);
  auto [begin, end] = ctx.measures.series_and(view.substr(from, to - from));
  if (begin == std::string_view::npos) return kNone;
  Range word{begin + from, end + from};
  if (!ctx.measures.own_year(view.substr(piece_begin, word.begin - piece_begin)) ||
      !ctx.measures.own_year(view.substr(word.end, clause_end - word.end)))
    return kNone;
  return word;
}

// "100% A, B và 100% C": the "và" right before the next measure, where the
// list's next item starts, or {npos, npos}.
Range item_and_between(const ItemContext& ctx, const std::string& folded, std::size_t from,
                       std::size_t to) {
  if (from >= to) return {std::string::npos, std::string::npos};
  auto [begin, end] = ctx.measures.item_and(std::string_view(folded).substr(from, to - from));
  if (begin == std::string_view::npos) return {std::string::npos, std::string::npos};
  return {begin + from, end + from};
}

Target make_target(const ItemContext& ctx, std::size_t u, Range clause, const Measure& m,
                   const ItemPlace& place, std::optional<int> sentence_year) {
  const std::string& folded = ctx.input.folded(u);
  trim_range(folded, clause.begin, clause.end);
  Target target;
  target.section = place.section;
  target.text = ctx.input.original(u, clause.begin, clause.end);
  target.span = ctx.input.span(u, clause.begin, clause.end);
  target.comparator = m.comparator;
  target.value = m.value;
  target.value_max = m.value_max;
  if (!m.unit.empty()) {
    if (m.unit.find('/') != std::string::npos && m.counted &&
        folded.compare(m.unit_begin, m.unit.size(), m.unit) != 0) {
      // "người" + "/vạn dân" read from further along: rebuild from the original.
      std::size_t slash = m.unit.find('/');
      std::string noun = ctx.input.original(u, m.unit_begin, m.unit_end);
      std::string per_folded = m.unit.substr(slash + 1);
      std::size_t at = folded.find(per_folded, m.unit_end);
      std::string per =
          at == std::string::npos ? per_folded : ctx.input.original(u, at, at + per_folded.size());
      noun += '/';
      noun += per;
      target.unit = std::move(noun);
    } else {
      std::string unit = ctx.input.original(u, m.unit_begin, m.unit_end);
      // A counted noun is a common noun: "01 Trung tâm" counts "trung tâm";
      // an abbreviation keeps its capitals ("tỷ USD").
      if (m.counted && !ends_with_abbreviation(unit)) {
        std::string lower;
        icu::UnicodeString::fromUTF8(unit).toLower(icu::Locale("vi")).toUTF8String(lower);
        unit = std::move(lower);
      }
      // "%GRDP" written together reads as "% GRDP".
      if (unit.size() > 1 && unit[0] == '%' && unit[1] != ' ') {
        std::string spaced = "% ";
        spaced.append(unit, 1, std::string::npos);
        unit = std::move(spaced);
      }
      target.unit = std::move(unit);
    }
  }
  std::string_view clause_view =
      std::string_view(folded).substr(clause.begin, clause.end - clause.begin);
  target.yearly = ctx.measures.yearly(clause_view);
  if (auto own = ctx.measures.own_year(clause_view))
    target.year = own;
  else
    target.year = place.year ? place.year : sentence_year;
  target.category = place.category;
  // Indicator: the words after the number when it opens the clause ("100% cán
  // bộ ..."), else the words before it ("Tỷ lệ phủ sóng 5G đạt 100%").
  std::size_t lead = clause.begin + ctx.measures.lead_in(clause_view);
  std::size_t before_end = std::max(lead, m.phrase_begin);
  std::string_view before = std::string_view(folded).substr(lead, before_end - lead);
  std::size_t verb = ctx.measures.measure_verb_start(before);
  std::size_t ib = lead, ie = lead + verb;
  ie = ib + ctx.measures.year_tail_start(std::string_view(folded).substr(ib, ie - ib));
  trim_range(folded, ib, ie);
  if (ie <= ib || !names_something(ctx.input.original(u, ib, ie))) {
    ib = m.counted ? m.unit_begin : m.unit_end;
    ie = clause.end;
    trim_range(folded, ib, ie);
  }
  target.indicator = ctx.input.original(u, ib, ie);
  return target;
}

}  // namespace

void read_goal_paragraph(const ItemContext& ctx, std::size_t u, std::size_t begin, std::size_t end,
                         const ItemPlace& place, std::vector<std::size_t>& new_targets) {
  const std::string& folded = ctx.input.folded(u);
  for (Range sentence : sentences_of(ctx, u, begin, end)) {
    std::optional<int> sentence_year = ctx.measures.year(
        std::string_view(folded).substr(sentence.begin, sentence.end - sentence.begin));
    std::vector<Range> goal_parts;
    for (Range clause : clauses_of(ctx, folded, sentence)) {
      std::vector<Measure> measures =
          ctx.measures.find(folded, clause.begin, clause.end, ctx.input.text.looks_ocr());
      std::string_view clause_view =
          std::string_view(folded).substr(clause.begin, clause.end - clause.begin);
      if (measures.empty() || ctx.measures.not_target(clause_view)) {
        goal_parts.push_back(clause);
        continue;
      }
      // Measures after the first start a target of their own when a comma
      // separates them from the one before; otherwise they describe it
      // ("100% người dùng ... tốc độ trên 01 Gb/s").
      std::size_t start = clause.begin;
      std::vector<std::pair<Range, const Measure*>> pieces;
      for (std::size_t k = 0; k < measures.size(); ++k) {
        if (k == 0) {
          pieces.push_back({{start, clause.end}, &measures[k]});
          continue;
        }
        std::size_t comma =
            comma_between(folded, measures[k - 1].unit_end, measures[k].phrase_begin);
        Range joint{comma, comma + 1};
        Range and_word = item_and_between(
            ctx, folded, comma == std::string::npos ? measures[k - 1].unit_end : comma + 1,
            measures[k].phrase_begin);
        if (and_word.begin != std::string::npos)
          joint = and_word;
        else if (comma == std::string::npos)
          joint =
              series_and_between(ctx, folded, pieces.back().first.begin, measures[k - 1].unit_end,
                                 measures[k].phrase_begin, clause.end);
        if (joint.begin == std::string::npos) continue;
        pieces.back().first.end = joint.begin;
        pieces.push_back({{joint.end, clause.end}, &measures[k]});
      }
      std::string said;  // what the piece before measured
      for (auto& [range, measure] : pieces) {
        Target target = make_target(ctx, u, range, *measure, place, sentence_year);
        // "…, đến năm 2030 đạt 80%": a piece that names only its horizon
        // measures what the piece before it did.
        bool names_only_unit = target.unit && ctx.input.folder.fold_string(target.indicator) ==
                                                  ctx.input.folder.fold_string(*target.unit);
        bool own_horizon =
            ctx.measures
                .own_year(std::string_view(folded).substr(range.begin, range.end - range.begin))
                .has_value();
        // "…, 10.000 tấn/năm vào năm 2015": one that opens with its number, too.
        std::size_t opening = range.begin, piece_end = range.end;
        trim_range(folded, opening, piece_end);
        bool opens_with_number = opening >= measure->phrase_begin;
        if (!said.empty() && own_horizon &&
            (names_only_unit || opens_with_number || !names_something(target.indicator)))
          target.indicator = said;
        said = target.indicator;
        // A bare number that measures nothing named: OCR's stray "3. De" line.
        if (!target.unit && !names_something(target.indicator)) continue;
        ctx.model.targets.push_back(std::move(target));
        new_targets.push_back(ctx.model.targets.size() - 1);
      }
    }
    // The clauses without a measure, together, are the sentence's goal.
    if (goal_parts.empty()) continue;
    std::size_t gb = goal_parts.front().begin, ge = goal_parts.back().end;
    if (goal_parts.size() > 1) {
      // Keep only a contiguous run; split where a target clause came between.
      for (std::size_t k = 1; k < goal_parts.size(); ++k) {
        if (goal_parts[k].begin != goal_parts[k - 1].end + 1) {
          std::size_t b = gb, e = goal_parts[k - 1].end;
          trim_range(folded, b, e);
          if (e > b) {
            ctx.model.goals.push_back(
                {"", place.section, ctx.input.original(u, b, e), ctx.input.span(u, b, e), {}});
          }
          gb = goal_parts[k].begin;
        }
      }
    }
    trim_range(folded, gb, ge);
    if (ge > gb)
      ctx.model.goals.push_back(
          {"", place.section, ctx.input.original(u, gb, ge), ctx.input.span(u, gb, ge), {}});
  }
}

}  // namespace vnplan::internal
