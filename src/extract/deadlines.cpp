// Deadlines: "Thời gian thực hiện: Trong tháng 7/2025 (nội dung đã hoàn thành)",
// "ban hành trước ngày 07/5/2025", "Hằng năm". Every cue is a pattern of
// grammars/extract/deadlines.re.tsv; this file only reads the named groups
// (d, m, y, y1, m1, y2, m2, q) and the kind each pattern's key gives.
#include <algorithm>
#include <array>
#include <cstdio>

#include "vnplan/extract.hpp"
#include "vnplan/structure.hpp"

namespace vnplan {
namespace {

constexpr const char* kFile = "extract/deadlines.re";

// One time expression found in a phrase: folded [begin, end), the pattern and its match.
struct Atom {
  std::size_t kind = 0;  // index into kKinds
  const Pattern* pattern = nullptr;
  Match match;
  std::size_t begin = 0;
  std::size_t end = 0;
};

const char* const kKinds[] = {"by_date", "within_month", "year",
                              "range",   "recurring",    "after_event"};
constexpr std::size_t kRecurring = 4;
constexpr std::size_t kAfterEvent = 5;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The number in a named group, or -1 when the group is absent or did not take part.
int group_number(const Pattern& pattern, const Match& match, std::string_view folded,
                 const char* name) {
  std::size_t g = pattern.group(name, match);
  if (g == Match::npos || g >= match.groups.size() || !match[g].matched()) return -1;
  int value = 0;
  std::string_view digits = match.text(folded, g);
  if (digits.empty() || digits.size() > 4) return -1;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A quarter written in Roman (i..iv) or Arabic figures; 0 when absent or unreadable.
int quarter(const Pattern& pattern, const Match& match, std::string_view folded) {
  std::size_t g = pattern.group("q", match);
  if (g == Match::npos || g >= match.groups.size() || !match[g].matched()) return 0;
  std::string_view q = match.text(folded, g);
  if (q == "1" || q == "i") return 1;
  if (q == "2" || q == "ii") return 2;
  if (q == "3" || q == "iii") return 3;
  if (q == "4" || q == "iv") return 4;
  return 0;
}

std::string year_month(int year, int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

// ISO text at the precision written: yyyy-mm-dd, yyyy-mm or yyyy; nothing when invalid.
std::optional<std::string> iso(int day, int month, int year) {
  if (year < 1900 || year > 2100) return std::nullopt;
  if (day >= 0) return month >= 0 ? iso_date(day, month, year) : std::nullopt;
  if (month >= 0) {
    if (month < 1 || month > 12) return std::nullopt;
    return year_month(year, month);
  }
  return std::to_string(year);
}

// Trims ASCII spaces and the given trailing punctuation from folded [begin, end).
void trim(std::string_view s, std::size_t& begin, std::size_t& end, std::string_view tail) {
  while (begin < end && (is_space(s[begin]) || s[begin] == '*')) ++begin;
  while (end > begin && (is_space(s[end - 1]) || tail.find(s[end - 1]) != std::string_view::npos))
    --end;
}

}  // namespace

struct DeadlineReader::Impl {
  const Folder& folder;
  std::vector<std::pair<std::size_t, const Pattern*>> atoms;  // kind index, pattern
  std::vector<const Pattern*> finds;
  std::vector<std::vector<std::string>> needs;  // per find pattern: any of these words
  // The needed words without repeats, and per find pattern the indices of its own;
  // by_first lists, per first byte, the words that start with it. locate finds
  // every word's first place in one pass over the sentence.
  std::vector<std::string> words;
  std::vector<std::vector<std::size_t>> need_ids;
  std::array<std::vector<std::size_t>, 256> by_first;
  std::vector<const Pattern*> dones;
  std::vector<const Pattern*> labels;
  const Pattern* joiner = nullptr;

  Impl(const Grammar& grammar, const Folder& folder_) : folder(folder_) {
    for (const auto& entry : grammar.patterns(kFile)) {
      const Pattern* p = entry.pattern.get();
      if (entry.key == "find") {
        finds.push_back(p);
        needs.emplace_back();
      } else if (entry.key == "needs") {
        // A word the find pattern above cannot match without: a plain search
        // for it spares the pattern's scan of most sentences.
        if (finds.empty())
          throw GrammarError(grammar.directory() + "/" + kFile + ".tsv", 0,
                             "'needs' must follow a 'find' entry");
        std::string word;  // the entry is a pattern file: "\(" means "("
        for (char c : p->source())
          if (c != '\\') word += c;
        needs.back().push_back(word);
      } else if (entry.key == "done") {
        dones.push_back(p);
      } else if (entry.key == "label") {
        labels.push_back(p);
      } else if (entry.key == "joiner") {
        joiner = p;
      } else {
        auto kind = std::find(std::begin(kKinds), std::end(kKinds), entry.key);
        if (kind == std::end(kKinds))
          throw GrammarError(grammar.directory() + "/" + kFile + ".tsv", 0,
                             "unknown key '" + entry.key + "'");
        atoms.emplace_back(static_cast<std::size_t>(kind - std::begin(kKinds)), p);
      }
    }
    if (finds.empty() || joiner == nullptr)
      throw GrammarError(grammar.directory() + "/" + kFile + ".tsv", 0,
                         "needs 'find' and 'joiner' entries");
    for (const auto& list : needs) {
      need_ids.emplace_back();
      for (const std::string& word : list) {
        auto it = std::find(words.begin(), words.end(), word);
        need_ids.back().push_back(static_cast<std::size_t>(it - words.begin()));
        if (it != words.end()) continue;
        if (!word.empty()) by_first[static_cast<unsigned char>(word[0])].push_back(words.size());
        words.push_back(word);
      }
    }
  }

  // Where each needed word first occurs in `f` (as f.find(word)), or npos.
  std::vector<std::size_t> first_places(std::string_view f) const {
    std::vector<std::size_t> place(words.size(), f.npos);
    std::size_t missing = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (words[w].empty())
        place[w] = 0;
      else
        ++missing;
    }
    for (std::size_t k = 0; k < f.size() && missing > 0; ++k) {
      const auto& candidates = by_first[static_cast<unsigned char>(f[k])];
      for (std::size_t w : candidates) {
        if (place[w] != f.npos) continue;
        const std::string& word = words[w];
        if (word.size() > f.size() - k) continue;
        std::size_t j = 1;  // the first byte matched through by_first
        while (j < word.size() && f[k + j] == word[j]) ++j;
        if (j == word.size()) {
          place[w] = k;
          --missing;
        }
      }
    }
    return place;
  }

  // The time expressions of a folded phrase, left to right, not overlapping.
  // Each pattern's next match is kept until passed, so a long phrase is not
  // rescanned once per expression found.
  std::vector<Atom> scan(std::string_view folded) const {
    std::vector<Atom> found;
    std::vector<std::optional<Match>> next(atoms.size());
    std::vector<bool> exhausted(atoms.size(), false);
    std::size_t at = 0;
    while (at < folded.size()) {
      std::size_t best = atoms.size();
      for (std::size_t i = 0; i < atoms.size(); ++i) {
        if (exhausted[i]) continue;
        if (!next[i] || next[i]->groups[0].begin < at) {
          next[i] = atoms[i].second->find(folded, at);
          if (!next[i]) {
            exhausted[i] = true;
            continue;
          }
        }
        if (best == atoms.size()) {
          best = i;
          continue;
        }
        const auto& a = next[i]->groups[0];
        const auto& b = next[best]->groups[0];
        if (a.begin < b.begin || (a.begin == b.begin && a.end > b.end)) best = i;
      }
      if (best == atoms.size()) break;
      Atom atom;
      atom.kind = atoms[best].first;
      atom.pattern = atoms[best].second;
      atom.match = *next[best];
      atom.begin = atom.match.groups[0].begin;
      atom.end = atom.match.groups[0].end;
      at = std::max(atom.end, atom.begin + 1);
      trim(folded, atom.begin, atom.end, ",;.");
      if (atom.begin < atom.end) found.push_back(std::move(atom));
    }
    return found;
  }

  // Reads one expression; `text` is how it is written.
  static Deadline interpret(const Atom& atom, std::string_view folded, std::string text) {
    Deadline deadline;
    deadline.kind = kKinds[atom.kind];
    const Pattern& p = *atom.pattern;
    const Match& m = atom.match;
    if (atom.kind == kAfterEvent) {
      deadline.event = text;
    } else if (deadline.kind == "range") {
      int q = quarter(p, m, folded);
      int y = group_number(p, m, folded, "y");
      if (q > 0 && y > 0) {
        deadline.from = iso(-1, 3 * q - 2, y);
        deadline.to = iso(-1, 3 * q, y);
      } else {
        int y1 = group_number(p, m, folded, "y1");
        int y2 = group_number(p, m, folded, "y2");
        if (y1 >= 0) deadline.from = iso(-1, group_number(p, m, folded, "m1"), y1);
        if (y2 >= 0) deadline.to = iso(-1, group_number(p, m, folded, "m2"), y2);
        if (deadline.from && deadline.to && *deadline.to < *deadline.from)
          deadline.from = deadline.to = std::nullopt;  // "2030 - 2025": not a range
      }
      if (!deadline.from && !deadline.to) deadline.kind = "other";
    } else if (atom.kind != kRecurring) {
      int y = group_number(p, m, folded, "y");
      if (y >= 0)
        deadline.date = iso(group_number(p, m, folded, "d"), group_number(p, m, folded, "m"), y);
      if (!deadline.date) deadline.kind = "other";  // 31/2/2025, tháng 13/2025
    }
    deadline.text = std::move(text);
    return deadline;
  }

  Deadline read(std::string_view phrase) const {
    Folder::Folded raw = folder.fold(phrase);
    std::string_view f = raw.text;
    std::size_t start = 0;
    for (const Pattern* label : labels)
      if (auto m = label->find(f, 0, true)) {
        start = m->groups[0].end;
        break;
      }
    // Status notes come out of the text, wherever they stand.
    std::vector<std::pair<std::size_t, std::size_t>> cut;
    for (const Pattern* done : dones)
      for (auto m = done->find(f, start); m; m = done->find(f, m->groups[0].end)) {
        cut.emplace_back(m->groups[0].begin, m->groups[0].end);
        if (m->groups[0].end == m->groups[0].begin) break;
      }
    std::sort(cut.begin(), cut.end());
    std::string clean;
    auto keep = [&](std::size_t from, std::size_t to) {
      if (from >= to) return;
      std::size_t a = raw.origin[from];
      std::size_t b = raw.origin[to];
      if (!clean.empty() && is_space(clean.back()))
        while (a < b && is_space(phrase[a])) ++a;
      clean.append(phrase.substr(a, b - a));
    };
    std::size_t at = start;
    for (const auto& [from, to] : cut) {
      if (to <= at) continue;
      keep(at, std::max(at, from));
      at = to;
    }
    keep(at, f.size());
    std::size_t b = 0;
    std::size_t e = clean.size();
    trim(clean, b, e, ".;,:*");
    clean = clean.substr(b, e - b);

    Folder::Folded folded = folder.fold(clean);
    std::vector<Atom> found = scan(folded.text);
    auto original = [&](std::size_t from, std::size_t to) {
      return clean.substr(folded.origin[from], folded.origin[to] - folded.origin[from]);
    };
    // Recurring expressions next to each other are one schedule ("Thường xuyên, hằng năm").
    std::vector<Atom> parts;
    for (auto& atom : found) {
      if (!parts.empty() && parts.back().kind == kRecurring && atom.kind == kRecurring) {
        parts.back().end = atom.end;
        continue;
      }
      parts.push_back(std::move(atom));
    }
    Deadline deadline;
    if (parts.empty()) {
      deadline.kind = "other";
      deadline.text = clean;
    } else if (parts.size() == 1) {
      deadline = interpret(parts[0], folded.text, original(parts[0].begin, parts[0].end));
      deadline.text = clean;
    } else {
      deadline.kind = "mixed";
      deadline.text = clean;
      for (const auto& part : parts)
        deadline.parts.push_back(interpret(part, folded.text, original(part.begin, part.end)));
    }
    return deadline;
  }

  // Folded [begin, end) of the deadline a find pattern matched, or nothing.
  static std::optional<std::pair<std::size_t, std::size_t>> located(const Pattern& p,
                                                                    const Match& m) {
    std::size_t g = p.group("dl", m);
    if (g == Match::npos || g >= m.groups.size() || !m[g].matched()) g = 0;
    return std::make_pair(m[g].begin, m[g].end);
  }

  std::optional<Found> find(std::string_view sentence) const {
    if (sentence.empty()) return std::nullopt;
    Folder::Folded folded = folder.fold(sentence);
    auto range = locate(folded.text);
    if (!range) return std::nullopt;
    Found found;
    found.begin = folded.origin[range->first];
    found.end = folded.origin[range->second];
    found.deadline = read(sentence.substr(found.begin, found.end - found.begin));
    return found;
  }

  // The folded range of the deadline in a folded sentence, if any.
  std::optional<std::pair<std::size_t, std::size_t>> locate(std::string_view f) const {
    std::optional<std::pair<std::size_t, std::size_t>> best;
    std::vector<std::size_t> places = first_places(f);
    for (std::size_t i = 0; i < finds.size(); ++i) {
      const Pattern* p = finds[i];
      std::size_t from = 0;
      if (!needs[i].empty()) {
        // A deadline phrase is short: it starts at most kReach bytes before the
        // word it needs, so the scan can start there instead of at the beginning.
        constexpr std::size_t kReach = 64;
        std::size_t first = f.npos;
        for (std::size_t w : need_ids[i]) first = std::min(first, places[w]);
        if (first == f.npos) continue;
        from = first > kReach ? first - kReach : 0;
        while (from > 0 && (static_cast<unsigned char>(f[from]) & 0xC0) == 0x80) --from;
      }
      auto m = p->find(f, from);
      if (!m) continue;
      auto range = located(*p, *m);
      if (!best || range->first < best->first ||
          (range->first == best->first && range->second > best->second))
        best = range;
    }
    if (!best) return std::nullopt;
    auto [begin, end] = *best;
    // "trong tháng 4/2025 và trong năm 2025": deadlines joined by "và" are one.
    for (;;) {
      auto join = joiner->find(f, end, true);
      if (!join) break;
      std::size_t next = join->groups[0].end;
      std::size_t longest = next;
      for (const Pattern* p : finds)
        if (auto m = p->find(f, next, true); m && m->groups[0].begin == next)
          longest = std::max(longest, m->groups[0].end);
      if (longest == next) break;
      end = longest;
    }
    trim(f, begin, end, ".;,:*");
    if (begin >= end) return std::nullopt;
    return std::make_pair(begin, end);
  }
};

DeadlineReader::DeadlineReader(const Grammar& grammar, const Folder& folder)
    : impl_(std::make_unique<Impl>(grammar, folder)) {}

DeadlineReader::~DeadlineReader() = default;

Deadline DeadlineReader::read(std::string_view phrase) const { return impl_->read(phrase); }

std::optional<DeadlineReader::Found> DeadlineReader::find(std::string_view sentence) const {
  return impl_->find(sentence);
}

std::optional<std::pair<std::size_t, std::size_t>> DeadlineReader::locate(
    std::string_view folded_sentence) const {
  if (folded_sentence.empty()) return std::nullopt;
  return impl_->locate(folded_sentence);
}

bool DeadlineReader::folded_says_done(std::string_view folded_phrase) const {
  for (const Pattern* done : impl_->dones)
    if (done->contains(folded_phrase)) return true;
  return false;
}

bool DeadlineReader::says_done(std::string_view phrase) const {
  return !phrase.empty() && folded_says_done(impl_->folder.fold_string(phrase));
}

}  // namespace vnplan
