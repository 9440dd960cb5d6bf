// MappedText (text with its map back to the original bytes), Block spans, and
// small UTF-8 helpers for text the read stage already validated.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>

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

std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t code;
    i += utf8_decode(text, i, code);
    out.push_back(code);
  }
  return out;
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

MappedText MappedText::copy_of(std::string_view bytes, std::uint32_t origin) {
  MappedText out;
  out.text.assign(bytes);
  if (!bytes.empty()) out.runs.push_back({0, origin, false});
  out.end_origin = origin + static_cast<std::uint32_t>(bytes.size());
  return out;
}

std::size_t MappedText::run_at(std::size_t i) const {
  auto it = std::upper_bound(runs.begin(), runs.end(), i,
                             [](std::size_t at, const Run& run) { return at < run.at; });
  return static_cast<std::size_t>(it - runs.begin()) - 1;
}

std::uint64_t MappedText::origin_of(std::size_t i) const {
  if (i >= text.size() || runs.empty()) return end_origin;
  const Run& run = runs[run_at(i)];
  return run.replaced ? run.origin : run.origin + (i - run.at);
}

std::pair<std::uint64_t, std::uint64_t> MappedText::origin_range(std::size_t from,
                                                                 std::size_t to) const {
  from = std::min(from, text.size());
  to = std::min(std::max(to, from), text.size());
  std::uint64_t start = origin_of(from);
  if (to == from) return {start, start};
  // A copied byte ends one past its own origin; a range ending in a replacement
  // ends where the replaced text ended (the origin of the byte after it).
  const Run& last_run = runs[run_at(to - 1)];
  std::uint64_t last = origin_of(to - 1);
  std::uint64_t end = last_run.replaced ? origin_of(to) : last + 1;
  if (end <= last) end = last + 1;
  return {start, std::max(end, start)};
}

void MappedText::replace(std::size_t from, std::size_t to, const std::string& replacement) {
  std::uint32_t anchor = static_cast<std::uint32_t>(origin_of(from));
  std::vector<Run> out;
  out.reserve(runs.size() + 2);
  auto shift = static_cast<std::int64_t>(replacement.size()) - static_cast<std::int64_t>(to - from);
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Run& run = runs[k];
    std::size_t run_end = k + 1 < runs.size() ? runs[k + 1].at : text.size();
    if (run.at < from) out.push_back(run);  // the part before `from` keeps its run
    if (run.at < to && run_end > to) {      // the part after `to` starts a run at `to`
      Run tail = run;
      tail.origin =
          run.replaced ? run.origin : run.origin + static_cast<std::uint32_t>(to - run.at);
      tail.at = static_cast<std::uint32_t>(to + shift);
      out.push_back(tail);
      continue;
    }
    if (run.at >= to) {
      Run moved = run;
      moved.at = static_cast<std::uint32_t>(run.at + shift);
      out.push_back(moved);
    }
  }
  if (!replacement.empty()) {
    Run inserted{static_cast<std::uint32_t>(from), anchor, true};
    auto position = std::lower_bound(out.begin(), out.end(), inserted.at,
                                     [](const Run& run, std::uint32_t at) { return run.at < at; });
    out.insert(position, inserted);
  }
  text.replace(from, to - from, replacement);
  // Runs that now start at the same byte: the later one wins; empty text has
  // none. Compacted in place: `out` has no more than two runs of spare room,
  // where a vector grown run by run could have twice its size (restoration
  // replaces many words of a block).
  std::size_t kept = 0;
  for (const auto& run : out) {
    if (run.at >= text.size()) continue;
    if (kept > 0 && out[kept - 1].at == run.at)
      out[kept - 1] = run;
    else
      out[kept++] = run;
  }
  out.resize(kept);
  runs = std::move(out);
}

void MappedText::append(const MappedText& other, std::string_view separator) {
  if (!separator.empty()) {
    runs.push_back({static_cast<std::uint32_t>(text.size()), end_origin, true});
    text += separator;
  }
  auto base = static_cast<std::uint32_t>(text.size());
  for (Run run : other.runs) {
    run.at += base;
    runs.push_back(run);
  }
  text += other.text;
  end_origin = other.end_origin;
}

MappedText MappedText::slice(std::size_t from, std::size_t to) const {
  MappedText out;
  out.text = text.substr(from, to - from);
  out.end_origin = static_cast<std::uint32_t>(origin_of(to));
  if (from >= to) return out;
  std::size_t k = run_at(from);
  Run first = runs[k];
  first.origin = static_cast<std::uint32_t>(origin_of(from));
  first.at = 0;
  out.runs.push_back(first);
  for (++k; k < runs.size() && runs[k].at < to; ++k) {
    Run run = runs[k];
    run.at -= static_cast<std::uint32_t>(from);
    out.runs.push_back(run);
  }
  return out;
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

bool same_reading(std::string_view a, std::string_view b) {
  constexpr std::size_t kBytesPerSlip = 8;
  if (a == b) return true;
  std::size_t allowed = std::max(a.size(), b.size()) / kBytesPerSlip;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > allowed) return false;
  return edit_distance(a, b) <= allowed;
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::StringPiece piece(utf8.data(), static_cast<std::int32_t>(utf8.size()));
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status))
    return std::string(utf8);
  std::string composed;
  composed.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&composed);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? composed : std::string(utf8);
}

std::string collapse_white_space(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace vnplan
