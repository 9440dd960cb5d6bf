// Internal to the normalise stage: line cleaning and joining.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/translit.h>

#include "vnplan/text.hpp"

namespace vnplan::internal {

// Applies one rewrite rule to every match, left to right.
using Rewrite = std::string (*)(const std::string& matched, const Match& match,
                                const std::string& subject, const void* context);

// One line as cleaned, before joining.
struct CleanLine {
  MappedText text;             // cleaned content, origins absolute in the source
  std::uint32_t number = 0;    // 1-based original line
  std::size_t raw_length = 0;  // code points in the raw line (for wrap width)
  bool blank = false;
  bool decorated = false;         // whole line bold or a markdown heading
  bool spaces_only_long = false;  // a long run of spaces: a PDF footnote separator
  std::string_view raw;           // the line as read (column positions of text tables)
  std::size_t raw_start = 0;      // its offset in the source
};

class LineCleaner {
 public:
  explicit LineCleaner(const Grammar& grammar);
  ~LineCleaner();
  // Cleans bytes [start, end) of `source` (one line without its newline).
  CleanLine clean(const std::string& source, std::size_t start, std::size_t end,
                  std::uint32_t number) const;
  // Cleans a line built elsewhere (a table row read from HTML) whose origins
  // are already absolute in the source.
  CleanLine clean_mapped(MappedText text, std::uint32_t number) const;

 private:
  struct Rule {
    std::string action;  // remove | space | text:X | group:N | latex
    std::shared_ptr<Pattern> pattern;
  };
  std::vector<Rule> rules_;
  std::shared_ptr<Pattern> decorated_;
  std::vector<std::pair<std::string, std::string>> latex_;  // longest command first
  const icu::Normalizer2* nfc_ = nullptr;
  std::unique_ptr<icu::Transliterator> tone_;

  // Letters the tone rules may move a tone from (à, é, ỷ ...), read off ICU's
  // decompositions: a word without one of them after o/u, and without a
  // combining mark, is left alone, which spares most words the ICU round trip.
  std::vector<bool> toned_vowel_;
  bool needs_word_normalisation(std::string_view word) const {
    return first_trigger(word, 0) != std::string_view::npos;
  }
  // Where, at or after `from`, a byte shows that its word may need normalising
  // (the test needs_word_normalisation applies), or npos.
  std::size_t first_trigger(std::string_view text, std::size_t from) const;

  void rewrite(CleanLine& line) const;  // everything clean() does after copying the line
  std::string convert_latex(const std::string& math) const;
  void normalise_words(MappedText& text) const;
};

// The line-role patterns join_lines needs, combined once per normaliser
// (combining compiles PCRE2 code: too slow to do per input).
struct JoinPatterns;
std::shared_ptr<const JoinPatterns> make_join_patterns(const Grammar& grammar);

// Rebuilds text tables with columns aligned by spaces (`pdftotext -layout`)
// into pipe rows, in place: a row's wrapped lines are merged into its first
// line, which then holds "| a | b | c |" mapped back to the input; the others
// are removed. `column_name` recognises the folded header cells. Returns the
// number of tables (see text_tables.cpp for the rules).
std::size_t rebuild_text_tables(std::vector<CleanLine>& lines, const Pattern& column_name,
                                const Folder& folder);

// The <table> ... </table> regions of a markdown or text input: a line that
// starts with "<table", up to the end of the line holding its matching
// "</table>" (nested tables counted). Found in one pass over the input.
class HtmlTableRegions {
 public:
  explicit HtmlTableRegions(std::string_view bytes);
  // The end (the newline, or the input's end) of the region opening on the
  // line starting at `line_start`, or npos when none does.
  std::size_t region_from(std::size_t line_start) const;

 private:
  std::vector<std::pair<std::size_t, std::size_t>> regions_;  // (line start, region end)
};

// Reads the region [start, end) of `source` (see HtmlTableRegions) with the
// HTML table reader and appends one line per table row, written as a pipe
// row ("| a | b |") whose cell bytes map back to the cell text in the source
// (or to the cell's <td> tag where entities or tags keep the text from being
// found as is). Returns false, appending nothing, when it holds no table.
bool html_table_lines(const std::string& source, std::size_t start, std::size_t end,
                      std::uint32_t first_line, const LineCleaner& cleaner,
                      std::vector<CleanLine>& lines);

// How many code points UTF-8 `text` holds.
std::size_t code_points(std::string_view text);

// Groups cleaned lines into blocks (see join.cpp for the rules). `page_wrapped`:
// the lines are a printed page's (a PDF's text layer), wrapped at its width.
NormalisedText join_lines(std::vector<CleanLine> lines, const JoinPatterns& patterns,
                          const Folder& folder, bool ocr_text = false, bool page_wrapped = false);

}  // namespace vnplan::internal
