// The folded view used for matching (see Folder in text.hpp).
#include <unicode/translit.h>
#include <unicode/uchar.h>
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

// decode for any lead byte, ASCII included (decode expects a multi-byte one).
inline std::size_t decode_any(std::string_view s, std::size_t i, char32_t& code) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  return decode(s, i, code);
}

// Start of the code point that ends just before byte `i`.
std::size_t previous_start(std::string_view s, std::size_t i) {
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

bool ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A token's make-up, for the in-word OCR folds.
struct TokenShape {
  int letters = 0, upper = 0, lower = 0;
  bool other = false;  // a character that is neither a letter nor a fold key
  bool starts_with_key = false;
};

// How far the in-word folds look either way for a token's ends: OCR tokens are
// syllables, so a longer run is no syllable to mend.
constexpr std::size_t kTokenReach = 24;

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

  // OCR folds that depend on context (grammars/fold/ocr_in_word.tsv), one per
  // ASCII character: the letter it becomes, and where.
  struct ContextRule {
    char to = 0;            // 0: the character has no contextual fold
    bool initial = false;   // first in a token, before one of `before`; else in_word
    bool before[128] = {};  // folded letters that may follow an initial
  };
  ContextRule context[128];

  // Whole-word OCR folds (grammars/fold/ocr_words.tsv): folded words of up to
  // eight letters, packed into an integer, each to a word of the same length.
  // An open-addressed table: a look-up is a multiply and a compare or two.
  static constexpr std::size_t kWordSlots = 256;
  struct WordSlot {
    std::uint64_t key = 0;  // 0: empty
    std::uint64_t to = 0;
  };
  std::vector<WordSlot> word_slots;
  std::uint32_t word_lengths = 0;  // bit L: some word has L letters
  bool word_first[256] = {};       // first letters of the words
  // What a folded byte is to a word: not part of one (0), a letter a-z, or
  // another byte that joins a word (a digit, a byte of a multi-byte letter).
  static constexpr std::uint8_t kLetter = 1, kJoiner = 2;
  std::uint8_t word_class[256] = {};
  // Letters that only text written with Vietnamese diacritics has (ă đ ĩ ũ ơ ư
  // and the precomposed U+1EA0..U+1EF9, or a combining mark): OCR without a
  // Vietnamese model and typing without diacritics never give them, so a
  // string holding one is no damaged text and its words are not looked up in
  // ocr_words.tsv. This keeps the word folds off clean text, where they would
  // cost a pass and find nothing. (Latin-1 letters, é á ó, are in both.)
  std::uint64_t vietnamese_bits[0x10000 / 64] = {};
  void mark_vietnamese(char32_t from, char32_t to) {
    for (char32_t c = from; c <= to; ++c) vietnamese_bits[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  static std::size_t slot_of(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 56) % kWordSlots;
  }
  void add_word(std::uint64_t key, std::uint64_t to) {
    std::size_t s = slot_of(key);
    while (word_slots[s].key != 0 && word_slots[s].key != key) s = (s + 1) % kWordSlots;
    word_slots[s] = {key, to};
  }
  // Replaces, in place, every folded word of `text` that ocr_words.tsv lists.
  void fold_words(char* text, std::size_t size) const;

  // The byte `input[i]` (a character with a contextual rule) folds to.
  char contextual_fold(std::string_view input, std::size_t i) const;
  bool in_word_applies(std::string_view input, std::size_t i) const;
  bool initial_applies(std::string_view input, std::size_t i, const ContextRule& rule) const;
  // A letter, or a sign characters.tsv folds to one ("¢" in "c¢6" = có).
  bool is_letter(char32_t code) const {
    if (code < 0x80) return ascii_letter(static_cast<unsigned char>(code));
    if (u_isalpha(static_cast<UChar32>(code))) return true;
    auto it = overrides.find(code);
    return it != overrides.end() && it->second.size() == 1 &&
           ascii_letter(static_cast<unsigned char>(it->second[0]));
  }
  bool is_token_char(char32_t code) const {
    return is_letter(code) || (code >= '0' && code <= '9') || (code < 0x80 && context[code].to) ||
           (code >= 0x80 && u_getCombiningClass(static_cast<UChar32>(code)) != 0);
  }

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

// A word is a run of a-z between bytes that are neither letters, digits nor
// parts of a multi-byte character; only runs of listed lengths and first
// letters are packed and looked up, so clean text costs one table test a byte.
void Folder::Impl::fold_words(char* text, std::size_t size) const {
  if (!word_lengths) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text);
  const std::uint8_t* kind = word_class;
  std::size_t i = 0;
  for (;;) {
    while (i < size && !kind[bytes[i]]) ++i;
    if (i >= size) return;
    std::size_t start = i;
    unsigned kinds = 0;
    while (i < size && kind[bytes[i]]) kinds |= kind[bytes[i++]];
    std::size_t length = i - start;
    if (kinds != kLetter || length > 8 || !(word_lengths >> length & 1) ||
        !word_first[bytes[start]])
      continue;
    std::uint64_t key = 0;
    std::memcpy(&key, text + start, length);
    for (std::size_t s = slot_of(key); word_slots[s].key != 0; s = (s + 1) % kWordSlots) {
      if (word_slots[s].key != key) continue;
      std::memcpy(text + start, &word_slots[s].to, length);
      break;
    }
  }
}

char Folder::Impl::contextual_fold(std::string_view input, std::size_t i) const {
  unsigned char c = static_cast<unsigned char>(input[i]);
  const ContextRule& rule = context[c];
  bool applies = rule.initial ? initial_applies(input, i, rule) : in_word_applies(input, i);
  if (applies) return rule.to;
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

bool Folder::Impl::initial_applies(std::string_view input, std::size_t i,
                                   const ContextRule& rule) const {
  if (i > 0) {
    char32_t previous;
    decode_any(input, previous_start(input, i), previous);
    if (is_token_char(previous)) return false;
  }
  if (i + 1 >= input.size()) return false;
  char32_t next;
  decode_any(input, i + 1, next);
  std::string_view folded = next < 0x80 ? std::string_view() : folded_of(next);
  unsigned char first = next < 0x80      ? static_cast<unsigned char>(next | 0x20)
                        : folded.empty() ? 0x80
                                         : static_cast<unsigned char>(folded.front());
  return first < 0x80 && rule.before[first];
}

bool Folder::Impl::in_word_applies(std::string_view input, std::size_t i) const {
  // Most keys are digits, and most digits stand in numbers: decide those from
  // the two neighbours before looking at the whole token.
  auto may_join = [&](unsigned char b) {
    return b >= 0x80 || ascii_letter(b) || (b < 0x80 && context[b].to != 0);
  };
  bool left = i > 0 && may_join(static_cast<unsigned char>(input[i - 1]));
  bool right = i + 1 < input.size() && may_join(static_cast<unsigned char>(input[i + 1]));
  if (!left && !right) return false;
  // The token around i: code points that are letters or fold keys.
  std::size_t begin = i;
  while (begin > 0 && i - begin < kTokenReach) {
    std::size_t start = previous_start(input, begin);
    char32_t code;
    decode_any(input, start, code);
    if (!is_token_char(code)) break;
    begin = start;
  }
  TokenShape shape;
  shape.starts_with_key = true;
  bool first = true;
  for (std::size_t k = begin; k < input.size() && k < i + kTokenReach;) {
    char32_t code;
    std::size_t length = decode_any(input, k, code);
    if (!is_token_char(code)) break;
    bool key = code < 0x80 && context[code].to != 0 && !context[code].initial;
    if (is_letter(code)) {
      if (first) shape.starts_with_key = false;
      ++shape.letters;
      bool upper =
          code < 0x80 ? code <= 'Z' : u_isupper(static_cast<UChar32>(code)) != 0;  // "¢": lower
      ++(upper ? shape.upper : shape.lower);
    } else if (!key && (code < 0x80 || u_getCombiningClass(static_cast<UChar32>(code)) == 0)) {
      shape.other = true;  // another digit: "qh15", "5G"
    }
    first = false;
    k += length;
  }
  if (shape.other || shape.letters == 0) return false;
  // "TW1", "UBND2": an abbreviation carrying a footnote number.
  if (shape.letters >= 2 && shape.lower == 0) return false;
  // "6G", "1GB": a number before an upper-case unit.
  if (shape.starts_with_key && shape.lower == 0) return false;
  return true;
}

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
  const std::string context_file = grammar.directory() + "/fold/ocr_in_word.tsv";
  for (const auto& entry : grammar.entries("fold/ocr_in_word")) {
    unsigned char key = static_cast<unsigned char>(entry.key[0]);
    if (entry.key.size() != 1 || key >= 0x80 || key == 0 || key == ' ')
      throw GrammarError(context_file, entry.line, "key must be one ASCII character");
    if (impl_->ascii_override[key])
      throw GrammarError(context_file, entry.line,
                         "'" + entry.key + "' is folded in characters.tsv already");
    const std::string& value = entry.value;
    unsigned char to = value.empty() ? 0 : static_cast<unsigned char>(value[0]);
    if (value.size() < 3 || value[1] != ' ' || to < 'a' || to > 'z')
      throw GrammarError(context_file, entry.line,
                         "value must be a lower-case ASCII letter, a space and where "
                         "(in_word, or initial:LETTERS)");
    Impl::ContextRule& rule = impl_->context[key];
    rule.to = static_cast<char>(to);
    std::string_view where = std::string_view(value).substr(2);
    if (where == "in_word") {
      rule.initial = false;
    } else if (where.rfind("initial:", 0) == 0 && where.size() > 8) {
      rule.initial = true;
      for (char letter : where.substr(8)) {
        if (letter < 'a' || letter > 'z')
          throw GrammarError(
              context_file, entry.line,
              "initial: takes folded letters a-z, found '" + std::string(1, letter) + "'");
        rule.before[static_cast<unsigned char>(letter)] = true;
      }
    } else {
      throw GrammarError(
          context_file, entry.line,
          "where must be in_word or initial:LETTERS, found '" + std::string(where) + "'");
    }
  }
  const std::string words_file = grammar.directory() + "/fold/ocr_words.tsv";
  impl_->word_slots.resize(Impl::kWordSlots);
  for (char32_t letter :
       {0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0})
    impl_->mark_vietnamese(letter, letter);
  impl_->mark_vietnamese(0x1EA0, 0x1EF9);
  impl_->mark_vietnamese(0x300, 0x36F);
  for (int b = 0; b < 256; ++b)
    impl_->word_class[b] = b >= 'a' && b <= 'z'                  ? Impl::kLetter
                           : (b >= '0' && b <= '9') || b >= 0x80 ? Impl::kJoiner
                                                                 : 0;
  std::size_t word_count = 0;
  for (const auto& entry : grammar.entries("fold/ocr_words")) {
    auto plain = [](const std::string& word) {
      return !word.empty() && word.size() <= 8 &&
             std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    if (!plain(entry.key) || !plain(entry.value))
      throw GrammarError(words_file, entry.line, "words must be 1 to 8 folded letters a-z");
    if (entry.key.size() != entry.value.size())
      throw GrammarError(words_file, entry.line,
                         "'" + entry.key + "' and '" + entry.value +
                             "' differ in length: a word fold must keep the folded view's length");
    if (++word_count > Impl::kWordSlots / 2)
      throw GrammarError(words_file, entry.line,
                         "too many words (at most " + std::to_string(Impl::kWordSlots / 2) + ")");
    std::uint64_t key = 0, to = 0;
    std::memcpy(&key, entry.key.data(), entry.key.size());
    std::memcpy(&to, entry.value.data(), entry.value.size());
    impl_->add_word(key, to);
    impl_->word_lengths |= 1u << entry.key.size();
    impl_->word_first[static_cast<unsigned char>(entry.key[0])] = true;
  }
  for (int c = 0; c < 128; ++c)
    if (!impl_->ascii_override[c] && c != 0 && !impl_->context[c].to)
      impl_->ascii_fold[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  impl_->bmp_short.resize(0x10000);
}

Folder::~Folder() = default;

// Writes into a buffer sized for the input: folding Vietnamese only shortens text
// (ế is three bytes, e one); the rare longer fold grows the buffer. A cached
// fold of a BMP code point is copied as its whole 8-byte entry (the bytes past
// its length are overwritten or cut off), so the buffer keeps 8 bytes of room.
std::string Folder::fold_string(std::string_view input) const {
  return fold_string_with(input, nullptr);
}

std::string Folder::fold_string(std::string_view input, std::size_t& ocr_folds) const {
  return fold_string_with(input, &ocr_folds);
}

std::string Folder::fold_string_with(std::string_view input, std::size_t* ocr_folds) const {
  // Locals, not members: the byte stores below may alias any memory, so the
  // compiler would reload members through impl_ on every character.
  const char* const fold_table = impl_->ascii_fold;
  const Impl::Short* const shorts = impl_->bmp_short.data();
  const std::size_t n = input.size();
  std::string out(n, '\0');
  char* o = out.data();
  std::size_t w = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
  const std::uint64_t* const vietnamese_bits = impl_->vietnamese_bits;
  bool vietnamese = false;  // a letter only Vietnamese text has: no damaged text
  for (std::size_t i = 0; i < n;) {
    unsigned char c = bytes[i];
    if (char folded = fold_table[c]; folded || c == 0) {
      if (folded || !impl_->ascii_override[0]) {  // NUL folds to itself unless overridden
        o[w++] = folded;
        ++i;
        continue;
      }
    }
    if (c < 0x80 && impl_->context[c].to) {  // an OCR fold that depends on the token
      char mended = impl_->contextual_fold(input, i);
      if (ocr_folds && mended != static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c)) ++*ocr_folds;
      o[w++] = mended;
      ++i;
      continue;
    }
    char32_t code;
    std::size_t length = c < 0x80 ? (code = c, 1) : decode(input, i, code);
    i += length;
    if (code < 0x10000) {
      vietnamese |= (vietnamese_bits[code >> 6] >> (code & 63)) & 1;
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
  if (!vietnamese) impl_->fold_words(out.data(), out.size());
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
  bool vietnamese = false;  // as in fold_string
  for (std::size_t i = 0; i < n;) {
    unsigned char c = bytes[i];
    if (char folded = fold_table[c];
        folded || (c == 0 && !impl_->ascii_override[0])) {  // ASCII: through the table
      o[w] = folded;
      origin[w++] = static_cast<std::uint32_t>(i);
      ++i;
      continue;
    }
    if (c < 0x80 && impl_->context[c].to) {  // an OCR fold that depends on the token
      o[w] = impl_->contextual_fold(input, i);
      origin[w++] = static_cast<std::uint32_t>(i);
      ++i;
      continue;
    }
    char32_t code;
    std::size_t length = c < 0x80 ? (code = c, 1) : decode(input, i, code);
    std::string_view folded;
    const Impl::Short* entry = code < 0x10000 ? &shorts[code] : nullptr;
    if (entry) vietnamese |= (impl_->vietnamese_bits[code >> 6] >> (code & 63)) & 1;
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
  if (!vietnamese) impl_->fold_words(out.text.data(), out.text.size());
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
    // (A contextual OCR fold, ocr_in_word.tsv, is one byte for one as well.)
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

std::size_t Folder::count_ocr_folds(std::string_view input) const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < input.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c >= 0x80 || !impl_->context[c].to) continue;
    char plain = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (impl_->contextual_fold(input, i) != plain) ++count;
  }
  return count;
}

}  // namespace vnplan
