// The restoration model: letters, tokens, and the syllable trigram model.
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "vnplan/text.hpp"

namespace vnplan::internal {

Letters::Letters() : table_(kSize) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> strip(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; Lower", UTRANS_FORWARD, parse_error, status));
  for (char32_t c = 0; c < kSize; ++c) {
    Entry& entry = table_[c];
    entry.lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    entry.upper = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    if (c == U'đ' || c == U'Đ') {
      entry.bare = 'd';
      entry.marked = true;
      continue;
    }
    if (c < 0x80) {
      entry.bare = static_cast<char>(entry.lower);
      continue;
    }
    if (U_FAILURE(status) || !strip) continue;
    icu::UnicodeString text(static_cast<UChar32>(c));
    strip->transliterate(text);
    if (text.length() == 1 && text[0] >= u'a' && text[0] <= u'z') {
      entry.bare = static_cast<char>(text[0]);
      entry.marked = true;
    }
  }
}

const Letters& Letters::get() {
  static const Letters letters;
  return letters;
}

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t next_code(std::string_view text, std::size_t i) {
  char32_t c;
  utf8_decode(text, i, c);
  return c;
}

// A question mark with a lower-case word after it ends no sentence: OCR reads
// the hook and tone of ừ, ử or ữ as "?" ("Thi? bac" = Thứ bậc, "di? liéu").
bool lower_case_word_after(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size() || text[i] != ' ') return false;
  char32_t c = next_code(text, i + 1);
  const Letters& letters = Letters::get();
  return letters.is_letter(c) && letters.lower(c) == c;
}

bool ends_sentence(char32_t c) {
  switch (c) {
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case '|':
    case '(':
    case ')':
    case '[':
    case ']':
    case U'…':
      return true;
    default:
      return false;
  }
}

}  // namespace

Tokenizer::Tokenizer(std::string_view text, const std::u32string& symbols)
    : text_(text), symbols_(symbols) {
  for (char32_t c : symbols)
    if (c < 128) ascii_symbols_[c / 64] |= std::uint64_t{1} << (c % 64);
}

bool Tokenizer::is_symbol(char32_t c) const {
  if (c < 128) return (ascii_symbols_[c / 64] >> (c % 64)) & 1;
  return symbols_.find(c) != std::u32string::npos;
}

bool Tokenizer::next(Token& token) {
  const Letters& letters = Letters::get();
  const std::string_view text = text_;
  const std::size_t n = text.size();
  // A boundary right after another adds nothing: one is kept.
  auto boundary_at = [&](std::size_t at) {
    if (last_was_boundary_) return false;
    token = Token{};
    token.kind = TokenKind::boundary;
    token.from = token.to = static_cast<std::uint32_t>(at);
    last_was_boundary_ = true;
    return true;
  };
  while (i_ < n) {
    char32_t c;
    std::size_t length = utf8_decode(text, i_, c);
    bool starts_word = letters.is_letter(c);
    if (!starts_word && (is_digit(c) || is_symbol(c)) && i_ + length < n)
      starts_word = true;  // "6" of "6i" or a number; decided below
    if (starts_word) {
      // A word runs over letters, digits and OCR symbols; it must hold a letter.
      std::size_t start = i_, j = i_;
      token = Token{};
      bool any_letter = false, any_lower = false, any_upper = false, first = true;
      bool letter_symbol = false;  // an OCR symbol that is no digit ("€" of "1€" = lệ)
      std::size_t letters_seen = 0;
      while (j < n) {
        char32_t d;
        std::size_t len = utf8_decode(text, j, d);
        bool letter = letters.is_letter(d);
        // Punctuation read for a letter (";" for i) must have a letter after it:
        // at a word's end it is punctuation.
        auto symbol = [&]() {
          return is_symbol(d) && ((!ends_sentence(d) && d != ',') ||
                                  (j + len < n && letters.is_letter(next_code(text, j + len))) ||
                                  (d == '?' && any_letter && lower_case_word_after(text, j + len)));
        };
        if (!letter && !is_digit(d) && !symbol()) {
          // "1.200" and "8,5" stay numbers: a digit run may hold . , / between digits.
          if (!any_letter && (d == '.' || d == ',' || d == '/') && j + 1 < n &&
              is_digit(static_cast<unsigned char>(text[j + 1])) && j > start) {
            j += len;
            continue;
          }
          break;
        }
        if (letter) {
          any_letter = true;
          ++letters_seen;
          char32_t lower = letters.lower(d);
          if (lower != d)
            any_upper = true;
          else
            any_lower = true;
          if (first) token.upper_first = lower != d;
          token.marked |= letters.marked(d);
          utf8_append(token.lower, lower);
          token.key += letters.bare(d);
        } else {
          token.symbols = true;
          letter_symbol |= !is_digit(d);
          utf8_append(token.lower, d);
          if (is_digit(d))
            token.key += static_cast<char>(d);
          else
            utf8_append(token.key, d);
        }
        first = false;
        j += len;
      }
      if (j != start) {  // else a lone mark: punctuation after all
        token.from = static_cast<std::uint32_t>(start);
        token.to = static_cast<std::uint32_t>(j);
        // Digits and symbols alone are a word when a symbol stands for a
        // letter: "1€" is "lệ" read by OCR, "1.200" a number.
        if (any_letter || letter_symbol) {
          token.kind = TokenKind::word;
          token.all_upper = any_upper && !any_lower && letters_seen > 1;
          if (letters_seen == 1 && any_upper && !token.symbols) token.all_upper = false;
        } else {
          token.kind = TokenKind::number;
          token.lower.clear();
          token.key.clear();
          token.symbols = false;
        }
        newlines_ = 0;
        i_ = j;
        last_was_boundary_ = false;
        return true;
      }
    }
    std::size_t at = i_;
    i_ += length;
    if (c == '\n') {
      if (++newlines_ >= 2 && boundary_at(at)) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      newlines_ = 0;
      if (ends_sentence(c)) {
        if (boundary_at(at)) return true;
      } else if (c == ',') {
        token = Token{};
        token.kind = TokenKind::comma;
        token.from = static_cast<std::uint32_t>(at);
        token.to = static_cast<std::uint32_t>(at + 1);
        last_was_boundary_ = false;
        return true;
      }
    }
  }
  return false;
}

void tokenize(std::string_view text, const std::u32string& symbols, std::vector<Token>& out) {
  out.clear();
  Tokenizer tokenizer(text, symbols);
  Token token;
  while (tokenizer.next(token)) out.push_back(std::move(token));
}

bool starts_paragraph(std::string_view text, const Token& before, const Token& token) {
  std::string_view gap = text.substr(before.to, token.from - before.to);
  return gap.find("\n\n") != std::string_view::npos || gap.find("\n\r\n") != std::string_view::npos;
}

std::vector<std::pair<std::size_t, std::size_t>> paragraphs(std::string_view text,
                                                            const std::vector<Token>& tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> result;
  std::size_t start = 0;
  for (std::size_t t = 1; t <= tokens.size(); ++t) {
    bool split = t == tokens.size();
    if (!split) split = starts_paragraph(text, tokens[t - 1], tokens[t]);
    if (split) {
      result.emplace_back(start, t);
      start = t;
    }
  }
  return result;
}

std::string cased_as(const std::string& lower_word, Casing like) {
  if (!like.all_upper && !like.upper_first) return lower_word;
  const Letters& letters = Letters::get();
  std::string out;
  bool first = true;
  for (std::size_t i = 0; i < lower_word.size();) {
    char32_t c;
    i += utf8_decode(lower_word, i, c);
    utf8_append(out, (like.all_upper || first) ? letters.upper(c) : c);
    first = false;
  }
  return out;
}

void FlatMap::reserve(std::size_t n) {
  std::size_t capacity = 16;
  while (capacity < n * 2) capacity <<= 1;
  if (capacity <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  size_ = 0;
  for (const Slot& slot : old)
    if (slot.used) put(slot.key, slot.value);
}

void FlatMap::grow() { reserve(std::max<std::size_t>(16, size_ * 2 + 2)); }

void FlatMap::put(std::uint64_t key, std::uint32_t value) {
  if (slots_.empty() || (size_ + 1) * 2 > slots_.size()) grow();
  std::size_t i = mix(key) & mask_;
  while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask_;
  if (!slots_[i].used) ++size_;
  slots_[i] = {key, value, true};
}

}  // namespace vnplan::internal

namespace vnplan {

using internal::SyllableId;

RestoreModel::Impl::Context RestoreModel::Impl::context(SyllableId u, SyllableId v) const {
  Context c;
  c.v = v;
  if (const std::uint32_t* index = bigram_index.find(internal::pair_key(u, v))) {
    c.uv = &bigrams[*index];
    c.after_uv = after_bigram.data() + c.uv->next_first;
    c.after_uv_end = c.after_uv + c.uv->next_count;
  }
  return c;
}

double RestoreModel::Impl::bigram_prob(SyllableId v, SyllableId w) const {
  double lower = continuation_p[w];
  std::uint32_t total = follow_total[v];
  if (total == 0) return lower;
  double count = 0;
  if (const std::uint32_t* index = bigram_index.find(internal::pair_key(v, w)))
    count = bigrams[*index].count;
  return (std::max(count - kDiscount, 0.0) + kDiscount * follow_types[v] * lower) / total;
}

double RestoreModel::Impl::logp(const Context& c, SyllableId w, double lower) const {
  if (backs_off(c)) return std::log(lower);
  double count = 0;
  const Next* it = std::lower_bound(c.after_uv, c.after_uv_end, w,
                                    [](const Next& n, SyllableId id) { return n.id < id; });
  if (it != c.after_uv_end && it->id == w) count = it->count;
  return std::log((std::max(count - kDiscount, 0.0) + kDiscount * c.uv->follow_types * lower) /
                  c.uv->follow_total);
}

// Kneser-Ney: the lower orders count the contexts a word follows, not its
// occurrences, so that a word frequent in one set phrase of the general text
// ("cài đặt", "cửa sổ") does not win every context it was never seen in.
void RestoreModel::Impl::use_continuation_counts() {
  constexpr std::uint64_t kIdMask = (std::uint64_t{1} << 21) - 1;
  // Of each bigram (v, w): the words u seen before it, from the continuation
  // lists of the contexts (u, v).
  std::vector<std::uint32_t> contexts(bigrams.size(), 0);
  bigram_index.for_each([&](std::uint64_t key, std::uint32_t index) {
    auto v = static_cast<SyllableId>(key & kIdMask);
    if (v == internal::kBoundary) return;
    const Bigram& uv = bigrams[index];
    for (const Next* next = after_bigram.data() + uv.next_first;
         next != after_bigram.data() + uv.next_first + uv.next_count; ++next)
      if (const std::uint32_t* vw = bigram_index.find(internal::pair_key(v, next->id)))
        ++contexts[*vw];
  });
  std::fill(follow_total.begin(), follow_total.end(), 0);
  std::vector<std::uint32_t> preceding(syllables.size(), 0);
  std::uint64_t bigram_types = 0;
  bigram_index.for_each([&](std::uint64_t key, std::uint32_t index) {
    auto v = static_cast<SyllableId>(key >> 21), w = static_cast<SyllableId>(key & kIdMask);
    Bigram& b = bigrams[index];
    if (b.count == 0) return;  // a context only (<s> <s>)
    if (v != internal::kBoundary && contexts[index] > 0) b.count = contexts[index];
    follow_total[v] += b.count;
    ++preceding[w];
    ++bigram_types;
  });
  continuation_p.resize(syllables.size());
  for (std::size_t id = 0; id < syllables.size(); ++id)
    continuation_p[id] = (preceding[id] + 0.5) / (static_cast<double>(bigram_types) +
                                                  0.5 * static_cast<double>(syllables.size()));
}

// Builds the continuation lists from the trigrams read, in file order (a
// repeated trigram counts as the table holds it: the last line read).
void RestoreModel::Impl::index_continuations(
    std::vector<std::pair<std::uint64_t, std::uint32_t>>& trigrams) {
  constexpr std::uint64_t kIdMask = (std::uint64_t{1} << 21) - 1;
  std::stable_sort(trigrams.begin(), trigrams.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  after_bigram.clear();
  after_bigram.reserve(trigrams.size());
  for (std::size_t i = 0; i < trigrams.size(); ++i) {
    auto [key, count] = trigrams[i];
    if (i + 1 < trigrams.size() && trigrams[i + 1].first == key) continue;  // not the last
    Bigram& context = bigrams[*bigram_index.find(key >> 21)];
    if (context.next_count == 0)
      context.next_first = static_cast<std::uint32_t>(after_bigram.size());
    ++context.next_count;
    after_bigram.push_back({static_cast<SyllableId>(key & kIdMask), count});
  }
}

RestoreModel::RestoreModel() : impl_(std::make_unique<Impl>()) {}
RestoreModel::~RestoreModel() = default;
std::size_t RestoreModel::syllable_count() const {
  return impl_->syllables.size() - internal::kFirstSyllable;
}
std::size_t RestoreModel::bigram_count() const { return impl_->bigrams.size(); }
std::size_t RestoreModel::trigram_count() const { return impl_->after_bigram.size(); }
const std::string& RestoreModel::path() const { return impl_->path; }

namespace {

// Splits a line at tabs into at most `max` fields.
std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t count = 0, start = 0;
  while (count < max) {
    std::size_t tab = line.find('\t', start);
    fields[count++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return count;
}

bool parse_number(std::string_view text, std::uint32_t& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::shared_ptr<const RestoreModel> RestoreModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GrammarError(path, 0, "cannot open the restoration model");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string content = buffer.str();
  std::shared_ptr<RestoreModel> model(new RestoreModel());
  Impl& m = *model->impl_;
  m.path = path;
  m.syllables = {"<s>", "<unk>", "<num>", "<,>"};
  m.unigram = {0, 0, 0, 0};
  m.capitalised = {0, 0, 0, 0};
  std::vector<std::pair<std::uint64_t, std::uint32_t>> trigrams;
  std::size_t line_number = 0, start = 0;
  bool header = false;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    std::string_view line(content.data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) { return GrammarError(path, line_number, why); };
    if (!header) {
      if (line != "vnplan-restore-model\t1")
        throw bad("not a vnplan restoration model (version 1)");
      header = true;
      continue;
    }
    std::string_view f[5];
    std::size_t count = split_tabs(line, f, 5);
    std::uint32_t a = 0, b = 0, c = 0, n = 0;
    auto id_ok = [&](std::uint32_t id) { return id < m.syllables.size(); };
    std::uint32_t capitalised = 0;
    if (f[0] == "s" && count == 4 && parse_number(f[2], n) && parse_number(f[3], capitalised) &&
        capitalised <= n) {
      std::string text(f[1]);
      SyllableId id;
      if (text == "<s>")
        id = internal::kBoundary;
      else if (text == "<unk>")
        id = internal::kUnknown;
      else if (text == "<num>")
        id = internal::kNumber;
      else if (text == "<,>")
        id = internal::kComma;
      else {
        id = static_cast<SyllableId>(m.syllables.size());
        m.syllables.push_back(text);
        m.unigram.push_back(0);
        m.capitalised.push_back(0);
        m.ids.emplace(text, id);
      }
      m.unigram[id] = n;
      m.capitalised[id] = capitalised;
    } else if (f[0] == "b" && count == 4 && parse_number(f[1], a) && parse_number(f[2], b) &&
               parse_number(f[3], n) && id_ok(a) && id_ok(b)) {
      m.bigram_index.put(internal::pair_key(a, b), static_cast<std::uint32_t>(m.bigrams.size()));
      m.bigrams.push_back({n, 0, 0});
      if (m.follow_total.size() != m.syllables.size()) {
        m.follow_total.resize(m.syllables.size(), 0);
        m.follow_types.resize(m.syllables.size(), 0);
      }
      m.follow_total[a] += n;
      m.follow_types[a] += 1;
    } else if (f[0] == "t" && count == 5 && parse_number(f[1], a) && parse_number(f[2], b) &&
               parse_number(f[3], c) && parse_number(f[4], n) && id_ok(a) && id_ok(b) && id_ok(c)) {
      trigrams.emplace_back(internal::triple_key(a, b, c), n);
      const std::uint32_t* index = m.bigram_index.find(internal::pair_key(a, b));
      if (!index) {  // the sentence start (<s> <s>) is a context, never a bigram
        m.bigram_index.put(internal::pair_key(a, b), static_cast<std::uint32_t>(m.bigrams.size()));
        m.bigrams.push_back({0, 0, 0});
        index = m.bigram_index.find(internal::pair_key(a, b));
      }
      m.bigrams[*index].follow_total += n;
      m.bigrams[*index].follow_types += 1;
    } else {
      throw bad("expected 's TEXT COUNT CAPITALISED', 'b ID ID COUNT' or 't ID ID ID COUNT'");
    }
  }
  if (!header || m.syllables.size() <= internal::kFirstSyllable)
    throw GrammarError(path, line_number, "the restoration model holds no syllables");
  std::size_t size = m.syllables.size();
  m.follow_total.resize(size, 0);
  m.follow_types.resize(size, 0);
  m.index_continuations(trigrams);
  m.use_continuation_counts();
  m.compute_case_costs();
  double total = 0;
  for (std::uint32_t n : m.unigram) total += n;
  m.unigram_logp.resize(size);
  m.unigram_p.resize(size);
  for (std::size_t id = 0; id < size; ++id) {
    m.unigram_p[id] = (m.unigram[id] + 0.5) / (total + 0.5 * static_cast<double>(size));
    m.unigram_logp[id] = static_cast<float>(std::log(m.unigram_p[id]));
  }
  // Candidates for a bare key, most frequent first.
  const internal::Letters& letters = internal::Letters::get();
  for (SyllableId id = internal::kFirstSyllable; id < size; ++id) {
    std::string key;
    const std::string& text = m.syllables[id];
    for (std::size_t i = 0; i < text.size();) {
      char32_t c;
      i += utf8_decode(text, i, c);
      key += letters.bare(c) ? letters.bare(c) : '?';
    }
    m.by_key[key].push_back(id);
  }
  for (auto& [key, list] : m.by_key)
    std::stable_sort(list.begin(), list.end(),
                     [&](SyllableId x, SyllableId y) { return m.unigram[x] > m.unigram[y]; });
  return model;
}

const char* text_state_name(TextStateKind kind) {
  switch (kind) {
    case TextStateKind::clean:
      return "clean";
    case TextStateKind::ocr_damaged:
      return "ocr_damaged";
    case TextStateKind::stripped:
      return "stripped";
    case TextStateKind::legacy_encoding:
      return "legacy_encoding";
    case TextStateKind::mixed:
      return "mixed";
  }
  return "clean";
}

std::string TextState::describe() const {
  char buffer[400];
  std::snprintf(buffer, sizeof buffer,
                "%s: %zu words; %.1f%% valid syllables as written, %.1f%% with diacritics, "
                "%.1f%% bare words that spell a syllable, %.1f%% with diacritics but no "
                "syllable, %.1f%% with digits or OCR symbols among letters; paragraphs "
                "judged clean %zu, damaged %zu",
                text_state_name(kind), evidence.words, 100 * evidence.valid_syllables,
                100 * evidence.with_diacritics, 100 * evidence.plausible_bare,
                100 * evidence.invalid_marked, 100 * evidence.ocr_confusions, evidence.blocks_clean,
                evidence.blocks_damaged);
  std::string text = buffer;
  if (!encoding.empty()) text += "; converted from " + encoding;
  return text;
}

}  // namespace vnplan
