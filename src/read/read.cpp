// Reading and checking input files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "rendition.hpp"
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

// The checks every text (typed or rendered) must pass.
ReadResult check_text(std::string path, std::string bytes) {
  ReadResult result;
  auto fail = [&](std::string message, std::optional<std::uint64_t> offset,
                  std::optional<std::uint32_t> line) {
    result.error = ReadError{path, std::move(message), offset, line};
    return result;
  };
  if (bytes.empty())
    return fail("empty file: there is no text to parse", std::nullopt, std::nullopt);
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      ++i;
      continue;
    }
    if (c == 0) return fail("binary file: NUL byte; vnplan reads UTF-8 text", i, line);
    std::size_t length = c < 0x80 ? 1 : utf8_sequence_length(bytes, i);
    if (length == 0) {
      std::ostringstream message;
      message << "invalid UTF-8 (byte 0x" << std::hex << static_cast<int>(c)
              << "); the file may be in a legacy encoding";
      return fail(message.str(), i, line);
    }
    i += length;
    if (i - line_start > kMaxLineBytes)
      return fail("line longer than " + std::to_string(kMaxLineBytes) +
                      " bytes: not plan text (binary or a dump?)",
                  line_start, line);
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos ||
      (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 &&
       bytes.find_first_not_of(" \t\r\n\f\v", 3) == std::string::npos))
    return fail("no text: the file holds only white space", std::nullopt, std::nullopt);
  SourceFile file;
  file.format = detect_format(path, bytes);
  file.path = std::move(path);
  file.sha256 = sha256_hex(bytes);
  file.file_bytes = bytes.size();
  file.bytes = std::move(bytes);
  result.file = std::move(file);
  return result;
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
                         const ReadOptions& options) {
  internal::RenderResult rendered = render_file(path, bytes, format, options);
  if (!rendered.rendition) {
    ReadResult failed;
    failed.error =
        rendered.error ? std::move(rendered.error) : ReadError{path, "could not be read", {}, {}};
    return failed;
  }
  internal::Rendition& rendition = *rendered.rendition;
  ReadResult result = check_text(path, std::move(rendition.text));
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
  file.anchors = std::move(rendition.anchors);
  file.notes = std::move(rendition.notes);
  file.ocr = rendition.ocr;
  return result;
}

}  // namespace

ReadResult check_source(std::string path, std::string bytes, const ReadOptions& options) {
  if (auto format = binary_format(bytes))
    return render_source(std::move(path), bytes, *format, options);
  if (auto what = unsupported_format(bytes)) {
    ReadResult result;
    result.error = ReadError{path, "not a plan text: " + *what, {}, {}};
    return result;
  }
  // An HTML page may declare a legacy charset: its reader decodes it, so the
  // UTF-8 check applies to the rendered text, not to the file.
  if (looks_like_html(bytes))
    return render_source(std::move(path), bytes, SourceFormat::html, options);
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
  return check_text(std::move(path), std::move(bytes));
}

ReadResult read_source(const std::string& path, const ReadOptions& options) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return check_source(path, std::move(bytes), options);
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
  return check_source(path, std::move(bytes), options);
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
