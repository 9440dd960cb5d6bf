#include "syllables.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace vnplan::eval {

// ---------------------------------------------------------------- tokens

struct Tokeniser::Impl {
  std::unique_ptr<icu::Transliterator> tone;
  const icu::Normalizer2* nfc = nullptr;

  // NFC and one tone placement. The rules move a tone only before a
  // non-letter, so the token is given a space to end on.
  std::string normalised(const std::string& token) const {
    bool ascii = std::all_of(token.begin(), token.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return token;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(token + " "), status);
    tone->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    out.pop_back();
    return out;
  }

  static std::string lower(const std::string& token) {
    std::string out;
    icu::UnicodeString::fromUTF8(token).toLower(icu::Locale::getRoot()).toUTF8String(out);
    return out;
  }
};

Tokeniser::Tokeniser(const Grammar& grammar) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->nfc = icu::Normalizer2::getNFCInstance(status);
  UParseError parse_error;
  icu::UnicodeString rules = icu::UnicodeString::fromUTF8(grammar.text("normalise/tone_placement"));
  impl_->tone.reset(icu::Transliterator::createFromRules("vnplan-eval-tone", rules, UTRANS_FORWARD,
                                                         parse_error, status));
  if (U_FAILURE(status) || !impl_->tone)
    throw std::runtime_error(std::string("tone placement rules do not compile: ") +
                             u_errorName(status));
}

Tokeniser::~Tokeniser() = default;

std::vector<Token> Tokeniser::tokens(std::string_view text) const {
  std::vector<Token> out;
  std::string current;
  bool letters_only = true;
  auto finish = [&] {
    if (current.empty()) return;
    Token token;
    token.text = impl_->normalised(current);
    token.lower = Impl::lower(token.text);
    token.syllable = letters_only;
    out.push_back(std::move(token));
    current.clear();
    letters_only = true;
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {  // invalid UTF-8 separates, like any other non-letter
      finish();
      continue;
    }
    bool letter = u_isalpha(c);
    bool mark = (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
    bool digit = u_isdigit(c);
    if (!letter && !mark && !digit) {
      finish();
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    if (digit || (letter && uscript_getScript(c, &status) != USCRIPT_LATIN)) letters_only = false;
    current.append(
        text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  finish();
  return out;
}

// ---------------------------------------------------------------- accuracy

Accuracy& Accuracy::operator+=(const Accuracy& other) {
  syllables += other.syllables;
  exact += other.exact;
  exact_ignoring_case += other.exact_ignoring_case;
  in_any_order += other.in_any_order;
  return *this;
}

double Accuracy::share() const {
  return syllables == 0 ? 1.0 : static_cast<double>(exact) / static_cast<double>(syllables);
}

double Accuracy::share_ignoring_case() const {
  return syllables == 0 ? 1.0
                        : static_cast<double>(exact_ignoring_case) / static_cast<double>(syllables);
}

double Accuracy::share_in_any_order() const {
  return syllables == 0 ? 1.0 : static_cast<double>(in_any_order) / static_cast<double>(syllables);
}

std::optional<Accuracy> compare_one_to_one(const std::vector<Token>& clean,
                                           const std::vector<Token>& restored,
                                           Confusions* confusions) {
  if (clean.size() != restored.size()) return std::nullopt;
  Accuracy accuracy;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    if (!clean[i].syllable) continue;
    ++accuracy.syllables;
    if (clean[i].text == restored[i].text)
      ++accuracy.exact;
    else if (confusions)
      confusions->emplace_back(clean[i].text, restored[i].text);
    if (clean[i].lower == restored[i].lower) ++accuracy.exact_ignoring_case;
  }
  return accuracy;
}

namespace {

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
using Ids = std::vector<std::uint32_t>;

// Both token lists as ids of one dictionary, by their text or their lower case.
std::pair<Ids, Ids> interned(const std::vector<Token>& a, const std::vector<Token>& b,
                             bool ignoring_case) {
  std::unordered_map<std::string, std::uint32_t> ids;
  auto id_of = [&](const Token& token) {
    const std::string& key = ignoring_case ? token.lower : token.text;
    return ids.try_emplace(key, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  std::pair<Ids, Ids> out;
  for (const auto& token : a) out.first.push_back(id_of(token));
  for (const auto& token : b) out.second.push_back(id_of(token));
  return out;
}

// LCS lengths of a[alo, ahi) against every prefix of b[blo, bhi) (forward), or
// of the reversed ranges (backward): one row of Hirschberg's algorithm.
std::vector<std::uint32_t> lcs_row(const Ids& a, const Ids& b, std::size_t alo, std::size_t ahi,
                                   std::size_t blo, std::size_t bhi, bool backward) {
  std::size_t m = bhi - blo;
  std::vector<std::uint32_t> row(m + 1, 0), previous(m + 1, 0);
  for (std::size_t step = 0; step < ahi - alo; ++step) {
    std::uint32_t token = backward ? a[ahi - 1 - step] : a[alo + step];
    std::swap(row, previous);
    row[0] = 0;
    for (std::size_t k = 1; k <= m; ++k) {
      std::uint32_t other = backward ? b[bhi - k] : b[blo + k - 1];
      row[k] = token == other ? previous[k - 1] + 1 : std::max(previous[k], row[k - 1]);
    }
  }
  return ahi > alo ? row : previous;
}

class Aligner {
 public:
  Aligner(const Ids& a, const Ids& b, Pairs& out) : a_(a), b_(b), out_(out) {}

  void range(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
    while (alo < ahi && blo < bhi && a_[alo] == b_[blo]) out_.emplace_back(alo++, blo++);
    std::size_t suffix = 0;
    while (alo + suffix < ahi && blo + suffix < bhi && a_[ahi - 1 - suffix] == b_[bhi - 1 - suffix])
      ++suffix;
    ahi -= suffix;
    bhi -= suffix;
    if (alo < ahi && blo < bhi) {
      if ((ahi - alo) * (bhi - blo) <= kExactCells)
        exact(alo, ahi, blo, bhi);
      else if (!anchored(alo, ahi, blo, bhi))
        halved(alo, ahi, blo, bhi);
    }
    for (std::size_t k = 0; k < suffix; ++k) out_.emplace_back(ahi + k, bhi + k);
  }

 private:
  // The whole table, then the path back: small stretches only.
  void exact(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
    std::size_t n = ahi - alo, m = bhi - blo;
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
      return table[i * (m + 1) + j];
    };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a_[alo + i] == b_[blo + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
      if (a_[alo + i] == b_[blo + j]) {
        out_.emplace_back(alo + i++, blo + j++);
      } else if (at(i + 1, j) >= at(i, j + 1)) {
        ++i;
      } else {
        ++j;
      }
    }
  }

  // Patience diff: tokens found exactly once on each side, the longest run of
  // them in the same order on both sides fixes pairs; the stretches between
  // are aligned on their own (where more tokens are unique).
  bool anchored(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
    Pairs anchors;
    {
      struct Seen {
        std::size_t in_a = 0, in_b = 0, at_a = 0, at_b = 0;
      };
      std::unordered_map<std::uint32_t, Seen> seen;
      for (std::size_t i = alo; i < ahi; ++i) {
        Seen& s = seen[a_[i]];
        ++s.in_a;
        s.at_a = i;
      }
      for (std::size_t j = blo; j < bhi; ++j) {
        auto found = seen.find(b_[j]);
        if (found == seen.end()) continue;
        ++found->second.in_b;
        found->second.at_b = j;
      }
      Pairs unique;
      for (const auto& [token, s] : seen)
        if (s.in_a == 1 && s.in_b == 1) unique.emplace_back(s.at_a, s.at_b);
      std::sort(unique.begin(), unique.end());
      anchors = increasing_in_b(unique);
    }
    if (anchors.empty()) return false;
    std::size_t next_a = alo, next_b = blo;
    for (const auto& [i, j] : anchors) {
      range(next_a, i, next_b, j);
      out_.emplace_back(i, j);
      next_a = i + 1;
      next_b = j + 1;
    }
    range(next_a, ahi, next_b, bhi);
    return true;
  }

  // The longest subsequence of `pairs` (sorted by a) increasing in b.
  static Pairs increasing_in_b(const Pairs& pairs) {
    std::vector<std::size_t> tails;  // index into pairs of the last of each length
    std::vector<std::size_t> before(pairs.size(), SIZE_MAX);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      auto place =
          std::lower_bound(tails.begin(), tails.end(), pairs[k].second,
                           [&](std::size_t tail, std::size_t b) { return pairs[tail].second < b; });
      if (place != tails.begin()) before[k] = *(place - 1);
      if (place == tails.end())
        tails.push_back(k);
      else
        *place = k;
    }
    Pairs out;
    for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = before[k])
      out.push_back(pairs[k]);
    std::reverse(out.begin(), out.end());
    return out;
  }

  // Hirschberg: where the best split of b for the middle of a is, in linear memory.
  void halved(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) {
    if (ahi - alo == 1) {
      for (std::size_t j = blo; j < bhi; ++j)
        if (a_[alo] == b_[j]) {
          out_.emplace_back(alo, j);
          return;
        }
      return;
    }
    std::size_t middle = alo + (ahi - alo) / 2;
    std::vector<std::uint32_t> forward = lcs_row(a_, b_, alo, middle, blo, bhi, false);
    std::vector<std::uint32_t> backward = lcs_row(a_, b_, middle, ahi, blo, bhi, true);
    std::size_t m = bhi - blo, split = 0;
    for (std::size_t k = 0; k <= m; ++k)
      if (forward[k] + backward[m - k] > forward[split] + backward[m - split]) split = k;
    range(alo, middle, blo, blo + split);
    range(middle, ahi, blo + split, bhi);
  }

  const Ids& a_;
  const Ids& b_;
  Pairs& out_;
};

std::size_t aligned_syllables(const std::vector<Token>& clean, const Pairs& pairs) {
  std::size_t n = 0;
  for (const auto& [i, j] : pairs) n += clean[i].syllable ? 1 : 0;
  return n;
}

}  // namespace

Pairs align(const Ids& a, const Ids& b) {
  Pairs out;
  Aligner(a, b, out).range(0, a.size(), 0, b.size());
  return out;
}

Accuracy compare_by_alignment(const std::vector<Token>& clean, const std::vector<Token>& restored,
                              Confusions* confusions) {
  Accuracy accuracy;
  for (const auto& token : clean) accuracy.syllables += token.syllable ? 1 : 0;

  auto [clean_ids, restored_ids] = interned(clean, restored, false);
  Pairs pairs = align(clean_ids, restored_ids);
  accuracy.exact = aligned_syllables(clean, pairs);
  auto [clean_lower, restored_lower] = interned(clean, restored, true);
  accuracy.exact_ignoring_case = aligned_syllables(clean, align(clean_lower, restored_lower));
  std::unordered_map<std::string, std::size_t> unmatched;
  for (const auto& token : clean)
    if (token.syllable) ++unmatched[token.text];
  for (const auto& token : restored) {
    auto found = unmatched.find(token.text);
    if (found != unmatched.end() && found->second > 0) {
      --found->second;
      ++accuracy.in_any_order;
    }
  }

  if (confusions) {
    std::size_t next_i = 0, next_j = 0;
    pairs.emplace_back(clean.size(), restored.size());  // closes the last stretch
    for (const auto& [i, j] : pairs) {
      if (i - next_i == j - next_j)
        for (std::size_t k = 0; k < i - next_i; ++k)
          if (clean[next_i + k].syllable)
            confusions->emplace_back(clean[next_i + k].text, restored[next_j + k].text);
      next_i = i + 1;
      next_j = j + 1;
    }
  }
  return accuracy;
}

}  // namespace vnplan::eval
