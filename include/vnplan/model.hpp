// The output model ("vnplan/1"): one document read from one input. Field names
// and meanings are documented in docs/model.md and checked by docs/schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vnplan/span.hpp"

namespace vnplan {

// A document number such as "150-CV/HU" (party style) or "12/KH-UBND" (state style).
struct DocumentNumber {
  std::string text;            // normalised: no spaces
  std::optional<long> number;  // 150
  std::optional<int> year;     // 2025 in "193/2025/QH15"
  std::string type;            // "CV", "KH" ("" when not written)
  std::string issuer;          // "HU", "UBND"
  std::optional<Span> span;
};

struct Reference {
  std::string text;       // the whole citation as written
  std::string type_name;  // "Nghị quyết"
  DocumentNumber number;
  std::optional<std::string> date;  // ISO
  std::optional<std::string> issuer;
  std::string relation = "cites";  // implements | cites | replaces
  std::size_t mentions = 1;
  Span span;  // first mention
};

struct Recipient {
  std::string name;
  std::string role;  // addressee (Kính gửi) | copy (Nơi nhận)
  std::optional<std::string> note;
  Span span;
};

struct Signature {
  std::optional<std::string> mode;          // "T/M", "KT."
  std::optional<std::string> on_behalf_of;  // "BAN THƯỜNG VỤ"
  std::optional<std::string> position;      // "PHÓ BÍ THƯ THƯỜNG TRỰC"
  std::optional<std::string> name;
  Span span;
};

struct NamedSpan {
  std::string text;
  Span span;
};

struct DocumentHeader {
  std::optional<std::string> kind;       // plan | program | dispatch | ...
  std::optional<std::string> type_name;  // "KẾ HOẠCH HÀNH ĐỘNG" as written
  std::optional<DocumentNumber> number;
  std::optional<std::string> date;  // ISO yyyy-mm-dd
  std::optional<Span> date_span;
  std::optional<std::string> place;
  std::vector<NamedSpan> issuers;
  std::vector<NamedSpan> mottos;
  std::optional<NamedSpan> title;
  std::vector<Reference> references;
  std::vector<Recipient> recipients;
  std::optional<Signature> signature;
  std::optional<std::string> attached_to;  // number text of the covering document
  std::vector<std::string> inferred;       // fields taken from elsewhere than the header
};

struct Section {
  std::string id;
  std::optional<std::string> parent;
  std::string marker;  // as written
  std::string number;  // canonical
  std::string marker_type;
  std::string title;
  std::string text;  // the whole block after the marker (title and any inline text)
  std::string kind;
  std::string role;  // heading | item
  int level = 1;
  std::optional<int> year;  // horizon year
  Span span;                // the heading block
  Span extent;              // the heading and everything under it
};

struct Footnote {
  std::string mark;
  std::string text;
  Span span;
};

struct TableCell {
  std::string text;
  Span span;
};

struct TableRow {
  std::vector<TableCell> cells;
  Span span;
};

struct Table {
  std::string id;
  std::string kind;    // targets | assignments | unknown
  std::string layout;  // pipe | linear
  std::vector<std::string> header;
  std::vector<TableRow> rows;
  std::optional<std::string> section;
  Span span;
};

struct TextBlock {
  std::string text;
  std::optional<std::string> section;
  Span span;
};

// One document: the main one of an input, or an attachment inside it.
struct DocumentModel {
  DocumentHeader document;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Footnote> footnotes;
  std::vector<TextBlock> unclassified;
  std::uint64_t body_chars = 0;
  std::uint64_t classified_chars = 0;
  double coverage() const {
    return body_chars == 0 ? 1.0 : static_cast<double>(classified_chars) / body_chars;
  }
};

struct SourceInfo {
  std::string path;
  std::string format;
  std::string sha256;
  std::uint64_t bytes = 0;
  std::uint32_t lines = 0;
};

struct ParseResult {
  SourceInfo source;
  std::vector<DocumentModel> documents;  // [0] the main document, then attachments
  std::vector<Diagnostic> diagnostics;
  std::size_t page_numbers_removed = 0;
  std::size_t joined_lines = 0;
  std::size_t footnote_marks_removed = 0;
};

}  // namespace vnplan
