// The output model ("vnplan/1"): one document read from one input. Field names
// and meanings are documented in docs/model.md and checked by docs/schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vnplan/source.hpp"
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

// Where diacritic restoration rewrote words of an item: the item's text as the
// input has it (whitespace collapsed), how many words changed, and the
// restorer's mean confidence over those words (0..1). Absent when nothing changed.
struct RestoredText {
  std::string original_text;
  std::size_t words = 0;
  double confidence = 1;
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
  std::optional<RestoredText> restored;
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

// OCR text: a row of a linearised numbered table may hold this many cells more
// than its columns, each a wrapped line of a long cell read as a cell of its own;
// the structure stage keeps them in the row, the extract stage joins them back.
constexpr std::size_t kMaxWrappedCells = 2;

struct TableRow {
  std::vector<TableCell> cells;
  // data, or group: a row that only names what the rows below it belong to
  // ("I | Công tác lãnh đạo | | |", "I.1 Phát triển hạ tầng", or "7 | Chỉ tiêu về …"
  // followed by 7.1, 7.2).
  std::string role = "data";
  std::optional<std::string> number;  // the row number as written ("1.1", "IV.5")
  std::optional<std::size_t> parent;  // index of the group row it sits under
  Span span;
};

struct Table {
  std::string id;
  std::string kind;    // targets | assignments | unknown
  std::string layout;  // pipe | linear
  std::vector<std::string> header;
  // What each column holds, from its header (grammars/structure/table_columns.re.tsv):
  // number, indicator, task, unit, baseline, target, lead, support, directing,
  // performer, deadline, note, product, or other.
  std::vector<std::string> columns;
  std::vector<TableRow> rows;
  std::optional<std::string> section;
  Span span;
};

struct TextBlock {
  std::string text;
  std::optional<std::string> section;
  Span span;
  std::optional<RestoredText> restored;
};

// When a task or target is due. kind: by_date ("trước ngày 07/5/2025"),
// within_month ("Trong tháng 12/2025"), year ("năm 2026"), range ("2026 - 2030"),
// recurring ("Thường xuyên", "Hằng năm"), after_event ("sau khi có Quyết định ..."),
// mixed (several of these; each is kept in `parts`), other (text kept, nothing read).
struct Deadline {
  std::string text;  // as written
  std::string kind;
  std::optional<std::string> date;   // ISO: yyyy-mm-dd, yyyy-mm or yyyy
  std::optional<std::string> from;   // range start (ISO)
  std::optional<std::string> to;     // range end (ISO)
  std::optional<std::string> event;  // after_event: the event as written
  std::vector<Deadline> parts;       // mixed: each part read on its own
  Span span;
};

// Who is responsible, by agency id (see DocumentModel::agencies).
struct Assignment {
  std::vector<std::string> lead;       // chủ trì, or the subject of the sentence
  std::vector<std::string> support;    // phối hợp
  std::vector<std::string> directing;  // trách nhiệm chỉ đạo
  bool empty() const { return lead.empty() && support.empty() && directing.empty(); }
};

// A goal sentence without a measurable number.
struct Goal {
  std::string id;
  std::optional<std::string> section;
  std::string text;
  Span span;
  std::optional<RestoredText> restored;
};

// The table row an item was read from.
struct TableRef {
  std::string table;    // Table::id
  std::size_t row = 0;  // index into Table::rows
};

// One measurable commitment ("Có ≥ 70% ...").
struct Target {
  std::string id;
  std::optional<std::string> section;
  std::string text;                       // the clause
  std::string indicator;                  // what is measured, without number and comparator
  std::optional<std::string> comparator;  // >= > <= < = range
  std::optional<double> value;
  std::optional<double> value_max;
  std::optional<std::string> unit;
  std::optional<int> year;
  bool yearly = false;
  std::optional<std::string> category;
  Assignment agencies;
  std::optional<Deadline> deadline;
  std::string source = "text";          // text | table
  std::optional<TableRef> table_row;    // source table: where
  std::optional<std::string> baseline;  // source table: the current value column as written
  std::vector<std::string> same_as;     // ids of the targets that state the same commitment
  Span span;
  std::optional<RestoredText> restored;
};

// One task of the tasks and organisation sections, or one row of an assignment table.
struct Task {
  std::string id;
  std::optional<std::string> section;
  std::string text;
  Assignment agencies;
  std::optional<Deadline> deadline;
  std::optional<std::string> status;  // "done" when the plan says so
  std::string source = "text";        // text | table
  std::optional<TableRef> table_row;  // source table: where
  std::optional<std::string> group;   // source table: the group rows above it, " / "-joined
  std::vector<std::string> same_as;   // ids of the tasks that state the same work
  Span span;
  std::optional<RestoredText> restored;
};

// Where an agency is named, and in which role.
struct AgencyMention {
  std::string text;  // as written
  std::string role;  // lead | support | directing | mention
  Span span;
};

// One agency, resolved against the registry in grammars/agencies/.
struct Agency {
  std::string id;
  std::string name;  // canonical
  std::vector<std::string> aliases;
  std::string kind;  // state | party | party_committee | mass_organisation | group | enterprise |
                     // person | unknown
  std::optional<std::string> level;      // central | province | district | commune
  std::optional<std::string> successor;  // id of the agency it was merged into (2025)
  std::optional<std::string> parent;     // for a party committee: the agency it sits in
  std::vector<AgencyMention> mentions;
};

// One document: the main one of an input, or an attachment inside it.
struct DocumentModel {
  DocumentHeader document;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Footnote> footnotes;
  std::vector<Goal> goals;
  std::vector<Target> targets;
  std::vector<Task> tasks;
  std::vector<Agency> agencies;
  std::vector<TextBlock> unclassified;
  std::uint64_t body_chars = 0;
  std::uint64_t classified_chars = 0;
  // Of the paragraphs of the goals and tasks sections (headings aside), how
  // much became goals, targets, tasks or their labelled lines.
  std::uint64_t item_area_chars = 0;
  std::uint64_t item_chars = 0;
  double coverage() const {
    return body_chars == 0 ? 1.0 : static_cast<double>(classified_chars) / body_chars;
  }
};

struct SourceInfo {
  std::string path;
  std::string format;
  std::string sha256;       // of the file as read
  std::uint64_t bytes = 0;  // of the text spans count (the rendered text for HTML, DOCX, PDF)
  std::uint32_t lines = 0;
  std::uint64_t file_bytes = 0;          // of the file as read
  bool rendered = false;                 // spans count bytes of the text rendered from the file
                                         // (or converted from a legacy encoding)
  std::string encoding = "utf-8";        // as found (SourceFile::encoding)
  std::vector<SourceAnchor> anchors;     // where rendered text came from (see source.hpp)
  std::string text_state = "clean";      // clean, stripped, ocr_damaged, legacy_encoding, mixed
  std::size_t restored_words = 0;        // words diacritic restoration rewrote
  bool ocr = false;                      // the text came from OCR of a scan
  std::optional<double> ocr_confidence;  // mean word confidence of the OCR, 0..1
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
