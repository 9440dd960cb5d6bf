// vnplan-train: builds the restoration model (grammars/restore/syllables.lm)
// from a syllable lexicon and Vietnamese text. See tools/restore/build-model.sh,
// which gathers the text, for the whole recipe.
//
//   vnplan-train --lexicon vi_VN.dic --out MODEL [--grammars DIR]
//                [--exclude NAME]... [--min-trigram N] TEXT...
//
// Each TEXT (plain text or markdown) is normalised by the vnplan pipeline
// (hard wraps joined, markup removed); a block is learned from only when it
// reads as Vietnamese (most words syllables of the lexicon, many with
// diacritics), so the English left in translated help pages is skipped.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

#include "../../src/restore/internal.hpp"
#include "vnplan/vnplan.hpp"

namespace {

using vnplan::internal::SyllableId;
using vnplan::internal::Token;
using vnplan::internal::TokenKind;

struct Options {
  std::string lexicon, out, grammars;
  std::vector<std::string> excludes, texts;
  std::uint32_t min_trigram = 1;
};

int usage(const std::string& message) {
  std::cerr << "vnplan-train: " << message
            << "\nusage: vnplan-train --lexicon DIC --out MODEL [--grammars DIR] "
               "[--exclude NAME]... [--min-trigram N] TEXT...\n";
  return 2;
}

class ToneStyle {
 public:
  explicit ToneStyle(const vnplan::Grammar& grammar) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    rules_.reset(icu::Transliterator::createFromRules(
        "vnplan-tone", icu::UnicodeString::fromUTF8(grammar.text("normalise/tone_placement")),
        UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) throw std::runtime_error("cannot build the tone placement rules");
  }
  // The word in NFC, lower case, with the tone where the normaliser puts it.
  std::string normal(const std::string& word) const {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(word + " ");
    text.toLower();
    rules_->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    out.pop_back();
    return out;
  }

 private:
  std::unique_ptr<icu::Transliterator> rules_;
};

// Lexicon syllables: one word per line, no abbreviations (all capitals).
std::vector<std::string> read_lexicon(const std::string& path, const ToneStyle& tone) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the lexicon " + path);
  const auto& letters = vnplan::internal::Letters::get();
  std::vector<std::string> out;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && !line.empty() && std::all_of(line.begin(), line.end(), ::isdigit)) {
      first = false;  // hunspell's word count
      continue;
    }
    first = false;
    if (auto slash = line.find('/'); slash != std::string::npos) line.resize(slash);
    if (line.empty()) continue;
    std::size_t count = 0, upper = 0;
    bool ok = true;
    for (std::size_t i = 0; i < line.size();) {
      char32_t c;
      i += vnplan::utf8_decode(line, i, c);
      ok &= letters.is_letter(c);
      ++count;
      upper += letters.lower(c) != c;
    }
    if (!ok || (upper == count && count > 1)) continue;
    out.push_back(tone.normal(line));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Counts {
  std::unordered_map<std::string, SyllableId> ids;
  std::vector<std::string> syllables{"<s>", "<unk>", "<num>", "<,>"};
  std::vector<std::uint64_t> unigram{0, 0, 0, 0};
  std::vector<std::uint64_t> capitalised{0, 0, 0, 0};  // inside a sentence
  std::map<std::pair<SyllableId, SyllableId>, std::uint32_t> bigrams;
  std::map<std::tuple<SyllableId, SyllableId, SyllableId>, std::uint32_t> trigrams;
  std::size_t blocks_used = 0, blocks_skipped = 0, words = 0;

  void learn(const std::vector<SyllableId>& sentence) {
    SyllableId u = vnplan::internal::kBoundary, v = vnplan::internal::kBoundary;
    for (std::size_t i = 0; i <= sentence.size(); ++i) {
      SyllableId w = i < sentence.size() ? sentence[i] : vnplan::internal::kBoundary;
      ++unigram[w];
      ++bigrams[{v, w}];
      ++trigrams[{u, v, w}];
      u = v;
      v = w;
    }
  }
};

void learn_block(const std::string& text, const ToneStyle& tone, Counts& counts) {
  std::vector<Token> tokens;
  vnplan::internal::tokenize(text, U"", tokens);
  std::vector<SyllableId> ids;
  std::size_t words = 0, valid = 0, marked = 0;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::word) continue;
    ++words;
    marked += token.marked;
    auto it = counts.ids.find(token.marked ? tone.normal(token.lower) : token.lower);
    valid += it != counts.ids.end();
  }
  // Vietnamese prose: most words are syllables, many carry marks.
  if (words < 3 || valid * 10 < words * 7 || marked * 10 < words * 3) {
    ++counts.blocks_skipped;
    return;
  }
  ++counts.blocks_used;
  counts.words += words;
  std::vector<SyllableId> sentence;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::boundary) {
      if (!sentence.empty()) counts.learn(sentence);
      sentence.clear();
    } else if (token.kind == TokenKind::number) {
      sentence.push_back(vnplan::internal::kNumber);
    } else if (token.kind == TokenKind::comma) {
      sentence.push_back(vnplan::internal::kComma);
    } else {
      auto it = counts.ids.find(token.marked ? tone.normal(token.lower) : token.lower);
      SyllableId id = it == counts.ids.end() ? vnplan::internal::kUnknown : it->second;
      if (!sentence.empty() && token.upper_first && !token.all_upper) ++counts.capitalised[id];
      sentence.push_back(id);
    }
  }
  if (!sentence.empty()) counts.learn(sentence);
}

std::optional<int> read_options(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    std::optional<std::string> value;
    if (arg == "--lexicon" || arg == "--out" || arg == "--grammars" || arg == "--exclude" ||
        arg == "--min-trigram") {
      value = next();
      if (!value) return usage(arg + " needs a value");
    }
    if (arg == "--lexicon")
      options.lexicon = *value;
    else if (arg == "--out")
      options.out = *value;
    else if (arg == "--grammars")
      options.grammars = *value;
    else if (arg == "--exclude")
      options.excludes.push_back(*value);
    else if (arg == "--min-trigram")
      options.min_trigram = static_cast<std::uint32_t>(std::stoul(*value));
    else if (!arg.empty() && arg[0] == '-')
      return usage("unknown option " + arg);
    else
      options.texts.push_back(arg);
  }
  if (options.lexicon.empty() || options.out.empty())
    return usage("--lexicon and --out are needed");
  if (options.texts.empty()) return usage("no training text given");
  if (options.grammars.empty()) options.grammars = vnplan::Grammar::default_directory();
  return std::nullopt;
}

void write_model(const Options& options, const Counts& counts,
                 const std::vector<std::string>& used) {
  std::ofstream out(options.out, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + options.out);
  out << "vnplan-restore-model\t1\n";
  out << "# Generated by tools/restore/build-model.sh (vnplan-train); do not edit.\n";
  out << "# Lexicon: " << options.lexicon << " (" << counts.syllables.size() - 3
      << " syllables). Text: " << counts.blocks_used << " blocks, " << counts.words
      << " words used; " << counts.blocks_skipped << " blocks skipped as not Vietnamese.\n";
  for (const std::string& name : used) {
    std::string base = name.substr(name.find_last_of('/') + 1);
    out << "# from " << base << "\n";
  }
  out << "# s TEXT COUNT CAPITALISED (ids in order; 0 <s>, 1 <unk>, 2 <num>, 3 <,>) | b ID ID "
         "COUNT | t ID ID ID "
         "COUNT"
      << (options.min_trigram > 1 ? " (trigrams seen fewer than " +
                                        std::to_string(options.min_trigram) + " times left out)"
                                  : std::string())
      << "\n";
  for (std::size_t id = 0; id < counts.syllables.size(); ++id)
    out << "s\t" << counts.syllables[id] << '\t' << counts.unigram[id] << '\t'
        << std::min(counts.capitalised[id], counts.unigram[id]) << '\n';
  for (const auto& [key, n] : counts.bigrams)
    out << "b\t" << key.first << '\t' << key.second << '\t' << n << '\n';
  for (const auto& [key, n] : counts.trigrams)
    if (n >= options.min_trigram)
      out << "t\t" << std::get<0>(key) << '\t' << std::get<1>(key) << '\t' << std::get<2>(key)
          << '\t' << n << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (auto code = read_options(argc, argv, options)) return *code;
  try {
    auto grammar = vnplan::Grammar::load(options.grammars);
    vnplan::Engine engine(grammar);
    ToneStyle tone(*grammar);
    Counts counts;
    for (const std::string& syllable : read_lexicon(options.lexicon, tone)) {
      counts.ids.emplace(syllable, static_cast<SyllableId>(counts.syllables.size()));
      counts.syllables.push_back(syllable);
      counts.unigram.push_back(0);
      counts.capitalised.push_back(0);
    }
    std::vector<std::string> used;
    for (const std::string& path : options.texts) {
      bool excluded = std::any_of(
          options.excludes.begin(), options.excludes.end(),
          [&](const std::string& name) { return path.find(name) != std::string::npos; });
      if (excluded) {
        std::cerr << "vnplan-train: leaving out " << path << "\n";
        continue;
      }
      vnplan::ReadResult read = vnplan::read_source(path);
      if (!read.ok()) {
        std::cerr << "vnplan-train: " << read.error->to_string() << "\n";
        return 1;
      }
      vnplan::NormalisedText text = engine.normalise(*read.file);
      for (const vnplan::Block& block : text.blocks) learn_block(block.text(), tone, counts);
      used.push_back(path);
    }
    write_model(options, counts, used);
    std::cerr << "vnplan-train: " << counts.words << " words from " << counts.blocks_used
              << " blocks (" << counts.blocks_skipped << " skipped); " << counts.bigrams.size()
              << " bigrams, " << counts.trigrams.size() << " trigrams → " << options.out << "\n";
  } catch (const std::exception& error) {
    std::cerr << "vnplan-train: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
