// Stage 2, normalise: the text every later stage reads, with a way back to the
// original bytes for every byte of it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/grammar.hpp"
#include "vnplan/source.hpp"
#include "vnplan/span.hpp"

namespace vnplan {

// A string whose every byte remembers the original byte offset it came from.
// The map is kept as runs, not per byte: a stretch copied from the input is one
// run however long it is; a replacement ("$\\geq$" → "≥") is a run whose bytes
// all point at the start of the text it replaced.
struct MappedText {
  struct Run {
    std::uint32_t at = 0;      // first byte of the run in `text`
    std::uint32_t origin = 0;  // original offset of that byte
    bool replaced = false;     // all bytes map to `origin` (else origin + distance)
  };
  std::string text;
  std::vector<Run> runs;         // by `at`; runs[0].at == 0 when text is not empty
  std::uint32_t end_origin = 0;  // where the text ends in the original

  // `bytes` copied from the original at offset `origin`.
  static MappedText copy_of(std::string_view bytes, std::uint32_t origin);
  // Original offset of byte i (of the end when i == text.size()).
  std::uint64_t origin_of(std::size_t i) const;
  // Original [start, end) of the bytes [from, to) of `text`.
  std::pair<std::uint64_t, std::uint64_t> origin_range(std::size_t from, std::size_t to) const;
  // Replaces text[from, to); the new bytes point at the original of `from`.
  void replace(std::size_t from, std::size_t to, const std::string& replacement);
  // Appends `other`, after `separator` (which points at this text's end).
  void append(const MappedText& other, std::string_view separator);
  // The bytes [from, to) with their map.
  MappedText slice(std::size_t from, std::size_t to) const;

 private:
  std::size_t run_at(std::size_t i) const;  // index of the run holding byte i
};

// Why a block was set apart by the joiner.
enum class BlockKind {
  paragraph,  // prose, a heading, or a list item (decided by segment/structure)
  table_row,  // a markdown pipe-table row
  cell,       // a line inside a linearised table (one cell per line)
  footnote,   // a page-bottom footnote ("1 Quyết định số ...")
};

// One logical unit of normalised text: hard-wrapped lines joined back.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  MappedText content;
  std::uint32_t first_line = 0;  // 1-based original lines
  std::uint32_t last_line = 0;
  bool decorated = false;     // the whole line was bold or a markdown heading: stands alone
  bool blank_before = false;  // a blank line (or a removed rule) came just before it
  Span span() const;          // of the whole block
  Span span_of(std::size_t from, std::size_t to) const;  // of content.text[from, to)
  const std::string& text() const { return content.text; }
};

// What normalise counted and removed, so nothing disappears unaccounted.
struct NormaliseStats {
  std::size_t lines = 0;
  std::size_t joined_lines = 0;
  std::size_t page_numbers_removed = 0;
  std::size_t footnote_marks_removed = 0;
  std::size_t ocr_signs = 0;  // lines only OCR writes (structure/line_roles.re `ocr_sign`)
  std::vector<Span> removed;  // page numbers and separators dropped from the text
};

struct NormalisedText {
  std::vector<Block> blocks;
  NormaliseStats stats;
  // Joined by the OCR rules: the caller said the text is OCR output, or it
  // holds enough lines only OCR writes (stats.ocr_signs) to tell so itself.
  bool ocr_text = false;
  // The normalised text: blocks separated by newlines (for `vnplan normalize`).
  std::string joined() const;
};

// Folding for matching: lower case, no diacritics, đ→d and the OCR confusions
// listed in grammars/fold/characters.tsv (always) and ocr_in_word.tsv (in
// context: "s6" → "so", "Pang" → "dang", but "2025" and "6G" stay). Built on ICU
// transforms; results per code point are cached, so folding is one table
// look-up per character; a contextual fold is one byte for one, so origins
// stay byte for byte.
class Folder {
 public:
  explicit Folder(const Grammar& grammar);
  ~Folder();
  // Folded text; origin[i] is the byte offset in `input` that folded byte i came from.
  struct Folded {
    std::string text;
    std::vector<std::uint32_t> origin;  // size text.size() + 1
  };
  Folded fold(std::string_view input) const;
  // The folded text alone, without origins (the common, cheaper case).
  std::string fold_string(std::string_view input) const;
  // The same, adding to `ocr_folds` the characters the contextual OCR folds
  // changed (see count_ocr_folds).
  std::string fold_string(std::string_view input, std::size_t& ocr_folds) const;
  // The origins alone, as fold(input).origin, written into `origin` (whose
  // capacity is reused).
  void fold_origins(std::string_view input, std::vector<std::uint32_t>& origin) const;
  // How many characters of `input` the contextual OCR folds of
  // grammars/fold/ocr_in_word.tsv change ("s6" → "so"): evidence that the text
  // is OCR output read without a Vietnamese model.
  std::size_t count_ocr_folds(std::string_view input) const;

 private:
  std::string fold_string_with(std::string_view input, std::size_t* ocr_folds) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Cleans and joins: decoration, LaTeX, quotes, spaces, NFC, tone placement,
// page numbers, footnotes, hard wraps. Owns the ICU objects it needs.
class Normaliser {
 public:
  explicit Normaliser(std::shared_ptr<const Grammar> grammar);
  ~Normaliser();
  // `ocr_text`: the text is OCR output (the restore stage judged it so), which
  // loses list markers and breaks paragraphs and table cells at random; the
  // lines are joined by the OCR rules of join.cpp too. A text read by OCR with
  // a Vietnamese model has its marks right, so the restore stage calls it
  // clean; a few lines that only OCR writes make it OCR text here
  // (NormalisedText::ocr_text).
  NormalisedText run(const SourceFile& source, bool ocr_text = false) const;
  const Folder& folder() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The cells of a markdown pipe row ("| a | b |"): the [from, to) range of each
// cell's text without its surrounding spaces (from == to for an empty cell).
// "\|" inside a cell is text, not a separator; the readers of HTML, DOCX and
// PDF write a "|" in a cell that way.
std::vector<std::pair<std::size_t, std::size_t>> pipe_cells(std::string_view row);

// Decodes one UTF-8 code point at s[i]; returns its byte length (input is valid UTF-8).
std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& code);
void utf8_append(std::string& out, char32_t code);
// The code points of `text` (valid UTF-8).
std::u32string code_points(std::string_view text);

// The text with every run of white space (space, tab, line break) made one
// space, and none at either end: two forms of a text that differ only in
// where lines break compare equal.
std::string collapse_white_space(std::string_view text);

// Levenshtein distance of two sequences (bytes of a std::string_view, code
// points of a std::u32string_view): insertions, deletions and substitutions.
template <typename View>
std::size_t edit_distance(View a, View b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min(std::min(row[j], row[j - 1]) + 1, substitute);
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Whether two folded texts are one text read twice by OCR, each copy with its
// own slips ("phuc loi xa hoi", "phuc iai xa hdi"): at most one edit in eight
// bytes (so a text under eight bytes must be read the same).
bool same_reading(std::string_view a, std::string_view b);

// `utf8` in Unicode's composed form (NFC), by ICU; as it is when it already is
// (the common case, checked without a copy) or when ICU cannot normalise it.
std::string to_nfc(std::string_view utf8);

}  // namespace vnplan
