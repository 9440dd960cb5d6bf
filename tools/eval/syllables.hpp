// Syllable accuracy of a restored text against its clean original.
//
// A text is cut into tokens: maximal runs of letters, combining marks and
// digits (everything else, spaces and punctuation, separates). A token is a
// syllable when it is made of Latin letters (and marks) only: numbers and
// tokens with digits ("57", "2025", "s6") are tokens but not syllables. Tokens
// are compared after NFC and one tone-placement style (the rules of
// grammars/normalise/tone_placement.rules), so "hoà" and "hòa" are the same.
//
// Two comparisons:
//   one to one (stripped text): the restored text has the clean text's tokens,
//     changed in their letters only, so token i is compared with token i;
//   by alignment (OCR text): the restored tokens are aligned to the clean ones
//     by a longest common subsequence of equal tokens (anchored on tokens
//     found once in both, as patience diff, so 40k-token texts take
//     milliseconds); a clean syllable counts when the alignment pairs it with
//     an equal token: "the share of the clean syllables restored exactly".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vnplan/grammar.hpp"

namespace vnplan::eval {

struct Token {
  std::string text;   // NFC, one tone placement
  std::string lower;  // `text` in lower case, for the comparison ignoring case
  bool syllable = false;
};

class Tokeniser {
 public:
  explicit Tokeniser(const Grammar& grammar);  // reads normalise/tone_placement
  ~Tokeniser();
  std::vector<Token> tokens(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct Accuracy {
  std::size_t syllables = 0;            // syllables of the clean text
  std::size_t exact = 0;                // of them, restored exactly
  std::size_t exact_ignoring_case = 0;  // of them, restored but for case
  // By alignment only: of them, how many the restored text has in any order
  // (a bag of syllables). Above `exact` where the OCR read text in another
  // order (table cells, columns), which no restoration can put back.
  std::size_t in_any_order = 0;
  Accuracy& operator+=(const Accuracy& other);
  double share() const;                // exact / syllables (1 when there is none)
  double share_ignoring_case() const;  // exact_ignoring_case / syllables
  double share_in_any_order() const;   // in_any_order / syllables
};

// Clean and restored syllables that differ: (clean, restored) in text order.
using Confusions = std::vector<std::pair<std::string, std::string>>;

// Token i against token i; nullopt when the token counts differ (the restorer
// split or joined tokens, so the one-to-one comparison does not apply).
std::optional<Accuracy> compare_one_to_one(const std::vector<Token>& clean,
                                           const std::vector<Token>& restored,
                                           Confusions* confusions = nullptr);

// Restored tokens aligned to the clean ones. Confusions: the clean syllables of
// a stretch between two aligned pairs that has as many clean as restored tokens
// (substitutions), with their restored counterparts.
Accuracy compare_by_alignment(const std::vector<Token>& clean, const std::vector<Token>& restored,
                              Confusions* confusions = nullptr);

// A longest (or nearly) common subsequence of two sequences of token ids: the pairs
// (i in a, j in b) with a[i] == b[j], increasing in both. A stretch of at most
// kExactCells cells (its tokens in a times its tokens in b) is aligned exactly
// (the whole table); a larger one is first cut at the tokens found once on each
// side (patience diff: close to the optimum, and fast), and one without such a
// token is halved by Hirschberg's algorithm (exact, quadratic time, linear memory).
constexpr std::size_t kExactCells = std::size_t{1} << 22;
std::vector<std::pair<std::size_t, std::size_t>> align(const std::vector<std::uint32_t>& a,
                                                       const std::vector<std::uint32_t>& b);

}  // namespace vnplan::eval
