// The agency registry (grammars/agencies/) and the readers built on it.
//
// Names are matched on words of the folded text. A phrase is folded, cut into
// words and punctuation, and abbreviations are expanded (agencies/abbreviations:
// "ubnd" → "uy ban nhan dan"), each expanded word keeping the folded byte range of
// what it replaced. Registry aliases go through the same steps at load and sit in a
// word trie, so a name is found by a longest match from a word, with commas,
// hyphens and slashes inside a name optional. On top of that: heads that build a
// name from a known agency (agencies/compose: "Đảng ủy" + Sở Tài chính), an
// optional leading article ("các"), and endings that keep the id (agencies/tails.re:
// "tỉnh", "có liên quan", a parenthesised note).
#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "vnplan/extract.hpp"
#include "vnplan/text.hpp"

namespace vnplan {
namespace {

constexpr const char* kRegistry = "agencies/registry";
constexpr const char* kAbbreviations = "agencies/abbreviations";
constexpr const char* kCompose = "agencies/compose";
constexpr const char* kWords = "agencies/words";
constexpr const char* kTails = "agencies/tails.re";
constexpr const char* kList = "agencies/list.re";
constexpr const char* kSubject = "agencies/subject.re";
constexpr int kMaxDepth = 3;
// OCR text: a name with a misread word counts only when it is this long, so
// that the other words make it sure ("Bộ Chỉ huy Quân so tỉnh").
constexpr std::size_t kMinWordsWithMisread =
    3;  // heads inside heads: "Ủy ban Kiểm tra Đảng ủy UBND tỉnh"
// The same when the word read is one some name spells: "Bộ Chỉ huy Quân sự
// tỉnh" read "Quân sở".
constexpr std::size_t kMinWordsWithKnownMisread = 5;
// A word two edits from the name's is guessed only when it has this many
// letters: a short one is as near to too many words.
constexpr std::size_t kMinFarLetters = 4;

const char* const kKinds[] = {"state", "party",      "party_committee", "mass_organisation",
                              "group", "enterprise", "person"};
const char* const kLevels[] = {"central", "province", "district", "commune"};

std::string_view trim_view(std::string_view s, std::string_view junk = " \t") {
  std::size_t b = s.find_first_not_of(junk);
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(junk);
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_trimmed(std::string_view s, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t at = s.find(separator, start);
    if (at == std::string_view::npos) at = s.size();
    std::string_view part = trim_view(s.substr(start, at - start));
    if (!part.empty()) parts.emplace_back(part);
    start = at + 1;
  }
  return parts;
}

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

enum class TokenClass : std::uint8_t { word, soft, hard };

// A word or punctuation mark of the folded text, after abbreviations are expanded.
struct Token {
  std::string_view text;
  std::uint32_t begin = 0;  // folded bytes of the source
  std::uint32_t end = 0;
  int word = -1;  // vocabulary id, -1 for a word no name uses
  TokenClass cls = TokenClass::word;
};

// Word tries: edges keyed by (node, word id).
struct Trie {
  std::unordered_map<std::uint64_t, int> edges;
  std::vector<int> value{-1};
  int child(int node, int word) const {
    if (word < 0) return -1;
    auto it =
        edges.find((static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(word));
    return it == edges.end() ? -1 : it->second;
  }
  int add(int node, int word) {
    auto key = (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(word);
    auto it = edges.find(key);
    if (it != edges.end()) return it->second;
    value.push_back(-1);
    int created = static_cast<int>(value.size()) - 1;
    edges.emplace(key, created);
    children.resize(value.size());
    children[static_cast<std::size_t>(node)].push_back({word, created});
    return created;
  }
  // Per node: (word id, child), for the near-miss search of OCR text.
  std::vector<std::vector<std::pair<int, int>>> children{{}};
};

struct ComposeRule {
  std::string prefix;
  std::string kind;
  std::string name;
  std::vector<std::string> base_kinds;  // empty: any
};

// What a match refers to: a registry entry with heads applied, innermost first.
struct Ref {
  int entry = -1;
  std::array<int, kMaxDepth + 1> rules{};
  int depth = 0;
};

struct Hit {
  std::size_t first = 0;  // tokens [first, next) consumed, tails and notes included
  std::size_t next = 0;
  std::uint32_t begin = 0;  // folded bytes of the name as written (notes left out)
  std::uint32_t end = 0;
  Ref ref;
};

std::string slug(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (tokens[i].cls != TokenClass::word) continue;
    std::string word;
    for (unsigned char c : tokens[i].text)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += static_cast<char>(c);
    if (word.empty()) continue;
    if (!out.empty()) out += '-';
    out += word;
  }
  return out;
}

}  // namespace

struct AgencyRegistry::Impl {
  const Grammar& grammar;
  const Folder& folder;
  std::deque<std::string> strings;  // owns the vocabulary and expansion words
  std::unordered_map<std::string_view, int> vocabulary;
  std::vector<std::string_view> word_text;  // by id
  std::unordered_set<std::string_view> soft;
  std::unordered_set<int> articles;
  Trie abbreviations;  // value: index into expansions
  std::vector<std::vector<std::pair<std::string_view, int>>> expansions;
  Trie aliases;  // value: index into entries
  Trie heads;    // value: index into rules
  std::vector<AgencyInfo> entries;
  // Per word id: which tries have an edge from their root for it (a quick "no").
  enum : std::uint8_t { kStartsAbbreviation = 1, kStartsAlias = 2, kStartsHead = 4, kArticle = 8 };
  std::vector<std::uint8_t> starts;
  std::map<std::string, int> by_id;
  std::vector<ComposeRule> rules;
  std::map<std::string, int> rule_by_prefix;
  std::vector<const Pattern*> notes, tails, skips;
  const Pattern* shared_head = nullptr;  // "Các Bộ:" before a list of names without it
  const Pattern* adverbial = nullptr;
  const Pattern* not_after = nullptr;
  mutable std::mutex cache_mutex;
  mutable std::map<std::string, AgencyInfo> composed;  // find() of composed ids

  Impl(const Grammar& g, const Folder& f) : grammar(g), folder(f) {}

  std::string where(const char* file) const { return grammar.directory() + "/" + file + ".tsv"; }

  int intern(std::string_view word) {
    auto it = vocabulary.find(word);
    if (it != vocabulary.end()) return it->second;
    const std::string& stored = strings.emplace_back(word);
    int id = static_cast<int>(vocabulary.size());
    vocabulary.emplace(stored, id);
    word_text.push_back(stored);
    return id;
  }

  // The children of `node` whose word is one edit away from `written`
  // ("trudng" for "truong"). Words of one letter are never guessed.
  std::vector<int> near_children(const Trie& trie, int node, std::string_view written,
                                 std::size_t distance = 1) const {
    constexpr std::size_t kMinLetters = 2;
    std::vector<int> found;
    if (written.size() < kMinLetters) return found;
    for (const auto& [word, child] : trie.children[static_cast<std::size_t>(node)]) {
      std::string_view candidate = word_text[static_cast<std::size_t>(word)];
      if (candidate.size() >= kMinLetters && candidate.size() + distance >= written.size() &&
          written.size() + distance >= candidate.size() &&
          edit_distance(written, candidate) == distance)
        found.push_back(child);
    }
    return found;
  }

  bool has(int word, std::uint8_t flag) const {
    return word >= 0 && static_cast<std::size_t>(word) < starts.size() && (starts[word] & flag);
  }

  void mark_starts(const Trie& trie, std::uint8_t flag) {
    starts.resize(vocabulary.size());
    for (const auto& [key, child] : trie.edges)
      if ((key >> 32) == 0) starts[static_cast<std::uint32_t>(key)] |= flag;
  }

  int lookup(std::string_view word) const {
    auto it = vocabulary.find(word);
    return it == vocabulary.end() ? -1 : it->second;
  }

  // Words and punctuation of folded text, abbreviations expanded.
  std::vector<Token> tokens(std::string_view folded) const {
    std::vector<Token> raw;
    raw.reserve(folded.size() / 4 + 4);
    bool abbreviated = false;
    for (std::size_t i = 0; i < folded.size();) {
      unsigned char c = folded[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      if (word_byte(c))
        while (j < folded.size() && word_byte(static_cast<unsigned char>(folded[j]))) ++j;
      Token token;
      token.text = folded.substr(i, j - i);
      token.begin = static_cast<std::uint32_t>(i);
      token.end = static_cast<std::uint32_t>(j);
      token.word = lookup(token.text);
      token.cls = soft.count(token.text) ? TokenClass::soft
                  : word_byte(c)         ? TokenClass::word
                                         : TokenClass::hard;
      abbreviated = abbreviated || has(token.word, kStartsAbbreviation);
      raw.push_back(token);
      i = j;
    }
    if (!abbreviated) return raw;
    std::vector<Token> out;
    out.reserve(raw.size() + 8);
    for (std::size_t i = 0; i < raw.size();) {
      if (!has(raw[i].word, kStartsAbbreviation)) {
        out.push_back(raw[i++]);
        continue;
      }
      int node = 0, found = -1;
      std::size_t found_end = i;
      for (std::size_t j = i; j < raw.size(); ++j) {
        if (j > i && raw[j].cls == TokenClass::soft) continue;
        node = abbreviations.child(node, raw[j].word);
        if (node < 0) break;
        if (abbreviations.value[node] >= 0) {
          found = abbreviations.value[node];
          found_end = j + 1;
        }
      }
      if (found < 0) {
        out.push_back(raw[i++]);
        continue;
      }
      for (const auto& [text, id] : expansions[found]) {
        Token token;
        token.text = text;
        token.word = id;
        token.begin = raw[i].begin;
        token.end = raw[found_end - 1].end;
        out.push_back(token);
      }
      i = found_end;
    }
    return out;
  }

  // Words of a name written in a grammar file, for a trie key.
  std::vector<int> key_words(const std::string& text, const char* file, std::size_t line) {
    std::string folded = folder.fold_string(text);
    std::vector<int> words;
    for (const Token& token : tokens(folded)) {
      if (token.cls == TokenClass::soft) continue;
      if (token.cls == TokenClass::hard && token.text != "&")
        throw GrammarError(where(file), line, "'" + text + "': punctuation inside a name");
      words.push_back(token.word >= 0 ? token.word : intern(token.text));
    }
    if (words.empty()) throw GrammarError(where(file), line, "empty name");
    return words;
  }

  void load() {
    for (const auto& entry : grammar.entries(kWords)) {
      if (entry.key == "soft")
        soft.insert(strings.emplace_back(entry.value));
      else if (entry.key == "article")
        articles.insert(intern(entry.value));
      else
        throw GrammarError(where(kWords), entry.line, "unknown role '" + entry.key + "'");
    }
    for (const auto& entry : grammar.entries(kAbbreviations)) {
      std::vector<int> key;
      for (const auto& part : split_trimmed(entry.key, ' ')) key.push_back(intern(part));
      std::vector<std::pair<std::string_view, int>> expansion;
      for (const auto& part : split_trimmed(entry.value, ' ')) {
        int id = intern(part);
        expansion.emplace_back(strings.emplace_back(part), id);
      }
      if (key.empty() || expansion.empty())
        throw GrammarError(where(kAbbreviations), entry.line, "empty abbreviation");
      int node = 0;
      for (int word : key) node = abbreviations.add(node, word);
      abbreviations.value[node] = static_cast<int>(expansions.size());
      expansions.push_back(std::move(expansion));
    }
    mark_starts(abbreviations, kStartsAbbreviation);  // names below are read with them
    load_registry();
    for (const auto& entry : grammar.entries(kCompose)) {
      auto fields = split_trimmed(entry.value, '|');
      if (fields.size() != 4)
        throw GrammarError(where(kCompose), entry.line, "expected ID-PREFIX | KIND | Name | kinds");
      ComposeRule rule{fields[0], fields[1], fields[2], {}};
      if (fields[3] != "*") rule.base_kinds = split_trimmed(fields[3], ' ');
      check_kind(rule.kind, kCompose, entry.line);
      for (const auto& kind : rule.base_kinds) check_kind(kind, kCompose, entry.line);
      int node = 0;
      for (int word : key_words(entry.key, kCompose, entry.line)) node = heads.add(node, word);
      heads.value[node] = static_cast<int>(rules.size());
      rule_by_prefix.emplace(rule.prefix, static_cast<int>(rules.size()));
      rules.push_back(std::move(rule));
    }
    for (const auto& entry : grammar.patterns(kTails)) {
      if (entry.key == "note")
        notes.push_back(entry.pattern.get());
      else if (entry.key == "tail")
        tails.push_back(entry.pattern.get());
      else
        throw GrammarError(where(kTails), 0, "unknown key '" + entry.key + "'");
    }
    for (const auto& entry : grammar.patterns(kList)) {
      skips.push_back(entry.pattern.get());
      if (entry.key == "shared_head") shared_head = entry.pattern.get();
    }
    if (!shared_head) throw GrammarError(where(kList), 0, "no shared_head pattern");
    mark_starts(abbreviations, kStartsAbbreviation);
    mark_starts(aliases, kStartsAlias);
    mark_starts(heads, kStartsHead);
    for (int word : articles) starts[word] |= kArticle;
    adverbial = &grammar.pattern(kSubject, "adverbial");
    not_after = &grammar.pattern(kSubject, "not_after");
  }

  void check_kind(const std::string& kind, const char* file, std::size_t line) const {
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
      throw GrammarError(where(file), line, "unknown kind '" + kind + "'");
  }

  void load_registry() {
    struct Pending {
      std::string alias;
      int entry;
      std::size_t line;
    };
    std::vector<Pending> pending;
    std::vector<std::pair<std::string, std::size_t>> successors;
    for (const auto& line : grammar.entries(kRegistry)) {
      auto fields = split_trimmed(line.value, '|');
      if (fields.empty()) throw GrammarError(where(kRegistry), line.line, "empty entry");
      if (fields[0] == "alias") {
        auto it = by_id.find(line.key);
        if (it == by_id.end())
          throw GrammarError(where(kRegistry), line.line,
                             "alias before the definition of " + line.key);
        if (fields.size() != 2)
          throw GrammarError(where(kRegistry), line.line, "expected: alias | a; b; c");
        for (auto& alias : split_trimmed(fields[1], ';')) {
          entries[it->second].aliases.push_back(alias);
          pending.push_back({alias, it->second, line.line});
        }
        continue;
      }
      if (by_id.count(line.key))
        throw GrammarError(where(kRegistry), line.line, "second definition of " + line.key);
      if (fields.size() < 3)
        throw GrammarError(where(kRegistry), line.line, "expected: KIND | LEVEL | Name");
      AgencyInfo info;
      info.id = line.key;
      info.kind = fields[0];
      check_kind(info.kind, kRegistry, line.line);
      if (fields[1] != "-") {
        if (std::find(std::begin(kLevels), std::end(kLevels), fields[1]) == std::end(kLevels))
          throw GrammarError(where(kRegistry), line.line, "unknown level '" + fields[1] + "'");
        info.level = fields[1];
      }
      info.name = fields[2];
      for (std::size_t f = 3; f < fields.size(); ++f) {
        auto words = split_trimmed(fields[f], ' ');
        if (words.size() == 2 && words[0] == "successor") {
          info.successor = words[1];
          successors.emplace_back(words[1], line.line);
        } else if (words.size() == 2 && words[0] == "parent") {
          info.parent = words[1];
          successors.emplace_back(words[1], line.line);
        } else {
          throw GrammarError(where(kRegistry), line.line, "unknown field '" + fields[f] + "'");
        }
      }
      int index = static_cast<int>(entries.size());
      by_id.emplace(info.id, index);
      pending.push_back({info.name, index, line.line});
      entries.push_back(std::move(info));
    }
    for (const auto& [id, line] : successors)
      if (!by_id.count(id)) throw GrammarError(where(kRegistry), line, "no agency with id " + id);
    for (const auto& p : pending) {
      int node = 0;
      for (int word : key_words(p.alias, kRegistry, p.line)) node = aliases.add(node, word);
      int& value = aliases.value[node];
      if (value >= 0 && value != p.entry)
        throw GrammarError(where(kRegistry), p.line,
                           "'" + p.alias + "' is already a name of " + entries[value].id);
      value = p.entry;
    }
  }

  // ---- matching ------------------------------------------------------------------------

  struct Context {
    std::string_view folded;
    std::vector<Token> tokens;
    Spelling spelling = Spelling::exact;
  };

  const std::string& kind_of(const Ref& ref) const {
    return ref.depth ? rules[ref.rules[ref.depth - 1]].kind : entries[ref.entry].kind;
  }

  std::size_t token_at(const Context& c, std::size_t from, std::size_t offset) const {
    while (from < c.tokens.size() && c.tokens[from].begin < offset) ++from;
    return from;
  }

  // OCR text: the one word of a name that may be one edit away from the
  // registry's (the first never is).
  struct Misread {
    bool used = false;
    bool after_soft = false;  // a comma or hyphen stands before it
    std::size_t at = 0;       // its token
    bool known = false;       // the word read is one some name spells ("sở" for "sự")
    bool far = false;         // two edits away ("héda" for "hóa")
    // Whether a name that ends at token j, `words` words long, counts.
    bool accepts(std::size_t words, std::size_t j) const {
      if (!used) return true;
      // "Việt Nam, định kỳ" is no "Việt Nam tỉnh": after a comma, more of
      // the name must follow the misread word ("tham mưu, giữ việc"). A word
      // some name spells as read takes a longer name to say it was misread
      // ("Bộ Chỉ huy Quân sở tỉnh").
      return words >= (known || far ? kMinWordsWithKnownMisread : kMinWordsWithMisread) &&
             !(after_soft && j == at);
    }
  };

  // Whether the first word of a name at token i may be misread: only right
  // after a head ("Đảng ủy Sé Văn hóa và Thể thao"), which says a name follows.
  bool may_guess_first(const Context& c, std::size_t i, int depth) const {
    return depth > 0 && c.spelling == Spelling::ocr && i < c.tokens.size() &&
           c.tokens[i].cls == TokenClass::word && c.tokens[i].word < 0;
  }

  // Whether token j of a name that starts at token i may be its misread word.
  bool may_misread(const Context& c, std::size_t i, std::size_t j, bool guess_first,
                   const Misread& misread) const {
    const Token& token = c.tokens[j];
    return c.spelling == Spelling::ocr && !misread.used && (j > i || guess_first) &&
           token.cls == TokenClass::word && token.word < 0;
  }

  // The head trie node after token j of a head that starts at token i: the
  // exact word, or in OCR text the one near word when there is one.
  int step_head(const Context& c, int node, std::size_t i, std::size_t j, Misread& misread) const {
    int next = heads.child(node, c.tokens[j].word);
    if (next >= 0 || !may_misread(c, i, j, false, misread)) return next;
    std::vector<int> near = near_children(heads, node, c.tokens[j].text);
    if (near.size() != 1) return -1;  // none, or two near words: no guess
    misread = {true, c.tokens[j - 1].cls != TokenClass::word, j};
    return near.front();
  }

  // Registry names from token i: `node` was reached with token j (`words`
  // words); keeps the longest that counts in `best`. In OCR text one word may
  // be one edit away; each near word is tried.
  void walk_aliases(const Context& c, std::size_t i, std::size_t j, int node, std::size_t words,
                    bool guess_first, Misread misread, std::optional<Hit>& best) const {
    const auto& t = c.tokens;
    for (;;) {
      if (aliases.value[node] >= 0 && misread.accepts(words, j) && (!best || best->next < j + 1)) {
        best = Hit{i, j + 1, t[i].begin, t[j].end, Ref{}};
        best->ref.entry = aliases.value[node];
      }
      std::size_t k = j + 1;
      while (k < t.size() && t[k].cls == TokenClass::soft) ++k;
      if (k >= t.size()) return;
      int next = aliases.child(node, t[k].word);
      if (next < 0) {
        // A word some name spells may be the misread one deep inside a name
        // only (kMinWordsWithKnownMisread): tried late, so that the search
        // stays rare on the many known words that end no name.
        bool known_misread = c.spelling == Spelling::ocr && !misread.used && t[k].word >= 0 &&
                             t[k].cls == TokenClass::word && words + 2 >= kMinWordsWithKnownMisread;
        if (!known_misread && !may_misread(c, i, k, guess_first, misread)) return;
        Misread here{true, t[k - 1].cls != TokenClass::word, k, t[k].word >= 0};
        std::vector<int> nears = near_children(aliases, node, t[k].text);
        // Two edits away ("Sở Văn héda và Thể thao"): only an unknown word
        // deep inside a long name, where the other words make it sure.
        if (nears.empty() && !here.known && k > i && t[k].text.size() >= kMinFarLetters) {
          nears = near_children(aliases, node, t[k].text, 2);
          // A word with no vowel is no syllable at all ("chttrc" for "chức"):
          // three edits away still.
          if (nears.empty() && t[k].text.find_first_of("aeiouy") == std::string_view::npos)
            nears = near_children(aliases, node, t[k].text, 3);
          here.far = true;
          if (nears.size() != 1) return;  // two guesses: none
        }
        for (int near : nears) walk_aliases(c, i, k, near, words + 1, guess_first, here, best);
        return;
      }
      node = next, j = k, ++words;
    }
  }

  // Longest registry name or head + name starting at token i.
  std::optional<Hit> match_core(const Context& c, std::size_t i, int depth) const {
    const auto& t = c.tokens;
    std::optional<Hit> best;
    bool guess_first = may_guess_first(c, i, depth);
    if (i >= t.size() || !(guess_first || has(t[i].word, kStartsAlias | kStartsHead))) return best;
    if (int first = aliases.child(0, t[i].word); first >= 0)
      walk_aliases(c, i, i, first, 1, guess_first, Misread{}, best);
    else if (guess_first)
      for (int near : near_children(aliases, 0, t[i].text))
        walk_aliases(c, i, i, near, 1, guess_first, Misread{true, false, i}, best);
    if (depth >= kMaxDepth) return best;
    std::size_t direct_next = 0;  // how far the registry name reaches with its endings
    if (best) {
      Hit extended = *best;
      extend(c, extended);
      direct_next = extended.next;
    }
    int node = 0;
    std::size_t words = 0;
    Misread misread;
    for (std::size_t j = i; j < t.size(); ++j) {
      if (j > i && t[j].cls == TokenClass::soft) continue;
      node = step_head(c, node, i, j, misread);
      if (node < 0) break;
      ++words;
      int rule = heads.value[node];
      if (rule < 0 || !misread.accepts(words, j)) continue;
      auto base = match_full(c, j + 1, depth + 1);
      if (!base || base->ref.depth >= kMaxDepth) continue;
      const auto& kinds = rules[rule].base_kinds;
      if (!kinds.empty() &&
          std::find(kinds.begin(), kinds.end(), kind_of(base->ref)) == kinds.end())
        continue;
      if (best && (best->ref.depth ? best->next : direct_next) >= base->next) continue;
      Hit hit = *base;
      hit.first = i;
      hit.begin = t[i].begin;
      hit.ref.rules[hit.ref.depth++] = rule;
      best = hit;
    }
    return best;
  }

  // A name with an optional article before it and the endings after it.
  std::optional<Hit> match_full(const Context& c, std::size_t i, int depth = 0) const {
    const auto& t = c.tokens;
    if (i >= t.size() || t[i].cls != TokenClass::word) return std::nullopt;
    if (!has(t[i].word, kStartsAlias | kStartsHead | kArticle) && !may_guess_first(c, i, depth))
      return std::nullopt;
    auto hit = match_core(c, i, depth);
    if (!hit && has(t[i].word, kArticle)) {
      hit = match_core(c, i + 1, depth);
      if (hit) {
        hit->first = i;
        hit->begin = t[i].begin;
      }
    }
    if (!hit) return std::nullopt;
    extend(c, *hit);
    return hit;
  }

  // Endings after a name: tails (part of the name as written) and notes.
  void extend(const Context& c, Hit& hit) const {
    const auto& t = c.tokens;
    std::size_t consumed = std::max<std::size_t>(t[hit.next - 1].end, hit.end);
    for (int round = 0; round < 8; ++round) {
      bool applied = false;
      for (const Pattern* p : notes) {
        auto m = p->find(c.folded, consumed, true);
        if (m && m->groups[0].end > consumed) {
          consumed = m->groups[0].end;
          applied = true;
        }
      }
      for (const Pattern* p : tails) {
        auto m = p->find(c.folded, consumed, true);
        if (m && m->groups[0].end > consumed) {
          consumed = m->groups[0].end;
          hit.end = static_cast<std::uint32_t>(consumed);
          applied = true;
        }
      }
      if (!applied) break;
    }
    hit.next = token_at(c, hit.next, consumed);
  }

  // The end (folded byte) of list glue starting at token i: labels, separators,
  // role words; or 0 when there is none.
  std::size_t glue_end(const Context& c, std::size_t i) const {
    std::size_t end = 0;
    for (const Pattern* p : skips) {
      auto m = p->find(c.folded, c.tokens[i].begin, true);
      if (m) end = std::max(end, m->groups[0].end);
    }
    return end > c.tokens[i].begin ? end : 0;
  }

  // The name that `head` and the words from token i make ("bộ" + "Tài nguyên
  // và Môi trường"): the longest that runs to a comma, or to a "và" before
  // one, and resolves. With the end token (exclusive); none when none does.
  std::optional<std::pair<AgencyInfo, std::size_t>> item_under_head(const Context& c,
                                                                    const std::string& head,
                                                                    std::size_t i) const {
    const auto& t = c.tokens;
    std::vector<std::size_t> ends;  // exclusive token ends, shortest first
    std::size_t j = i;
    for (; j < t.size() && t[j].text != "," && t[j].cls != TokenClass::hard; ++j)
      if (j > i && t[j].text == "va") ends.push_back(j);
    ends.push_back(j);
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
      std::string name = head;
      name += ' ';
      name.append(c.folded.substr(t[i].begin, t[*end - 1].end - t[i].begin));
      Context composed{name, tokens(name), c.spelling};
      auto hit = match_full(composed, 0);
      if (hit && hit->next >= composed.tokens.size()) return std::pair{info_of(hit->ref), *end};
    }
    return std::nullopt;
  }

  AgencyInfo info_of(const Ref& ref) const {
    AgencyInfo info = entries[ref.entry];
    for (int d = 0; d < ref.depth; ++d) info = compose(rules[ref.rules[d]], info);
    return info;
  }

  static AgencyInfo compose(const ComposeRule& rule, const AgencyInfo& base) {
    AgencyInfo info;
    info.id = rule.prefix + ":" + base.id;
    info.name = rule.name + " " + base.name;
    info.kind = rule.kind;
    info.level = base.level;
    info.parent = base.id;
    if (base.successor) info.successor = rule.prefix + ":" + *base.successor;
    return info;
  }

  AgencyInfo unknown(const Context& c, std::size_t from, std::size_t to,
                     std::string_view written) const {
    AgencyInfo info;
    info.id = "x-" + slug(c.tokens, from, to);
    info.name = std::string(trim_view(written, " \t*_\"'.,;:"));
    info.kind = "unknown";
    return info;
  }

  AgencyName name_at(std::string_view input, const Folder::Folded& f, std::uint32_t begin,
                     std::uint32_t end, AgencyInfo info) const {
    std::size_t b = f.origin[begin], e = f.origin[end];
    std::string_view text = input.substr(b, e - b);
    std::string_view trimmed = trim_view(text, " \t*_\"'");
    AgencyName name;
    name.begin = b + static_cast<std::size_t>(trimmed.data() - text.data());
    name.end = name.begin + trimmed.size();
    name.text = std::string(trimmed);
    name.info = std::move(info);
    return name;
  }
};

AgencyRegistry::AgencyRegistry(const Grammar& grammar, const Folder& folder)
    : impl_(std::make_unique<Impl>(grammar, folder)) {
  impl_->load();
}

AgencyRegistry::~AgencyRegistry() = default;

AgencyInfo AgencyRegistry::resolve(std::string_view name, Spelling spelling) const {
  const Impl& m = *impl_;
  std::string folded = m.folder.fold_string(name);
  Impl::Context c{folded, m.tokens(folded), spelling};
  std::size_t first = 0, last = c.tokens.size();
  while (first < last && c.tokens[first].cls != TokenClass::word) ++first;
  while (last > first && c.tokens[last - 1].cls != TokenClass::word) --last;
  auto hit = m.match_full(c, first);
  if (hit && hit->next >= last) return m.info_of(hit->ref);
  return m.unknown(c, first, last, name);
}

std::vector<AgencyName> AgencyRegistry::split_list(std::string_view phrase,
                                                   Spelling spelling) const {
  const Impl& m = *impl_;
  auto f = m.folder.fold(phrase);
  Impl::Context c{f.text, m.tokens(f.text), spelling};
  const auto& t = c.tokens;
  std::vector<AgencyName> out;
  auto is_glue = [&](std::size_t i) { return t[i].cls != TokenClass::word || m.glue_end(c, i); };
  std::string head;  // "bo" of "Các Bộ: Quốc phòng, Xây dựng": said once for the list
  for (std::size_t i = 0; i < t.size();) {
    if (t[i].cls == TokenClass::hard && t[i].text != ":") head.clear();  // ";" or "." ends it
    if (auto shared = m.shared_head->find(c.folded, t[i].begin, true)) {
      std::size_t g = m.shared_head->group("head");
      head = std::string(c.folded.substr(shared->groups[g].begin,
                                         shared->groups[g].end - shared->groups[g].begin));
      i = m.token_at(c, i + 1, shared->groups[0].end);
      continue;
    }
    if (!head.empty() && t[i].cls == TokenClass::word) {
      if (auto item = m.item_under_head(c, head, i)) {
        out.push_back(
            m.name_at(phrase, f, t[i].begin, t[item->second - 1].end, std::move(item->first)));
        i = item->second;
        continue;
      }
    }
    if (std::size_t end = m.glue_end(c, i)) {
      i = m.token_at(c, i + 1, end);
      continue;
    }
    if (t[i].cls != TokenClass::word) {
      ++i;
      continue;
    }
    if (auto hit = m.match_full(c, i)) {
      out.push_back(m.name_at(phrase, f, hit->begin, hit->end, m.info_of(hit->ref)));
      i = hit->next;
      while (i < t.size() && !is_glue(i)) ++i;  // words after a name: "… thực hiện"
      continue;
    }
    std::size_t j = i + 1;
    while (j < t.size() && t[j].cls != TokenClass::hard && !m.glue_end(c, j) &&
           !(t[j].cls == TokenClass::word && m.match_full(c, j)))
      ++j;
    std::size_t last = j;
    while (last > i && t[last - 1].cls != TokenClass::word) --last;
    std::string_view written =
        phrase.substr(f.origin[t[i].begin], f.origin[t[last - 1].end] - f.origin[t[i].begin]);
    out.push_back(
        m.name_at(phrase, f, t[i].begin, t[last - 1].end, m.unknown(c, i, last, written)));
    i = j;
  }
  return out;
}

std::vector<AgencyName> AgencyRegistry::subject(std::string_view sentence,
                                                Spelling spelling) const {
  const Impl& m = *impl_;
  {
    // Most task sentences open with a verb ("Xây dựng ..."): when the first word
    // can open neither a name nor a time phrase, the rest need not be read.
    std::size_t cut = std::min<std::size_t>(sentence.size(), 48);
    while (cut > 0 && cut < sentence.size() &&
           (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80)
      --cut;
    std::string head = m.folder.fold_string(sentence.substr(0, cut));
    auto head_tokens = m.tokens(head);
    std::size_t k = 0;
    while (k < head_tokens.size() && head_tokens[k].cls != TokenClass::word) ++k;
    if (k < head_tokens.size() &&
        !m.has(head_tokens[k].word, Impl::kStartsAlias | Impl::kStartsHead | Impl::kArticle) &&
        !m.adverbial->find(head, head_tokens[k].begin, true))
      return {};
  }
  auto f = m.folder.fold(sentence);
  Impl::Context c{f.text, m.tokens(f.text), spelling};
  const auto& t = c.tokens;
  std::size_t i = 0;
  while (i < t.size() && t[i].cls != TokenClass::word) ++i;
  if (i >= t.size()) return {};
  if (auto adverbial = m.adverbial->find(c.folded, t[i].begin, true))
    i = m.token_at(c, i, adverbial->groups[0].end);
  std::vector<AgencyName> out;
  std::size_t after = c.folded.size();
  while (auto hit = m.match_full(c, i)) {
    out.push_back(m.name_at(sentence, f, hit->begin, hit->end, m.info_of(hit->ref)));
    i = hit->next;
    after = i < t.size() ? t[i].begin : c.folded.size();
    if (i + 1 < t.size() && (t[i].text == "," || t[i].text == ";" || t[i].text == "va") &&
        m.match_full(c, i + 1)) {
      ++i;
      continue;
    }
    break;
  }
  if (out.empty() || m.not_after->find(c.folded, after, true)) return {};
  return out;
}

std::vector<AgencyName> AgencyRegistry::find_all(std::string_view text, Spelling spelling) const {
  const Impl& m = *impl_;
  auto f = m.folder.fold(text);
  Impl::Context c{f.text, m.tokens(f.text), spelling};
  std::vector<AgencyName> out;
  for (std::size_t i = 0; i < c.tokens.size();) {
    if (c.tokens[i].word >= 0 && c.tokens[i].cls == TokenClass::word) {
      if (auto hit = m.match_full(c, i)) {
        out.push_back(m.name_at(text, f, hit->begin, hit->end, m.info_of(hit->ref)));
        i = hit->next;
        continue;
      }
    }
    ++i;
  }
  return out;
}

const AgencyInfo* AgencyRegistry::find(const std::string& id) const {
  const Impl& m = *impl_;
  auto it = m.by_id.find(id);
  if (it != m.by_id.end()) return &m.entries[it->second];
  std::size_t colon = id.find(':');
  if (colon == std::string::npos) return nullptr;
  auto rule = m.rule_by_prefix.find(id.substr(0, colon));
  if (rule == m.rule_by_prefix.end()) return nullptr;
  const AgencyInfo* base = find(id.substr(colon + 1));
  if (!base) return nullptr;
  std::lock_guard<std::mutex> lock(m.cache_mutex);
  auto [cached, inserted] = m.composed.emplace(id, AgencyInfo{});
  if (inserted) cached->second = Impl::compose(m.rules[rule->second], *base);
  return &cached->second;
}

}  // namespace vnplan
