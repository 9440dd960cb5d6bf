// Page layout (see layout.hpp): what a page of words with boxes shows.
//
// Words are grouped into lines by their vertical overlap, lines top to
// bottom, a line cut by the right edge joined to the next one when that one
// plainly goes on with it, other lines kept as lines (the joiner judges them),
// a blank line where a wider gap or a first-line indent starts a paragraph.
// Page numbers (numbers that run with the pages) and running headers or
// footers outside tables are dropped; runs of lines whose words sit in three
// or more column bands are rebuilt as pipe tables (cells that wrap over several
// lines, rows cut by a page break and headers repeated on the next page joined
// back). Every line and cell is anchored to its page and position.
#include "layout.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "vnplan/text.hpp"

namespace vnplan::internal {
namespace {

// A gap wider than a space. A justified line stretches all its spaces alike,
// so a gap counts when it is wide outright, when poppler itself ended its line
// there (a cell boundary), or when it is much wider than the line's usual space.
bool is_column_gap(const Word& left, const Word& right, float usual_space) {
  float gap = right.x0 - left.x1;
  float size = std::max(left.size, right.size);
  return gap > 1.0f * size || (!left.space_after && gap > 0.25f * size) ||
         (gap > 0.5f * size && gap > 1.8f * usual_space);
}

// The median gap between the words of a line.
float usual_space(const std::vector<Word>& words) {
  std::vector<float> gaps;
  for (std::size_t i = 1; i < words.size(); ++i)
    gaps.push_back(std::max(0.0f, words[i].x0 - words[i - 1].x1));
  return median(std::move(gaps));
}

void finish_line(Line& line) {
  std::sort(line.words.begin(), line.words.end(),
            [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  line.top = line.words.front().y0;
  line.bottom = line.words.front().y1;
  line.x0 = line.words.front().x0;
  line.x1 = line.words.front().x1;
  line.size = 0;
  for (const Word& w : line.words) {
    line.top = std::min(line.top, w.y0);
    line.bottom = std::max(line.bottom, w.y1);
    line.x1 = std::max(line.x1, w.x1);
    line.size = std::max(line.size, w.size);
  }
  std::vector<float> bottoms;
  for (const Word& w : line.words) bottoms.push_back(w.y1);
  line.base = median(std::move(bottoms));
  float space = usual_space(line.words);
  Segment segment{0, 1, line.words[0].x0, line.words[0].x1};
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    if (is_column_gap(line.words[i - 1], line.words[i], space)) {
      line.segments.push_back(segment);
      segment = {i, i + 1, line.words[i].x0, line.words[i].x1};
    } else {
      segment.last = i + 1;
      segment.x1 = std::max(segment.x1, line.words[i].x1);
    }
  }
  line.segments.push_back(segment);
}

}  // namespace

float median(std::vector<float> values) {
  if (values.empty()) return 0;
  auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

bool has_letter_or_digit(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// Words whose vertical middles fall inside one another's box share a line.
std::vector<Line> group_lines(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
  std::vector<Line> lines;
  for (Word& word : words) {
    float middle = (word.y0 + word.y1) / 2;
    if (!lines.empty()) {
      Line& last = lines.back();
      float last_top = last.words.front().y0, last_bottom = last.words.front().y1;
      float last_middle = (last_top + last_bottom) / 2;
      if ((middle >= last_top && middle <= last_bottom) ||
          (last_middle >= word.y0 && last_middle <= word.y1)) {
        last.words.push_back(std::move(word));
        continue;
      }
    }
    lines.emplace_back();
    lines.back().words.push_back(std::move(word));
  }
  for (Line& line : lines) finish_line(line);
  return lines;
}

namespace {

std::string line_text(const Line& line, std::size_t first, std::size_t last) {
  std::string text;
  for (std::size_t i = first; i < last; ++i) {
    if (!text.empty()) text += ' ';
    text += line.words[i].text;
  }
  return text;
}

std::string line_text(const Line& line) { return line_text(line, 0, line.words.size()); }

// ---------------------------------------------------------------- furniture

// A line that is only a page number: "8", "- 8 -", "[8]", "8/12".
bool is_page_number(const std::string& text) {
  std::size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '-' && c != '/' && c != '[' && c != ']' && c != '(' && c != ')' &&
             c != '.')
      return false;
  }
  return digits >= 1 && digits <= 6;
}

// The text with its numbers blanked, so "Trang 3" and "Trang 4" compare equal.
std::string furniture_key(const std::string& text) {
  std::string key;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += c;
    }
  }
  return key;
}

// The line indices of a page's top and bottom bands (the first and last lines
// when they sit in the outer eighth of the page).
std::vector<std::size_t> band_lines(const Page& page) {
  std::vector<std::size_t> out;
  if (page.lines.empty()) return out;
  float band = page.height / 8;
  for (std::size_t i = 0; i < page.lines.size() && i < 2; ++i)
    if (page.lines[i].top < band) out.push_back(i);
  for (std::size_t k = 0; k < 2 && k < page.lines.size(); ++k) {
    std::size_t i = page.lines.size() - 1 - k;
    if (page.lines[i].bottom > page.height - band &&
        std::find(out.begin(), out.end(), i) == out.end())
      out.push_back(i);
  }
  return out;
}

// The number a page-number line shows: its first run of digits ("- 8 -",
// "8/12" → 8), or -1 when there is none or it is too long.
long shown_number(const std::string& text) {
  std::size_t at = text.find_first_of("0123456789");
  if (at == std::string::npos) return -1;
  long value = 0;
  for (std::size_t i = at; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (i - at >= 6) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Where a band line sits and how its number runs with the pages: page numbers
// go up with the page, so the number minus the page's index stays the same
// on every page that shows one; a table cell ("1", "100", "7.11") that ends
// up first or last on a page does not keep that step.
std::string page_number_key(const Page& page, std::size_t i) {
  bool top = page.lines[i].top < page.height / 2;
  return std::string(top ? "top " : "bottom ") +
         std::to_string(shown_number(line_text(page.lines[i])) - page.number);
}

// Drops page numbers: lines in the top or bottom band that are a number which
// runs with the page on several pages (a one-page document's number alone).
// Returns how many lines were dropped.
std::size_t drop_page_numbers(std::vector<Page>& pages) {
  std::map<std::string, std::size_t> pages_with;
  for (const Page& page : pages)
    for (std::size_t i : band_lines(page))
      if (is_page_number(line_text(page.lines[i]))) ++pages_with[page_number_key(page, i)];
  std::size_t dropped = 0;
  for (Page& page : pages) {
    for (std::size_t i : band_lines(page)) {
      Line& line = page.lines[i];
      if (!is_page_number(line_text(line))) continue;
      std::size_t runs = pages_with[page_number_key(page, i)];
      if (pages.size() == 1 || (runs >= 2 && runs * 3 >= pages.size())) {
        line.dropped = true;
        ++dropped;
      }
    }
  }
  return dropped;
}

// Drops running headers and footers: a line in the top or bottom band whose
// text (numbers aside) recurs there on most pages. Lines of a table are kept:
// the header row a table repeats on every page it crosses is read as a
// repeated header (and dropped there), its cells stay in their columns.
// Returns how many lines were dropped.
std::size_t drop_running_lines(std::vector<Page>& pages) {
  auto running_band = [](const Page& page) {
    std::vector<std::size_t> out;
    for (std::size_t i : band_lines(page))
      if (!page.lines[i].dropped && page.lines[i].table < 0) out.push_back(i);
    return out;
  };
  std::map<std::string, std::size_t> pages_with;
  for (const Page& page : pages) {
    std::vector<std::string> seen;
    for (std::size_t i : running_band(page)) {
      std::string key = furniture_key(line_text(page.lines[i]));
      if (std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
    }
    for (const auto& key : seen) ++pages_with[key];
  }
  std::size_t dropped = 0;
  for (Page& page : pages) {
    for (std::size_t i : running_band(page)) {
      std::size_t recurring = pages_with[furniture_key(line_text(page.lines[i]))];
      if (pages.size() >= 2 && recurring * 2 > pages.size() && recurring >= 2) {
        page.lines[i].dropped = true;
        ++dropped;
      }
    }
  }
  return dropped;
}

// ------------------------------------------------------------------- tables

// The segments that place a line's columns (Line::columns). On an OCR'd page, a segment of
// marks alone ("_", "=", "|": a ruling or an underline read as text) places
// nothing, and a segment spans its words with letters or digits: the marks
// fall in the gaps between columns and would bridge them.
std::vector<Segment> column_segments(const Page& page, const Line& line) {
  if (!page.ocr) return line.segments;
  std::vector<Segment> out;
  for (const Segment& s : line.segments) {
    Segment text{s.first, s.last, 0, 0};
    bool any = false;
    for (std::size_t i = s.first; i < s.last; ++i) {
      const Word& w = line.words[i];
      if (!has_letter_or_digit(w.text)) continue;
      text.x0 = any ? std::min(text.x0, w.x0) : w.x0;
      text.x1 = any ? std::max(text.x1, w.x1) : w.x1;
      any = true;
    }
    if (any) out.push_back(text);
  }
  return out;
}

// Adds the line's segments to the column bands, or says no when the line runs
// across a gap between bands (prose under or above the table).
bool fits_bands(const Line& line, std::vector<Band>& bands) {
  std::vector<Band> grown = bands;
  for (const Segment& s : line.columns) {
    std::size_t touched = 0, at = 0;
    for (std::size_t b = 0; b < grown.size(); ++b) {
      if (s.x0 <= grown[b].x1 + 1 && s.x1 >= grown[b].x0 - 1) {
        ++touched;
        at = b;
      }
    }
    if (touched > 1) return false;
    if (touched == 1) {
      grown[at].x0 = std::min(grown[at].x0, s.x0);
      grown[at].x1 = std::max(grown[at].x1, s.x1);
    } else {
      grown.push_back({s.x0, s.x1});
    }
  }
  std::sort(grown.begin(), grown.end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
  for (std::size_t b = 1; b < grown.size(); ++b)
    if (grown[b].x0 <= grown[b - 1].x1 + 1) return false;
  bands = std::move(grown);
  return true;
}

// Bands that hold words, not only bullets and dashes: "•   text" lines of a
// list show a band of bullets that is no table column.
std::size_t text_bands(const std::vector<Line>& lines, std::size_t first, std::size_t last,
                       const std::vector<Band>& bands) {
  std::vector<bool> has_text(bands.size(), false);
  for (std::size_t i = first; i <= last; ++i)
    for (const Word& w : lines[i].words) {
      float middle = (w.x0 + w.x1) / 2;
      for (std::size_t b = 0; b < bands.size(); ++b)
        if (middle >= bands[b].x0 - 1 && middle <= bands[b].x1 + 1 && has_letter_or_digit(w.text))
          has_text[b] = true;
    }
  return static_cast<std::size_t>(std::count(has_text.begin(), has_text.end(), true));
}

// The step between the baselines of lines [first, last] that are one text's
// lines, not rows or paragraphs apart: the smallest step. On an OCR'd page, the
// smallest that two more steps come close to, as one baseline set too low
// makes one step too short.
float line_step(const Page& page, std::size_t first, std::size_t last) {
  std::vector<float> steps;
  for (std::size_t i = first + 1; i <= last; ++i) {
    float step = page.lines[i].baseline() - page.lines[i - 1].baseline();
    if (step > 0.5f * page.lines[i].size) steps.push_back(step);
  }
  if (steps.empty()) return 0;
  std::sort(steps.begin(), steps.end());
  if (page.ocr)
    for (std::size_t i = 0; i + 2 < steps.size(); ++i)
      if (steps[i + 2] <= 1.1f * steps[i]) return steps[i];
  return steps.front();
}

// Runs of lines whose words fall into three or more column bands, over at
// least two lines that show several of them.
void find_tables(Page& page) {
  std::vector<Line>& lines = page.lines;
  auto near = [&](std::size_t a, std::size_t b) {  // no wide vertical gap between a and b
    return lines[b].top - lines[a].bottom < 3 * std::max(lines[a].size, lines[b].size);
  };
  for (std::size_t seed = 0; seed < lines.size(); ++seed) {
    if (lines[seed].dropped || lines[seed].table >= 0 || lines[seed].columns.size() < 3) continue;
    std::vector<Band> bands;
    for (const Segment& s : lines[seed].columns) bands.push_back({s.x0, s.x1});
    std::size_t first = seed, last = seed;
    while (last + 1 < lines.size() && !lines[last + 1].dropped && near(last, last + 1) &&
           fits_bands(lines[last + 1], bands))
      ++last;
    // Above the seed only header lines wrapped at the table's own line step
    // (cells set at the bottom) belong to it, not the caption above. An OCR'd
    // page's font sizes are estimates: its measured step is what counts there.
    float step = kBoxHeightPerFontSize * lines[seed].size;
    if (last > seed)
      step = page.ocr ? line_step(page, seed, last) : std::min(step, line_step(page, seed, last));
    while (first > 0 && !lines[first - 1].dropped && lines[first - 1].table < 0 &&
           lines[first].baseline() - lines[first - 1].baseline() <= 1.15f * step + 0.5f &&
           fits_bands(lines[first - 1], bands))
      --first;
    // A prose line with a hole (a formula left out, a wide justified space)
    // can show three segments; a table shows them on several lines.
    std::size_t multi = 0;
    for (std::size_t i = first; i <= last; ++i) multi += lines[i].columns.size() >= 3;
    if (bands.size() < 3 || multi < 2 || text_bands(lines, first, last, bands) < 3) continue;
    int index = static_cast<int>(page.tables.size());
    for (std::size_t i = first; i <= last; ++i) lines[i].table = index;
    page.tables.push_back({first, last, std::move(bands)});
    seed = last;
  }
}

SourceAnchor anchor_of(const Page& page, const Word& word) {
  SourceAnchor anchor;
  anchor.page = static_cast<std::uint32_t>(page.number);
  anchor.x = word.x0;
  anchor.y = word.y0;
  return anchor;
}

// The rows of a table region: a row ends where the vertical gap is wider than
// the line spacing inside a cell (cell padding and borders lie between rows);
// the lines of one row add their words to its cells.
std::vector<RenderedRow> table_rows(const Page& page, const TableRegion& region) {
  const auto& lines = page.lines;
  float pitch = line_step(page, region.first, region.last);
  std::vector<RenderedRow> rows;
  for (std::size_t i = region.first; i <= region.last; ++i) {
    bool new_row =
        rows.empty() || lines[i].baseline() - lines[i - 1].baseline() > pitch * 1.15f + 0.5f;
    if (new_row) rows.emplace_back(region.bands.size());
    RenderedRow& row = rows.back();
    for (const Word& word : lines[i].words) {
      float middle = (word.x0 + word.x1) / 2;
      std::size_t column = 0;
      float best = 1e9f;
      for (std::size_t b = 0; b < region.bands.size(); ++b) {
        float distance = middle < region.bands[b].x0   ? region.bands[b].x0 - middle
                         : middle > region.bands[b].x1 ? middle - region.bands[b].x1
                                                       : 0;
        if (distance < best) {
          best = distance;
          column = b;
        }
      }
      RenderedCell& cell = row[column];
      if (cell.text.empty())
        cell.anchor = anchor_of(page, word);
      else
        cell.text += ' ';
      cell.text += word.text;
    }
  }
  return rows;
}

// --------------------------------------------------------------- rendering

bool all_empty(const RenderedRow& row, std::size_t from) {
  for (std::size_t c = from; c < row.size(); ++c)
    if (!row[c].text.empty()) return false;
  return true;
}

// The same header text, up to a letter in six that OCR read otherwise on
// one of the pages ("Tên nhiệm vụ", "Tên nhệm vụ").
bool same_cell_text(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::u32string x = code_points(a), y = code_points(b);
  std::size_t longer = std::max(x.size(), y.size());
  return longer >= 6 && edit_distance(std::u32string_view(x), std::u32string_view(y)) * 6 <= longer;
}

// The header again after a page break: every cell the same, or all but one
// when the table has three columns or more (a typo fixed in one copy).
bool repeats_header(const RenderedRow& row, const RenderedRow& header) {
  if (row.size() != header.size()) return false;
  std::size_t same = 0;
  for (std::size_t c = 0; c < row.size(); ++c) same += same_cell_text(row[c].text, header[c].text);
  return same == row.size() || (row.size() >= 3 && same + 1 >= row.size() && !row[0].text.empty());
}

// "a)", "b.", "iv.", "đ)": a short word ending in ")" or "." starts an item.
bool list_marker(const std::string& word) {
  if (word.empty() || (word.back() != ')' && word.back() != '.')) return false;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c;
    U8_NEXT(word.data(), i, word.size(), c);
    ++code_points;
  }
  return code_points <= 4;
}

bool starts_lower_case(const std::string& text) {
  std::size_t i = 0;
  UChar32 c;
  U8_NEXT(text.data(), i, text.size(), c);
  return c >= 0 && u_islower(c);
}

// Lower-case ASCII letter: the start of the rest of a hyphenated word.
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// "infor-" + "mation": a word cut by hyphenation. Vietnamese syllables are
// never cut, so only an ASCII-letter word ending in a glued hyphen, followed by
// a lower-case ASCII start, is one ("kinh tế -" / "xã hội" is not).
bool hyphenated(const std::string& word, const std::string& next) {
  if (word.size() < 3 || next.empty() || !ascii_lower(next[0])) return false;
  if (word.back() != '-' && word.compare(word.size() - 2, 2, "\xC2\xAD") != 0) return false;
  std::size_t end = word.back() == '-' ? word.size() - 1 : word.size() - 2;
  for (std::size_t i = 0; i < end; ++i) {
    char c = word[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return end >= 2;
}

class LayoutRenderer {
 public:
  LayoutRenderer(std::vector<Page>& pages, const LayoutOptions& options)
      : pages_(pages), prefix_(options.note_prefix), join_wrapped_(options.join_wrapped_lines) {
    measure();
  }

  Rendition render(std::size_t furniture, const std::function<void(RenditionBuilder&)>& finish) {
    for (Page& page : pages_) render_page(page);
    flush_paragraph();
    flush_table();
    if (finish) finish(out_);
    if (furniture > 0)
      note("page_furniture",
           std::to_string(furniture) + " page number or running header/footer line(s) dropped");
    if (tables_ > 0)
      note("tables",
           std::to_string(tables_) + " table(s) rebuilt from column positions into pipe rows");
    if (repeated_headers_ > 0)
      note("table_header_repeated", std::to_string(repeated_headers_) +
                                        " table header row(s) repeated after a page break dropped");
    if (dehyphenated_ > 0)
      note("dehyphenated",
           std::to_string(dehyphenated_) + " word(s) hyphenated at a line end joined back");
    return out_.take();
  }

 private:
  struct PendingLine {
    const Page* page;
    Line line;
    bool wrapped = false;  // goes on the line above, cut only by the right edge
  };

  // The usual step between baselines of a paragraph's lines and the usual left
  // edge of body text, read off the whole document.
  void measure() {
    std::map<int, std::size_t> steps, edges, right_edges;
    for (const Page& page : pages_) {
      const Line* previous = nullptr;
      for (const Line& line : page.lines) {
        if (line.dropped || line.table >= 0) {
          previous = nullptr;
          continue;
        }
        ++edges[static_cast<int>(std::lround(line.x0))];
        ++right_edges[static_cast<int>(std::lround(line.x1))];
        if (previous) {
          float step = line.baseline() - previous->baseline();
          if (step > 0 && step < 3 * line.size) ++steps[static_cast<int>(std::lround(step * 2))];
        }
        previous = &line;
      }
    }
    auto mode = [](const std::map<int, std::size_t>& counts) {
      int best = 0;
      std::size_t most = 0;
      for (auto [value, count] : counts)
        if (count > most) {
          most = count;
          best = value;
        }
      return best;
    };
    // The right edge of the text block: nine lines in ten end left of it. The
    // most common right edge is no edge when lines are not justified.
    std::vector<int> ends;
    for (auto [value, count] : right_edges) ends.insert(ends.end(), count, value);
    if (!ends.empty()) block_right_ = static_cast<float>(ends[ends.size() * 9 / 10]);
    pitch_ = static_cast<float>(mode(steps)) / 2;
    margin_ = static_cast<float>(mode(edges));
    // Justified prose ends its lines at one edge; short lines (a table laid out
    // one cell per line, a list of numbers) end anywhere left of the middle.
    std::map<int, std::size_t> long_line_ends;
    for (auto [value, count] : right_edges)
      if (static_cast<float>(value) > (margin_ + block_right_) / 2) long_line_ends[value] = count;
    right_ = static_cast<float>(mode(long_line_ends.empty() ? right_edges : long_line_ends));
  }

  // Lines at the top of a page that stay in the columns of a table left open
  // on the page before: a long cell going on (one column alone shows no table).
  std::size_t continue_table(const Page& page) {
    std::size_t i = 0;
    while (i < page.lines.size() && page.lines[i].dropped) ++i;
    if (table_.empty() || i >= page.lines.size()) return i;
    TableRegion region{i, i, table_bands_};
    std::size_t last = i;
    std::vector<Band> grown = table_bands_;
    for (std::size_t k = i; k < page.lines.size(); ++k) {
      const Line& line = page.lines[k];
      if (line.dropped) continue;
      if (line.table >= 0 || !fits_bands(line, grown) || grown.size() != table_bands_.size()) break;
      last = k;
      region.last = k;
    }
    if (region.last == i && (page.lines[i].table >= 0 || grown.size() != table_bands_.size() ||
                             !fits_bands(page.lines[i], grown)))
      return i;
    add_table(table_rows(page, region), table_bands_);
    return last + 1;
  }

  void render_page(Page& page) {
    const Line* previous = nullptr;
    std::size_t start = continue_table(page);
    if (start > 0 && !page.lines[start - 1].dropped) previous = &page.lines[start - 1];
    for (std::size_t i = start; i < page.lines.size(); ++i) {
      Line& line = page.lines[i];
      if (line.dropped) continue;
      if (line.table >= 0) {
        TableRegion region = page.tables[static_cast<std::size_t>(line.table)];
        flush_paragraph();
        // The table left open goes on: read the region with its columns.
        if (!table_.empty() && region.bands.size() + 1 >= table_bands_.size() &&
            region.bands.size() <= table_bands_.size() + 1)
          region.bands = table_bands_;
        add_table(table_rows(page, region), region.bands);
        i = region.last;
        previous = &page.lines[region.last];
        continue;
      }
      flush_table();
      if (side_by_side(line)) {
        i = add_two_columns(page, i) - 1;
        previous = &page.lines[i];
        continue;
      }
      // On a new page the paragraph left open on the page before goes on
      // when its last line was cut by the right edge (an indented line there
      // is the rest of a list item, not a new paragraph).
      const Line* above = previous;
      if (above == nullptr && !paragraph_.empty()) above = &paragraph_.back().line;
      bool wrapped = above != nullptr && wraps(*above, line);
      if (previous && starts_paragraph(*previous, line)) flush_paragraph();
      if (previous == nullptr && !wrapped && starts_paragraph_on_new_page(line)) flush_paragraph();
      add_line(page, line);
      if (paragraph_.size() > 1) paragraph_.back().wrapped = wrapped;
      previous = &line;
    }
  }

  bool indented(const Line& line) const {
    return line.x0 > margin_ + 0.8f * line.size && line.x0 < margin_ + 6 * line.size;
  }

  bool starts_paragraph(const Line& previous, const Line& line) const {
    float step = line.baseline() - previous.baseline();
    if (pitch_ > 0 && step > pitch_ * 1.3f + 0.5f) return true;
    if (step < 0) return true;  // a column further up: not a continuation
    // "• text ... / text": the second line of a hanging indent, under a first
    // line that ran to the right edge, goes on with it.
    bool full = previous.x1 > right_ - 2 * line.size;
    if (full && paragraph_.size() == 1 && line.x0 > previous.x0) return false;
    if (full && hangs_under_marker(previous, line)) return false;
    if (indented(line) && !indented(previous)) return true;
    // Centred lines under left-aligned ones, or the other way round; a first
    // line indent followed by lines at the margin is one paragraph.
    bool first_line_indent =
        indented(previous) && full && std::fabs(line.x0 - margin_) < 0.8f * line.size;
    return !first_line_indent && std::fabs(line.x0 - previous.x0) > 0.8f * line.size;
  }

  bool starts_paragraph_on_new_page(const Line& line) const { return indented(line); }

  // "c) Thực hiện ... / STEM, thu hút ...": the line starts where the text
  // after the list marker above does, the hanging indent of the same item.
  static bool hangs_under_marker(const Line& previous, const Line& line) {
    return previous.words.size() >= 2 && list_marker(previous.words.front().text) &&
           std::fabs(line.x0 - previous.words[1].x0) < 0.5f * line.size;
  }

  // A soft wrap: the line above stopped at the right edge of the text block
  // because the first word of this one had no room left there, and this one
  // goes on in lower case. Such lines are one line of the source, even where
  // the joiner cannot tell (a cell of a table laid out one cell per line). A
  // line ending a sentence or a clause, or one followed by a capital, a
  // number or a list marker ("a)", "b."), may be the last line of a paragraph
  // that happens to fill the width: it stays a line for the joiner to judge.
  bool wraps(const Line& previous, const Line& line) const {
    if (line.words.empty() || previous.words.empty() || block_right_ <= 0) return false;
    const std::string& last = previous.words.back().text;
    if (last.empty() || std::string_view(".:;!?").find(last.back()) != std::string_view::npos)
      return false;
    const Word& first = line.words.front();
    if (list_marker(first.text)) return false;
    // A capital may start a line cut off a paragraph ("... chỉ đạo / Nghị
    // quyết ..."), and then this line is prose too: it fills the width or ends
    // a sentence. A short line under a full one is a paragraph of its own.
    const std::string& end = line.words.back().text;
    bool prose =
        line.x1 > block_right_ - 2 * line.size ||
        (end.size() > 1 && std::string_view(".;:").find(end.back()) != std::string_view::npos);
    if (!starts_lower_case(first.text) && !prose) return false;
    float room = block_right_ - previous.x1;
    return room < (first.x1 - first.x0) + 0.5f * line.size;
  }

  // Lines of the open paragraph are held until it ends, so that words
  // hyphenated at a line end can be joined back.
  void add_line(const Page& page, const Line& line) { paragraph_.push_back({&page, line}); }

  static bool side_by_side(const Line& line) {
    return line.table < 0 && line.segments.size() == 2 &&
           line.segments[1].x0 - line.segments[0].x1 > 3 * line.size;
  }

  static Line part_of(const Line& line, const Segment& s) {
    Line part;
    part.words.assign(line.words.begin() + static_cast<std::ptrdiff_t>(s.first),
                      line.words.begin() + static_cast<std::ptrdiff_t>(s.last));
    finish_line(part);
    return part;
  }

  // Two columns side by side (issuer | motto at the top of a page, "Nơi nhận:"
  // | signature at the end): the left column's lines, then the right one's,
  // each cut into paragraphs where the vertical gap is wide. Returns the index
  // of the first line after the run.
  std::size_t add_two_columns(const Page& page, std::size_t first) {
    flush_paragraph();
    const Line& opening = page.lines[first];
    float split = (opening.segments[0].x1 + opening.segments[1].x0) / 2;
    std::vector<Line> left, right;
    std::size_t i = first;
    for (; i < page.lines.size(); ++i) {
      const Line& line = page.lines[i];
      if (line.dropped) continue;
      if (line.table >= 0) break;
      if (side_by_side(line) && line.segments[0].x1 < split && line.segments[1].x0 > split) {
        left.push_back(part_of(line, line.segments[0]));
        right.push_back(part_of(line, line.segments[1]));
      } else if (line.segments.size() == 1 && i > first && line.x1 < split) {
        left.push_back(line);
      } else if (line.segments.size() == 1 && i > first && line.x0 > split) {
        right.push_back(line);
      } else {
        break;
      }
    }
    for (const auto* column : {&left, &right}) {
      const Line* previous = nullptr;
      for (const Line& line : *column) {
        if (previous && line.baseline() - previous->baseline() > pitch_ * 1.3f + 0.5f)
          flush_paragraph();
        paragraph_.push_back({&page, line});
        previous = &line;
      }
      flush_paragraph();
    }
    return i;
  }

  void flush_paragraph() {
    if (paragraph_.empty()) return;
    for (std::size_t i = 0; i + 1 < paragraph_.size(); ++i) {
      auto& words = paragraph_[i].line.words;
      auto& next = paragraph_[i + 1].line.words;
      if (words.empty() || next.empty() || !hyphenated(words.back().text, next.front().text))
        continue;
      std::string& word = words.back().text;
      word.resize(word.back() == '-' ? word.size() - 1 : word.size() - 2);
      word += next.front().text;
      next.erase(next.begin());
      ++dehyphenated_;
    }
    bool line_open = false;
    std::string_view last_word;
    for (const PendingLine& p : paragraph_) {
      if (p.line.words.empty()) continue;
      if (line_open) {
        // "$\" + "geq 85%$": a TeX command cut after its backslash is one word.
        bool cut_command = !last_word.empty() && last_word.back() == '\\';
        if (!p.wrapped || !join_wrapped_)
          out_.end_line();
        else if (!cut_command)
          out_.text(" ");
      }
      last_word = p.line.words.back().text;
      out_.anchor(anchor_of(*p.page, p.line.words.front()));
      out_.text(line_text(p.line));
      line_open = true;  // the last line ends with the paragraph
    }
    out_.end_paragraph();
    paragraph_.clear();
  }

  // A table is left open until prose comes; one that follows it with the same
  // columns (the next page's part) goes on with it: its repeated header is
  // dropped and a row cut by the page break is joined back.
  void add_table(std::vector<RenderedRow> rows, const std::vector<Band>& bands) {
    if (rows.empty()) return;
    bool continues = !table_.empty() && table_.front().size() == rows.front().size();
    if (!continues) {
      flush_table();
      table_bands_ = bands;
      table_.push_back(std::move(rows[0]));
      ++tables_;
      append_rows(rows, 1);
      return;
    }
    std::size_t from = 0;
    if (repeats_header(rows[0], table_[0])) {
      from = 1;
      ++repeated_headers_;
    }
    if (from < rows.size() && rows[from][0].text.empty() && !all_empty(rows[from], 1) &&
        table_.size() > 1) {
      RenderedRow& last = table_.back();
      for (std::size_t c = 0; c < last.size(); ++c) {
        if (rows[from][c].text.empty()) continue;
        if (last[c].text.empty())
          last[c] = rows[from][c];
        else
          last[c].text += " " + rows[from][c].text;
      }
      ++from;
    }
    append_rows(rows, from);
  }

  // A header repeated inside the table (a table printed page by page, each
  // page's part under its own header) is dropped wherever it falls.
  void append_rows(std::vector<RenderedRow>& rows, std::size_t from) {
    for (std::size_t r = from; r < rows.size(); ++r) {
      if (repeats_header(rows[r], table_[0])) {
        ++repeated_headers_;
        continue;
      }
      table_.push_back(std::move(rows[r]));
    }
  }

  void flush_table() {
    if (table_.empty()) return;
    std::size_t columns = table_.front().size();
    std::size_t max_rows =
        std::max<std::size_t>(1, kMaxTableCells / std::max<std::size_t>(1, columns));
    if (table_.size() > max_rows) {
      note("table_truncated",
           "a table larger than " + std::to_string(kMaxTableCells) + " cells was cut");
      table_.resize(max_rows);
    }
    out_.table(table_);
    table_.clear();
  }

  void note(std::string_view code, std::string message) {
    out_.note(prefix_ + "." + std::string(code), std::move(message));
  }

  std::vector<Page>& pages_;
  std::string prefix_;
  bool join_wrapped_ = true;
  RenditionBuilder out_;
  std::vector<PendingLine> paragraph_;
  std::vector<RenderedRow> table_;
  std::vector<Band> table_bands_;             // the columns of table_
  float pitch_ = 0, margin_ = 0, right_ = 0;  // line step, left and right text edges
  float block_right_ = 0;                     // the right edge of the text block
  std::size_t tables_ = 0, repeated_headers_ = 0, dehyphenated_ = 0;
};
}  // namespace

Rendition lay_out_pages(std::vector<Page>& pages, const LayoutOptions& options,
                        const std::function<void(RenditionBuilder&)>& finish) {
  // Tables are found before running lines are dropped, so that a header row
  // repeated at the top of every page stays with its table.
  std::size_t furniture = drop_page_numbers(pages);
  for (Page& page : pages) {
    for (Line& line : page.lines) line.columns = column_segments(page, line);
    find_tables(page);
  }
  furniture += drop_running_lines(pages);
  return LayoutRenderer(pages, options).render(furniture, finish);
}

}  // namespace vnplan::internal
