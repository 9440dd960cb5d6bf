// Stage 1, read: bytes from a file, a directory or stdin, checked and labelled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vnplan/span.hpp"

namespace vnplan {

// Told from the content (magic bytes, markup), the file name only breaks a tie
// between text and markdown. `image` is a PNG, TIFF or JPEG scan, read by OCR.
enum class SourceFormat { text, markdown, html, docx, pdf, image };

const char* format_name(SourceFormat format);
// True for the formats whose file is rendered to text before normalise.
bool is_rendered(SourceFormat format);

// Where a stretch of rendered text came from in an HTML, DOCX or PDF file.
// Readers of those formats render the file as markdown-like text (one paragraph
// per line, list numbers typed out, tables as pipe rows) and spans count bytes
// of that text; an anchor tells the user where to look in the file itself.
struct SourceAnchor {
  std::uint32_t at = 0;    // first byte of the stretch in SourceFile::bytes
  std::uint32_t page = 0;  // PDF, image: 1-based page; 0 when the format has no pages
  // PDF: the stretch's top-left, in points from the page's top-left. OCR (a scanned
  // PDF or an image): the paragraph's top-left in pixels scaled to points (72/dpi).
  float x = 0, y = 0;
  std::uint32_t line = 0;  // HTML: 1-based line of the element in the file
  std::string node;        // DOCX: "p17" (17th paragraph), "tbl2/r3/c4", "footnote5"
};

// A document's bytes as read, after the checks every later stage relies on:
// valid UTF-8, no NUL bytes, not empty, no line beyond kMaxLineBytes.
// A leading BOM is kept in `bytes` (spans count it) and skipped by normalise.
struct SourceFile {
  std::string path;  // as given; "-" for stdin
  SourceFormat format = SourceFormat::text;
  // The text every later stage reads: the file itself for text and markdown,
  // the text rendered from it for HTML, DOCX and PDF (`vnplan render` prints it).
  std::string bytes;
  std::string sha256;                 // lower-case hex, of the file as read
  std::uint64_t file_bytes = 0;       // size of the file as read
  std::vector<SourceAnchor> anchors;  // by `at`; empty unless rendered
  std::vector<Diagnostic> notes;      // what a reader dropped or rebuilt (spans into `bytes`)
  // The text's encoding as found: "utf-8", "utf-8 (NFD)" (decomposed; normalise
  // composes it), or the legacy encoding `bytes` was converted from ("tcvn3",
  // "vni-windows", "viscii", "windows-1258"; see is_converted()).
  std::string encoding = "utf-8";

  // True when `bytes` was converted from a legacy encoding: spans count bytes of
  // the converted text, and `anchors` say where each line is in the file.
  bool is_converted() const { return encoding.rfind("utf-8", 0) != 0; }

  // Set when `bytes` came from OCR of a scanned PDF or an image.
  struct Ocr {
    std::uint32_t pages = 0;  // pages recognised
    std::uint32_t words = 0;  // words read
    double confidence = 0;    // mean word confidence, 0..1
  };
  std::optional<Ocr> ocr;
  // Set when a PDF's text is an OCR engine's invisible layer over its scan
  // (a font without glyphs): OCR output, though vnplan did not run OCR.
  bool ocr_text_layer = false;

  // The anchor holding byte `offset` of `bytes`, or null when not rendered.
  const SourceAnchor* anchor_at(std::uint64_t offset) const;
};

// Why a source could not be read; `offset`/`line` say where when it is about content.
struct ReadError {
  std::string path;
  std::string message;
  std::optional<std::uint64_t> offset;
  std::optional<std::uint32_t> line;
  std::string to_string() const;
};

struct ReadResult {
  std::optional<SourceFile> file;
  std::optional<ReadError> error;
  bool ok() const { return file.has_value(); }
};

// Lines longer than this are not plan text (a dump, a binary, a minified blob).
inline constexpr std::size_t kMaxLineBytes = 1u << 20;
// Files larger than this are refused before reading.
inline constexpr std::uintmax_t kMaxFileBytes = 256u << 20;

// When to run OCR (tesseract, Vietnamese model) on a file: `automatic` for files
// without a text layer (an image, a PDF of scans, the pages without text of a
// PDF), `always` also for PDFs that have one, `never` refuses scans.
enum class OcrMode { automatic, always, never };

struct ReadOptions {
  OcrMode ocr = OcrMode::automatic;
};

// True when this build reads scans (built with libtesseract, see VNPLAN_OCR).
bool ocr_supported();

class LegacyEncodings;  // vnplan/encoding.hpp

// Reads and checks one file ("-" reads standard input). Text that is not
// UTF-8, or UTF-8 that reads like legacy bytes shown as Windows-1252, is tried
// against the legacy encodings of `encodings` (null: none are tried) and
// converted when the evidence is clear (docs/model.md, "Legacy encodings").
// Scans are read by OCR as `options` says.
ReadResult read_source(const std::string& path, const LegacyEncodings* encodings,
                       const ReadOptions& options = {});
// Checks bytes already in memory (used by read_source and by tests).
ReadResult check_source(std::string path, std::string bytes, const LegacyEncodings* encodings,
                        const ReadOptions& options = {});
// As above with LegacyEncodings::standard(), loaded when a text first needs it.
ReadResult read_source(const std::string& path);
ReadResult check_source(std::string path, std::string bytes);
ReadResult read_source(const std::string& path, const ReadOptions& options);
ReadResult check_source(std::string path, std::string bytes, const ReadOptions& options);

// Expands the command-line inputs: a directory gives its plan files
// (.txt, .md, .markdown, .html, .htm, .docx, .pdf) in
// name order (recursively); a missing path or an empty directory is an error.
struct InputList {
  std::vector<std::string> paths;
  std::vector<ReadError> errors;
};
InputList expand_inputs(const std::vector<std::string>& arguments);

std::string sha256_hex(const std::string& bytes);

}  // namespace vnplan
