// OCR of scans: a PNG, TIFF or JPEG image, or a PDF without a text layer,
// read by tesseract (libtesseract) with its Vietnamese model "vie" (Debian
// tesseract-ocr-vie) and laid out as text for the pipeline like a PDF's text
// layer (layout.hpp).
//
// Images are decoded by leptonica (every page of a TIFF); PDF pages are drawn
// by poppler at 300 dpi in grey. Tesseract reads each page as one column of
// text (plan documents are single-column; its automatic layout analysis tears
// list markers such as "a)" away from their hanging-indented text). Only its
// words are kept, each with its box and the height of its text line, in
// points (pixels scaled with the image's resolution): the page layout then
// finds lines, paragraphs and tables from where the words sit, as for a PDF,
// so a table's cells stay in their columns and rows. An image that records no
// resolution is taken at the resolution tesseract estimates from its text.
//
// Built only with VNPLAN_HAVE_OCR (CMake option VNPLAN_OCR); without it both
// readers say how to get OCR support.
#include "layout.hpp"
#include "rendition.hpp"

#ifdef VNPLAN_HAVE_OCR
#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <mutex>
#include <sstream>
#endif

namespace vnplan {

bool ocr_supported() {
#ifdef VNPLAN_HAVE_OCR
  return true;
#else
  return false;
#endif
}

}  // namespace vnplan

namespace vnplan::internal {
namespace {

RenderResult fail(const std::string& path, std::string message) {
  return {std::nullopt, ReadError{path, std::move(message), {}, {}}, false};
}

}  // namespace

std::string without_ocr_support(std::string_view what) {
  return std::string(what) +
         ": reading it needs OCR, and this vnplan was built without OCR support; rebuild with "
         "libtesseract-dev, libleptonica-dev and tesseract-ocr-vie installed (cmake "
         "-DVNPLAN_OCR=ON)";
}

#ifndef VNPLAN_HAVE_OCR

RenderResult render_ocr_image(const std::string& path, const std::string&) {
  return fail(path, without_ocr_support("an image (a scan?)"));
}

RenderResult render_ocr_pdf(const std::string& path, const std::string&) {
  return fail(path, without_ocr_support("OCR of a PDF"));
}

std::unique_ptr<PageOcr> start_page_ocr(std::string& error) {
  error = without_ocr_support("OCR");
  return nullptr;
}

#else

namespace {

constexpr const char* kLanguage = "vie";
constexpr const char* kModelPackage = "tesseract-ocr-vie";
// Bigger images are refused: a page scanned at 600 dpi is about 35 million
// pixels, and tesseract's memory grows with the pixels.
constexpr std::uint64_t kMaxPagePixels = 100'000'000;
// PDF pages are drawn at this resolution, lower for pages so large that they
// would pass kMaxRenderPixels; a page that needs less than kMinPdfDpi is skipped.
constexpr double kPdfDpi = 300, kMinPdfDpi = 70;
constexpr std::uint64_t kMaxRenderPixels = 40'000'000;
// Resolutions outside this range are metadata errors, not scans.
constexpr int kMinDpi = 50, kMaxDpi = 2400;

// A word made only of underscores (or blank): tesseract's reading of the wide
// gap between a list marker and its text, or of a signature line. Not text.
bool gap_mark(std::string_view word) { return word.find_first_not_of("_ \t") == std::string::npos; }

// A table's ruling or a line drawn under a title, which tesseract reads as a
// blank or a run of dashes as wide as the page: no letter or digit, and much
// wider than high. Left in, it would cut a table in two.
bool ruling(std::string_view text, int width, int height) {
  return !has_letter_or_digit(text) && width > 5 * std::max(1, height);
}

// Reads pages one by one into words on a page, and keeps the figures of what
// it read for the read.ocr note.
class Recogniser {
 public:
  // An error message when tesseract or its model cannot be loaded.
  std::optional<std::string> start() {
    // tesseract writes its warnings ("Estimating resolution as ...") to stderr otherwise.
    api_.SetVariable("debug_file", "/dev/null");
    if (api_.Init(nullptr, kLanguage, tesseract::OEM_DEFAULT) != 0)
      return std::string("OCR unavailable: tesseract cannot load its Vietnamese model '") +
             kLanguage + "' (install the Debian package " + kModelPackage +
             ", or point TESSDATA_PREFIX at a directory holding " + kLanguage + ".traineddata)";
    api_.SetPageSegMode(tesseract::PSM_SINGLE_COLUMN);
    return std::nullopt;
  }

  Page read_page(Pix* image, int dpi, int page) {
    api_.SetImage(image);
    return recognise(dpi, page, pixGetWidth(image), pixGetHeight(image));
  }

  Page read_page(const poppler::image& image, int dpi, int page) {
    api_.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                  image.height(), 1, image.bytes_per_row());
    return recognise(dpi, page, image.width(), image.height());
  }

  void skip_page() { ++skipped_; }
  std::uint32_t pages() const { return pages_; }

  // Notes what was read; the figures for SourceFile::ocr.
  SourceFile::Ocr finish(RenditionBuilder& out) {
    out.end_paragraph();
    double confidence = words_ ? confidence_sum_ / words_ / 100.0 : 0.0;
    std::ostringstream message;
    message.precision(2);
    message << std::fixed << pages_ << " page(s) OCR'd by tesseract "
            << tesseract::TessBaseAPI::Version() << " (model " << kLanguage
            << ", one column per page), " << words_ << " word(s), mean word confidence "
            << confidence;
    out.note("read.ocr", message.str());
    if (empty_ > 0)
      out.note("read.ocr_empty_pages", std::to_string(empty_) + " page(s) without any text found");
    if (skipped_ > 0)
      out.note("read.ocr_skipped_pages",
               std::to_string(skipped_) + " page(s) not OCR'd (unreadable or too large)");
    if (gap_marks_ > 0)
      out.note("read.ocr_gap_marks", std::to_string(gap_marks_) +
                                         " run(s) of underscores or rules (gaps, signature lines, "
                                         "table borders) dropped");
    return SourceFile::Ocr{pages_, static_cast<std::uint32_t>(words_), confidence};
  }

 private:
  Page recognise(int dpi, int number, int width, int height) {
    ++pages_;
    Page page;
    page.number = number;
    page.ocr = true;
    if (dpi > 0) api_.SetSourceResolution(dpi);
    if (api_.Recognize(nullptr) != 0) {
      ++empty_;
      return page;
    }
    if (dpi <= 0) dpi = api_.GetSourceYResolution();
    float points_per_pixel = dpi > 0 ? 72.0f / static_cast<float>(dpi) : 1.0f;
    page.width = static_cast<float>(width) * points_per_pixel;
    page.height = static_cast<float>(height) * points_per_pixel;
    std::vector<Word> words = read_words(points_per_pixel);
    api_.Clear();
    if (words.empty())
      ++empty_;
    else
      page.lines = group_lines(std::move(words));
    return page;
  }

  // The words of the recognised page. A word's box is its ink, whose bottom
  // moves with descenders ("g", "y") and whose top with diacritics; the layout
  // tells lines, paragraphs and table rows by the step between baselines, so a
  // word is given its text line's top and baseline instead (at the word, for a
  // skewed line), as a PDF's words all have the font's height on a line.
  std::vector<Word> read_words(float points_per_pixel) {
    std::vector<Word> words;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it || it->Empty(tesseract::RIL_WORD)) return words;
    int line_top = 0;
    int base_x1 = 0, base_y1 = 0, base_x2 = 0, base_y2 = 0;
    bool has_baseline = false;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        if (it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom)) line_top = top;
        has_baseline =
            it->Baseline(tesseract::RIL_TEXTLINE, &base_x1, &base_y1, &base_x2, &base_y2);
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || !it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
      if (gap_mark(text.get()) || ruling(text.get(), right - left, bottom - top)) {
        ++gap_marks_;
        continue;
      }
      confidence_sum_ += it->Confidence(tesseract::RIL_WORD);
      ++words_;
      float baseline = static_cast<float>(bottom);
      if (has_baseline) {
        float middle = static_cast<float>(left + right) / 2;
        float run = static_cast<float>(base_x2 - base_x1);
        baseline = static_cast<float>(base_y1);
        if (run > 0) baseline += static_cast<float>(base_y2 - base_y1) * (middle - base_x1) / run;
      }
      // A PDF word's box is the font's (kBoxHeightPerFontSize).
      // The ink from the top of the line's highest diacritic to the baseline is
      // about 0.74 of the font size in the common text faces. The box ends at
      // the baseline itself, which does not move with the ink.
      float ink = std::max(1, static_cast<int>(std::lround(baseline)) - std::min(line_top, top));
      float size = ink * points_per_pixel / 0.74f;
      Word word;
      word.text = text.get();
      word.x0 = static_cast<float>(left) * points_per_pixel;
      word.x1 = static_cast<float>(right) * points_per_pixel;
      word.y1 = baseline * points_per_pixel;
      word.y0 = word.y1 - kBoxHeightPerFontSize * size;
      word.size = size;
      word.space_after = true;
      words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
    return words;
  }

  tesseract::TessBaseAPI api_;
  double confidence_sum_ = 0;
  std::size_t words_ = 0, gap_marks_ = 0;
  std::uint32_t pages_ = 0, empty_ = 0, skipped_ = 0;
};

struct PixDestroyer {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPointer = std::unique_ptr<Pix, PixDestroyer>;

void quiet_leptonica() {
  static std::once_flag quiet;  // leptonica writes every complaint to stderr otherwise
  std::call_once(quiet, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler([](const char*) {});  // also what its TIFF reader prints directly
  });
}

bool is_tiff(l_int32 format) {
  return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE ||
         format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_LZW ||
         format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

std::string too_large(std::uint32_t page, std::uint64_t width, std::uint64_t height) {
  return "page " + std::to_string(page) + " is an image of " + std::to_string(width) + " x " +
         std::to_string(height) + " pixels: more than the " +
         std::to_string(kMaxPagePixels / 1'000'000) + " million vnplan OCRs";
}

int sane_dpi(l_int32 dpi) { return dpi >= kMinDpi && dpi <= kMaxDpi ? dpi : 0; }

// The pages a scan's OCR read, laid out as text; `reader` has a
// `finish(RenditionBuilder&)` giving the figures for Rendition::ocr.
template <typename Reader>
RenderResult lay_out(std::vector<Page>& pages, Reader& reader) {
  SourceFile::Ocr ocr;
  Rendition rendition = lay_out_pages(pages, {"ocr", false},
                                      [&](RenditionBuilder& out) { ocr = reader.finish(out); });
  rendition.ocr = ocr;
  return {std::move(rendition), std::nullopt, false};
}

}  // namespace

RenderResult render_ocr_image(const std::string& path, const std::string& bytes) {
  quiet_leptonica();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, width = 0, height = 0, bits = 0, samples = 0, colormap = 0;
  // The header first: a few bytes can claim an image too big to decode.
  if (pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bits, &samples, &colormap) !=
          0 ||
      width <= 0 || height <= 0)
    return fail(path, "damaged image: its header cannot be read (truncated or corrupt file?)");
  bool tiff = is_tiff(format);
  Recogniser recogniser;
  if (auto error = recogniser.start()) return fail(path, *error);
  std::vector<Page> pages;
  for (l_int32 n = 0; static_cast<std::uint32_t>(n) < kMaxOcrPages; ++n) {
    std::uint32_t page = static_cast<std::uint32_t>(n) + 1;
    if (tiff && n > 0) {
      l_int32 resolution = 0, compression = 0;
      if (readHeaderMemTiff(data, bytes.size(), n, &width, &height, &bits, &samples, &resolution,
                            &colormap, &compression) != 0)
        break;  // no page n: the end of the file
    }
    if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > kMaxPagePixels)
      return fail(path, too_large(page, width, height));
    PixPointer image(tiff ? pixReadMemTiff(data, bytes.size(), n) : pixReadMem(data, bytes.size()));
    if (!image) {
      if (n == 0)
        return fail(path,
                    "damaged image: its pixels cannot be decoded (truncated or corrupt file?)");
      recogniser.skip_page();
    } else {
      pages.push_back(recogniser.read_page(image.get(), sane_dpi(pixGetYRes(image.get())),
                                           static_cast<int>(page)));
    }
    if (!tiff) break;
  }
  return lay_out(pages, recogniser);
}

namespace {

// Draws PDF pages in grey at 300 dpi (less for huge pages) and reads them.
class PdfPageReader final : public PageOcr {
 public:
  std::optional<std::string> start() {
    renderer_.set_image_format(poppler::image::format_gray8);
    renderer_.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer_.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    return recogniser_.start();
  }

  Page read(poppler::document& document, int index) override {
    Page unread;
    unread.number = index + 1;
    std::unique_ptr<poppler::page> page(document.create_page(index));
    if (!page) {
      recogniser_.skip_page();
      return unread;
    }
    poppler::rectf box = page->page_rect();
    double inches = std::max(0.0, box.width()) * std::max(0.0, box.height()) / (72.0 * 72.0);
    double dpi = kPdfDpi;
    if (inches * dpi * dpi > static_cast<double>(kMaxRenderPixels))
      dpi = std::sqrt(static_cast<double>(kMaxRenderPixels) / inches);
    if (dpi < kMinPdfDpi) {
      recogniser_.skip_page();
      return unread;
    }
    poppler::image image = renderer_.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      recogniser_.skip_page();
      return unread;
    }
    return recogniser_.read_page(image, static_cast<int>(std::lround(dpi)), index + 1);
  }

  SourceFile::Ocr finish(RenditionBuilder& out) override { return recogniser_.finish(out); }
  std::uint32_t pages() const { return recogniser_.pages(); }

 private:
  Recogniser recogniser_;
  poppler::page_renderer renderer_;
};

}  // namespace

std::unique_ptr<PageOcr> start_page_ocr(std::string& error) {
  auto reader = std::make_unique<PdfPageReader>();
  if (auto failed = reader->start()) {
    error = *failed;
    return nullptr;
  }
  return reader;
}

RenderResult render_ocr_pdf(const std::string& path, const std::string& bytes) {
  std::string error;
  std::unique_ptr<poppler::document> document =
      open_pdf(bytes, static_cast<long>(kMaxOcrPages), "PDF of scans", "OCRs", error);
  if (!document) return fail(path, error);
  int page_count = document->pages();
  PdfPageReader reader;
  if (auto error = reader.start()) return fail(path, *error);
  std::vector<Page> pages;
  for (int p = 0; p < page_count; ++p) pages.push_back(reader.read(*document, p));
  if (reader.pages() == 0) return fail(path, "damaged PDF: none of its pages can be drawn for OCR");
  return lay_out(pages, reader);
}

#endif

}  // namespace vnplan::internal
