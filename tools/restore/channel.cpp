// vnplan-channel: learns the OCR channel of the restorer from a text and what
// OCR read of its printed pages (tools/restore/build-channel.sh makes both).
//
//   vnplan-channel --printed TEXT --read OCR --out CHANNEL.tsv [--marks MARKS.tsv]
//                  [--min-count N]
//
// The OCR words are aligned with the printed words (a banded edit distance
// over words, in reading order); each pair of a printed syllable and the word
// read for it is aligned letter by letter:
//   - letters with the same bare letter (ê read as é, ư as u) count towards
//     the mark channel, MARKS.tsv: INTENDED<TAB>OBSERVED COST, COST = -log
//     P(observed | intended), plus INTENDED<TAB>* COST for the letters never
//     seen read for it;
//   - the stretches that differ in their bare letters (ư read as "tt", ô as
//     "6") become rewrite rules of the bare key, CHANNEL.tsv: OBSERVED<TAB>
//     INTENDED COST, COST = -log P(this reading | INTENDED in a word), and ^
//     when the rule holds at a word's start only (Đ read as P).
// A pair whose word needs more than two rules teaches no rule (the restorer
// tries two at most).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "../../src/restore/internal.hpp"
#include "vnplan/text.hpp"

namespace {

using vnplan::internal::Letters;

struct Options {
  std::string printed, read, out, marks;
  std::size_t min_count = 3;
};

int usage(const std::string& message) {
  std::cerr << "vnplan-channel: " << message
            << "\nusage: vnplan-channel --printed TEXT --read OCR --out CHANNEL.tsv "
               "[--marks MARKS.tsv] [--min-count N]\n";
  return 2;
}

std::string read_nfc(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(buffer.str());
  icu::UnicodeString normal = nfc->normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("cannot normalise " + path);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

// A word: lower-case code points, and its bare key (marks removed, đ → d,
// digits and symbols kept), one key letter per code point.
struct Word {
  std::u32string lower;
  std::u32string key;
  bool syllable = false;  // letters only, with a vowel
};

bool is_punctuation_edge(char32_t c) {
  return std::u32string_view(U".,;:!?()[]{}\"'“”‘’«»…-–—*").find(c) != std::u32string_view::npos;
}

// Words split at white space, punctuation trimmed from both ends.
std::vector<Word> words_of(const std::string& text) {
  const Letters& letters = Letters::get();
  std::vector<Word> out;
  std::u32string current;
  auto finish = [&]() {
    std::size_t from = 0, to = current.size();
    while (from < to && is_punctuation_edge(current[from])) ++from;
    while (to > from && is_punctuation_edge(current[to - 1])) --to;
    if (from < to) {
      Word word;
      bool letters_only = true, vowel = false;
      for (std::size_t i = from; i < to; ++i) {
        char32_t c = current[i];
        char32_t lower = letters.lower(c);
        word.lower += lower;
        char bare = letters.bare(c);
        word.key += bare ? static_cast<char32_t>(bare) : lower;
        letters_only &= bare != 0;
        vowel |= bare && std::string_view("aeiouy").find(bare) != std::string_view::npos;
      }
      word.syllable = letters_only && vowel;
      out.push_back(std::move(word));
    }
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    i += vnplan::utf8_decode(text, i, c);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0)
      finish();
    else
      current += c;
  }
  finish();
  return out;
}

std::string utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) vnplan::utf8_append(out, c);
  return out;
}

// Pairs (printed index, read index) of words read for each other: a banded
// alignment of the two word sequences (OCR keeps the reading order of a page
// of running text), where two words pair when their keys are close.
std::vector<std::pair<std::size_t, std::size_t>> align_words(const std::vector<Word>& printed,
                                                             const std::vector<Word>& read) {
  const std::size_t n = printed.size(), m = read.size();
  const std::ptrdiff_t band = 400;
  const double gap = 1.0;
  auto centre = [&](std::size_t i) { return static_cast<std::ptrdiff_t>(n ? i * m / n : 0); };
  // score[i][k]: cell (i, centre(i) - band + k).
  const std::size_t width = 2 * static_cast<std::size_t>(band) + 1;
  const double infinity = 1e18;
  std::vector<double> score((n + 1) * width, infinity);
  std::vector<std::uint8_t> move((n + 1) * width, 0);  // 1 pair, 2 skip printed, 3 skip read
  auto cell = [&](std::size_t i, std::ptrdiff_t j) -> std::ptrdiff_t {
    std::ptrdiff_t k = j - centre(i) + band;
    if (j < 0 || j > static_cast<std::ptrdiff_t>(m) || k < 0 ||
        k >= static_cast<std::ptrdiff_t>(width))
      return -1;
    return static_cast<std::ptrdiff_t>(i * width) + k;
  };
  auto pair_cost = [&](const Word& a, const Word& b) {
    if (a.key == b.key) return 0.0;
    double d = static_cast<double>(
        vnplan::edit_distance(std::u32string_view(a.key), std::u32string_view(b.key)));
    double longer = static_cast<double>(std::max(a.key.size(), b.key.size()));
    return d / longer <= 0.6 ? 1.5 * d / longer : infinity;
  };
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::ptrdiff_t j = std::max<std::ptrdiff_t>(0, centre(i) - band);
         j <= std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(m), centre(i) + band); ++j) {
      std::ptrdiff_t here = cell(i, j);
      if (here < 0) continue;
      double best = i == 0 && j == 0 ? 0 : infinity;
      std::uint8_t how = 0;
      if (i > 0 && j > 0) {
        std::ptrdiff_t from = cell(i - 1, j - 1);
        if (from >= 0) {
          double s = score[static_cast<std::size_t>(from)] +
                     pair_cost(printed[i - 1], read[static_cast<std::size_t>(j - 1)]);
          if (s < best) best = s, how = 1;
        }
      }
      if (i > 0) {
        std::ptrdiff_t from = cell(i - 1, j);
        if (from >= 0 && score[static_cast<std::size_t>(from)] + gap < best)
          best = score[static_cast<std::size_t>(from)] + gap, how = 2;
      }
      if (j > 0) {
        std::ptrdiff_t from = cell(i, j - 1);
        if (from >= 0 && score[static_cast<std::size_t>(from)] + gap < best)
          best = score[static_cast<std::size_t>(from)] + gap, how = 3;
      }
      score[static_cast<std::size_t>(here)] = best;
      move[static_cast<std::size_t>(here)] = how;
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = n;
  std::ptrdiff_t j = static_cast<std::ptrdiff_t>(m);
  if (cell(i, j) < 0 || score[static_cast<std::size_t>(cell(i, j))] >= infinity)
    throw std::runtime_error("the OCR text does not follow the printed text");
  while (i > 0 || j > 0) {
    std::uint8_t how = move[static_cast<std::size_t>(cell(i, j))];
    if (how == 1) {
      pairs.emplace_back(i - 1, static_cast<std::size_t>(j - 1));
      --i, --j;
    } else if (how == 2) {
      --i;
    } else if (how == 3) {
      --j;
    } else {
      throw std::runtime_error("word alignment broke off");
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

// A stretch of a read word that stands for a stretch of the printed one.
struct Rewrite {
  std::u32string observed, intended;
  bool initial = false;
};

struct Counts {
  std::map<std::pair<char32_t, char32_t>, std::size_t> marks;  // (intended, observed)
  std::map<char32_t, std::size_t> mark_totals;
  std::map<std::tuple<std::u32string, std::u32string, bool>, std::size_t> rewrites;
  std::vector<std::u32string> intended_keys;  // printed keys of the pairs that taught rules
  std::size_t pairs = 0, same_key = 0, taught = 0, too_far = 0;
};

// Letter alignment of a read word with its printed syllable: same bare letter
// costs nothing, anything else one; the differing stretches become rewrites,
// widened by a neighbour when one side is empty (a rule rewrites something).
void learn_pair(const Word& printed, const Word& read, Counts& counts) {
  const std::u32string &a = read.key, &b = printed.key;
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j)
      at(i, j) = std::min(
          {at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
  // Back from the end: matched letters, and stretches between them.
  std::vector<std::pair<std::size_t, std::size_t>> matched;  // (read, printed) positions
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && at(i, j) == at(i - 1, j - 1)) {
      matched.emplace_back(i - 1, j - 1);
      --i, --j;
    } else if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + 1) {
      --i, --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(matched.begin(), matched.end());
  for (auto [r, p] : matched) {
    ++counts.marks[{printed.lower[p], read.lower[r]}];
    ++counts.mark_totals[printed.lower[p]];
  }
  if (a == b) {
    ++counts.same_key;
    return;
  }
  // Stretches between matches: [r0, r1) of the read key for [p0, p1) of the printed.
  std::vector<Rewrite> rewrites;
  std::size_t r0 = 0, p0 = 0;
  for (std::size_t k = 0; k <= matched.size(); ++k) {
    std::size_t r1 = k < matched.size() ? matched[k].first : n;
    std::size_t p1 = k < matched.size() ? matched[k].second : m;
    if (r1 > r0 || p1 > p0) {
      std::size_t from_r = r0, to_r = r1, from_p = p0, to_p = p1;
      if (from_r == to_r || from_p == to_p) {  // widen by the letter before (or after)
        if (from_r > 0 && from_p > 0)
          --from_r, --from_p;
        else if (to_r < n && to_p < m)
          ++to_r, ++to_p;
        else
          return;  // nothing to hold on to
      }
      rewrites.push_back({a.substr(from_r, to_r - from_r), b.substr(from_p, to_p - from_p),
                          from_r == 0 && from_p == 0});
    }
    if (k < matched.size()) r0 = matched[k].first + 1, p0 = matched[k].second + 1;
  }
  if (rewrites.empty()) return;
  if (rewrites.size() > 2) {
    ++counts.too_far;
    return;
  }
  ++counts.taught;
  counts.intended_keys.push_back(b);
  for (const Rewrite& rewrite : rewrites) {
    ++counts.rewrites[{rewrite.observed, rewrite.intended, false}];
    if (rewrite.initial) ++counts.rewrites[{rewrite.observed, rewrite.intended, true}];
  }
}

std::size_t occurrences(const std::u32string& text, const std::u32string& part, bool initial) {
  if (initial) return text.compare(0, part.size(), part) == 0 ? 1 : 0;
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::u32string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

std::string cost_text(double cost) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << cost;
  return out.str();
}

int run(const Options& options) {
  std::vector<Word> printed = words_of(read_nfc(options.printed));
  std::vector<Word> read = words_of(read_nfc(options.read));
  auto pairs = align_words(printed, read);
  Counts counts;
  std::vector<std::u32string> all_keys;  // printed keys of every syllable read
  for (auto [p, r] : pairs) {
    if (!printed[p].syllable) continue;
    ++counts.pairs;
    all_keys.push_back(printed[p].key);
    learn_pair(printed[p], read[r], counts);
  }

  // Rules: a reading seen min_count times or more; P = its count over the
  // occurrences of INTENDED in the printed keys of every syllable read.
  struct Rule {
    std::string observed, intended;
    double cost;
    std::size_t count;
  };
  std::vector<Rule> rules;
  for (const auto& [rewrite, count] : counts.rewrites) {
    const auto& [observed, intended, initial] = rewrite;
    if (count < options.min_count) continue;
    std::size_t total = 0;
    for (const auto& key : all_keys) total += occurrences(key, intended, initial);
    if (total < count) total = count;
    double cost = -std::log(static_cast<double>(count) / static_cast<double>(total));
    if (initial) {  // kept only when the word's start reads differently
      std::size_t anywhere_total = 0;
      for (const auto& key : all_keys) anywhere_total += occurrences(key, intended, false);
      double anywhere =
          -std::log(static_cast<double>(counts.rewrites[{observed, intended, false}]) /
                    static_cast<double>(std::max<std::size_t>(anywhere_total, 1)));
      if (cost > anywhere - 0.7) continue;
    }
    bool writable =
        observed[0] != U'#' && std::none_of(observed.begin(), observed.end(), [](char32_t c) {
          return c == U'^' || c == U'\\' || c == U' ' || c == U'\t';
        });
    if (!writable) continue;
    rules.push_back({(initial ? "^" : "") + utf8(observed), utf8(intended), cost, count});
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& x, const Rule& y) {
    return x.cost != y.cost ? x.cost < y.cost : x.observed < y.observed;
  });

  std::ofstream out(options.out);
  if (!out) throw std::runtime_error("cannot write " + options.out);
  out << "# The OCR channel: what a word read by OCR without a Vietnamese model may have\n"
         "# been. GENERATED by tools/restore/build-channel.sh (vnplan-channel): do not edit;\n"
         "# rerun it. Each rule says that OBSERVED (in a word's bare key: lower case, marks\n"
         "# removed, đ→d, digits and symbols kept) may stand for INTENDED, at a cost in\n"
         "# nats: -log P(INTENDED is read as OBSERVED), counted on Vietnamese text printed\n"
         "# in the fonts and resolutions build-channel.sh names, read by tesseract -l eng.\n"
         "# A key starting with ^ applies at the start of a word only. The restorer\n"
         "# tries every word with up to two rules and lets the language model choose\n"
         "# (src/restore/restorer.cpp).\n"
         "# Learned from "
      << counts.pairs << " syllables read, " << counts.same_key
      << " with their bare letters right, " << counts.taught << " teaching rules, "
      << counts.too_far << " too far off.\n"
      << "#\n# OBSERVED\tINTENDED COST\t(times seen, a comment)\n";
  for (const Rule& rule : rules)
    out << rule.observed << '\t' << rule.intended << ' ' << cost_text(rule.cost) << "\t# "
        << rule.count << '\n';

  std::ofstream marks(options.marks);
  if (!marks) throw std::runtime_error("cannot write " + options.marks);
  marks << "# The mark channel of OCR: how a letter of a syllable is read when its bare\n"
           "# letter is read right (ê read as é, e or ê). GENERATED by\n"
           "# tools/restore/build-channel.sh (vnplan-channel): do not edit; rerun it.\n"
           "# INTENDED<TAB>OBSERVED COST, COST = -log P(OBSERVED | INTENDED) in nats, with\n"
           "# add-half smoothing; OBSERVED * is any letter not listed for INTENDED.\n"
           "#\n# INTENDED\tOBSERVED COST\t(times seen, a comment)\n";
  // Letters that may be read for a letter: those with its bare letter.
  const Letters& letters = Letters::get();
  for (const auto& [intended, total] : counts.mark_totals) {
    std::size_t variants = 0;
    for (char32_t c = 0x41; c < 0x1F00; ++c)
      if (letters.bare(c) == letters.bare(intended) && letters.lower(c) == c) ++variants;
    double denominator = static_cast<double>(total) + 0.5 * static_cast<double>(variants);
    std::vector<std::pair<std::size_t, char32_t>> seen;
    for (const auto& [pair, count] : counts.marks)
      if (pair.first == intended && count >= 2) seen.emplace_back(count, pair.second);
    std::sort(seen.rbegin(), seen.rend());
    for (auto [count, observed] : seen)
      marks << utf8(std::u32string(1, intended)) << '\t' << utf8(std::u32string(1, observed)) << ' '
            << cost_text(-std::log((static_cast<double>(count) + 0.5) / denominator)) << "\t# "
            << count << '\n';
    marks << utf8(std::u32string(1, intended)) << "\t* " << cost_text(-std::log(0.5 / denominator))
          << '\n';
  }
  std::cerr << "vnplan-channel: " << printed.size() << " words printed, " << read.size()
            << " read, " << counts.pairs << " syllables paired, " << rules.size() << " rules, "
            << counts.mark_totals.size() << " letters in the mark channel\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    try {
      if (arg == "--printed")
        options.printed = value();
      else if (arg == "--read")
        options.read = value();
      else if (arg == "--out")
        options.out = value();
      else if (arg == "--marks")
        options.marks = value();
      else if (arg == "--min-count")
        options.min_count = std::stoul(value());
      else
        return usage("unknown argument '" + arg + "'");
    } catch (const std::exception& e) {
      return usage(e.what());
    }
  }
  if (options.printed.empty() || options.read.empty() || options.out.empty())
    return usage("--printed, --read and --out are required");
  if (options.marks.empty()) {
    auto slash = options.out.rfind('/');
    options.marks =
        (slash == std::string::npos ? std::string() : options.out.substr(0, slash + 1)) +
        "ocr_marks.tsv";
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "vnplan-channel: " << e.what() << '\n';
    return 1;
  }
}
