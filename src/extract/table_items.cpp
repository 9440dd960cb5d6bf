// Rows of target and assignment tables as targets and tasks (source "table").
//
// The structure stage gives each table its column roles (from the header), its
// rows, row numbers and group rows. Here a data row becomes one item: a target
// in a target table, a task in an assignment table. Group rows above it give
// the horizon year and the category or task group. A row with fewer cells than
// columns (a linearised table whose empty cell left no line) has its cells
// placed by what they hold, and is flagged.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "internal.hpp"

namespace vnplan::internal {
namespace {

// The cell each column got in one row (null: none), and the columns left empty.
struct PlacedRow {
  std::vector<const TableCell*> cell_of_column;
  std::vector<std::string> missing;
  bool by_content = false;
  std::vector<TableCell> merged;  // cells joined back (OCR text), which cell_of_column points to

  // cell_of_column may point into `merged`: a move keeps its buffer, a copy would not.
  PlacedRow() = default;
  PlacedRow(PlacedRow&&) = default;
  PlacedRow& operator=(PlacedRow&&) = default;
  PlacedRow(const PlacedRow&) = delete;
  PlacedRow& operator=(const PlacedRow&) = delete;
};

// Agency cells repeat down a table ("Các sở, ban, ngành, địa phương" in every
// row): each distinct text is split once per document.
class ListCache {
 public:
  ListCache(const AgencyRegistry& registry, Spelling spelling)
      : registry_(registry), spelling_(spelling) {}
  const std::vector<AgencyName>& split(const std::string& text) {
    auto it = lists_.find(text);
    if (it == lists_.end()) it = lists_.emplace(text, registry_.split_list(text, spelling_)).first;
    return it->second;
  }

 private:
  const AgencyRegistry& registry_;
  Spelling spelling_;
  std::unordered_map<std::string, std::vector<AgencyName>> lists_;
};

class TableReader {
 public:
  TableReader(const ItemContext& ctx, AgencyBook& book, ListCache& lists, const Table& table)
      : ctx_(ctx), book_(book), lists_(lists), table_(table) {}
  void run();

 private:
  const ItemContext& ctx_;
  AgencyBook& book_;
  ListCache& lists_;
  const Table& table_;

  const std::string& role_of(std::size_t column) const { return table_.columns[column]; }
  std::string fold(const std::string& text) const { return ctx_.input.folder.fold_string(text); }
  double fit(const TableCell& cell, const std::string& role) const;
  bool agency_like(const std::string& text) const;
  PlacedRow place(const TableRow& row) const;
  PlacedRow place_wrapped(const TableRow& row) const;
  const TableCell* cell(const PlacedRow& placed, const char* role) const;
  static std::size_t value_prefix(const std::string& text);  // "≥ 80 " of "≥ 80 Ngân hàng …"
  std::vector<std::string> agencies(const TableCell* cell, const std::string& role);
  void assign(const PlacedRow& placed, Assignment& into);
  std::optional<Deadline> deadline(const PlacedRow& placed) const;
  std::vector<std::size_t> groups_of(std::size_t r) const;
  std::string group_label(std::size_t r) const;
  std::optional<std::string> group_title(std::size_t r) const;
  std::optional<int> year_of(std::size_t r, std::size_t column) const;
  std::optional<int> header_year(std::size_t column) const;
  void read_target(std::size_t r, const PlacedRow& placed);
  void add_target(std::size_t r, const PlacedRow& placed, const TableCell& indicator,
                  const TableCell* value, std::size_t column);
  void read_task(std::size_t r, const PlacedRow& placed);
  void flag(std::size_t r, const PlacedRow& placed) const;
};

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t word_count(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool TableReader::agency_like(const std::string& text) const {
  for (const AgencyName& name : lists_.split(text))
    if (name.known()) return true;
  return false;
}

// How well a cell's content suits a column role; the placement of a short row
// maximises the sum. Only relative values matter.
double TableReader::fit(const TableCell& cell, const std::string& role) const {
  const std::string& text = cell.text;
  if (text.empty() || text == "-") return 0;
  bool digits = has_digit(text);
  if (role == "number") return 0;  // placed before the others
  if (role == "lead" || role == "support" || role == "directing" || role == "performer")
    return agency_like(text) ? 3 : -2;
  if (role == "deadline") return ctx_.deadlines.read(text).kind != "other" ? 3 : -1;
  if (role == "target" || role == "baseline") {
    if (agency_like(text)) return -3;
    return digits ? 3 : 0.5;
  }
  if (role == "unit") {
    if (agency_like(text)) return -3;
    if (!text.empty() && text[0] == '%') return 2;
    if (digits && text.find('/') == std::string::npos) return -2;
    bool short_text = word_count(text) <= 5 && text.find(',') == std::string::npos &&
                      text.find(';') == std::string::npos;
    return short_text ? 1 : -1;
  }
  if (role == "indicator" || role == "task") return 1;
  return 0;
}

// Cells to columns. A full row maps one to one; a short row keeps its cells in
// order and puts them where they fit best (every order-keeping choice of
// columns is tried: tables have a dozen columns at most).
PlacedRow TableReader::place(const TableRow& row) const {
  PlacedRow placed;
  std::size_t columns = table_.columns.size();
  placed.cell_of_column.assign(columns, nullptr);
  std::size_t cells = row.cells.size();
  if (cells > columns && cells <= columns + kMaxWrappedCells && ctx_.input.text.looks_ocr())
    return place_wrapped(row);
  if (cells >= columns || columns > 16) {
    for (std::size_t c = 0; c < std::min(cells, columns); ++c)
      placed.cell_of_column[c] = &row.cells[c];
    return placed;
  }
  // The number and the name (indicator or task) open the row.
  std::size_t fixed = 0;
  while (
      fixed < cells && fixed < columns &&
      (role_of(fixed) == "number" || role_of(fixed) == "indicator" || role_of(fixed) == "task")) {
    placed.cell_of_column[fixed] = &row.cells[fixed];
    ++fixed;
  }
  std::size_t rest_cells = cells - fixed, rest_columns = columns - fixed;
  std::vector<std::size_t> best, choice;
  double best_score = -1e9;
  // Enumerates increasing column choices for the remaining cells.
  auto search = [&](auto&& self, std::size_t cell, std::size_t from, double score) -> void {
    if (cell == rest_cells) {
      if (score > best_score) {
        best_score = score;
        best = choice;
      }
      return;
    }
    for (std::size_t c = from; c + (rest_cells - cell) <= rest_columns; ++c) {
      choice.push_back(fixed + c);
      self(self, cell + 1, c + 1, score + fit(row.cells[fixed + cell], role_of(fixed + c)));
      choice.pop_back();
    }
  };
  search(search, 0, 0, 0);
  for (std::size_t k = 0; k < best.size(); ++k)
    placed.cell_of_column[best[k]] = &row.cells[fixed + k];
  for (std::size_t c = 0; c < columns; ++c)
    if (!placed.cell_of_column[c] && role_of(c) != "note" && role_of(c) != "other")
      placed.missing.push_back(role_of(c));
  placed.by_content = true;
  return placed;
}

// OCR text: a row with more cells than columns holds a long cell that wrapped
// onto a line of its own ("... khai thác thông tin trên / VNeID trực tiếp từ
// ..."). Cells are joined back into `columns` runs, in order, where the row
// then fits its columns best; the number cell stays alone.
PlacedRow TableReader::place_wrapped(const TableRow& row) const {
  std::size_t columns = table_.columns.size(), cells = row.cells.size();
  std::vector<std::size_t> best, runs;  // runs[c]: the first cell of column c
  double best_score = -1e9;
  auto joined = [&](std::size_t from, std::size_t to) {
    TableCell cell = row.cells[from];
    for (std::size_t k = from + 1; k < to; ++k) {
      cell.text += " " + row.cells[k].text;
      cell.span.end = row.cells[k].span.end;
    }
    return cell;
  };
  auto search = [&](auto&& self, std::size_t column, std::size_t from, double score) -> void {
    std::size_t left = columns - column;  // columns still to fill, one cell each at least
    if (left == 0) {
      if (from == cells && score > best_score) best_score = score, best = runs;
      return;
    }
    std::size_t longest = role_of(column) == "number" ? 1 : cells - from - (left - 1);
    for (std::size_t n = 1; n <= longest; ++n) {
      runs.push_back(from);
      // A piece that does not suit the column on its own costs what it misses:
      // "VNeID trực tiếp ..." is no agency, whatever agency follows it.
      double pieces = 0;
      for (std::size_t k = from; n > 1 && k < from + n; ++k)
        pieces += std::min(0.0, fit(row.cells[k], role_of(column)));
      self(self, column + 1, from + n,
           score + fit(joined(from, from + n), role_of(column)) + pieces);
      runs.pop_back();
    }
  };
  search(search, 0, 0, 0);
  PlacedRow placed;
  placed.by_content = true;
  placed.cell_of_column.assign(columns, nullptr);
  if (best.empty()) {  // no way to fill the columns: the first cells, as before
    for (std::size_t c = 0; c < columns; ++c) placed.cell_of_column[c] = &row.cells[c];
    return placed;
  }
  placed.merged.reserve(columns);  // stable addresses for cell_of_column
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t to = c + 1 < columns ? best[c + 1] : cells;
    placed.merged.push_back(joined(best[c], to));
    placed.cell_of_column[c] = &placed.merged.back();
  }
  return placed;
}

const TableCell* TableReader::cell(const PlacedRow& placed, const char* role) const {
  for (std::size_t c = 0; c < table_.columns.size(); ++c)
    if (table_.columns[c] == role && placed.cell_of_column[c] &&
        !placed.cell_of_column[c]->text.empty())
      return placed.cell_of_column[c];
  return nullptr;
}

std::vector<std::string> TableReader::agencies(const TableCell* cell, const std::string& role) {
  std::vector<std::string> ids;
  if (!cell || cell->text == "-") return ids;
  // The cell's text is its original bytes ("\|" aside): spans are offsets into it.
  for (const AgencyName& name : lists_.split(cell->text)) {
    if (name.text.empty()) continue;
    Span span = cell->span;
    if (span.end - span.start == cell->text.size()) {
      span.start += name.begin;
      span.end = cell->span.start + name.end;
    }
    std::string id = book_.add(name, span, role);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

// Column roles to assignment roles. Implementing agencies ("Cơ quan thực
// hiện") support the lead when the table names one, else they lead.
void TableReader::assign(const PlacedRow& placed, Assignment& into) {
  bool has_lead =
      std::find(table_.columns.begin(), table_.columns.end(), "lead") != table_.columns.end();
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    const std::string& role = table_.columns[c];
    const TableCell* value = placed.cell_of_column[c];
    if (!value || value->text.empty()) continue;
    std::string as = role == "performer" ? (has_lead ? "support" : "lead") : role;
    if (as != "lead" && as != "support" && as != "directing") continue;
    auto ids = agencies(value, as);
    auto& list = as == "lead" ? into.lead : as == "support" ? into.support : into.directing;
    for (auto& id : ids)
      if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  }
}

std::optional<Deadline> TableReader::deadline(const PlacedRow& placed) const {
  const TableCell* value = cell(placed, "deadline");
  if (!value || value->text == "-") return std::nullopt;
  Deadline read = ctx_.deadlines.read(value->text);
  if (read.text.empty()) return std::nullopt;
  read.span = value->span;
  for (auto& part : read.parts) part.span = value->span;
  return read;
}

// The group rows above row r, outermost first.
std::vector<std::size_t> TableReader::groups_of(std::size_t r) const {
  std::vector<std::size_t> chain;
  for (auto p = table_.rows[r].parent; p; p = table_.rows[*p].parent) chain.push_back(*p);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// "I Công tác lãnh đạo": the group's number and title, from one cell or two.
std::string TableReader::group_label(std::size_t r) const {
  std::string label;
  std::string last;  // folded
  for (const auto& c : table_.rows[r].cells) {
    // A merged cell is written once per column it spans (read by OCR with
    // slips of its own in each copy): its text counts once.
    if (c.text.empty()) continue;
    std::string folded = ctx_.input.folder.fold_string(c.text);
    if (!last.empty() && same_reading(last, folded)) continue;
    last = std::move(folded);
    std::string text = c.text;
    if (label.empty() && table_.rows[r].number && text == *table_.rows[r].number + ".")
      text.pop_back();
    if (!label.empty()) label += ' ';
    label += text;
    if (label.size() > 300) break;
  }
  return label;
}

// "Công tác lãnh đạo" of "I | Công tác lãnh đạo | | |" or of "I. Công tác lãnh đạo".
std::optional<std::string> TableReader::group_title(std::size_t r) const {
  const TableRow& row = table_.rows[r];
  for (const auto& c : row.cells) {
    if (c.text.empty()) continue;
    std::string text = c.text;
    if (row.number && text.rfind(*row.number, 0) == 0) {
      text.erase(0, row.number->size());
      std::size_t start = text.find_first_not_of(".) ");
      text = start == std::string::npos ? std::string() : text.substr(start);
    }
    if (!text.empty()) return text;
  }
  return std::nullopt;
}

constexpr std::size_t kMaxHorizonCellBytes = 48;  // "Giai đoạn 2026 - 2030" and the like

// The horizon of a value in column c: the column's own year ("Năm 2030",
// "Mục tiêu đến năm 2030"), else the nearest group row that names one
// ("I. Đầu tư năm 2025", "II | Đến năm 2045").
std::optional<int> TableReader::year_of(std::size_t r, std::size_t c) const {
  if (c < table_.header.size())
    if (auto year = header_year(c)) return year;
  auto chain = groups_of(r);
  // OCR output can drop a group row's number, and its "Đến năm 2045" then sits
  // among the cells of the row above: it still dates the rows after it.
  if (ctx_.input.text.looks_ocr()) {
    std::size_t stop = chain.empty() ? 0 : chain.back() + 1;  // the group row is read below
    for (std::size_t k = r; k-- > stop;)
      for (const auto& cell : table_.rows[k].cells)
        if (cell.text.size() <= kMaxHorizonCellBytes)
          if (auto year = horizon_only_year(ctx_.input.grammar, fold(cell.text))) return year;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (auto year = ctx_.measures.year(fold(group_label(*it)))) return year;
  return std::nullopt;
}

std::optional<int> TableReader::header_year(std::size_t c) const {
  std::string folded = fold(table_.header[c]);
  if (auto year = ctx_.measures.year(folded)) return year;
  // A bare "2030" or "2026 - 2030" header: the last year it names.
  std::optional<int> year;
  for (std::size_t at = 0; at + 4 <= folded.size(); ++at) {
    bool four = std::all_of(folded.begin() + at, folded.begin() + at + 4,
                            [](char ch) { return ch >= '0' && ch <= '9'; });
    bool alone = (at == 0 || folded[at - 1] < '0' || folded[at - 1] > '9') &&
                 (at + 4 == folded.size() || folded[at + 4] < '0' || folded[at + 4] > '9');
    if (four && alone) {
      int value = std::stoi(folded.substr(at, 4));
      if (value >= 1990 && value <= 2100) year = value;
    }
  }
  return year;
}

// One target per value: a table with one target column gives one per row, a
// table with a column per year ("Năm 2025 | Năm 2030") one per filled column.
void TableReader::read_target(std::size_t r, const PlacedRow& placed) {
  const TableCell* indicator = cell(placed, "indicator");
  if (!indicator) return;
  bool any = false;
  std::size_t first_target = table_.columns.size();
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    if (table_.columns[c] != "target") continue;
    first_target = std::min(first_target, c);
    const TableCell* value = placed.cell_of_column[c];
    if (!value || value->text.empty()) continue;
    add_target(r, placed, *indicator, value, c);
    any = true;
  }
  if (any) return;
  // OCR text may lose the bar between the value and the lead ("≥ 80 Ngân hàng
  // Nhà nước"): such a cell, placed by content as the lead, opens with the value.
  const TableCell* lead = placed.by_content ? cell(placed, "lead") : nullptr;
  std::size_t value_end = lead && ctx_.input.text.looks_ocr() ? value_prefix(lead->text) : 0;
  if (value_end == 0) {
    add_target(r, placed, *indicator, nullptr, table_.columns.size());
    return;
  }
  PlacedRow split;
  split.cell_of_column = placed.cell_of_column;
  split.missing = placed.missing;
  split.by_content = true;
  split.merged.assign(2, *lead);
  split.merged[0].text = lead->text.substr(0, value_end);
  split.merged[0].span.end = lead->span.start + value_end;
  split.merged[1].text = lead->text.substr(value_end);
  split.merged[1].span.start = lead->span.start + value_end;
  for (auto& at : split.cell_of_column)
    if (at == lead) at = &split.merged[1];
  add_target(r, split, *indicator, &split.merged[0], first_target);
}

// The bytes of a value written before the words of a cell ("≥ 80 " of "≥ 80
// Ngân hàng Nhà nước"): signs, digits and spaces, holding a digit; 0 if none
// or if nothing follows.
std::size_t TableReader::value_prefix(const std::string& text) {
  constexpr std::string_view kSigns = " =<>~+-.,%0123456789";
  constexpr std::string_view kAtLeast = "≥", kAtMost = "≤";
  std::size_t at = 0;
  bool digit = false;
  while (at < text.size()) {
    std::string_view rest = std::string_view(text).substr(at);
    if (rest.rfind(kAtLeast, 0) == 0 || rest.rfind(kAtMost, 0) == 0) {
      at += kAtLeast.size();
    } else if (kSigns.find(text[at]) != std::string_view::npos) {
      digit = digit || (text[at] >= '0' && text[at] <= '9');
      ++at;
    } else {
      break;
    }
  }
  return digit && at < text.size() && text[at - 1] == ' ' ? at : 0;
}

void TableReader::add_target(std::size_t r, const PlacedRow& placed, const TableCell& indicator,
                             const TableCell* value, std::size_t column) {
  const TableRow& row = table_.rows[r];
  Target target;
  target.source = "table";
  target.section = table_.section;
  target.table_row = TableRef{table_.id, r};
  target.indicator = indicator.text;
  target.text = indicator.text;
  if (value) target.text += ": " + value->text;
  target.span = row.span;
  const TableCell* unit = cell(placed, "unit");
  bool ocr = ctx_.input.text.looks_ocr();
  if (unit && unit->text != "-") {
    target.unit = unit->text;
    if (ocr)
      if (auto known = ctx_.measures.known_unit_cell(unit->text)) target.unit = *known;
  }
  if (value) {
    std::string folded = fold(value->text);
    auto measures = ctx_.measures.find(folded, 0, folded.size(), ocr);
    if (!measures.empty()) {
      Measure& m = measures.front();
      bool alone = folded.find_first_not_of(' ') == m.begin;
      if (ocr)
        MeasureReader::mend_ge_read_as_two(m, folded,
                                           target.unit && target.unit->rfind('%', 0) == 0, alone);
      target.comparator = m.comparator;
      target.value = m.value;
      target.value_max = m.value_max;
      if (m.unit == "%" && !target.unit) target.unit = "%";
    }
  }
  if (const TableCell* baseline = cell(placed, "baseline")) target.baseline = baseline->text;
  target.year = year_of(r, column);
  if (row.parent) target.category = group_title(*row.parent);
  assign(placed, target.agencies);
  target.deadline = deadline(placed);
  ctx_.model.targets.push_back(std::move(target));
}

void TableReader::read_task(std::size_t r, const PlacedRow& placed) {
  const TableRow& row = table_.rows[r];
  const TableCell* text = cell(placed, "task");
  if (!text) return;
  Task task;
  task.source = "table";
  task.section = table_.section;
  task.table_row = TableRef{table_.id, r};
  task.text = text->text;
  task.span = row.span;
  std::string group;
  for (std::size_t g : groups_of(r)) {
    if (!group.empty()) group += " / ";
    group += group_label(g);
  }
  if (!group.empty()) task.group = std::move(group);
  assign(placed, task.agencies);
  task.deadline = deadline(placed);
  if (const TableCell* when = cell(placed, "deadline");
      when && ctx_.deadlines.says_done(when->text))
    task.status = "done";
  ctx_.model.tasks.push_back(std::move(task));
}

void TableReader::flag(std::size_t r, const PlacedRow& placed) const {
  const TableRow& row = table_.rows[r];
  std::string missing;
  for (const auto& role : placed.missing) missing += (missing.empty() ? "" : ", ") + role;
  ctx_.input.diagnostics.push_back(
      {Severity::warning, "table.row_incomplete",
       "row " + row.number.value_or("?") + " of table " + table_.id + " has " +
           std::to_string(row.cells.size()) + " cells for " +
           std::to_string(table_.columns.size()) + " columns; cells placed by content" +
           (missing.empty() ? std::string() : ", no cell for: " + missing),
       row.span});
}

void TableReader::run() {
  bool targets = table_.kind == "targets";
  if (!targets && table_.kind != "assignments") return;
  for (std::size_t r = 0; r < table_.rows.size(); ++r) {
    const TableRow& row = table_.rows[r];
    if (row.role != "data") continue;
    PlacedRow placed = place(row);
    if (placed.by_content) flag(r, placed);
    if (targets)
      read_target(r, placed);
    else
      read_task(r, placed);
  }
}

// Words of the items of one document as small integers, so that two
// wordings compare as sorted integer sets.
class WordSets {
 public:
  std::vector<int> of(const std::string& folded) {
    std::vector<int> words;
    std::size_t at = 0;
    while (at < folded.size()) {
      std::size_t end = folded.find_first_of(" ,;:.()/-", at);
      if (end == std::string::npos) end = folded.size();
      if (end - at >= 2)
        words.push_back(ids_.try_emplace(folded.substr(at, end - at), ids_.size()).first->second);
      at = end + 1;
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, int> ids_;
};

// Share of the shorter set found in the other.
double overlap(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++common, ++i, ++j;
  }
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

constexpr std::size_t kMaxPosting = 24;

bool any_from(const auto& items, const char* source) {
  return std::any_of(items.begin(), items.end(),
                     [&](const auto& item) { return item.source == source; });
}

// For each table item, the text item with the largest overlap above `floor`
// among the candidates that share a word with it: an inverted index keeps
// this linear in the words, not quadratic in the items.
template <typename Item, typename Eligible>
void link_same(std::vector<Item>& items, const std::vector<std::vector<int>>& words,
               std::size_t vocabulary, double floor, Eligible eligible) {
  std::vector<std::vector<std::size_t>> postings(vocabulary);
  for (std::size_t j = 0; j < items.size(); ++j)
    if (items[j].source == "text")
      for (int w : words[j]) postings[static_cast<std::size_t>(w)].push_back(j);
  std::vector<std::size_t> seen(items.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].source != "table") continue;
    std::optional<std::size_t> best;
    double best_overlap = floor;
    for (int w : words[i]) {
      // A word most items share ("tỷ lệ", "các") finds no one in particular.
      const auto& posting = postings[static_cast<std::size_t>(w)];
      if (posting.size() > kMaxPosting) continue;
      for (std::size_t j : posting) {
        if (seen[j] == i || !eligible(items[i], items[j])) continue;
        seen[j] = i;
        double o = overlap(words[i], words[j]);
        if (o > best_overlap || (o == best_overlap && best && j < *best && o > floor)) {
          best_overlap = o;
          best = j;
        }
      }
    }
    if (!best) continue;
    items[i].same_as.push_back(items[*best].id);
    items[*best].same_as.push_back(items[i].id);
  }
}

// A table target and a text target state the same commitment when they have
// the same value (and year, when both say one) and most words of the shorter
// indicator are in the other.
void link_same_targets(const ItemContext& ctx) {
  auto& targets = ctx.model.targets;
  if (!any_from(targets, "table") || !any_from(targets, "text")) return;
  WordSets vocabulary;
  std::vector<std::vector<int>> words(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i)
    words[i] = vocabulary.of(ctx.input.folder.fold_string(targets[i].indicator));
  link_same(targets, words, vocabulary.size(), 0.6, [](const Target& table, const Target& text) {
    return table.value && text.value == table.value &&
           !(text.year && table.year && text.year != table.year);
  });
}

void link_same_tasks(const ItemContext& ctx) {
  auto& tasks = ctx.model.tasks;
  if (!any_from(tasks, "table") || !any_from(tasks, "text")) return;
  WordSets vocabulary;
  std::vector<std::vector<int>> words(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i)
    words[i] = vocabulary.of(ctx.input.folder.fold_string(tasks[i].text.substr(0, 200)));
  link_same(tasks, words, vocabulary.size(), 0.8, [&](const Task&, const Task& text) {
    return words[static_cast<std::size_t>(&text - tasks.data())].size() >= 4;
  });
}

}  // namespace

void read_table_items(const ItemContext& ctx, AgencyBook& book) {
  ListCache lists(ctx.agencies, ctx.input.text.looks_ocr() ? Spelling::ocr : Spelling::exact);
  for (const Table& table : ctx.model.tables) TableReader(ctx, book, lists, table).run();
}

void link_same_items(const ItemContext& ctx) {
  link_same_targets(ctx);
  link_same_tasks(ctx);
}

}  // namespace vnplan::internal
