// The section tree.
//
// Markers nest by their kind, in the order a document first uses them, the way
// a reader does: "2.1." goes under "2."; a) under the nearest open numbered
// heading; a marker kind already open higher up closes everything below it.
// Markdown heading levels are ignored: converters get them wrong.
#include <algorithm>
#include <map>

#include "internal.hpp"

namespace vnplan::internal {
namespace {

std::string nesting_key(const Marker& marker) {
  switch (marker.type) {
    case MarkerType::arabic:
      return "arabic" + std::to_string(marker.depth);
    case MarkerType::bullet:
      return "bullet" + marker.number;
    case MarkerType::paren:
      return std::isdigit(static_cast<unsigned char>(marker.number[1])) ? "paren_n" : "paren_r";
    default:
      return marker_type_name(marker.type);
  }
}

struct Open {
  std::size_t section;
  std::string key;
};

// A bullet is a heading only when deeper bullets follow it ("- Về hạ tầng:" then
// "+ ..." items); otherwise it is an item of the section it stands in. A bullet
// already open above is a return to that level, and a labelled line ("* Cơ quan
// chủ trì: ...") is an attribute, not a sub-item.
bool introduces_sub_bullets(const StructureInput& input, std::size_t u, const DocumentRange& range,
                            const std::vector<Open>& stack) {
  const Marker& marker = input.unit(u).marker;
  for (std::size_t k = u + 1; k < range.end; ++k) {
    if (input.block(k).kind != BlockKind::paragraph) return false;
    const Marker& next = input.unit(k).marker;
    if (next.type == MarkerType::none) continue;  // a continuation paragraph
    if (next.type != MarkerType::bullet || next.number == marker.number) return false;
    for (const auto& open : stack)
      if (open.key == "bullet" + next.number) return false;
    return !is_label(input, k);
  }
  return false;
}

// Where a new marker goes: pops the stack to its parent.
void pop_to_parent(std::vector<Open>& stack, const std::vector<Section>& sections,
                   const Marker& marker, const std::string& key) {
  // Bullet headings are the lowest level: numbered markers never nest under them.
  if (marker.type != MarkerType::bullet)
    while (!stack.empty() && stack.back().key.rfind("bullet", 0) == 0) stack.pop_back();
  if (marker.type == MarkerType::appendix) {
    stack.clear();
    return;
  }
  // A Roman numeral numbers a plan's parts, above every other marker. When the
  // first part's numeral was lost (OCR reads "I." as "IL" or drops it), "1." and
  // "a)" open before any Roman one: "II." still closes them, it never nests in them.
  // Only lettered parts that lead the document ("A. …", then "I.") stand above.
  auto open_roman = std::find_if(stack.rbegin(), stack.rend(),
                                 [](const Open& open) { return open.key == "roman"; });
  if (marker.type == MarkerType::roman && open_roman == stack.rend()) {
    stack.resize(!stack.empty() && stack.front().key == "part" ? 1 : 0);
    return;
  }
  // A lettered part leads the document (and follows the one before it), or
  // divides the Roman part it is in.
  if (marker.type == MarkerType::part) {
    bool parts_lead = !stack.empty() && stack.front().key == "part";
    stack.resize(parts_lead || open_roman == stack.rend()
                     ? 0
                     : static_cast<std::size_t>(stack.rend() - open_roman));
    return;
  }
  if (marker.type == MarkerType::arabic && marker.depth > 1) {
    std::string prefix = marker.number.substr(0, marker.number.rfind('.'));
    for (std::size_t i = stack.size(); i-- > 0;) {
      const Section& open = sections[stack[i].section];
      if (open.marker_type == "arabic" && open.number == prefix) {
        stack.resize(i + 1);
        return;
      }
    }
  }
  for (std::size_t i = stack.size(); i-- > 0;) {
    if (stack[i].key == key) {
      stack.resize(i);
      return;
    }
  }
}

// "a) Về phát triển hạ tầng: phần đầu ..." → the title is what precedes the colon,
// unless the colon opens a list ("..., bao gồm: ...").
bool split_inline_title(const StructureInput& input, std::string& title) {
  std::size_t colon = title.find(':');
  if (colon == std::string::npos || colon > 120 || colon < 3) return false;
  std::string after = trim(title.substr(colon + 1), " ");
  if (after.empty()) return false;
  if (input.grammar.pattern("structure/line_roles.re", "list_intro")
          .contains(input.folder.fold_string(title.substr(0, colon))))
    return false;
  title = trim(title.substr(0, colon), " ");
  return true;
}

// The kind of a part title OCR misread past every pattern of section_kinds.re:
// that of the usual title (structure/part_titles.tsv) the title's start is
// closest to, letter for letter, when few enough letters differ and no title of
// another kind is about as close. "" when none is.
std::string kind_of_misread_title(const StructureInput& input, std::string_view folded) {
  constexpr double kMinSimilarity = 0.6;
  constexpr double kMinLead = 0.05;       // over the closest title of another kind
  constexpr std::size_t kSlack = 3;       // letters the title's start may be longer or shorter
  std::map<std::string, double> closest;  // by kind
  for (const Entry& entry : input.grammar.entries("structure/part_titles")) {
    const std::string& usual = entry.value;
    double& similarity = closest[entry.key];
    std::size_t shortest = usual.size() > kSlack ? usual.size() - kSlack : 1;
    for (std::size_t n = shortest; n <= usual.size() + kSlack && n <= folded.size(); ++n) {
      std::size_t longer = std::max(n, usual.size());
      double s =
          1.0 - static_cast<double>(edit_distance(folded.substr(0, n), std::string_view(usual))) /
                    static_cast<double>(longer);
      similarity = std::max(similarity, s);
    }
  }
  std::string best_kind;
  double best = 0, runner_up = 0;
  for (const auto& [kind, similarity] : closest) {
    if (similarity > best) {
      runner_up = best;
      best = similarity;
      best_kind = kind;
    } else {
      runner_up = std::max(runner_up, similarity);
    }
  }
  return best >= kMinSimilarity && best - runner_up >= kMinLead ? best_kind : "";
}

// The text of unit `u` from byte `from` of its block as the input has it (the
// block's own text when the input is not at hand).
std::string written_title(const StructureInput& input, std::size_t u, std::size_t from) {
  const std::string& text = input.text_of(u);
  from = std::min(from, text.size());
  if (!input.source.empty() && from < text.size()) {
    Span span = input.text_span(u, from, text.size());
    if (span.start < span.end && span.end <= input.source.size())
      return trim(collapse_white_space(input.source.substr(span.start, span.end - span.start)),
                  " ");
  }
  return trim(text.substr(from), " ");
}

// `written_title`: the title as the input has it, before diacritic
// restoration, which rewrites a misread title's words as arbitrarily as it
// reads them ("NA" as "NẠ" or "NO").
void assign_kind(const StructureInput& input, Section& section, const Section* parent,
                 bool sentence, std::string_view written_title) {
  if (section.marker_type == "appendix") {
    section.kind = "appendix";
    return;
  }
  // An item's sentence may open with a kind's words ("Tổ chức thực hiện có hiệu
  // quả Kế hoạch ..."): only headings and short unpunctuated titles name a kind.
  if ((section.role == "heading" && section.title.size() <= 300) ||
      (!sentence && section.title.size() <= 100)) {
    std::string folded = input.folder.fold_string(section.title);
    for (const auto& entry : input.grammar.patterns("structure/section_kinds.re")) {
      auto m = entry.pattern->find(folded);
      if (!m) continue;
      section.kind = entry.key;
      std::size_t year = entry.pattern->group("year");
      if (year != Match::npos && (*m)[year].matched())
        section.year = std::atoi(std::string(m->text(folded, year)).c_str());
      return;
    }
  }
  if (!parent && section.marker_type == "roman" && input.text.looks_ocr()) {
    section.kind = kind_of_misread_title(input, input.folder.fold_string(section.title));
    if (section.kind.empty() && !written_title.empty() && written_title != section.title)
      section.kind = kind_of_misread_title(input, input.folder.fold_string(written_title));
    if (!section.kind.empty()) return;
  }
  if (!parent)
    section.kind = "other";
  else if (parent->kind == "horizon" || parent->kind == "specific_goals")
    section.kind = "category";
  else
    section.kind = parent->kind;
  if (parent && parent->year && !section.year) section.year = parent->year;
}

// Text typed without diacritics writes "đ)" as "d)": a list letter that repeats
// its previous sibling's is the next letter of structure/letters.tsv when that
// one folds to it (d, then đ). Returns the letter to use.
std::string repeated_letter(const StructureInput& input, const std::vector<Section>& sections,
                            const std::optional<std::string>& parent, int level,
                            const std::string& letter) {
  for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
    if (it->level < level) break;
    if (it->level != level || it->parent != parent) continue;
    if (it->number != letter || it->marker_type != "letter") return letter;
    const auto& letters = input.grammar.entries("structure/letters");
    for (std::size_t i = 0; i + 1 < letters.size(); ++i)
      if (letters[i].key == letter && input.folder.fold_string(letters[i + 1].key) == letter)
        return letters[i + 1].key;
    return letter;
  }
  return letter;
}

// A closing paragraph ("Trên đây là Kế hoạch…", "Đề nghị các…") ends the body:
// only more closing paragraphs, a marked block or the footer follow it. One
// with plain body text after it is a section's own paragraph whose number OCR
// lost ("4. Trong quá trình tổ chức thực hiện, nếu…" read without its "4.").
bool ends_the_body(StructureInput& input, const DocumentRange& range, std::size_t u,
                   const Pattern& closing) {
  for (std::size_t v = u + 1; v < range.end; ++v) {
    if (v >= range.footer_begin && v < range.footer_end) return true;
    const Block& block = input.block(v);
    if (input.use[v] != Use::none || block.kind == BlockKind::footnote) continue;
    if (block.kind != BlockKind::paragraph || input.unit(v).marker.type != MarkerType::none)
      return true;
    if (!closing.matches_at_start(input.folded(v))) return false;
  }
  return true;
}

}  // namespace

std::vector<Section> build_sections(StructureInput& input, const DocumentRange& range,
                                    std::size_t& next_id) {
  std::vector<Section> sections;
  std::vector<Open> stack;
  std::vector<bool> has_content, has_children, inline_title, sentence;
  std::vector<std::string> written_titles;
  const Pattern& closing = input.grammar.pattern("header/header.re", "closing");
  auto extend = [&](std::uint64_t end) {
    for (const auto& open : stack)
      sections[open.section].extent.end = std::max(sections[open.section].extent.end, end);
  };
  for (std::size_t u = range.body_begin; u < range.end; ++u) {
    if (u >= range.footer_begin && u < range.footer_end) continue;
    if (input.use[u] != Use::none) continue;
    const Block& block = input.block(u);
    const Marker& marker = input.unit(u).marker;
    if (block.kind == BlockKind::footnote) continue;
    if (input.unit(u).marker_moved) {  // its marker opens a section further on
      input.use[u] = Use::heading;
      continue;
    }
    bool bullet_heading =
        marker.type == MarkerType::bullet && introduces_sub_bullets(input, u, range, stack);
    if (marker.type == MarkerType::none || (marker.type == MarkerType::bullet && !bullet_heading) ||
        block.kind != BlockKind::paragraph) {
      if (block.kind == BlockKind::paragraph && marker.type == MarkerType::none &&
          closing.matches_at_start(input.folded(u)) && ends_the_body(input, range, u, closing)) {
        input.use[u] = Use::closing;
        stack.clear();
        continue;
      }
      if (stack.empty()) continue;
      has_content[stack.back().section] = true;
      if (block.kind == BlockKind::paragraph) input.use[u] = Use::content;
      extend(input.span(u).end);
      continue;
    }
    std::string key = nesting_key(marker);
    pop_to_parent(stack, sections, marker, key);
    Section section;
    section.id = "s" + std::to_string(next_id++);
    section.marker = marker.text;
    section.number = marker.number;
    section.marker_type = marker_type_name(marker.type);
    section.level = static_cast<int>(stack.size()) + 1;
    if (!stack.empty()) {
      section.parent = sections[stack.back().section].id;
      has_children[stack.back().section] = true;
    }
    if (marker.type == MarkerType::letter)
      section.number =
          repeated_letter(input, sections, section.parent, section.level, section.number);
    section.span = input.span(u);
    section.extent = section.span;
    const std::string& text = input.text_of(u);
    section.title = trim(text.substr(marker.content_start), " ");
    section.text = section.title;
    // Only an OCR part title may be judged as written (assign_kind).
    bool judged_as_written = marker.type == MarkerType::roman && input.text.looks_ocr();
    written_titles.push_back(judged_as_written ? written_title(input, u, marker.content_start)
                                               : std::string());
    input.use[u] = Use::heading;
    // A bare "PHỤ LỤC II" takes its title (and "kèm theo" line) from the lines below.
    if (marker.type == MarkerType::appendix) {
      for (std::size_t k = u + 1; k < range.end && k <= u + 2; ++k) {
        if (input.block(k).kind != BlockKind::paragraph ||
            input.unit(k).marker.type != MarkerType::none)
          break;
        if (section.title.empty())
          section.title = input.text_of(k);
        else if (!input.grammar.pattern("header/header.re", "attachment_of")
                      .matches_at_start(input.folded(k)))
          break;
        input.use[k] = Use::heading;
        section.span.end = input.span(k).end;
        section.extent.end = section.span.end;
        u = k;
      }
    }
    sentence.push_back(!section.title.empty() &&
                       std::string(".;").find(section.title.back()) != std::string::npos);
    bool inline_form = split_inline_title(input, section.title);
    section.title = trim(section.title, " .;:");
    sections.push_back(std::move(section));
    has_content.push_back(false);
    has_children.push_back(false);
    inline_title.push_back(inline_form);
    stack.push_back({sections.size() - 1, key});
    extend(sections.back().span.end);
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    Section& section = sections[i];
    section.role = has_content[i] || has_children[i] || inline_title[i] ? "heading" : "item";
    const Section* parent = section.parent ? &sections[index[*section.parent]] : nullptr;
    assign_kind(input, section, parent, sentence[i], written_titles[i]);
    index[section.id] = i;
  }
  return sections;
}

}  // namespace vnplan::internal
