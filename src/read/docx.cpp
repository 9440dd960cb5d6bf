// Reads DOCX files: renders them as text for the pipeline (see rendition.hpp).
//
// A DOCX is a ZIP of XML parts. The text is in word/document.xml, but Word keeps
// list numbers ("I.", "1.", "a)", bullets) outside it, in numbering.xml and the
// paragraph styles of styles.xml; they are rebuilt here the way Word displays
// them, so a list numbered automatically reads like one typed by hand.
//
// Anchors (SourceAnchor::node):
//   "pN"          the Nth paragraph directly in the body (1-based, counting empty
//                 paragraphs, not those inside tables)
//   "tblT/rR/cC"  row R, grid column C (1-based) of the Tth table of the body;
//                 a nested table is flattened into the text of its cell
//   "footnoteN"   the footnote whose w:id is N
// Footnotes are written after the body, one line each, "¹ Text" (a superscript
// mark, as the joiner recognises footnotes); the mark in the text is glued to
// the word before it, as in typed text, and the normaliser drops it there.
// Headers and footers of the page are not read: they are page furniture.
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rendition.hpp"
#include "vnplan/text.hpp"

namespace vnplan::internal {
namespace {

constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kMathNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/math";
// Nesting of tables in cells, links in insertions in content controls...: real
// documents stay far below; deeper content is dropped so recursion stays bounded.
constexpr int kMaxDepth = 64;
constexpr int kLevels = 9;  // list levels Word knows (w:ilvl 0..8)
// A start value beyond this is a broken file; clamping keeps counters from overflowing.
constexpr int kMaxListStart = 1000000;
constexpr std::size_t kMaxLevelText = 255 * 4;  // bytes: 255 characters of UTF-8

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// ---------------------------------------------------------------- the ZIP

// One part of the archive: absent, read, or refused with a reason.
struct Part {
  bool found = false;
  std::string bytes;
  std::string error;
};

class Archive {
 public:
  Archive() = default;
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  // Opens the archive held in `bytes`, which must outlive it; returns why it cannot.
  std::optional<std::string> open(const std::string& bytes);
  Part read(const char* name) const;

 private:
  zip_t* zip_ = nullptr;
};

std::optional<std::string> Archive::open(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) {
    zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip_) zip_source_free(source);
  }
  std::optional<std::string> why;
  if (!zip_) why = std::string(zip_error_strerror(&error));
  zip_error_fini(&error);
  return why;
}

// Reads a part in chunks and stops at kMaxUnzippedEntryBytes: the size in the
// header is checked first but not trusted, a ZIP bomb can declare a small one.
Part Archive::read(const char* name) const {
  Part part;
  zip_int64_t index = zip_name_locate(zip_, name, ZIP_FL_NOCASE);
  if (index < 0) return part;
  part.found = true;
  auto refuse = [&](std::string why) {
    part.bytes.clear();
    part.error = std::move(why);
    return part;
  };
  auto fail = [&](const char* why) {
    return refuse("damaged DOCX: cannot read " + std::string(name) + " (" + why + ")");
  };
  auto too_big = [&] {
    return refuse(std::string(name) + ": decompressed size exceeds " + mib(kMaxUnzippedEntryBytes) +
                  " (ZIP bomb?)");
  };
  zip_stat_t stat;
  zip_stat_init(&stat);
  auto entry = static_cast<zip_uint64_t>(index);
  if (zip_stat_index(zip_, entry, 0, &stat) != 0) return fail(zip_strerror(zip_));
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    return refuse("encrypted DOCX (" + std::string(name) +
                  " needs a password): save a copy without a password and read that");
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxUnzippedEntryBytes) return too_big();
  zip_file_t* file = zip_fopen_index(zip_, entry, 0);
  if (!file) return fail(zip_strerror(zip_));
  if (stat.valid & ZIP_STAT_SIZE) part.bytes.reserve(static_cast<std::size_t>(stat.size));
  std::vector<char> chunk(64 * 1024);
  bool over = false;
  std::string read_error;
  for (;;) {
    zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
    if (got < 0) {
      read_error = zip_error_strerror(zip_file_get_error(file));  // copied before zip_fclose
      break;
    }
    if (got == 0) break;
    if (part.bytes.size() + static_cast<std::size_t>(got) > kMaxUnzippedEntryBytes) {
      over = true;
      break;
    }
    part.bytes.append(chunk.data(), static_cast<std::size_t>(got));
  }
  zip_fclose(file);
  if (over) return too_big();
  if (!read_error.empty()) return fail(read_error.c_str());
  return part;
}

// ---------------------------------------------------------------- XML parts

// Element and attribute names of one part, in the prefix that part binds to
// WordprocessingML (nearly always "w:", but the prefix is the file's choice).
struct Word {
  std::string prefix = "w:";
  std::string math = "m:";

  std::string_view local(const char* name) const {
    std::string_view full(name);
    if (full.compare(0, prefix.size(), prefix) != 0) return {};
    return full.substr(prefix.size());
  }
  std::string_view local(pugi::xml_node node) const { return local(node.name()); }
  bool is(pugi::xml_node node, std::string_view name) const { return local(node) == name; }
  bool is_math(pugi::xml_node node, std::string_view name) const {
    std::string_view full(node.name());
    return full.size() == math.size() + name.size() && full.compare(0, math.size(), math) == 0 &&
           full.substr(math.size()) == name;
  }
  pugi::xml_node child(pugi::xml_node node, std::string_view name) const {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
      if (is(c, name)) return c;
    return {};
  }
  // The attribute's value, or null when it is absent.
  const char* attribute(pugi::xml_node node, std::string_view name) const {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
      if (local(a.name()) == name) return a.value();
    return nullptr;
  }
  std::string value(pugi::xml_node node, std::string_view name = "val") const {
    const char* v = attribute(node, name);
    return v ? v : "";
  }
  std::optional<int> number(pugi::xml_node node, std::string_view name = "val") const {
    const char* v = attribute(node, name);
    if (!v) return std::nullopt;
    std::string_view text(v);
    int parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    return parsed;
  }
  // An on/off property: present and not "0", "false" or "off".
  bool flag(pugi::xml_node node) const {
    if (!node) return false;
    std::string v = value(node);
    return v != "0" && v != "false" && v != "off";
  }
};

struct XmlPart {
  std::string bytes;  // parsed in place: the tree points into it
  pugi::xml_document tree;
  Word word;
  pugi::xml_node root() const { return tree.document_element(); }
};

// Parses a part's XML; returns why it cannot.
std::optional<std::string> parse_part(XmlPart& part, const char* name) {
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result parsed =
      part.tree.load_buffer_inplace(part.bytes.data(), part.bytes.size(), options);
  if (!parsed)
    return std::string(name) + ": broken XML at byte " + std::to_string(parsed.offset) + " (" +
           parsed.description() + ")";
  for (pugi::xml_attribute a = part.root().first_attribute(); a; a = a.next_attribute()) {
    std::string_view attribute(a.name());
    std::string prefix =
        attribute.rfind("xmlns:", 0) == 0 ? std::string(attribute.substr(6)) + ":" : "";
    if (attribute != "xmlns" && prefix.empty()) continue;
    if (a.value() == kWordNamespace) part.word.prefix = prefix;
    if (a.value() == kMathNamespace) part.word.math = prefix;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- styles

// What a paragraph style says about list numbering, before inheritance.
struct NumberingReference {
  std::optional<std::string> list;  // w:numId
  std::optional<int> level;         // w:ilvl
};

NumberingReference numbering_reference(const Word& w, pugi::xml_node paragraph_properties) {
  NumberingReference reference;
  pugi::xml_node numbering = w.child(paragraph_properties, "numPr");
  if (!numbering) return reference;
  if (pugi::xml_node list = w.child(numbering, "numId")) reference.list = w.value(list);
  if (pugi::xml_node level = w.child(numbering, "ilvl")) reference.level = w.number(level);
  return reference;
}

class Styles {
 public:
  void load(const XmlPart& part);
  const std::string& default_paragraph_style() const { return default_paragraph_; }
  // The list of paragraphs in `style`, following w:basedOn: each of numId and
  // ilvl from the nearest style that sets it.
  NumberingReference numbering(const std::string& style) const;

 private:
  struct Style {
    std::string based_on;
    NumberingReference numbering;
  };
  std::unordered_map<std::string, Style> paragraph_styles_;
  std::string default_paragraph_;
};

void Styles::load(const XmlPart& part) {
  const Word& w = part.word;
  for (pugi::xml_node node = part.root().first_child(); node; node = node.next_sibling()) {
    if (!w.is(node, "style") || w.value(node, "type") != "paragraph") continue;
    std::string id = w.value(node, "styleId");
    Style style;
    style.based_on = w.value(w.child(node, "basedOn"));
    style.numbering = numbering_reference(w, w.child(node, "pPr"));
    std::string is_default = w.value(node, "default");
    if (is_default == "1" || is_default == "true" || is_default == "on") default_paragraph_ = id;
    paragraph_styles_[id] = std::move(style);
  }
}

NumberingReference Styles::numbering(const std::string& style) const {
  NumberingReference found;
  std::string id = style;
  for (int hop = 0; hop < 16 && !id.empty(); ++hop) {  // bounded: basedOn may loop
    auto it = paragraph_styles_.find(id);
    if (it == paragraph_styles_.end()) break;
    const NumberingReference& own = it->second.numbering;
    if (!found.list && own.list) found.list = own.list;
    if (!found.level && own.level) found.level = own.level;
    id = it->second.based_on;
  }
  return found;
}

// ---------------------------------------------------------------- numbering

struct Level {
  bool defined = false;
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, "%1.%2."
  int start = 1;
  std::optional<int> restart;  // w:lvlRestart: 1-based level whose use restarts this one; 0 never
  bool legal = false;          // w:isLgl: every level shown in decimal
  std::string style;           // w:pStyle: the paragraph style this level belongs to
};

struct AbstractList {
  std::array<Level, kLevels> levels;
  std::string style_link;  // w:numStyleLink: the levels live in the list of that style
};

struct ListInstance {
  std::string abstract_id;
  std::array<std::optional<int>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
  // An overridden level restarts where this w:num is first used at that level.
  std::array<bool, kLevels> restart_pending{};
};

int clamp_start(int value) { return std::clamp(value, 0, kMaxListStart); }

Level read_level(const Word& w, pugi::xml_node node) {
  Level level;
  level.defined = true;
  if (auto start = w.number(w.child(node, "start"))) level.start = clamp_start(*start);
  if (pugi::xml_node format = w.child(node, "numFmt")) level.format = w.value(format);
  // Word takes at most 255 characters here; a longer text would be copied onto every item.
  if (pugi::xml_node text = w.child(node, "lvlText"))
    level.text = w.value(text).substr(0, kMaxLevelText);
  if (pugi::xml_node restart = w.child(node, "lvlRestart")) level.restart = w.number(restart);
  level.legal = w.flag(w.child(node, "isLgl"));
  level.style = w.value(w.child(node, "pStyle"));
  return level;
}

// Word's letters: a..z, then aa..zz, aaa.. (the letter repeated), never "đ".
std::string letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  int repeat = (n - 1) / 26 + 1;
  if (repeat > 100) return std::to_string(n);
  return std::string(static_cast<std::size_t>(repeat),
                     static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
}

std::string format_number(int n, const std::string& format) {
  if (format == "none") return "";
  if (format == "upperRoman") return roman_numeral(n, true);
  if (format == "lowerRoman") return roman_numeral(n, false);
  if (format == "upperLetter") return letters(n, true);
  if (format == "lowerLetter") return letters(n, false);
  if (format == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);  // decimal, and the rarer formats read as decimal
}

// The pipeline reads "-", "+" and "*" bullets; Word's "•", "–", "" (a Symbol font
// dot) and the like are all written "-".
std::string bullet_marker(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  std::string bullet = text.substr(first, text.find_last_not_of(" \t") + 1 - first);
  if (bullet == "+" || bullet == "*") return bullet;
  return "-";
}

class Numbering {
 public:
  void load(const XmlPart& part);
  // The marker Word shows on a paragraph of list `list_id` at `level`, counters
  // advanced; empty when the paragraph shows none.
  std::string next_marker(const std::string& list_id, int level, const Styles& styles);
  // The level of `list_id` tied to paragraph `style` (w:pStyle in a level).
  std::optional<int> level_of_style(const std::string& list_id, const std::string& style,
                                    const Styles& styles) const;
  std::size_t rebuilt() const { return rebuilt_; }

 private:
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
  };
  const AbstractList* abstract_of(const ListInstance& list, const Styles& styles) const;

  std::unordered_map<std::string, AbstractList> abstracts_;
  std::unordered_map<std::string, ListInstance> lists_;
  std::unordered_map<const AbstractList*, Counters> counters_;
  std::size_t rebuilt_ = 0;
};

void Numbering::load(const XmlPart& part) {
  const Word& w = part.word;
  for (pugi::xml_node node = part.root().first_child(); node; node = node.next_sibling()) {
    if (w.is(node, "abstractNum")) {
      AbstractList& list = abstracts_[w.value(node, "abstractNumId")];
      list.style_link = w.value(w.child(node, "numStyleLink"));
      for (pugi::xml_node lvl = node.first_child(); lvl; lvl = lvl.next_sibling()) {
        auto index = w.number(lvl, "ilvl");
        if (w.is(lvl, "lvl") && index && *index >= 0 && *index < kLevels)
          list.levels[static_cast<std::size_t>(*index)] = read_level(w, lvl);
      }
    } else if (w.is(node, "num")) {
      ListInstance& list = lists_[w.value(node, "numId")];
      list.abstract_id = w.value(w.child(node, "abstractNumId"));
      for (pugi::xml_node over = node.first_child(); over; over = over.next_sibling()) {
        auto index = w.number(over, "ilvl");
        if (!w.is(over, "lvlOverride") || !index || *index < 0 || *index >= kLevels) continue;
        auto at = static_cast<std::size_t>(*index);
        if (auto start = w.number(w.child(over, "startOverride")))
          list.start_override[at] = clamp_start(*start);
        if (pugi::xml_node lvl = w.child(over, "lvl")) list.level_override[at] = read_level(w, lvl);
        list.restart_pending[at] = list.start_override[at] || list.level_override[at];
      }
    }
  }
}

// An abstract list that only links to a list style (w:numStyleLink) takes its
// levels from the list that style numbers with.
const AbstractList* Numbering::abstract_of(const ListInstance& list, const Styles& styles) const {
  std::string id = list.abstract_id;
  for (int hop = 0; hop < 4; ++hop) {
    auto found = abstracts_.find(id);
    if (found == abstracts_.end()) return nullptr;
    const AbstractList& abstract = found->second;
    if (abstract.style_link.empty()) return &abstract;
    auto linked = styles.numbering(abstract.style_link).list;
    auto instance = linked ? lists_.find(*linked) : lists_.end();
    if (instance == lists_.end()) return &abstract;
    id = instance->second.abstract_id;
  }
  return nullptr;
}

std::optional<int> Numbering::level_of_style(const std::string& list_id, const std::string& style,
                                             const Styles& styles) const {
  auto list = lists_.find(list_id);
  if (list == lists_.end() || style.empty()) return std::nullopt;
  const AbstractList* abstract = abstract_of(list->second, styles);
  if (!abstract) return std::nullopt;
  for (int k = 0; k < kLevels; ++k)
    if (abstract->levels[static_cast<std::size_t>(k)].style == style) return k;
  return std::nullopt;
}

std::string Numbering::next_marker(const std::string& list_id, int level, const Styles& styles) {
  auto found = lists_.find(list_id);
  if (found == lists_.end()) return "";
  ListInstance& list = found->second;
  const AbstractList* abstract = abstract_of(list, styles);
  if (!abstract) return "";
  auto level_at = [&](int k) -> const Level& {
    auto at = static_cast<std::size_t>(k);
    return list.level_override[at] ? *list.level_override[at] : abstract->levels[at];
  };
  auto start_at = [&](int k) {
    auto at = static_cast<std::size_t>(k);
    return list.start_override[at] ? *list.start_override[at] : level_at(k).start;
  };
  // Word keeps one count per abstract list, shared by the w:num that use it: a
  // w:num that overrides a level restarts the count there, the others go on
  // from it (LibreOffice saves "a) ... b)" split by a heading so).
  Counters& counters = counters_[abstract];
  auto at = static_cast<std::size_t>(level);
  if (list.restart_pending[at]) {
    list.restart_pending[at] = false;
    counters.value[at] = start_at(level);
  } else if (counters.started[at])
    counters.value[at] = std::min(counters.value[at] + 1, 2 * kMaxListStart);
  else
    counters.value[at] = start_at(level);
  counters.started[at] = true;
  for (int deeper = level + 1; deeper < kLevels; ++deeper) {
    std::optional<int> restart = level_at(deeper).restart;
    int by = restart && *restart <= deeper ? *restart : deeper;  // 1-based: levels < by restart it
    if (by != 0 && level < by) counters.started[static_cast<std::size_t>(deeper)] = false;
  }

  const Level& shown = level_at(level);
  if (!shown.defined) return "";
  std::string marker;
  if (shown.format == "bullet") {
    marker = bullet_marker(shown.text);
  } else {
    const std::string& text = shown.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        int k = text[i + 1] - '1';
        auto kat = static_cast<std::size_t>(k);
        int value = counters.started[kat] ? counters.value[kat] : start_at(k);
        marker += format_number(value, shown.legal ? "decimal" : level_at(k).format);
        ++i;
      } else {
        marker += text[i];
      }
    }
    std::size_t first = marker.find_first_not_of(" \t");
    marker = first == std::string::npos
                 ? ""
                 : marker.substr(first, marker.find_last_not_of(" \t") + 1 - first);
  }
  if (!marker.empty()) ++rebuilt_;
  return marker;
}

// ---------------------------------------------------------------- rendering

std::string superscript(std::size_t number) {
  static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : std::to_string(number)) out += digits[c - '0'];
  return out;
}

std::string_view local_part(const char* name) {
  std::string_view full(name);
  std::size_t colon = full.rfind(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

// A horizontal line: Word's "Horizontal Line" (VML o:hr), a drawn line or
// connector, or a rectangle at most 3 pt high and 20 times wider (LibreOffice
// saves Word's line so). Under a title it is the rule typed text writes "-----".
constexpr long long kThinShape = 38100;  // 3 pt in EMU
bool is_rule(pugi::xml_node drawing) {
  return drawing.find_node([](pugi::xml_node node) {
    std::string_view name = local_part(node.name());
    if (name == "line") return true;
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      std::string_view attribute = local_part(a.name()), value = a.value();
      if (attribute == "hr" && value == "t") return true;
      if (name == "extent" && attribute == "cy") {  // a rectangle drawn thin is a line too
        long long wide = node.attribute("cx").as_llong(), high = node.attribute("cy").as_llong();
        if (high >= 0 && high <= kThinShape && high * 20 <= wide) return true;
      }
      if (name == "prstGeom" && attribute == "prst" &&
          (value == "line" || value.rfind("straightConnector", 0) == 0))
        return true;
    }
    return false;
  });
}

bool has_text(const std::string& text) {
  return text.find_first_not_of(" \t\n") != std::string::npos;
}

void trim_right(std::string& text) {
  std::size_t end = text.find_last_not_of(" \t");
  text.erase(end == std::string::npos ? 0 : end + 1);
}

class DocxRenderer {
 public:
  DocxRenderer(const Styles& styles, Numbering& numbering, const XmlPart* footnotes)
      : styles_(styles), numbering_(numbering), footnotes_(footnotes) {}
  void render(const XmlPart& document);
  Rendition take() { return out_.take(); }

 private:
  struct Cell {
    std::string text;
    bool continues = false;  // w:vMerge without "restart": the cell above goes on
    std::size_t span = 1;
  };

  void blocks(pugi::xml_node container, int depth);
  void write_paragraph(pugi::xml_node paragraph);
  void write_table(pugi::xml_node table);
  void write_footnotes();
  void write_notes();

  // The paragraph's list marker and text; '\n' for a line break inside it.
  std::string paragraph_text(pugi::xml_node paragraph, int depth);
  std::string list_marker(pugi::xml_node paragraph);
  void inline_content(pugi::xml_node node, std::string& text, int depth);
  void run_content(pugi::xml_node run, std::string& text);
  void math_text(pugi::xml_node node, std::string& text, int depth);
  // The text of a table cell: its paragraphs and nested tables, joined by spaces.
  std::string cell_text(pugi::xml_node cell, int depth);
  void nested_table_text(pugi::xml_node table, std::string& text, int depth);
  std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) const;
  std::vector<Cell> row_cells(pugi::xml_node row, int depth);

  const Styles& styles_;
  Numbering& numbering_;
  const XmlPart* footnotes_;
  Word w_;  // names of the part being rendered
  RenditionBuilder out_;
  std::size_t paragraphs_ = 0, tables_ = 0;
  std::size_t table_bytes_ = 0;            // text put in table cells so far
  std::vector<std::string> footnote_ids_;  // in the order of their marks
  bool in_footnote_ = false;
  bool rule_seen_ = false;  // the paragraph being read holds a horizontal line
  std::size_t deletions_ = 0, drawings_ = 0, too_deep_ = 0, embedded_ = 0;
};

void DocxRenderer::render(const XmlPart& document) {
  w_ = document.word;
  pugi::xml_node body = w_.child(document.root(), "body");
  blocks(body, 0);
  write_footnotes();
  write_notes();
}

// Paragraphs and tables in body order, through content controls and custom XML.
void DocxRenderer::blocks(pugi::xml_node container, int depth) {
  if (depth > kMaxDepth) {
    ++too_deep_;
    return;
  }
  for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
    std::string_view name = w_.local(node);
    if (name == "p")
      write_paragraph(node);
    else if (name == "tbl")
      write_table(node);
    else if (name == "sdt")
      blocks(w_.child(node, "sdtContent"), depth + 1);
    else if (name == "customXml")
      blocks(node, depth + 1);
    else if (name == "altChunk")
      ++embedded_;
  }
}

void DocxRenderer::write_paragraph(pugi::xml_node paragraph) {
  std::string node = "p" + std::to_string(++paragraphs_);
  rule_seen_ = false;
  std::string text = paragraph_text(paragraph, 0);
  if (!has_text(text) && rule_seen_) text = "-----";  // a rule alone on its line
  if (!has_text(text)) return;
  out_.anchor({0, 0, 0, 0, 0, std::move(node)});
  std::size_t from = 0;
  for (std::size_t brk = text.find('\n'); brk != std::string::npos; brk = text.find('\n', from)) {
    out_.text(std::string_view(text).substr(from, brk - from));
    out_.end_line();
    from = brk + 1;
  }
  out_.text(std::string_view(text).substr(from));
  out_.end_paragraph();
}

std::string DocxRenderer::list_marker(pugi::xml_node paragraph) {
  pugi::xml_node properties = w_.child(paragraph, "pPr");
  std::string style = w_.value(w_.child(properties, "pStyle"));
  if (style.empty()) style = styles_.default_paragraph_style();
  NumberingReference direct = numbering_reference(w_, properties);
  NumberingReference inherited = styles_.numbering(style);
  std::optional<std::string> list = direct.list ? direct.list : inherited.list;
  if (!list || list->empty() || *list == "0") return "";  // numId 0: numbering switched off
  std::optional<int> level = direct.level ? direct.level : inherited.level;
  if (!level) level = numbering_.level_of_style(*list, style, styles_);
  return numbering_.next_marker(*list, std::clamp(level.value_or(0), 0, kLevels - 1), styles_);
}

std::string DocxRenderer::paragraph_text(pugi::xml_node paragraph, int depth) {
  std::string marker = in_footnote_ ? "" : list_marker(paragraph);
  std::string text;
  inline_content(paragraph, text, depth);
  if (marker.empty() || !has_text(text)) return text;
  return marker + " " + text;
}

void DocxRenderer::inline_content(pugi::xml_node node, std::string& text, int depth) {
  if (depth > kMaxDepth) {
    ++too_deep_;
    return;
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    std::string_view name = w_.local(child);
    if (name == "r") {
      if (!w_.flag(w_.child(w_.child(child, "rPr"), "vanish")))  // hidden text is not shown
        run_content(child, text);
    } else if (name == "hyperlink" || name == "ins" || name == "moveTo" || name == "smartTag" ||
               name == "customXml" || name == "fldSimple" || name == "sdtContent" ||
               name == "dir" || name == "bdo")
      inline_content(child, text, depth + 1);
    else if (name == "sdt")
      inline_content(w_.child(child, "sdtContent"), text, depth + 1);
    else if (name == "del" || name == "moveFrom")
      ++deletions_;  // tracked deletions: the text as it now reads leaves them out
    else if (w_.is_math(child, "oMath") || w_.is_math(child, "oMathPara"))
      math_text(child, text, depth + 1);
  }
}

void DocxRenderer::run_content(pugi::xml_node run, std::string& text) {
  for (pugi::xml_node child = run.first_child(); child; child = child.next_sibling()) {
    std::string_view name = w_.local(child);
    if (name == "t") {
      text += child.child_value();
    } else if (name == "tab" || name == "ptab") {
      text += ' ';
    } else if (name == "br" || name == "cr") {
      std::string type = w_.value(child, "type");
      text += type == "page" || type == "column" ? ' ' : '\n';
    } else if (name == "noBreakHyphen") {
      text += '-';
    } else if (name == "softHyphen") {
      // Kept, not dropped: in a document typed in TCVN3 (.VnTime) the byte of ư
      // is the soft hyphen, which Word saves as this element. Legacy detection
      // reads it back as ư; in Unicode text the normaliser removes it.
      text += "\xC2\xAD";
    } else if (name == "sym") {
      // A Symbol or Wingdings glyph: characters of the private use area mean
      // nothing outside that font and are left out.
      unsigned code = 0;
      std::string hex = w_.value(child, "char");
      std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
      bool private_use = code >= 0xE000 && code <= 0xF8FF,
           surrogate = code >= 0xD800 && code <= 0xDFFF;
      if (code >= 0x20 && code < 0x10000 && !private_use && !surrogate) utf8_append(text, code);
    } else if (name == "footnoteReference" && !in_footnote_) {
      footnote_ids_.push_back(w_.value(child, "id"));
      trim_right(text);  // the mark sits on the word before it, as in typed text
      text += superscript(footnote_ids_.size());
    } else if (name == "drawing" || name == "pict" || name == "object" ||
               std::string_view(child.name()).find("AlternateContent") != std::string_view::npos) {
      if (is_rule(child))
        rule_seen_ = true;
      else
        ++drawings_;
    }
  }
}

// Office Math: the text of its runs (m:t), in order.
void DocxRenderer::math_text(pugi::xml_node node, std::string& text, int depth) {
  if (depth > kMaxDepth) {
    ++too_deep_;
    return;
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (w_.is_math(child, "t"))
      text += child.child_value();
    else if (child.type() == pugi::node_element)
      math_text(child, text, depth + 1);
  }
}

std::vector<pugi::xml_node> DocxRenderer::children_named(pugi::xml_node node,
                                                         std::string_view name) const {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (w_.is(child, name)) {
      found.push_back(child);
    } else if (w_.is(child, "sdt") || w_.is(child, "customXml")) {  // wrappers of rows, cells
      pugi::xml_node inner = w_.is(child, "sdt") ? w_.child(child, "sdtContent") : child;
      for (pugi::xml_node grand = inner.first_child(); grand; grand = grand.next_sibling())
        if (w_.is(grand, name)) found.push_back(grand);
    }
  }
  return found;
}

std::string DocxRenderer::cell_text(pugi::xml_node cell, int depth) {
  std::string text;
  auto add = [&](std::string part) {
    if (!has_text(part)) return;
    std::replace(part.begin(), part.end(), '\n', ' ');
    if (!text.empty()) text += ' ';
    text += part;
  };
  for (pugi::xml_node child = cell.first_child(); child; child = child.next_sibling()) {
    if (w_.is(child, "p")) {
      add(paragraph_text(child, depth + 1));
    } else if (w_.is(child, "tbl")) {
      std::string nested;
      nested_table_text(child, nested, depth + 1);
      add(std::move(nested));
    } else if (w_.is(child, "sdt") || w_.is(child, "customXml")) {
      if (depth >= kMaxDepth) {
        ++too_deep_;
        continue;
      }
      add(cell_text(w_.is(child, "sdt") ? w_.child(child, "sdtContent") : child, depth + 1));
    }
  }
  return text;
}

// A table inside a cell: its cells' text in reading order, as running text.
void DocxRenderer::nested_table_text(pugi::xml_node table, std::string& text, int depth) {
  if (depth > kMaxDepth) {
    ++too_deep_;
    return;
  }
  for (pugi::xml_node row : children_named(table, "tr"))
    for (pugi::xml_node cell : children_named(row, "tc")) {
      std::string part = cell_text(cell, depth + 1);
      if (!has_text(part)) continue;
      if (!text.empty()) text += ' ';
      text += part;
    }
}

std::vector<DocxRenderer::Cell> DocxRenderer::row_cells(pugi::xml_node row, int depth) {
  std::vector<Cell> cells;
  if (auto before = w_.number(w_.child(w_.child(row, "trPr"), "gridBefore"));
      before && *before > 0) {
    Cell empty;
    empty.span = static_cast<std::size_t>(*before);
    cells.push_back(empty);
  }
  for (pugi::xml_node tc : children_named(row, "tc")) {
    pugi::xml_node properties = w_.child(tc, "tcPr");
    Cell cell;
    if (auto span = w_.number(w_.child(properties, "gridSpan")); span && *span > 1)
      cell.span = static_cast<std::size_t>(*span);
    if (pugi::xml_node merge = w_.child(properties, "vMerge"))
      cell.continues = w_.value(merge) != "restart";
    if (!cell.continues) cell.text = cell_text(tc, depth);
    cells.push_back(std::move(cell));
  }
  return cells;
}

// Rows spread over the grid: a cell spanning columns keeps its text in the
// first, a cell merged down (w:vMerge) is repeated in each row it covers.
void DocxRenderer::write_table(pugi::xml_node table) {
  std::string name = "tbl" + std::to_string(++tables_);
  std::vector<RenderedRow> rows;
  std::vector<std::string> above;  // the text of the previous row, by grid column
  std::size_t cells = 0;
  bool truncated = false, any_text = false;
  for (pugi::xml_node tr : children_named(table, "tr")) {
    if (truncated) break;
    RenderedRow row;
    std::vector<std::string> texts;
    for (Cell& cell : row_cells(tr, 1)) {
      std::size_t column = row.size();
      std::string node =
          name + "/r" + std::to_string(rows.size() + 1) + "/c" + std::to_string(column + 1);
      if (cell.continues) cell.text = column < above.size() ? above[column] : "";
      // Merged cells repeat their text: the copies of all tables share one bound.
      if (cells + cell.span > kMaxTableCells ||
          table_bytes_ + cell.text.size() > kMaxRenderedBytes) {
        truncated = true;
        break;
      }
      cells += cell.span;
      table_bytes_ += cell.text.size();
      any_text = any_text || has_text(cell.text);
      texts.push_back(cell.text);
      texts.resize(texts.size() + cell.span - 1);
      row.push_back({std::move(cell.text), {0, 0, 0, 0, 0, node}});
      for (std::size_t k = 1; k < cell.span; ++k) row.push_back({"", {0, 0, 0, 0, 0, node}});
    }
    above = std::move(texts);
    rows.push_back(std::move(row));
  }
  if (truncated) {
    out_.note("docx.table_truncated", "table " + std::to_string(tables_) + " cut after " +
                                          std::to_string(cells) + " cells (limit " +
                                          std::to_string(kMaxTableCells) + ")");
  }
  if (!any_text) return;
  out_.end_paragraph();
  out_.anchor({0, 0, 0, 0, 0, name});  // the table's own span starts at its first "|"
  out_.table(rows);
}

void DocxRenderer::write_footnotes() {
  if (footnote_ids_.empty() || !footnotes_) return;
  std::unordered_map<std::string, pugi::xml_node> by_id;
  const Word& w = footnotes_->word;
  for (pugi::xml_node note = footnotes_->root().first_child(); note; note = note.next_sibling()) {
    std::string type = w.value(note, "type");
    if (w.is(note, "footnote") && type != "separator" && type != "continuationSeparator" &&
        type != "continuationNotice")
      by_id.emplace(w.value(note, "id"), note);
  }
  Word body_names = w_;
  w_ = w;
  in_footnote_ = true;
  std::size_t written = 0;
  for (std::size_t k = 0; k < footnote_ids_.size(); ++k) {
    auto note = by_id.find(footnote_ids_[k]);
    if (note == by_id.end() || !note->second) continue;
    pugi::xml_node footnote = note->second;
    note->second = pugi::xml_node();  // marked twice in a broken file: written once
    std::string text = cell_text(footnote, 0);
    if (!has_text(text)) continue;
    out_.anchor({0, 0, 0, 0, 0, "footnote" + footnote_ids_[k]});
    out_.text(superscript(k + 1) + " " + text);
    out_.end_paragraph();
    ++written;
  }
  in_footnote_ = false;
  w_ = body_names;
  if (written)
    out_.note("docx.footnotes",
              std::to_string(written) + " footnote(s) written after the body, one line each");
}

void DocxRenderer::write_notes() {
  if (numbering_.rebuilt())
    out_.note("docx.numbering", std::to_string(numbering_.rebuilt()) +
                                    " list marker(s) rebuilt from Word's automatic numbering");
  if (deletions_)
    out_.note(
        "docx.tracked_changes",
        std::to_string(deletions_) +
            " tracked deletion(s) left out; tracked insertions kept (the text as it now reads)");
  if (drawings_)
    out_.note("docx.drawings",
              std::to_string(drawings_) + " drawing(s), text box(es) or object(s) not read");
  if (embedded_)
    out_.note("docx.embedded", std::to_string(embedded_) + " embedded document(s) not read");
  if (too_deep_)
    out_.note("docx.too_deep", std::to_string(too_deep_) + " element(s) nested deeper than " +
                                   std::to_string(kMaxDepth) + " levels left out");
}

}  // namespace

RenderResult render_docx(const std::string& path, const std::string& bytes) {
  auto fail = [&](std::string message) {
    return RenderResult{std::nullopt, ReadError{path, std::move(message), {}, {}}};
  };
  Archive archive;
  if (auto why = archive.open(bytes))
    return fail("damaged DOCX: not a readable ZIP archive (" + *why + ")");

  auto load = [&](const char* name, std::unique_ptr<XmlPart>& part) -> std::optional<std::string> {
    Part read = archive.read(name);
    if (!read.error.empty()) return read.error;
    if (!read.found) return std::nullopt;
    part = std::make_unique<XmlPart>();
    part->bytes = std::move(read.bytes);
    if (auto why = parse_part(*part, name)) return "damaged DOCX: " + *why;
    return std::nullopt;
  };
  std::unique_ptr<XmlPart> document, part, footnotes;
  if (auto why = load("word/document.xml", document)) return fail(*why);
  if (!document) return fail("a ZIP archive but not a DOCX (no word/document.xml)");
  // Styles and numbering are kept as tables; their XML goes before the next part is read.
  Styles styles;
  if (auto why = load("word/styles.xml", part)) return fail(*why);
  if (part) styles.load(*part);
  part.reset();
  Numbering numbering;
  if (auto why = load("word/numbering.xml", part)) return fail(*why);
  if (part) numbering.load(*part);
  part.reset();
  if (auto why = load("word/footnotes.xml", footnotes)) return fail(*why);

  DocxRenderer renderer(styles, numbering, footnotes.get());
  renderer.render(*document);
  return {renderer.take(), std::nullopt};
}

}  // namespace vnplan::internal
