// The export stage: the model as "vnplan/1" JSON (see docs/model.md).
#include <algorithm>
#include <cmath>

#include "vnplan/vnplan.hpp"
#include "writer.hpp"

namespace vnplan {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "info";
}

namespace {

using internal::JsonWriter;

// The anchors of the source being written. Every span of a rendered file (HTML,
// DOCX, PDF) also says where it is in the file itself; passing the anchors down
// through every writer of the model would clutter them all for this one use.
thread_local const std::vector<SourceAnchor>* current_anchors = nullptr;

struct AnchorScope {
  explicit AnchorScope(const SourceInfo& source) {
    current_anchors = source.rendered ? &source.anchors : nullptr;
  }
  ~AnchorScope() { current_anchors = nullptr; }
};

void write_anchor(JsonWriter& w, std::uint64_t offset) {
  const auto& anchors = *current_anchors;
  auto after =
      std::upper_bound(anchors.begin(), anchors.end(), offset,
                       [](std::uint64_t at, const SourceAnchor& anchor) { return at < anchor.at; });
  if (after == anchors.begin()) return;
  const SourceAnchor& anchor = *(after - 1);
  if (anchor.page) {
    w.field("page", anchor.page);
    w.field("x", std::round(anchor.x * 10) / 10.0);
    w.field("y", std::round(anchor.y * 10) / 10.0);
  }
  if (anchor.line) w.field("source_line", anchor.line);
  if (!anchor.node.empty()) w.field("node", anchor.node);
}

void write(JsonWriter& w, const Span& span) {
  w.begin_object().field("line", span.line).field("start", span.start).field("end", span.end);
  if (current_anchors) write_anchor(w, span.start);
  w.end_object();
}

void write(JsonWriter& w, const std::optional<Span>& span) {
  if (span)
    write(w, *span);
  else
    w.null();
}

void write_text_or_null(JsonWriter& w, std::string_view name, const std::string& text) {
  w.key(name);
  if (text.empty())
    w.null();
  else
    w.value(text);
}

void write(JsonWriter& w, const std::optional<DocumentNumber>& number) {
  if (!number) {
    w.null();
    return;
  }
  w.begin_object()
      .field("text", number->text)
      .field("number", number->number)
      .field("year", number->year);
  write_text_or_null(w, "type", number->type);
  write_text_or_null(w, "issuer", number->issuer);
  w.key("span");
  write(w, number->span);
  w.end_object();
}

void write(JsonWriter& w, const NamedSpan& named) {
  w.begin_object().field("text", named.text).key("span");
  write(w, named.span);
  w.end_object();
}

void write_named_list(JsonWriter& w, std::string_view name, const std::vector<NamedSpan>& list) {
  w.key(name).begin_array();
  for (const auto& item : list) write(w, item);
  w.end_array();
}

void write(JsonWriter& w, const Reference& r) {
  w.begin_object().field("text", r.text).field("type_name", r.type_name).key("number");
  write(w, std::optional<DocumentNumber>(r.number));
  w.field("date", r.date)
      .field("issuer", r.issuer)
      .field("relation", r.relation)
      .field("mentions", static_cast<unsigned long long>(r.mentions))
      .key("span");
  write(w, r.span);
  w.end_object();
}

void write(JsonWriter& w, const DocumentHeader& h) {
  w.begin_object().field("kind", h.kind).field("type_name", h.type_name).key("number");
  write(w, h.number);
  w.field("date", h.date).key("date_span");
  write(w, h.date_span);
  w.field("place", h.place);
  write_named_list(w, "issuers", h.issuers);
  write_named_list(w, "mottos", h.mottos);
  w.key("title");
  if (h.title)
    write(w, *h.title);
  else
    w.null();
  w.key("references").begin_array();
  for (const auto& r : h.references) write(w, r);
  w.end_array().key("recipients").begin_array();
  for (const auto& r : h.recipients) {
    w.begin_object().field("name", r.name).field("role", r.role).field("note", r.note).key("span");
    write(w, r.span);
    w.end_object();
  }
  w.end_array().key("signature");
  if (h.signature) {
    const Signature& s = *h.signature;
    w.begin_object()
        .field("mode", s.mode)
        .field("on_behalf_of", s.on_behalf_of)
        .field("position", s.position)
        .field("name", s.name)
        .key("span");
    write(w, s.span);
    w.end_object();
  } else {
    w.null();
  }
  w.field("attached_to", h.attached_to).key("inferred").begin_array();
  for (const auto& field : h.inferred) w.value(field);
  w.end_array().end_object();
}

// Only items restoration changed carry the key, so clean input reads as before.
void write_restored(JsonWriter& w, const std::optional<RestoredText>& restored) {
  if (!restored) return;
  w.key("restored")
      .begin_object()
      .field("original_text", restored->original_text)
      .field("words", static_cast<unsigned long long>(restored->words))
      .field("confidence", std::round(restored->confidence * 10000.0) / 10000.0)
      .end_object();
}

void write(JsonWriter& w, const Section& s) {
  w.begin_object()
      .field("id", s.id)
      .field("parent", s.parent)
      .field("marker", s.marker)
      .field("number", s.number)
      .field("marker_type", s.marker_type)
      .field("title", s.title)
      .field("text", s.text)
      .field("kind", s.kind)
      .field("role", s.role)
      .field("level", s.level)
      .field("year", s.year)
      .key("span");
  write(w, s.span);
  w.key("extent");
  write(w, s.extent);
  write_restored(w, s.restored);
  w.end_object();
}

void write(JsonWriter& w, const Table& t) {
  w.begin_object()
      .field("id", t.id)
      .field("kind", t.kind)
      .field("layout", t.layout)
      .field("section", t.section)
      .key("header")
      .begin_array();
  for (const auto& cell : t.header) w.value(cell);
  w.end_array().key("columns").begin_array();
  for (const auto& column : t.columns) w.value(column);
  w.end_array().key("rows").begin_array();
  for (const auto& row : t.rows) {
    w.begin_object().field("role", row.role).field("number", row.number);
    w.key("parent");
    if (row.parent)
      w.value(static_cast<unsigned long long>(*row.parent));
    else
      w.null();
    w.key("cells").begin_array();
    for (const auto& cell : row.cells) {
      w.begin_object().field("text", cell.text).key("span");
      write(w, cell.span);
      w.end_object();
    }
    w.end_array().key("span");
    write(w, row.span);
    w.end_object();
  }
  w.end_array().key("span");
  write(w, t.span);
  w.end_object();
}

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

void write_deadline_fields(JsonWriter& w, const Deadline& d) {
  w.field("text", d.text)
      .field("kind", d.kind)
      .field("date", d.date)
      .field("from", d.from)
      .field("to", d.to)
      .field("event", d.event);
}

void write(JsonWriter& w, const std::optional<Deadline>& deadline) {
  if (!deadline) {
    w.null();
    return;
  }
  w.begin_object();
  write_deadline_fields(w, *deadline);
  w.key("parts").begin_array();
  for (const auto& part : deadline->parts) {
    w.begin_object();
    write_deadline_fields(w, part);
    w.end_object();
  }
  w.end_array().key("span");
  write(w, deadline->span);
  w.end_object();
}

void write_ids(JsonWriter& w, std::string_view name, const std::vector<std::string>& ids) {
  w.key(name).begin_array();
  for (const auto& id : ids) w.value(id);
  w.end_array();
}

void write_assignment(JsonWriter& w, const Assignment& a) {
  write_ids(w, "lead", a.lead);
  write_ids(w, "support", a.support);
  write_ids(w, "directing", a.directing);
}

void write(JsonWriter& w, const std::optional<TableRef>& ref) {
  if (!ref) {
    w.null();
    return;
  }
  w.begin_object().field("table", ref->table).field("row", ref->row).end_object();
}

void write(JsonWriter& w, const Goal& g) {
  w.begin_object().field("id", g.id).field("section", g.section).field("text", g.text).key("span");
  write(w, g.span);
  write_restored(w, g.restored);
  w.end_object();
}

void write(JsonWriter& w, const Target& t) {
  w.begin_object()
      .field("id", t.id)
      .field("section", t.section)
      .field("source", t.source)
      .field("text", t.text)
      .field("indicator", t.indicator)
      .field("comparator", t.comparator);
  w.key("value");
  if (t.value)
    w.value(rounded(*t.value));
  else
    w.null();
  w.key("value_max");
  if (t.value_max)
    w.value(rounded(*t.value_max));
  else
    w.null();
  w.field("unit", t.unit)
      .field("year", t.year)
      .field("yearly", t.yearly)
      .field("category", t.category)
      .key("agencies")
      .begin_object();
  write_assignment(w, t.agencies);
  w.end_object().key("deadline");
  write(w, t.deadline);
  w.field("baseline", t.baseline).key("table_row");
  write(w, t.table_row);
  write_ids(w, "same_as", t.same_as);
  w.key("span");
  write(w, t.span);
  write_restored(w, t.restored);
  w.end_object();
}

void write(JsonWriter& w, const Task& t) {
  w.begin_object()
      .field("id", t.id)
      .field("section", t.section)
      .field("source", t.source)
      .field("text", t.text);
  write_assignment(w, t.agencies);
  w.key("deadline");
  write(w, t.deadline);
  w.field("status", t.status).field("group", t.group).key("table_row");
  write(w, t.table_row);
  write_ids(w, "same_as", t.same_as);
  w.key("span");
  write(w, t.span);
  write_restored(w, t.restored);
  w.end_object();
}

void write(JsonWriter& w, const Agency& a) {
  w.begin_object().field("id", a.id).field("name", a.name).key("aliases").begin_array();
  for (const auto& alias : a.aliases) w.value(alias);
  w.end_array()
      .field("kind", a.kind)
      .field("level", a.level)
      .field("successor", a.successor)
      .field("parent", a.parent)
      .key("mentions")
      .begin_array();
  for (const auto& m : a.mentions) {
    w.begin_object().field("text", m.text).field("role", m.role).key("span");
    write(w, m.span);
    w.end_object();
  }
  w.end_array().end_object();
}

template <typename T>
void write_list(JsonWriter& w, std::string_view name, const std::vector<T>& items) {
  w.key(name).begin_array();
  for (const auto& item : items) write(w, item);
  w.end_array();
}

// The fields every document has, the main one and each attachment.
void write_document_fields(JsonWriter& w, const DocumentModel& m) {
  w.key("document");
  write(w, m.document);
  w.key("sections").begin_array();
  for (const auto& s : m.sections) write(w, s);
  w.end_array();
  write_list(w, "goals", m.goals);
  write_list(w, "targets", m.targets);
  write_list(w, "tasks", m.tasks);
  write_list(w, "agencies", m.agencies);
  w.key("tables").begin_array();
  for (const auto& t : m.tables) write(w, t);
  w.end_array().key("footnotes").begin_array();
  for (const auto& f : m.footnotes) {
    w.begin_object().field("mark", f.mark).field("text", f.text).key("span");
    write(w, f.span);
    w.end_object();
  }
  w.end_array().key("unclassified").begin_array();
  for (const auto& u : m.unclassified) {
    w.begin_object().field("text", u.text).field("section", u.section).key("span");
    write(w, u.span);
    write_restored(w, u.restored);
    w.end_object();
  }
  w.end_array()
      .field("coverage", rounded(m.coverage()))
      .field("body_chars", m.body_chars)
      .field("classified_chars", m.classified_chars)
      .key("item_coverage")
      .begin_object()
      .field("area_chars", m.item_area_chars)
      .field("item_chars", m.item_chars)
      .field("share", rounded(m.item_area_chars == 0
                                  ? 1.0
                                  : static_cast<double>(m.item_chars) / m.item_area_chars))
      .end_object();
}

}  // namespace

namespace {

void write_result(JsonWriter& w, const ParseResult& result) {
  AnchorScope anchors(result.source);
  w.begin_object()
      .field("schema", kSchema)
      .key("generator")
      .begin_object()
      .field("name", "vnplan")
      .field("version", kVersion)
      .end_object();
  w.key("source")
      .begin_object()
      .field("path", result.source.path)
      .field("format", result.source.format)
      .field("sha256", result.source.sha256)
      .field("bytes", result.source.bytes)
      .field("lines", result.source.lines)
      .field("file_bytes", result.source.file_bytes)
      .field("rendered", result.source.rendered)
      .field("text_state", result.source.text_state)
      .field("restored_words", static_cast<unsigned long long>(result.source.restored_words))
      .field("encoding", result.source.encoding)
      .field("ocr", result.source.ocr)
      .key("ocr_confidence");
  if (result.source.ocr_confidence)
    w.value(std::round(*result.source.ocr_confidence * 1000.0) / 1000.0);
  else
    w.null();
  w.end_object();
  if (!result.documents.empty()) write_document_fields(w, result.documents[0]);
  w.key("attachments").begin_array();
  for (std::size_t i = 1; i < result.documents.size(); ++i) {
    w.begin_object();
    write_document_fields(w, result.documents[i]);
    w.end_object();
  }
  w.end_array()
      .key("normalisation")
      .begin_object()
      .field("joined_lines", static_cast<unsigned long long>(result.joined_lines))
      .field("page_numbers_removed", static_cast<unsigned long long>(result.page_numbers_removed))
      .field("footnote_marks_removed",
             static_cast<unsigned long long>(result.footnote_marks_removed))
      .end_object();
  w.key("diagnostics").begin_array();
  for (const auto& d : result.diagnostics) {
    w.begin_object()
        .field("severity", severity_name(d.severity))
        .field("code", d.code)
        .field("message", d.message)
        .key("span");
    write(w, d.span);
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace

std::string to_json(const ParseResult& result, bool pretty) {
  JsonWriter w(pretty);
  write_result(w, result);
  return w.take();
}

void write_json(const ParseResult& result, bool pretty, std::ostream& out) {
  JsonWriter w(pretty, &out);
  write_result(w, result);
  w.flush();
}

}  // namespace vnplan
