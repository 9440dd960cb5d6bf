// Loading and validating the grammar directory.
//
// File kinds, by name:  *.re.tsv  KEY<TAB>PCRE2 pattern (compiled with JIT)
//                       *.tsv     KEY<TAB>VALUE
//                       *.rules   a whole text (ICU transliteration rules)
#define PCRE2_CODE_UNIT_WIDTH 8
#include "vnplan/grammar.hpp"

#include <pcre2.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef VNPLAN_DEFAULT_GRAMMARS
#define VNPLAN_DEFAULT_GRAMMARS "grammars"
#endif

namespace vnplan {
namespace fs = std::filesystem;

GrammarError::GrammarError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(file + (line ? ":" + std::to_string(line) : std::string()) + ": " +
                         message),
      file_(std::move(file)),
      line_(line) {}

std::string_view Match::text(std::string_view subject, std::size_t i) const {
  if (i >= groups.size() || !groups[i].matched()) return {};
  return subject.substr(groups[i].begin, groups[i].end - groups[i].begin);
}

// JIT code ignores PCRE2_ANCHORED given at match time (the interpreter would
// run instead), so each pattern is compiled twice: as written, and anchored.
struct Pattern::Impl {
  pcre2_code* code = nullptr;
  pcre2_code* anchored = nullptr;
  pcre2_match_data* data = nullptr;
  bool jit = false;  // both codes JIT-compiled: match through pcre2_jit_match directly
  ~Impl() {
    if (data) pcre2_match_data_free(data);
    if (anchored) pcre2_code_free(anchored);
    if (code) pcre2_code_free(code);
  }
  pcre2_code* pick(bool at_start) const { return at_start ? anchored : code; }
  // pcre2_jit_match skips pcre2_match's option checks and dispatch: same result
  // for JIT-compiled code, less overhead on a call made tens of thousands of times.
  int match(std::string_view subject, std::size_t from, bool at_start) const {
    auto* bytes = reinterpret_cast<PCRE2_SPTR>(subject.data());
    if (jit) return pcre2_jit_match(pick(at_start), bytes, subject.size(), from, 0, data, nullptr);
    return pcre2_match(pick(at_start), bytes, subject.size(), from, PCRE2_NO_UTF_CHECK, data,
                       nullptr);
  }
};

namespace {
constexpr std::uint32_t kCompileOptions = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
}

Pattern::Pattern(const std::string& source, const std::string& where)
    : source_(source), impl_(std::make_unique<Impl>()) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  std::uint32_t options = kCompileOptions;  // shared group names need an inline (?J)
  impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), options,
                              &error, &offset, nullptr);
  if (!impl_->code) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error, buffer, sizeof buffer);
    throw std::runtime_error(where + ": pattern does not compile at offset " +
                             std::to_string(offset) + ": " + reinterpret_cast<const char*>(buffer));
  }
  pcre2_jit_compile(impl_->code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter
  impl_->anchored = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                  options | PCRE2_ANCHORED, &error, &offset, nullptr);
  pcre2_jit_compile(impl_->anchored, PCRE2_JIT_COMPLETE);
  impl_->data = pcre2_match_data_create_from_pattern(impl_->code, nullptr);
  std::size_t jit_size = 0, anchored_jit_size = 0;
  pcre2_pattern_info(impl_->code, PCRE2_INFO_JITSIZE, &jit_size);
  if (impl_->anchored) pcre2_pattern_info(impl_->anchored, PCRE2_INFO_JITSIZE, &anchored_jit_size);
  impl_->jit = jit_size > 0 && anchored_jit_size > 0;
  const std::uint8_t* bitmap = nullptr;
  if (pcre2_pattern_info(impl_->code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap) {
    std::memcpy(first_bytes_, bitmap, 32);
    has_first_bytes_ = true;
  }
  std::uint32_t first_unit_type = 0;
  if (!has_first_bytes_ &&
      pcre2_pattern_info(impl_->code, PCRE2_INFO_FIRSTCODETYPE, &first_unit_type) == 0 &&
      first_unit_type == 1) {
    std::uint32_t unit = 0;
    pcre2_pattern_info(impl_->code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
    first_bytes_[unit / 64 % 4] |= std::uint64_t{1} << (unit % 64);
    has_first_bytes_ = true;
  }
}

Pattern::~Pattern() = default;

std::shared_ptr<Pattern> Pattern::any_of(const std::vector<const Pattern*>& parts) {
  std::string source = "(?J)";
  for (std::size_t i = 0; i < parts.size(); ++i)
    source += (i ? "|(?:" : "(?:") + parts[i]->source() + ")";
  if (parts.empty()) source += "(*FAIL)";
  return std::make_shared<Pattern>(source, "combined pattern");
}

std::optional<Match> Pattern::find(std::string_view subject, std::size_t from,
                                   bool anchored) const {
  if (from > subject.size()) return std::nullopt;
  int rc = impl_->match(subject, from, anchored);
  if (rc <= 0) return std::nullopt;
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(impl_->data);
  std::uint32_t count = pcre2_get_ovector_count(impl_->data);
  Match match;
  match.groups.resize(count);
  for (std::uint32_t i = 0; i < count && i < static_cast<std::uint32_t>(rc); ++i) {
    if (ovector[2 * i] == PCRE2_UNSET) continue;
    match.groups[i] = {ovector[2 * i], ovector[2 * i + 1]};
  }
  return match;
}

bool Pattern::test(std::string_view subject, std::size_t from, bool anchored) const {
  if (from > subject.size()) return false;
  return impl_->match(subject, from, anchored) > 0;
}

// Marks each byte in a table (independent stores), then packs the table into
// bits eight bytes at a time: each byte is 0 or 1, and the multiplication moves
// byte j's bit to bit 56 + j without carries.
ByteSet ByteSet::of(std::string_view text) {
  alignas(8) unsigned char seen[256] = {};
  for (unsigned char c : text) seen[c] = 1;
  ByteSet set;
  for (int word = 0; word < 4; ++word) {
    std::uint64_t bits = 0;
    for (int k = 0; k < 8; ++k) {
      std::uint64_t x;
      std::memcpy(&x, seen + word * 64 + k * 8, 8);
      bits |= ((x * 0x0102040810204080ULL) >> 56) << (k * 8);
    }
    set.bits[word] = bits;
  }
  return set;
}

std::size_t Pattern::group(const char* name, const Match& match) const {
  PCRE2_SPTR first = nullptr, last = nullptr;
  int entry_size = pcre2_substring_nametable_scan(impl_->code, reinterpret_cast<PCRE2_SPTR>(name),
                                                  &first, &last);
  if (entry_size <= 0) return Match::npos;
  for (PCRE2_SPTR entry = first; entry <= last; entry += entry_size) {
    std::size_t number = (static_cast<std::size_t>(entry[0]) << 8) | entry[1];
    if (number < match.groups.size() && match.groups[number].matched()) return number;
  }
  return Match::npos;
}

std::size_t Pattern::group(const char* name) const {
  int n = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>(name));
  return n < 0 ? Match::npos : static_cast<std::size_t>(n);
}

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Unescapes \t, \n, \\ and \s (a space, so values can end in one).
std::string unescape(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char next = i + 1 < value.size() && value[i] == '\\' ? value[i + 1] : 0;
    char meant = next == 't'    ? '\t'
                 : next == 'n'  ? '\n'
                 : next == 's'  ? ' '
                 : next == '\\' ? '\\'
                                : 0;
    if (meant) {
      out += meant;
      ++i;
    } else {
      out += value[i];
    }
  }
  return out;
}

std::vector<Entry> parse_entries(const std::string& display, const std::string& content,
                                 bool raw_values) {
  std::vector<Entry> entries;
  std::istringstream in(content);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos)
      throw GrammarError(display, number, "expected KEY<TAB>VALUE, found no tab");
    Entry entry;
    entry.key = line.substr(0, tab);
    std::size_t value_start = line.find_first_not_of('\t', tab);
    entry.value = value_start == std::string::npos ? "" : line.substr(value_start);
    if (!raw_values) entry.value = unescape(entry.value);
    entry.line = number;
    if (entry.key.empty()) throw GrammarError(display, number, "empty key");
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Files the engine cannot work without; a missing one is a start-up error.
const char* const kRequiredFiles[] = {"fold/characters",          "fold/ocr_in_word",
                                      "fold/ocr_words",           "normalise/rewrite.re",
                                      "normalise/latex",          "normalise/tone_placement",
                                      "structure/markers.re",     "structure/section_kinds.re",
                                      "structure/line_roles.re",  "structure/letters",
                                      "structure/ocr_letters",    "structure/roman_letters",
                                      "header/header.re",         "header/document_kinds",
                                      "references/references.re", "references/relations.re",
                                      "agencies/registry",        "agencies/abbreviations",
                                      "agencies/compose",         "agencies/words",
                                      "agencies/tails.re",        "agencies/list.re",
                                      "agencies/subject.re",      "extract/deadlines.re",
                                      "extract/targets.re",       "extract/units",
                                      "extract/labels.re",        "extract/assignments.re",
                                      "restore/abbreviations.re", "restore/codes",
                                      "structure/part_titles"};

}  // namespace

std::shared_ptr<const Grammar> Grammar::load(const std::string& directory) {
  auto grammar = std::make_shared<Grammar>();
  grammar->directory_ = directory;
  fs::path root(directory);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw GrammarError(directory, 0, "grammar directory not found");
  for (auto it = fs::recursive_directory_iterator(root, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file()) continue;
    std::string relative = fs::relative(it->path(), root).generic_string();
    std::string display = (root / relative).generic_string();
    std::string content = read_whole(it->path());
    if (ends_with(relative, ".re.tsv")) {
      std::string name = relative.substr(0, relative.size() - 4);  // keep ".re"
      auto entries = parse_entries(display, content, true);
      std::vector<PatternEntry> compiled;
      for (const auto& entry : entries) {
        try {
          compiled.push_back(
              {entry.key, std::make_shared<Pattern>(entry.value, "pattern '" + entry.key + "'")});
        } catch (const std::runtime_error& error) {
          throw GrammarError(display, entry.line, error.what());
        }
      }
      grammar->entries_[name] = std::move(entries);
      grammar->patterns_[name] = std::move(compiled);
    } else if (ends_with(relative, ".tsv")) {
      grammar->entries_[relative.substr(0, relative.size() - 4)] =
          parse_entries(display, content, false);
    } else if (ends_with(relative, ".rules")) {
      grammar->texts_[relative.substr(0, relative.size() - 6)] = content;
    }
  }
  for (const char* required : kRequiredFiles) {
    std::string name = required;
    if (!grammar->entries_.count(name) && !grammar->texts_.count(name))
      throw GrammarError((root / name).generic_string(), 0, "required grammar file is missing");
  }
  return grammar;
}

std::string Grammar::default_directory() {
  if (const char* env = std::getenv("VNPLAN_GRAMMARS"); env && *env) return env;
  return VNPLAN_DEFAULT_GRAMMARS;
}

const std::vector<Entry>& Grammar::entries(std::string_view file) const {
  auto it = entries_.find(file);
  if (it == entries_.end())
    throw GrammarError(directory_ + "/" + std::string(file), 0, "no such grammar file");
  return it->second;
}

const std::vector<PatternEntry>& Grammar::patterns(std::string_view file) const {
  auto it = patterns_.find(file);
  if (it == patterns_.end())
    throw GrammarError(directory_ + "/" + std::string(file) + ".tsv", 0, "no such pattern file");
  return it->second;
}

const Pattern& Grammar::pattern(std::string_view file, std::string_view key) const {
  for (const auto& entry : patterns(file))
    if (entry.key == key) return *entry.pattern;
  throw GrammarError(directory_ + "/" + std::string(file) + ".tsv", 0,
                     "missing pattern '" + std::string(key) + "'");
}

const std::string& Grammar::value(std::string_view file, std::string_view key) const {
  for (const auto& entry : entries(file))
    if (entry.key == key) return entry.value;
  throw GrammarError(directory_ + "/" + std::string(file) + ".tsv", 0,
                     "missing entry '" + std::string(key) + "'");
}

const std::string& Grammar::text(std::string_view file) const {
  auto it = texts_.find(file);
  if (it == texts_.end())
    throw GrammarError(directory_ + "/" + std::string(file) + ".rules", 0, "no such rules file");
  return it->second;
}

}  // namespace vnplan
