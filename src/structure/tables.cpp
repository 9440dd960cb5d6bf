// Tables: markdown pipe tables (also those the HTML, DOCX and PDF readers
// write) and tables linearised one cell per line. Here they get their columns'
// roles, their rows, each row's number and whether it is a group row; the
// extract stage reads the rows into targets and tasks (table_items.cpp).
#include <algorithm>
#include <cctype>
#include <tuple>

#include "internal.hpp"
#include "vnplan/segment.hpp"

namespace vnplan::internal {
namespace {

// OCR of a printed pipe table reads the bars around empty cells as marks
// ("] ]]]) 111]", "/]]/]/ 1] i", "TT TLL TT") and glues a bracket to a cell's
// edge ("Phát triển hạ tầng]"): words of such marks (tables.re `bar_strokes`)
// are taken off the end of a cell, and a cell made of them is empty.
std::pair<std::size_t, std::size_t> without_bar_strokes(std::string_view text, std::size_t a,
                                                        std::size_t b, const Pattern& strokes) {
  constexpr std::string_view kEdge = "[]{} ";
  if (a == b || strokes.matches_at_start(text.substr(a, b - a))) return {a, a};  // the whole cell
  while (b > a) {
    std::size_t space = text.rfind(' ', b - 1);
    std::size_t word = space == std::string_view::npos || space < a ? a : space + 1;
    if (!strokes.matches_at_start(text.substr(word, b - word))) break;
    b = word;
    while (b > a && text[b - 1] == ' ') --b;
  }
  // Not the "[" of "[.2 Phát triển …": OCR's I of a Roman group number.
  while (a < b && kEdge.find(text[a]) != std::string_view::npos &&
         !(text[a] == '[' && a + 1 < b && text[a + 1] == '.'))
    ++a;
  while (b > a && kEdge.find(text[b - 1]) != std::string_view::npos) --b;
  return {a, b};
}

// "11.1] Tỉ lệ …": a row number whose bar OCR read as a bracket, glued to the
// cell after it; the number may be misread too ("IP] Đến năm 2045" for "I |
// Đến năm 2045"). Where that bar falls, or npos.
std::size_t bar_read_after_number(std::string_view text, std::size_t a, std::size_t b) {
  std::size_t at = a;
  while (at < b && text[at] != ' ' && text[at] != ']' && text[at] != '}') ++at;
  constexpr std::size_t kMaxNumber = 8;  // "12.3.4"
  if (at == a || at - a > kMaxNumber || at + 2 >= b) return std::string_view::npos;
  if ((text[at] != ']' && text[at] != '}') || text[at + 1] != ' ') return std::string_view::npos;
  return at;
}

std::vector<TableCell> split_pipe_row(const StructureInput& input, std::size_t u) {
  const bool ocr = input.text.looks_ocr();
  const std::string& text = input.text_of(u);
  std::vector<std::pair<std::size_t, std::size_t>> ranges = pipe_cells(text);
  if (ocr && !ranges.empty()) {
    auto [a, b] = ranges[0];
    if (std::size_t bar = bar_read_after_number(text, a, b); bar != std::string_view::npos) {
      ranges[0].second = bar;
      ranges.insert(ranges.begin() + 1, {bar + 2, b});
    }
  }
  const Pattern& strokes = input.grammar.pattern("structure/tables.re", "bar_strokes");
  std::vector<TableCell> cells;
  for (auto [a, b] : ranges) {
    if (ocr) std::tie(a, b) = without_bar_strokes(text, a, b, strokes);
    TableCell cell;
    cell.text = text.substr(a, b - a);
    for (std::size_t at = cell.text.find("\\|"); at != std::string::npos;
         at = cell.text.find("\\|", at + 1))
      cell.text.erase(at, 1);  // "\|" is a "|" inside the cell
    cell.span = input.text_span(u, a, b);
    cells.push_back(std::move(cell));
  }
  return cells;
}

bool is_rule_row(const std::vector<TableCell>& cells) {
  for (const auto& cell : cells)
    if (cell.text.find_first_not_of(":- ") != std::string::npos) return false;
  return true;
}

// Two header rows, folded, that are the same header: equal, or one the other
// cut short (OCR left the last wrapped line of one copy apart: "… | Thời
// gian thực" and "… | Thời gian thực hiện").
bool same_header(std::string_view a, std::string_view b) {
  constexpr std::size_t kMinHeader = 10;  // bytes: a row's start that names columns
  if (a == b) return true;
  while (!a.empty() && a.back() == '|') a.remove_suffix(1);  // folded_row ends each cell so
  while (!b.empty() && b.back() == '|') b.remove_suffix(1);
  if (std::min(a.size(), b.size()) < kMinHeader) return false;
  return a.substr(0, b.size()) == b || b.substr(0, a.size()) == a;
}

// The rule row under a pipe header as OCR reads it from a print: one short
// line that ends no sentence, or marks and letters that make no words
// (tables.re `misread_rule`: "[evan [---|—-[--1--|", "[|e |pennne [vance").
bool misread_rule(const StructureInput& input, std::string_view folded) {
  return input.grammar.pattern("structure/tables.re", "misread_rule").matches_at_start(folded);
}

bool misread_rule_row(const StructureInput& input, std::size_t u) {
  constexpr std::size_t kMaxBytes = 80;
  const std::string& text = input.text_of(u);
  if (text.empty()) return false;
  return (text.size() <= kMaxBytes && text.back() != '.' && text.back() != ':') ||
         misread_rule(input, input.folded(u));
}

// "I ||": the last bars of a wrapped row, one read as an "I", that OCR put on
// a line of their own. A group row always has a title.
bool only_a_stroke(const std::vector<TableCell>& cells) {
  std::size_t filled = 0;
  for (const auto& cell : cells) filled += !cell.text.empty();
  return filled == 1 && (cells[0].text == "I" || cells[0].text == "l");
}

// OCR reads the Roman "I" of a group row between two bars as a bar of its own
// ("| I | Công tác …" as "| | | Công tác …"): a row with more cells than its
// header whose extra leading cells are empty. The first of them gets the
// numeral back ("I", "II"), spanning the bars it was read as.
void mend_numeral_read_as_bars(std::vector<TableCell>& cells, std::size_t columns) {
  if (columns == 0 || cells.size() <= columns) return;
  std::size_t extra = cells.size() - columns;
  constexpr std::size_t kMaxStrokes = 3;  // "III"
  if (extra > kMaxStrokes) return;
  for (std::size_t c = 0; c <= extra; ++c)
    if (!cells[c].text.empty()) return;
  cells[0].text = std::string(extra, 'I');
  cells[0].span.end = cells[extra].span.end;
  cells.erase(cells.begin() + 1, cells.begin() + static_cast<std::ptrdiff_t>(extra) + 1);
}

// The first of the paragraphs right before block `u` that are misread rules
// (at most a rule and the column numbers under it, each maybe split by a blank
// line), or `u` when the block before it is none.
std::size_t skip_misread_rules(const StructureInput& input, std::size_t begin, std::size_t u) {
  constexpr std::size_t kMaxRuleBlocks = 3;
  std::size_t first = u;
  while (first > begin && u - first < kMaxRuleBlocks &&
         input.block(first - 1).kind == BlockKind::paragraph && misread_rule_row(input, first - 1))
    --first;
  return first;
}

// "1|2|3|4|5|6]7|8" under a printed header: OCR's column numbers, one bar read
// as a bracket. Their digits count from 1, with nothing but marks between.
bool is_misread_column_number_row(std::string_view text) {
  constexpr int kMinColumns = 3;
  int expected = 1;
  for (std::size_t at = 0; at < text.size();) {
    if (std::isdigit(static_cast<unsigned char>(text[at]))) {
      std::size_t end = at;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      if (text.substr(at, end - at) != std::to_string(expected++)) return false;
      at = end;
    } else if (std::string_view("|[](){} ").find(text[at]) != std::string_view::npos) {
      ++at;
    } else {
      return false;
    }
  }
  return expected > kMinColumns;
}

// "1 | 2 | 3 | ..." under a header: column numbers, not data.
bool is_column_number_row(const std::vector<TableCell>& cells) {
  int expected = 1;
  for (const auto& cell : cells) {
    if (cell.text.empty()) continue;
    std::string written = cell.text;
    if (written.size() > 2 && written.front() == '(' && written.back() == ')')
      written = written.substr(1, written.size() - 2);  // "(1) | (2) | ..."
    if (written != std::to_string(expected++)) return false;
  }
  return expected > 3;
}

std::string folded_row(const StructureInput& input, const std::vector<TableCell>& cells) {
  std::string out;
  for (const auto& cell : cells) out += input.folder.fold_string(cell.text) + "|";
  return out;
}

std::vector<std::string> column_roles(const StructureInput& input,
                                      const std::vector<std::string>& header) {
  std::vector<std::string> roles;
  const auto& patterns = input.grammar.patterns("structure/table_columns.re");
  for (const auto& cell : header) {
    std::string folded = input.folder.fold_string(cell);
    std::string role = "other";
    for (const auto& entry : patterns)
      if (entry.pattern->contains(folded)) {
        role = entry.key;
        break;
      }
    roles.push_back(role);
  }
  // The first column of a numbered table often has no header ("", "#").
  if (!roles.empty() && roles[0] == "other" && header[0].size() <= 2) roles[0] = "number";
  return roles;
}

bool has(const std::vector<std::string>& roles, const char* role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// What the table holds: from its columns, else from header words (tables.re).
std::string classify(const StructureInput& input, const Table& table) {
  if (has(table.columns, "indicator")) return "targets";
  if (has(table.columns, "task")) return "assignments";
  std::string folded;
  for (const auto& cell : table.header) folded += input.folder.fold_string(cell) + " | ";
  for (const auto& entry : input.grammar.patterns("structure/tables.re")) {
    if (entry.key != "targets" && entry.key != "assignments") continue;
    if (entry.pattern->contains(folded)) return entry.key;
  }
  return "unknown";
}

Table start_table(const std::string& layout, std::size_t& next_id, const Span& span,
                  const std::optional<std::string>& section) {
  Table table;
  table.id = "t" + std::to_string(next_id++);
  table.layout = layout;
  table.span = span;
  table.section = section;
  return table;
}

// A row number split into its parts: "IV.5" → {roman 4, 5}; "7.12" → {7, 12}.
struct RowNumber {
  bool roman = false;
  std::vector<int> parts;
};

// A row number without what may follow it: "1.", "a)", OCR's "34,".
std::string_view without_number_end(std::string_view written) {
  while (!written.empty() &&
         (written.back() == '.' || written.back() == ')' || written.back() == ','))
    written.remove_suffix(1);
  return written;
}

std::optional<RowNumber> parse_row_number(std::string_view written,
                                          const std::vector<Entry>& roman_letters) {
  written = without_number_end(written);
  if (written.empty()) return std::nullopt;
  RowNumber number;
  std::size_t at = 0;
  while (at <= written.size()) {
    std::size_t dot = written.find('.', at);
    if (dot == std::string_view::npos) dot = written.size();
    std::string_view part = written.substr(at, dot - at);
    if (part.empty()) return std::nullopt;
    if (std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (part.size() > 4) return std::nullopt;
      number.parts.push_back(std::stoi(std::string(part)));
    } else if (at == 0) {
      int value = roman_value(canonical_roman(part, roman_letters));  // OCR's "Il" is II
      if (value == 0) return std::nullopt;
      number.roman = true;
      number.parts.push_back(value);
    } else {
      return std::nullopt;
    }
    at = dot + 1;
  }
  return number;
}

// Where a linearised table's numbering stands: the last Arabic row number,
// the last Roman group, and whether a group row came since that number.
struct Numbering {
  std::optional<RowNumber> arabic;
  int roman = 0;
  bool after_group = false;
};

// Whether `next` can follow in a table's numbering: the next sibling
// (7.2 → 7.3), a first child (7 → 7.1), the next sibling of an ancestor
// (7.12 → 8), the next group (I → II, or I.1), or a first row under a group
// (→ 1), numbering going on across groups (12, II, 13) too. A bare number that
// is none of these ("90" after 7.2) is a value cell, not a row.
// In OCR text a row number can be misread ("Al" for 41): `skip_one` lets
// the next sibling but one follow too (40 → 42).
bool can_follow(const Numbering& at, const RowNumber& next, bool skip_one = false) {
  if (next.roman) return next.parts.size() > 1 || next.parts[0] == at.roman + 1;
  const auto& n = next.parts;
  if (n.size() == 1 && n[0] <= 1 && (!at.arabic || at.after_group)) return true;
  if (!at.arabic) return false;
  const auto& p = at.arabic->parts;
  if (n.size() == p.size() + 1 && std::equal(p.begin(), p.end(), n.begin()) && n.back() == 1)
    return true;
  for (std::size_t depth = 1; depth <= p.size() && depth <= n.size(); ++depth) {
    if (n.size() != depth) continue;
    if (std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(depth - 1), n.begin()) &&
        (n[depth - 1] == p[depth - 1] + 1 ||
         (skip_one && depth == p.size() && n[depth - 1] == p[depth - 1] + 2)))
      return true;
  }
  return false;
}

void advance(Numbering& at, const RowNumber& number) {
  if (number.roman) {
    if (number.parts.size() == 1) at.roman = number.parts[0];
    at.after_group = true;
  } else {
    at.arabic = number;
    at.after_group = false;
  }
}

bool is_child(const RowNumber& parent, const RowNumber& child) {
  return child.parts.size() > parent.parts.size() &&
         std::equal(parent.parts.begin(), parent.parts.end(), child.parts.begin());
}

bool has_value(const Table& table, const TableRow& row) {
  for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c)
    if (table.columns[c] == "target" && !row.cells[c].text.empty()) return true;
  return false;
}

// How deep a group row sits: Roman groups (I, I.1) above Arabic parents (7).
std::size_t group_depth(const std::optional<RowNumber>& number) {
  if (!number) return 50;
  return (number->roman ? 0 : 100) + number->parts.size();
}

// Each row's innermost group row. A group closes at the next group as deep or
// deeper, and an Arabic parent (7) also at the first row that is not its child.
void link_groups(Table& table, const std::vector<std::optional<RowNumber>>& numbers) {
  std::vector<std::size_t> open;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    TableRow& row = table.rows[r];
    bool group = row.role == "group";
    std::size_t depth = group_depth(numbers[r]);
    while (!open.empty()) {
      std::size_t top = open.back();
      const auto& top_number = numbers[top];
      bool arabic_parent = top_number && !top_number->roman;
      bool closes = (group && group_depth(top_number) >= depth) ||
                    (arabic_parent && numbers[r] && !is_child(*top_number, *numbers[r]));
      if (!closes) break;
      open.pop_back();
    }
    if (!open.empty()) row.parent = open.back();
    if (group) open.push_back(r);
  }
}

// "Đến năm 2030", "Giai đoạn 2026-2030" (section_kinds.re `horizon`).
bool names_a_horizon(const StructureInput& input, const std::string& text) {
  std::string folded = input.folder.fold_string(text);
  for (const auto& entry : input.grammar.patterns("structure/section_kinds.re"))
    if (entry.key == "horizon" && entry.pattern->matches_at_start(folded)) return true;
  return false;
}

// A row that holds a number and a horizon alone ("I | Đến năm 2030") gathers
// the rows below it, whatever its number: OCR reads that Roman I as "1" too,
// and the rows under it count from 1 again.
bool horizon_row(const StructureInput& input, const TableRow& row) {
  std::size_t filled = 0;
  const TableCell* title = nullptr;
  for (std::size_t c = 1; c < row.cells.size(); ++c)
    if (!row.cells[c].text.empty()) {
      ++filled;
      title = &row.cells[c];
    }
  return filled == 1 && names_a_horizon(input, title->text);
}

// A merged cell that spans the row after its number, as converters write it:
// its text once per column it covers ("I | Liên kết vùng | Liên kết vùng | …").
// OCR reads each copy with its own slips: near enough is the same.
bool spans_the_row(const StructureInput& input, const TableRow& row) {
  if (row.cells.size() < 3 || row.cells[1].text.empty()) return false;
  std::string first = input.folder.fold_string(row.cells[1].text);
  for (std::size_t c = 2; c < row.cells.size(); ++c) {
    if (row.cells[c].text.empty() || row.cells[c].text == row.cells[1].text) continue;
    if (!same_reading(first, input.folder.fold_string(row.cells[c].text))) return false;
  }
  return true;
}

// OCR reads the strokes of a Roman group number as ones ("I.2" as "1.2", "II.3"
// as "11.3"): a group whose number and title share a cell and whose first part
// is all ones is Roman, so that the rows numbered from 1 under it are its own.
void read_strokes_as_roman(std::string_view written, RowNumber& number) {
  std::size_t end = std::min(written.find_first_not_of('1'), written.size());
  constexpr std::size_t kMaxStrokes = 3;
  if (number.roman || end == 0 || end > kMaxStrokes ||
      (end < written.size() && written[end] != '.'))
    return;
  number.roman = true;
  number.parts[0] = static_cast<int>(end);
}

// Row numbers and group rows, once the rows are known. A group row names what
// the rows below belong to: a Roman-numbered row, a first cell that holds number
// and title together, or a numbered row whose sub-rows follow and which has
// nothing but its title.
void mark_rows(const StructureInput& input, Table& table) {
  const bool ocr = input.text.looks_ocr();
  constexpr std::size_t kMaxMisreadNumber = 4;  // bytes: "P", "**P", "T Re"
  const Pattern& row_number = input.grammar.pattern("structure/tables.re", "row_number");
  const Pattern& numbered_title = input.grammar.pattern("structure/tables.re", "numbered_title");
  const auto& roman_letters = input.grammar.entries("structure/roman_letters");
  std::vector<std::optional<RowNumber>> numbers(table.rows.size());
  std::vector<bool> title_only(table.rows.size(), false);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    TableRow& row = table.rows[r];
    if (row.cells.empty()) continue;
    std::size_t filled = 0;
    for (const auto& cell : row.cells) filled += !cell.text.empty();
    const std::string& first = row.cells[0].text;
    std::string folded = input.folder.fold_string(first);
    if (row_number.matches_at_start(folded)) {
      row.number = std::string(without_number_end(first));
      title_only[r] = filled <= 2 || spans_the_row(input, row);
    } else if (auto m = numbered_title.find(folded, 0, true); m && filled == 1) {
      row.number = first.substr(0, (*m)[1].end);
      title_only[r] = true;
      // OCR reads the Roman "I.2" of such a group as "1.2": alone in its row,
      // number and title in one cell make a group all the same.
      if (auto n = parse_row_number(*row.number, roman_letters); (n && n->roman) || ocr)
        row.role = "group";
    } else if (first.empty() && spans_the_row(input, row)) {
      row.role = "group";  // its Roman "I" read by OCR as a bar
    } else if (filled == 1 && !first.empty() && names_a_horizon(input, first)) {
      row.role = "group";  // a table without a number column: "Đến năm 2030" alone
    } else if (ocr && first.size() <= kMaxMisreadNumber && horizon_row(input, row)) {
      // "**P | **Đến năm 2030**": a horizon under a numeral OCR misread.
      row.role = "group";
      title_only[r] = true;
      numbers[r] = RowNumber{true, {1}};
      continue;
    }
    // Folded: OCR's "VỊ" is VI.
    if (row.number)
      numbers[r] = parse_row_number(input.folder.fold_string(*row.number), roman_letters);
    if (ocr && row.role == "group" && numbers[r]) read_strokes_as_roman(*row.number, *numbers[r]);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (!numbers[r]) continue;
    bool roman = numbers[r]->roman;
    bool has_children = r + 1 < table.rows.size() && numbers[r + 1] && !numbers[r + 1]->roman &&
                        is_child(*numbers[r], *numbers[r + 1]);
    // A parent row of a target table that sets no value only gathers its
    // sub-rows, even when it names who follows them up.
    bool no_value = table.kind == "targets" && !has_value(table, table.rows[r]);
    bool horizon = title_only[r] && horizon_row(input, table.rows[r]);
    if ((title_only[r] && (roman || has_children || horizon)) || (has_children && no_value))
      table.rows[r].role = "group";
    // A horizon gathers at the level of a Roman group, above the Arabic parents
    // ("7 | Chỉ tiêu về ...") under it.
    if (horizon) numbers[r]->roman = true;
  }
  link_groups(table, numbers);
}

// Linearised rows: a row-number cell opens a row only when it can follow the
// numbering so far; otherwise it is a value ("90" after "7.2 | Tỷ lệ … | %").
void add_linear_cell(Table& table, TableCell cell, bool numbered, Numbering& numbering,
                     bool ocr_text, const std::vector<Entry>& roman_letters) {
  std::optional<RowNumber> number;
  if (numbered) number = parse_row_number(cell.text, roman_letters);
  // OCR text: a numbered row takes up to kMaxWrappedCells more cells, until a
  // number opens the next row: a long cell wraps onto lines read as cells of
  // their own (TableReader::place_wrapped joins them back).
  bool numbered_row =
      !table.rows.empty() &&
      parse_row_number(table.rows.back().cells.front().text, roman_letters).has_value();
  // A short cell opening with a digit may be a row number OCR misread ("7A" for
  // 7.4): it opens the next row as before.
  bool number_like =
      number || (cell.text.size() <= 4 && !cell.text.empty() && cell.text[0] >= '0' &&
                 cell.text[0] <= '9' && cell.text.find(' ') == std::string::npos);
  std::size_t room =
      table.header.size() + (ocr_text && numbered_row && !number_like ? kMaxWrappedCells : 0);
  bool complete = !table.rows.empty() && table.rows.back().cells.size() >= room;
  bool opens = table.rows.empty() || complete ||
               (number && can_follow(numbering, *number, ocr_text && !number->roman));
  if (opens) {
    if (number) advance(numbering, *number);
    TableRow row;
    row.span = cell.span;
    row.cells.push_back(std::move(cell));
    table.rows.push_back(std::move(row));
  } else {
    table.rows.back().span.end = cell.span.end;
    table.rows.back().cells.push_back(std::move(cell));
  }
}

// A header repeated on a new page, but only its last wrapped line ("TT | Tên
// nhiệm vụ | trách/chỉ đạo | hiện | thực hiện" under "Cơ quan chủ trì phụ
// trách/chỉ đạo"): every filled cell ends or starts its column's header.
bool is_header_fragment(const StructureInput& input, const std::vector<std::string>& header,
                        const TableRow& row) {
  std::size_t filled = 0;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    if (row.cells[c].text.empty()) continue;
    if (c >= header.size()) return false;
    std::string cell = input.folder.fold_string(row.cells[c].text);
    const std::string& head = header[c];
    bool part = head.size() >= cell.size() &&
                (head.compare(head.size() - cell.size(), cell.size(), cell) == 0 ||
                 head.compare(0, cell.size(), cell) == 0);
    if (!part) return false;
    ++filled;
  }
  return filled >= 2;
}

// OCR text: a numbered row cut by a page or a blank line ("4. | Xây dựng … |
// Sở Khoa học và Công nghệ | Các") goes on in a short row of the cells it
// lacks ("| sở, ngành | Năm 2027 |"), the first of them maybe the rest of its
// last cell. Only where the two make exactly one full row: a full row above
// is never added to. A row printed from a padded markdown table may come back
// in three pieces or more, each on its own line ("| 2 | Trình độ …", "| Thứ
// bậc | Đạt mức …", "| Bộ Khoa học và Công nghệ |"): with `pieces`, a short
// row goes on the row above as long as the two hold no more than a full row.
// Returns whether `row` went into `above`.
template <typename IsNumbered, typename OpensRow>
bool completes_cut_row(TableRow& above, TableRow& row, std::size_t columns, bool pieces,
                       const IsNumbered& numbered, const OpensRow& opens_row) {
  constexpr std::size_t kMinCells = 2;  // one cell alone may be a group's title
  std::size_t have = above.cells.size(), more = row.cells.size();
  if (!numbered(above) || opens_row(row) || more < (pieces ? 1 : kMinCells) || have >= columns ||
      (!pieces && have + more < columns) || have + more > columns + 1)
    return false;
  std::size_t from = 0;
  if (have + more == columns + 1) {  // the cut fell inside a cell
    TableCell& last = above.cells.back();
    last.text += (last.text.empty() ? "" : " ") + row.cells[0].text;
    last.span.end = row.cells[0].span.end;
    from = 1;
  }
  for (std::size_t c = from; c < more; ++c) above.cells.push_back(std::move(row.cells[c]));
  above.span.end = row.span.end;
  return true;
}

// A row cut by a page break goes on in a row with no number of its own: in a
// numbered table such a row is the rest of the row above, cell by cell.
void merge_cut_rows(const StructureInput& input, Table& table) {
  if (table.columns.empty() || table.columns[0] != "number" || table.rows.size() < 2) return;
  const Pattern& row_number = input.grammar.pattern("structure/tables.re", "row_number");
  auto numbered = [&](const TableRow& row) {
    return !row.cells.empty() && !row.cells[0].text.empty() &&
           row_number.matches_at_start(input.folder.fold_string(row.cells[0].text));
  };
  std::size_t with_number = 0;
  for (const auto& row : table.rows) with_number += numbered(row);
  // Numbering is not the rule here; in OCR text a row may have come in pieces.
  const bool ocr = input.text.looks_ocr();
  if (!ocr && with_number * 5 < table.rows.size() * 4) return;
  // OCR text: a cut row's rest may open with its value ("2 | Tỷ lệ … | %" over
  // "100 | 100 | Sở …"), a number that cannot follow the row above's: it
  // opens no row of its own.
  const auto& roman_letters = input.grammar.entries("structure/roman_letters");
  auto opens_row = [&](const TableRow& above, const TableRow& row) {
    if (!numbered(row)) return false;
    if (!ocr) return true;
    auto fold = [&](const TableRow& r) {
      return parse_row_number(input.folder.fold_string(r.cells[0].text), roman_letters);
    };
    auto before = fold(above), number = fold(row);
    if (!before || !number || before->roman || number->roman || number->parts.size() != 1)
      return true;
    int n = number->parts[0], a = before->parts[0];
    return n == 1 || (n > a && n <= a + 2);
  };
  std::vector<TableRow> kept;
  for (auto& row : table.rows) {
    if (!kept.empty() &&
        completes_cut_row(kept.back(), row, table.columns.size(), ocr, numbered,
                          [&](const TableRow& r) { return opens_row(kept.back(), r); })) {
      continue;
    }
    bool cut = !kept.empty() && !numbered(row) && !row.cells.empty() && row.cells[0].text.empty();
    if (!cut) {
      kept.push_back(std::move(row));
      continue;
    }
    TableRow& above = kept.back();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c].text.empty()) continue;
      if (c >= above.cells.size()) above.cells.resize(c + 1, TableCell{"", row.cells[c].span});
      TableCell& into = above.cells[c];
      if (into.text.empty())
        into = row.cells[c];
      else {
        into.text += " " + row.cells[c].text;
        into.span.end = row.cells[c].span.end;
      }
    }
    above.span.end = row.span.end;
  }
  table.rows = std::move(kept);
}

// A target table whose value column's name OCR misread ("MỤC TIBU"): the
// first unnamed column after its unit (and baseline) holds the values.
void infer_target_column(std::vector<std::string>& columns) {
  if (std::find(columns.begin(), columns.end(), "target") != columns.end()) return;
  auto unit = std::find(columns.begin(), columns.end(), "unit");
  if (unit == columns.end() || std::find(columns.begin(), unit, "indicator") == unit) return;
  auto after = unit + 1;
  if (after != columns.end() && *after == "baseline") ++after;
  if (after != columns.end() && *after == "other") *after = "target";
}

void finish_table(const StructureInput& input, Table& table) {
  table.columns = column_roles(input, table.header);
  if (input.text.looks_ocr()) infer_target_column(table.columns);
  table.kind = classify(input, table);
  std::vector<std::string> folded_header;
  for (const auto& cell : table.header) folded_header.push_back(input.folder.fold_string(cell));
  std::erase_if(table.rows,
                [&](const TableRow& row) { return is_header_fragment(input, folded_header, row); });
  merge_cut_rows(input, table);
  mark_rows(input, table);
}

// Whether a row's texts name two columns or more ("TT", "Nhiệm vụ", "Cơ quan
// chủ trì"): a header.
bool names_columns(const StructureInput& input, const std::vector<std::string>& texts) {
  constexpr std::size_t kNamedColumns = 2;
  auto roles = column_roles(input, texts);
  return static_cast<std::size_t>(std::count_if(roles.begin(), roles.end(), [](const auto& role) {
           return role != "other";
         })) >= kNamedColumns;
}

// OCR text: a header cell that holds two column names ("Kết quả Cơ quan chủ trì
// theo dõi, đánh giá"), where a padded header wrapped right before a bar and
// the bar was lost, is two cells (line_roles.re `table_head_cell` matches
// both halves, and they name two different columns: not "Nội dung nhiệm vụ",
// nor "Cơ quan, đơn vị chủ trì"). Split at a space, the cell's span shared
// between the two.
void split_joined_header_cells(const StructureInput& input, std::vector<TableCell>& cells) {
  const Pattern& head_cell = input.grammar.pattern("structure/line_roles.re", "table_head_cell");
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const std::string& text = cells[c].text;
    for (std::size_t space = text.find(' '); space != std::string::npos;
         space = text.find(' ', space + 1)) {
      std::string before = input.folder.fold_string(text.substr(0, space));
      std::string after = input.folder.fold_string(text.substr(space + 1));
      if (!head_cell.matches_at_start(before) || !head_cell.matches_at_start(after)) continue;
      auto roles = column_roles(input, {text.substr(0, space), text.substr(space + 1)});
      if (roles[0] == "other" || roles[1] == "other" || roles[0] == roles[1]) continue;
      TableCell second{text.substr(space + 1), cells[c].span};
      cells[c].text = text.substr(0, space);
      cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(second));
      break;
    }
  }
}

std::vector<std::string> texts_of(const std::vector<TableCell>& cells) {
  std::vector<std::string> texts;
  for (const auto& cell : cells) texts.push_back(cell.text);
  return texts;
}

bool names_a_column(const StructureInput& input, const std::vector<TableCell>& cells) {
  auto roles = column_roles(input, texts_of(cells));
  // Not "number": a short first cell counts as the number column (column_roles).
  return std::any_of(roles.begin(), roles.end(),
                     [](const auto& role) { return role != "other" && role != "number"; });
}

bool names_columns(const StructureInput& input, const std::vector<TableCell>& cells) {
  return names_columns(input, texts_of(cells));
}

// A pipe table cut apart (by a page, or by a row OCR broke into text) goes on
// where a numbered row follows the last number of the table before it
// (7 → 8, or 7 → 9 when OCR lost a row in between), in the same section. Its
// first row is then no header of a new table.
bool resumes_numbering(const Table& before, std::string_view written,
                       const std::vector<Entry>& roman_letters) {
  auto next = parse_row_number(written, roman_letters);
  if (!next || next->roman) return false;
  for (auto row = before.rows.rbegin(); row != before.rows.rend(); ++row) {
    if (row->cells.empty()) continue;
    auto last = parse_row_number(row->cells.front().text, roman_letters);
    if (!last || last->roman) continue;
    Numbering at;
    at.arabic = *last;
    return can_follow(at, *next, true);
  }
  return false;
}

}  // namespace

// Whether block `v` is a pipe row that repeats the header `header_key` (the
// header itself, or its repeat on a new page).
bool repeats_header(const StructureInput& input, std::size_t v, const std::string& header_key) {
  return input.block(v).kind == BlockKind::table_row &&
         same_header(folded_row(input, split_pipe_row(input, v)), header_key);
}

std::vector<Table> build_tables(StructureInput& input, const DocumentRange& range,
                                const std::vector<std::optional<std::string>>& section_of_unit,
                                std::size_t& next_id) {
  std::vector<Table> tables;
  const Pattern& row_number = input.grammar.pattern("structure/tables.re", "row_number");
  const Pattern& numbered_title = input.grammar.pattern("structure/tables.re", "numbered_title");
  std::string header_key;
  Numbering numbering;
  const bool ocr = input.text.looks_ocr();
  for (std::size_t u = range.begin; u < range.end; ++u) {
    BlockKind kind = input.block(u).kind;
    if (kind == BlockKind::table_row) {
      auto cells = split_pipe_row(input, u);
      input.use[u] = Use::table;
      const bool after_pipe_table = !tables.empty() && tables.back().layout == "pipe";
      if (after_pipe_table && ocr) mend_numeral_read_as_bars(cells, tables.back().header.size());
      bool continues =
          u > range.begin && input.block(u - 1).kind == BlockKind::table_row && after_pipe_table;
      bool numbered =
          !cells.empty() && row_number.matches_at_start(input.folder.fold_string(cells[0].text));
      // A group's first cell may hold its number and title ("I.1 Phát triển
      // hạ tầng"); in OCR text not when marks follow the number ("V [vance").
      const std::string first_cell = cells.empty() ? "" : input.folder.fold_string(cells[0].text);
      const bool titled = !numbered && numbered_title.matches_at_start(first_cell) &&
                          !(ocr && misread_rule(input, first_cell));
      // A header, then a line or two of marks, then a numbered or group row:
      // OCR read the rule under a printed header ("|---|---|"), and maybe the
      // column numbers under it, as marks ("J I--1-F|", "oo Jo fpeeee IH"). The
      // rows go on under that header; the marks are the table's.
      if (!continues && after_pipe_table && (numbered || titled)) {
        std::size_t rule = skip_misread_rules(input, range.begin, u);
        if (rule < u && rule > range.begin && repeats_header(input, rule - 1, header_key)) {
          continues = true;
          for (std::size_t v = rule; v < u; ++v) input.use[v] = Use::table;
        }
      }
      // A table cut apart goes on (resumes_numbering): at a numbered row, and at
      // the piece of a cut row ("| Văn bản định mức | Thường xuyên |") right
      // before a numbered row that goes on from it.
      if (!continues && !tables.empty() && tables.back().layout == "pipe" &&
          tables.back().section == section_of_unit[u - range.begin]) {
        const auto& roman_letters = input.grammar.entries("structure/roman_letters");
        std::size_t numbered_row = u;
        // A piece holds fewer cells than the table has columns, and no column
        // names: those make a new table's header, right before its first row.
        if (!numbered && cells.size() < tables.back().header.size() &&
            !names_columns(input, cells) && u + 1 < range.end &&
            input.block(u + 1).kind == BlockKind::table_row)
          numbered_row = u + 1;
        auto first_cells = numbered_row == u ? cells : split_pipe_row(input, numbered_row);
        continues = !first_cells.empty() &&
                    row_number.matches_at_start(input.folder.fold_string(first_cells[0].text)) &&
                    resumes_numbering(tables.back(), first_cells[0].text, roman_letters);
        // A page of a table without a number column (or whose numbers a
        // layout lost) that does not repeat the header: a full row that names
        // no columns, under a table with a header of as many.
        const Table& before = tables.back();
        if (!continues && !numbered && !before.rows.empty() &&
            cells.size() == before.header.size() && !names_columns(input, cells))
          continues = names_columns(input, before.header);
        // OCR text breaks a printed table wherever it reads a line as text (a
        // row that lost its bars, a page's number): in the same section, any
        // row that names no columns goes on under the header above.
        constexpr std::size_t kMinCellsOfARow = 2;
        if (!continues && ocr && cells.size() >= kMinCellsOfARow && !names_columns(input, cells))
          continues = names_columns(input, before.header);
      }
      if (!continues) {
        // A page break repeats the header: same header, same section → same table.
        std::string key = folded_row(input, cells);
        bool same = !tables.empty() && tables.back().layout == "pipe" &&
                    same_header(key, header_key) &&
                    tables.back().section == section_of_unit[u - range.begin];
        if (!same) {
          if (ocr && !numbered) split_joined_header_cells(input, cells);
          tables.push_back(
              start_table("pipe", next_id, input.span(u), section_of_unit[u - range.begin]));
          for (const auto& cell : cells) tables.back().header.push_back(cell.text);
          // A numbered first row is no header: a repeat of the last real
          // header below it is still dropped, and rows still go on under it.
          if (!numbered) header_key = key;
        }
        tables.back().span.end = input.span(u).end;
        continue;
      }
      Table& table = tables.back();
      table.span.end = input.span(u).end;
      // Right under the table's header, or under its repeat on a new page.
      // (Asked only of OCR rows: it splits the row above again.)
      auto under_header = [&] {
        return table.rows.empty() || (u > range.begin && repeats_header(input, u - 1, header_key));
      };
      // OCR text: a printed header may come back in pieces, one line each
      // ("| TT | Chỉ tiêu", "| Đơn vị | Kết quả"): before the first row, a piece
      // whose first cell names a column goes on the header ("**I | Đến năm
      // 2030" does not: a horizon under a numeral OCR misread).
      if (ocr && table.rows.empty() && !numbered && !titled && !cells.empty() &&
          names_a_column(input, {cells[0]}) &&
          std::none_of(cells.begin(), cells.end(), [](const auto& c) { return c.text.empty(); })) {
        split_joined_header_cells(input, cells);
        header_key += folded_row(input, cells);
        for (auto& cell : cells) table.header.push_back(std::move(cell.text));
        continue;
      }
      if (is_rule_row(cells) || is_column_number_row(cells) ||
          (ocr && is_misread_column_number_row(input.text_of(u))) ||
          same_header(folded_row(input, cells), header_key) ||
          (ocr &&
           ((!numbered && !titled && under_header() && misread_rule(input, input.folded(u))) ||
            only_a_stroke(cells))))
        continue;
      TableRow row;
      row.cells = std::move(cells);
      row.span = input.span(u);
      table.rows.push_back(std::move(row));
    } else if (kind == BlockKind::cell) {
      input.use[u] = Use::table;
      bool continues = u > range.begin && input.block(u - 1).kind == BlockKind::cell &&
                       !tables.empty() && tables.back().layout == "linear";
      TableCell cell{input.text_of(u), input.span(u)};
      if (!continues) {
        tables.push_back(
            start_table("linear", next_id, input.span(u), section_of_unit[u - range.begin]));
        tables.back().header.push_back(cell.text);
        numbering = Numbering{};
        continue;
      }
      Table& table = tables.back();
      table.span.end = cell.span.end;
      bool numbered = row_number.matches_at_start(input.folded(u));
      if (table.rows.empty() && !numbered) {  // still reading the column names
        table.header.push_back(cell.text);
        continue;
      }
      if (numbered && !table.rows.empty() && horizon_row(input, table.rows.back()))
        numbering.after_group = true;
      add_linear_cell(table, std::move(cell), numbered, numbering, ocr,
                      input.grammar.entries("structure/roman_letters"));
    }
  }
  for (auto& table : tables) finish_table(input, table);
  return tables;
}

}  // namespace vnplan::internal
