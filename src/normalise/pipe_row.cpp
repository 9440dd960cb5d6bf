// Splitting a markdown pipe row into cells, shared by the joiner and the tables.
#include "vnplan/text.hpp"

namespace vnplan {

std::vector<std::pair<std::size_t, std::size_t>> pipe_cells(std::string_view row) {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  std::size_t start = row.find('|');
  if (start == std::string_view::npos) return cells;
  ++start;
  while (start < row.size()) {
    std::size_t bar = start;
    while (bar < row.size() && !(row[bar] == '|' && (bar == 0 || row[bar - 1] != '\\'))) ++bar;
    std::size_t a = start, b = bar;
    while (a < b && row[a] == ' ') ++a;
    while (b > a && row[b - 1] == ' ') --b;
    if (bar < row.size() || a < b) cells.emplace_back(a, b);
    start = bar + 1;
  }
  return cells;
}

}  // namespace vnplan
