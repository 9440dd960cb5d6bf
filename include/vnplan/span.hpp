// Positions in the original input and diagnostics that point at them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vnplan {

// A region of the original input: 1-based line of its first byte and the
// half-open byte range [start, end) into the bytes as they were read.
struct Span {
  std::uint32_t line = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

enum class Severity { info, warning, error };

// Something a user should know about the input or the result: a stable
// machine-readable code, a human sentence, and where it happened.
struct Diagnostic {
  Severity severity = Severity::info;
  std::string code;
  std::string message;
  std::optional<Span> span;
};

const char* severity_name(Severity severity);

}  // namespace vnplan
