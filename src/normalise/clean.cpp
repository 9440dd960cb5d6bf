// Line cleaning: everything that changes characters inside one line.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "internal.hpp"

namespace vnplan::internal {

// Code points in UTF-8 text: bytes other than continuation bytes (10xxxxxx),
// counted eight at a time.
std::size_t code_points(std::string_view text) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  std::size_t n = 0, i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    std::uint64_t continuation = x & ~(x << 1) & kHigh;
    n += 8 - static_cast<std::size_t>(((continuation >> 7) * kOnes) >> 56);
  }
  for (; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

LineCleaner::LineCleaner(const Grammar& grammar) {
  for (const auto& entry : grammar.patterns("normalise/rewrite.re")) {
    if (entry.key == "decorated_line") {
      decorated_ = entry.pattern;
      continue;
    }
    rules_.push_back({entry.key, entry.pattern});
  }
  for (const auto& entry : grammar.entries("normalise/latex"))
    latex_.push_back({entry.key, entry.value});
  std::stable_sort(latex_.begin(), latex_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw GrammarError("ICU", 0, "no NFC normaliser");
  UParseError parse_error;
  icu::UnicodeString rules = icu::UnicodeString::fromUTF8(grammar.text("normalise/tone_placement"));
  tone_.reset(icu::Transliterator::createFromRules("vnplan-tone", rules, UTRANS_FORWARD,
                                                   parse_error, status));
  if (U_FAILURE(status) || !tone_)
    throw GrammarError(grammar.directory() + "/normalise/tone_placement.rules",
                       static_cast<std::size_t>(parse_error.line),
                       std::string("ICU rules do not compile: ") + u_errorName(status) +
                           " at offset " + std::to_string(parse_error.offset));
  toned_vowel_.assign(0x2000, false);
  for (UChar32 code = 0xC0; code < 0x2000; ++code) {
    UErrorCode s = U_ZERO_ERROR;
    icu::UnicodeString d =
        icu::Normalizer2::getNFDInstance(s)->normalize(icu::UnicodeString(code), s);
    if (U_FAILURE(s) || d.length() != 2) continue;
    char16_t base = static_cast<char16_t>(u_tolower(d.charAt(0)));
    bool tone = d.charAt(1) >= 0x300 && d.charAt(1) <= 0x323;
    if (tone && (base == u'a' || base == u'e' || base == u'y')) toned_vowel_[code] = true;
  }
}

// A trigger at i is a combining mark's lead byte at i, or o/u before a lead
// byte at i + 1: either way a byte >= 0xC0 at i or i + 1, so only the places
// around such bytes are examined, in order.
std::size_t LineCleaner::first_trigger(std::string_view word, std::size_t from) const {
  auto triggers = [&](std::size_t i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xCC || c == 0xCD) return true;  // a combining mark (U+0300..U+036F): not NFC
    bool o_or_u = c == 'o' || c == 'O' || c == 'u' || c == 'U';
    if (!o_or_u || i + 1 >= word.size() || static_cast<unsigned char>(word[i + 1]) < 0xC0)
      return false;
    char32_t code;
    std::size_t length = utf8_decode(word, i + 1, code);
    if (code >= toned_vowel_.size() || !toned_vowel_[code]) return false;
    // The rules move a tone only where the syllable ends ("hoà", not "hoạch").
    std::size_t after = i + 1 + length;
    if (after >= word.size()) return true;
    unsigned char next = static_cast<unsigned char>(word[after]);
    return next < 0x80 && !std::isalpha(next);
  };
  for (std::size_t j = from; j < word.size(); ++j) {
    if (static_cast<unsigned char>(word[j]) < 0xC0) continue;
    if (j > from && triggers(j - 1)) return j - 1;
    if (triggers(j)) return j;
  }
  return std::string_view::npos;
}

LineCleaner::~LineCleaner() = default;

std::string LineCleaner::convert_latex(const std::string& given) const {
  // OCR drops the backslash of a span's first command ("$geq 60%$").
  std::string math = given;
  if (!math.empty() && std::isalpha(static_cast<unsigned char>(math[0]))) {
    std::size_t name_end = 0;
    while (name_end < math.size() && std::isalpha(static_cast<unsigned char>(math[name_end])))
      ++name_end;
    std::string command = "\\" + math.substr(0, name_end);
    if (std::any_of(latex_.begin(), latex_.end(),
                    [&](const auto& entry) { return entry.first == command; }))
      math.insert(0, 1, '\\');
  }
  std::string out;
  for (std::size_t i = 0; i < math.size();) {
    bool replaced = false;
    if (math[i] == '\\') {
      for (const auto& [command, replacement] : latex_) {
        if (math.compare(i, command.size(), command) != 0) continue;
        // A command name must not run on into letters (\ge vs \geq).
        std::size_t after = i + command.size();
        bool letter_command =
            command.size() > 1 && std::isalpha(static_cast<unsigned char>(command[1]));
        if (letter_command && after < math.size() &&
            std::isalpha(static_cast<unsigned char>(math[after])))
          continue;
        out += replacement;
        i = after;
        replaced = true;
        break;
      }
      if (!replaced) {  // unknown command: drop the backslash, keep its name
        ++i;
        continue;
      }
    } else if (math[i] == '{' || math[i] == '}') {
      ++i;
    } else if (math[i] == '_' && (i + 1 == math.size() || math[i + 1] == ' ')) {
      ++i;  // OCR's speck after a command ("\geq_ 60%"): a subscript has a body
    } else {
      out += math[i++];
    }
  }
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

// NFC and one tone-placement style, word by word so that offsets stay exact
// wherever a word did not change.
void LineCleaner::normalise_words(MappedText& text) const {
  // Only words holding a trigger can need it: scan the line for the next one
  // and read just its word. A trigger in a word is one in the line too (the
  // bytes looked at are the same, and the space or line end after a word
  // passes the same end-of-syllable test); the word is then tested exactly.
  std::size_t i = 0;
  while (i < text.text.size()) {
    std::size_t trigger = first_trigger(text.text, i);
    if (trigger == std::string_view::npos) break;
    std::size_t space = text.text.rfind(' ', trigger);
    i = space == std::string::npos || space < i ? i : space + 1;
    std::size_t end = text.text.find(' ', trigger);
    if (end == std::string::npos) end = text.text.size();
    if (!needs_word_normalisation(std::string_view(text.text).substr(i, end - i))) {
      i = end;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString word = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.text.data() + i, static_cast<int32_t>(end - i)));
    icu::UnicodeString normal = nfc_->normalize(word, status);
    normal.append(u' ');  // the tone rules look at what follows the syllable
    tone_->transliterate(normal);
    normal.truncate(normal.length() - 1);
    std::string result;
    normal.toUTF8String(result);
    if (U_SUCCESS(status) && result != std::string_view(text.text).substr(i, end - i)) {
      if (result.size() == end - i) {
        text.text.replace(i, end - i, result);  // same length: keep byte origins
      } else {
        text.replace(i, end, result);
      }
      end = i + result.size();
    }
    i = end;
  }
}

CleanLine LineCleaner::clean(const std::string& source, std::size_t start, std::size_t end,
                             std::uint32_t number) const {
  CleanLine line;
  line.number = number;
  if (end > start && source[end - 1] == '\r') --end;
  if (number == 1 && end - start >= 3 && source.compare(start, 3, "\xEF\xBB\xBF") == 0) start += 3;
  line.text = MappedText::copy_of(std::string_view(source).substr(start, end - start),
                                  static_cast<std::uint32_t>(start));
  line.raw = std::string_view(source).substr(start, end - start);
  line.raw_start = start;
  rewrite(line);
  return line;
}

CleanLine LineCleaner::clean_mapped(MappedText text, std::uint32_t number) const {
  CleanLine line;
  line.number = number;
  line.text = std::move(text);
  rewrite(line);
  return line;
}

void LineCleaner::rewrite(CleanLine& line) const {
  line.raw_length = code_points(line.text.text);
  if (line.text.text.find_first_not_of(" \t") == std::string::npos) {
    line.blank = true;
    line.spaces_only_long = line.text.text.size() >= 20;
    line.text = MappedText::copy_of({}, static_cast<std::uint32_t>(line.text.origin_of(0)));
    return;
  }
  if (decorated_ && decorated_->matches_at_start(line.text.text)) line.decorated = true;
  ByteSet present = ByteSet::of(line.text.text);
  for (const auto& rule : rules_) {
    if (!rule.pattern->may_start_in(present)) continue;
    std::size_t from = 0;
    while (from <= line.text.text.size()) {
      auto match = rule.pattern->find(line.text.text, from);
      if (!match) break;
      std::size_t a = match->groups[0].begin, b = match->groups[0].end;
      std::string replacement;
      const std::string& subject = line.text.text;
      if (rule.action == "remove") {
      } else if (rule.action == "space") {
        replacement = " ";
      } else if (rule.action.rfind("text:", 0) == 0) {
        replacement = rule.action.substr(5);
      } else if (rule.action.rfind("group:", 0) == 0) {
        replacement = std::string(match->text(subject, std::stoul(rule.action.substr(6))));
      } else if (rule.action == "latex") {
        replacement = convert_latex(std::string(match->text(subject, 1)));
      }
      if (replacement != std::string_view(subject).substr(a, b - a)) {
        line.text.replace(a, b, replacement);
      }
      from = a + replacement.size();
      if (b == a && replacement.empty()) ++from;  // empty match: move on
    }
  }
  // Collapse runs of spaces and trim, keeping origins.
  MappedText& t = line.text;
  for (std::size_t i = t.text.find("  "); i != std::string::npos; i = t.text.find("  ", i + 1)) {
    std::size_t run_end = t.text.find_first_not_of(' ', i);
    if (run_end == std::string::npos) run_end = t.text.size();
    t.replace(i + 1, run_end, "");
  }
  if (!t.text.empty() && t.text.back() == ' ') t.replace(t.text.size() - 1, t.text.size(), "");
  if (!t.text.empty() && t.text.front() == ' ') t.replace(0, 1, "");
  if (t.text.empty()) {
    line.blank = true;
    return;
  }
  normalise_words(t);
}

}  // namespace vnplan::internal
