// libxml2 HTML parsing and HTML tables as grids (see html_table.hpp).
#include "html_table.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <mutex>

#include "rendition.hpp"

namespace vnplan::internal {
namespace {

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_text(const xmlNode* node) {
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

// Collapses white space (ASCII and the no-break space &nbsp; decodes to) as
// text is appended, so a cell holding only &nbsp; is empty.
class CollapsedText {
 public:
  void add(const char* text) {
    if (!text) return;
    for (const char* p = text; *p; ++p) {
      auto c = static_cast<unsigned char>(*p);
      bool nbsp = c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0;
      if (nbsp || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        if (nbsp) ++p;
        space();
        continue;
      }
      if (pending_) out_ += ' ';
      pending_ = false;
      out_ += static_cast<char>(c);
    }
  }
  void space() { pending_ = !out_.empty(); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_ = false;
};

// HTML allows colspan up to 1000 and rowspan up to 65534; 0 means "to the end
// of the row group" for rowspan and 1 for colspan.
std::size_t span_attribute(const xmlNode* cell, const char* name, std::size_t limit,
                           std::size_t& clamped) {
  xmlChar* value = xmlGetProp(cell, reinterpret_cast<const xmlChar*>(name));
  if (!value) return 1;
  const char* text = reinterpret_cast<const char*>(value);
  while (*text == ' ') ++text;
  std::size_t number = 0;
  bool digits = false;
  for (; *text >= '0' && *text <= '9'; ++text) {
    digits = true;
    number = std::min<std::size_t>(number * 10 + static_cast<std::size_t>(*text - '0'), limit + 1);
  }
  xmlFree(value);
  if (!digits) return 1;
  if (number == 0) return std::string_view(name) == "rowspan" ? limit : 1;
  if (number > limit) {
    ++clamped;
    return limit;
  }
  return number;
}

struct RowElement {
  const xmlNode* tr;
  int group;  // rowspans stop at the end of a row group
};

std::vector<RowElement> row_elements(const xmlNode* table, const xmlNode*& caption) {
  std::vector<RowElement> rows;
  int group = 0;
  for (const xmlNode* child = table->children; child; child = child->next) {
    std::string_view name = element_name(child);
    if (name == "caption" && !caption) caption = child;
    if (name == "tr") rows.push_back({child, group});
    if (name == "thead" || name == "tbody" || name == "tfoot") {
      ++group;
      for (const xmlNode* tr = child->children; tr; tr = tr->next)
        if (is_element(tr, "tr")) rows.push_back({tr, group});
      ++group;
    }
  }
  return rows;
}

// A colspan reaching past the last real column (colspan="1000" on a title row)
// leaves columns that no cell starts in: they are dropped, as are rows left empty.
void trim_empty_columns(HtmlTableGrid& grid) {
  std::size_t width = 0;
  for (const auto& row : grid.rows) width = std::max(width, row.size());
  auto used = [&](std::size_t column) {
    for (const auto& row : grid.rows)
      if (column < row.size() && row[column] != HtmlTableGrid::kNoCell) return true;
    return false;
  };
  while (width > 0 && !used(width - 1)) --width;
  for (auto& row : grid.rows)
    if (row.size() > width) row.resize(width);
  std::erase_if(grid.rows, [](const std::vector<std::size_t>& row) {
    return std::all_of(row.begin(), row.end(),
                       [](std::size_t cell) { return cell == HtmlTableGrid::kNoCell; });
  });
}

}  // namespace

ParsedHtml parse_html(std::string_view bytes) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  ParsedHtml parsed;
  if (bytes.empty() || bytes.size() >= static_cast<std::size_t>(INT_MAX)) return parsed;
  // libxml2 loses the last characters of a page it converts from a legacy
  // charset when no newline follows them.
  std::string with_newline;
  if (bytes.back() != '\n') {
    with_newline.reserve(bytes.size() + 1);
    with_newline.assign(bytes);
    with_newline += '\n';
    bytes = with_newline;
  }
  htmlParserCtxtPtr context =
      htmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
  if (!context) return parsed;
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> owned(context, htmlFreeParserCtxt);
  htmlCtxtUseOptions(
      context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  // Set after htmlCtxtUseOptions, which knows no HTML flag for it: the tree
  // builder then keeps line numbers past 65535 (xmlGetLineNo reads them).
  context->options |= XML_PARSE_BIG_LINES;
  // Undeclared pages are read as UTF-8 (libxml2 would take Latin-1); a page
  // that declares its charset still switches to it.
  context->charset = XML_CHAR_ENCODING_UTF8;
  htmlParseDocument(context);
  parsed.document.reset(context->myDoc);
  context->myDoc = nullptr;
  const xmlError* error = xmlCtxtGetLastError(context);
  if (error && error->code == XML_ERR_INTERNAL_ERROR && error->message &&
      std::string_view(error->message).find("depth") != std::string_view::npos) {
    parsed.too_deep = true;
    parsed.too_deep_line = error->line;
  }
  return parsed;
}

std::string_view element_name(const xmlNode* node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return element_name(node) == name; }

bool is_hidden_element(std::string_view name) {
  static constexpr std::array<std::string_view, 7> hidden = {
      "script", "style", "noscript", "template", "head", "title", "iframe"};
  return one_of(name, hidden);
}

bool is_block_element(std::string_view name) {
  static constexpr std::array<std::string_view, 42> blocks = {
      "html",    "body",   "p",          "div",    "h1",      "h2",      "h3",
      "h4",      "h5",     "h6",         "li",     "ol",      "ul",      "dl",
      "dt",      "dd",     "blockquote", "pre",    "section", "article", "header",
      "footer",  "main",   "nav",        "aside",  "address", "figure",  "figcaption",
      "form",    "center", "fieldset",   "legend", "details", "summary", "table",
      "caption", "thead",  "tbody",      "tfoot",  "tr",      "td",      "th"};
  return one_of(name, blocks) || name == "br" || name == "hr";
}

std::string html_text_of(const xmlNode* root) {
  CollapsedText out;
  if (!root) return {};
  if (is_text(root)) {
    out.add(reinterpret_cast<const char*>(root->content));
    return out.take();
  }
  // Pre-order walk by parent pointers: no recursion, no stack.
  const xmlNode* node = root->children;
  while (node) {
    std::string_view name = element_name(node);
    bool descend = false;
    if (is_text(node)) {
      out.add(reinterpret_cast<const char*>(node->content));
    } else if (!name.empty() && !is_hidden_element(name)) {
      if (is_block_element(name)) out.space();
      descend = node->children != nullptr;
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node != root && !node->next) {
      node = node->parent;
      if (node != root && is_block_element(element_name(node))) out.space();
    }
    node = node == root ? nullptr : node->next;
  }
  return out.take();
}

HtmlTableGrid read_html_table(const xmlNode* table) {
  constexpr std::size_t kNoCell = HtmlTableGrid::kNoCell;
  constexpr std::size_t kMaxColspan = 1000, kMaxRowspan = 65534;
  HtmlTableGrid grid;
  struct Covered {
    std::size_t rows_left = 0;
    std::size_t cell = kNoCell;
  };
  std::vector<Covered> covered;  // per column: a rowspan from a row above
  std::size_t budget = kMaxTableCells;
  int group = -1;
  for (const RowElement& element : row_elements(table, grid.caption)) {
    if (element.group != group) covered.clear();
    group = element.group;
    std::vector<std::size_t> row;
    auto place = [&](std::size_t cell) {
      if (budget == 0) {
        grid.truncated = true;
        return false;
      }
      --budget;
      row.push_back(cell);
      return true;
    };
    // Columns still held by rowspans from above, from the current one on.
    auto skip_covered = [&](bool to_end) {
      for (std::size_t column = row.size(); column < covered.size(); ++column) {
        if (covered[column].rows_left == 0) {
          if (!to_end) return true;
          continue;
        }
        while (row.size() < column)
          if (!place(kNoCell)) return false;
        if (!place(covered[column].cell)) return false;
        --covered[column].rows_left;
      }
      return true;
    };
    bool full = false;
    for (const xmlNode* td = element.tr->children; td && !full; td = td->next) {
      if (!is_element(td, "td") && !is_element(td, "th")) continue;
      if (!skip_covered(false)) break;
      std::size_t colspan = span_attribute(td, "colspan", kMaxColspan, grid.spans_clamped);
      std::size_t rowspan = span_attribute(td, "rowspan", kMaxRowspan, grid.spans_clamped);
      std::size_t index = grid.cells.size();
      grid.cells.push_back({html_text_of(td), td});
      for (std::size_t k = 0; k < colspan; ++k) {
        std::size_t column = row.size();
        std::size_t cell = k == 0 ? index : kNoCell;
        if (!place(cell)) {
          full = true;
          break;
        }
        if (covered.size() <= column) covered.resize(column + 1);
        // A cell overlapping a rowspan from above (bad markup) takes its place.
        covered[column] = {rowspan - 1, cell};
      }
    }
    if (!full) skip_covered(true);
    grid.rows.push_back(std::move(row));
    if (grid.truncated) break;
  }
  trim_empty_columns(grid);
  return grid;
}

}  // namespace vnplan::internal
