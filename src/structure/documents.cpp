// Splitting an input into documents, and building each one.
//
// A new document starts where a type line ("KẾ HOẠCH HÀNH ĐỘNG") follows the
// footer of the one before it ("Nơi nhận", a signature): a dispatch and the plan
// it covers arrive in one file that way. Appendices after a footer stay with
// the document they follow.
#include <algorithm>

#include "internal.hpp"
#include "vnplan/extract.hpp"

namespace vnplan {
namespace internal {
namespace {

bool is_type_line(const StructureInput& input, std::size_t u) {
  if (input.block(u).kind != BlockKind::paragraph ||
      input.unit(u).marker.type != MarkerType::none || input.text_of(u).size() > 200)
    return false;
  if (!input.grammar.pattern("header/header.re", "type_line").matches_at_start(input.folded(u)))
    return false;
  // The type words themselves are written in capitals ("KẾ HOẠCH", "KE HOACH").
  const std::string& text = input.text_of(u);
  std::size_t second_space = text.find(' ', text.find(' ') + 1);
  return is_uppercase_text(text.substr(0, second_space));
}

bool is_footer_start(const StructureInput& input, std::size_t u) {
  if (input.text_of(u).size() > 200) return false;  // footer lines are short
  const auto& g = input.grammar;
  const std::string& folded = input.folded(u);
  return g.pattern("header/header.re", "recipients_copy").matches_at_start(folded) ||
         g.pattern("header/header.re", "signature_mode").contains(folded);
}

}  // namespace

std::vector<DocumentRange> split_documents(const StructureInput& input) {
  std::vector<DocumentRange> ranges;
  DocumentRange current;
  current.begin = 0;
  bool footer_seen = false;
  std::size_t count = input.text.units.size();
  for (std::size_t u = 0; u < count; ++u) {
    if (input.block(u).kind != BlockKind::paragraph) continue;
    if (footer_seen && is_type_line(input, u)) {
      // Header lines just above the type line (issuer, number, date) belong to the new document.
      std::size_t start = u;
      while (start > current.begin + 1) {
        const std::string& text = input.text_of(start - 1);
        bool headerish =
            text.size() < 120 && is_uppercase_text(text) && !is_footer_start(input, start - 1);
        if (!headerish) break;
        --start;
      }
      current.end = start;
      ranges.push_back(current);
      current = DocumentRange{};
      current.begin = start;
      footer_seen = false;
      continue;
    }
    if (is_footer_start(input, u)) footer_seen = true;
    // An appendix after the footer belongs to this document, titles and all.
    if (input.unit(u).marker.type == MarkerType::appendix) footer_seen = false;
  }
  current.end = count;
  ranges.push_back(current);
  return ranges;
}

}  // namespace internal

namespace {

// The item lists grew by doubling and live until the model is written: give
// back what they did not fill (on a long input, tens of megabytes at the peak).
void release_slack(DocumentModel& model) {
  model.sections.shrink_to_fit();
  model.tables.shrink_to_fit();
  model.footnotes.shrink_to_fit();
  model.goals.shrink_to_fit();
  model.targets.shrink_to_fit();
  model.tasks.shrink_to_fit();
  model.agencies.shrink_to_fit();
  model.unclassified.shrink_to_fit();
}

}  // namespace

std::vector<DocumentModel> build_documents(StructureInput& input) {
  using namespace internal;
  std::vector<DocumentModel> documents;
  std::size_t next_id = 1;
  std::size_t next_table = 1;
  for (auto& range : split_documents(input)) {
    DocumentModel model;
    read_header(input, range, model.document);
    read_footer(input, range, model.document);
    model.sections = build_sections(input, range, next_id);
    // Which section each unit falls in, for tables and unclassified blocks.
    std::vector<std::optional<std::string>> section_of_unit(range.end -
                                                            range.begin);  // by u - range.begin
    {
      std::size_t s = 0;
      for (std::size_t u = range.begin; u < range.end; ++u) {
        std::uint64_t at = input.block(u).span().start;
        while (s + 1 < model.sections.size() && model.sections[s + 1].span.start <= at) ++s;
        if (!model.sections.empty() && model.sections[s].span.start <= at &&
            at < model.sections[s].extent.end)
          section_of_unit[u - range.begin] = model.sections[s].id;
      }
    }
    model.tables = build_tables(input, range, section_of_unit, next_table);
    infer_from_attachment_lines(input, range, model.document);
    model.document.references = extract_references(input, range.begin, range.end);
    if (model.document.number) {  // "Kèm theo Kế hoạch số <own number>" is not a citation
      std::string own = input.folder.fold_string(model.document.number->text);
      auto& refs = model.document.references;
      refs.erase(std::remove_if(refs.begin(), refs.end(),
                                [&](const Reference& r) {
                                  return input.folder.fold_string(r.number.text) == own;
                                }),
                 refs.end());
    }
    for (std::size_t u = range.begin; u < range.end; ++u) {
      const Block& block = input.block(u);
      if (block.kind == BlockKind::footnote) {
        input.use[u] = Use::footnote;
        Footnote note;
        std::size_t digits = 0;
        const std::string& text = block.text();
        while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
          ++digits;
        note.mark = text.substr(0, digits);
        if (note.mark.empty()) {  // a superscript mark
          std::size_t space = text.find(' ');
          note.mark = text.substr(0, space);
        }
        note.text = trim(text.substr(note.mark.size()), " ");
        note.span = input.span(u);
        model.footnotes.push_back(std::move(note));
      }
    }
    if (input.items) input.items->run(input, range.body_begin, range.end, model);
    for (std::size_t u = range.begin; u < range.end; ++u) {
      std::uint64_t chars = counted_chars(input.text_of(u));
      model.body_chars += chars;
      if (input.use[u] != Use::none) {
        model.classified_chars += chars;
      } else {
        model.unclassified.push_back(
            {input.text_of(u), section_of_unit[u - range.begin], input.span(u), {}});
      }
    }
    release_slack(model);
    documents.push_back(std::move(model));
  }
  for (std::size_t i = 1; i < documents.size(); ++i) {
    const auto& cover = documents[0].document.number;
    if (cover) documents[i].document.attached_to = cover->text;
  }
  return documents;
}

}  // namespace vnplan
