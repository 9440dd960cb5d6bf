// Damaged text: telling how a text is damaged, and putting its diacritics back.
//
// Plans reach users as OCR output read without a Vietnamese model ("Ké hoach
// thuc hién Nghi quyét s6 57"), as text typed without diacritics ("Ke hoach
// thuc hien Nghi quyet so 57") or in legacy font encodings (converted by the
// read stage). This header offers two things:
//
//   assess   measures a text (share of valid syllables, of words with
//            diacritics, of known OCR confusions) and names its TextState;
//   restore  rewrites each damaged word as the Vietnamese syllable it most
//            likely was: a syllable n-gram language model says which sequence
//            of syllables is likely, a channel model says which syllables a
//            damaged word could have been (the same letters without marks, or
//            an OCR confusion from grammars/restore/ocr_channel.tsv), and a
//            beam search over the words of a sentence picks the best sequence.
//
// The model (lexicon and n-gram counts) is a generated file,
// grammars/restore/syllables.lm, written by tools/restore/build-model.sh from
// the hunspell-vi lexicon, the clean corpora and Vietnamese text from Debian
// packages. Typical use:
//   auto model = vnplan::RestoreModel::load(dir + "/restore/syllables.lm");
//   vnplan::Restorer restorer(model, *grammar);
//   auto state = restorer.assess(text);
//   for (auto& change : restorer.restore(text, state.kind)) ...
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/grammar.hpp"

namespace vnplan {

enum class TextStateKind { clean, ocr_damaged, stripped, legacy_encoding, mixed };
const char* text_state_name(TextStateKind kind);

// What assess() measured, over the words of the text (runs of letters, with
// digits or OCR symbols inside them; numbers alone are not words).
struct TextEvidence {
  std::size_t words = 0;
  double valid_syllables = 0;      // share that are Vietnamese syllables as written
  double with_diacritics = 0;      // share holding a Vietnamese diacritic or đ
  double plausible_bare = 0;       // share of bare (mark-less) words whose letters
                                   // spell a syllable once marks are added
  double invalid_marked = 0;       // share holding diacritics yet no syllable (OCR)
  double ocr_confusions = 0;       // share with a digit or OCR symbol among letters
  std::size_t blocks_clean = 0;    // of the paragraphs long enough to judge
  std::size_t blocks_damaged = 0;  // (stripped or OCR-damaged)
};

struct TextState {
  TextStateKind kind = TextStateKind::clean;
  std::string encoding;  // for legacy_encoding: the encoding the read stage converted from
  TextEvidence evidence;
  std::string describe() const;  // one line for a diagnostic
};

// One rewritten word: bytes [from, to) of the text given to restore().
struct Restoration {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::string text;         // the restored word, in the case pattern of the original
  float confidence = 1.0f;  // the decoder's probability of this choice against the
                            // other candidates, given its neighbours (0..1)
};

// The lexicon and language model; immutable once loaded, shared between
// restorers (and threads).
class RestoreModel {
 public:
  // Throws GrammarError naming the file and line of a bad entry.
  static std::shared_ptr<const RestoreModel> load(const std::string& path);
  ~RestoreModel();
  std::size_t syllable_count() const;
  std::size_t bigram_count() const;
  std::size_t trigram_count() const;
  const std::string& path() const;

  struct Impl;  // internal (src/restore/)
  const Impl& impl() const { return *impl_; }

 private:
  RestoreModel();
  std::unique_ptr<Impl> impl_;
};

class Restorer {
 public:
  // `grammar` gives the OCR channel rules (restore/ocr_channel.tsv).
  Restorer(std::shared_ptr<const RestoreModel> model, const Grammar& grammar);
  ~Restorer();
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  TextState assess(std::string_view text) const;
  // The words to rewrite, in text order. `state` says which words are suspect:
  // stripped → words without marks; ocr_damaged → every word; mixed → decided
  // per paragraph; clean and legacy_encoding → none.
  std::vector<Restoration> restore(std::string_view text, TextStateKind state) const;
  // The text with every restoration applied.
  static std::string apply(std::string_view text, const std::vector<Restoration>& changes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnplan
