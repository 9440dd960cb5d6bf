// Reads PDF files with a text layer (poppler-cpp): renders them as text for the
// pipeline (see rendition.hpp).
//
// poppler gives words with their boxes; layout.cpp rebuilds what the page
// shows from them (lines, paragraphs, tables, page furniture dropped). Pages
// without text in a PDF that has text elsewhere are read by OCR (ocr.cpp)
// into words of their own and laid out with the others.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>

#include "layout.hpp"
#include "rendition.hpp"
#include "vnplan/text.hpp"

namespace vnplan::internal {
namespace {

// A hostile file cannot make the reader walk more pages than this.
constexpr int kMaxPages = 20000;
// A page with fewer characters than this has no text layer: a scan (or blank).
constexpr std::size_t kMinPageCharacters = 20;

void ignore_poppler_message(const std::string&, void*) {}

// UTF-16 to UTF-8 by hand: ustring::to_utf8 opens an iconv converter for
// every word, which cost more than the rest of the reader together.
std::string utf8_of(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t code = text[i];
    if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      code = 0x10000 + ((code - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (code >= 0xD800 && code <= 0xDFFF) {
      continue;  // a lone surrogate is no character
    }
    if (code < 0x20 && code != '\t') continue;  // no controls
    utf8_append(out, code);
  }
  return out;
}

// Words without their font names: asking poppler for fonts costs a third more
// time, and paragraphs are told apart well enough by gaps and indents.
std::vector<Word> read_words(const poppler::page& page) {
  std::vector<Word> words;
  for (const auto& box : page.text_list()) {
    Word word;
    word.text = utf8_of(box.text());
    if (word.text.find_first_not_of(" \t") == std::string::npos) continue;
    poppler::rectf r = box.bbox();
    word.x0 = static_cast<float>(r.left());
    word.x1 = static_cast<float>(r.right());
    word.y0 = static_cast<float>(r.top());
    word.y1 = static_cast<float>(r.bottom());
    // Without font information poppler gives no size; its boxes have the
    // font's height (kBoxHeightPerFontSize).
    word.size = std::max(1.0f, (word.y1 - word.y0) / kBoxHeightPerFontSize);
    word.space_after = box.has_space_after();
    words.push_back(std::move(word));
  }
  return words;
}

// Whether the page's text is all in a font without glyph shapes: the invisible
// text an OCR engine lays over a scan (tesseract and OCRmyPDF name theirs
// "GlyphLessFont"). Its boxes start where the words start, but end short of
// where the ink ends, and the words were read by OCR, baselines and all.
bool is_ocr_text_layer(poppler::document& document, int index) {
  std::unique_ptr<poppler::font_iterator> fonts(document.create_font_iterator(index));
  if (!fonts || !fonts->has_next()) return false;
  std::vector<poppler::font_info> on_page = fonts->next();
  if (on_page.empty()) return false;
  for (const poppler::font_info& font : on_page)
    if (font.name().find("GlyphLess") == std::string::npos) return false;
  return true;
}

// Gives the words of an OCR text layer their ink's right edge back. Their
// boxes end short by about the same amount everywhere, which makes the plain
// spaces between words of a line as wide as table gaps; the usual gap on the
// page is taken to be a plain space (a quarter of the font size).
void widen_ocr_layer_words(std::vector<Word>& words) {
  std::vector<float> gaps;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const Word &left = words[i - 1], &right = words[i];
    if (std::abs(left.y1 - right.y1) < 0.3f * left.size && right.x0 > left.x1)
      gaps.push_back(right.x0 - left.x1);
  }
  if (gaps.size() < 10) return;
  float usual = median(std::move(gaps));
  for (Word& w : words) w.x1 += std::max(0.0f, usual - 0.25f * w.size);
}

RenderResult fail(const std::string& path, std::string message) {
  return {std::nullopt, ReadError{path, std::move(message), {}, {}}};
}

// OCR for the pages without text of a PDF that has text on others; null when
// there are none, too many, or OCR is unavailable: then `why` says so and the
// pages stay empty, as they were before OCR support.
std::unique_ptr<PageOcr> start_scanned_page_ocr(const std::vector<Page>& pages, std::string& why) {
  std::size_t scanned = 0;
  for (const Page& page : pages) scanned += page.scanned ? 1 : 0;
  if (scanned == 0) return nullptr;
  if (scanned > kMaxOcrPages) {
    why = std::to_string(scanned) + " page(s) without text: more than the " +
          std::to_string(kMaxOcrPages) + " vnplan OCRs, not read";
    return nullptr;
  }
  std::unique_ptr<PageOcr> ocr = start_page_ocr(why);
  if (!ocr) why = std::to_string(scanned) + " page(s) without text not read: " + why;
  return ocr;
}

}  // namespace

std::unique_ptr<poppler::document> open_pdf(const std::string& bytes, long max_pages,
                                            std::string_view what, std::string_view verb,
                                            std::string& error) {
  static std::once_flag quiet;  // poppler writes its complaints to stderr otherwise
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    error = "PDF file too large";
    return nullptr;
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document)
    error = "damaged PDF: its structure cannot be read (truncated or corrupt file?)";
  else if (document->is_locked())
    error = "encrypted PDF: vnplan cannot read it without the password";
  else if (document->pages() <= 0)
    error = "damaged PDF: it has no readable page";
  else if (document->pages() > max_pages)
    error = std::string(what) + " with " + std::to_string(document->pages()) +
            " pages: more than the " + std::to_string(max_pages) + " vnplan " + std::string(verb);
  if (!error.empty()) return nullptr;
  return document;
}

RenderResult render_pdf(const std::string& path, const std::string& bytes,
                        bool ocr_pages_without_text) {
  std::string error;
  std::unique_ptr<poppler::document> document = open_pdf(bytes, kMaxPages, "PDF", "reads", error);
  if (!document) return fail(path, error);
  int page_count = document->pages();

  std::vector<Page> pages;
  std::size_t characters = 0, unreadable = 0, ocr_layer_pages = 0;
  for (int p = 0; p < page_count; ++p) {
    std::unique_ptr<poppler::page> page(document->create_page(p));
    if (!page) {
      ++unreadable;
      continue;
    }
    Page out;
    out.number = p + 1;
    poppler::rectf box = page->page_rect();
    out.width = static_cast<float>(box.width());
    out.height = static_cast<float>(box.height());
    std::vector<Word> words = read_words(*page);
    if (is_ocr_text_layer(*document, p)) {
      ++ocr_layer_pages;
      out.ocr = true;
      widen_ocr_layer_words(words);
    }
    std::size_t on_page = 0;
    for (const Word& w : words) on_page += w.text.size();
    characters += on_page;
    out.scanned = on_page < kMinPageCharacters;
    if (!words.empty()) out.lines = group_lines(std::move(words));
    pages.push_back(std::move(out));
  }
  if (pages.empty()) return fail(path, "damaged PDF: none of its pages can be read");
  // A scan holds no text, or a stray page number or two per page.
  if (characters < kMinPageCharacters * pages.size()) {
    RenderResult scan =
        fail(path, "the PDF has no text layer (a scan?) and OCR is off (--ocr=never)");
    scan.no_text_layer = true;  // read.cpp runs OCR on it unless told not to
    return scan;
  }

  std::string no_ocr;
  std::unique_ptr<PageOcr> ocr =
      ocr_pages_without_text ? start_scanned_page_ocr(pages, no_ocr) : nullptr;
  if (ocr)
    for (Page& page : pages)
      if (page.scanned) page = ocr->read(*document, page.number - 1);
  std::optional<SourceFile::Ocr> ocr_figures;
  Rendition rendition = lay_out_pages(pages, {"pdf"}, [&](RenditionBuilder& out) {
    if (ocr) ocr_figures = ocr->finish(out);
  });
  // A blank page read for nothing does not make the text OCR's.
  if (ocr_figures && ocr_figures->words > 0) rendition.ocr = ocr_figures;
  if (ocr_layer_pages > 0) {
    rendition.ocr_text_layer = true;
    rendition.notes.push_back({Severity::info, "pdf.ocr_text_layer",
                               std::to_string(ocr_layer_pages) +
                                   " page(s) hold an OCR engine's invisible text (a font " +
                                   "without glyphs) over a scan: laid out and read as OCR output",
                               Span{}});
  }
  if (!no_ocr.empty())
    rendition.notes.push_back({Severity::warning, "pdf.pages_without_text", no_ocr, Span{}});
  if (unreadable > 0) {
    Span span;
    rendition.notes.push_back({Severity::warning, "pdf.unreadable_pages",
                               std::to_string(unreadable) + " page(s) could not be read", span});
  }
  return {std::move(rendition), std::nullopt};
}

}  // namespace vnplan::internal
