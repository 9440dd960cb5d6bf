// The model stage: runs the stages in order and assembles the result.
#include <algorithm>
#include <cstring>

#include "vnplan/extract.hpp"
#include "vnplan/segment.hpp"
#include "vnplan/structure.hpp"
#include "vnplan/vnplan.hpp"

namespace vnplan {

struct Engine::Impl {
  std::shared_ptr<const Grammar> grammar;
  Normaliser normaliser;
  Segmenter segmenter;
  ItemExtractor items;
  explicit Impl(std::shared_ptr<const Grammar> g)
      : grammar(std::move(g)),
        normaliser(grammar),
        segmenter(*grammar, normaliser.folder()),
        items(*grammar, normaliser.folder()) {}
};

Engine::Engine(std::shared_ptr<const Grammar> grammar)
    : impl_(std::make_unique<Impl>(std::move(grammar))) {}
Engine::~Engine() = default;

NormalisedText Engine::normalise(const SourceFile& source) const {
  return impl_->normaliser.run(source);
}

namespace {

std::vector<std::uint64_t> line_starts(const std::string& bytes) {
  std::vector<std::uint64_t> starts{0};
  const char* begin = bytes.data();
  const char* end = begin + bytes.size();
  for (const char* p = begin;
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
    if (p + 1 < end) starts.push_back(static_cast<std::uint64_t>(p + 1 - begin));
  return starts;
}

void report_gaps(ParseResult& result) {
  for (std::size_t i = 0; i < result.documents.size(); ++i) {
    const DocumentModel& model = result.documents[i];
    std::string which = i == 0 ? "the document" : "attachment " + std::to_string(i);
    if (model.sections.empty())
      result.diagnostics.push_back({Severity::warning, "structure.no_sections",
                                    "no numbered section found in " + which, std::nullopt});
    if (!model.document.number)
      result.diagnostics.push_back({Severity::info, "header.no_number",
                                    "no document number (\"Số ...\") found in " + which,
                                    std::nullopt});
    bool invalid_date =
        std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == "header.invalid_date"; });
    if (!model.document.date && !invalid_date)
      result.diagnostics.push_back(
          {Severity::info, "header.no_date",
           "no issue date (\"..., ngày ... tháng ... năm ...\") found in " + which, std::nullopt});
  }
}

}  // namespace

ParseResult Engine::parse(const SourceFile& source) const {
  ParseResult result;
  result.source.path = source.path;
  result.source.format = format_name(source.format);
  result.source.sha256 = source.sha256;
  result.source.bytes = source.bytes.size();
  result.source.file_bytes = source.file_bytes ? source.file_bytes : source.bytes.size();
  result.source.rendered = is_rendered(source.format) || source.is_converted();
  result.source.encoding = source.encoding;
  result.source.anchors = source.anchors;
  auto starts = line_starts(source.bytes);
  result.source.lines = static_cast<std::uint32_t>(starts.size());
  for (Diagnostic note : source.notes) {
    if (note.span) {
      auto after = std::upper_bound(starts.begin(), starts.end(), note.span->start);
      note.span->line = static_cast<std::uint32_t>(after - starts.begin());
    }
    result.diagnostics.push_back(std::move(note));
  }

  SegmentedText segmented = impl_->segmenter.run(impl_->normaliser.run(source));
  result.page_numbers_removed = segmented.text.stats.page_numbers_removed;
  result.joined_lines = segmented.text.stats.joined_lines;
  result.footnote_marks_removed = segmented.text.stats.footnote_marks_removed;

  std::vector<Use> use(segmented.units.size(), Use::none);
  StructureInput input{
      segmented, *impl_->grammar, impl_->normaliser.folder(), starts, use, result.diagnostics, {},
      {},        nullptr};
  input.items = &impl_->items;
  result.documents = build_documents(input);
  report_gaps(result);
  return result;
}

}  // namespace vnplan
