// Tables: markdown pipe tables and tables linearised one cell per line.
// Part 1 keeps their cells with spans; reading rows into targets and tasks
// comes with the table issue.
#include "internal.hpp"

namespace vnplan::internal {
namespace {

std::vector<TableCell> split_pipe_row(const StructureInput& input, std::size_t u) {
  const std::string& text = input.text_of(u);
  std::vector<TableCell> cells;
  for (auto [a, b] : pipe_cells(text)) {
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

// "1 | 2 | 3 | ..." under a header: column numbers, not data.
bool is_column_number_row(const std::vector<TableCell>& cells) {
  int expected = 1;
  for (const auto& cell : cells) {
    if (cell.text.empty()) continue;
    if (cell.text != std::to_string(expected++)) return false;
  }
  return expected > 3;
}

std::string folded_row(const StructureInput& input, const std::vector<TableCell>& cells) {
  std::string out;
  for (const auto& cell : cells) out += input.folder.fold_string(cell.text) + "|";
  return out;
}

std::string classify(const StructureInput& input, const std::vector<std::string>& header) {
  std::string folded;
  for (const auto& cell : header) folded += input.folder.fold_string(cell) + " | ";
  for (const auto& entry : input.grammar.patterns("structure/tables.re")) {
    if (entry.key == "row_number") continue;
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

}  // namespace

std::vector<Table> build_tables(StructureInput& input, const DocumentRange& range,
                                const std::vector<std::optional<std::string>>& section_of_unit,
                                std::size_t& next_id) {
  std::vector<Table> tables;
  const Pattern& row_number = input.grammar.pattern("structure/tables.re", "row_number");
  std::string header_key;
  for (std::size_t u = range.begin; u < range.end; ++u) {
    BlockKind kind = input.block(u).kind;
    if (kind == BlockKind::table_row) {
      auto cells = split_pipe_row(input, u);
      input.use[u] = Use::table;
      bool continues = u > range.begin && input.block(u - 1).kind == BlockKind::table_row &&
                       !tables.empty() && tables.back().layout == "pipe";
      if (!continues) {
        // A page break repeats the header: same header, same section → same table.
        std::string key = folded_row(input, cells);
        bool same = !tables.empty() && tables.back().layout == "pipe" && key == header_key &&
                    tables.back().section == section_of_unit[u - range.begin];
        if (!same) {
          tables.push_back(
              start_table("pipe", next_id, input.span(u), section_of_unit[u - range.begin]));
          for (const auto& cell : cells) tables.back().header.push_back(cell.text);
          header_key = key;
        }
        tables.back().span.end = input.span(u).end;
        continue;
      }
      Table& table = tables.back();
      table.span.end = input.span(u).end;
      if (is_rule_row(cells) || is_column_number_row(cells) ||
          folded_row(input, cells) == header_key)
        continue;
      table.rows.push_back({cells, input.span(u)});
    } else if (kind == BlockKind::cell) {
      input.use[u] = Use::table;
      bool continues = u > range.begin && input.block(u - 1).kind == BlockKind::cell &&
                       !tables.empty() && tables.back().layout == "linear";
      TableCell cell{input.text_of(u), input.span(u)};
      if (!continues) {
        tables.push_back(
            start_table("linear", next_id, input.span(u), section_of_unit[u - range.begin]));
        tables.back().header.push_back(cell.text);
        continue;
      }
      Table& table = tables.back();
      table.span.end = cell.span.end;
      bool numbered = row_number.matches_at_start(input.folded(u));
      if (table.rows.empty() && !numbered) {  // still reading the column names
        table.header.push_back(cell.text);
        continue;
      }
      if (numbered || table.rows.empty() || table.rows.back().cells.size() >= table.header.size()) {
        table.rows.push_back({{cell}, cell.span});
      } else {
        table.rows.back().cells.push_back(cell);
        table.rows.back().span.end = cell.span.end;
      }
    }
  }
  for (auto& table : tables) table.kind = classify(input, table.header);
  return tables;
}

}  // namespace vnplan::internal
