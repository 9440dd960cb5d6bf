// Stage 1, read: bytes from a file, a directory or stdin, checked and labelled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnplan {

enum class SourceFormat { text, markdown };

const char* format_name(SourceFormat format);

// A document's bytes as read, after the checks every later stage relies on:
// valid UTF-8, no NUL bytes, not empty, no line beyond kMaxLineBytes.
// A leading BOM is kept in `bytes` (spans count it) and skipped by normalise.
struct SourceFile {
  std::string path;  // as given; "-" for stdin
  SourceFormat format = SourceFormat::text;
  std::string bytes;
  std::string sha256;  // lower-case hex of `bytes`
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

// Reads and checks one file ("-" reads standard input).
ReadResult read_source(const std::string& path);
// Checks bytes already in memory (used by read_source and by tests).
ReadResult check_source(std::string path, std::string bytes);

// Expands the command-line inputs: a directory gives its .txt/.md files in
// name order (recursively); a missing path or an empty directory is an error.
struct InputList {
  std::vector<std::string> paths;
  std::vector<ReadError> errors;
};
InputList expand_inputs(const std::vector<std::string>& arguments);

std::string sha256_hex(const std::string& bytes);

}  // namespace vnplan
