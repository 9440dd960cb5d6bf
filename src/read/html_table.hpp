// libxml2's HTML parser and the reading of an HTML <table> into a grid of
// cells, shared by the HTML reader (src/read/html.cpp) and the normaliser,
// which meets <table> blocks inside markdown (src/normalise/html_tables.cpp).
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::internal {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

struct ParsedHtml {
  XmlDocument document;  // null when libxml2 gave no tree at all
  // libxml2 stops building the tree below this depth (without XML_PARSE_HUGE,
  // which stays off so that a hostile file cannot exhaust the stack or memory).
  bool too_deep = false;
  long too_deep_line = 0;  // where it stopped
};

// Parses HTML with recovery, no network and no messages on stderr. The
// encoding is the one the page declares (BOM, <meta charset>, http-equiv),
// else UTF-8 (libxml2 falls back to Latin-1 by itself on bytes that are not
// UTF-8). Line numbers beyond 65535 are kept.
ParsedHtml parse_html(std::string_view bytes);

// The element's name in lower case ASCII, or "" for a node that is not an element.
std::string_view element_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);

// Elements whose content is not text of the page.
bool is_hidden_element(std::string_view name);
// Elements that start a new line of text (everything else flows inline).
bool is_block_element(std::string_view name);

// Text of a subtree, white space collapsed (no-break spaces too) and trimmed;
// block elements, cells and <br> separate words. Walked without recursion.
std::string html_text_of(const xmlNode* node);

// An HTML table with its merged cells spread over the grid (the convention of
// rendition.hpp: a cell spanning rows is repeated in each row it covers, one
// spanning columns keeps its text in the first column, the others are empty).
struct HtmlTableGrid {
  static constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);
  struct Cell {
    std::string text;                  // html_text_of the cell: nested tables flattened
    const xmlNode* element = nullptr;  // its <td> or <th>
  };
  std::vector<Cell> cells;                     // each <td>/<th> once, in document order
  std::vector<std::vector<std::size_t>> rows;  // per row and column: index in cells, or kNoCell
  const xmlNode* caption = nullptr;
  bool truncated = false;         // more than kMaxTableCells grid cells: the rest is left out
  std::size_t spans_clamped = 0;  // rowspan/colspan values beyond what HTML allows
};

// Reads the rows of <table> (direct <tr>, or inside <thead>/<tbody>/<tfoot>),
// a rowspan never reaching past its row group. A colspan that runs past the
// last real column adds no column.
HtmlTableGrid read_html_table(const xmlNode* table);

}  // namespace vnplan::internal
