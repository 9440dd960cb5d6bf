// Small UTF-8 helpers for text already validated by the read stage.
#include "vnplan/text.hpp"

namespace vnplan {

std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& code) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  std::size_t length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  if (i + length > s.size()) {
    code = 0xFFFD;
    return 1;
  }
  code = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
  return length;
}

void utf8_append(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::pair<std::uint64_t, std::uint64_t> MappedText::origin_range(std::size_t from,
                                                                 std::size_t to) const {
  if (origin.empty()) return {0, 0};
  from = std::min(from, text.size());
  to = std::min(std::max(to, from), text.size());
  std::uint64_t start = origin[from];
  if (to == from) return {start, start};
  // A copied byte ends one past its own origin; the bytes of a replacement all
  // share the replaced text's start, so a range ending in one ends where the
  // replaced text ended (the origin of the byte after it).
  std::uint64_t last = origin[to - 1];
  bool in_replacement =
      (to - 1 > from && origin[to - 2] == last) || (to < text.size() + 1 && origin[to] == last);
  std::uint64_t end = in_replacement ? origin[to] : last + 1;
  if (end <= last) end = last + 1;
  if (end < start) end = start;
  return {start, end};
}

Span Block::span() const { return span_of(0, content.text.size()); }

Span Block::span_of(std::size_t from, std::size_t to) const {
  auto [start, end] = content.origin_range(from, to);
  Span span;
  span.start = start;
  span.end = end;
  span.line = first_line;  // refined by the caller when it knows the line table
  return span;
}

std::string NormalisedText::joined() const {
  std::string out;
  for (const auto& block : blocks) {
    out += block.content.text;
    out += '\n';
  }
  return out;
}

}  // namespace vnplan
