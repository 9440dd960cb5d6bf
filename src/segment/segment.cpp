// The segment stage: fold every block once and read its leading marker.
#include "vnplan/segment.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace vnplan {

int roman_value(std::string_view upper) {
  int total = 0, previous = 0;
  for (auto it = upper.rbegin(); it != upper.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : 0;
    if (v == 0) return 0;
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return total;
}

namespace {

// The entry of structure/roman_letters for one written character, if any.
const Entry* misread_stroke(char written, const std::vector<Entry>& misread) {
  char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(written)));
  for (const Entry& e : misread)
    if (e.key.size() == 1 && e.key[0] == lower) return &e;
  return nullptr;
}

}  // namespace

std::string canonical_roman(std::string_view written, const std::vector<Entry>& misread) {
  std::string out;
  for (char c : written) {
    if (const Entry* read = misread_stroke(c, misread))
      out += read->value;
    else
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

namespace {

// A list letter's place in structure/letters.tsv ("đ" → 5); 0 when it is none.
int letter_place(const std::vector<Entry>& letters, std::string_view letter) {
  for (const Entry& e : letters)
    if (e.key == letter) return std::atoi(e.value.c_str());
  return 0;
}

std::string lower_first_letter(const std::string& text) {
  if (text.empty()) return text;
  char32_t code;
  std::size_t length = utf8_decode(text, 0, code);
  std::string out;
  utf8_append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(code))));
  return out + text.substr(length);
}

}  // namespace

const char* marker_type_name(MarkerType type) {
  switch (type) {
    case MarkerType::none:
      return "none";
    case MarkerType::appendix:
      return "appendix";
    case MarkerType::part:
      return "part";
    case MarkerType::roman:
      return "roman";
    case MarkerType::arabic:
      return "arabic";
    case MarkerType::letter:
      return "letter";
    case MarkerType::paren:
      return "paren";
    case MarkerType::bullet:
      return "bullet";
  }
  return "none";
}

Segmenter::Segmenter(const Grammar& grammar, const Folder& folder)
    : grammar_(grammar), folder_(folder) {
  const auto& letters = grammar.entries("structure/letters");
  for (const Entry& e : grammar.entries("structure/ocr_letters")) {
    bool digit = e.key.size() == 1 && e.key[0] >= '0' && e.key[0] <= '9';
    if (!digit || letter_place(letters, e.value) == 0)
      throw GrammarError(grammar.directory() + "/structure/ocr_letters.tsv", e.line,
                         "expected 'DIGIT<TAB>LETTER' with a letter of structure/letters.tsv");
  }
}

namespace {

std::optional<Marker> read_marker(const std::string& text, const Folder::Folded& folded,
                                  const std::vector<PatternEntry>& patterns,
                                  const std::vector<Entry>& letters,
                                  const std::vector<Entry>& roman_letters) {
  for (const auto& entry : patterns) {
    auto match = entry.pattern->find(folded.text, 0, true);
    if (!match) continue;
    // Offsets past the folded head map to the end of the head, which read from it.
    auto to_text = [&](std::size_t folded_offset) -> std::size_t {
      return folded_offset >= folded.text.size() ? folded.origin.back()
                                                 : folded.origin[folded_offset];
    };
    Marker marker;
    marker.content_start = to_text(match->groups[0].end);
    std::size_t marker_end = marker.content_start;
    while (marker_end > 0 && text[marker_end - 1] == ' ') --marker_end;
    marker.text = text.substr(0, marker_end);
    std::size_t num = entry.pattern->group("num");
    std::string written, folded_num;
    if (num != Match::npos && (*match)[num].matched()) {
      written = text.substr(to_text((*match)[num].begin),
                            to_text((*match)[num].end) - to_text((*match)[num].begin));
      folded_num = std::string(match->text(folded.text, num));
    }
    const std::string& type = entry.key;
    if (type == "roman" || (type == "appendix" && !folded_num.empty() &&
                            folded_num.find_first_not_of("ivxl1|") == std::string::npos)) {
      // Restoration may have put a mark on a misread numeral ("TI-" as "TỈ-"):
      // such a numeral is read from its folded letters.
      bool marked = std::any_of(written.begin(), written.end(),
                                [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      std::string roman = canonical_roman(marked ? folded_num : written, roman_letters);
      marker.value = roman_value(roman);
      if (marker.value == 0 || marker.value > 40) {
        if (type == "roman") continue;
      }
      marker.number = roman;
    } else if (type == "arabic") {
      marker.number = folded_num;
      marker.depth = 1 + static_cast<int>(std::count(folded_num.begin(), folded_num.end(), '.'));
      marker.value =
          std::atoi(folded_num.c_str() +
                    (folded_num.rfind('.') == std::string::npos ? 0 : folded_num.rfind('.') + 1));
    } else if (type == "letter") {
      std::string letter = lower_first_letter(written);
      marker.number = letter_place(letters, letter) ? letter : folded_num;
      marker.value = letter_place(letters, marker.number);
    } else if (type == "part") {
      // "A. MỤC TIÊU", "B. NHIỆM VỤ": a capital; "a. …" is no marker.
      std::string letter = lower_first_letter(written);
      if (written.empty() || letter == written || !letter_place(letters, letter)) continue;
      marker.number = written;
      marker.value = letter_place(letters, letter);
    } else if (type == "paren") {
      marker.number = "(" + folded_num + ")";
      marker.value = std::atoi(folded_num.c_str());
    } else if (type == "bullet") {
      marker.number = folded_num;
    } else if (type == "appendix") {
      marker.number = written.empty() ? "" : written;
    }
    if (type == "appendix") {
      marker.type = MarkerType::appendix;
      marker.number = marker.number.empty() ? "PL" : "PL-" + marker.number;
    } else {
      marker.type = type == "roman"    ? MarkerType::roman
                    : type == "part"   ? MarkerType::part
                    : type == "arabic" ? MarkerType::arabic
                    : type == "letter" ? MarkerType::letter
                    : type == "paren"  ? MarkerType::paren
                                       : MarkerType::bullet;
    }
    return marker;
  }
  return std::nullopt;
}

// A part's title is in capitals; restoration may have put a misread word of it
// in lower case ("NHEE VIVO NẠ GUAT PHAP CHO Y tự").
constexpr double kPartTitleCapitals = 0.8;  // share of its letters

// The share of the letters that are capitals (0 when there are none).
double capital_share(std::string_view text) {
  std::size_t letters = 0, upper = 0;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    if (u_isupper(c)) ++upper;
  }
  return letters == 0 ? 0.0 : static_cast<double>(upper) / static_cast<double>(letters);
}

// Letters, all in upper case: an unnumbered heading ("MỤC TIÊU") that lost its
// marker, never the text of a list item.
bool all_capitals(std::string_view text) {
  std::size_t upper = 0;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++upper;
  }
  return upper >= 2;
}

bool only_marker(const Unit& unit, const Block& block) {
  if (unit.marker.type == MarkerType::none || unit.marker.type == MarkerType::bullet ||
      unit.marker.type == MarkerType::appendix)
    return false;
  return block.text().find_first_not_of(' ', unit.marker.content_start) == std::string::npos;
}

bool starts_lower_case(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0 && u_isalpha(c)) return u_islower(c);
    if (c >= 0 && u_isdigit(c)) return false;
  }
  return false;
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && std::string_view(".;:,").find(text.back()) != std::string_view::npos;
}

// A list letter OCR read as the digit it looks like ("9)" for "g)", "0)" for
// "o)", structure/ocr_letters.tsv) is that letter where the letter list before
// it expects it next (a skipped letter allowed: "đ" is often left out). A
// digit alone with its ")" becomes a lone letter marker, for
// attach_detached_markers to place.
void read_digits_as_letters(SegmentedText& out, const std::vector<Entry>& letters,
                            const std::vector<Entry>& lookalikes) {
  int last_letter = 0;  // value of the latest letter marker of the open list
  for (Unit& unit : out.units) {
    Marker& marker = unit.marker;
    if (marker.type == MarkerType::letter) {
      last_letter = marker.value;
      continue;
    }
    if (marker.type == MarkerType::roman || marker.type == MarkerType::arabic ||
        marker.type == MarkerType::appendix)
      last_letter = 0;
    if (last_letter == 0 || out.block(unit).kind != BlockKind::paragraph) continue;
    const std::string& text = out.block(unit).text();
    std::size_t end = text.find_last_not_of(' ');
    bool lone_digit = marker.type == MarkerType::none && end == 1 && text[1] == ')' &&
                      text[0] >= '0' && text[0] <= '9';
    bool digit_marker =
        marker.type == MarkerType::paren && marker.text.size() == 2 && marker.text[1] == ')';
    if (!lone_digit && !digit_marker) continue;
    std::string digit = text.substr(0, 1);
    for (const Entry& e : lookalikes) {
      int value = e.key == digit ? letter_place(letters, e.value) : 0;
      if (value != last_letter + 1 && value != last_letter + 2) continue;
      marker.type = MarkerType::letter;
      marker.text = text.substr(0, 2);
      marker.number = e.value;
      marker.value = value;
      marker.depth = 1;
      if (lone_digit) marker.content_start = end + 1;
      last_letter = value;
      break;
    }
  }
}

// Lettered parts run A., B., C., …: one that is neither "A." nor the letter
// after the part before it is no marker ("L. MỤC ĐÍCH" is OCR's "I.", a
// capital and a dot in a name's initial is no part).
void keep_parts_in_order(SegmentedText& out) {
  int last = 0;
  for (Unit& unit : out.units) {
    Marker& marker = unit.marker;
    if (marker.type == MarkerType::appendix) last = 0;
    if (marker.type != MarkerType::part) continue;
    if (marker.value == 1 || marker.value == last + 1)
      last = marker.value;
    else
      marker = Marker{};
  }
}

// Tesseract reads a column of list markers apart from the text beside them:
// "a)", "b)" on lines of their own, then the paragraphs. Each marker of such a
// run goes to a paragraph without one that follows, in order: a Roman marker
// to a heading in capitals ("MỤC TIÊU"), the others to text that is not a
// heading in capitals (whose own marker was lost) nor the lower-case rest of a
// paragraph a page or column break cut. An Arabic marker ("2.") goes to a
// title (no closing punctuation) before any prose: the column "IV. / 1. / 2."
// stands beside the part's title and its headings, not its first paragraphs.
void attach_detached_markers(SegmentedText& out) {
  constexpr std::size_t kWindow = 8;  // blocks after the run a marker may reach
  auto bare_paragraph = [&](std::size_t u) {
    return out.block(out.units[u]).kind == BlockKind::paragraph &&
           out.units[u].marker.type == MarkerType::none && !out.units[u].marker_moved;
  };
  for (std::size_t u = 0; u < out.units.size();) {
    std::size_t run_end = u;
    while (run_end < out.units.size() &&
           out.block(out.units[run_end]).kind == BlockKind::paragraph &&
           only_marker(out.units[run_end], out.block(out.units[run_end])))
      ++run_end;
    if (run_end == u) {
      ++u;
      continue;
    }
    // The paragraphs the run may reach: up to a table, a marked block or the window's end.
    std::vector<std::size_t> reach;
    for (std::size_t k = run_end;
         k < out.units.size() && k < run_end + kWindow && bare_paragraph(k); ++k)
      reach.push_back(k);
    std::vector<bool> taken(reach.size());
    std::size_t next_text = 0;  // list items keep their order
    for (std::size_t m = u; m < run_end; ++m) {
      bool roman = out.units[m].marker.type == MarkerType::roman;
      bool arabic = out.units[m].marker.type == MarkerType::arabic;
      auto choose = [&](bool title_only) {
        for (std::size_t r = roman ? 0 : next_text; r < reach.size(); ++r) {
          const std::string& text = out.block(out.units[reach[r]]).text();
          if (!taken[r] && !starts_lower_case(text) && all_capitals(text) == roman &&
              !(title_only && ends_sentence(text)))
            return r;
        }
        return reach.size();
      };
      std::size_t chosen = arabic ? choose(true) : reach.size();
      if (chosen == reach.size()) chosen = choose(false);
      if (chosen == reach.size()) continue;
      taken[chosen] = true;
      if (!roman) next_text = chosen + 1;
      Unit& target = out.units[reach[chosen]];
      target.marker = out.units[m].marker;
      target.marker.content_start = 0;
      out.units[m].marker = Marker{};
      out.units[m].marker_moved = true;
    }
    u = run_end;
  }
}

std::string roman_numeral(int value) {
  static const std::pair<int, const char*> kDigits[] = {
      {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [weight, digits] : kDigits)
    for (; value >= weight; value -= weight) out += digits;
  return out;
}

// The first `count` words of a folded text, or "" when it has fewer.
std::string first_words(std::string_view folded, std::size_t count) {
  std::string words;
  std::size_t at = 0;
  for (std::size_t found = 0; found < count; ++found) {
    std::size_t begin = folded.find_first_not_of(' ', at);
    if (begin == std::string_view::npos) return "";
    at = std::min(folded.find(' ', begin), folded.size());
    words += std::string(folded.substr(begin, at - begin)) + ' ';
  }
  return words;
}

// The value of the next marker of `type` (Arabic: depth 1) before the next part
// or appendix marker; 0 when there is none.
int next_value(const SegmentedText& out, std::size_t from, MarkerType type) {
  for (std::size_t k = from; k < out.units.size(); ++k) {
    const Marker& marker = out.units[k].marker;
    if (marker.type == type && (type != MarkerType::arabic || marker.depth == 1))
      return marker.value;
    if (marker.type == MarkerType::appendix ||
        (type == MarkerType::arabic && marker.type == MarkerType::roman))
      return 0;
  }
  return 0;
}

// The marker of the first block after `u` that was not a lone marker moved on.
const Marker* marker_after(const SegmentedText& out, std::size_t u) {
  std::size_t next = u + 1;
  while (next < out.units.size() && out.units[next].marker_moved) ++next;
  return next < out.units.size() ? &out.units[next].marker : nullptr;
}

// A list's first item ("a)", "(1)") right after `u`.
bool list_starts_after(const SegmentedText& out, std::size_t u) {
  const Marker* first = marker_after(out, u);
  return first && first->value == 1 &&
         (first->type == MarkerType::letter || first->type == MarkerType::paren);
}

// A list below heading N that starts again at its first item ("a)" after "h)")
// has a new heading: the bare paragraph `u` just before it.
bool list_restarts_after(const SegmentedText& out, std::size_t heading, std::size_t u) {
  if (!list_starts_after(out, u)) return false;
  MarkerType type = marker_after(out, u)->type;
  for (std::size_t k = heading + 1; k < u; ++k)
    if (out.units[k].marker.type == type && out.units[k].marker.value > 1) return true;
  return false;
}

// A paragraph of several lines: prose, not a title or a short list item.
bool long_paragraph(const SegmentedText& out, std::size_t u) {
  if (u >= out.units.size() || out.block(out.units[u]).kind != BlockKind::paragraph) return false;
  const Block& block = out.block(out.units[u]);
  return block.last_line > block.first_line;
}

// One short line alone between two paragraphs of prose, the one before it
// ended: a title ("Kinh phí thực hiện"), where a short list item would stand
// among other short items.
bool lone_title_between_prose(const SegmentedText& out, std::size_t u) {
  constexpr std::size_t kMaxTitle = 100;  // bytes: one line
  const Block& block = out.block(out.units[u]);
  if (block.last_line != block.first_line || block.text().size() > kMaxTitle || u == 0)
    return false;
  const std::string& before = out.block(out.units[u - 1]).text();
  return long_paragraph(out, u - 1) && ends_sentence(before) && before.back() != ',' &&
         long_paragraph(out, u + 1);
}

constexpr std::size_t kNoUnit = static_cast<std::size_t>(-1);

// OCR reads the first part's "I." as "1." ("1. MỤC ĐÍCH", then "Il. YÊU
// CẦU"), and the Arabic headings of the later parts then came out as its
// siblings. A "1." titled in capitals, before any Roman marker, whose next
// Roman marker is II, is part I.
void read_one_as_roman(SegmentedText& out) {
  for (std::size_t u = 0; u < out.units.size(); ++u) {
    Marker& marker = out.units[u].marker;
    if (marker.type == MarkerType::roman || marker.type == MarkerType::appendix) return;
    if (marker.type != MarkerType::arabic || marker.depth != 1 || marker.value != 1) continue;
    std::string_view title = std::string_view(out.block(out.units[u]).text());
    if (!all_capitals(title.substr(std::min(title.size(), marker.content_start))) ||
        next_value(out, u + 1, MarkerType::roman) != 2)
      return;
    marker.type = MarkerType::roman;
    marker.number = "I";
    return;
  }
}

// Gives the part titles found between two written Roman markers the numbers
// between them (before the first one: the numbers right below it). "I." read
// as "Il." (II) leaves no room for a lost "II.": when the titles do not fit,
// such a marker is taken as the number below it.
void number_lost_parts(SegmentedText& out, std::size_t previous, std::size_t next,
                       const std::vector<std::size_t>& titles,
                       const std::vector<Entry>& roman_letters) {
  if (titles.empty()) return;
  int n = previous == kNoUnit ? 0 : out.units[previous].marker.value;
  int m = next == kNoUnit ? 0 : out.units[next].marker.value;
  int count = static_cast<int>(titles.size());
  if (n == 0 && m == 0) return;  // no series to place them in
  // Before the first written numeral the titles are the parts right below it
  // ("MỤC TIÊU", "NHIỆM VỤ …" lost, then "IV."): II and III, not I and II.
  if (previous == kNoUnit && m > count) n = m - 1 - count;
  if (m != 0 && n + count >= m) {
    if (previous == kNoUnit || n + count - 1 >= m) return;
    Marker& misread = out.units[previous].marker;
    bool stroke_misread = std::any_of(misread.text.begin(), misread.text.end(),
                                      [&](char c) { return misread_stroke(c, roman_letters); });
    if (!stroke_misread || n < 2) return;
    n -= 1;
    misread.value = n;
    misread.number = roman_numeral(n);
  }
  for (std::size_t title : titles) {
    Marker& marker = out.units[title].marker;
    marker.type = MarkerType::roman;
    marker.value = ++n;
    marker.number = roman_numeral(n);
  }
}

// The nearest heading numbered "N." at the first level, from unit u stepping
// by `step`, that no part marker stands between; kNoUnit when none is.
std::size_t nearest_arabic_heading(const SegmentedText& out, std::size_t u, int step) {
  // Unsigned: a step back from unit 0 wraps past the end, which ends the loop.
  for (std::size_t v = u + static_cast<std::size_t>(step); v < out.units.size();
       v += static_cast<std::size_t>(step)) {
    const Marker& marker = out.units[v].marker;
    if (marker.type == MarkerType::roman || marker.type == MarkerType::appendix) break;
    if (marker.type == MarkerType::arabic && marker.depth == 1) return v;
  }
  return kNoUnit;
}

// OCR reads "11." as "Hl." or "Il.": a Roman numeral in misread strokes. One
// that stands between the headings "10." and "12." is the "11." they skip,
// unless its title is in capitals, as a part's is ("Ill. NHIỆM VỤ ...").
void read_stroke_romans_as_arabic(SegmentedText& out, const std::vector<Entry>& roman_letters) {
  for (std::size_t u = 1; u < out.units.size(); ++u) {
    Marker& marker = out.units[u].marker;
    if (marker.type != MarkerType::roman ||
        std::none_of(marker.text.begin(), marker.text.end(),
                     [&](char c) { return misread_stroke(c, roman_letters); }))
      continue;
    std::string_view text = out.block(out.units[u]).text();
    if (capital_share(text.substr(std::min(text.size(), marker.content_start))) >=
        kPartTitleCapitals)
      continue;
    std::size_t before = nearest_arabic_heading(out, u, -1);
    std::size_t after = nearest_arabic_heading(out, u, 1);
    if (before == kNoUnit || after == kNoUnit) continue;
    int value = out.units[before].marker.value + 1;
    if (out.units[after].marker.value != value + 1) continue;
    marker.type = MarkerType::arabic;
    marker.value = value;
    marker.depth = 1;
    marker.number = std::to_string(value);
  }
}

// OCR drops the dot inside a sub-heading's number: "2.4." read as "24.". A
// first-level "NM." that the first-level series does not reach (the heading
// above is "N.") while sub-heading "N.K." stands open, with K < M <= K + 2 (one
// sub-heading may be lost too), is sub-heading "N.M.".
void read_dotless_sub_numbers(SegmentedText& out) {
  constexpr int kMaxSkipped = 1;  // sub-headings lost between the two
  int top = 0, sub = 0;           // the open "N." and "N.K." (0: none)
  for (Unit& unit : out.units) {
    Marker& marker = unit.marker;
    if (marker.type == MarkerType::roman || marker.type == MarkerType::appendix) {
      top = sub = 0;
      continue;
    }
    if (marker.type != MarkerType::arabic) continue;
    if (marker.depth == 2 && marker.number.rfind(std::to_string(top) + ".", 0) == 0) {
      sub = marker.value;
      continue;
    }
    if (marker.depth != 1) continue;
    int value = marker.value, tens = value / 10, units = value % 10;
    if (top > 0 && sub > 0 && value >= 10 && value < 100 && tens == top && value != top + 1 &&
        units > sub && units <= sub + 1 + kMaxSkipped) {
      marker.depth = 2;
      marker.value = units;
      marker.number = std::to_string(tens) + "." + std::to_string(units);
      sub = units;
      continue;
    }
    top = value;
    sub = 0;
  }
}

// A first-level heading whose title is one word of one or two letters ("3. De")
// is OCR's reading of a stray mark, not a heading: no plan titles a section so.
void drop_stray_headings(SegmentedText& out) {
  constexpr std::size_t kMaxStrayLetters = 2;
  for (Unit& unit : out.units) {
    Marker& marker = unit.marker;
    if (marker.type != MarkerType::arabic || marker.depth != 1) continue;
    std::string_view text = out.block(unit).text();
    std::string_view title = text.substr(std::min(text.size(), marker.content_start));
    std::size_t first = title.find_first_not_of(" "), last = title.find_last_not_of(" .:");
    if (first == std::string_view::npos || last == std::string_view::npos || last < first) continue;
    title = title.substr(first, last - first + 1);
    std::size_t characters = 0;
    bool only_letters = true;
    for (std::size_t i = 0; i < title.size();) {
      UChar32 c;
      U8_NEXT(title.data(), i, title.size(), c);
      only_letters = only_letters && c >= 0 && u_isalpha(c);
      ++characters;
    }
    if (only_letters && characters <= kMaxStrayLetters) marker = Marker{};
  }
}

// A misread part heading (structure/line_roles.re `garbled_part`): the numeral's
// strokes, then a title in capitals, right before the "1." that opens the part. Returns where
// its title starts, after the numeral as written; npos when it is not one.
std::size_t garbled_part_title(const SegmentedText& out, std::size_t u,
                               const Pattern& garbled_part) {
  constexpr std::size_t npos = std::string::npos;
  if (u + 1 >= out.units.size()) return npos;
  const Marker& next = out.units[u + 1].marker;
  if (next.type != MarkerType::arabic || next.depth != 1 || next.value != 1) return npos;
  if (!garbled_part.matches_at_start(out.units[u].folded)) return npos;
  const std::string& text = out.block(out.units[u]).text();
  std::size_t title_start = text.find_first_not_of(' ', std::min(text.find(' '), text.size()));
  if (title_start == npos ||
      capital_share(std::string_view(text).substr(title_start)) < kPartTitleCapitals)
    return npos;
  return title_start;
}

// Where the title starts after a numeral read as strokes alone ("| MỤC ĐÍCH",
// "TT. PHÂN CÔNG": structure/roman_letters), or 0 when the text opens with no
// such strokes.
std::size_t title_after_strokes(std::string_view text, const std::vector<Entry>& roman_letters) {
  std::size_t end = 0;
  while (end < text.size() && misread_stroke(text[end], roman_letters)) ++end;
  if (end > 0 && end < text.size() && (text[end] == '.' || text[end] == ',')) ++end;
  if (end == 0 || end >= text.size() || text[end] != ' ') return 0;
  std::size_t title = text.find_first_not_of(' ', end);
  return title == std::string_view::npos ? 0 : title;
}

// Tesseract also loses a part's Roman numeral outright ("NHIỆM VỤ VÀ GIẢI PHÁP
// CHỦ YẾU" with no "III." anywhere). A title in capitals alone on its line that
// names a part of a plan (structure/line_roles.re `lost_part`) takes the number
// the series skips there. Its marker is "" (nothing was written).
void infer_lost_parts(SegmentedText& out, const Pattern& lost_part, const Pattern& garbled_part,
                      const std::vector<Entry>& roman_letters) {
  constexpr std::size_t kMaxPartTitle = 100;  // bytes
  std::size_t previous = kNoUnit;
  std::vector<std::size_t> titles;
  std::vector<std::pair<std::size_t, std::size_t>> garbled;  // unit, title start
  for (std::size_t u = 0; u < out.units.size(); ++u) {
    const Unit& unit = out.units[u];
    if (unit.marker.type == MarkerType::roman || unit.marker.type == MarkerType::appendix) {
      bool roman = unit.marker.type == MarkerType::roman;
      number_lost_parts(out, previous, roman ? u : kNoUnit, titles, roman_letters);
      titles.clear();
      previous = roman ? u : kNoUnit;
      continue;
    }
    const std::string& text = out.block(unit).text();
    if (unit.marker.type != MarkerType::none || unit.marker_moved ||
        out.block(unit).kind != BlockKind::paragraph || text.size() > kMaxPartTitle)
      continue;
    if (all_capitals(text) && lost_part.matches_at_start(unit.folded)) {
      titles.push_back(u);
      // "| MỤC ĐÍCH, YÊU CẦU": the strokes are the numeral as written.
      if (std::size_t title = title_after_strokes(text, roman_letters); title != 0)
        garbled.emplace_back(u, title);
    } else if (std::size_t title = garbled_part_title(out, u, garbled_part);
               title != std::string::npos) {
      titles.push_back(u);
      garbled.emplace_back(u, title);
    }
  }
  number_lost_parts(out, previous, kNoUnit, titles, roman_letters);
  // A numbered garbled heading keeps its misread numeral as the marker written.
  for (auto [u, title] : garbled) {
    Marker& marker = out.units[u].marker;
    if (marker.type != MarkerType::roman) continue;
    const std::string& text = out.block(out.units[u]).text();
    marker.text = text.substr(0, std::min(text.find(' '), title));
    marker.content_start = title;
  }
}

// OCR also drops a stroke from a written numeral: "II- MỤC TIÊU" read as "I-"
// after "I- MỤC ĐÍCH". A part numbered no higher than the part before it, where
// the next written part leaves room, is the part after the one before it.
void renumber_repeated_parts(SegmentedText& out) {
  int previous = 0;
  for (std::size_t u = 0; u < out.units.size(); ++u) {
    Marker& marker = out.units[u].marker;
    if (marker.type == MarkerType::appendix) return;
    if (marker.type != MarkerType::roman || marker.value == 0) continue;
    int next = next_value(out, u + 1, MarkerType::roman);
    if (previous != 0 && marker.value <= previous && (next == 0 || next > previous + 1)) {
      marker.value = previous + 1;
      marker.number = roman_numeral(marker.value);
    }
    previous = marker.value;
  }
}

// The Arabic counterpart ("2." gone before "Khẩn trương, ..."): a short line with
// no closing punctuation after heading N, where the numbering skips N+1, is
// heading N+1 when the list after it starts again at its first item or when it
// opens with the words of heading N ("Trách nhiệm của ..."). Right after a part
// heading it is "1." when a list starts after it and a later "N." shows the gap.
// Not in an appendix: there OCR reads a table row by row, its row numbers as
// headings, and a cell's lone line ("Nội dung") between rows as a title.
void infer_lost_headings(SegmentedText& out) {
  constexpr std::size_t kMaxHeading = 400;  // bytes: three or four lines
  constexpr std::size_t kSharedWords = 2;
  std::size_t heading = kNoUnit;  // the latest "N." heading, while no "N.M." follows it
  bool in_part = false;           // after a Roman part heading, before its first "N."
  for (std::size_t u = 0; u < out.units.size(); ++u) {
    Unit& unit = out.units[u];
    const Marker& marker = unit.marker;
    if (marker.type == MarkerType::appendix) return;
    if (marker.type == MarkerType::roman ||
        (marker.type == MarkerType::arabic && marker.depth > 1)) {
      heading = kNoUnit;
      in_part = marker.type == MarkerType::roman;
      continue;
    }
    if (marker.type == MarkerType::arabic) {
      heading = u;
      in_part = false;
    }
    const std::string& text = out.block(unit).text();
    if ((heading == kNoUnit && !in_part) || marker.type != MarkerType::none || unit.marker_moved ||
        out.block(unit).kind != BlockKind::paragraph || text.size() > kMaxHeading ||
        ends_sentence(text) || starts_lower_case(text) || text.find(':') != std::string::npos ||
        all_capitals(text))
      continue;
    int n = heading == kNoUnit ? 0 : out.units[heading].marker.value;
    int next = next_value(out, u + 1, MarkerType::arabic);
    if (next != 0 && next <= n + 1) continue;
    bool heading_like = false;
    if (heading == kNoUnit) {
      // The part's first heading: only where a later "N." shows the part is numbered.
      heading_like = next != 0 && list_starts_after(out, u);
    } else {
      const Unit& above = out.units[heading];
      std::string_view above_title =
          std::string_view(above.folded)
              .substr(
                  std::min(above.folded.size(), above.folded.find_first_not_of("0123456789. ")));
      std::string above_words = first_words(above_title, kSharedWords);
      heading_like = (!above_words.empty() && !ends_sentence(above_title) &&
                      first_words(unit.folded, kSharedWords) == above_words) ||
                     list_restarts_after(out, heading, u) || lone_title_between_prose(out, u);
    }
    if (!heading_like) continue;
    unit.marker.type = MarkerType::arabic;
    unit.marker.value = n + 1;
    unit.marker.number = std::to_string(n + 1);
    heading = u;
    in_part = false;
  }
}

}  // namespace

// At least a few mended tokens, and about one every two kilobytes: clean plans
// have none, or a stray "IPv6"; a page read without a Vietnamese model has
// several per paragraph.
bool SegmentedText::looks_ocr() const {
  constexpr std::size_t kMinFolds = 5;
  constexpr std::size_t kBytesPerFold = 2000;
  if (judged_ocr) return true;
  return ocr_folds >= kMinFolds && ocr_folds * kBytesPerFold >= text_bytes;
}

SegmentedText Segmenter::run(NormalisedText text, bool judged_ocr) const {
  SegmentedText out;
  out.text = std::move(text);
  out.judged_ocr = judged_ocr;
  const auto& patterns = grammar_.patterns("structure/markers.re");
  const auto& letters = grammar_.entries("structure/letters");
  const auto& roman_letters = grammar_.entries("structure/roman_letters");
  out.units.reserve(out.text.blocks.size());
  for (std::size_t i = 0; i < out.text.blocks.size(); ++i) {
    const Block& block = out.text.blocks[i];
    Unit unit;
    unit.block = i;
    unit.folded = folder_.fold_string(block.text(), out.ocr_folds);
    out.text_bytes += block.text().size();
    if (block.kind == BlockKind::paragraph) {
      // Markers sit at the start: fold (with origins) just the head of the block.
      std::size_t head = std::min<std::size_t>(block.text().size(), 120);
      while (head < block.text().size() &&
             (static_cast<unsigned char>(block.text()[head]) & 0xC0) == 0x80)
        ++head;
      Folder::Folded folded_head = folder_.fold(std::string_view(block.text()).substr(0, head));
      if (auto marker = read_marker(block.text(), folded_head, patterns, letters, roman_letters))
        unit.marker = *marker;
      // OCR reads one bullet glyph as "-", "*" or "¢" at random: in its output
      // the glyph tells no list levels apart.
      if (judged_ocr && unit.marker.type == MarkerType::bullet) unit.marker.number = "-";
    }
    out.units.push_back(std::move(unit));
  }
  keep_parts_in_order(out);
  if (out.looks_ocr())
    read_digits_as_letters(out, letters, grammar_.entries("structure/ocr_letters"));
  attach_detached_markers(out);
  if (out.looks_ocr()) {
    read_stroke_romans_as_arabic(out, roman_letters);
    drop_stray_headings(out);
    read_dotless_sub_numbers(out);
    infer_lost_parts(out, grammar_.pattern("structure/line_roles.re", "lost_part"),
                     grammar_.pattern("structure/line_roles.re", "garbled_part"), roman_letters);
    renumber_repeated_parts(out);
    read_one_as_roman(out);
    infer_lost_headings(out);
  }
  return out;
}

}  // namespace vnplan
