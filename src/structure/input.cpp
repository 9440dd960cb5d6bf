// Offsets and spans shared by the structure and extract stages.
#include <algorithm>
#include <cstring>

#include "vnplan/structure.hpp"

namespace vnplan {

std::size_t StructureInput::to_text(std::size_t u, std::size_t f) const {
  if (f >= unit(u).folded.size()) return text_of(u).size();
  for (const auto& cached : origins)
    if (cached.unit == u) return cached.origin[f];
  OriginCache& slot = origins[next_origin++ % origins.size()];
  folder.fold_origins(text_of(u), slot.origin);
  slot.unit = u;
  return slot.origin[f];
}

std::string StructureInput::original(std::size_t u, std::size_t fa, std::size_t fb) const {
  std::size_t a = to_text(u, fa), b = to_text(u, fb);
  return text_of(u).substr(a, b > a ? b - a : 0);
}

std::uint32_t StructureInput::line_of(std::uint64_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts.begin());
}

Span StructureInput::text_span(std::size_t u, std::size_t from, std::size_t to) const {
  Span s = block(u).span_of(from, to);
  s.line = line_of(s.start);
  return s;
}

Span StructureInput::span(std::size_t u, std::size_t fa, std::size_t fb) const {
  return text_span(u, to_text(u, fa), to_text(u, fb));
}

std::uint64_t counted_chars(const std::string& text) {
  // Eight bytes at a time: a byte counts unless it is a space or a UTF-8
  // continuation byte (10xxxxxx).
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL, kOnes = 0x0101010101010101ULL;
  std::uint64_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    std::uint64_t continuation = x & ~(x << 1) & kHigh;
    std::uint64_t t = x ^ kSpaces;
    std::uint64_t not_space = (((t & kLow7) + kLow7) | t) & kHigh;
    n += (((not_space & ~continuation) >> 7) * kOnes) >> 56;
  }
  for (; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != ' ' && (c & 0xC0) != 0x80) ++n;
  }
  return n;
}

Span StructureInput::span(std::size_t u) const { return text_span(u, 0, text_of(u).size()); }

}  // namespace vnplan
