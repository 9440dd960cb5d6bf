// The export stage, for people: `vnplan parse --summary`.
#include <algorithm>
#include <map>
#include <ostream>

#include "vnplan/vnplan.hpp"

namespace vnplan {
namespace {

// Width in characters (NFC Vietnamese: one code point, one column).
std::size_t width(const std::string& text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string padded(const std::string& text, std::size_t columns) {
  std::size_t w = width(text);
  return w >= columns ? text : text + std::string(columns - w, ' ');
}

std::string count_cell(std::size_t n, std::size_t columns) {
  std::string text = std::to_string(n);
  return text.size() >= columns ? text : std::string(columns - text.size(), ' ') + text;
}

// The year a deadline falls in, or how it recurs.
std::string deadline_bucket(const std::optional<Deadline>& deadline) {
  if (!deadline) return "no deadline";
  const Deadline& d = *deadline;
  if (d.kind == "recurring") return "recurring";
  if (d.kind == "after_event") return "after an event";
  for (const auto* field : {&d.date, &d.to, &d.from})
    if (*field && field->value().size() >= 4) return field->value().substr(0, 4);
  for (const auto& part : d.parts) {
    std::string bucket = deadline_bucket(part);
    if (bucket.size() == 4) return bucket;
  }
  return "other";
}

void write_table(std::ostream& out, const std::string& title, const std::string& first_column,
                 const std::vector<std::string>& columns,
                 const std::vector<std::pair<std::string, std::vector<std::size_t>>>& rows) {
  std::size_t first = width(first_column);
  for (const auto& row : rows) first = std::max(first, width(row.first));
  first = std::min<std::size_t>(first, 60);
  out << title << "\n  " << padded(first_column, first);
  for (const auto& c : columns) out << "  " << c;
  out << "\n";
  for (const auto& [label, counts] : rows) {
    out << "  " << padded(label, first);
    for (std::size_t i = 0; i < counts.size(); ++i)
      out << "  " << count_cell(counts[i], width(columns[i]));
    out << "\n";
  }
}

void write_document(std::ostream& out, const DocumentModel& m) {
  const DocumentHeader& h = m.document;
  out << (h.type_name ? *h.type_name : std::string("(no type)"));
  if (h.number) out << " " << h.number->text;
  if (h.date) out << " of " << *h.date;
  out << "\n  " << m.sections.size() << " sections, " << m.goals.size() << " goals, "
      << m.targets.size() << " targets, " << m.tasks.size() << " tasks, " << m.agencies.size()
      << " agencies; " << static_cast<int>(m.coverage() * 1000 + 0.5) / 10.0
      << "% of the body classified\n";

  std::map<std::string, std::vector<std::size_t>> horizons;  // year → targets, yearly
  for (const auto& t : m.targets) {
    auto& row = horizons[t.year ? std::to_string(*t.year) : std::string("(none)")];
    row.resize(2);
    ++row[0];
    if (t.yearly) ++row[1];
  }
  if (!m.targets.empty())
    write_table(out, "Targets per horizon", "year", {"targets", "yearly"},
                {horizons.begin(), horizons.end()});

  std::map<std::string, std::string> names;
  for (const auto& a : m.agencies) names[a.id] = a.name;
  std::map<std::string, std::size_t> per_lead;
  for (const auto& t : m.tasks) {
    if (t.agencies.lead.empty()) ++per_lead["(no lead agency)"];
    for (const auto& id : t.agencies.lead) ++per_lead[names.count(id) ? names[id] : id];
  }
  std::vector<std::pair<std::string, std::vector<std::size_t>>> leads;
  for (const auto& [name, n] : per_lead) leads.push_back({name, {n}});
  std::stable_sort(leads.begin(), leads.end(),
                   [](const auto& a, const auto& b) { return a.second[0] > b.second[0]; });
  if (!m.tasks.empty()) write_table(out, "Tasks per lead agency", "lead agency", {"tasks"}, leads);

  std::map<std::string, std::vector<std::size_t>> deadlines;  // bucket → tasks, targets
  for (const auto& t : m.tasks) {
    auto& row = deadlines[deadline_bucket(t.deadline)];
    row.resize(2);
    ++row[0];
  }
  for (const auto& t : m.targets) {
    if (!t.deadline) continue;
    auto& row = deadlines[deadline_bucket(t.deadline)];
    row.resize(2);
    ++row[1];
  }
  if (!deadlines.empty())
    write_table(out, "Deadlines by year", "when", {"tasks", "targets"},
                {deadlines.begin(), deadlines.end()});
}

}  // namespace

void write_summary(const ParseResult& result, std::ostream& out) {
  out << result.source.path << "\n";
  for (std::size_t i = 0; i < result.documents.size(); ++i) {
    if (i > 0) out << "\nAttachment " << i << ": ";
    write_document(out, result.documents[i]);
  }
  std::size_t warnings = 0;
  for (const auto& d : result.diagnostics)
    if (d.severity != Severity::info) ++warnings;
  if (warnings) out << warnings << " warning(s): see the JSON's diagnostics\n";
}

}  // namespace vnplan
