// Internal to the read stage: page layout, shared by the PDF reader (the words
// of a text layer, from poppler) and OCR (the words tesseract reads on a scan).
// Words with their boxes become what the page shows: lines grouped by vertical
// overlap, paragraphs told by gaps and indents, page numbers and running
// headers dropped, runs of lines whose words sit in three or more column bands
// rebuilt as pipe tables (see layout.cpp).
//
// Coordinates are points (72 per inch) from the page's top-left corner, so a
// scan's anchors are in the units of a PDF's text layer.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rendition.hpp"

namespace vnplan::internal {

// A word's box is its font's: ascent plus descent, about this many times the
// font size (poppler gives boxes without sizes; OCR gives ink, not boxes).
inline constexpr float kBoxHeightPerFontSize = 1.3f;

struct Word {
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box, top-left origin
  float size = 0;                        // font size
  bool space_after = false;              // the reader saw a space after it on its line
};

// Words of one line split where the gap is wider than a space: table cells,
// the two columns of a document header.
struct Segment {
  std::size_t first = 0, last = 0;  // words [first, last) of the line
  float x0 = 0, x1 = 0;
};

struct Line {
  std::vector<Word> words;  // left to right
  std::vector<Segment> segments;
  // The segments that place table columns (see layout.cpp, column_segments):
  // set by lay_out_pages.
  std::vector<Segment> columns;
  float top = 0, bottom = 0, x0 = 0, x1 = 0, size = 0;
  // The bottom most of its words share: one word set lower (a subscript, a
  // word OCR gave a wrong baseline) does not move it.
  float base = 0;
  float baseline() const { return base; }
  bool dropped = false;  // page furniture
  int table = -1;        // index of the table region on its page
};

struct Band {
  float x0 = 0, x1 = 0;
};

struct TableRegion {
  std::size_t first = 0, last = 0;  // lines [first, last]
  std::vector<Band> bands;
};

struct Page {
  int number = 0;        // 1-based
  bool scanned = false;  // no text: read by OCR when the PDF has text on other pages
  // Words placed by OCR: a line's baseline is off by a few points now and
  // then, where a text layer's are exact.
  bool ocr = false;
  float width = 0, height = 0;
  std::vector<Line> lines;
  std::vector<TableRegion> tables;
};

// The middle value (the upper one of an even count); 0 when there is none.
float median(std::vector<float> values);

// Whether the text holds a letter or a digit (any script): a word, not a
// bullet, a dash or a table's ruling.
bool has_letter_or_digit(std::string_view text);

// Words whose vertical middles fall inside one another's box share a line;
// each line's words are cut into segments where the gap is wider than a space.
std::vector<Line> group_lines(std::vector<Word> words);

// How lay_out_pages renders.
struct LayoutOptions {
  // Its notes are coded "<note_prefix>.tables" and so on.
  std::string_view note_prefix;
  // A line cut only by the right edge goes on the line above in one line of
  // text (a PDF's text layer). When false every line stays a line, for the
  // joiner to judge by the width of the text's lines (OCR, whose line ends
  // normalise's OCR rules read).
  bool join_wrapped_lines = true;
};

// Renders the pages' lines as text: page numbers and running headers or footers
// dropped, tables rebuilt, lines into paragraphs (see layout.cpp). `finish`,
// when given, adds the reader's own notes before the rendition is taken.
Rendition lay_out_pages(std::vector<Page>& pages, const LayoutOptions& options,
                        const std::function<void(RenditionBuilder&)>& finish = {});

// OCR of single pages of a PDF (ocr.cpp): the PDF reader has it read the pages
// without text of a PDF that has text elsewhere, and lays them out with the others.
class PageOcr {
 public:
  virtual ~PageOcr() = default;
  // Draws page `index` (0-based) of `document` and reads its words into lines;
  // a page that cannot be drawn comes back without lines.
  virtual Page read(poppler::document& document, int index) = 0;
  // Writes the read.ocr note; the figures for Rendition::ocr.
  virtual SourceFile::Ocr finish(RenditionBuilder& out) = 0;
};
// Null, with `error` saying why, when OCR is unavailable (not built in, no model).
std::unique_ptr<PageOcr> start_page_ocr(std::string& error);

}  // namespace vnplan::internal
