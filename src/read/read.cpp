// Reading and checking input files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "rendition.hpp"
#include "vnplan/encoding.hpp"
#include "vnplan/grammar.hpp"
#include "vnplan/source.hpp"

namespace vnplan {
namespace fs = std::filesystem;

const char* format_name(SourceFormat format) {
  switch (format) {
    case SourceFormat::text:
      return "text";
    case SourceFormat::markdown:
      return "markdown";
    case SourceFormat::html:
      return "html";
    case SourceFormat::docx:
      return "docx";
    case SourceFormat::pdf:
      return "pdf";
    case SourceFormat::image:
      return "image";
  }
  return "text";
}

bool is_rendered(SourceFormat format) {
  return format == SourceFormat::html || format == SourceFormat::docx ||
         format == SourceFormat::pdf || format == SourceFormat::image;
}

const SourceAnchor* SourceFile::anchor_at(std::uint64_t offset) const {
  auto after =
      std::upper_bound(anchors.begin(), anchors.end(), offset,
                       [](std::uint64_t at, const SourceAnchor& anchor) { return at < anchor.at; });
  return after == anchors.begin() ? nullptr : &*(after - 1);
}

std::string ReadError::to_string() const {
  std::ostringstream out;
  out << path;
  if (line) out << ":" << *line;
  out << ": ";
  if (offset) out << "byte " << *offset << ": ";
  out << message;
  return out.str();
}

namespace {

// Length of the UTF-8 sequence starting at bytes[i], or 0 when it is invalid
// (bad lead byte, truncated, overlong, surrogate or beyond U+10FFFF).
std::size_t utf8_sequence_length(const std::string& bytes, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else
    return 0;
  if (i + length > bytes.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  static const std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < minimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

std::string lower_extension(const std::string& path) {
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
  return extension;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Formats with magic bytes, whatever the file is called. A ZIP is taken for a
// DOCX and its reader says so when it is some other archive. PNG, JPEG and TIFF
// are scans, read by OCR.
std::optional<SourceFormat> binary_format(const std::string& bytes) {
  if (starts_with(bytes, "%PDF-")) return SourceFormat::pdf;
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06"))
    return SourceFormat::docx;
  if (starts_with(bytes, "\x89PNG") || starts_with(bytes, "\xFF\xD8\xFF") ||
      starts_with(bytes, "II*") || starts_with(bytes, std::string_view("MM\x00*", 4)))
    return SourceFormat::image;
  return std::nullopt;
}

// Formats this tool does not read but can name, so the message says what to do.
std::optional<std::string> unsupported_format(const std::string& bytes) {
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "a legacy Word .doc (OLE2) file: save it as DOCX or PDF";
  if (starts_with(bytes, "{\\rtf")) return "an RTF file: save it as DOCX or PDF";
  return std::nullopt;
}

// HTML is told by its opening markup, after an optional BOM, white space and
// comments; a markdown file holding a <table> is still markdown.
bool looks_like_html(const std::string& bytes) {
  std::size_t at = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
  std::size_t limit = std::min<std::size_t>(bytes.size(), 4096);
  while (at < limit) {
    at = bytes.find_first_not_of(" \t\r\n", at);
    if (at == std::string::npos || at >= limit) return false;
    if (bytes.compare(at, 4, "<!--") == 0) {
      at = bytes.find("-->", at);
      if (at == std::string::npos) return false;
      at += 3;
      continue;
    }
    break;
  }
  std::string head = bytes.substr(at, 16);
  std::transform(head.begin(), head.end(), head.begin(), ::tolower);
  for (const char* opening : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<meta"})
    if (starts_with(head, opening)) return true;
  return false;
}

// Markdown is told apart from plain text by its marks, not only its name.
SourceFormat detect_format(const std::string& path, const std::string& bytes) {
  std::string extension = lower_extension(path);
  if (looks_like_html(bytes)) return SourceFormat::html;
  if (extension == ".md" || extension == ".markdown") return SourceFormat::markdown;
  std::size_t sample = std::min<std::size_t>(bytes.size(), 64 * 1024);
  std::string_view head(bytes.data(), sample);
  std::size_t marks = 0;
  for (const char* mark : {"\n#", "\n**", "\n| ", "$\\", "\n- **"}) {
    for (std::size_t at = head.find(mark); at != std::string_view::npos;
         at = head.find(mark, at + 1))
      ++marks;
  }
  return marks >= 5 ? SourceFormat::markdown : SourceFormat::text;
}

}  // namespace

namespace {

// The legacy tables to try: given, the standard ones (loaded on first need),
// or none.
struct Tables {
  const LegacyEncodings* given = nullptr;
  bool standard = false;
  ReadOptions options{};  // OCR of scans
  const LegacyEncodings* get() const {
    if (given || !standard) return given;
    return LegacyEncodings::standard().get();
  }
};

// Where the UTF-8 check first fails: a NUL, an invalid sequence, or neither.
struct Utf8Check {
  std::optional<std::size_t> nul, invalid;
};

Utf8Check check_utf8(const std::string& bytes) {
  Utf8Check check;
  for (std::size_t i = 0; i < bytes.size();) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      check.nul = i;
      return check;
    }
    std::size_t length = c < 0x80 ? 1 : utf8_sequence_length(bytes, i);
    if (length == 0) {
      if (!check.invalid) check.invalid = i;
      ++i;  // go on: a NUL further on still makes it binary
      continue;
    }
    i += length;
  }
  return check;
}

std::uint32_t line_of(const std::string& bytes, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// Characters that a Windows-1252 reading of 8-bit letters gives (Latin-1
// letters, ¢ £ ¤ ¥ ¦ § ¨ ª « ¬ soft hyphen ...): only then can a UTF-8 text be a
// legacy look-alike. Clean Vietnamese has some (à é ô) too; detection decides.
bool has_latin1_range(const std::string& bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i)
    if (bytes[i] == '\xC2' || bytes[i] == '\xC3') return true;
  return false;
}

// Combining marks U+0300..U+036F right after a letter: decomposed (NFD) text.
std::size_t combining_marks(const std::string& bytes) {
  std::size_t marks = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    auto next = static_cast<unsigned char>(bytes[i + 1]);
    if ((lead == 0xCC && next >= 0x80 && next <= 0xBF) ||
        (lead == 0xCD && next >= 0x80 && next <= 0xAF))
      ++marks;
  }
  return marks;
}

// One anchor per line of converted text: its line in the file (conversion
// keeps line breaks where they were).
std::vector<SourceAnchor> line_anchors(const std::string& text) {
  std::vector<SourceAnchor> anchors;
  std::uint32_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    SourceAnchor anchor;
    anchor.at = static_cast<std::uint32_t>(start);
    anchor.line = line;
    anchors.push_back(anchor);
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return anchors;
}

std::string candidates_text(const std::vector<std::string>& candidates) {
  std::string out;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    out += (k ? (k + 1 == candidates.size() ? " or " : ", ") : "") + candidates[k];
  return out;
}

// A legacy encoding found in the text, or why none was taken.
struct Conversion {
  std::string encoding;  // empty: not converted
  bool look_alike = false;
  std::string text;
  std::vector<Diagnostic> notes;
  std::optional<std::string> refusal;  // for text that is not UTF-8 and stays unread
};

Conversion try_legacy(const std::string& bytes, bool valid_utf8, const LegacyEncodings& tables) {
  Conversion conversion;
  EncodingGuess guess = tables.detect(bytes, valid_utf8);
  if (guess.encoding.empty()) {
    if (!valid_utf8) {
      conversion.refusal = guess.candidates.empty()
                               ? "no legacy encoding fits (" + guess.evidence() + ")"
                               : "it could be " + candidates_text(guess.candidates) +
                                     ", too close to tell (" + guess.evidence() +
                                     "): convert it to UTF-8 first";
    } else if (!guess.candidates.empty()) {
      conversion.notes.push_back(
          {Severity::warning, "read.legacy_encoding",
           "the text may be " + candidates_text(guess.candidates) +
               " read as Windows-1252, but the evidence is too weak to convert it (" +
               guess.evidence() + "); it is read as it is",
           std::nullopt});
    }
    return conversion;
  }
  conversion.encoding = guess.encoding;
  conversion.look_alike = guess.look_alike;
  conversion.text = tables.decode(guess.encoding, bytes, guess.look_alike);
  conversion.notes.push_back(
      {Severity::info, "read.legacy_encoding",
       "converted from " + guess.encoding +
           (guess.look_alike ? " (its bytes had been read as Windows-1252 and saved as UTF-8)"
                             : "") +
           " to UTF-8: " + guess.evidence() +
           "; spans count bytes of the converted text, source_line gives the line in the file",
       std::nullopt});
  return conversion;
}

// The checks every text (typed or rendered) must pass; text in a legacy
// encoding is converted first when the evidence is clear.
ReadResult check_text(std::string path, std::string bytes, const Tables& tables) {
  ReadResult result;
  auto fail = [&](std::string message, std::optional<std::uint64_t> offset,
                  std::optional<std::uint32_t> line) {
    result.error = ReadError{path, std::move(message), offset, line};
    return result;
  };
  if (bytes.empty())
    return fail("empty file: there is no text to parse", std::nullopt, std::nullopt);
  Utf8Check utf8 = check_utf8(bytes);
  if (utf8.nul)
    return fail("binary file: NUL byte; vnplan reads UTF-8 text", *utf8.nul,
                line_of(bytes, *utf8.nul));
  std::string file_sha256, encoding = "utf-8";
  std::uint64_t file_bytes = bytes.size();
  std::vector<Diagnostic> notes;
  const LegacyEncodings* legacy = nullptr;
  try {
    if (utf8.invalid || has_latin1_range(bytes)) legacy = tables.get();
  } catch (const std::exception& error) {
    if (utf8.invalid)
      return fail(std::string("invalid UTF-8; legacy encodings cannot be tried: ") + error.what(),
                  *utf8.invalid, line_of(bytes, *utf8.invalid));
  }
  if (utf8.invalid) {
    std::size_t at = *utf8.invalid;
    std::ostringstream message;
    message << "invalid UTF-8 (byte 0x" << std::hex
            << static_cast<int>(static_cast<unsigned char>(bytes[at]))
            << "); the file may be in a legacy encoding";
    if (!legacy) return fail(message.str(), at, line_of(bytes, at));
    Conversion conversion = try_legacy(bytes, false, *legacy);
    if (conversion.encoding.empty())
      return fail(message.str() + ": " + *conversion.refusal, at, line_of(bytes, at));
    file_sha256 = sha256_hex(bytes);
    bytes = std::move(conversion.text);
    encoding = conversion.encoding;
    notes = std::move(conversion.notes);
  } else if (legacy) {
    Conversion conversion = try_legacy(bytes, true, *legacy);
    notes = std::move(conversion.notes);
    if (!conversion.encoding.empty()) {
      file_sha256 = sha256_hex(bytes);
      bytes = std::move(conversion.text);
      encoding = conversion.encoding;
    }
  }
  if (encoding == "utf-8") {
    if (std::size_t marks = combining_marks(bytes)) {
      encoding = "utf-8 (NFD)";
      notes.push_back({Severity::info, "read.nfd",
                       std::to_string(marks) +
                           " combining marks: the text is decomposed Unicode (NFD, as macOS "
                           "writes it); normalise composes it (NFC), spans count bytes of the "
                           "file as it is",
                       std::nullopt});
    }
  }
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    } else if (i - line_start >= kMaxLineBytes) {
      return fail("line longer than " + std::to_string(kMaxLineBytes) +
                      " bytes: not plan text (binary or a dump?)",
                  line_start, line);
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos ||
      (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 &&
       bytes.find_first_not_of(" \t\r\n\f\v", 3) == std::string::npos))
    return fail("no text: the file holds only white space", std::nullopt, std::nullopt);
  SourceFile file;
  file.format = detect_format(path, bytes);
  file.path = std::move(path);
  file.sha256 = file_sha256.empty() ? sha256_hex(bytes) : std::move(file_sha256);
  file.file_bytes = file_bytes;
  file.encoding = std::move(encoding);
  file.notes = std::move(notes);
  if (file.is_converted()) file.anchors = line_anchors(bytes);
  file.bytes = std::move(bytes);
  result.file = std::move(file);
  return result;
}

// Offsets into rendered text that a conversion changed: the same line, and in
// it the length of the converted prefix (conversion keeps line breaks).
std::uint32_t converted_offset(const std::string& before, const std::string& after,
                               std::uint64_t offset, const LegacyEncodings& tables,
                               const std::string& encoding) {
  offset = std::min<std::uint64_t>(offset, before.size());
  std::size_t line_start = before.rfind('\n', offset ? offset - 1 : 0);
  line_start = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  auto line =
      static_cast<std::size_t>(std::count(before.begin(), before.begin() + line_start, '\n'));
  std::size_t new_start = 0;
  for (std::size_t k = 0; k < line && new_start != std::string::npos; ++k)
    new_start = after.find('\n', new_start) + 1;
  if (new_start == std::string::npos || new_start > after.size()) return after.size();
  std::size_t column =
      offset == line_start
          ? 0
          : tables
                .decode(encoding, std::string_view(before).substr(line_start, offset - line_start),
                        true)
                .size();
  return static_cast<std::uint32_t>(std::min(new_start + column, after.size()));
}

// A scan (an image, a PDF without a text layer) goes to OCR as options.ocr says.
internal::RenderResult render_file(const std::string& path, const std::string& bytes,
                                   SourceFormat format, const ReadOptions& options) {
  auto refuse = [&](std::string message) {
    return internal::RenderResult{std::nullopt, ReadError{path, std::move(message), {}, {}}};
  };
  if (format == SourceFormat::image) {
    if (options.ocr == OcrMode::never)
      return refuse("an image (a scan?) and OCR is off (--ocr=never)");
    if (!ocr_supported()) return refuse(internal::without_ocr_support("an image (a scan?)"));
    return internal::render_ocr_image(path, bytes);
  }
  if (format == SourceFormat::pdf) {
    if (options.ocr == OcrMode::always) {
      if (!ocr_supported()) return refuse(internal::without_ocr_support("--ocr=always"));
      return internal::render_ocr_pdf(path, bytes);
    }
    internal::RenderResult rendered =
        internal::render_pdf(path, bytes, options.ocr == OcrMode::automatic);
    if (!rendered.no_text_layer || options.ocr == OcrMode::never) return rendered;
    if (!ocr_supported())
      return refuse(internal::without_ocr_support("the PDF has no text layer (a scan?)"));
    return internal::render_ocr_pdf(path, bytes);
  }
  return format == SourceFormat::docx ? internal::render_docx(path, bytes)
                                      : internal::render_html(path, bytes);
}

// Renders an HTML, DOCX or PDF file or a scan, then checks the text like typed text.
ReadResult render_source(std::string path, const std::string& bytes, SourceFormat format,
                         const Tables& tables) {
  internal::RenderResult rendered = render_file(path, bytes, format, tables.options);
  if (!rendered.rendition) {
    ReadResult failed;
    failed.error =
        rendered.error ? std::move(rendered.error) : ReadError{path, "could not be read", {}, {}};
    return failed;
  }
  internal::Rendition& rendition = *rendered.rendition;
  std::string rendered_text = rendition.text;
  ReadResult result = check_text(path, std::move(rendition.text), tables);
  if (!result.ok()) {
    if (result.error->message.rfind("no text", 0) == 0 ||
        result.error->message.rfind("empty file", 0) == 0)
      result.error->message =
          rendition.ocr ? std::string("OCR found no text in the ") + format_name(format) + " file"
                        : std::string("the ") + format_name(format) + " file holds no text";
    result.error->offset.reset();  // offsets of rendered text mean nothing to the user
    return result;
  }
  SourceFile& file = *result.file;
  file.format = format;
  file.sha256 = sha256_hex(bytes);
  file.file_bytes = bytes.size();
  std::vector<Diagnostic> conversion_notes = std::move(file.notes);
  file.anchors = std::move(rendition.anchors);
  file.notes = std::move(rendition.notes);
  file.ocr = rendition.ocr;
  file.ocr_text_layer = rendition.ocr_text_layer;
  if (file.is_converted()) {
    // Text drawn in legacy fonts (.VnTime, VNI-Times) inside a DOCX or PDF: the
    // anchors and notes of the rendition move with the converted text.
    const LegacyEncodings& legacy = *tables.get();
    for (auto& anchor : file.anchors)
      anchor.at = converted_offset(rendered_text, file.bytes, anchor.at, legacy, file.encoding);
    for (auto& note : file.notes)
      if (note.span) {
        note.span->start =
            converted_offset(rendered_text, file.bytes, note.span->start, legacy, file.encoding);
        note.span->end =
            converted_offset(rendered_text, file.bytes, note.span->end, legacy, file.encoding);
      }
  }
  file.notes.insert(file.notes.end(), conversion_notes.begin(), conversion_notes.end());
  return result;
}

ReadResult check_with(std::string path, std::string bytes, const Tables& tables) {
  if (auto format = binary_format(bytes))
    return render_source(std::move(path), bytes, *format, tables);
  if (auto what = unsupported_format(bytes)) {
    ReadResult result;
    result.error = ReadError{path, "not a plan text: " + *what, {}, {}};
    return result;
  }
  // An HTML page may declare a legacy charset: its reader decodes it, so the
  // UTF-8 check applies to the rendered text, not to the file.
  if (looks_like_html(bytes))
    return render_source(std::move(path), bytes, SourceFormat::html, tables);
  std::string extension = lower_extension(path);
  if (extension == ".pdf" || extension == ".docx") {
    ReadResult result;
    result.error =
        ReadError{path,
                  "named " + extension + " but is not a " +
                      (extension == ".pdf" ? "PDF (no %PDF- header)" : "DOCX (not a ZIP archive)") +
                      ": the file is damaged or mislabelled",
                  0, std::nullopt};
    return result;
  }
  return check_text(std::move(path), std::move(bytes), tables);
}

ReadResult read_with(const std::string& path, const Tables& tables) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return check_with(path, std::move(bytes), tables);
  }
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return {std::nullopt, ReadError{path, "no such file", {}, {}}};
  if (fs::is_directory(status)) return {std::nullopt, ReadError{path, "is a directory", {}, {}}};
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes)
    return {std::nullopt,
            ReadError{
                path, "file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB", {}, {}}};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, ReadError{path, "cannot open file", {}, {}}};
  std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return {std::nullopt, ReadError{path, "read error", {}, {}}};
  // A file that grew while being read (or has no size, like a pipe) is read to its end.
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes += rest;
  return check_with(path, std::move(bytes), tables);
}

}  // namespace

ReadResult check_source(std::string path, std::string bytes, const LegacyEncodings* encodings,
                        const ReadOptions& options) {
  return check_with(std::move(path), std::move(bytes), Tables{encodings, false, options});
}

ReadResult check_source(std::string path, std::string bytes) {
  return check_with(std::move(path), std::move(bytes), Tables{nullptr, true, {}});
}

ReadResult check_source(std::string path, std::string bytes, const ReadOptions& options) {
  return check_with(std::move(path), std::move(bytes), Tables{nullptr, true, options});
}

ReadResult read_source(const std::string& path, const LegacyEncodings* encodings,
                       const ReadOptions& options) {
  return read_with(path, Tables{encodings, false, options});
}

ReadResult read_source(const std::string& path) {
  return read_with(path, Tables{nullptr, true, {}});
}

ReadResult read_source(const std::string& path, const ReadOptions& options) {
  return read_with(path, Tables{nullptr, true, options});
}

InputList expand_inputs(const std::vector<std::string>& arguments) {
  InputList list;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && fs::is_directory(argument, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(argument, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string extension = lower_extension(it->path().string());
        for (const char* plan : {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"})
          if (extension == plan) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty())
        list.errors.push_back(
            {argument, "directory holds no plan file (.txt, .md, .html, .docx, .pdf)", {}, {}});
      list.paths.insert(list.paths.end(), found.begin(), found.end());
    } else {
      list.paths.push_back(argument);  // read_source reports a missing file
    }
  }
  return list;
}

}  // namespace vnplan
