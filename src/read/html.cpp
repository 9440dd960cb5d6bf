// Reads HTML files: renders them as text for the pipeline (see rendition.hpp).
//
// libxml2 parses (recovering from bad markup, charset from the page); the tree
// is walked without recursion. Block elements become paragraphs, inline ones
// flow into the text, list numbers are typed out as a writer would have typed
// them, tables go through the shared grid reader (html_table.hpp). Every block
// is anchored at its line in the file.
#include <libxml/parserInternals.h>

#include <algorithm>

#include "html_table.hpp"
#include "rendition.hpp"

namespace vnplan::internal {
namespace {

struct ListState {
  bool ordered = false;
  char type = '1';  // 1 a A i I
  long next = 1;
};

// a, b, ..., z, aa, ab ...: how HTML counts type="a" items.
std::string letters(long number, bool upper) {
  if (number <= 0) return std::to_string(number);
  std::string out;
  for (; number > 0; number = (number - 1) / 26)
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (number - 1) % 26));
  return out;
}

// The marker as Vietnamese plans type it: "1.", "a)", "I.", "A.", "(i)", "-".
std::string list_marker(const ListState& list, long number) {
  if (!list.ordered) return "- ";
  switch (list.type) {
    case 'a':
      return letters(number, false) + ") ";
    case 'A':
      return letters(number, true) + ". ";
    case 'i':
      return "(" + roman_numeral(number, false) + ") ";
    case 'I':
      return roman_numeral(number, true) + ". ";
    default:
      return std::to_string(number) + ". ";
  }
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// A bounded number attribute (start="3", value="7"), or `otherwise`.
long number_attribute(const xmlNode* node, const char* name, long otherwise) {
  std::string text = attribute(node, name);
  std::size_t at = text.find_first_not_of(' ');
  if (at == std::string::npos) return otherwise;
  bool negative = text[at] == '-';
  if (negative) ++at;
  long number = 0;
  bool digits = false;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
    digits = true;
    number = std::min(number * 10 + (text[at] - '0'), 1000000000L);
  }
  return digits ? (negative ? -number : number) : otherwise;
}

int heading_level(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

bool is_text_node(const xmlNode* node) {
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

bool is_bold(std::string_view name) { return name == "b" || name == "strong"; }

// True when all the text of a paragraph is bold (a heading set in bold): it
// is written "**...**", as the markdown corpora write it. A block, a line
// break or a table inside keeps the paragraph as it is.
bool all_bold(const xmlNode* block) {
  bool any_text = false;
  const xmlNode* node = block->children;
  while (node) {
    std::string_view name = element_name(node);
    bool descend = false;
    if (is_text_node(node)) {
      std::string_view text = node->content ? reinterpret_cast<const char*>(node->content) : "";
      if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        bool bold = false;
        for (const xmlNode* up = node->parent; up && up != block && !bold; up = up->parent)
          bold = is_bold(element_name(up));
        if (!bold) return false;
        any_text = true;
      }
    } else if (!name.empty() && !is_hidden_element(name)) {
      if (is_block_element(name)) return false;
      descend = node->children != nullptr;
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node != block && !node->next) node = node->parent;
    node = node == block ? nullptr : node->next;
  }
  return any_text;
}

// Inside rendered math (pandoc's <span class="math">), TeX spacing comes out as
// Unicode spaces: wide ones around relations ("≥") stay word spaces, the thin
// one TeX puts after a comma goes ("0,\u200685" is the number 0,85). Elsewhere
// every such space is a word space.
bool in_math(const xmlNode* text) {
  for (const xmlNode* up = text->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent) {
    xmlChar* value = xmlGetProp(up, reinterpret_cast<const xmlChar*>("class"));
    bool math = value && std::string_view(reinterpret_cast<const char*>(value)).find("math") !=
                             std::string_view::npos;
    xmlFree(value);
    if (math) return true;
  }
  return false;
}

// U+2000..U+200A (E2 80 80..8A in UTF-8) as spaces the builder collapses.
std::string plain_spaces(std::string_view text, bool math) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool typographic = i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
                       static_cast<unsigned char>(text[i + 2]) <= 0x8A;
    if (!typographic) {
      out += text[i];
      continue;
    }
    unsigned char which = static_cast<unsigned char>(text[i + 2]);
    bool thin = which == 0x86 || which == 0x89 || which == 0x8A;
    if (!(math && thin)) out += ' ';
    i += 2;
  }
  return out;
}

bool has_typographic_space(std::string_view text) {
  for (std::size_t at = text.find('\xE2'); at != std::string_view::npos;
       at = text.find('\xE2', at + 1))
    if (at + 2 < text.size() && text[at + 1] == '\x80' &&
        static_cast<unsigned char>(text[at + 2]) <= 0x8A)
      return true;
  return false;
}

class HtmlRenderer {
 public:
  explicit HtmlRenderer(RenditionBuilder& out) : out_(out) {}

  // Pre-order walk by parent pointers with an exit step for every element
  // entered: no recursion, whatever the depth.
  void render(const xmlNode* root) {
    const xmlNode* node = root->children;
    while (node) {
      bool into = enter(node);
      if (into && node->children) {
        node = node->children;
        continue;
      }
      if (into) leave(node);
      while (node != root && !node->next) {
        node = node->parent;
        if (node != root) leave(node);
      }
      node = node == root ? nullptr : node->next;
    }
  }

 private:
  RenditionBuilder& out_;
  std::vector<ListState> lists_;  // as deep as libxml2 nests (bounded by it)
  std::string pending_marker_;    // a list number or heading mark waiting for its text
  int in_pre_ = 0;

  void start_block(const xmlNode* node) {
    if (!out_.line_is_empty()) out_.end_paragraph();
    SourceAnchor anchor;
    anchor.line = static_cast<std::uint32_t>(std::max(0L, xmlGetLineNo(node)));
    out_.anchor(anchor);
  }

  // A list item that holds a list or a table before any text of its own
  // keeps its number on a line of its own.
  void flush_marker() {
    if (pending_marker_.empty()) return;
    out_.text(pending_marker_);
    pending_marker_.clear();
    out_.end_paragraph();
  }

  void write(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos && out_.line_is_empty()) return;
    if (!pending_marker_.empty()) {
      out_.text(pending_marker_);
      pending_marker_.clear();
    }
    if (in_pre_ == 0) {
      out_.text(text);
      return;
    }
    for (std::size_t from = 0;;) {  // preformatted: its lines stay lines
      std::size_t newline = text.find('\n', from);
      out_.text(text.substr(from, newline - from));
      if (newline == std::string_view::npos) break;
      out_.end_line();
      from = newline + 1;
    }
  }

  // Returns whether to walk into the node's children (leave() is then called).
  bool enter(const xmlNode* node) {
    if (is_text_node(node)) {
      if (!node->content) return false;
      std::string_view text = reinterpret_cast<const char*>(node->content);
      if (has_typographic_space(text))
        write(plain_spaces(text, in_math(node)));
      else
        write(text);
      return false;
    }
    std::string_view name = element_name(node);
    if (name.empty() || is_hidden_element(name)) return false;  // comments, DTD, scripts ...
    if (name == "table") {
      flush_marker();
      render_table(node);
      return false;
    }
    if (name == "br") {
      out_.end_line();
      return false;
    }
    if (name == "hr") {
      flush_marker();
      out_.end_paragraph();
      return false;
    }
    if (!is_block_element(name)) return true;
    if (name == "ol" || name == "ul") {
      flush_marker();
      start_block(node);
      ListState list;
      list.ordered = name == "ol";
      std::string type = attribute(node, "type");
      if (type.size() == 1 && std::string_view("1aAiI").find(type[0]) != std::string_view::npos)
        list.type = type[0];
      list.next = number_attribute(node, "start", 1);
      lists_.push_back(list);
      return true;
    }
    start_block(node);
    if (name == "li") {
      ListState bare;  // an <li> outside any list reads as a bullet
      ListState& list = lists_.empty() ? bare : lists_.back();
      long number = number_attribute(node, "value", list.next);
      pending_marker_ = list_marker(list, number);
      list.next = number + 1;
    } else if (int level = heading_level(name)) {
      pending_marker_ = std::string(static_cast<std::size_t>(level), '#') + " ";
      return true;
    } else if (name == "pre") {
      ++in_pre_;
      return true;
    }
    if ((name == "p" || name == "li") && all_bold(node)) {
      write("**" + html_text_of(node) + "**");
      out_.end_paragraph();
      pending_marker_.clear();
      return false;
    }
    return true;
  }

  void leave(const xmlNode* node) {
    std::string_view name = element_name(node);
    if (!is_block_element(name)) return;
    if (name == "ol" || name == "ul") {
      if (!lists_.empty()) lists_.pop_back();
    } else if (name == "pre") {
      --in_pre_;
    }
    pending_marker_.clear();  // an empty item or heading: nothing to number
    out_.end_paragraph();
  }

  void render_table(const xmlNode* table) {
    HtmlTableGrid grid = read_html_table(table);
    if (grid.caption) {
      std::string caption = html_text_of(grid.caption);
      if (!caption.empty()) {
        start_block(grid.caption);
        out_.text(caption);
        out_.end_paragraph();
      }
    }
    std::vector<RenderedRow> rows;
    rows.reserve(grid.rows.size());
    for (const auto& grid_row : grid.rows) {
      RenderedRow row(grid_row.size());
      for (std::size_t c = 0; c < grid_row.size(); ++c) {
        if (grid_row[c] == HtmlTableGrid::kNoCell) continue;
        const HtmlTableGrid::Cell& cell = grid.cells[grid_row[c]];
        row[c].text = cell.text;
        row[c].anchor.line = static_cast<std::uint32_t>(std::max(0L, xmlGetLineNo(cell.element)));
      }
      rows.push_back(std::move(row));
    }
    start_block(table);
    out_.table(rows);
    long line = xmlGetLineNo(table);
    if (grid.truncated)
      out_.note("html.table_truncated", "table at line " + std::to_string(line) +
                                            " has more than " + std::to_string(kMaxTableCells) +
                                            " cells: the rest is left out");
    if (grid.spans_clamped)
      out_.note("html.span_clamped", "table at line " + std::to_string(line) + ": " +
                                         std::to_string(grid.spans_clamped) +
                                         " rowspan/colspan values beyond the HTML limits "
                                         "(colspan 1000, rowspan 65534) were reduced to them");
  }
};

}  // namespace

RenderResult render_html(const std::string& path, const std::string& bytes) {
  ParsedHtml parsed = parse_html(bytes);
  if (!parsed.document)
    return {std::nullopt, ReadError{path, "the html file holds no text", {}, {}}};
  RenditionBuilder builder;
  HtmlRenderer(builder).render(reinterpret_cast<const xmlNode*>(parsed.document.get()));
  Rendition rendition = builder.take();
  if (parsed.too_deep) {
    auto line = static_cast<std::uint32_t>(std::max(0L, parsed.too_deep_line));
    std::string why = "HTML nested deeper than " + std::to_string(xmlParserMaxDepth) +
                      " elements: libxml2 stops reading there";
    if (rendition.text.find_first_not_of(" \n") == std::string::npos)
      return {std::nullopt, ReadError{path, why + "; no text before it", {}, line}};
    Span at;
    at.start = at.end = rendition.text.size();
    rendition.notes.push_back(
        {Severity::warning, "html.too_deep",
         why + " (line " + std::to_string(line) + "); the text after that point is left out", at});
  }
  return {std::move(rendition), std::nullopt};
}

}  // namespace vnplan::internal
