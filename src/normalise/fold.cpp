// The folded view used for matching (see Folder in text.hpp).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "vnplan/text.hpp"

namespace vnplan {
namespace {

// utf8_decode, inlined into the fold loops (same results, for any input).
inline std::size_t decode(std::string_view s, std::size_t i, char32_t& code) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  unsigned char lead = p[0];
  std::size_t left = s.size() - i;
  if ((lead & 0xE0) == 0xC0 && left >= 2) {
    code = (char32_t{lead} & 0x1F) << 6 | (p[1] & 0x3F);
    return 2;
  }
  if ((lead & 0xF0) == 0xE0 && left >= 3) {
    code = (char32_t{lead} & 0x0F) << 12 | (char32_t{p[1]} & 0x3F) << 6 | (p[2] & 0x3F);
    return 3;
  }
  std::size_t length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  if (length > left) {
    code = 0xFFFD;
    return 1;
  }
  code = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (p[k] & 0x3F);
  return length;
}

}  // namespace

struct Folder::Impl {
  std::unique_ptr<icu::Transliterator> strip;  // NFD; drop marks; lower; NFC
  std::unordered_map<char32_t, std::string> overrides;
  bool ascii_override[128] = {};
  // Folded ASCII byte where the grammar does not override it.
  char ascii_fold[256] = {};  // 0: not a plain ASCII fold (override, NUL or >= 0x80)
  // Folded form of each BMP code point, filled on first use; length 255 = not yet.
  // Folds longer than seven bytes, and those of code points beyond the BMP, live
  // in `long_folds` (its nodes never move, so views into it stay valid).
  struct Short {
    char bytes[7];
    std::uint8_t length = 255;
  };
  mutable std::vector<Short> bmp_short;
  mutable std::unordered_map<char32_t, std::string> long_folds;

  std::string compute(char32_t code) const {
    if (auto it = overrides.find(code); it != overrides.end()) return it->second;
    icu::UnicodeString text(static_cast<UChar32>(code));
    strip->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    // A folded letter may itself need an override (Đ → đ → d).
    std::string result;
    for (std::size_t i = 0; i < out.size();) {
      char32_t inner;
      std::size_t length = utf8_decode(out, i, inner);
      if (auto it = overrides.find(inner); it != overrides.end())
        result += it->second;
      else
        result.append(out, i, length);
      i += length;
    }
    return result;
  }

  std::string_view folded_of(char32_t code) const {
    if (code < 0x10000 && bmp_short[code].length != 255)
      return {bmp_short[code].bytes, bmp_short[code].length};
    if (auto it = long_folds.find(code); it != long_folds.end()) return it->second;
    std::string folded = compute(code);
    if (code < 0x10000 && folded.size() <= sizeof(Short::bytes)) {
      Short& entry = bmp_short[code];
      std::copy(folded.begin(), folded.end(), entry.bytes);
      entry.length = static_cast<std::uint8_t>(folded.size());
      return {entry.bytes, entry.length};
    }
    return long_folds.emplace(code, std::move(folded)).first->second;
  }
};

Folder::Folder(const Grammar& grammar) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  impl_->strip.reset(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !impl_->strip)
    throw GrammarError("ICU", 0,
                       std::string("cannot create fold transform: ") + u_errorName(status));
  for (const auto& entry : grammar.entries("fold/characters")) {
    char32_t code;
    if (entry.key.empty() || utf8_decode(entry.key, 0, code) != entry.key.size())
      throw GrammarError(grammar.directory() + "/fold/characters.tsv", entry.line,
                         "key must be exactly one character");
    impl_->overrides[code] = entry.value;
    if (code < 128) impl_->ascii_override[code] = true;
  }
  for (int c = 0; c < 128; ++c)
    if (!impl_->ascii_override[c] && c != 0)
      impl_->ascii_fold[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  impl_->bmp_short.resize(0x10000);
}

Folder::~Folder() = default;

// Writes into a buffer sized for the input: folding Vietnamese only shortens text
// (ế is three bytes, e one); the rare longer fold grows the buffer. A cached
// fold of a BMP code point is copied as its whole 8-byte entry (the bytes past
// its length are overwritten or cut off), so the buffer keeps 8 bytes of room.
std::string Folder::fold_string(std::string_view input) const {
  // Locals, not members: the byte stores below may alias any memory, so the
  // compiler would reload members through impl_ on every character.
  const char* const fold_table = impl_->ascii_fold;
  const Impl::Short* const shorts = impl_->bmp_short.data();
  const std::size_t n = input.size();
  std::string out(n, '\0');
  char* o = out.data();
  std::size_t w = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
  for (std::size_t i = 0; i < n;) {
    unsigned char c = bytes[i];
    if (char folded = fold_table[c]; folded || c == 0) {
      if (folded || !impl_->ascii_override[0]) {  // NUL folds to itself unless overridden
        o[w++] = folded;
        ++i;
        continue;
      }
    }
    char32_t code;
    std::size_t length = c < 0x80 ? (code = c, 1) : decode(input, i, code);
    i += length;
    if (code < 0x10000) {
      const Impl::Short& entry = shorts[code];
      if (entry.length != 255) {
        if (w + sizeof entry > out.size()) {
          out.resize(w + sizeof entry + (n - i));
          o = out.data();
        }
        std::memcpy(o + w, &entry, sizeof entry);
        w += entry.length;
        continue;
      }
    }
    std::string_view folded = impl_->folded_of(code);
    if (w + folded.size() > out.size()) {
      out.resize(w + folded.size() + (n - i));
      o = out.data();
    }
    std::copy(folded.begin(), folded.end(), o + w);
    w += folded.size();
  }
  out.resize(w);
  return out;
}

Folder::Folded Folder::fold(std::string_view input) const {
  // Locals, not members: the byte stores below may alias any memory, so the
  // compiler would reload members through impl_ on every character.
  const char* const fold_table = impl_->ascii_fold;
  const Impl::Short* const shorts = impl_->bmp_short.data();
  const std::size_t n = input.size();
  Folded out;
  out.text.assign(n, '\0');
  out.origin.resize(n + 1);
  char* o = out.text.data();
  std::uint32_t* origin = out.origin.data();
  std::size_t w = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
  for (std::size_t i = 0; i < n;) {
    unsigned char c = bytes[i];
    if (char folded = fold_table[c];
        folded || (c == 0 && !impl_->ascii_override[0])) {  // ASCII: through the table
      o[w] = folded;
      origin[w++] = static_cast<std::uint32_t>(i);
      ++i;
      continue;
    }
    char32_t code;
    std::size_t length = c < 0x80 ? (code = c, 1) : decode(input, i, code);
    std::string_view folded;
    const Impl::Short* entry = code < 0x10000 ? &shorts[code] : nullptr;
    if (entry && entry->length != 255)
      folded = {entry->bytes, entry->length};
    else
      folded = impl_->folded_of(code);
    if (w + folded.size() + 1 > out.origin.size()) {
      out.text.resize(w + folded.size() + (n - i));
      out.origin.resize(w + folded.size() + 1 + (n - i));
      o = out.text.data();
      origin = out.origin.data();
    }
    for (std::size_t k = 0; k < folded.size(); ++k) {
      o[w + k] = folded[k];
      origin[w + k] = static_cast<std::uint32_t>(i);
    }
    w += folded.size();
    i += length;
  }
  out.text.resize(w);
  out.origin.resize(w + 1);
  out.origin[w] = static_cast<std::uint32_t>(n);
  return out;
}

void Folder::fold_origins(std::string_view input, std::vector<std::uint32_t>& origin) const {
  // Locals, not members: the byte stores below may alias any memory, so the
  // compiler would reload members through impl_ on every character.
  const Impl::Short* const shorts = impl_->bmp_short.data();
  origin.resize(input.size() + 1);
  std::size_t w = 0;
  for (std::size_t i = 0; i < input.size();) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x80 && !impl_->ascii_override[c]) {
      origin[w++] = static_cast<std::uint32_t>(i);
      ++i;
      continue;
    }
    char32_t code;
    std::size_t length = c < 0x80 ? (code = c, 1) : decode(input, i, code);
    std::size_t size = code < 0x10000 && shorts[code].length != 255 ? shorts[code].length
                                                                    : impl_->folded_of(code).size();
    if (w + size + 1 > origin.size()) origin.resize(w + size + 1 + (input.size() - i));
    std::fill_n(origin.begin() + static_cast<std::ptrdiff_t>(w), size,
                static_cast<std::uint32_t>(i));
    w += size;
    i += length;
  }
  origin.resize(w + 1);
  origin[w] = static_cast<std::uint32_t>(input.size());
}

}  // namespace vnplan
