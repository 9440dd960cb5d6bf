// Internal to the structure stage.
#pragma once

#include "vnplan/structure.hpp"

namespace vnplan::internal {

// Units [begin, end) of one document and the parts found in it.
struct DocumentRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t body_begin = 0;    // first unit after header and preamble
  std::size_t footer_begin = 0;  // "Nơi nhận" / signature, or end
  std::size_t footer_end = 0;    // first unit after the signature block
  std::vector<std::size_t> title_units;
  std::vector<std::size_t> preamble_units;
};

std::vector<DocumentRange> split_documents(const StructureInput& input);

// Header: issuers, motto, number, place and date, type line and title,
// addressees, and the preamble. Sets range.body_begin.
void read_header(StructureInput& input, DocumentRange& range, DocumentHeader& header);
// Footer: recipients and signature. Sets range.footer_begin / footer_end.
void read_footer(StructureInput& input, DocumentRange& range, DocumentHeader& header);
// Fields a header lacks but an appendix line ("Kèm theo Kế hoạch số ...") gives.
void infer_from_attachment_lines(StructureInput& input, const DocumentRange& range,
                                 DocumentHeader& header);

// Sections over the body and the appendices; marks units as heading/content.
std::vector<Section> build_sections(StructureInput& input, const DocumentRange& range,
                                    std::size_t& next_id);
// section_of_unit[u - range.begin]: the id of the section unit u falls in.
std::vector<Table> build_tables(StructureInput& input, const DocumentRange& range,
                                const std::vector<std::optional<std::string>>& section_of_unit,
                                std::size_t& next_id);

// Helpers shared by the files of this stage.
// A labelled line ("Cơ quan chủ trì: ...", "Nơi nhận:"): grammars/structure/line_roles.re.tsv.
bool is_label(const StructureInput& input, std::size_t u);
bool is_uppercase_text(const std::string& text);
std::string trim(const std::string& text, const char* characters = " ,;.:");
// A state dispatch's symbol has no type code ("1234/UBND-KGVX": issuer and unit);
// when the part read as the type is not a known code, it goes back to the issuer.
void settle_type_code(const StructureInput& input, DocumentNumber& number);
// Longest document type name at the start of `folded`: (kind, code) or nullopt.
std::optional<std::pair<std::string, std::string>> document_kind(const Grammar& grammar,
                                                                 const std::string& folded);

}  // namespace vnplan::internal
