// Grammars and word lists, loaded from data files in grammars/.
//
// Every pattern and lexicon the engine uses lives in a file under the grammar
// directory, one entry per line:  KEY <TAB> VALUE   ('#' starts a comment).
// Patterns are PCRE2, compiled once with JIT, and are matched against the
// folded view of the text (lower case, no diacritics, OCR confusions folded),
// so they are written in folded form: "muc tieu cu the", not "Mục tiêu cụ thể".
//
// Loading validates every file and reports the first problem with the file,
// line and, for a pattern, the offset PCRE2 complains about.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

// Thrown when a grammar file is missing or holds a bad entry.
class GrammarError : public std::runtime_error {
 public:
  GrammarError(std::string file, std::size_t line, const std::string& message);
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

// One match: byte ranges of the whole match and of each capture group
// (groups that did not take part have begin == npos).
struct Match {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct Group {
    std::size_t begin = npos;
    std::size_t end = npos;
    bool matched() const { return begin != npos; }
  };
  // A short list kept inside the Match: most patterns have a few groups, and a
  // match is made on hot paths, where a heap allocation each time shows.
  class Groups {
   public:
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void resize(std::size_t n) {
      size_ = n;
      if (n > kInline) spill_.assign(n, Group{});
    }
    Group& operator[](std::size_t i) { return size_ > kInline ? spill_[i] : inline_[i]; }
    const Group& operator[](std::size_t i) const {
      return size_ > kInline ? spill_[i] : inline_[i];
    }

   private:
    static constexpr std::size_t kInline = 24;
    std::size_t size_ = 0;
    std::array<Group, kInline> inline_{};
    std::vector<Group> spill_;
  };
  Groups groups;  // groups[0] is the whole match
  const Group& operator[](std::size_t i) const { return groups[i]; }
  std::string_view text(std::string_view subject, std::size_t i) const;
};

// The set of byte values present in a text: lets a caller skip patterns that
// cannot start anywhere in it.
struct ByteSet {
  std::uint64_t bits[4] = {};  // bit b % 64 of word b / 64 (little-endian, as PCRE2's bitmap)
  static ByteSet of(std::string_view text);
};

// A compiled PCRE2 pattern (UTF, UCP, JIT).
class Pattern {
 public:
  Pattern(const std::string& source, const std::string& where);
  ~Pattern();
  // One pattern matching what any of `parts` matches: a single scan instead of
  // one per part, for hot paths that only ask whether something matches.
  static std::shared_ptr<Pattern> any_of(const std::vector<const Pattern*>& parts);
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // First match at or after `from`; anchored matches only at `from`.
  std::optional<Match> find(std::string_view subject, std::size_t from = 0,
                            bool anchored = false) const;
  bool matches_at_start(std::string_view subject) const { return test(subject, 0, true); }
  bool contains(std::string_view subject) const { return test(subject, 0, false); }
  // Whether there is a match, without building a Match (no allocation).
  bool test(std::string_view subject, std::size_t from, bool anchored) const;
  // False when no match can start in a text holding only the bytes in `present`
  // (from PCRE2's first-code-unit analysis); true when it may, or cannot tell.
  bool may_start_in(const ByteSet& present) const {
    if (!has_first_bytes_) return true;
    return ((first_bytes_[0] & present.bits[0]) | (first_bytes_[1] & present.bits[1]) |
            (first_bytes_[2] & present.bits[2]) | (first_bytes_[3] & present.bits[3])) != 0;
  }
  // Index of a named group, or npos. Where (?J) lets several groups share a
  // name, use group(name, match): the one of them that took part in `match`.
  std::size_t group(const char* name) const;
  std::size_t group(const char* name, const Match& match) const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::uint64_t first_bytes_[4] = {};  // bitmap of bytes a match can start with
  bool has_first_bytes_ = false;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// An ordered list of (key, value) entries from one grammar file.
struct Entry {
  std::string key;
  std::string value;
  std::size_t line = 0;
};

// Entries whose values are patterns, compiled.
struct PatternEntry {
  std::string key;
  std::shared_ptr<Pattern> pattern;
};

class Grammar {
 public:
  // Loads and validates every file the engine needs from `directory`.
  static std::shared_ptr<const Grammar> load(const std::string& directory);
  // The directory given by --grammars, $VNPLAN_GRAMMARS, or the build default.
  static std::string default_directory();

  const std::string& directory() const { return directory_; }

  // Raw entries of a file, e.g. entries("structure/section_kinds").
  const std::vector<Entry>& entries(std::string_view file) const;
  // Compiled pattern entries of a pattern file, in file order.
  const std::vector<PatternEntry>& patterns(std::string_view file) const;
  // The one pattern with `key` in `file`; throws GrammarError if absent.
  // (Names are views: a look-up from a string literal builds no std::string.)
  const Pattern& pattern(std::string_view file, std::string_view key) const;
  // Value of a plain entry; throws GrammarError if absent.
  const std::string& value(std::string_view file, std::string_view key) const;
  // Text of a whole rules file (e.g. ICU transliteration rules).
  const std::string& text(std::string_view file) const;

 private:
  std::string directory_;
  std::map<std::string, std::vector<Entry>, std::less<>> entries_;
  std::map<std::string, std::vector<PatternEntry>, std::less<>> patterns_;
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace vnplan
