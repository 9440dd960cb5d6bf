// Legacy Vietnamese encodings (TCVN3, VNI-Windows, VISCII, Windows-1258):
// told from the text by measurable evidence and converted to UTF-8 (NFC)
// by the read stage. The byte tables and the syllable shapes that make the
// evidence are data in grammars/encodings/ (docs/model.md, "Legacy encodings").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

// How well one encoding explains the text: of `words` words that hold 8-bit
// letters, `syllables` become Vietnamese syllables when decoded with it.
struct EncodingScore {
  std::string encoding;  // "tcvn3", ...; "as read" for the text taken as it is
  std::size_t words = 0;
  std::size_t syllables = 0;
  double share() const { return words ? static_cast<double>(syllables) / words : 0.0; }
};

// What detection found. `encoding` is empty when nothing is converted; then
// `candidates` names the encodings that fit (too few words, or a tie), if any.
struct EncodingGuess {
  std::string encoding;
  bool look_alike = false;  // the 8-bit bytes had been read as Windows-1252 and saved as UTF-8
  EncodingScore as_read;
  std::vector<EncodingScore> scores;  // every encoding, best first
  std::vector<std::string> candidates;
  std::string evidence() const;  // "712 of 730 words with 8-bit letters (97.5%) ..."
};

class LegacyEncodings {
 public:
  // Loads grammars/encodings/ under `grammar_directory`; throws GrammarError
  // naming the file and line of a bad entry.
  static std::shared_ptr<const LegacyEncodings> load(const std::string& grammar_directory);
  // The tables of Grammar::default_directory(), loaded once on first use.
  static std::shared_ptr<const LegacyEncodings> standard();

  ~LegacyEncodings();
  LegacyEncodings(const LegacyEncodings&) = delete;
  LegacyEncodings& operator=(const LegacyEncodings&) = delete;

  std::vector<std::string> names() const;

  // Measures every encoding on `bytes`: raw 8-bit text (not valid UTF-8), or
  // UTF-8 whose characters may be such bytes read as Windows-1252 (look-alike).
  EncodingGuess detect(std::string_view bytes, bool valid_utf8) const;
  // Decodes raw 8-bit `bytes` (or a look-alike, `look_alike`) to NFC UTF-8.
  // Line breaks stay where they were: line N of the result is line N of the file.
  std::string decode(std::string_view encoding, std::string_view bytes,
                     bool look_alike = false) const;
  // The reverse, for test fixtures: NFC UTF-8 to the bytes of a table encoding.
  // Capitals the encoding lacks are written with the lower-case bytes, as the
  // upper-case fonts did; a character it cannot write throws std::runtime_error.
  std::string encode(std::string_view encoding, std::string_view utf8) const;
  // Whether `word` (UTF-8, any case) is a Vietnamese syllable by shape.
  bool is_syllable(std::string_view word) const;

  struct Impl;

 private:
  LegacyEncodings();
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnplan
