// OCR of scans: a PNG, TIFF or JPEG image, or a PDF without a text layer,
// read by tesseract (libtesseract) with its Vietnamese model "vie" (Debian
// tesseract-ocr-vie) and rendered as text for the pipeline (see rendition.hpp).
//
// Images are decoded by leptonica (every page of a TIFF); PDF pages are drawn
// by poppler at 300 dpi in grey. Tesseract reads each page as one column of
// text (plan documents are single-column; its automatic layout analysis tears
// list markers such as "a)" away from their hanging-indented text). Every
// tesseract paragraph starts a paragraph of the rendition, every text line a
// line (the joiner joins hard wraps, as for PDF lines), and each line is
// anchored to its page and top-left corner: pixels scaled to points (72 per
// inch) with the image's resolution, so a scanned PDF's anchors are in the
// same units as a PDF's text layer. An image that records no resolution is
// taken at the resolution tesseract estimates from its text.
//
// Built only with VNPLAN_HAVE_OCR (CMake option VNPLAN_OCR); without it both
// readers say how to get OCR support.
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

// A word made only of underscores: tesseract's reading of the wide gap between
// a list marker and its text, or of a signature line. Not text.
bool gap_mark(std::string_view word) { return word.find_first_not_of('_') == std::string::npos; }

// Reads pages one by one into a rendition (one of its own for a scan, the PDF
// reader's for the pages without text of a PDF).
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

  void read_page(Pix* image, int dpi, std::uint32_t page, RenditionBuilder& out) {
    api_.SetImage(image);
    recognise(dpi, page, out);
  }

  void read_page(const poppler::image& image, int dpi, std::uint32_t page, RenditionBuilder& out) {
    api_.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                  image.height(), 1, image.bytes_per_row());
    recognise(dpi, page, out);
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
                                         " run(s) of underscores (gaps, signature lines) dropped");
    return SourceFile::Ocr{pages_, static_cast<std::uint32_t>(words_), confidence};
  }

 private:
  void recognise(int dpi, std::uint32_t page, RenditionBuilder& out) {
    ++pages_;
    if (dpi > 0) api_.SetSourceResolution(dpi);
    if (api_.Recognize(nullptr) != 0) {
      ++empty_;
      return;
    }
    if (dpi <= 0) dpi = api_.GetSourceYResolution();
    float points_per_pixel = dpi > 0 ? 72.0f / static_cast<float>(dpi) : 1.0f;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it || it->Empty(tesseract::RIL_WORD)) {
      ++empty_;
      return;
    }
    // A page always starts a paragraph.
    out.end_paragraph();
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        if (it->IsAtBeginningOf(tesseract::RIL_PARA))
          out.end_paragraph();
        else
          out.end_line();
        int left = 0, top = 0, right = 0, bottom = 0;
        if (it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom)) {
          SourceAnchor anchor;
          anchor.page = page;
          anchor.x = static_cast<float>(left) * points_per_pixel;
          anchor.y = static_cast<float>(top) * points_per_pixel;
          out.anchor(anchor);
        }
      }
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!word) continue;
      std::string_view text(word.get());
      if (gap_mark(text)) {
        ++gap_marks_;
        continue;
      }
      confidence_sum_ += it->Confidence(tesseract::RIL_WORD);
      ++words_;
      out.text(text);
      out.text(" ");
    } while (it->Next(tesseract::RIL_WORD));
    out.end_paragraph();
    api_.Clear();
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
  RenditionBuilder out;
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
      recogniser.read_page(image.get(), sane_dpi(pixGetYRes(image.get())), page, out);
    }
    if (!tiff) break;
  }
  SourceFile::Ocr ocr = recogniser.finish(out);
  Rendition rendition = out.take();
  rendition.ocr = ocr;
  return {std::move(rendition), std::nullopt, false};
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

  void read(poppler::document& document, int index, RenditionBuilder& out) override {
    std::unique_ptr<poppler::page> page(document.create_page(index));
    if (!page) {
      recogniser_.skip_page();
      return;
    }
    poppler::rectf box = page->page_rect();
    double inches = std::max(0.0, box.width()) * std::max(0.0, box.height()) / (72.0 * 72.0);
    double dpi = kPdfDpi;
    if (inches * dpi * dpi > static_cast<double>(kMaxRenderPixels))
      dpi = std::sqrt(static_cast<double>(kMaxRenderPixels) / inches);
    if (dpi < kMinPdfDpi) {
      recogniser_.skip_page();
      return;
    }
    poppler::image image = renderer_.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      recogniser_.skip_page();
      return;
    }
    recogniser_.read_page(image, static_cast<int>(std::lround(dpi)),
                          static_cast<std::uint32_t>(index) + 1, out);
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
  RenditionBuilder out;
  for (int p = 0; p < page_count; ++p) reader.read(*document, p, out);
  if (reader.pages() == 0) return fail(path, "damaged PDF: none of its pages can be drawn for OCR");
  SourceFile::Ocr ocr = reader.finish(out);
  Rendition rendition = out.take();
  rendition.ocr = ocr;
  return {std::move(rendition), std::nullopt, false};
}

#endif

}  // namespace vnplan::internal
