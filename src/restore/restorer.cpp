// Telling damaged text apart, and restoring its diacritics (see restore.hpp).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_set>

#include "internal.hpp"
#include "vnplan/text.hpp"

namespace vnplan {

using internal::SyllableId;
using internal::Token;
using internal::TokenKind;

namespace {

// One rule of the OCR channel: `observed` (bare, lower case) may have been
// `intended`, at a cost in nats; `initial` rules apply at a word's start only.
struct ChannelRule {
  std::string observed, intended;
  double cost = 0;
  bool initial = false;
};

// A syllable a word could have been, and what the channel charges for it.
struct Candidate {
  SyllableId id = internal::kUnknown;
  double cost = 0;
  bool keep = false;  // the word as written (an abbreviation, a name, a foreign word)
};

// Costs of the channel that are not rules (nats, like the rule costs).
constexpr double kMarkDisagrees = 0.7;  // OCR: a marked word read as another mark
// OCR: keep a word no syllable explains. The model gives all unknown words one
// probability (<unk>); one particular spelling is a small share of it, about
// one in a thousand (the unknown word types in the training text).
constexpr double kUnknownSpelling = 7.0;
constexpr double kKeepUnknown = kUnknownSpelling + 1.5;
constexpr double kKeepAbbreviation = kUnknownSpelling;
// OCR: a word no Vietnamese text could hold as written ("Thi?", "mit’c",
// "Tiém": punctuation among its letters, or a mark on no syllable) was
// misread for certain; keeping it costs more than keeping a word that is only
// unknown (a name, a foreign word), so that a short cell ("Thi? bac") is
// restored even where the language model has little context.
constexpr double kKeepMisread = kKeepUnknown + 8.0;
constexpr double kAnyEdit = 5.5;  // OCR: one unlisted letter change
// Readings kept per word, the likeliest by channel cost and frequency. A bare
// spelling has up to twenty marked forms ("de": để, đề, dễ, …), and OCR's
// "dé liéu" is "dữ liệu", a reading with another letter: eight let the marked
// forms crowd it out. Sixteen cost OCR parsing 5-8% more instructions.
constexpr std::size_t kMaxCandidates = 16;
constexpr std::string_view kVowelLetters = "aeiouy";  // of a bare key
constexpr std::size_t kBeam = 6;
constexpr std::size_t kMinJudgedWords = 8;  // a paragraph shorter than this is not judged alone

struct Evidence {
  std::size_t words = 0, valid = 0, marked = 0, bare = 0, plausible_bare = 0, invalid_marked = 0,
              symbols = 0;
  TextStateKind judge() const;
  void add(const Evidence& o) {
    words += o.words, valid += o.valid, marked += o.marked, bare += o.bare;
    plausible_bare += o.plausible_bare, invalid_marked += o.invalid_marked, symbols += o.symbols;
  }
};

TextStateKind Evidence::judge() const {
  if (words == 0) return TextStateKind::clean;
  double w = static_cast<double>(words);
  double marked_share = marked / w, invalid = invalid_marked / w, ocr = symbols / w;
  double bare_plausible =
      bare ? static_cast<double>(plausible_bare) / static_cast<double>(bare) : 0;
  if (invalid + ocr >= 0.04) return TextStateKind::ocr_damaged;
  if (marked_share < 0.03 && bare_plausible >= 0.6) return TextStateKind::stripped;
  if (marked_share < 0.25 && bare_plausible >= 0.6) return TextStateKind::ocr_damaged;
  return TextStateKind::clean;
}

// Hands the paragraphs of `text` (as internal::paragraphs() splits them) to
// `visit(window, end)` one at a time, tokenised as they come, so that memory
// stays bounded by a paragraph, not the whole text: the paragraph is
// window[0, end); the tokens after it in `window` run up to the next word (or
// the text's end), which the decoder looks ahead to.
template <typename Visit>
void for_each_paragraph(std::string_view text, const std::u32string& symbols, Visit&& visit) {
  internal::Tokenizer tokenizer(text, symbols);
  std::vector<Token> window;
  std::vector<std::size_t> starts;                 // of the paragraphs in `window`, after the first
  std::size_t last_word = std::string_view::npos;  // in `window`
  auto visit_first = [&]() {
    std::size_t end = starts.empty() ? window.size() : starts.front();
    visit(static_cast<const std::vector<Token>&>(window), end);
    window.erase(window.begin(), window.begin() + static_cast<std::ptrdiff_t>(end));
    if (!starts.empty()) starts.erase(starts.begin());
    for (std::size_t& start : starts) start -= end;
    last_word = last_word != std::string_view::npos && last_word >= end ? last_word - end
                                                                        : std::string_view::npos;
  };
  Token token;
  while (tokenizer.next(token)) {
    if (!window.empty() && internal::starts_paragraph(text, window.back(), token))
      starts.push_back(window.size());
    if (token.kind == TokenKind::word) last_word = window.size();
    window.push_back(std::move(token));
    while (!starts.empty() && last_word != std::string_view::npos && last_word >= starts.front())
      visit_first();
  }
  while (!window.empty()) visit_first();
}

}  // namespace

struct Restorer::Impl {
  std::shared_ptr<const RestoreModel> model;
  const RestoreModel::Impl& m;
  std::vector<ChannelRule> rules;
  const Pattern& joined_capitals;     // restore/abbreviations.re: "R&D", "M&A"
  const Pattern& known_abbreviation;  // restore/abbreviations.re: "GDP", "CNTT"
  const Pattern& unit_symbol;         // restore/abbreviations.re: "ha", "km" after a number
  std::u32string list_alphabet;       // the letters of lists, in order (structure/letters)
  std::string roman_strokes;          // Roman letters and what OCR reads their strokes as
                                      // (structure/roman_letters), lower case
  // Rules by the first byte of OBSERVED: a word tries only those that can match.
  std::array<std::vector<std::uint32_t>, 256> rules_by_first_byte;
  std::u32string symbols;  // non-letters the channel reads as letters
  // restore/codes: "ND" → "NĐ", by the abbreviation as typed without the bar.
  std::map<std::string, std::string, std::less<>> codes_with_d;
  // The canonical agency names of agencies/registry ("Sở Thông tin và Truyền
  // thông"), as syllables, by the bare key of their first word, longest first:
  // words typed as such a name, capitals where it has them, are that name
  // ("So Thong tin va Truyen thong" is no "Số Thông tin ...").
  struct KnownName {
    std::vector<std::string> keys;  // bare, lower case
    std::vector<SyllableId> ids;
    std::vector<bool> capital;  // the word starts with a capital
  };
  std::unordered_map<std::string, std::vector<KnownName>> known_names;
  std::unique_ptr<icu::Transliterator> tone;  // old/new tone placement (hoà ↔ hòa)

  // The same trigrams come back sentence after sentence: a direct-mapped
  // cache of their log-probabilities saves three hash look-ups and a log.
  struct CachedLogp {
    std::uint64_t key = ~std::uint64_t{0};
    double logp = 0;
  };
  mutable std::vector<CachedLogp> logp_cache;  // 1 << 17 while restoring
  CachedLogp& logp_slot(SyllableId u, SyllableId v, SyllableId w) const {
    std::uint64_t key = internal::triple_key(u, v, w);
    return logp_cache[(key * 0x9E3779B97F4A7C15ULL) >> 47];
  }
  double logp(SyllableId u, SyllableId v, SyllableId w) const {
    std::uint64_t key = internal::triple_key(u, v, w);
    CachedLogp& slot = logp_slot(u, v, w);
    if (slot.key != key) slot = {key, m.logp(u, v, w)};
    return slot.logp;
  }
  // The same, `lower` being bigram_prob(v, w) (computed once for many u).
  double logp(SyllableId u, SyllableId v, SyllableId w, double lower) const {
    std::uint64_t key = internal::triple_key(u, v, w);
    CachedLogp& slot = logp_slot(u, v, w);
    if (slot.key != key) slot = {key, m.logp(m.context(u, v), w, lower)};
    return slot.logp;
  }

  // The beam scores every option of a word after each context (u, v) it
  // holds, and the same word comes back after the same context: a cache of
  // whole rows, one look-up (two cache lines) for all the options.
  struct CachedRow {
    SyllableId u = internal::kUnknown, v = internal::kUnknown;
    std::uint32_t size = 0;  // 0: empty
    std::array<SyllableId, kMaxCandidates> ids{};
    std::array<double, kMaxCandidates> logp{};
  };
  mutable std::vector<CachedRow> row_cache;  // 1 << 14 while restoring
  mutable std::vector<double> overflow_row;

  // What logp needs of a word's options after a syllable v, whatever came
  // before v: P(option | v) (the lower order), and its log, which is logp
  // after a context (u, v) never seen. OCR text holds many words the model
  // does not know, so most contexts are unseen and a row depends on v alone.
  struct CachedBigrams {
    SyllableId v = internal::kUnknown;
    std::uint32_t size = 0;  // 0: empty
    bool have_log = false;
    std::array<SyllableId, kMaxCandidates> ids{};
    std::array<double, kMaxCandidates> lower{}, log_lower{};
  };
  mutable std::vector<CachedBigrams> bigram_cache;  // 1 << 13 while restoring
  CachedBigrams& bigrams_after(SyllableId v, const Candidate* options, std::size_t count,
                               std::uint64_t options_hash) const {
    std::uint64_t hash = (v ^ options_hash) * 0xD6E8FEB86659FD93ULL;
    CachedBigrams& entry = bigram_cache[hash >> 51];
    bool same = entry.v == v && entry.size == count;
    for (std::size_t o = 0; same && o < count; ++o) same = entry.ids[o] == options[o].id;
    if (same) return entry;
    entry.v = v, entry.size = static_cast<std::uint32_t>(count), entry.have_log = false;
    for (std::size_t o = 0; o < count; ++o) {
      entry.ids[o] = options[o].id;
      entry.lower[o] = m.bigram_prob(v, options[o].id);
    }
    return entry;
  }
  // logp(u, v, option) for each option, into `out` (count <= kMaxCandidates).
  void compute_row(SyllableId u, SyllableId v, const Candidate* options, std::size_t count,
                   std::uint64_t options_hash, double* out) const {
    const auto context = m.context(u, v);
    CachedBigrams& bigrams = bigrams_after(v, options, count, options_hash);
    if (RestoreModel::Impl::backs_off(context)) {
      if (!bigrams.have_log) {
        for (std::size_t o = 0; o < count; ++o) bigrams.log_lower[o] = std::log(bigrams.lower[o]);
        bigrams.have_log = true;
      }
      std::copy_n(bigrams.log_lower.begin(), count, out);
      return;
    }
    for (std::size_t o = 0; o < count; ++o)
      out[o] = m.logp(context, options[o].id, bigrams.lower[o]);
  }
  // logp(u, v, w) for each option w, in order.
  // `options_hash`: of the options' ids (hash_options).
  static std::uint64_t hash_options(const Candidate* options, std::size_t count) {
    std::uint64_t hash = count;
    for (std::size_t o = 0; o < count; ++o) hash = (hash ^ options[o].id) * 0x9E3779B97F4A7C15ULL;
    return hash;
  }
  CachedRow& row_slot(SyllableId u, SyllableId v, std::uint64_t options_hash) const {
    std::uint64_t hash = (internal::pair_key(u, v) ^ options_hash) * 0xD6E8FEB86659FD93ULL;
    return row_cache[hash >> 50];
  }
  // The rows of a beam's states are looked up one after another, each a
  // likely cache miss: asking for them all first overlaps the waits.
  void prefetch_row(SyllableId u, SyllableId v, std::uint64_t options_hash) const {
    const char* row = reinterpret_cast<const char*>(&row_slot(u, v, options_hash));
    __builtin_prefetch(row);
    __builtin_prefetch(row + sizeof(CachedRow) - 1);
  }
  const double* logp_row(SyllableId u, SyllableId v, const Candidate* options, std::size_t count,
                         std::uint64_t options_hash) const {
    CachedRow& row = row_slot(u, v, options_hash);
    bool same = row.u == u && row.v == v && row.size == count;
    for (std::size_t o = 0; same && o < count; ++o) same = row.ids[o] == options[o].id;
    if (same) return row.logp.data();
    if (count > kMaxCandidates) {  // not cached (the channel keeps fewer options)
      overflow_row.resize(count);
      const auto context = m.context(u, v);
      for (std::size_t o = 0; o < count; ++o) overflow_row[o] = m.logp(context, options[o].id);
      return overflow_row.data();
    }
    row.u = u, row.v = v, row.size = static_cast<std::uint32_t>(count);
    for (std::size_t o = 0; o < count; ++o) row.ids[o] = options[o].id;
    compute_row(u, v, options, count, options_hash, row.logp.data());
    return row.logp.data();
  }

  // The caches above take some 5 MB: held while a text is restored, not
  // between texts, so that they do not add to the peak of the stages after.
  void hold_caches() const {
    logp_cache.assign(std::size_t{1} << 17, CachedLogp{});
    row_cache.assign(std::size_t{1} << 14, CachedRow{});
    bigram_cache.assign(std::size_t{1} << 13, CachedBigrams{});
  }
  void release_caches() const {
    std::vector<CachedLogp>().swap(logp_cache);
    std::vector<CachedRow>().swap(row_cache);
    std::vector<CachedBigrams>().swap(bigram_cache);
  }

  Impl(std::shared_ptr<const RestoreModel> restore_model, const Grammar& grammar)
      : model(std::move(restore_model)),
        m(model->impl()),
        joined_capitals(grammar.pattern("restore/abbreviations.re", "joined_capitals")),
        known_abbreviation(grammar.pattern("restore/abbreviations.re", "known")),
        unit_symbol(grammar.pattern("restore/abbreviations.re", "unit_symbol")) {
    std::map<int, char32_t> by_place;  // structure/letters: LETTER<TAB>PLACE
    for (const Entry& entry : grammar.entries("structure/letters")) {
      char32_t letter;
      if (utf8_decode(entry.key, 0, letter) == entry.key.size())
        by_place[std::atoi(entry.value.c_str())] = letter;
    }
    for (const auto& [place, letter] : by_place) list_alphabet += letter;
    roman_strokes = "ivxl";
    for (const Entry& entry : grammar.entries("structure/roman_letters"))
      if (entry.key.size() == 1) roman_strokes += entry.key;
    load_rules(grammar);
    load_marks(grammar);
    load_codes(grammar);
    load_known_names(grammar);
    learn_spelling();
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    tone.reset(icu::Transliterator::createFromRules(
        "vnplan-tone", icu::UnicodeString::fromUTF8(grammar.text("normalise/tone_placement")),
        UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) tone.reset();
  }

  // "WORD COST", optionally followed by "<TAB># a comment": the word and a
  // cost in nats (finite, >= 0); false when the value is not of that form.
  static bool parse_word_and_cost(const std::string& value, std::string& word, double& cost) {
    std::string_view text(value);
    if (std::size_t comment = text.find('#'); comment != std::string_view::npos) {
      text = text.substr(0, comment);
      if (text.empty() || (text.back() != '\t' && text.back() != ' ')) return false;
    }
    while (!text.empty() && (text.back() == '\t' || text.back() == ' ')) text.remove_suffix(1);
    std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space == 0) return false;
    word = std::string(text.substr(0, space));
    std::string_view number = text.substr(space + 1);
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), cost);
    return error == std::errc() && end == number.data() + number.size() && std::isfinite(cost) &&
           cost >= 0;
  }

  void load_rules(const Grammar& grammar) {
    const std::string file = grammar.directory() + "/restore/ocr_channel.tsv";
    for (const Entry& entry : grammar.entries("restore/ocr_channel")) {
      ChannelRule rule;
      rule.observed = entry.key;
      if (!rule.observed.empty() && rule.observed[0] == '^') {
        rule.initial = true;
        rule.observed.erase(0, 1);
      }
      double cost = -1;
      bool ok = parse_word_and_cost(entry.value, rule.intended, cost) && !rule.observed.empty() &&
                std::all_of(rule.intended.begin(), rule.intended.end(),
                            [](char c) { return c >= 'a' && c <= 'z'; });
      // OBSERVED is matched against bare keys: no capitals, no marked letters.
      for (std::size_t i = 0; ok && i < rule.observed.size();) {
        char32_t c;
        i += utf8_decode(rule.observed, i, c);
        ok =
            internal::Letters::get().is_letter(c) ? (c >= 'a' && c <= 'z') : (c > ' ' && c != 0x7F);
      }
      if (!ok)
        throw GrammarError(file, entry.line,
                           "expected OBSERVED<TAB>INTENDED COST (OBSERVED: a bare key, lower-case "
                           "a-z, digits or symbols; INTENDED: bare lower-case letters a-z; COST: "
                           "nats >= 0)");
      rule.cost = cost;
      for (std::size_t i = 0; i < rule.observed.size();) {
        char32_t c;
        i += utf8_decode(rule.observed, i, c);
        if (!internal::Letters::get().is_letter(c) && symbols.find(c) == std::u32string::npos)
          symbols += c;
      }
      rules_by_first_byte[static_cast<unsigned char>(rule.observed[0])].push_back(
          static_cast<std::uint32_t>(rules.size()));
      rules.push_back(std::move(rule));
    }
  }

  // The mark channel: -log P(observed letter | intended letter) for letters
  // with the same bare letter (ê read as é); `any` for a letter not listed.
  struct MarkCosts {
    std::unordered_map<char32_t, double> observed;
    double any = 0;
  };
  std::unordered_map<char32_t, MarkCosts> marks;

  static std::string_view without_spaces_around(std::string_view text) {
    std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
  }

  void load_known_names(const Grammar& grammar) {
    for (const Entry& entry : grammar.entries("agencies/registry")) {
      // "KIND | LEVEL | Canonical name [| ...]"; alias lines are folded.
      std::vector<std::string_view> fields;
      for (std::string_view rest = entry.value; !rest.empty();) {
        std::size_t bar = rest.find('|');
        fields.push_back(without_spaces_around(rest.substr(0, bar)));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
      if (fields.size() < 3 || fields[0] == "alias") continue;
      KnownName name;
      internal::Tokenizer tokenizer(fields[2], symbols);
      bool known = true;
      for (Token token; tokenizer.next(token);) {
        if (token.kind != TokenKind::word) continue;
        SyllableId id = token.symbols ? internal::kUnknown : id_of_word(token);
        known = known && id != internal::kUnknown;
        name.keys.push_back(token.key);
        name.ids.push_back(id);
        name.capital.push_back(token.upper_first);
      }
      if (!known || name.keys.size() < 2) continue;
      known_names[name.keys.front()].push_back(std::move(name));
    }
    for (auto& [key, names] : known_names)
      std::stable_sort(names.begin(), names.end(), [](const KnownName& a, const KnownName& b) {
        return a.keys.size() > b.keys.size();
      });
  }

  // The known name tokens[t, …) are typed as, or nullptr: its keys in a row
  // of words, each capital where the name has one and lower case where it has
  // none (or all in capitals, as a heading).
  const KnownName* known_name_at(const std::vector<Token>& tokens, std::size_t t,
                                 std::size_t to) const {
    if (!tokens[t].upper_first) return nullptr;
    auto found = known_names.find(tokens[t].key);
    if (found == known_names.end()) return nullptr;
    for (const KnownName& name : found->second) {
      if (t + name.keys.size() > to) continue;
      bool capitals = true, as_named = true, same = true;
      for (std::size_t k = 0; k < name.keys.size() && same; ++k) {
        const Token& token = tokens[t + k];
        same = token.kind == TokenKind::word && token.key == name.keys[k];
        capitals = capitals && token.all_upper;
        as_named = as_named && token.upper_first == name.capital[k];
      }
      if (same && (as_named || capitals)) return &name;
    }
    return nullptr;
  }

  void load_codes(const Grammar& grammar) {
    const std::string file = grammar.directory() + "/restore/codes.tsv";
    for (const Entry& entry : grammar.entries("restore/codes")) {
      std::string typed = entry.key;
      for (std::size_t at; (at = typed.find("Đ")) != std::string::npos;)
        typed.replace(at, std::string_view("Đ").size(), "D");
      bool capitals = std::none_of(typed.begin(), typed.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::islower(static_cast<unsigned char>(c));
      });
      if (typed == entry.key || !capitals)
        throw GrammarError(file, entry.line, "an abbreviation in capitals holding Đ expected");
      codes_with_d.emplace(std::move(typed), entry.key);
    }
  }

  void load_marks(const Grammar& grammar) {
    const std::string file = grammar.directory() + "/restore/ocr_marks.tsv";
    const internal::Letters& letters = internal::Letters::get();
    // One lower-case letter (or * for OBSERVED), as a code point; 0 if not.
    auto one_letter = [&](const std::string& text, bool star) -> char32_t {
      char32_t c = 0;
      if (text.empty() || utf8_decode(text, 0, c) != text.size()) return 0;
      if (star && c == '*') return c;
      return letters.is_letter(c) && letters.lower(c) == c ? c : 0;
    };
    for (const Entry& entry : grammar.entries("restore/ocr_marks")) {
      std::string observed_text;
      double cost = -1;
      char32_t intended = one_letter(entry.key, false);
      bool ok = intended && parse_word_and_cost(entry.value, observed_text, cost);
      char32_t observed = ok ? one_letter(observed_text, true) : 0;
      if (!observed || (observed != '*' && letters.bare(observed) != letters.bare(intended)))
        throw GrammarError(file, entry.line,
                           "expected INTENDED<TAB>OBSERVED COST (one lower-case letter each, "
                           "with the same bare letter, or * for OBSERVED; COST: nats >= 0)");
      MarkCosts& costs = marks[intended];
      if (observed == '*')
        costs.any = cost;
      else
        costs.observed[observed] = cost;
    }
  }

  // What the mark channel charges for reading `candidate` as `observed`: the
  // letters are aligned on their bare letters (an edit distance), and each
  // pair with the same bare letter costs its mark confusion. The letters that
  // differ were paid for by the rewrite rules.
  double mark_cost(const std::u32string& observed, const std::string& candidate) const {
    const internal::Letters& letters = internal::Letters::get();
    const std::u32string intended = code_points(candidate);
    auto bare = [&](char32_t c) {
      return letters.bare(c) ? static_cast<char32_t>(letters.bare(c)) : c;
    };
    const std::size_t n = observed.size(), m = intended.size();
    if (n > 24 || m > 24) return 0;
    std::uint8_t d[25][25];
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<std::uint8_t>(i);
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<std::uint8_t>(j);
    for (std::size_t i = 1; i <= n; ++i)
      for (std::size_t j = 1; j <= m; ++j)
        d[i][j] = static_cast<std::uint8_t>(
            std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                      d[i - 1][j - 1] + (bare(observed[i - 1]) == bare(intended[j - 1]) ? 0 : 1)}));
    double cost = 0;
    std::size_t i = n, j = m;
    while (i > 0 && j > 0) {
      if (bare(observed[i - 1]) == bare(intended[j - 1]) && d[i][j] == d[i - 1][j - 1]) {
        auto it = marks.find(intended[j - 1]);
        if (it != marks.end()) {
          auto seen = it->second.observed.find(observed[i - 1]);
          cost += seen != it->second.observed.end() ? seen->second : it->second.any;
        } else if (observed[i - 1] != intended[j - 1]) {
          cost += kMarkDisagrees;
        }
        --i, --j;
      } else if (d[i][j] == d[i - 1][j - 1] + 1) {
        --i, --j;
      } else if (d[i][j] == d[i - 1][j] + 1) {
        --i;
      } else {
        --j;
      }
    }
    return cost;
  }

  // Marked words the lexicon lacks as written, looked up again in the other
  // tone placement (hoà → hòa) once each.
  mutable std::unordered_map<std::string, SyllableId> other_placement;
  SyllableId id_of_word(const Token& token) const {
    SyllableId id = m.id_of(token.lower);
    if (id != internal::kUnknown || !token.marked || !tone) return id;
    if (auto it = other_placement.find(token.lower); it != other_placement.end()) return it->second;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(token.lower + " ");
    tone->transliterate(text);
    std::string other;
    text.toUTF8String(other);
    other.pop_back();
    if (other_placement.size() > 100000) other_placement.clear();
    return other_placement[token.lower] = m.id_of(other);
  }

  Evidence measure(const std::vector<Token>& tokens, std::size_t from, std::size_t to) const {
    Evidence e;
    for (std::size_t t = from; t < to; ++t) {
      const Token& token = tokens[t];
      if (token.kind != TokenKind::word) continue;
      ++e.words;
      bool valid = !token.symbols && id_of_word(token) != internal::kUnknown;
      e.valid += valid;
      e.marked += token.marked;
      e.symbols += token.symbols;
      if (token.marked && !valid && !token.symbols) ++e.invalid_marked;
      if (!token.marked && !token.symbols) {
        ++e.bare;
        e.plausible_bare += m.by_key.count(token.key) > 0;
      }
    }
    return e;
  }

  void add_key(std::vector<Candidate>& out, const std::string& key, double cost) const {
    auto it = m.by_key.find(key);
    if (it == m.by_key.end()) return;
    for (SyllableId id : it->second) {
      auto same =
          std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return c.id == id; });
      if (same == out.end())
        out.push_back({id, cost, false});
      else
        same->cost = std::min(same->cost, cost);
    }
  }

  // Keys one or two channel rules away from `key`, with their costs.
  void rule_variants(const std::string& key, double cost, int depth, std::vector<Candidate>& out,
                     std::size_t from) const {
    for (std::size_t at = from; at < key.size(); ++at) {
      for (std::uint32_t index : rules_by_first_byte[static_cast<unsigned char>(key[at])]) {
        const ChannelRule& rule = rules[index];
        if (rule.initial && at != 0) continue;
        if (key.compare(at, rule.observed.size(), rule.observed) != 0) continue;
        std::string variant =
            key.substr(0, at) + rule.intended + key.substr(at + rule.observed.size());
        add_key(out, variant, cost + rule.cost);
        if (depth > 1)
          rule_variants(variant, cost + rule.cost, depth - 1, out, at + rule.intended.size());
      }
    }
  }

  void any_edit_variants(const std::string& key, std::vector<Candidate>& out) const {
    for (std::size_t at = 0; at <= key.size(); ++at) {
      if (at < key.size()) add_key(out, key.substr(0, at) + key.substr(at + 1), kAnyEdit);
      for (char c = 'a'; c <= 'z'; ++c) {
        add_key(out, key.substr(0, at) + c + key.substr(at), kAnyEdit);
        if (at < key.size() && key[at] != c) {
          std::string variant = key;
          variant[at] = c;
          add_key(out, variant, kAnyEdit);
        }
      }
    }
  }

  // A symbol the channel saw seldom ("X€y" for Xây, "CA€p" for Cấp) stands
  // for a vowel with its marks, or for a mark alone: each non-letter that is
  // not a digit may be any vowel, or nothing, at the cost of an unlisted edit.
  // Bytes cannot do this: most such symbols take two or three.
  void symbol_variants(const std::string& key, std::vector<Candidate>& out) const {
    for (std::size_t at = 0; at < key.size();) {
      char32_t c;
      std::size_t length = utf8_decode(key, at, c);
      bool symbol = c >= 0x80;  // ASCII ones ("?", "#") are well learned
      if (symbol) {
        std::string before = key.substr(0, at), after = key.substr(at + length);
        add_key(out, before + after, kAnyEdit);
        for (char vowel : kVowelLetters) add_key(out, before + vowel + after, kAnyEdit);
      }
      at += length;
    }
  }

  // A word's candidates depend on its spelling and case only: computed once.
  mutable std::unordered_map<std::string, std::vector<Candidate>> candidate_cache;
  const std::vector<Candidate>& candidates(const Token& token, bool ocr) const {
    std::string key = token.lower;
    key += ocr ? '\1' : '\2';
    key += token.all_upper ? '\1' : '\2';
    auto it = candidate_cache.find(key);
    if (it != candidate_cache.end()) return it->second;
    if (candidate_cache.size() > 200000) candidate_cache.clear();
    return candidate_cache.emplace(std::move(key), compute_candidates(token, ocr)).first->second;
  }

  // Spelling that no syllable of the lexicon shows, learned from it once:
  // letters no syllable holds (w, f, j, z), letters no syllable ends in
  // (b, d, k, r, s, …) and letters no syllable has right after a vowel (d, l,
  // r, s, …: its consonants after the vowel are finals). "Never" is under one
  // syllable in a thousand, so that an odd lexicon entry does not count.
  std::array<bool, 26> foreign_letter{}, never_last{}, never_after_vowel{};
  static bool vowel_letter(char c) { return kVowelLetters.find(c) != std::string_view::npos; }
  void learn_spelling() {
    std::array<std::size_t, 26> holding{}, ending{}, after_vowel{};
    std::size_t keys = 0;
    for (const auto& [key, ids] : m.by_key) {
      if (key.empty() ||
          !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        continue;
      ++keys;
      std::array<bool, 26> seen{}, seen_after_vowel{};
      for (std::size_t at = 0; at < key.size(); ++at) {
        seen[static_cast<std::size_t>(key[at] - 'a')] = true;
        if (at > 0 && vowel_letter(key[at - 1]))
          seen_after_vowel[static_cast<std::size_t>(key[at] - 'a')] = true;
      }
      for (std::size_t l = 0; l < 26; ++l) {
        holding[l] += seen[l];
        after_vowel[l] += seen_after_vowel[l];
      }
      ++ending[static_cast<std::size_t>(key.back() - 'a')];
    }
    constexpr std::size_t kNever = 1000;
    for (std::size_t l = 0; l < 26; ++l) {
      foreign_letter[l] = keys > 0 && holding[l] * kNever < keys;
      never_last[l] = keys > 0 && ending[l] * kNever < keys;
      never_after_vowel[l] = keys > 0 && after_vowel[l] * kNever < keys;
    }
    // Read later as written: Roman "Il", TeX "geq".
    never_last['l' - 'a'] = never_last['q' - 'a'] = false;
  }
  static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
  static bool doubled_letter(std::string_view key) {
    for (std::size_t at = 1; at < key.size(); ++at)
      if (ascii_lower(key[at]) && key[at] == key[at - 1]) return true;
    return false;
  }

  // Called for a word that is no syllable as written (see kKeepMisread).
  // A letter no syllable holds, inside a lower-case word, is OCR's reading of
  // a horn or a mark ("ngwoi", "cvfu"); a capital or an abbreviation may still
  // be a name ("Website", "TW"). A word ending in a letter no syllable ends in
  // is misread too ("Thur" for Thứ, "tir" for từ), except two letters with a
  // capital: units ("Gb/s", "Kg").
  bool misread_for_certain(const Token& token) const {
    if (token.marked && !token.symbols) return true;
    for (unsigned char c : token.lower)
      if (c < 0x80 && !std::isalnum(c)) return true;
    const std::string& key = token.key;
    if (!token.upper_first && std::any_of(key.begin(), key.end(), [&](char c) {
          return ascii_lower(c) && foreign_letter[static_cast<std::size_t>(c - 'a')];
        }))
      return true;
    // "ngudi", "thudc": a vowel read as a consonant letter ("d" for ơ, ộ).
    if (!token.upper_first && !token.all_upper)
      for (std::size_t at = 1; at < key.size(); ++at)
        if (vowel_letter(key[at - 1]) && ascii_lower(key[at]) &&
            never_after_vowel[static_cast<std::size_t>(key[at] - 'a')])
          return true;
    if (!token.all_upper && (key.size() >= 3 || (key.size() == 2 && !token.upper_first)) &&
        ascii_lower(key.back()) && never_last[static_cast<std::size_t>(key.back() - 'a')])
      return true;
    constexpr std::string_view kApostrophe = "\u2019";  // the horn of ơ, ư
    return token.lower.find(kApostrophe) != std::string::npos;
  }

  // A mark and a digit in one word ("B6é" for Bộ, "thu6éc" for thuộc): codes
  // that hold digits ("5G", "B2B", "H5N1") carry no Vietnamese mark, so the
  // word was misread. Its readings come from the channel's rules ("6e": o);
  // it only costs more to keep (one letter fewer is no reading of it: trying
  // those for every such word slowed parsing by a tenth).
  static bool mark_and_digit(const Token& token) {
    return token.marked && std::any_of(token.lower.begin(), token.lower.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
  }

  std::vector<Candidate> compute_candidates(const Token& token, bool ocr) const {
    std::vector<Candidate> out;
    SyllableId as_written = token.symbols ? internal::kUnknown : id_of_word(token);
    if (!token.symbols) add_key(out, token.key, 0);
    if (ocr) {
      rule_variants(token.key, 0, 2, out, 0);
      // Every syllable has a vowel: a word without one lost a letter.
      bool vowel = std::any_of(token.key.begin(), token.key.end(), vowel_letter);
      bool certain = as_written == internal::kUnknown && misread_for_certain(token);
      if ((out.empty() || !vowel) && token.key.size() >= 2) {
        any_edit_variants(token.key, out);
      } else if (certain || (as_written == internal::kUnknown && doubled_letter(token.key))) {
        // One letter too many ("caéc": các; a mark read as a second vowel:
        // "MoOi", Mỗi). Not a symbol: OCR writes one for a letter ("Thi?":
        // Thứ). Tried only then: for any unknown word, the readings one
        // letter shorter ("thue": thử) crowd out the one it needs (thực).
        for (std::size_t at = 0; at < token.key.size(); ++at)
          if (ascii_lower(token.key[at]))
            add_key(out, token.key.substr(0, at) + token.key.substr(at + 1), kAnyEdit);
      }
      if (token.symbols) symbol_variants(token.key, out);
      const std::u32string observed = code_points(token.lower);
      // A word that is a syllable as written costs nothing to keep: OCR rarely
      // writes í or ú, so the mark channel would price a clean word out.
      for (Candidate& c : out)
        if (c.id != as_written) c.cost += mark_cost(observed, m.syllables[c.id]);
      if (as_written == internal::kUnknown) {
        double keep = token.all_upper && !token.symbols ? kKeepAbbreviation : kKeepUnknown;
        if (certain || mark_and_digit(token)) keep = kKeepMisread;
        out.push_back({internal::kUnknown, keep, true});
      }
    }
    if (out.size() > kMaxCandidates) {
      auto score = [&](const Candidate& c) { return c.cost - m.unigram_logp[c.id]; };
      std::partial_sort(
          out.begin(), out.begin() + kMaxCandidates, out.end(),
          [&](const Candidate& a, const Candidate& b) { return score(a) < score(b); });
      out.resize(kMaxCandidates);
    }
    return out;
  }

  // Whose case a restored word takes: the written word's, but a capital that
  // OCR made up says nothing (see below; and "I" read for "l": "Ty I¢" =
  // "Tỷ lệ"). A word restored to its own spelling keeps its case ("AI").
  static internal::Casing case_to_copy(std::string_view text, const std::vector<Token>& tokens,
                                       std::size_t at, const std::string& syllable) {
    const Token& token = tokens[at];
    if (syllable == token.lower) return internal::casing_of(token);
    if (text[token.from] == 'I' && syllable.front() == 'l' && !token.all_upper)
      return {false, false};
    // "T6 CHUC THUC HIEN": a capital whose vowel OCR read as a digit or symbol
    // has no second letter to show its case; the capitals after it do.
    if (token.symbols && token.upper_first && !token.all_upper &&
        next_word_on_line_all_upper(text, tokens, at))
      return {true, true};
    return capitals_read_for_one(text, tokens, at);
  }

  static bool next_word_on_line_all_upper(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t at) {
    for (std::size_t next = at + 1; next < tokens.size(); ++next) {
      if (tokens[next].kind != TokenKind::word) continue;
      bool same_line = text.substr(tokens[at].to, tokens[next].from - tokens[at].to).find('\n') ==
                       std::string_view::npos;
      return same_line && tokens[next].all_upper;
    }
    return false;
  }

  // OCR reads a short capitalised word in capitals ("SO Kế hoạch" for "Sở
  // Kế hoạch", "TO chức"): capitals that no neighbouring word shares stand
  // for one capital.
  static internal::Casing capitals_read_for_one(std::string_view text,
                                                const std::vector<Token>& tokens, std::size_t at) {
    constexpr std::size_t kShortWordBytes = 3;
    const Token& token = tokens[at];
    const internal::Casing as_written = internal::casing_of(token);
    if (!token.all_upper || token.to - token.from > kShortWordBytes) return as_written;
    auto word_at = [&](std::size_t i) { return tokens[i].kind == TokenKind::word; };
    std::size_t next = at + 1;
    while (next < tokens.size() && !word_at(next)) ++next;
    if (next == tokens.size() || tokens[next].all_upper) return as_written;
    for (std::size_t prev = at; prev-- > 0;)  // on the same line
      if (word_at(prev)) {
        bool same_line = text.substr(tokens[prev].to, token.from - tokens[prev].to).find('\n') ==
                         std::string_view::npos;
        if (same_line && tokens[prev].all_upper) return as_written;
        break;
      }
    return {false, true};
  }

  // Where the line holding `token` starts.
  static std::size_t line_start_of(std::string_view text, const Token& token) {
    std::size_t start = text.rfind('\n', token.from == 0 ? 0 : token.from - 1);
    return start == std::string_view::npos ? 0 : start + 1;
  }

  // A line with lower case is a sentence, not a heading in capitals (bare
  // letters are enough to tell: damaged text has them).
  static bool line_has_lower_case(std::string_view text, const Token& token) {
    std::size_t start = line_start_of(text, token);
    std::size_t end = std::min(text.find('\n', token.to), text.size());
    return std::any_of(text.begin() + start, text.begin() + end,
                       [](char c) { return c >= 'a' && c <= 'z'; });
  }

  // An abbreviation of restore/abbreviations.re ("R&D", "GDP") in a line with
  // lower case; in a heading of capitals the word may be OCR's ("Đ&T" for ĐẠT).
  bool abbreviation_in_lower_case(std::string_view text, const Token& token) const {
    std::string_view word = text.substr(token.from, token.to - token.from);
    if (!joined_capitals.matches_at_start(word) && !known_abbreviation.matches_at_start(word))
      return false;
    return line_has_lower_case(text, token);
  }

  // A part of a document number or code: "NQ/TW", "KH-UBND", "71-CTr/TU".
  static bool in_code(std::string_view text, const Token& token) {
    char before = token.from > 0 ? text[token.from - 1] : '\n';
    char after = token.to < text.size() ? text[token.to] : '\n';
    bool inner_capital =
        std::any_of(text.begin() + token.from + 1, text.begin() + token.to,
                    [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    bool code_like =
        token.all_upper || inner_capital || (token.upper_first && token.to - token.from == 1);
    return ((before == '/' || after == '/' || before == '-') && code_like) ||
           (after == '-' && token.all_upper && token.to + 1 < text.size() &&
            std::isupper(static_cast<unsigned char>(text[token.to + 1])));
  }

  // How an abbreviation typed or read without the bar of Đ is written
  // (restore/codes: "ND" in "15/2020/ND-CP" is NĐ, "HDND tỉnh" HĐND), or
  // null. Only in a code or among lower-case words: in a heading of capitals
  // "DU" is as likely DỰ as ĐU.
  const std::string* written_with_d(std::string_view text, const Token& token) const {
    if (token.kind != TokenKind::word || !token.all_upper) return nullptr;
    auto it = codes_with_d.find(text.substr(token.from, token.to - token.from));
    if (it == codes_with_d.end()) return nullptr;
    return in_code(text, token) || line_has_lower_case(text, token) ? &it->second : nullptr;
  }

  // The letter a list letter typed without its marks stands for: the list's
  // alphabet (structure/letters) runs a, b, c, d, đ, e, so the "d)" after a
  // "d)" is "đ)". Looks back for the list letter that opens an earlier line,
  // as far as a page; 0 when the letter is as written.
  char32_t marked_list_letter(std::string_view text, const Token& token) const {
    constexpr std::size_t kLookBack = 8000;
    const internal::Letters& letters = internal::Letters::get();
    // The letter of "x)" opening the line at `from`, and where it stands.
    auto list_letter_at = [&](std::size_t from, std::size_t& at) -> char32_t {
      at = text.find_first_not_of(" \t#*-", from);
      if (at == std::string_view::npos) return 0;
      char32_t letter;
      std::size_t length = utf8_decode(text, at, letter);
      if (!letters.is_letter(letter) || at + length >= text.size() || text[at + length] != ')')
        return 0;
      return letter;
    };
    std::size_t at = 0;
    char32_t written = list_letter_at(line_start_of(text, token), at);
    if (written == 0 || at != token.from || token.to >= text.size() || text[token.to] != ')')
      return 0;
    std::size_t limit = token.from > kLookBack ? token.from - kLookBack : 0;
    for (std::size_t end = line_start_of(text, token); end > limit + 1;) {
      std::size_t start = text.rfind('\n', end - 2);
      start = start == std::string_view::npos ? 0 : start + 1;
      if (char32_t before = list_letter_at(start, at); before != 0 && at < end) {
        std::size_t place = list_alphabet.find(letters.lower(before));
        if (place == std::u32string::npos || place + 1 >= list_alphabet.size()) return 0;
        char32_t next = list_alphabet[place + 1];
        if (next == letters.lower(written) || letters.bare(next) != letters.bare(written)) return 0;
        return letters.lower(written) == written ? next : letters.upper(next);
      }
      end = start;
    }
    return 0;
  }

  // "1.000 ha": a unit's symbol right after a number (restore/abbreviations.re).
  bool unit_after_number(std::string_view text, const std::vector<Token>& tokens, std::size_t at,
                         std::size_t from) const {
    const Token& token = tokens[at];
    return at > from && tokens[at - 1].kind == TokenKind::number &&
           unit_symbol.matches_at_start(text.substr(token.from, token.to - token.from));
  }

  // Codes and markers are not words: "NQ/TW", "KH-UBND", "71-CTr/TU", a Roman
  // "II." or its OCR forms "Il.", "Iv." at a line's start, a list letter "c)"
  // or "¢)".
  bool code_or_marker(std::string_view text, const Token& token) const {
    if (in_code(text, token) || abbreviation_in_lower_case(text, token)) return true;
    char after = token.to < text.size() ? text[token.to] : '\n';
    // Roman letters, and what OCR writes for their strokes (structure/roman_letters:
    // "Hl.", "TII-" in a serif face).
    bool roman = std::all_of(text.begin() + token.from, text.begin() + token.to, [&](char c) {
      return roman_strokes.find(static_cast<char>(std::tolower(static_cast<unsigned char>(c)))) !=
             std::string::npos;
    });
    // A list letter, OCR's "¢)" for "c)" too: one character before ")".
    std::size_t code_points = 0;
    for (std::size_t i = token.from; i < token.to; ++i)
      code_points += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    bool list_letter = code_points == 1 && after == ')';
    // "I - MỤC TIÊU": a numeral's dash may stand apart from it; "T MỤC ĐÍCH": a
    // lone stroke before a title in capitals is a numeral that lost its dot.
    bool spaced_dash = after == ' ' && text.substr(token.to, 3) == " - ";
    bool lone_stroke_before_capitals = token.to - token.from == 1 && after == ' ' &&
                                       token.to + 1 < text.size() &&
                                       std::isupper(static_cast<unsigned char>(text[token.to + 1]));
    if (!(roman || list_letter) || (after != '.' && after != ')' && after != '-' &&
                                    !(roman && (spaced_dash || lone_stroke_before_capitals))))
      return false;
    return text.find_first_not_of(" \t#*", line_start_of(text, token)) == token.from;
  }

  // The first word of a line, after list marks and markup ("- Căn cứ", "**Sở"):
  // a line of a plan most often opens a paragraph, a heading or a list item,
  // so its capital is a sentence's, not a name's.
  static bool opens_line(std::string_view text, const Token& token) {
    std::size_t first = text.find_first_not_of(" \t#*->+", line_start_of(text, token));
    return first == token.from;
  }

  // Which words of a paragraph are suspect, under the paragraph's state.
  static bool suspect(const Token& token, TextStateKind state) {
    if (token.kind != TokenKind::word) return false;
    if (state == TextStateKind::ocr_damaged) return true;
    if (state == TextStateKind::stripped) return !token.marked && !token.symbols;
    return false;
  }

  struct Slot {
    std::uint32_t first = 0, count = 0;  // its options in Sentence::options (one, fixed,
                                         // for a word not suspect)
    std::size_t token = 0;
    bool open = false;
  };
  // Beam over (previous, current) syllable pairs.
  struct State {
    SyllableId prev = internal::kBoundary, cur = internal::kBoundary;
    double score = 0;
    std::uint32_t parent = 0, option = 0;
  };
  // The sentence being decoded; its buffers serve sentence after sentence.
  struct Sentence {
    std::vector<Slot> slots;
    std::vector<Candidate> options;
    std::vector<State> states;               // the beams, one after another
    std::vector<std::uint32_t> beam_starts;  // in states, and one past the last beam
    std::vector<std::int32_t> state_of;
    std::vector<std::uint32_t> chosen;
    // Of each state the beam extended: logp(prev, cur, option) for the options
    // of the next slot, from row_at[state] in rows; the confidence of a pick
    // reuses the row of the state before it on the chosen path (path[slot]).
    std::vector<double> rows;
    std::vector<std::uint32_t> row_at, path;
    std::vector<double> scores;
    // Words rewritten outright, not chosen by the model: abbreviations and list
    // letters given back their Đ.
    std::vector<Restoration> fixed_words;
    const Candidate* options_of(const Slot& slot) const { return options.data() + slot.first; }
  };

  void decode(std::string_view text, const std::vector<Token>& tokens, std::size_t from,
              std::size_t to, TextStateKind state, Sentence& sentence,
              std::vector<Restoration>& out) const;
  void beam_search(Sentence& sentence) const;
  void write_changes(std::string_view text, const std::vector<Token>& tokens, Sentence& sentence,
                     std::vector<Restoration>& out) const;
};

Restorer::Restorer(std::shared_ptr<const RestoreModel> model, const Grammar& grammar)
    : impl_(std::make_unique<Impl>(std::move(model), grammar)) {}
Restorer::~Restorer() = default;

TextState Restorer::assess(std::string_view text) const {
  Evidence all;
  TextState state;
  TextEvidence& e = state.evidence;
  for_each_paragraph(text, impl_->symbols, [&](const std::vector<Token>& tokens, std::size_t end) {
    Evidence p = impl_->measure(tokens, 0, end);
    all.add(p);
    if (p.words < kMinJudgedWords) return;
    (p.judge() == TextStateKind::clean ? e.blocks_clean : e.blocks_damaged) += 1;
  });
  e.words = all.words;
  if (all.words) {
    double w = static_cast<double>(all.words);
    e.valid_syllables = all.valid / w;
    e.with_diacritics = all.marked / w;
    e.plausible_bare = all.bare ? static_cast<double>(all.plausible_bare) / all.bare : 0;
    e.invalid_marked = all.invalid_marked / w;
    e.ocr_confusions = all.symbols / w;
  }
  state.kind = all.words < kMinJudgedWords ? TextStateKind::clean : all.judge();
  std::size_t judged = e.blocks_clean + e.blocks_damaged;
  if (judged >= 4 && e.blocks_clean * 5 >= judged && e.blocks_damaged * 5 >= judged)
    state.kind = TextStateKind::mixed;
  return state;
}

// Picks an option for every slot of the sentence: the best path of the beam
// (sentence.chosen).
void Restorer::Impl::beam_search(Sentence& sentence) const {
  const std::vector<Slot>& slots = sentence.slots;
  std::vector<State>& states = sentence.states;
  std::vector<std::uint32_t>& starts = sentence.beam_starts;
  states.assign(1, State{});
  starts.assign({0, 1});
  sentence.rows.clear();
  sentence.row_at.clear();
  // States that reach the same (previous option, option) pair recombine: the
  // trigram model sees only those two syllables.
  std::size_t previous_options = 1;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const Candidate* options = sentence.options_of(slots[i]);
    const std::size_t count = slots[i].count;
    const std::uint32_t begin = starts[i], end = starts[i + 1];
    const std::uint64_t options_hash = hash_options(options, count);
    sentence.state_of.assign(previous_options * count, -1);
    states.reserve(states.size() + (end - begin) * count);  // no reallocation below
    for (std::uint32_t k = begin; k < end; ++k)
      prefetch_row(states[k].prev, states[k].cur, options_hash);
    for (std::uint32_t p = 0; p < end - begin; ++p) {
      const State& s = states[begin + p];
      const double* row = logp_row(s.prev, s.cur, options, count, options_hash);
      sentence.row_at.push_back(static_cast<std::uint32_t>(sentence.rows.size()));
      sentence.rows.insert(sentence.rows.end(), row, row + count);
      for (std::uint32_t o = 0; o < count; ++o) {
        double score = s.score + row[o] - options[o].cost;
        std::int32_t& index = sentence.state_of[s.option * count + o];
        if (index < 0) {
          index = static_cast<std::int32_t>(states.size() - end);
          states.push_back({s.cur, options[o].id, score, p, o});
        } else if (score > states[end + static_cast<std::size_t>(index)].score) {
          states[end + static_cast<std::size_t>(index)] = {s.cur, options[o].id, score, p, o};
        }
      }
    }
    previous_options = count;
    if (states.size() - end > kBeam) {
      std::partial_sort(states.begin() + end, states.begin() + end + kBeam, states.end(),
                        [](const State& a, const State& b) { return a.score > b.score; });
      states.resize(end + kBeam);
    }
    starts.push_back(static_cast<std::uint32_t>(states.size()));
  }
  std::size_t best = 0;
  double best_score = -std::numeric_limits<double>::infinity();
  for (std::size_t k = starts[slots.size()]; k < states.size(); ++k) {
    double score = states[k].score + logp(states[k].prev, states[k].cur, internal::kBoundary);
    if (score > best_score) best_score = score, best = k - starts[slots.size()];
  }
  sentence.chosen.resize(slots.size());
  sentence.path.resize(slots.size());
  for (std::size_t i = slots.size(); i-- > 0;) {
    sentence.chosen[i] = states[starts[i + 1] + best].option;
    best = states[starts[i + 1] + best].parent;
    sentence.path[i] = static_cast<std::uint32_t>(starts[i] + best);
  }
}

// The words of the sentence whose pick differs from what is written.
void Restorer::Impl::write_changes(std::string_view text, const std::vector<Token>& tokens,
                                   Sentence& sentence, std::vector<Restoration>& out) const {
  const std::vector<Slot>& slots = sentence.slots;
  const std::vector<std::uint32_t>& chosen = sentence.chosen;
  auto id_at = [&](std::ptrdiff_t i) -> SyllableId {
    if (i < 0 || i >= static_cast<std::ptrdiff_t>(slots.size())) return internal::kBoundary;
    const Slot& slot = slots[static_cast<std::size_t>(i)];
    return sentence.options_of(slot)[chosen[static_cast<std::size_t>(i)]].id;
  };
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const Slot& slot = slots[i];
    if (!slot.open) continue;
    const Candidate* options = sentence.options_of(slot);
    const Candidate& pick = options[chosen[i]];
    if (pick.keep) continue;  // the word as written
    const Token& token = tokens[slot.token];
    const std::string_view written = text.substr(token.from, token.to - token.from);
    const std::string& syllable = m.syllables[pick.id];
    std::string word =
        internal::cased_as(syllable, case_to_copy(text, tokens, slot.token, syllable));
    if (word == written) continue;
    // Confidence: the pick's share among the options, given the chosen neighbours.
    auto p = static_cast<std::ptrdiff_t>(i);
    SyllableId b = id_at(p - 1), c = id_at(p + 1), d = id_at(p + 2);
    std::vector<double>& scores = sentence.scores;
    scores.clear();
    double top = -std::numeric_limits<double>::infinity();
    // logp(a, b, option) for each option: the row the beam computed.
    const double* before = sentence.rows.data() + sentence.row_at[sentence.path[i]];
    for (std::size_t o = 0; o < slot.count; ++o) {  // the look-ups below, in flight at once
      __builtin_prefetch(&logp_slot(b, options[o].id, c));
      __builtin_prefetch(&logp_slot(options[o].id, c, d));
    }
    const double c_then_d = m.bigram_prob(c, d);
    for (std::size_t o = 0; o < slot.count; ++o) {
      const Candidate& option = options[o];
      double s = before[o] + logp(b, option.id, c) + logp(option.id, c, d, c_then_d) - option.cost;
      scores.push_back(s);
      top = std::max(top, s);
    }
    double sum = 0;
    for (double s : scores) sum += std::exp(s - top);
    double confidence = std::exp(scores[chosen[i]] - top) / sum;
    out.push_back({token.from, token.to, std::move(word), static_cast<float>(confidence)});
  }
}

namespace {

// A number of one digit with a word on each side ("phương 6 mức"), which OCR
// may have read for a vowel; a digit alone in a cell or before a number is one.
bool lone_digit_between_words(std::string_view text, const std::vector<Token>& tokens,
                              std::size_t t, std::size_t from, std::size_t to) {
  const Token& token = tokens[t];
  if (token.kind != TokenKind::number || token.to != token.from + 1 || t == from || t + 1 >= to)
    return false;
  if (text[token.from] < '0' || text[token.from] > '9') return false;
  return tokens[t - 1].kind == TokenKind::word && tokens[t + 1].kind == TokenKind::word;
}

// The digit as a word token of one OCR symbol, for the channel's candidates.
Token digit_as_word(std::string_view text, const Token& number) {
  Token word = number;
  word.kind = TokenKind::word;
  word.lower = std::string(text.substr(number.from, number.to - number.from));
  word.key = word.lower;
  word.symbols = true;
  return word;
}

}  // namespace

void Restorer::Impl::decode(std::string_view text, const std::vector<Token>& tokens,
                            std::size_t from, std::size_t to, TextStateKind state,
                            Sentence& sentence, std::vector<Restoration>& out) const {
  // Slots between boundaries; each sentence is decoded on its own.
  std::vector<Slot>& slots = sentence.slots;
  std::vector<Candidate>& options = sentence.options;
  slots.clear();
  options.clear();
  auto flush = [&]() {
    const std::size_t first = out.size();
    if (std::any_of(slots.begin(), slots.end(), [](const Slot& s) { return s.open; })) {
      beam_search(sentence);
      write_changes(text, tokens, sentence, out);
    }
    if (!sentence.fixed_words.empty()) {
      out.insert(out.end(), sentence.fixed_words.begin(), sentence.fixed_words.end());
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                [](const Restoration& a, const Restoration& b) { return a.from < b.from; });
      sentence.fixed_words.clear();
    }
    slots.clear();
    options.clear();
  };
  bool ocr = state == TextStateKind::ocr_damaged;
  const KnownName* name = nullptr;  // the known name tokens[name_start, …) are typed as
  std::size_t name_start = 0;
  for (std::size_t t = from; t < to; ++t) {
    const Token& token = tokens[t];
    if (token.kind == TokenKind::boundary) {
      flush();
      name = nullptr;
      continue;
    }
    if (name && t >= name_start + name->keys.size()) name = nullptr;
    if (!name && token.kind == TokenKind::word && (name = known_name_at(tokens, t, to)))
      name_start = t;
    Slot slot;
    slot.token = t;
    slot.first = static_cast<std::uint32_t>(options.size());
    if (name) {
      options.push_back({name->ids[t - name_start], 0, false});
      slot.open = true;
    } else if (ocr && lone_digit_between_words(text, tokens, t, from, to)) {
      // "địa phương 6 mức": OCR writes "ở" as "6". The number stays an option
      // (kept as written); the model weighs it against the syllables.
      options.push_back({internal::kNumber, 0, true});
      std::size_t before_words = options.size();
      for (const Candidate& c : candidates(digit_as_word(text, token), true))
        if (!c.keep) options.push_back(c);
      slot.open = options.size() > before_words;
    } else if (token.kind == TokenKind::number || token.kind == TokenKind::comma) {
      options.push_back(
          {token.kind == TokenKind::number ? internal::kNumber : internal::kComma, 0, false});
    } else if (const std::string* code = written_with_d(text, token)) {
      sentence.fixed_words.push_back({token.from, token.to, *code, 1.0f});
      options.push_back({internal::kUnknown, 0, true});
    } else if (char32_t letter = marked_list_letter(text, token); letter && suspect(token, state)) {
      std::string written;
      utf8_append(written, letter);
      sentence.fixed_words.push_back({token.from, token.to, std::move(written), 1.0f});
      options.push_back({internal::kUnknown, 0, true});
    } else if (suspect(token, state) && !code_or_marker(text, token) &&
               !unit_after_number(text, tokens, t, from)) {
      const std::vector<Candidate>& list = candidates(token, ocr);
      options.insert(options.end(), list.begin(), list.end());
      // Inside a sentence a capital says "name" (Sở, not số); all capitals say
      // nothing, and neither does the capital that opens a line.
      if (!slots.empty() && !token.all_upper && !opens_line(text, token))
        for (std::size_t o = slot.first; o < options.size(); ++o)
          if (!options[o].keep) options[o].cost += m.case_cost(options[o].id, token.upper_first);
      slot.open = list.size() > 1 || (list.size() == 1 && !list[0].keep);
      if (list.empty()) options.push_back({id_of_word(token), 0, true});
    } else {
      options.push_back({token.symbols ? internal::kUnknown : id_of_word(token), 0, true});
    }
    slot.count = static_cast<std::uint32_t>(options.size() - slot.first);
    slots.push_back(slot);
  }
  flush();
}

std::vector<Restoration> Restorer::restore(std::string_view text, TextStateKind state) const {
  std::vector<Restoration> out;
  if (state == TextStateKind::clean || state == TextStateKind::legacy_encoding) return out;
  // A sentence never spans a blank line (the tokenizer ends it there), so
  // decoding paragraph by paragraph is decoding the whole text. Mixed: each
  // paragraph under its own state; a short one under the last judged.
  TextStateKind last = TextStateKind::ocr_damaged;
  Impl::Sentence sentence;
  impl_->hold_caches();
  for_each_paragraph(text, impl_->symbols, [&](const std::vector<Token>& tokens, std::size_t end) {
    TextStateKind own = state;
    if (state == TextStateKind::mixed) {
      Evidence e = impl_->measure(tokens, 0, end);
      own = e.words >= kMinJudgedWords ? e.judge() : last;
      last = own;
    }
    // A clean paragraph has no suspect word: nothing to decode.
    if (own != TextStateKind::clean) impl_->decode(text, tokens, 0, end, own, sentence, out);
  });
  impl_->release_caches();
  return out;
}

std::string Restorer::apply(std::string_view text, const std::vector<Restoration>& changes) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t at = 0;
  for (const Restoration& change : changes) {
    if (change.from < at || change.to > text.size()) continue;
    out.append(text, at, change.from - at);
    out += change.text;
    at = change.to;
  }
  out.append(text, at, std::string_view::npos);
  return out;
}

}  // namespace vnplan
