// The model stage: runs the stages in order and assembles the result.
#include <algorithm>
#include <cstring>
#include <mutex>

#include "vnplan/extract.hpp"
#include "vnplan/segment.hpp"
#include "vnplan/structure.hpp"
#include "vnplan/vnplan.hpp"

namespace vnplan {

struct Engine::Impl {
  std::shared_ptr<const Grammar> grammar;
  EngineOptions options;
  Normaliser normaliser;
  Segmenter segmenter;
  ItemExtractor items;
  // The model is several megabytes: loaded only when a text needs judging.
  mutable std::unique_ptr<Restorer> restorer;
  Impl(std::shared_ptr<const Grammar> g, EngineOptions o)
      : grammar(std::move(g)),
        options(std::move(o)),
        normaliser(grammar),
        segmenter(*grammar, normaliser.folder()),
        items(*grammar, normaliser.folder()) {}

  const Restorer& get_restorer() const {
    if (!restorer) {
      std::string path = options.restore_model.empty()
                             ? grammar->directory() + "/restore/syllables.lm"
                             : options.restore_model;
      restorer = std::make_unique<Restorer>(RestoreModel::load(path), *grammar);
    }
    return *restorer;
  }
};

namespace {

// The text as the restorer should judge it: composed (NFC). Decomposed input
// (NFD, as macOS writes it; Windows-1258's combining tones) keeps each mark
// apart from its letter, and would read as bare words beside stray marks.
TextState assess_composed(const Restorer& restorer, const std::string& bytes) {
  return restorer.assess(to_nfc(bytes));
}

}  // namespace

Engine::Engine(std::shared_ptr<const Grammar> grammar, EngineOptions options)
    : impl_(std::make_unique<Impl>(std::move(grammar), std::move(options))) {}
Engine::~Engine() = default;

NormalisedText Engine::normalise(const SourceFile& source, bool ocr_text) const {
  return impl_->normaliser.run(source, ocr_text);
}

const Restorer& Engine::restorer() const { return impl_->get_restorer(); }

TextState Engine::assess(const SourceFile& source) const {
  TextState state = assess_composed(impl_->get_restorer(), source.bytes);
  return state;
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

// A restored word, by where it is in the input.
struct RestoredWord {
  std::uint32_t start = 0, end = 0;  // offsets are 32-bit, as in MappedText
  float confidence = 1;
};

// Restores the damaged words of every block in place. The blocks are judged
// and decoded as one text (blocks as paragraphs), so a sentence keeps its
// context; each change maps back to its block and original bytes.
std::vector<RestoredWord> restore_blocks(NormalisedText& text, const Restorer& restorer,
                                         TextStateKind state) {
  std::string joined;
  std::size_t size = 0;
  for (const Block& block : text.blocks) size += block.text().size() + 2;
  joined.reserve(size);  // one copy of the text, not twice its size while it grows
  std::vector<std::size_t> starts;
  starts.reserve(text.blocks.size());
  for (const Block& block : text.blocks) {
    starts.push_back(joined.size());
    joined += block.text();
    joined += "\n\n";
  }
  std::vector<Restoration> changes = restorer.restore(joined, state);
  std::string().swap(joined);  // the changes hold their own text: not needed below
  std::vector<RestoredWord> words;
  words.reserve(changes.size());  // kept through the later stages: no spare room
  // Right to left inside each block, so earlier offsets stay valid.
  for (std::size_t k = changes.size(); k-- > 0;) {
    const Restoration& change = changes[k];
    auto after = std::upper_bound(starts.begin(), starts.end(), change.from);
    std::size_t b = static_cast<std::size_t>(after - starts.begin()) - 1;
    Block& block = text.blocks[b];
    std::size_t from = change.from - starts[b], to = change.to - starts[b];
    if (to > block.content.text.size()) continue;
    auto [start, end] = block.content.origin_range(from, to);
    words.push_back(
        {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), change.confidence});
    block.content.replace(from, to, change.text);
  }
  // By position in the source: the marker below looks words up by it, and a
  // block can hold a line from after the next block (an OCR paragraph that
  // goes on after a run of lone markers, join.cpp).
  std::sort(words.begin(), words.end(),
            [](const RestoredWord& a, const RestoredWord& b) { return a.start < b.start; });
  return words;
}

// Marks every item whose span holds restored words with its original text.
class RestoredMarker {
 public:
  RestoredMarker(const std::vector<RestoredWord>& words, const std::string& bytes)
      : words_(words), bytes_(bytes) {}
  void mark(const Span& span, std::optional<RestoredText>& restored) const {
    auto first =
        std::lower_bound(words_.begin(), words_.end(), span.start,
                         [](const RestoredWord& w, std::uint64_t at) { return w.start < at; });
    std::size_t count = 0;
    double sum = 0;
    for (auto it = first; it != words_.end() && it->end <= span.end; ++it) {
      ++count;
      sum += it->confidence;
    }
    if (count == 0 || span.end > bytes_.size() || span.start >= span.end) return;
    restored = RestoredText{
        collapse_white_space(std::string_view(bytes_).substr(span.start, span.end - span.start)),
        count, sum / static_cast<double>(count)};
  }
  void mark_all(DocumentModel& model) const {
    for (auto& s : model.sections) mark(s.span, s.restored);
    for (auto& g : model.goals) mark(g.span, g.restored);
    for (auto& t : model.targets) mark(t.span, t.restored);
    for (auto& t : model.tasks) mark(t.span, t.restored);
    for (auto& u : model.unclassified) mark(u.span, u.restored);
  }

 private:
  const std::vector<RestoredWord>& words_;
  const std::string& bytes_;
};

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
  if (source.ocr) {
    result.source.ocr = true;
    result.source.ocr_confidence = source.ocr->confidence;
  }
  auto starts = line_starts(source.bytes);
  result.source.lines = static_cast<std::uint32_t>(starts.size());
  for (Diagnostic note : source.notes) {
    if (note.span) {
      auto after = std::upper_bound(starts.begin(), starts.end(), note.span->start);
      note.span->line = static_cast<std::uint32_t>(after - starts.begin());
    }
    result.diagnostics.push_back(std::move(note));
  }

  std::vector<RestoredWord> restored;
  // Text vnplan read by OCR itself, or an OCR engine's text layer in a PDF, is
  // OCR output whatever its words look like: tesseract's Vietnamese model
  // writes valid syllables but OCR's layout damage.
  bool judged_ocr = result.source.ocr || source.ocr_text_layer;
  std::optional<TextState> assessed;
  if (impl_->options.restore != RestoreWhen::never) {
    assessed = assess_composed(impl_->get_restorer(), source.bytes);
    judged_ocr = judged_ocr || assessed->kind == TextStateKind::ocr_damaged ||
                 assessed->kind == TextStateKind::mixed;
  }
  NormalisedText normalised = impl_->normaliser.run(source, judged_ocr);
  if (normalised.ocr_text && !judged_ocr) {
    judged_ocr = true;
    result.diagnostics.push_back(
        {Severity::info, "normalise.ocr_layout",
         "text read as OCR output: " + std::to_string(normalised.stats.ocr_signs) +
             " lines only OCR writes (a rule read as \"_\" after a list marker, \"IL\" for "
             "a Roman numeral): its lines are joined and its markers read by the OCR rules",
         std::nullopt});
  }
  if (assessed) {
    TextState state = *assessed;
    if (impl_->options.restore == RestoreWhen::always) state.kind = TextStateKind::ocr_damaged;
    // Converted by the read stage: the text is now clean Unicode; say where it came from.
    if (state.kind == TextStateKind::clean && source.encoding.rfind("utf-8", 0) != 0 &&
        !source.encoding.empty()) {
      state.kind = TextStateKind::legacy_encoding;
      state.encoding = source.encoding;
    }
    result.source.text_state = text_state_name(state.kind);
    if (state.kind != TextStateKind::clean)
      result.diagnostics.push_back(
          {Severity::info, "restore.text_state", "text judged " + state.describe(), std::nullopt});
    restored = restore_blocks(normalised, impl_->get_restorer(), state.kind);
    result.source.restored_words = restored.size();
  }
  SegmentedText segmented = impl_->segmenter.run(std::move(normalised), judged_ocr);
  result.page_numbers_removed = segmented.text.stats.page_numbers_removed;
  result.joined_lines = segmented.text.stats.joined_lines;
  result.footnote_marks_removed = segmented.text.stats.footnote_marks_removed;

  std::vector<Use> use(segmented.units.size(), Use::none);
  StructureInput input{segmented,
                       *impl_->grammar,
                       impl_->normaliser.folder(),
                       starts,
                       use,
                       result.diagnostics,
                       {},
                       {},
                       &impl_->items,
                       source.bytes};
  result.documents = build_documents(input);
  if (!restored.empty()) {
    RestoredMarker marker(restored, source.bytes);
    for (DocumentModel& model : result.documents) marker.mark_all(model);
    double sum = 0;
    for (const RestoredWord& word : restored) sum += word.confidence;
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.2f", sum / static_cast<double>(restored.size()));
    result.diagnostics.push_back(
        {Severity::info, "restore.words",
         std::to_string(restored.size()) + " words restored, mean confidence " + mean,
         std::nullopt});
  }
  report_gaps(result);
  return result;
}

}  // namespace vnplan
