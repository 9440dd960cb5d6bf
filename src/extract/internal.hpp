// Internal to the extract stage: the pieces goals, targets and tasks share.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/extract.hpp"
#include "vnplan/structure.hpp"

namespace vnplan::internal {

// One number read as a measure: where it stands in the folded text and what it says.
struct Measure {
  std::size_t begin = 0;  // folded bytes of the comparator-free value ("80% - 90%")
  std::size_t end = 0;
  std::size_t unit_end = 0;      // after the unit, when one follows the number
  std::size_t phrase_begin = 0;  // where the comparator words start
  std::string comparator;        // >= > <= < = range
  double value = 0;
  std::optional<double> value_max;
  std::string unit;  // folded; mapped back to the original by the caller
  std::size_t unit_begin = 0;
  bool counted = false;  // the unit is a counted noun ("doanh nghiệp"), not a measure ("%")
};

// Reads measures with grammars/extract/targets.re.tsv and units.tsv.
class MeasureReader {
 public:
  MeasureReader(const Grammar& grammar, const Folder& folder);
  // Every measure in folded[begin, end). In OCR output (`ocr_text`) the
  // comparators of key ocr_ge come first: ">" or "=" read for "≥".
  std::vector<Measure> find(const std::string& folded, std::size_t begin, std::size_t end,
                            bool ocr_text = false) const;
  // The Vietnamese-style number "1.200" → 1200, "1,5" → 1.5, "0.73" → 0.73.
  static std::optional<double> parse_number(std::string_view written);
  // Tesseract reads "≥" as a "2" glued to the number ("≥55" → "255", "≥ 20" →
  // "220"). For a share (`percent`) in OCR output written as three digits from
  // 210 to 299 with no comparator, a value no share reaches, this makes it "≥"
  // and the last two digits. A count alone in its table cell (`alone_in_cell`)
  // written 201 to 209 is "≥" and a count written with two digits as plans
  // write small counts ("≥ 01" → "201"). Returns whether it did either.
  static bool mend_ge_read_as_two(Measure& measure, std::string_view folded, bool percent,
                                  bool alone_in_cell = false);
  bool yearly(std::string_view folded) const;
  std::optional<int> year(std::string_view folded) const;
  // The horizon a target's clause sets for itself (key own_year), which
  // outranks the heading's.
  std::optional<int> own_year(std::string_view folded) const;
  // Where a closing own horizon ("… đến năm 2025") starts in folded, or its size.
  std::size_t year_tail_start(std::string_view folded) const;
  // Bytes of lead-in words ("phấn đấu", "có") at the start of folded.
  std::size_t lead_in(std::string_view folded) const;
  // Bytes at the end of folded that tie the thing measured to its number ("đạt").
  std::size_t measure_verb_start(std::string_view folded) const;
  bool opens_clause(std::string_view folded) const;
  // "Hằng năm", "Đến năm 2030": a piece that only says when, not a clause.
  bool is_adverbial(std::string_view folded) const;
  bool not_target(std::string_view folded) const;
  // The last word joining two measures of a series (key series_and) in
  // folded, as its begin and end, or {npos, npos}.
  std::pair<std::size_t, std::size_t> series_and(std::string_view folded) const;
  // The word (key item_and) that closes folded when the number after it
  // starts the next item of a list, as its begin and end, or {npos, npos}.
  std::pair<std::size_t, std::size_t> item_and(std::string_view folded) const;
  // The unit cell of a target table in OCR output as the lexicon writes it
  // (units.tsv, key "cell", each also with a "per" ending: "Bài báo/năm"),
  // when its folded text is an edit or two from exactly one of them: a short
  // cell has too little context for restoration ("Thi bac" for "Thứ bậc").
  std::optional<std::string> known_unit_cell(std::string_view cell) const;

 private:
  const Grammar& grammar_;
  const Pattern& number_;
  const Pattern& range_joiner_;
  std::vector<const Pattern*> not_before_;
  std::vector<const Pattern*> not_after_;
  const Pattern& year_context_;
  const Pattern& time_after_;
  std::vector<std::pair<std::string, const Pattern*>> comparators_;
  std::vector<const Pattern*> ocr_ge_;
  std::vector<const Pattern*> ocr_le_;  // "≤" as OCR read it
  const Pattern& percent_;
  const Pattern& per_capita_;
  const Pattern& yearly_;
  const Pattern& year_;
  const Pattern& own_year_;
  const Pattern& year_tail_;
  const Pattern& approx_;
  const Pattern& lead_in_;
  const Pattern& measure_verb_;
  const Pattern& clause_opener_;
  const Pattern& adverbial_;
  const Pattern& not_target_;
  const Pattern& series_and_;
  const Pattern& item_and_;
  std::shared_ptr<Pattern> nouns_;  // the counted nouns, longest first
  std::vector<std::string> stop_words_;
  const Folder& folder_;
  struct UnitCell {
    std::string written;     // with diacritics, as output
    std::u32string letters;  // folded, without spaces
  };
  std::vector<UnitCell> unit_cells_;
  std::u32string unit_letters(std::string_view text) const;
  std::string counted_unit(const std::string& folded, std::size_t at, std::size_t end,
                           std::size_t& unit_end) const;
};

// A labelled line read: its role (lead, support, directing, performer,
// deadline) and where its value starts in the folded text.
struct Label {
  std::string role;
  std::size_t value_begin = 0;  // folded
};

// Everything the item extractors share for one document.
// The patterns of grammars/extract/assignments.re.tsv and labels.re.tsv, looked
// up once per engine rather than by name for every item.
struct Cues {
  explicit Cues(const Grammar& grammar);
  const Pattern& lead_support;
  const Pattern& lead_only;
  const Pattern& support_only;
  const Pattern& assign;
  const Pattern& heading_agency;
  const Pattern& clause_end;
  const Pattern& lead_in_list;
  const Pattern& not_item;
  const Pattern& inline_category;
  std::shared_ptr<Pattern> any_label;  // any labelled line: one test before trying each
};

// The year of a text that is nothing but a horizon ("Đến hết năm 2035"), read
// with the horizon patterns of structure/section_kinds.re; a stray "." or ":"
// of a misread marker may stand before or after it. `folded` is folded text.
std::optional<int> horizon_only_year(const Grammar& grammar, std::string_view folded);

struct ItemContext {
  const StructureInput& input;
  const AgencyRegistry& agencies;
  const DeadlineReader& deadlines;
  const MeasureReader& measures;
  const Cues& cues;
  DocumentModel& model;
};

// The agencies of one document: each registered once in model.agencies, with
// every mention and its role; an unknown name gets one agency.unknown diagnostic.
class AgencyBook {
 public:
  explicit AgencyBook(const ItemContext& ctx);
  // Registers a mention; returns the agency's id.
  std::string add(const AgencyName& name, const Span& span, const std::string& role);

 private:
  const ItemContext& ctx_;
  std::map<std::string, std::size_t> index_;
};

// Reads the rows of the document's target and assignment tables into targets
// and tasks (source "table").
void read_table_items(const ItemContext& ctx, AgencyBook& book);
// Links each table item to the text item that states the same commitment
// (same_as, both ways); items must have their ids.
void link_same_items(const ItemContext& ctx);

// Where sentences break in folded[begin, end) of unit u: ". " (not "...")
// before a capital letter of the original text. `stop` is the full stop, `next`
// the first byte of the next sentence.
struct SentenceBreak {
  std::size_t stop = 0;
  std::size_t next = 0;
};
std::vector<SentenceBreak> sentence_breaks(const StructureInput& input, std::size_t u,
                                           std::size_t begin, std::size_t end);

// The folded view has no case; the original text tells where a sentence starts.
bool starts_with_capital(const std::string& text, std::size_t at);

// Where an item stands: its section and what that section says about it.
struct ItemPlace {
  std::optional<std::string> section;   // id
  std::optional<int> year;              // the horizon of the enclosing heading
  std::optional<std::string> category;  // the enclosing a)/b) heading's title
};

// Goals and targets of folded[begin, end) of unit u (a paragraph of a goals
// section); the indices of the targets added go to new_targets.
void read_goal_paragraph(const ItemContext& ctx, std::size_t u, std::size_t begin, std::size_t end,
                         const ItemPlace& place, std::vector<std::size_t>& new_targets);

}  // namespace vnplan::internal
