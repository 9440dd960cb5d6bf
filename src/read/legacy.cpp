// Legacy Vietnamese encodings: byte tables from grammars/encodings/, the
// evidence that tells them apart, decoding (with TCVN3's lost capitals put
// back from context) and encoding for test fixtures.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "vnplan/encoding.hpp"
#include "vnplan/grammar.hpp"
#include "vnplan/text.hpp"

namespace vnplan {

namespace {

// At most this many words with 8-bit letters are weighed: enough to tell the
// encodings apart, and detection stays cheap on a large file.
constexpr std::size_t kMaxEvidenceWords = 4000;
// Detection stops early once the text plainly reads as it is.
constexpr std::size_t kEarlyStopWords = 300;
// Conversion needs this many words, this share of them becoming syllables,
// this gain over the text as read, and this lead over the next encoding.
constexpr std::size_t kMinWords = 8;
constexpr double kMinShare = 0.7;
constexpr double kMinGain = 0.25;
constexpr double kMinLead = 0.15;

struct RawEntry {
  std::string key;
  std::string value;
  std::size_t line = 0;
};

// KEY<TAB>VALUE[<TAB># comment], '#' lines are comments.
std::vector<RawEntry> read_entries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GrammarError(path, 0, "legacy encoding file is missing");
  std::vector<RawEntry> entries;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) throw GrammarError(path, number, "expected KEY<TAB>VALUE");
    std::size_t end = line.find('\t', tab + 1);
    RawEntry entry{line.substr(0, tab), line.substr(tab + 1, end - tab - 1), number};
    if (entry.key.empty() || entry.value.empty())
      throw GrammarError(path, number, "empty key or value");
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Decodes UTF-8 into code points; false when it is not valid UTF-8.
bool code_points(std::string_view text, std::vector<char32_t>& out) {
  out.clear();
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) return false;
    out.push_back(static_cast<char32_t>(c));
  }
  return true;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFC normaliser");
  return *normalizer;
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool is_ascii_letter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Windows-1252 both ways, from ICU; the five bytes it leaves undefined and the
// C1 controls (what a Latin-1 reader makes of 80-9F) read as U+0080-U+009F.
struct Windows1252 {
  std::array<char32_t, 256> to_unicode{};
  std::unordered_map<char32_t, unsigned char> to_byte;

  Windows1252() {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("windows-1252", &status);
    for (int b = 0; b < 256; ++b) {
      char32_t code = static_cast<char32_t>(b);
      if (converter && b >= 0x80) {
        char byte = static_cast<char>(b);
        const char* source = &byte;
        UErrorCode s = U_ZERO_ERROR;
        UChar32 c = ucnv_getNextUChar(converter, &source, source + 1, &s);
        if (U_SUCCESS(s) && c != 0xFFFD && c != 0x1A) code = static_cast<char32_t>(c);
        ucnv_reset(converter);
      }
      to_unicode[b] = code;
      to_byte[code] = static_cast<unsigned char>(b);
      if (b >= 0x80 && b < 0xA0) to_byte.emplace(static_cast<char32_t>(b), b);
    }
    if (converter) ucnv_close(converter);
  }
};

const Windows1252& windows1252() {
  static const Windows1252 table;
  return table;
}

struct Encoding {
  std::string name;
  std::string file;                    // the table file, for messages
  bool case_from_context = false;      // TCVN3: capitals written with lower-case bytes
  bool from_table = false;             // false: ICU's converter filled `single`
  std::array<char32_t, 256> single{};  // byte → character (Windows-1252 unless listed)
  // first byte → (second byte, character): VNI's base letter + mark
  std::array<std::vector<std::pair<unsigned char, char32_t>>, 256> pairs;
  std::unordered_map<char32_t, std::string> reverse;  // character → bytes (listed entries)
  // Lower-case letters without a capital byte, by code point (all below U+1F00).
  std::vector<bool> caseless = std::vector<bool>(0x1F00, false);
  bool is_caseless(char32_t c) const { return c < caseless.size() && caseless[c]; }

  // Decodes `bytes` (pre-NFC: Windows-1258 gives combining tone marks).
  void decode_into(std::string_view bytes, std::string& out) const {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      auto b = static_cast<unsigned char>(bytes[i]);
      if (i + 1 < bytes.size() && !pairs[b].empty()) {
        auto next = static_cast<unsigned char>(bytes[i + 1]);
        auto hit = std::find_if(pairs[b].begin(), pairs[b].end(),
                                [&](const auto& pair) { return pair.first == next; });
        if (hit != pairs[b].end()) {
          utf8_append(out, hit->second);
          ++i;
          continue;
        }
      }
      utf8_append(out, single[b]);
    }
  }
};

std::uint8_t parse_hex_byte(const std::string& text, const std::string& path, std::size_t line) {
  if (text.size() != 2 || !std::isxdigit(static_cast<unsigned char>(text[0])) ||
      !std::isxdigit(static_cast<unsigned char>(text[1])))
    throw GrammarError(path, line, "'" + text + "' is not a byte in hex (e.g. B5)");
  return static_cast<std::uint8_t>(std::stoul(text, nullptr, 16));
}

void load_table(Encoding& encoding, const std::string& path) {
  encoding.single = windows1252().to_unicode;
  encoding.from_table = true;
  std::vector<char32_t> value;
  std::unordered_set<std::string> seen;
  for (const RawEntry& entry : read_entries(path)) {
    std::istringstream hex(entry.key);
    std::vector<std::uint8_t> bytes;
    for (std::string part; hex >> part;) bytes.push_back(parse_hex_byte(part, path, entry.line));
    if (bytes.empty() || bytes.size() > 2)
      throw GrammarError(path, entry.line, "a key is one or two bytes in hex");
    for (std::uint8_t b : bytes)
      if (b == '\n' || b == '\r')
        throw GrammarError(path, entry.line, "line breaks must keep their meaning");
    if (!seen.insert(entry.key).second)
      throw GrammarError(path, entry.line, "bytes " + entry.key + " are listed twice");
    if (!code_points(entry.value, value) || value.size() != 1 || to_nfc(entry.value) != entry.value)
      throw GrammarError(path, entry.line, "the value must be one character, in NFC");
    char32_t code = value[0];
    if (bytes.size() == 1)
      encoding.single[bytes[0]] = code;
    else
      encoding.pairs[bytes[0]].emplace_back(bytes[1], code);
    std::string written(bytes.begin(), bytes.end());
    auto [it, fresh] = encoding.reverse.emplace(code, written);
    if (!fresh && written.size() < it->second.size()) it->second = written;
  }
  if (encoding.reverse.empty()) throw GrammarError(path, 0, "the table lists no character");
  for (const auto& [code, bytes] : encoding.reverse) {
    (void)bytes;
    auto upper = static_cast<char32_t>(u_toupper(static_cast<UChar32>(code)));
    if (u_islower(static_cast<UChar32>(code)) && upper != code && !encoding.reverse.count(upper)) {
      if (code >= encoding.caseless.size())
        throw GrammarError(path, 0, "a letter beyond U+1EFF has no capital byte");
      encoding.caseless[code] = true;
    }
  }
}

void load_icu(Encoding& encoding, const std::string& converter_name, const std::string& path,
              std::size_t line) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(converter_name.c_str(), &status);
  if (U_FAILURE(status) || !converter)
    throw GrammarError(path, line, "ICU has no converter named '" + converter_name + "'");
  bool single_byte = ucnv_getMaxCharSize(converter) == 1 && ucnv_getMinCharSize(converter) == 1;
  for (int b = 0; b < 256 && single_byte; ++b) {
    char byte = static_cast<char>(b);
    const char* source = &byte;
    UErrorCode s = U_ZERO_ERROR;
    UChar32 c = ucnv_getNextUChar(converter, &source, source + 1, &s);
    // A byte the converter leaves undefined keeps its Latin-1 meaning, as with Windows-1252.
    encoding.single[b] = U_SUCCESS(s) && c >= 0 && c != 0xFFFD && c != 0x1A
                             ? static_cast<char32_t>(c)
                             : static_cast<char32_t>(b);
    ucnv_reset(converter);
  }
  ucnv_close(converter);
  if (!single_byte)
    throw GrammarError(path, line, "'" + converter_name + "' is not a single-byte encoding");
}

}  // namespace

struct LegacyEncodings::Impl {
  std::vector<Encoding> encodings;
  std::unordered_set<std::string> onsets, rhymes;
  std::vector<std::string> stops;
  std::vector<std::u32string> capitalised;  // capitals.tsv, first letter in lower case

  const Encoding& find(std::string_view name) const {
    for (const auto& encoding : encodings)
      if (encoding.name == name) return encoding;
    throw std::invalid_argument("no legacy encoding named '" + std::string(name) + "'");
  }

  void load_syllables(const std::string& path) {
    for (const RawEntry& entry : read_entries(path)) {
      if (entry.key == "onset")
        onsets.insert(entry.value);
      else if (entry.key == "rhyme")
        rhymes.insert(entry.value);
      else if (entry.key == "stop")
        stops.push_back(entry.value);
      else
        throw GrammarError(path, entry.line, "key must be onset, rhyme or stop");
      if (to_nfc(entry.value) != entry.value)
        throw GrammarError(path, entry.line, "write it in NFC");
    }
    if (rhymes.empty()) throw GrammarError(path, 0, "no rhyme listed");
  }

  void load_capitals(const std::string& path) {
    for (const RawEntry& entry : read_entries(path)) {
      if (entry.key != "name") throw GrammarError(path, entry.line, "key must be name");
      if (to_nfc(entry.value) != entry.value)
        throw GrammarError(path, entry.line, "write it in NFC");
      std::vector<char32_t> codes;
      if (!code_points(entry.value, codes) || codes.empty() ||
          !u_isupper(static_cast<UChar32>(codes[0])))
        throw GrammarError(path, entry.line, "a name starts with a capital letter");
      codes[0] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(codes[0])));
      capitalised.emplace_back(codes.begin(), codes.end());
    }
  }

  bool is_syllable(std::string_view word) const;
  std::string decode(const Encoding& encoding, std::string_view bytes, bool look_alike) const;
};

namespace {

enum Tone { none = 0, grave, acute, hook, tilde, dot };

Tone tone_of(UChar32 mark) {
  switch (mark) {
    case 0x0300:
      return grave;
    case 0x0301:
      return acute;
    case 0x0309:
      return hook;
    case 0x0303:
      return tilde;
    case 0x0323:
      return dot;
    default:
      return none;
  }
}

}  // namespace

namespace {

// A letter of Vietnamese, any case: its lower-case letter without the tone
// (a ă â e ê i o ô ơ u ư y đ, or another ASCII consonant) and its tone.
struct Letter {
  char32_t base = 0;
  Tone tone = none;
};

// Built once from ICU's decompositions, so a word is checked without ICU.
const std::unordered_map<char32_t, Letter>& vietnamese_letters() {
  static const std::unordered_map<char32_t, Letter> letters = [] {
    std::unordered_map<char32_t, Letter> table;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return table;
    auto add = [&](UChar32 code) {
      icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(u_tolower(code)), status);
      if (U_FAILURE(status)) return;
      icu::UnicodeString kept;
      Tone tone = none;
      for (std::int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        UChar32 c = decomposed.char32At(i);
        if (Tone t = tone_of(c); t != none)
          tone = t;
        else
          kept.append(c);
      }
      icu::UnicodeString base = nfc().normalize(kept, status);
      if (U_FAILURE(status) || base.countChar32() != 1) return;
      UChar32 b = base.char32At(0);
      bool vietnamese = (b >= 'a' && b <= 'z') || b == 0x0103 || b == 0x00E2 || b == 0x00EA ||
                        b == 0x00F4 || b == 0x01A1 || b == 0x01B0 || b == 0x0111;
      if (vietnamese) table[static_cast<char32_t>(code)] = {static_cast<char32_t>(b), tone};
    };
    for (UChar32 c = 'A'; c <= 'z'; ++c)
      if (u_isalpha(c)) add(c);
    for (UChar32 c = 0x00C0; c <= 0x01B0; ++c) add(c);
    for (UChar32 c = 0x1EA0; c <= 0x1EF9; ++c) add(c);
    return table;
  }();
  return letters;
}

}  // namespace

// Letters (punctuation around them is skipped), each split into its toneless
// letter and tone (a combining tone mark, as Windows-1258 writes it, counts);
// then onset + rhyme from syllables.tsv and the stop rule. Decomposed
// (NFD) words must be composed first.
bool LegacyEncodings::Impl::is_syllable(std::string_view word) const {
  if (word.empty() || word.size() > 48) return false;
  const auto& letters = vietnamese_letters();
  std::string base;
  Tone tone = none;
  bool started = false, ended = false;
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0) return false;
    if (Tone t = tone_of(c); t != none) {
      if (!started || ended || tone != none) return false;
      tone = t;
      continue;
    }
    auto hit = letters.find(static_cast<char32_t>(c));
    if (hit == letters.end()) {
      if (u_isalpha(c) || u_getCombiningClass(c) != 0) return false;  // a letter of no syllable
      ended = started;
      continue;
    }
    if (ended) return false;
    started = true;
    if (hit->second.tone != none) {
      if (tone != none) return false;  // two tones
      tone = hit->second.tone;
    }
    utf8_append(base, hit->second.base);
  }
  if (base.empty()) return false;
  for (std::size_t split = 0; split <= std::min<std::size_t>(base.size(), 4); ++split) {
    if (split && !onsets.count(base.substr(0, split))) continue;
    std::string rhyme = base.substr(split);
    if (!rhymes.count(rhyme)) continue;
    bool stop = std::any_of(stops.begin(), stops.end(), [&](const std::string& s) {
      return rhyme.size() >= s.size() && rhyme.compare(rhyme.size() - s.size(), s.size(), s) == 0;
    });
    if (!stop || tone == acute || tone == dot) return true;
  }
  return false;
}

namespace {

// TCVN3's capitals: the upper-case fonts drew the lower-case bytes of accented
// vowels as capitals, so "KÕ HO¹CH" decodes to "Kế HOạCH". Each word takes the
// case its other letters show; a word that shows none (or only an initial
// capital) takes the case of the words around it on its line when they are
// capitals and the line is mostly capitals; a sentence's first word gets its
// capital back, and so does a name that official writing always capitalises
// (encodings/capitals.tsv: "Ủy ban").
class CaseRestorer {
 public:
  CaseRestorer(const Encoding& encoding, const std::vector<std::u32string>& capitalised)
      : encoding_(encoding), capitalised_(capitalised) {}

  std::string run(const std::string& text) const {
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    std::size_t wrap_width = typical_width(text);
    bool after_sentence = true;  // the line before ended one, or there was none
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view this_line = std::string_view(text).substr(start, end - start);
      out += line(this_line, after_sentence);
      after_sentence = ends_sentence(this_line, wrap_width);
      if (end == text.size()) break;
      out += '\n';
      start = end + 1;
    }
    return out;
  }

 private:
  enum class Shown { upper, lower, initial, none };
  struct Word {
    std::size_t begin = 0, end = 0;  // indexes into the line's code points
    Shown shown = Shown::none;
    bool has_caseless = false;
  };

  // The width most long lines of the text run to (bytes): where a wrapped
  // paragraph's lines break.
  static std::size_t typical_width(const std::string& text) {
    std::vector<std::size_t> widths;
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = std::min(text.find('\n', start), text.size());
      if (end > start) widths.push_back(end - start);
      start = end + 1;
    }
    if (widths.empty()) return 0;
    auto at = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 9 / 10);
    std::nth_element(widths.begin(), at, widths.end());
    return *at;
  }

  // A line after which the next one opens a sentence: a blank one, one ending
  // with a full stop, colon, semicolon or the like, and a short one (a
  // heading: "I. MỤC ĐÍCH"). A line that runs to the wrap width without
  // such a mark wraps on ("… Đảng" / "ủy Văn phòng …").
  static bool ends_sentence(std::string_view line, std::size_t wrap_width) {
    constexpr double kShortShare = 0.6;
    std::size_t end = line.find_last_not_of(" \t\r");
    if (end == std::string_view::npos) return true;
    if (static_cast<double>(end + 1) < kShortShare * static_cast<double>(wrap_width)) return true;
    return std::string_view(".!?:;").find(line[end]) != std::string_view::npos;
  }

  std::string line(std::string_view text, bool after_sentence) const {
    std::vector<char32_t> codes;
    if (!code_points(text, codes)) return std::string(text);
    std::vector<Word> words = split(codes);
    std::size_t upper_words = 0, lower_words = 0;
    for (const Word& w : words) {
      upper_words += w.shown == Shown::upper;
      lower_words += w.shown == Shown::lower;
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
      const Word& w = words[k];
      if (!w.has_caseless) continue;
      bool capitals = w.shown == Shown::upper;
      if (w.shown == Shown::initial || w.shown == Shown::none)
        capitals = upper_words > lower_words && neighbours_are_capitals(words, k);
      if (capitals) {
        for (std::size_t i = w.begin; i < w.end; ++i)
          if (caseless(codes[i])) codes[i] = u_toupper(static_cast<UChar32>(codes[i]));
      } else if (caseless(codes[w.begin]) &&
                 (starts_sentence(codes, w.begin, after_sentence) || begins_name(codes, w.begin))) {
        codes[w.begin] = u_toupper(static_cast<UChar32>(codes[w.begin]));
      }
    }
    std::string out;
    for (char32_t c : codes) utf8_append(out, c);
    return out;
  }

  std::vector<Word> split(const std::vector<char32_t>& codes) const {
    std::vector<Word> words;
    for (std::size_t i = 0; i < codes.size();) {
      if (!is_letter(codes[i])) {
        ++i;
        continue;
      }
      Word w;
      w.begin = i;
      std::size_t upper = 0, lower = 0;
      for (; i < codes.size() && is_letter(codes[i]); ++i) {
        if (caseless(codes[i]))
          w.has_caseless = true;
        else if (u_isupper(static_cast<UChar32>(codes[i])))
          ++upper;
        else if (u_islower(static_cast<UChar32>(codes[i])))
          ++lower;
      }
      w.end = i;
      w.shown = lower        ? Shown::lower
                : upper >= 2 ? Shown::upper
                : upper == 1 ? Shown::initial
                             : Shown::none;
      words.push_back(w);
    }
    return words;
  }

  // The nearest word on each side that shows its case: at least one, all capitals.
  static bool neighbours_are_capitals(const std::vector<Word>& words, std::size_t k) {
    auto shows = [](const Word& w) { return w.shown == Shown::upper || w.shown == Shown::lower; };
    int seen = 0;
    for (std::size_t j = k; j-- > 0;)
      if (shows(words[j])) {
        if (words[j].shown == Shown::lower) return false;
        ++seen;
        break;
      }
    for (std::size_t j = k + 1; j < words.size(); ++j)
      if (shows(words[j])) {
        if (words[j].shown == Shown::lower) return false;
        ++seen;
        break;
      }
    return seen > 0;
  }

  // First word of its line when the line before ended a sentence
  // (`after_sentence`), first word after a list marker at a line's start
  // ("-", "a)", "1.2."), first word of a table cell, after a full stop, question or exclamation
  // mark, or a colon (labels: "Cơ quan chủ trì: Ủy ban ..." is how the plans write it), or after a
  // number in brackets inside a line ("(5) Ứng dụng …").
  static bool starts_sentence(const std::vector<char32_t>& codes, std::size_t at,
                              bool after_sentence) {
    std::size_t i = at;
    while (i > 0 && (codes[i - 1] == ' ' || codes[i - 1] == '\t')) --i;
    if (i == 0) return after_sentence;
    char32_t before = codes[i - 1];
    if (before == '.' || before == '!' || before == '?' || before == ':') return true;
    if (before == '|') return true;  // a markdown table's cell
    // An enumeration inside a line: "gồm: (1) Định danh …; (5) Ứng dụng …"
    if (before == ')') {
      std::size_t open = i - 1;
      while (open > 0 && open + 4 > i && codes[open - 1] != '(') --open;
      if (open > 0 && codes[open - 1] == '(' && open < i - 1 &&
          std::all_of(codes.begin() + static_cast<std::ptrdiff_t>(open),
                      codes.begin() + static_cast<std::ptrdiff_t>(i - 1),
                      [](char32_t c) { return c >= '0' && c <= '9'; }))
        return true;
    }
    // A marker alone before the word: one short token from the line's start.
    std::size_t token_start = i;
    while (token_start > 0 && codes[token_start - 1] != ' ' && codes[token_start - 1] != '\t')
      --token_start;
    for (std::size_t j = 0; j < token_start; ++j)
      if (codes[j] != ' ' && codes[j] != '\t') return false;
    return i - token_start <= 6 && !is_letter(before);
  }

  // Whether the words from `at` are one of capitals.tsv's names: its first
  // letter in lower case, the rest as written there ("Đảng ủy Ban Quản lý" is
  // no "Ủy ban").
  bool begins_name(const std::vector<char32_t>& codes, std::size_t at) const {
    for (const std::u32string& name : capitalised_) {
      if (codes.size() - at < name.size()) continue;
      std::size_t i = 0;
      while (i < name.size() && codes[at + i] == name[i]) ++i;
      if (i == name.size() && (at + i == codes.size() || !is_letter(codes[at + i]))) return true;
    }
    return false;
  }

  bool caseless(char32_t c) const { return encoding_.is_caseless(c); }
  const Encoding& encoding_;
  const std::vector<std::u32string>& capitalised_;
};

}  // namespace

std::string LegacyEncodings::Impl::decode(const Encoding& encoding, std::string_view bytes,
                                          bool look_alike) const {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  if (!look_alike) {
    encoding.decode_into(bytes, out);
  } else {
    // Back to the bytes the Windows-1252 reading came from; a character that
    // has no such byte was never a legacy byte and stays as it is.
    const auto& to_byte = windows1252().to_byte;
    std::string run;
    for (std::int32_t i = 0, n = static_cast<std::int32_t>(bytes.size()); i < n;) {
      std::int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes.data(), i, n, c);
      auto hit = c >= 0 ? to_byte.find(static_cast<char32_t>(c)) : to_byte.end();
      if (hit != to_byte.end()) {
        run += static_cast<char>(hit->second);
        continue;
      }
      encoding.decode_into(run, out);
      run.clear();
      out.append(bytes.substr(start, i - start));
    }
    encoding.decode_into(run, out);
  }
  out = to_nfc(out);
  if (encoding.case_from_context) out = CaseRestorer(encoding, capitalised).run(out);
  return out;
}

LegacyEncodings::LegacyEncodings() : impl_(std::make_unique<Impl>()) {}
LegacyEncodings::~LegacyEncodings() = default;

std::shared_ptr<const LegacyEncodings> LegacyEncodings::load(const std::string& grammar_directory) {
  std::shared_ptr<LegacyEncodings> loaded(new LegacyEncodings());
  Impl& impl = *loaded->impl_;
  std::string dir = grammar_directory + "/encodings/";
  impl.load_syllables(dir + "syllables.tsv");
  impl.load_capitals(dir + "capitals.tsv");
  std::string list = dir + "encodings.tsv";
  for (const RawEntry& entry : read_entries(list)) {
    Encoding encoding;
    encoding.name = entry.key;
    std::istringstream words(entry.value);
    std::string how, what, option;
    words >> how >> what;
    if (how == "table") {
      encoding.file = dir + what + ".tsv";
      load_table(encoding, encoding.file);
    } else if (how == "icu") {
      encoding.file = list;
      load_icu(encoding, what, list, entry.line);
    } else {
      throw GrammarError(list, entry.line, "expected 'table FILE' or 'icu NAME'");
    }
    while (words >> option) {
      if (option != "case-from-context")
        throw GrammarError(list, entry.line, "unknown option '" + option + "'");
      encoding.case_from_context = true;
    }
    for (const auto& other : impl.encodings)
      if (other.name == encoding.name)
        throw GrammarError(list, entry.line, "encoding '" + encoding.name + "' listed twice");
    impl.encodings.push_back(std::move(encoding));
  }
  if (impl.encodings.empty()) throw GrammarError(list, 0, "no encoding listed");
  return loaded;
}

std::shared_ptr<const LegacyEncodings> LegacyEncodings::standard() {
  static std::once_flag once;
  static std::shared_ptr<const LegacyEncodings> loaded;
  std::call_once(once, [] { loaded = load(Grammar::default_directory()); });
  return loaded;
}

std::vector<std::string> LegacyEncodings::names() const {
  std::vector<std::string> names;
  for (const auto& encoding : impl_->encodings) names.push_back(encoding.name);
  return names;
}

bool LegacyEncodings::is_syllable(std::string_view word) const { return impl_->is_syllable(word); }

std::string LegacyEncodings::decode(std::string_view encoding, std::string_view bytes,
                                    bool look_alike) const {
  return impl_->decode(impl_->find(encoding), bytes, look_alike);
}

std::string LegacyEncodings::encode(std::string_view name, std::string_view utf8) const {
  const Encoding& encoding = impl_->find(name);
  if (!encoding.from_table)
    throw std::invalid_argument("'" + encoding.name + "' is ICU's; only table encodings encode");
  std::vector<char32_t> codes;
  if (!code_points(to_nfc(std::string(utf8)), codes))
    throw std::runtime_error("encode: the text is not valid UTF-8");
  const auto& fallback = windows1252().to_byte;
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    char32_t c = codes[i];
    if (auto hit = encoding.reverse.find(c); hit != encoding.reverse.end()) {
      out += hit->second;
      continue;
    }
    auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (auto hit = encoding.reverse.find(lower); hit != encoding.reverse.end() && lower != c) {
      out += hit->second;  // the upper-case font's way: the lower-case byte
      continue;
    }
    auto byte = fallback.find(c);
    // A Windows-1252 byte is safe only where the table does not give it another meaning.
    if (byte != fallback.end() && encoding.single[byte->second] == c) {
      out += static_cast<char>(byte->second);
      continue;
    }
    char position[64];
    std::snprintf(position, sizeof position, "U+%04X (character %zu)", static_cast<unsigned>(c),
                  i + 1);
    throw std::runtime_error("encode: " + encoding.name + " cannot write " + position);
  }
  return out;
}

namespace {

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", share * 100);
  return text;
}

}  // namespace

std::string EncodingGuess::evidence() const {
  std::ostringstream out;
  if (!encoding.empty()) {
    const EncodingScore& best = scores.front();
    out << best.syllables << " of " << best.words << " words with 8-bit letters ("
        << percent(best.share()) << ") are Vietnamese syllables as " << encoding << ", "
        << as_read.syllables << " (" << percent(as_read.share()) << ") as read";
    if (scores.size() > 1)
      out << ", " << scores[1].syllables << " (" << percent(scores[1].share()) << ") as "
          << scores[1].encoding;
  } else {
    out << "of " << as_read.words << " words with 8-bit letters, " << as_read.syllables << " ("
        << percent(as_read.share()) << ") are Vietnamese syllables as read";
    for (const auto& score : scores)
      out << ", " << score.syllables << " (" << percent(score.share()) << ") as " << score.encoding;
  }
  return out.str();
}

EncodingGuess LegacyEncodings::detect(std::string_view bytes, bool valid_utf8) const {
  const Impl& impl = *impl_;
  EncodingGuess guess;
  guess.look_alike = valid_utf8;
  guess.as_read.encoding = "as read";
  for (const auto& encoding : impl.encodings) guess.scores.push_back({encoding.name, 0, 0});
  const auto& cp1252 = windows1252();

  // Words: runs of ASCII letters and 8-bit bytes (raw) or non-ASCII characters
  // (look-alike); ASCII punctuation, digits and spaces mean the same in every
  // encoding. Only words holding something 8-bit are evidence.
  std::string word_bytes;  // the word as the legacy bytes (look-alike: reversed)
  std::string as_read;     // the word as it reads now
  bool eight_bit = false, foreign = false;
  std::string decoded;
  // NFC only for a word holding a combining mark (U+0300..U+036F): rare, and
  // the syllable check reads combining tone marks itself.
  auto composed = [](const std::string& text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
      if (text[i] == '\xCC' || text[i] == '\xCD') return to_nfc(text);
    return text;
  };
  auto weigh = [&]() {
    if (eight_bit) {
      ++guess.as_read.words;
      guess.as_read.syllables += impl.is_syllable(composed(as_read));
      for (std::size_t k = 0; k < impl.encodings.size(); ++k) {
        ++guess.scores[k].words;
        if (foreign) continue;  // a character no legacy byte reads as
        decoded.clear();
        impl.encodings[k].decode_into(word_bytes, decoded);
        guess.scores[k].syllables += impl.is_syllable(composed(decoded));
      }
    }
    word_bytes.clear();
    as_read.clear();
    eight_bit = foreign = false;
  };
  // Enough words once one reading is plainly right: the text as it is, or
  // one encoding far ahead of the text as read and of every other encoding.
  auto plainly_decided = [&]() {
    if (guess.as_read.words < kEarlyStopWords) return false;
    std::vector<double> shares;
    for (const auto& score : guess.scores) shares.push_back(score.share());
    std::sort(shares.rbegin(), shares.rend());
    double read = guess.as_read.share();
    if (read >= 0.85 && shares[0] < read - 0.5) return true;
    return shares[0] >= 0.9 && read < shares[0] - 0.5 &&
           (shares.size() < 2 || shares[1] < shares[0] - 0.3);
  };

  for (std::int32_t i = 0, n = static_cast<std::int32_t>(bytes.size()); i < n;) {
    if (guess.as_read.words >= kMaxEvidenceWords) break;
    auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80 && !is_ascii_letter(b)) {
      bool had = eight_bit;
      weigh();
      ++i;
      if (had && guess.as_read.words % 50 == 0 && plainly_decided()) break;
      continue;
    }
    if (b < 0x80 || !valid_utf8) {
      word_bytes += static_cast<char>(b);
      utf8_append(as_read, cp1252.to_unicode[b]);
      eight_bit |= b >= 0x80;
      ++i;
      continue;
    }
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    as_read.append(bytes.substr(start, i - start));
    eight_bit = true;
    auto hit = c >= 0 ? cp1252.to_byte.find(static_cast<char32_t>(c)) : cp1252.to_byte.end();
    if (hit == cp1252.to_byte.end())
      foreign = true;
    else
      word_bytes += static_cast<char>(hit->second);
  }
  weigh();

  std::stable_sort(
      guess.scores.begin(), guess.scores.end(),
      [](const EncodingScore& a, const EncodingScore& b) { return a.syllables > b.syllables; });
  const EncodingScore& best = guess.scores.front();
  double second = guess.scores.size() > 1 ? guess.scores[1].share() : 0.0;
  double floor = std::max(0.5, guess.as_read.share() + kMinGain);
  for (const auto& score : guess.scores)
    if (score.syllables >= 2 && score.share() >= floor) guess.candidates.push_back(score.encoding);
  if (best.words >= kMinWords && best.share() >= kMinShare &&
      best.share() >= guess.as_read.share() + kMinGain && best.share() >= second + kMinLead) {
    guess.encoding = best.encoding;
    guess.candidates = {best.encoding};
  }
  return guess;
}

}  // namespace vnplan
