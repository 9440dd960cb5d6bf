// HTML <table> blocks inside markdown or text: read with the HTML reader's
// table code (src/read/html_table.hpp) and handed to the joiner as pipe rows,
// so that they become table_row blocks like any markdown table. Each cell's
// bytes map back to where its text stands in the file.
#include <algorithm>
#include <initializer_list>

#include "../read/html_table.hpp"
#include "internal.hpp"

namespace vnplan::internal {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when bytes[at...] is the tag name `name` (any case) followed by the end
// of the name.
bool name_at(std::string_view bytes, std::size_t at, std::string_view name) {
  if (at + name.size() > bytes.size()) return false;
  for (std::size_t k = 0; k < name.size(); ++k)
    if (lower(bytes[at + k]) != name[k]) return false;
  std::size_t after = at + name.size();
  if (after == bytes.size()) return true;
  char c = bytes[after];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
}

struct Tag {
  std::size_t at = kNone;   // its "<"
  std::size_t end = kNone;  // after its ">"
  bool closing = false;
  std::string_view name;  // one of the names asked for
};

// The next tag, opening or closing, from `from` with one of `names`; comments skipped.
Tag next_tag(std::string_view bytes, std::size_t from,
             std::initializer_list<std::string_view> names) {
  for (std::size_t at = bytes.find('<', from); at != kNone; at = bytes.find('<', at + 1)) {
    if (bytes.compare(at, 4, "<!--") == 0) {
      std::size_t end = bytes.find("-->", at + 4);
      if (end == kNone) return {};
      at = end + 2;
      continue;
    }
    bool closing = at + 1 < bytes.size() && bytes[at + 1] == '/';
    for (std::string_view name : names) {
      if (!name_at(bytes, at + 1 + closing, name)) continue;
      std::size_t close = bytes.find('>', at);
      return {at, close == kNone ? bytes.size() : close + 1, closing, name};
    }
  }
  return {};
}

Tag next_opening(std::string_view bytes, std::size_t from,
                 std::initializer_list<std::string_view> names) {
  Tag tag = next_tag(bytes, from, names);
  while (tag.at != kNone && tag.closing) tag = next_tag(bytes, tag.end, names);
  return tag;
}

// Where the cell whose content starts at `from` ends: at the next cell, row or
// table boundary outside any table nested in the cell.
std::size_t cell_end(std::string_view bytes, std::size_t from) {
  int depth = 0;
  for (Tag tag = next_tag(bytes, from, {"table", "td", "th", "tr"}); tag.at != kNone;
       tag = next_tag(bytes, tag.end, {"table", "td", "th", "tr"})) {
    if (tag.name == "table") {
      if (!tag.closing) {
        ++depth;
        continue;
      }
      if (depth == 0) return tag.at;
      --depth;
      continue;
    }
    if (depth == 0) return tag.at;
  }
  return bytes.size();
}

// Appends `text` to `out`, its bytes copied from `origin` (or all pointing at
// `origin` when `replaced`); a "|" of copied text is escaped as "\|".
void add(MappedText& out, std::string_view text, std::uint32_t origin, bool replaced) {
  if (text.empty()) return;
  if (!replaced) {
    for (std::size_t bar = text.find('|'); bar != kNone; bar = text.find('|')) {
      add(out, text.substr(0, bar), origin, false);
      add(out, "\\", origin + static_cast<std::uint32_t>(bar), true);
      out.runs.push_back({static_cast<std::uint32_t>(out.text.size()),
                          origin + static_cast<std::uint32_t>(bar), false});
      out.text += '|';
      origin += static_cast<std::uint32_t>(bar + 1);
      text.remove_prefix(bar + 1);
    }
    if (text.empty()) {
      out.end_origin = origin;
      return;
    }
  }
  out.runs.push_back({static_cast<std::uint32_t>(out.text.size()), origin, replaced});
  out.text.append(text);
  out.end_origin = replaced ? origin : origin + static_cast<std::uint32_t>(text.size());
}

// Reads the cells of a region in document order, each mapped to the source.
class CellMapper {
 public:
  CellMapper(std::string_view region, std::uint32_t base) : region_(region), base_(base) {}

  std::size_t cursor() const { return cursor_; }

  // The start of the next row: its <tr>, when no cell comes first.
  std::size_t next_row() {
    Tag tr = next_opening(region_, cursor_, {"tr"});
    Tag cell = next_opening(region_, cursor_, {"td", "th"});
    if (tr.at == kNone || (cell.at != kNone && cell.at < tr.at)) return cursor_;
    cursor_ = tr.end;
    return tr.at;
  }

  // The text of the next cell, found word by word in the bytes of its element;
  // a word not found as is (an entity, a tag inside it) points at the last
  // place found, or at the cell's tag.
  MappedText map(const std::string& text) {
    Tag tag = next_opening(region_, cursor_, {"td", "th"});
    MappedText out;
    if (tag.at == kNone) {  // libxml2 made up the cell (bad markup)
      add(out, text, origin(cursor_), true);
      out.end_origin = origin(cursor_);
      return out;
    }
    std::size_t end = cell_end(region_, tag.end);
    std::size_t at = tag.end;
    std::uint32_t fallback = origin(tag.at);
    out.end_origin = origin(tag.end);
    for (std::size_t word = 0; word < text.size();) {
      std::size_t space = std::min(text.find(' ', word), text.size());
      std::string_view piece = std::string_view(text).substr(word, space - word);
      if (word > 0) add(out, " ", out.end_origin, true);
      std::size_t found = region_.substr(at, end - at).find(piece);
      if (found != kNone) {
        at += found;
        add(out, piece, origin(at), false);
        at += piece.size();
        fallback = origin(at);
      } else {
        add(out, piece, fallback, true);
      }
      word = space + 1;
    }
    cursor_ = end;
    return out;
  }

 private:
  std::uint32_t origin(std::size_t at) const { return base_ + static_cast<std::uint32_t>(at); }
  std::string_view region_;
  std::uint32_t base_;
  std::size_t cursor_ = 0;
};

const xmlNode* first_table(const xmlNode* root) {
  const xmlNode* node = root->children;
  while (node) {
    if (is_element(node, "table")) return node;
    if (node->children) {
      node = node->children;
      continue;
    }
    while (node != root && !node->next) node = node->parent;
    node = node == root ? nullptr : node->next;
  }
  return nullptr;
}

}  // namespace

HtmlTableRegions::HtmlTableRegions(std::string_view bytes) {
  // Tables matched with a stack; an unclosed one matches nothing.
  std::vector<std::size_t> open;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (open "<", close ">" end)
  for (Tag tag = next_tag(bytes, 0, {"table"}); tag.at != kNone;
       tag = next_tag(bytes, tag.end, {"table"})) {
    if (!tag.closing) {
      open.push_back(tag.at);
    } else if (!open.empty()) {
      pairs.emplace_back(open.back(), tag.end);
      open.pop_back();
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::size_t outer_end = 0;
  for (auto [opened, closed] : pairs) {
    if (opened < outer_end) continue;  // nested in the previous region
    outer_end = closed;
    std::size_t newline = opened == 0 ? kNone : bytes.rfind('\n', opened - 1);
    std::size_t line_start = newline == kNone ? 0 : newline + 1;
    if (opened - line_start > 3 ||
        bytes.substr(line_start, opened - line_start).find_first_not_of(' ') != kNone)
      continue;  // not at the start of its line: inline markup, left to the cleaner
    std::size_t end = bytes.find('\n', closed);
    regions_.emplace_back(line_start, end == kNone ? bytes.size() : end);
  }
}

std::size_t HtmlTableRegions::region_from(std::size_t line_start) const {
  auto it = std::lower_bound(regions_.begin(), regions_.end(),
                             std::make_pair(line_start, std::size_t{0}));
  return it != regions_.end() && it->first == line_start ? it->second : kNone;
}

bool html_table_lines(const std::string& source, std::size_t start, std::size_t end,
                      std::uint32_t first_line, const LineCleaner& cleaner,
                      std::vector<CleanLine>& lines) {
  std::string_view region(source.data() + start, end - start);
  ParsedHtml parsed = parse_html(region);
  if (!parsed.document) return false;
  const xmlNode* table = first_table(reinterpret_cast<const xmlNode*>(parsed.document.get()));
  if (!table) return false;
  HtmlTableGrid grid = read_html_table(table);
  if (grid.rows.empty()) return false;

  CellMapper mapper(region, static_cast<std::uint32_t>(start));
  std::vector<MappedText> mapped(grid.cells.size());
  std::vector<bool> done(grid.cells.size(), false);
  std::size_t next_cell = 0;  // cells are mapped in document order, as the bytes run
  std::uint32_t line = first_line;
  std::size_t counted_to = 0;
  for (const auto& row : grid.rows) {
    std::size_t row_start = mapper.next_row();
    line += static_cast<std::uint32_t>(
        std::count(region.begin() + static_cast<std::ptrdiff_t>(counted_to),
                   region.begin() + static_cast<std::ptrdiff_t>(row_start), '\n'));
    counted_to = row_start;
    MappedText text;
    add(text, "|", static_cast<std::uint32_t>(start + row_start), true);
    for (std::size_t cell : row) {
      if (cell != HtmlTableGrid::kNoCell && !done[cell]) {
        for (; next_cell <= cell; ++next_cell) {
          mapped[next_cell] = mapper.map(grid.cells[next_cell].text);
          done[next_cell] = true;
        }
      }
      if (cell == HtmlTableGrid::kNoCell || mapped[cell].text.empty()) {
        add(text, " |", text.end_origin, true);
        continue;
      }
      add(text, " ", static_cast<std::uint32_t>(mapped[cell].origin_of(0)), true);
      text.append(mapped[cell], "");
      add(text, " |", mapped[cell].end_origin, true);
    }
    text.end_origin = static_cast<std::uint32_t>(start + std::max(mapper.cursor(), row_start));
    lines.push_back(cleaner.clean_mapped(std::move(text), line));
  }
  return true;
}

}  // namespace vnplan::internal
