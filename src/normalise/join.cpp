// Joining: hard-wrapped lines back into paragraphs, page furniture removed.
//
// A line opens a new block when it starts with a structural marker, a label,
// a table row, or is set apart by decoration; otherwise it continues the open
// paragraph when that paragraph has not ended a sentence and the line either
// starts in lower case or the paragraph's last line ran to the wrap width.
// In OCR text, which loses list markers and breaks paragraphs at random:
// - a line that ends a sentence with room left for the next line's first word
//   (a capital or a number) ends its paragraph, and so does any line that ends
//   a sentence above a capital where the text leaves its paragraphs unspaced
//   (paragraphs_unspaced);
// - in a table with a unit column, a counted noun or a share ("%/năm") alone
//   on its line is a cell of its own;
// - a paragraph that stops at a comma, or at ";" before lower case, goes on
//   after a blank line;
// - the lower-case rest of a paragraph goes on it across lone markers.
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>

#include "internal.hpp"

namespace vnplan::internal {
namespace {

enum class Role { blank, text, table_row, separator, page_number, footnote, cell };

struct LineInfo {
  Role role = Role::text;
  bool starts_block = false;   // marker or label: never a continuation
  bool standalone = false;     // a number or date line: takes no continuation either
  bool bare_marker = false;    // "a)", "II." alone: OCR read its text elsewhere
  bool uppercase = false;      // every letter upper case (a header or title line)
  bool starts_lower = false;   // first letter lower case, or a digit
  bool letter_lower = false;   // first letter lower case (digits do not count)
  bool dash_lower = false;     // "- viện nghiên cứu ...": a dash, then lower case
  bool unit_column = false;    // a cell of a table whose header has a unit column
  bool numbered = false;       // opens with a section marker other than a bullet: "2.1.", "a)"
  bool lost_bar = false;       // printed text: a row whose opening bar was put back
  bool barless_table = false;  // printed text: a row of a table printed without bars
};

}  // namespace

struct JoinPatterns {
  std::shared_ptr<Pattern> starters;          // markers and labels, on the folded line head
  std::shared_ptr<Pattern> markers;           // section markers only
  std::shared_ptr<Pattern> numbered_markers;  // the same but bullets: "2.1.", "a)", "II."
  std::shared_ptr<Pattern> standalone;
  const Pattern* page_number;
  const Pattern* separator;
  const Pattern* footnote_start;
  const Pattern* superscript_footnote;
  const Pattern* table_head_first;
  const Pattern* table_head_cell;
  const Pattern* unit_column;  // a header cell naming the unit column ("Đơn vị tính")
  const Pattern* table_region_end;
  const Pattern* barless_row;      // a pipe row whose opening bar OCR lost
  const Pattern* barless_header;   // "TT | Chỉ tiêu": a header row that lost it
  const Pattern* misread_numeral;  // "||- MỤC TIÊU": a heading, not a pipe row
  const Pattern* capital_label;    // a label only with a capital ("Căn cứ …")
  const Pattern* footnote_mark;
  const Pattern* continues;
  const Pattern* empty_label;
  std::shared_ptr<Pattern> ocr_sign;      // a raw line only OCR writes
  std::shared_ptr<Pattern> any_raw_role;  // page number, separator or superscript footnote
  std::shared_ptr<Pattern> column_name;   // a header cell of a text table
  std::set<std::string> unit_nouns;       // folded: a cell that is a unit, never a wrap
};

std::shared_ptr<const JoinPatterns> make_join_patterns(const Grammar& grammar) {
  auto shared = std::make_shared<JoinPatterns>();
  JoinPatterns& p = *shared;
  std::vector<const Pattern*> starters, standalone, numbered;
  for (const auto& entry : grammar.patterns("structure/markers.re")) {
    starters.push_back(entry.pattern.get());
    if (entry.key != "bullet") numbered.push_back(entry.pattern.get());
  }
  p.markers = Pattern::any_of(starters);
  p.numbered_markers = Pattern::any_of(numbered);
  const auto& roles = "structure/line_roles.re";
  for (const auto& entry : grammar.patterns(roles)) {
    if (entry.key == "label") starters.push_back(entry.pattern.get());
    if (entry.key == "standalone") standalone.push_back(entry.pattern.get());
  }
  p.standalone = Pattern::any_of(standalone);
  starters.insert(starters.end(), standalone.begin(), standalone.end());
  p.starters = Pattern::any_of(starters);
  p.page_number = &grammar.pattern(roles, "page_number");
  p.separator = &grammar.pattern(roles, "separator");
  p.footnote_start = &grammar.pattern(roles, "footnote_start");
  p.superscript_footnote = &grammar.pattern(roles, "superscript_footnote");
  p.table_head_first = &grammar.pattern(roles, "table_head_first");
  p.table_head_cell = &grammar.pattern(roles, "table_head_cell");
  p.unit_column = &grammar.pattern("structure/table_columns.re", "unit");
  p.table_region_end = &grammar.pattern(roles, "table_region_end");
  p.barless_row = &grammar.pattern(roles, "barless_row");
  p.barless_header = &grammar.pattern(roles, "barless_header");
  p.misread_numeral = &grammar.pattern(roles, "misread_numeral");
  p.capital_label = &grammar.pattern(roles, "capital_label");
  p.footnote_mark = &grammar.pattern(roles, "footnote_mark");
  p.continues = &grammar.pattern(roles, "continues");
  p.empty_label = &grammar.pattern(roles, "empty_label");
  std::vector<const Pattern*> ocr_signs;
  for (const auto& entry : grammar.patterns(roles))
    if (entry.key == "ocr_sign") ocr_signs.push_back(entry.pattern.get());
  p.ocr_sign = Pattern::any_of(ocr_signs);
  p.any_raw_role = Pattern::any_of({p.separator, p.page_number, p.superscript_footnote});
  std::vector<const Pattern*> column_names;
  for (const auto& entry : grammar.patterns("structure/text_tables.re"))
    if (entry.key == "column_name") column_names.push_back(entry.pattern.get());
  p.column_name = Pattern::any_of(column_names);
  for (const auto& entry : grammar.entries("extract/units"))
    if (entry.key == "noun") p.unit_nouns.insert(entry.value);
  return shared;
}

namespace {

void describe_case(const std::string& text, LineInfo& info) {
  std::size_t letters = 0, upper = 0;
  bool first_seen = false;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (first_seen && byte >= 'a' && byte <= 'z') {  // a lower-case letter: settled
      info.uppercase = false;
      return;
    }
    char32_t code;
    i += utf8_decode(text, i, code);
    if (!first_seen && (u_isalpha(code) || u_isdigit(code))) {
      first_seen = true;
      info.starts_lower = u_islower(code) || u_isdigit(code);
      info.letter_lower = u_islower(code);
    }
    if (byte < 0x80 ? (byte >= 'A' && byte <= 'Z') : u_isalpha(code)) {
      ++letters;
      if (u_isupper(code)) ++upper;
    }
  }
  info.uppercase = letters >= 2 && upper == letters;
}

// "dinh về ...", not "% dân số": the line's very first character.
bool first_is_lower_letter(const std::string& text) {
  if (text.empty()) return false;
  char32_t code;
  utf8_decode(text, 0, code);
  return u_islower(code);
}

// "... tỉnh An": a line whose last word is capitalised; a name may go on after it.
bool ends_with_capital_word(const std::string& text) {
  std::size_t end = text.find_last_not_of(' ');
  if (end == std::string::npos) return false;
  std::size_t space = text.rfind(' ', end);
  std::size_t from = space == std::string::npos ? 0 : space + 1;
  char32_t code;
  utf8_decode(text, from, code);
  return u_isupper(code);
}

bool ends_sentence(const std::string& text) {
  std::size_t end = text.find_last_not_of(" ");
  if (end == std::string::npos) return true;
  char c = text[end];
  // "…" (U+2026): Word and pandoc write "..." as one character.
  if (end >= 2 && text.compare(end - 2, 3, "\xE2\x80\xA6") == 0) return true;
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

bool ends_glued_hyphen(const std::string& text) {
  return text.size() >= 2 && text.back() == '-' && text[text.size() - 2] != ' ';
}

// Whether a text whose lines were wrapped leaves its paragraphs unspaced: of
// the lines that end with a full stop right above a capital, a quarter or
// more have no blank line between. A text that spaces its paragraphs (most
// prints) puts the blank line where a paragraph ends, and a full stop right
// above a capital there is a wrap inside the paragraph; in an unspaced one
// (items that OCR lost the dashes of) it ends the item.
bool paragraphs_unspaced(const std::vector<CleanLine>& lines, const std::vector<LineInfo>& info) {
  constexpr std::size_t kMinStops = 10;
  std::size_t unspaced = 0, spaced = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (info[i].role != Role::text || lines[i].text.text.back() != '.') continue;
    std::size_t next = i + 1;
    while (next < lines.size() && info[next].role == Role::blank) ++next;
    if (next == lines.size() || info[next].role != Role::text) continue;
    char32_t first;
    utf8_decode(lines[next].text.text, 0, first);
    if (!u_isupper(first)) continue;
    ++(next == i + 1 ? unspaced : spaced);
  }
  return unspaced + spaced >= kMinStops && unspaced * 4 >= unspaced + spaced;
}

// "1552/BTTTT- / TTH" is one symbol again; "kinh tế - / xã hội" keeps its space.
bool joins_with_space(const Block& block, const LineInfo& next) {
  return !ends_glued_hyphen(block.text()) || next.starts_lower;
}

void append_line_after(std::string_view separator, Block& block, CleanLine& line) {
  block.content.append(line.text, separator);
  block.last_line = line.number;
  line.text = MappedText{};  // its bytes now live in the block
}

void append_line(Block& block, CleanLine& line, bool with_space) {
  append_line_after(with_space ? " " : "", block, line);
}

// A cell that is only a counted noun ("doanh nghiệp") or a share ("%/năm",
// "% GRDP"): a unit column, not the wrapped rest of the cell above. A wrap
// never starts at "%": the number it counts is glued to it or on the line.
bool is_unit_cell(const JoinPatterns& patterns, const Folder& folder, const std::string& text) {
  std::string folded = folder.fold_string(text);
  std::size_t first = folded.find_first_not_of(' ');
  if (first == std::string::npos) return false;
  if (folded[first] == '%') return true;
  std::size_t last = folded.find_last_not_of(' ');
  return patterns.unit_nouns.count(folded.substr(first, last + 1 - first)) > 0;
}

// Takes the line's text: each line goes into exactly one block.
Block start_block(CleanLine& line, BlockKind kind, bool blank_before) {
  Block block;
  block.blank_before = blank_before;
  block.kind = kind;
  block.content = std::move(line.text);
  block.first_line = block.last_line = line.number;
  block.decorated = line.decorated;
  return block;
}

// A pipe row's last line: a bar ends it (spaces after it aside).
bool ends_with_bar(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return !text.empty() && text.back() == '|';
}

bool bars_alone(std::string_view text) {
  return text.find_first_not_of("| ") == std::string_view::npos;
}

// A printed row of a padded table (a markdown table whose columns are padded
// with spaces) breaks where the padding ran past the page's width: a line ends
// without its cell's bar and the next one opens the next cell without its bar
// ("1 | Tiềm lực … sáng tạo" above "Thứ bậc | Đạt mức …"). Such a break may
// be a cell's end: the line below holds a bar, does not open in lower case (a
// cell goes on so: "Cơ quan chủ trì theo" above "dõi, đánh giá |") unless it
// opens with a share ("%/năm | 10": a wrap never starts at "%"), and the line
// above does not end with a word that cannot end a cell ("Bộ Khoa học và").
bool may_end_cell(std::string_view above_raw, const CleanLine& line, const LineInfo& line_info,
                  const JoinPatterns& patterns, const Folder& folder) {
  const std::string& text = line.text.text;
  if (text.empty() || text.front() == '|' || (line_info.letter_lower && text.front() != '%') ||
      text.find('|') == std::string::npos || ends_with_bar(above_raw))
    return false;
  constexpr std::size_t kLastWordBytes = 12;
  std::string_view tail =
      above_raw.substr(above_raw.size() - std::min(above_raw.size(), kLastWordBytes));
  return !patterns.continues->contains(folder.fold_string(tail));
}

std::size_t count_bars(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '|'));
}

// The bars of the rows above the last block (the row being joined): the count
// most of them have, the larger on a tie. A group row ("I | Đến năm 2030") or
// rows OCR ran together are the exceptions; a page's text between rows is
// passed over.
std::size_t usual_row_bars(const NormalisedText& out) {
  constexpr std::size_t kBlocksLookedAt = 16;
  std::map<std::size_t, std::size_t> rows_with;
  for (std::size_t b = out.blocks.size() - 1, seen = 0; b-- > 0 && seen < kBlocksLookedAt; ++seen)
    if (out.blocks[b].kind == BlockKind::table_row) ++rows_with[count_bars(out.blocks[b].text())];
  std::size_t usual = 0, most = 0;
  for (const auto& [bars, rows] : rows_with)
    if (rows >= most) {
      usual = bars;
      most = rows;
    }
  return usual;
}

// A row's first line, not a piece of one: a row number (line_roles.re
// `barless_row`) and then words ("| 18 | Nguồn nhân lực …"), not a piece of
// values ("| 100 | 100 | Đảng ủy …").
bool opens_numbered_row(const std::string& text, const JoinPatterns& patterns,
                        const Folder& folder) {
  std::string folded = folder.fold_string(text);
  std::size_t opening = folded.find_first_not_of("| ");
  if (opening == std::string::npos) return false;
  auto number = patterns.barless_row->find(folded, opening, true);
  if (!number) return false;
  std::size_t words = folded.find_first_not_of(' ', number->groups[0].end);
  return words != std::string::npos && folded[words] >= 'a' && folded[words] <= 'z';
}

// Which line breaks of the printed row [first, last] are cells' ends (true at
// the index of the line below, counted from `first`). A unit's cell ("% GDP |
// 30 | …") always opens one. Where the rows above are known (`row_bars`, the
// bars most of them have) and this is a whole row (its number first, its
// closing bar or the next row last), the row takes the breaks that may end a cell, first to
// last, until it has as many cells; only those below a line the next word
// would have fitted on (a word wrap would have filled it): where OCR dropped
// an empty cell's bars, no break is owed one. Where none is known (a header),
// a break ends a cell only below a line that ended short, with room to spare
// for a proportional face.
std::vector<bool> padded_cell_ends(const std::vector<CleanLine>& lines,
                                   const std::vector<LineInfo>& info, std::size_t first,
                                   std::size_t last, const std::string& first_text,
                                   std::size_t wrap_width, std::size_t row_bars,
                                   const JoinPatterns& patterns, const Folder& folder) {
  struct Break {
    std::size_t line;
    bool fits, short_line;
  };
  std::vector<bool> ends(last + 1 - first, false);
  std::vector<Break> breaks;
  std::size_t bars = count_bars(first_text), above = first;
  for (std::size_t k = first + 1; k <= last; ++k) {
    if (lines[k].blank) continue;
    const std::string& text = lines[k].text.text;
    bars += count_bars(text);
    const bool unit_cell = is_unit_cell(patterns, folder, text.substr(0, text.find('|')));
    if (may_end_cell(lines[above].raw, lines[k], info[k], patterns, folder)) {
      std::size_t fitted = lines[above].raw_length + 1 +
                           code_points(std::string_view(text).substr(0, text.find(' ')));
      if (unit_cell)
        ends[k - first] = true;
      else
        breaks.push_back({k - first, fitted <= wrap_width, fitted * 10 <= wrap_width * 8});
    }
    above = k;
  }
  for (bool unit_cell : ends) bars += unit_cell;
  if (row_bars == 0) {
    for (const Break& at : breaks) ends[at.line] = at.short_line;
    return ends;
  }
  // Whole: it closes with a bar, or the next numbered row follows it (the rest
  // of a row that does neither may come as a row piece of its own: "| 12/2025 |").
  std::size_t next = last + 1;
  while (next < lines.size() && lines[next].blank) ++next;
  const bool closes = ends_with_bar(lines[last].raw);
  const bool whole_row = opens_numbered_row(first_text, patterns, folder) &&
                         (closes || (next < lines.size() &&
                                     opens_numbered_row(lines[next].text.text, patterns, folder)));
  bars += !closes;  // the closing bar OCR lost
  std::size_t missing = whole_row && row_bars > bars ? row_bars - bars : 0;
  for (const Break& at : breaks)
    if (missing > 0 && at.fits) {
      ends[at.line] = true;
      --missing;
    }
  return ends;
}

// A pipe row hard-wrapped over several lines (a markdown table printed and read
// back by OCR, or typed with hard wraps): its first line does not end with a
// bar, and its text goes on, with no blank line, to the last line of that run
// that ends with one (a line inside may end with a bar too, where a cell ends
// at the wrap), across one blank line OCR may leave inside it. Those lines join
// the row; when no closing bar comes, the row is left as it is (a row may be
// written without one). In printed text the first line may end at a bar too,
// where the page's width fell right after one ("… | Cơ quan thực hiện |" above
// "Thời gian thực hiện |"): the lines right below it that end with a bar go on
// it. Returns the last line taken.
std::size_t join_wrapped_row(std::vector<CleanLine>& lines, const std::vector<LineInfo>& info,
                             std::size_t first, bool printed, std::size_t wrap_width,
                             const JoinPatterns& patterns, const Folder& folder,
                             NormalisedText& out) {
  constexpr std::size_t kMaxWrappedLines = 40;
  auto closes = [](const CleanLine& line) { return ends_with_bar(line.text.text); };
  // The first line is the block's now (start_block took its text).
  const bool first_closes = ends_with_bar(out.blocks.back().text());
  if (first_closes && !printed) return first;
  // OCR may leave one blank line inside the row; the row's text goes on after it
  // as long as no bar has closed the row yet.
  std::size_t last = first;
  for (std::size_t k = first + 1; k < lines.size() && k <= first + kMaxWrappedLines; ++k) {
    // Below a closed line, only a line of bars alone (the row's last bars,
    // "|") goes on it across that blank line.
    if (lines[k].blank && last == first && k + 1 < lines.size() && !lines[k + 1].blank &&
        (!first_closes || bars_alone(lines[k + 1].text.text)))
      continue;
    if (info[k].role != Role::text || lines[k].blank) break;
    // Below a closed line, a line that opens with a bar is a row of its own
    // whose one bar OCR kept ("| 11.1] Tỉ lệ …"), unless it is bars alone.
    if (first_closes && lines[k].text.text.front() == '|' && !bars_alone(lines[k].text.text)) break;
    if (closes(lines[k])) last = k;
  }
  // A row printed without its outer bars (a converter's bar-less table laid
  // out as a paragraph) never closes with one, though a line of it may end at a
  // cell's bar: OCR ends it with a blank line. A line of it may open with a bar
  // where the wrap fell before one, unless the row opened with a bar itself.
  if (info[first].barless_table) {
    std::size_t paragraph_end = first;
    for (std::size_t k = first + 1; k < lines.size() && k <= first + kMaxWrappedLines; ++k) {
      bool goes_on = info[k].role == Role::text ||
                     (info[k].role == Role::table_row && info[first].lost_bar && !info[k].lost_bar);
      if (lines[k].blank || !goes_on) break;
      paragraph_end = k;
    }
    last = std::max(last, paragraph_end);
  }
  // Printed text that never closes the row: the lines right below it that
  // hold a bar of their own are its cells all the same ("kinh tế | % }=55"
  // under "| 8 | Tỷ lệ … tăng trưởng"), across one blank line before them.
  if (last == first && printed && !first_closes) {
    for (std::size_t k = first + 1; k < lines.size() && k <= first + kMaxWrappedLines; ++k) {
      if (lines[k].blank && k == first + 1) continue;
      if (lines[k].blank || info[k].role != Role::text ||
          lines[k].text.text.find('|') == std::string::npos)
        break;
      last = k;
    }
  }
  if (last == first) return first;
  std::vector<bool> cell_ends =
      printed ? padded_cell_ends(lines, info, first, last, out.blocks.back().text(), wrap_width,
                                 usual_row_bars(out), patterns, folder)
              : std::vector<bool>(last + 1 - first, false);
  for (std::size_t k = first + 1; k <= last; ++k) {
    if (lines[k].blank) continue;
    append_line_after(cell_ends[k - first] ? " | " : " ", out.blocks.back(), lines[k]);
    ++out.stats.joined_lines;
  }
  return last;
}

// Digits glued to a document symbol that match the next expected footnote
// number are marks, not part of the symbol ("QĐ/TW1" → "QĐ/TW", "QH153" → "QH15").
void remove_footnote_marks(NormalisedText& out, const Pattern& mark) {
  std::vector<int> numbers;
  for (const auto& block : out.blocks) {
    if (block.kind != BlockKind::footnote) continue;
    int n = std::atoi(block.text().c_str());
    if (n > 0) numbers.push_back(n);
  }
  if (numbers.empty()) return;
  std::sort(numbers.begin(), numbers.end());
  std::size_t next = 0;
  for (auto& block : out.blocks) {
    if (block.kind != BlockKind::paragraph) continue;
    std::size_t from = 0;
    while (next < numbers.size()) {
      auto match = mark.find(block.content.text, from);
      if (!match) break;
      std::string digits(match->text(block.content.text, 0));
      std::string expected = std::to_string(numbers[next]);
      std::size_t a = match->groups[0].begin, b = match->groups[0].end;
      if (digits.size() >= expected.size() &&
          digits.compare(digits.size() - expected.size(), expected.size(), expected) == 0) {
        block.content.replace(b - expected.size(), b, "");
        ++out.stats.footnote_marks_removed;
        ++next;
        from = b - expected.size();
      } else {
        from = b > a ? b : a + 1;
      }
    }
  }
}

// Converters often render the two-column header (issuer | motto, number | date)
// as a table above the title. Table rows that open a document are header lines:
// each non-empty cell becomes a block of its own.
void split_header_table(NormalisedText& out) {
  std::size_t rows = 0;
  while (rows < out.blocks.size() && out.blocks[rows].kind == BlockKind::table_row) ++rows;
  if (rows == 0 || rows > 8) return;
  std::vector<Block> cells;
  for (std::size_t r = 0; r < rows; ++r) {
    const Block& row = out.blocks[r];
    const std::string& text = row.text();
    for (auto [a, b] : pipe_cells(text)) {
      if (a == b || text.find_first_not_of(":- ", a) >= b) continue;  // empty, or a rule
      Block cell;
      cell.kind = BlockKind::paragraph;
      cell.first_line = cell.last_line = row.first_line;
      cell.content = row.content.slice(a, b);
      cells.push_back(std::move(cell));
    }
  }
  out.blocks.erase(out.blocks.begin(), out.blocks.begin() + static_cast<std::ptrdiff_t>(rows));
  out.blocks.insert(out.blocks.begin(), std::make_move_iterator(cells.begin()),
                    std::make_move_iterator(cells.end()));
}

// A printed pipe row read back by OCR may lose its opening bar ("6 | Phát
// triển …"): a short first cell before a bar (line_roles.re `barless_row`)
// opens a row when the line holds a table's bars, or when a table row came
// just before it (a row wrapped at the page width holds one bar on its first
// line), or when it is a header's "TT |". Prose has no bar after a number, bar
// a misread "I" once.
bool lost_opening_bar(std::string_view text, std::string_view head, bool row_next_to,
                      const Pattern& barless_row) {
  constexpr std::size_t kBarsOfARow = 3;
  if (text.empty() || text[0] == '|' || !barless_row.matches_at_start(head)) return false;
  return row_next_to ||
         static_cast<std::size_t>(std::count(text.begin(), text.end(), '|')) >= kBarsOfARow;
}

// A printed row of which OCR kept the opening bar alone, its next one read as
// a bracket ("| 11.1] Tỉ lệ sử dụng …"): near other rows, a row number and
// that mark after the bar (line_roles.re `barless_row`).
bool kept_one_bar(std::string_view head, bool row_near, bool printed, const Pattern& barless_row) {
  if (!printed || !row_near) return false;
  std::size_t from = head.find_first_not_of("| ");
  return from != std::string_view::npos && barless_row.matches_at_start(head.substr(from));
}

// Some converters write a table's rows without the outer bars ("1 | Báo cáo … |
// Bộ Tư pháp | 2023"), as GitHub's markdown allows. Two spaced bars make a row:
// prose has none, and the two-column header (issuer | motto) has one.
bool barless_pipe_row(std::string_view text) {
  constexpr std::size_t kInnerBarsOfARow = 2;
  if (text.empty() || text[0] == '|') return false;
  std::size_t bars = 0;
  for (std::size_t at = text.find(" | "); at != std::string_view::npos;
       at = text.find(" | ", at + 2))
    ++bars;
  return bars >= kInnerBarsOfARow;
}

// Three lines that only OCR writes: one could be a typing slip, three are not.
constexpr std::size_t kMinOcrSigns = 3;

std::size_t count_ocr_signs(const std::vector<CleanLine>& lines, const Pattern& ocr_sign) {
  std::size_t signs = 0;
  for (const CleanLine& line : lines)
    if (!line.blank && line.raw.data() != nullptr && ocr_sign.matches_at_start(line.raw)) ++signs;
  return signs;
}

}  // namespace

NormalisedText join_lines(std::vector<CleanLine> lines, const JoinPatterns& patterns,
                          const Folder& folder, bool ocr_text, bool page_wrapped) {
  NormalisedText out;
  out.stats.lines = lines.size();
  out.stats.ocr_signs = count_ocr_signs(lines, *patterns.ocr_sign);
  ocr_text = ocr_text || out.stats.ocr_signs >= kMinOcrSigns;
  out.ocr_text = ocr_text;
  rebuild_text_tables(lines, *patterns.column_name, folder);
  out.blocks.reserve(lines.size() / 2 + 16);

  // Roles, and the linearised table regions (a header of known column names,
  // one cell per line) where nothing is joined, numbered or removed.
  std::vector<LineInfo> info(lines.size());
  bool in_table = false, table_has_units = false;
  // The last pipe row seen, and how far after it a row may have lost its bar:
  // a row wrapped over a page's lines, then the next row.
  constexpr std::size_t kRowGapLines = 12;
  std::size_t last_row = std::string::npos;
  bool barless_rows = false;  // printed text: the last row was printed without bars
  // A printed page's lines (OCR's, or a PDF's text layer) wrap a row anywhere.
  const bool printed = ocr_text || page_wrapped;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const CleanLine& line = lines[i];
    LineInfo& li = info[i];
    if (line.blank) {
      li.role = Role::blank;
      continue;
    }
    const std::string& text = line.text.text;
    std::string head = folder.fold_string(
        std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 160)));
    // A bold or heading line is never a cell of a linearised (PDF-extracted)
    // table: the table ended and a document or section follows.
    if (in_table && (line.decorated || patterns.table_region_end->matches_at_start(head)))
      in_table = false;
    // OCR misreads the "TT" over the number column ("ct", "IT"): in printed
    // text a word of up to three letters heads a table too when three column
    // names follow it.
    constexpr std::size_t kMaxMisreadHead = 3, kNamesUnderMisreadHead = 3;
    const bool misread_head =
        printed && head.size() <= kMaxMisreadHead && head.find_first_of(" |") == std::string::npos;
    if (!in_table && (misread_head || patterns.table_head_first->matches_at_start(head))) {
      std::size_t cells = 0;
      table_has_units = false;
      for (std::size_t k = i + 1; k < lines.size() && k <= i + 8; ++k) {
        if (lines[k].blank) continue;
        std::string cell = folder.fold_string(lines[k].text.text);
        if (!patterns.table_head_cell->matches_at_start(cell)) break;
        table_has_units = table_has_units || patterns.unit_column->matches_at_start(cell);
        ++cells;
      }
      in_table =
          cells >= (patterns.table_head_first->matches_at_start(head) ? 2 : kNamesUnderMisreadHead);
    }
    li.unit_column = in_table && table_has_units;
    bool row_near = last_row != std::string::npos && i - last_row <= kRowGapLines;
    if (!in_table &&
        (printed ? lost_opening_bar(text, head,
                                    row_near || patterns.barless_header->matches_at_start(head),
                                    *patterns.barless_row)
                 : barless_pipe_row(text))) {
      lines[i].text.replace(0, 0, "| ");
      head.insert(0, "| ");
      li.lost_bar = printed;
      last_row = i;  // a row printed without bars ends with none either
    }
    if (ends_with_bar(text)) last_row = i;  // a row, or the last line of one wrapped
    describe_case(text, li);
    if (in_table)
      li.role = Role::cell;
    else if (text[0] == '|' &&
             (text.find('|', 1) != std::string::npos ||
              kept_one_bar(head, row_near, printed, *patterns.barless_row)) &&
             !(printed && patterns.misread_numeral->matches_at_start(text)))
      li.role = Role::table_row;  // one bar alone is OCR's "I" ("|. MỤC ĐÍCH")
    else if (!patterns.any_raw_role->matches_at_start(text))
      li.role = Role::text;
    else if (patterns.separator->matches_at_start(text))
      li.role = Role::separator;
    else if (patterns.page_number->matches_at_start(text))
      li.role = Role::page_number;
    else if (patterns.superscript_footnote->matches_at_start(text))
      li.role = Role::footnote;
    if (printed && li.role == Role::table_row) {
      // In a table printed without bars, a row that opens with one has OCR's
      // bar for a Roman "I" ("| | Hoàn thiện …"): it too ends at a blank line.
      li.barless_table = li.lost_bar || (row_near && barless_rows);
      barless_rows = li.barless_table;
    }
    li.starts_block = patterns.starters->matches_at_start(head) ||
                      (!li.letter_lower && patterns.capital_label->matches_at_start(head));
    li.dash_lower = li.starts_block && li.letter_lower && !text.empty() && text[0] == '-';
    li.standalone = li.starts_block && patterns.standalone->matches_at_start(head);
    li.numbered = li.starts_block && patterns.numbered_markers->find(head, 0, true).has_value();
    if (li.starts_block && head.size() <= 8) {
      auto marker = patterns.markers->find(head, 0, true);
      li.bare_marker =
          marker && head.find_first_not_of(' ', marker->groups[0].end) == std::string::npos;
    }
  }

  // Wrap width: most lines of a PDF text run close to it; markdown lines are paragraphs.
  std::vector<std::size_t> lengths;
  std::size_t nonblank = 0, followed_by_blank = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (info[i].role != Role::text) continue;
    ++nonblank;
    if (i + 1 < lines.size() && info[i + 1].role == Role::blank) ++followed_by_blank;
    if (lines[i].raw_length >= 20) lengths.push_back(lines[i].raw_length);
  }
  std::size_t wrap_width = 0;
  if (!lengths.empty()) {
    std::sort(lengths.begin(), lengths.end());
    wrap_width = lengths[lengths.size() * 3 / 4];
  }
  bool wrapped = wrap_width > 0 && wrap_width <= 140;
  bool double_spaced = nonblank > 0 && followed_by_blank * 10 >= nonblank * 6;
  bool stops_end_items = ocr_text && paragraphs_unspaced(lines, info);

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t open = kNone;    // index of the paragraph that may continue
  std::size_t open_last = 0;   // its last line
  std::size_t open_first = 0;  // its first line
  // OCR text: the paragraph open before a run of lone markers ("h)" read apart
  // from its item), which the lower-case rest of that paragraph after the run
  // goes on.
  std::size_t held = kNone;
  std::size_t held_first = 0;  // its first line
  std::size_t blanks = 0;
  bool footnote_mode = false;
  std::size_t open_footnote = kNone;

  auto ends_unfinished = [&](const std::string& text) {
    std::size_t end = text.find_last_not_of(' ');
    if (end == std::string::npos) return false;
    if (text[end] == ':')
      return text.size() < 80 && patterns.empty_label->contains(folder.fold_string(text));
    // Only the last word matters: fold that, not the paragraph.
    std::size_t space = text.rfind(' ', end);
    std::size_t from = space == std::string::npos ? 0 : space;
    if (end + 1 - from > 12) return false;  // the words that cannot end a line are short
    return patterns.continues->contains(
        folder.fold_string(std::string_view(text).substr(from, end + 1 - from)));
  };
  // A page break can fall mid-sentence: the text goes on in lower case after it.
  auto lower_case_after_blank = [&](std::size_t i) {
    std::size_t j = i + 1;
    while (j < lines.size() && info[j].role == Role::blank) ++j;
    return j < lines.size() && info[j].starts_lower;
  };
  // A short line with no closing punctuation, then a blank line: a heading whose
  // marker was lost ("Trách nhiệm của các cấp ủy đảng trực thuộc Tỉnh ủy"), not
  // the last line of a paragraph, which ends its sentence (or goes on in lower
  // case after a page break).
  auto lone_title = [&](std::size_t i) {
    const std::string& text = lines[i].text.text;
    std::size_t end = text.find_last_not_of(' ');
    return end != std::string::npos && !ends_sentence(text) && text[end] != ',' &&
           (i + 1 == lines.size() || info[i + 1].role == Role::blank) &&
           lines[i].raw_length * 10 < wrap_width * 9 && !lower_case_after_blank(i);
  };
  // Would line i's first word have fitted at the end of the open paragraph's
  // last line? Then that line was not wrapped: it ended its paragraph. Only
  // for OCR text, which loses the list markers that show new items.
  auto first_word_fits = [&](std::size_t i) {
    const std::string& text = lines[i].text.text;
    std::size_t space = text.find(' ');
    std::size_t word = code_points(std::string_view(text).substr(0, space));
    return lines[open_last].raw_length + 1 + word <= wrap_width;
  };
  // Whether cell line i goes on the cell before it. In OCR text also across a
  // blank line (lower case from the first character), and after a wrap that
  // fell before a date ("... ngày / 8/12/2021 của Ủy ban ..."): a long line
  // right below a long cell line.
  auto cell_goes_on = [&](std::size_t i) {
    if (!wrapped || out.blocks.empty() || out.blocks.back().kind != BlockKind::cell) return false;
    const CleanLine& line = lines[i];
    const LineInfo& li = info[i];
    if (li.unit_column && is_unit_cell(patterns, folder, line.text.text)) return false;
    if (li.letter_lower && blanks == 0) return true;
    // "... văn bản số 1552/BTTTT- / TTH": a symbol broken at its hyphen.
    if (blanks == 0 && ends_glued_hyphen(out.blocks.back().text())) return true;
    // "Sở Khoa học và / Công nghệ": the cell cannot stop there. A row number
    // after it ("... các năm tiếp theo / 43") starts the next row all the same.
    if (blanks == 0 && !li.uppercase && !(li.starts_lower && !li.letter_lower) &&
        ends_unfinished(out.blocks.back().text()))
      return true;
    if (!ocr_text || ends_sentence(out.blocks.back().text())) return false;
    if (li.letter_lower && blanks == 1) return first_is_lower_letter(line.text.text);
    bool long_lines_here = line.raw_length * 4 >= wrap_width * 3 && i > 0 &&
                           lines[i - 1].raw_length * 4 >= wrap_width * 3;
    return blanks == 0 && li.starts_lower && !li.letter_lower && long_lines_here;
  };
  auto can_join = [&](std::size_t i) {
    if (open == kNone) return false;
    const CleanLine& p = lines[open_last];
    const LineInfo& pi = info[open_last];
    const LineInfo& li = info[i];
    const Block& block = out.blocks[open];
    bool full_line = wrapped && p.raw_length * 10 >= wrap_width * 9;
    bool long_lines = wrapped && wrap_width >= 60;
    bool next_line = blanks == 0 || double_spaced;
    // "nhà nước - doanh nghiệp / - viện nghiên cứu ...": a wrap before a dash
    // inside a phrase, not a new bullet.
    if (li.dash_lower && long_lines && full_line && next_line && !ends_sentence(block.text()) &&
        !pi.standalone && !p.decorated && !lines[i].decorated)
      return true;
    if (li.starts_block || pi.standalone || pi.bare_marker || lines[i].decorated || p.decorated)
      return false;
    // "Cơ quan chủ trì: Sở Khoa học và / Công nghệ.", "Thời gian thực hiện: / Trong tháng 9":
    // the line cannot stop there, whatever follows.
    if (!li.uppercase && !pi.uppercase && ends_unfinished(block.text())) return true;
    if (ends_sentence(block.text())) {
      // A wrap can fall just after ";" or ".": the next line then goes on in lower case.
      // After a full stop, a capital continues only a line that ran to the wrap
      // width, so that the capital's word could not have fitted on it.
      bool full_stop = block.text().back() == '.';
      // In OCR text a number after a full stop ("100% hồ sơ ...") is read like
      // a capital: OCR lost the dash of a new item more often than a line broke there.
      bool number_after_stop = ocr_text && full_stop && li.starts_lower && !li.letter_lower;
      // OCR text: a clause that stops at ";" goes on in lower case after a blank line too.
      bool clause_after_blank = ocr_text && blanks == 1 && block.text().back() == ';' &&
                                first_is_lower_letter(lines[i].text.text);
      if (li.starts_lower && !number_after_stop)
        return blanks == 0 || (double_spaced && wrapped) || clause_after_blank;
      return full_stop && full_line && blanks == 0 && !li.uppercase && !lone_title(i) &&
             !(ocr_text && (stops_end_items || first_word_fits(i)));
    }
    // OCR text: a numbered heading's one-line title ends where its line ends well short
    // of the wrap (a tenth: a proper noun's capital may come after a wrap) and
    // not on a capitalised word ("tỉnh An" / "Giang"); the
    // capital below it opens the heading's first item, whose list marker OCR
    // lost ("7.2. Chiến lược xây dựng chính quyền số" / "Tích hợp, liên thông").
    if (ocr_text && blanks == 0 && open_last == open_first && info[open_first].numbered &&
        !li.starts_lower && !li.uppercase && p.raw_length * 10 < wrap_width * 9 &&
        !ends_with_capital_word(block.text()) && first_word_fits(i))
      return false;
    // After a line in capitals a title ends, unless that line was one short
    // abbreviation wrapped out of a sentence ("... giúp việc Đảng ủy / UBND /
    // tỉnh.") that goes on in lower case.
    constexpr std::size_t kAbbreviation = 8;  // code points
    bool capitals_wrap = li.starts_lower && p.raw_length <= kAbbreviation &&
                         block.text().size() > p.text.text.size() + 40;
    if (pi.uppercase && !li.uppercase && !capitals_wrap) return false;
    if (ends_glued_hyphen(block.text())) return true;  // "204-" / "QĐ/TW": one symbol
    // Across a blank line (a page break in converter output), only a lower-case
    // start shows that the paragraph goes on.
    // A long paragraph that stops mid-sentence was cut by a page break.
    if (blanks > 0 && !li.uppercase && block.text().size() >= 250) return true;
    // OCR text breaks paragraphs at random: a paragraph that stops at a comma
    // goes on after the blank line, whatever the case of the next word, when it
    // holds several lines or a long one (short lines ending in commas are
    // lists: recipients, agencies).
    bool several_lines = block.text().size() > p.text.text.size() + 1;
    if (blanks == 1 && ocr_text && block.text().back() == ',' && !li.uppercase && long_lines &&
        (several_lines || p.raw_length * 4 >= wrap_width * 3))
      return true;
    if (blanks > 0 && !(double_spaced && wrapped)) return li.starts_lower;
    if (li.starts_lower) return true;
    return wrapped && p.raw_length * 4 >= wrap_width * 3;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    CleanLine& line = lines[i];
    switch (info[i].role) {
      case Role::blank:
        ++blanks;
        if (line.spaces_only_long) footnote_mode = true;
        continue;
      case Role::separator:
        open = kNone;  // a rule under the title ends it
        ++blanks;
        [[fallthrough]];
      case Role::page_number:
        out.stats.removed.push_back({line.number, line.text.origin_of(0), line.text.end_origin});
        if (info[i].role == Role::page_number) ++out.stats.page_numbers_removed;
        continue;
      case Role::cell:
        // A hard-wrapped text (PDF text, OCR) wraps a long cell too: its next
        // line goes on in lower case, right below it (cell_goes_on).
        if (cell_goes_on(i)) {
          append_line(out.blocks.back(), line, joins_with_space(out.blocks.back(), info[i]));
          ++out.stats.joined_lines;
          continue;
        }
        [[fallthrough]];
      case Role::table_row:
        open = kNone;
        footnote_mode = false;
        out.blocks.push_back(start_block(
            line, info[i].role == Role::cell ? BlockKind::cell : BlockKind::table_row, blanks > 0));
        blanks = 0;
        if (info[i].role == Role::table_row)
          i = join_wrapped_row(lines, info, i, printed, wrap_width, patterns, folder, out);
        continue;
      case Role::footnote:
        out.blocks.push_back(start_block(line, BlockKind::footnote, blanks > 0));
        open_footnote = out.blocks.size() - 1;
        footnote_mode = true;
        blanks = 0;
        continue;
      case Role::text:
        break;
    }
    if (footnote_mode) {
      if (patterns.footnote_start->matches_at_start(line.text.text)) {
        out.blocks.push_back(start_block(line, BlockKind::footnote, blanks > 0));
        open_footnote = out.blocks.size() - 1;
        blanks = 0;
        continue;
      }
      if (open_footnote != kNone && !ends_sentence(out.blocks[open_footnote].text()) &&
          !info[i].starts_block) {
        append_line(out.blocks[open_footnote], line, true);
        blanks = 0;
        continue;
      }
      footnote_mode = false;
      open_footnote = kNone;
    }
    if (ocr_text && held != kNone && open != kNone && info[open_last].bare_marker &&
        info[i].letter_lower && !info[i].starts_block && !info[i].bare_marker &&
        !ends_sentence(out.blocks[held].text())) {
      append_line(out.blocks[held], line, true);  // the markers stay for the items after
      ++out.stats.joined_lines;
      open = held, open_first = held_first, open_last = i, held = kNone, blanks = 0;
      continue;
    }
    if (can_join(i)) {
      Block& block = out.blocks[open];
      append_line(block, line, joins_with_space(block, info[i]));
      ++out.stats.joined_lines;
    } else {
      if (!info[i].bare_marker)
        held = kNone;
      else if (open != kNone && !info[open_last].bare_marker)
        held = open, held_first = open_first;
      out.blocks.push_back(start_block(line, BlockKind::paragraph, blanks > 0));
      open = out.blocks.size() - 1;
      open_first = i;
    }
    open_last = i;
    blanks = 0;
  }
  split_header_table(out);
  remove_footnote_marks(out, *patterns.footnote_mark);
  for (auto& block : out.blocks) {  // joined blocks grew by doubling
    block.content.text.shrink_to_fit();
    block.content.runs.shrink_to_fit();
  }
  out.blocks.shrink_to_fit();  // reserved for one block per two lines
  return out;
}

}  // namespace vnplan::internal
