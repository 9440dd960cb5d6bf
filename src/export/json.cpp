// The export stage: the model as "vnplan/1" JSON (see docs/model.md).
#include <cmath>
#include <nlohmann/json.hpp>

#include "vnplan/vnplan.hpp"

namespace vnplan {
namespace {

using Json = nlohmann::ordered_json;

Json span_json(const Span& span) { return {{"line", span.line}, {"start", span.start}, {"end", span.end}}; }

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json number_json(const std::optional<DocumentNumber>& number) {
  if (!number) return nullptr;
  Json out = {{"text", number->text},
              {"number", optional_json(number->number)},
              {"year", optional_json(number->year)},
              {"type", number->type.empty() ? Json(nullptr) : Json(number->type)},
              {"issuer", number->issuer.empty() ? Json(nullptr) : Json(number->issuer)}};
  out["span"] = number->span ? span_json(*number->span) : Json(nullptr);
  return out;
}

Json named_json(const NamedSpan& named) { return {{"text", named.text}, {"span", span_json(named.span)}}; }

Json header_json(const DocumentHeader& h) {
  Json references = Json::array();
  for (const auto& r : h.references)
    references.push_back({{"text", r.text},
                          {"type_name", r.type_name},
                          {"number", number_json(r.number)},
                          {"date", optional_json(r.date)},
                          {"issuer", optional_json(r.issuer)},
                          {"relation", r.relation},
                          {"mentions", r.mentions},
                          {"span", span_json(r.span)}});
  Json recipients = Json::array();
  for (const auto& r : h.recipients)
    recipients.push_back({{"name", r.name}, {"role", r.role}, {"note", optional_json(r.note)}, {"span", span_json(r.span)}});
  Json issuers = Json::array(), mottos = Json::array();
  for (const auto& i : h.issuers) issuers.push_back(named_json(i));
  for (const auto& m : h.mottos) mottos.push_back(named_json(m));
  Json signature = nullptr;
  if (h.signature)
    signature = {{"mode", optional_json(h.signature->mode)},
                 {"on_behalf_of", optional_json(h.signature->on_behalf_of)},
                 {"position", optional_json(h.signature->position)},
                 {"name", optional_json(h.signature->name)},
                 {"span", span_json(h.signature->span)}};
  return {{"kind", optional_json(h.kind)},
          {"type_name", optional_json(h.type_name)},
          {"number", number_json(h.number)},
          {"date", optional_json(h.date)},
          {"date_span", h.date_span ? span_json(*h.date_span) : Json(nullptr)},
          {"place", optional_json(h.place)},
          {"issuers", issuers},
          {"mottos", mottos},
          {"title", h.title ? named_json(*h.title) : Json(nullptr)},
          {"references", references},
          {"recipients", recipients},
          {"signature", signature},
          {"attached_to", optional_json(h.attached_to)},
          {"inferred", h.inferred}};
}

Json section_json(const Section& s) {
  return {{"id", s.id},         {"parent", optional_json(s.parent)}, {"marker", s.marker},
          {"number", s.number}, {"marker_type", s.marker_type},     {"title", s.title},
          {"kind", s.kind},     {"role", s.role},                   {"level", s.level},
          {"year", optional_json(s.year)}, {"span", span_json(s.span)}, {"extent", span_json(s.extent)}};
}

Json table_json(const Table& t) {
  Json rows = Json::array();
  for (const auto& row : t.rows) {
    Json cells = Json::array();
    for (const auto& cell : row.cells) cells.push_back({{"text", cell.text}, {"span", span_json(cell.span)}});
    rows.push_back({{"cells", cells}, {"span", span_json(row.span)}});
  }
  return {{"id", t.id},           {"kind", t.kind}, {"layout", t.layout},
          {"section", optional_json(t.section)}, {"header", t.header}, {"rows", rows},
          {"span", span_json(t.span)}};
}

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

Json document_json(const DocumentModel& m) {
  Json out;
  out["document"] = header_json(m.document);
  out["sections"] = Json::array();
  for (const auto& s : m.sections) out["sections"].push_back(section_json(s));
  out["goals"] = Json::array();
  out["targets"] = Json::array();
  out["tasks"] = Json::array();
  out["agencies"] = Json::array();
  out["tables"] = Json::array();
  for (const auto& t : m.tables) out["tables"].push_back(table_json(t));
  out["footnotes"] = Json::array();
  for (const auto& f : m.footnotes)
    out["footnotes"].push_back({{"mark", f.mark}, {"text", f.text}, {"span", span_json(f.span)}});
  out["unclassified"] = Json::array();
  for (const auto& u : m.unclassified)
    out["unclassified"].push_back({{"text", u.text}, {"section", optional_json(u.section)}, {"span", span_json(u.span)}});
  out["coverage"] = rounded(m.coverage());
  out["body_chars"] = m.body_chars;
  out["classified_chars"] = m.classified_chars;
  return out;
}

}  // namespace

std::string to_json(const ParseResult& result, bool pretty) {
  Json out;
  out["schema"] = kSchema;
  out["generator"] = {{"name", "vnplan"}, {"version", kVersion}};
  out["source"] = {{"path", result.source.path},
                   {"format", result.source.format},
                   {"sha256", result.source.sha256},
                   {"bytes", result.source.bytes},
                   {"lines", result.source.lines}};
  Json main = result.documents.empty() ? Json::object() : document_json(result.documents[0]);
  for (auto& [key, value] : main.items()) out[key] = value;
  out["attachments"] = Json::array();
  for (std::size_t i = 1; i < result.documents.size(); ++i) out["attachments"].push_back(document_json(result.documents[i]));
  out["normalisation"] = {{"joined_lines", result.joined_lines},
                          {"page_numbers_removed", result.page_numbers_removed},
                          {"footnote_marks_removed", result.footnote_marks_removed}};
  out["diagnostics"] = Json::array();
  for (const auto& d : result.diagnostics)
    out["diagnostics"].push_back({{"severity", severity_name(d.severity)},
                                  {"code", d.code},
                                  {"message", d.message},
                                  {"span", d.span ? span_json(*d.span) : Json(nullptr)}});
  return out.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vnplan
