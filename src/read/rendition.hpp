// Internal to the read stage: what the readers of HTML, DOCX and PDF share.
// Each renders its file as markdown-like text that the rest of the pipeline
// reads as if it had been typed: one paragraph per line, a blank line between
// paragraphs, list numbers written out, tables as pipe rows with their header
// first. Every stretch of that text gets an anchor back into the file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/source.hpp"

namespace poppler {
class document;
}

namespace vnplan::internal {

struct Rendition {
  std::string text;
  std::vector<SourceAnchor> anchors;
  std::vector<Diagnostic> notes;
  std::optional<SourceFile::Ocr> ocr;  // set when the text came from OCR
  bool ocr_text_layer = false;         // a PDF's invisible OCR text (SourceFile::ocr_text_layer)
};

// A rendered file, or why it could not be rendered.
struct RenderResult {
  std::optional<Rendition> rendition;
  std::optional<ReadError> error;
  bool no_text_layer = false;  // a PDF whose pages hold no text: a scan, for OCR
};

// One cell of a table whose merged cells are already spread over the grid:
// a cell that spans rows is repeated in each (it applies to each row), a cell
// that spans columns keeps its text in the first and leaves the others empty.
struct RenderedCell {
  std::string text;
  SourceAnchor anchor;
};
using RenderedRow = std::vector<RenderedCell>;

class RenditionBuilder {
 public:
  // Starts a stretch of text that comes from `anchor` (its `at` is set here).
  void anchor(SourceAnchor anchor);
  // Appends running text; line breaks and tabs inside it become spaces, runs of
  // spaces collapse to one.
  void text(std::string_view text);
  // Ends the current paragraph: a newline, then a blank line.
  void end_paragraph();
  // Ends the current line without a blank line (PDF lines that the joiner will
  // join back when they are hard wraps).
  void end_line();
  // A table: rows[0] is the header. Written as pipe rows under a rule row, each
  // cell's text escaped ("|" as "\|"), each cell anchored.
  void table(const std::vector<RenderedRow>& rows);
  // A note for diagnostics, pointing at the current end of the text.
  void note(std::string code, std::string message);

  bool line_is_empty() const { return line_empty_; }
  Rendition take();

 private:
  void raw(std::string_view bytes);
  Rendition out_;
  bool line_empty_ = true;
  bool space_pending_ = false;
};

// "IV", "xii": a list number in Roman numerals, as Word and HTML lists show them;
// the number itself outside 1..3999.
std::string roman_numeral(long number, bool upper);

RenderResult render_html(const std::string& path, const std::string& bytes);
RenderResult render_docx(const std::string& path, const std::string& bytes);
// Opens a PDF with poppler, its complaints to stderr silenced (pdf.cpp). Null,
// with `error` set to a message for the user, when the file is too large,
// damaged, encrypted, without a page or with more than `max_pages` ("PDF of
// scans with 900 pages: more than the 500 vnplan OCRs": `what`, `verb`).
std::unique_ptr<poppler::document> open_pdf(const std::string& bytes, long max_pages,
                                            std::string_view what, std::string_view verb,
                                            std::string& error);
// `ocr_pages_without_text`: pages without text in a PDF that has text on
// others are read by OCR (a PDF without any text is left to render_ocr_pdf).
RenderResult render_pdf(const std::string& path, const std::string& bytes,
                        bool ocr_pages_without_text = false);
// OCR (ocr.cpp, tesseract with its Vietnamese model): a PNG, TIFF (every page)
// or JPEG scan, or every page of a PDF rendered as an image. Without OCR support
// in the build both return an error that says how to get it.
RenderResult render_ocr_image(const std::string& path, const std::string& bytes);
RenderResult render_ocr_pdf(const std::string& path, const std::string& bytes);
// "<what>: reading it needs OCR, and this vnplan was built without OCR support; rebuild ...".
std::string without_ocr_support(std::string_view what);

// Bounds every reader keeps, so a hostile file cannot exhaust memory.
inline constexpr std::size_t kMaxRenderedBytes = 64u << 20;       // text rendered from one file
inline constexpr std::size_t kMaxUnzippedEntryBytes = 64u << 20;  // one DOCX part, decompressed
inline constexpr std::size_t kMaxTableCells = 200000;             // cells of one table
// OCR takes seconds a page: more pages than this is not a plan.
inline constexpr std::uint32_t kMaxOcrPages = 1000;

}  // namespace vnplan::internal
