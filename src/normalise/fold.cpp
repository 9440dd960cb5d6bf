// The folded view used for matching (see Folder in text.hpp).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <unordered_map>

#include "vnplan/text.hpp"

namespace vnplan {

struct Folder::Impl {
  std::unique_ptr<icu::Transliterator> strip;  // NFD; drop marks; lower; NFC
  std::unordered_map<char32_t, std::string> overrides;
  bool ascii_override[128] = {};
  // Folded form of each BMP code point, filled on first use; length 255 = not yet.
  struct Short {
    char bytes[7];
    std::uint8_t length = 255;
  };
  mutable std::vector<Short> bmp_short;
  mutable std::vector<std::string> bmp_cache;  // folded form of each BMP code point
  mutable std::vector<bool> bmp_known;
  mutable std::unordered_map<char32_t, std::string> astral_cache;

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

  // Appends the folded form of `code` to `out`.
  void append(char32_t code, std::string& out) const {
    if (code < 0x10000) {
      Short& entry = bmp_short[code];
      if (entry.length == 255) {
        const std::string& folded = lookup(code);
        if (folded.size() <= sizeof entry.bytes) {
          std::copy(folded.begin(), folded.end(), entry.bytes);
          entry.length = static_cast<std::uint8_t>(folded.size());
        } else {
          out += folded;
          return;
        }
      }
      out.append(entry.bytes, entry.length);
      return;
    }
    out += lookup(code);
  }

  const std::string& lookup(char32_t code) const {
    if (code < 0x10000) {
      if (!bmp_known[code]) {
        bmp_cache[code] = compute(code);
        bmp_known[code] = true;
      }
      return bmp_cache[code];
    }
    auto it = astral_cache.find(code);
    if (it == astral_cache.end()) it = astral_cache.emplace(code, compute(code)).first;
    return it->second;
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
  impl_->bmp_cache.resize(0x10000);
  impl_->bmp_short.resize(0x10000);
  impl_->bmp_known.assign(0x10000, false);
}

Folder::~Folder() = default;

// Writes into a buffer sized for the input: folding Vietnamese only shortens text
// (ế is three bytes, e one); the rare longer fold grows the buffer.
std::string Folder::fold_string(std::string_view input) const {
  std::string out(input.size(), '\0');
  std::size_t w = 0;
  for (std::size_t i = 0; i < input.size();) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x80 && !impl_->ascii_override[c]) {
      out[w++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    char32_t code;
    std::size_t length = utf8_decode(input, i, code);
    i += length;
    std::string piece;
    std::string_view folded;
    if (code < 0x10000 && impl_->bmp_short[code].length != 255) {
      const auto& entry = impl_->bmp_short[code];
      folded = std::string_view(entry.bytes, entry.length);
    } else {
      impl_->append(code, piece);
      folded = piece;
    }
    if (w + folded.size() > out.size()) out.resize(w + folded.size() + (input.size() - i));
    std::copy(folded.begin(), folded.end(), out.begin() + static_cast<std::ptrdiff_t>(w));
    w += folded.size();
  }
  out.resize(w);
  return out;
}

Folder::Folded Folder::fold(std::string_view input) const {
  Folded out;
  out.text.reserve(input.size());
  out.origin.reserve(input.size() + 1);
  for (std::size_t i = 0; i < input.size();) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x80) {  // ASCII: lower-case directly, unless the grammar overrides it
      if (!impl_->ascii_override[c]) {
        out.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        out.origin.push_back(static_cast<std::uint32_t>(i));
        ++i;
        continue;
      }
    }
    char32_t code;
    std::size_t length = utf8_decode(input, i, code);
    const std::string& folded = impl_->lookup(code);
    out.text += folded;
    out.origin.insert(out.origin.end(), folded.size(), static_cast<std::uint32_t>(i));
    i += length;
  }
  out.origin.push_back(static_cast<std::uint32_t>(input.size()));
  return out;
}

}  // namespace vnplan
