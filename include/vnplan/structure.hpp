// Stage 4, structure: documents in an input, their headers and footers, the
// section tree, tables and footnotes. Stage 5, extract: references (and, in
// later parts, goals, targets, tasks and agencies).
#pragma once

#include <array>
#include <vector>

#include "vnplan/model.hpp"
#include "vnplan/segment.hpp"

namespace vnplan {

// How each unit was used; anything left `none` is reported as unclassified.
enum class Use {
  none,
  header,
  title,
  preamble,
  heading,
  content,
  table,
  footnote,
  footer,
  closing,
  item,  // gave a goal, a target or a task, or assigned one (a labelled line)
};

// Everything the structure and extract stages share while reading one input.
struct StructureInput {
  const SegmentedText& text;
  const Grammar& grammar;
  const Folder& folder;
  const std::vector<std::uint64_t>& line_starts;  // byte offset of each original line
  std::vector<Use>& use;                          // one per unit
  std::vector<Diagnostic>& diagnostics;
  // The origins of the last unit folded again by to_text (see Unit::folded).
  // A few recent units' origins: readers go back and forth between a task and
  // the labelled lines after it, and each refold costs a pass over the unit.
  struct OriginCache {
    std::size_t unit = static_cast<std::size_t>(-1);
    std::vector<std::uint32_t> origin;
  };
  mutable std::array<OriginCache, 8> origins;
  mutable std::size_t next_origin = 0;
  // Reads goals, targets and tasks; none in tests of the structure alone.
  const class ItemExtractor* items = nullptr;
  // The input as read, which spans count bytes of (the text before
  // restoration); empty when not given.
  std::string_view source;

  const Unit& unit(std::size_t u) const { return text.units[u]; }
  const Block& block(std::size_t u) const { return text.text.blocks[u]; }
  const std::string& text_of(std::size_t u) const { return block(u).text(); }
  const std::string& folded(std::size_t u) const { return unit(u).folded; }
  // Byte in the block text where folded byte `f` came from.
  std::size_t to_text(std::size_t u, std::size_t f) const;
  // Original-text substring and span of the folded range [fa, fb) of unit u.
  std::string original(std::size_t u, std::size_t fa, std::size_t fb) const;
  Span span(std::size_t u, std::size_t fa, std::size_t fb) const;
  Span span(std::size_t u) const;
  Span text_span(std::size_t u, std::size_t from, std::size_t to) const;  // block-text range
  std::uint32_t line_of(std::uint64_t offset) const;
};

// Characters that count for coverage: code points other than the space.
std::uint64_t counted_chars(const std::string& text);

// Splits an input into documents (a dispatch and the plan attached to it) and
// builds each one's header, sections, tables and footnotes.
std::vector<DocumentModel> build_documents(StructureInput& input);

// Extract: citations of other documents in units [begin, end), with the
// relation (implements / cites / replaces) read from where they stand.
std::vector<Reference> extract_references(const StructureInput& input, std::size_t begin,
                                          std::size_t end);

// "150-CV/HU" (party: NUMBER-TYPE/ISSUER), "12/KH-UBND" (state: NUMBER/TYPE-ISSUER),
// "193/2025/QH15" (NUMBER/YEAR/ISSUER) into its parts.
DocumentNumber parse_document_number(const std::string& written);
// yyyy-mm-dd, or nothing when the date does not exist.
std::optional<std::string> iso_date(int day, int month, int year);

// The date a citation match carries ("ngày 22/12/2024" or "ngày 22 tháng 12 năm
// 2024", groups d1/m1/y1 or d2/m2/y2 of references.re.tsv): ISO text and its
// folded byte range; nothing when the citation has no valid date.
struct CitationDate {
  std::string iso;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::optional<CitationDate> citation_date(const Pattern& pattern, const Match& match,
                                          const std::string& folded);

}  // namespace vnplan
