// Internal to the restore stage: letters, words, the n-gram tables.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vnplan/restore.hpp"

namespace vnplan::internal {

// What a code point is to a Vietnamese word: its bare letter ('a' for ẫ, 'd'
// for đ), whether it carries a mark, and its upper and lower case. Built from
// ICU once per process for the Latin blocks Vietnamese uses.
class Letters {
 public:
  static const Letters& get();
  bool is_letter(char32_t c) const { return c < kSize ? table_[c].bare != 0 : false; }
  char bare(char32_t c) const { return c < kSize ? table_[c].bare : 0; }
  bool marked(char32_t c) const { return c < kSize && table_[c].marked; }
  char32_t lower(char32_t c) const { return c < kSize ? table_[c].lower : c; }
  char32_t upper(char32_t c) const { return c < kSize ? table_[c].upper : c; }

 private:
  Letters();
  static constexpr char32_t kSize = 0x1F00;
  struct Entry {
    char bare = 0;  // 0: not a letter a Vietnamese word is written with
    bool marked = false;
    char32_t lower = 0, upper = 0;
  };
  std::vector<Entry> table_;
};

enum class TokenKind : std::uint8_t { word, number, comma, boundary };

// A token of running text. A word is a run of letters, possibly with digits or
// OCR symbols among them ("s6", "I¢"); a number is a run of digits (with inner
// "." "," "/"); a boundary ends a sentence (". ; : ! ? | ( )" or a blank line).
struct Token {
  TokenKind kind = TokenKind::word;
  std::uint32_t from = 0, to = 0;
  bool marked = false;   // holds a letter with a diacritic (or đ)
  bool symbols = false;  // holds a digit or OCR symbol among its letters
  std::string lower;     // lower-case word (words only)
  std::string key;       // bare letters, lower case, digits and symbols kept
  bool upper_first = false, all_upper = false;
};

// Splits `text` into tokens one at a time, so that a long text need not be
// held as tokens all at once; `symbols` are the non-letters that count as part
// of a word when letters surround or precede them (from the OCR channel).
class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::u32string& symbols);
  bool next(Token& token);  // false at the end of the text

 private:
  bool is_symbol(char32_t c) const;
  std::string_view text_;
  const std::u32string& symbols_;
  std::uint64_t ascii_symbols_[2] = {0, 0};  // the symbols below 128, as bits
  std::size_t i_ = 0;
  int newlines_ = 0;  // since the last token or mark
  bool last_was_boundary_ = false;
};

// All the tokens of `text` (see Tokenizer).
void tokenize(std::string_view text, const std::u32string& symbols, std::vector<Token>& out);

// Whether a blank line between `before` and `token` (tokens in this order)
// starts a new paragraph at `token`.
bool starts_paragraph(std::string_view text, const Token& before, const Token& token);

// Paragraphs: [from, to) token ranges between blank lines.
std::vector<std::pair<std::size_t, std::size_t>> paragraphs(std::string_view text,
                                                            const std::vector<Token>& tokens);

// How a word is written: all in capitals, with a first capital, or neither.
struct Casing {
  bool all_upper = false, upper_first = false;
};
inline Casing casing_of(const Token& token) { return {token.all_upper, token.upper_first}; }

// The word in the case pattern of `like` (all upper, first upper, or lower).
std::string cased_as(const std::string& lower_word, Casing like);
inline std::string cased_as(const std::string& lower_word, const Token& like) {
  return cased_as(lower_word, casing_of(like));
}

// An open-addressing map from 64-bit keys to 32-bit values (no erase).
class FlatMap {
 public:
  void reserve(std::size_t n);
  void put(std::uint64_t key, std::uint32_t value);
  const std::uint32_t* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    std::size_t i = mix(key) & mask_;
    while (true) {
      const Slot& slot = slots_[i];
      if (slot.key == key && slot.used) return &slot.value;
      if (!slot.used) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  std::size_t size() const { return size_; }
  template <typename Visit>
  void for_each(Visit visit) const {
    for (const Slot& slot : slots_)
      if (slot.used) visit(slot.key, slot.value);
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    bool used = false;
  };
  static std::size_t mix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
  void grow();
};

using SyllableId = std::uint32_t;
inline constexpr SyllableId kBoundary = 0, kUnknown = 1, kNumber = 2, kComma = 3,
                            kFirstSyllable = 4;

inline std::uint64_t pair_key(SyllableId a, SyllableId b) { return (std::uint64_t{a} << 21) | b; }
inline std::uint64_t triple_key(SyllableId a, SyllableId b, SyllableId c) {
  return (std::uint64_t{a} << 42) | (std::uint64_t{b} << 21) | c;
}

}  // namespace vnplan::internal

namespace vnplan {

// The loaded model: syllables, their bare keys, interpolated Kneser-Ney
// trigram probabilities (absolute discounting; the lower orders from the
// counts of contexts, computed at load from the file's counts).
struct RestoreModel::Impl {
  std::string path;
  std::vector<std::string> syllables;  // by id; ids < kFirstSyllable are classes
  std::unordered_map<std::string, internal::SyllableId> ids;
  std::unordered_map<std::string, std::vector<internal::SyllableId>> by_key;  // most frequent first
  std::vector<std::uint32_t> unigram;
  // How often each syllable was written with a capital inside a sentence: a
  // capitalised word there is likelier a name (Sở, Ủy ban) than a common word.
  std::vector<std::uint32_t> capitalised;
  // -log P(the case a word is written in | syllable), for a word inside a sentence.
  double case_cost(internal::SyllableId id, bool capital) const {
    return case_costs[2 * id + capital];
  }
  // Of every syllable, lower case then capital: computed once at load, as the
  // decoder asks for every option of every word.
  std::vector<double> case_costs;
  void compute_case_costs() {
    case_costs.resize(2 * unigram.size());
    for (std::size_t id = 0; id < unigram.size(); ++id)
      for (bool capital : {false, true}) {
        double n = unigram[id], cap = capitalised[id];
        case_costs[2 * id + capital] = -std::log(((capital ? cap : n - cap) + 0.5) / (n + 1.0));
      }
  }
  std::vector<float> unigram_logp;
  std::vector<double> unigram_p;
  std::vector<double> continuation_p;  // of each id: its share of the bigram types it ends
  void use_continuation_counts();
  std::vector<std::uint32_t> follow_total, follow_types;  // of each id as a context
  struct Bigram {
    std::uint32_t count = 0, follow_total = 0, follow_types = 0;
    std::uint32_t next_first = 0, next_count = 0;  // its continuations in after_bigram
  };
  std::vector<Bigram> bigrams;
  internal::FlatMap bigram_index;  // pair_key → index in bigrams
  static constexpr double kDiscount = 0.75;

  internal::SyllableId id_of(const std::string& lower) const {
    auto it = ids.find(lower);
    return it == ids.end() ? internal::kUnknown : it->second;
  }
  // The words seen after each bigram context, sorted by id: the decoder looks
  // a context up once for all the candidates of the next word, which are then
  // found in one short, contiguous list.
  struct Next {
    internal::SyllableId id = 0;
    std::uint32_t count = 0;
  };
  std::vector<Next> after_bigram;
  void index_continuations(std::vector<std::pair<std::uint64_t, std::uint32_t>>& trigrams);

  // What logp needs to know of the context (u, v), looked up once.
  struct Context {
    internal::SyllableId v = 0;
    const Bigram* uv = nullptr;  // null when (u, v) never preceded a word
    const Next *after_uv = nullptr, *after_uv_end = nullptr;
  };
  Context context(internal::SyllableId u, internal::SyllableId v) const;
  double bigram_prob(internal::SyllableId v, internal::SyllableId w) const;
  // `lower`: bigram_prob(context.v, w), which a caller scoring many contexts
  // may have computed once for all of them.
  double logp(const Context& context, internal::SyllableId w, double lower) const;
  double logp(const Context& context, internal::SyllableId w) const {
    return logp(context, w, bigram_prob(context.v, w));
  }
  // Whether logp(context, w) is log(bigram_prob(context.v, w)): (u, v) never
  // preceded a word.
  static bool backs_off(const Context& context) {
    return !context.uv || context.uv->follow_total == 0;
  }
  double logp(internal::SyllableId u, internal::SyllableId v, internal::SyllableId w) const {
    return logp(context(u, v), w);
  }
};

}  // namespace vnplan
