// Citations of other documents and how this document relates to each.
//
// A citation in the title, or in a preamble paragraph opening with "Thực hiện",
// is what the document implements, unless it only describes another citation
// ("Chương trình 71-CTr/TU ... thực hiện Nghị quyết 57-NQ/TW": 57 is the parent's
// parent, so it is cited). "Căn cứ" paragraphs cite; "thay thế" replaces.
#include <algorithm>
#include <map>

#include "vnplan/structure.hpp"

namespace vnplan {
namespace {

constexpr const char* kRelations = "references/relations.re";

bool has_lower_case(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

int relation_rank(const std::string& relation) {
  return relation == "replaces" ? 3 : relation == "implements" ? 2 : 1;
}

}  // namespace

std::optional<CitationDate> citation_date(const Pattern& pattern, const Match& match,
                                          const std::string& folded) {
  for (const char* set : {"1", "2"}) {
    std::size_t d = pattern.group((std::string("d") + set).c_str());
    std::size_t m = pattern.group((std::string("m") + set).c_str());
    std::size_t y = pattern.group((std::string("y") + set).c_str());
    if (y == Match::npos || !match[y].matched()) continue;
    auto number = [&](std::size_t g) {
      return std::atoi(std::string(match.text(folded, g)).c_str());
    };
    auto iso = iso_date(number(d), number(m), number(y));
    if (!iso) return std::nullopt;
    return CitationDate{*iso, match[d].begin, match[y].end};
  }
  return std::nullopt;
}

std::vector<Reference> extract_references(const StructureInput& input, std::size_t begin,
                                          std::size_t end) {
  const Pattern& pattern = input.grammar.pattern("references/references.re", "reference");
  const Pattern& hint = input.grammar.pattern("references/references.re", "hint");
  const Pattern& implements_scope = input.grammar.pattern(kRelations, "implements_scope");
  const Pattern& cites_scope = input.grammar.pattern(kRelations, "cites_scope");
  const Pattern& nested = input.grammar.pattern(kRelations, "nested");
  const Pattern& replaces = input.grammar.pattern(kRelations, "replaces");
  const Pattern& alias = input.grammar.pattern(kRelations, "alias");
  std::vector<Reference> references;
  std::map<std::string, std::size_t> by_key;
  for (std::size_t u = begin; u < end; ++u) {
    const Block& block = input.block(u);
    if (block.kind == BlockKind::cell) continue;
    const std::string& folded = input.folded(u);
    if (!hint.contains(folded)) continue;
    Use use = input.use[u];
    bool implementing =
        use == Use::title || (use == Use::preamble && implements_scope.matches_at_start(folded));
    bool basis = use == Use::preamble && cites_scope.matches_at_start(folded);
    std::size_t previous_end = std::string::npos;  // end of the previous citation in this clause
    for (auto m = pattern.find(folded); m; m = pattern.find(folded, m->groups[0].end)) {
      std::size_t start = m->groups[0].begin;
      std::size_t clause = folded.rfind(';', start == 0 ? 0 : start - 1);
      if (clause != std::string::npos && previous_end != std::string::npos &&
          clause >= previous_end)
        previous_end = std::string::npos;  // a new clause: the next citation is top-level again
      std::string relation = "cites";
      std::size_t look_from = start > 60 ? start - 60 : 0;
      std::string before = folded.substr(look_from, start - look_from);
      if (replaces.contains(before)) {
        relation = "replaces";
      } else if (alias.contains(before)) {
        relation = "cites";  // a second name for a citation already made
      } else if (implementing && !basis) {
        bool is_nested = false;
        if (previous_end != std::string::npos) {
          std::string gap = folded.substr(previous_end, start - previous_end);
          is_nested = nested.contains(gap);
        }
        if (!is_nested) relation = "implements";
      }
      previous_end = m->groups[0].end;
      std::size_t g = pattern.group("number");
      DocumentNumber number = parse_document_number(input.original(u, (*m)[g].begin, (*m)[g].end));
      number.span = input.span(u, (*m)[g].begin, (*m)[g].end);
      std::string key = input.folder.fold_string(number.text);
      auto found = by_key.find(key);
      if (found != by_key.end()) {
        Reference& known = references[found->second];
        ++known.mentions;
        // A title in capitals spells codes in capitals ("71-CTR/TU"); keep the usual spelling.
        if (has_lower_case(number.text) && !has_lower_case(known.number.text))
          known.number = number;
        if (relation_rank(relation) > relation_rank(known.relation)) known.relation = relation;
        if (!known.date)
          if (auto date = citation_date(pattern, *m, folded)) known.date = date->iso;
        continue;
      }
      Reference reference;
      reference.text = input.original(u, start, m->groups[0].end);
      std::size_t t = pattern.group("type");
      reference.type_name = (input.original(u, (*m)[t].begin, (*m)[t].end));
      reference.number = number;
      if (auto date = citation_date(pattern, *m, folded)) reference.date = date->iso;
      std::size_t i = pattern.group("issuer");
      if ((*m)[i].matched()) reference.issuer = input.original(u, (*m)[i].begin, (*m)[i].end);
      reference.relation = relation;
      reference.span = input.span(u, start, m->groups[0].end);
      by_key[key] = references.size();
      references.push_back(std::move(reference));
    }
  }
  return references;
}

}  // namespace vnplan
