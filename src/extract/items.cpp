// Goals, targets and tasks of one document: the walk over its units.
//
// Areas come from section kinds: goals sections give goals and targets, tasks
// and organisation sections give tasks (a funding or reporting section counts
// when it sits inside one of those). Labelled lines ("Cơ quan chủ trì: ...",
// "Thời gian thực hiện: ...") form a block that applies to every item since
// the previous heading or the previous labelled block; with no item in between,
// to the heading above them, which then is the task itself.
#include <algorithm>
#include <map>
#include <sstream>

#include "internal.hpp"

namespace vnplan {
namespace internal {
namespace {

enum class Area { none, goals, tasks };

struct SectionInfo {
  Area area = Area::none;
  std::optional<int> parent;
  bool has_children = false;
  std::optional<std::string> category;
  std::optional<int> year;  // the section's horizon, or one its title or a parent gives
  bool own_year = false;    // the horizon or title gives it, not a parent
  bool heading_read = false;
  std::vector<std::string> heading_lead;  // agency ids a heading names, inherited down
  std::optional<std::size_t> unit;        // the heading's unit
};

// An agency name with where it stands and in which role.
struct Named {
  AgencyName name;
  Span span;
};

// What a labelled block or an inline assignment says.
struct Assigned {
  std::vector<Named> lead, support, directing;
  std::optional<Deadline> deadline;
  bool done = false;
  bool any() const {
    return !lead.empty() || !support.empty() || !directing.empty() || deadline || done;
  }
};

enum class ItemKind { target, task };
struct ItemRef {
  ItemKind kind;
  std::size_t index;
};

class Walker {
 public:
  Walker(const ItemContext& ctx, AgencyBook& book, std::size_t begin, std::size_t end)
      : ctx_(ctx), book_(book), begin_(begin), end_(end) {}
  void run();

 private:
  const ItemContext& ctx_;
  AgencyBook& book_;
  std::size_t begin_, end_;
  std::vector<SectionInfo> info_;
  std::map<std::string, std::size_t> section_index_;
  std::vector<ItemRef> open_;        // items since the last heading or labelled block
  std::vector<ItemRef> last_group_;  // the items the last labelled block applied to
  Assigned labels_;                  // the labelled block being read
  std::optional<std::size_t> labels_unit_;
  // A heading of the tasks area that is the task itself if its body turns out
  // to be only labelled lines.
  std::optional<std::size_t> pending_heading_unit_;
  std::optional<std::size_t> pending_heading_section_;
  // Where each task's text is, for finish_task.
  struct TaskPlace {
    std::size_t unit;
    std::size_t folded_begin;
    std::size_t folded_end;
    std::optional<std::size_t> section;
  };
  std::vector<TaskPlace> task_places_;
  bool pending_heading_has_body_ = false;
  // OCR output: a horizon line that lost its marker ("Đến hết năm 2035" alone)
  // sets the year of the goals that follow it in its section.
  // A horizon paragraph of OCR text that lost its marker ("Đến hết năm 2035"
  // read pages away from "2.2."): its year holds for what follows, through the
  // sibling sections after it, until a section at its parent's level or one
  // with a year of its own.
  std::optional<int> loose_year_;
  int loose_year_level_ = 0;  // the level of the section that holds the loose horizon
  bool keeps_loose_year(std::size_t section) const;
  std::optional<int> lone_horizon_year(std::size_t u) const;

  const StructureInput& in() const { return ctx_.input; }
  Spelling spelling() const { return in().text.looks_ocr() ? Spelling::ocr : Spelling::exact; }
  void classify_sections();
  std::optional<std::size_t> previous_sibling(std::size_t i) const;
  std::size_t folded_offset(std::size_t u, std::size_t text_offset) const;
  std::size_t body_start(std::size_t u, std::optional<std::size_t> section) const;
  std::string add_agency(const Named& named, const std::string& role);
  std::vector<std::string> ids_of(const std::vector<Named>& names, const std::string& role);
  std::vector<Named> named(std::size_t u, std::size_t text_begin,
                           const std::vector<AgencyName>& names) const;
  std::optional<Label> label_of(std::size_t u) const;
  void read_label(std::size_t u, const Label& label);
  void read_assignment_value(std::size_t u, std::size_t folded_begin, const std::string& role,
                             Assigned& into) const;
  void flush_labels();
  void apply(const Assigned& assigned, const std::vector<ItemRef>& items);
  void close_heading();
  void add_task(std::size_t u, std::size_t folded_begin, std::optional<std::size_t> section);
  void finish_task(std::size_t index);
  // Finishes the tasks no labelled block can reach any more, while their units'
  // origins are still cached.
  void finish_settled();
  std::size_t finished_ = 0;
  std::vector<std::size_t> area_units_;  // paragraphs of the goals and tasks areas
  void count_coverage();
  const std::vector<std::string>& heading_lead(std::size_t section);
  ItemPlace place_of(std::optional<std::size_t> section) const;
  bool ends_sentence(std::size_t u) const;
  std::vector<std::size_t> later_starts(std::size_t u, std::size_t from, std::size_t to) const;
  bool has_two_sentences(std::size_t u, std::size_t from) const;
};

// Folded offsets where a later part of an item may open with its subject: after
// an inline title's colon, and after each sentence end.
std::vector<std::size_t> Walker::later_starts(std::size_t u, std::size_t from,
                                              std::size_t to) const {
  const std::string& folded = in().folded(u);
  std::vector<std::size_t> starts;
  std::size_t colon = folded.find(": ", from);
  if (colon != std::string::npos && colon < from + 100 && colon < to) starts.push_back(colon + 2);
  for (const SentenceBreak& b : sentence_breaks(in(), u, from, to)) starts.push_back(b.next);
  return starts;
}

// A paragraph that ends in ":" only introduces a list when it is one sentence;
// "Tập trung ... bền vững. Tập trung triển khai 03 sáng kiến:" is a task.
bool Walker::has_two_sentences(std::size_t u, std::size_t from) const {
  return !sentence_breaks(in(), u, from, in().folded(u).size()).empty();
}

bool Walker::ends_sentence(std::size_t u) const {
  const std::string& folded = in().folded(u);
  std::size_t end = folded.find_last_not_of(' ');
  return end != std::string::npos && folded[end] == '.';
}

// The first words of a sentence, enough to hold its subject and the verb after
// it: subject() then reads a bounded window, not the rest of a long paragraph.
std::string_view opening(std::string_view sentence) {
  constexpr std::size_t kWindow = 180;
  if (sentence.size() <= kWindow) return sentence;
  std::size_t cut = sentence.rfind(' ', kWindow);
  return sentence.substr(0, cut == std::string_view::npos ? kWindow : cut);
}

// Whether documents of `kind` say their tasks as numbered points under no
// tasks heading: the word "points" after the kind's code in document_kinds.
bool points_are_tasks(const Grammar& grammar, const std::string& kind) {
  for (const auto& entry : grammar.entries("header/document_kinds")) {
    std::istringstream parts(entry.value);
    std::string entry_kind, code, flag;
    parts >> entry_kind >> code >> flag;
    if (entry_kind == kind && flag == "points") return true;
  }
  return false;
}

// The section before `i` with the same parent, if any.
std::optional<std::size_t> Walker::previous_sibling(std::size_t i) const {
  const auto& sections = ctx_.model.sections;
  for (std::size_t j = i; j-- > 0;)
    if (sections[j].parent == sections[i].parent) return j;
  return std::nullopt;
}

// Sections → areas, categories and years.
void Walker::classify_sections() {
  const auto& sections = ctx_.model.sections;
  info_.resize(sections.size());
  for (std::size_t i = 0; i < sections.size(); ++i) {
    section_index_[sections[i].id] = i;
    SectionInfo& info = info_[i];
    const Section& s = sections[i];
    if (s.parent) {
      info.parent = static_cast<int>(section_index_[*s.parent]);
      info_[*info.parent].has_children = true;
    }
    const std::string& kind = s.kind;
    Area parent_area = info.parent ? info_[*info.parent].area : Area::none;
    if (kind == "goals" || kind == "general_goals" || kind == "specific_goals")
      info.area = Area::goals;
    else if (kind == "tasks" || kind == "organisation")
      info.area = Area::tasks;
    else if (kind ==
             "horizon")  // "Đến hết năm 2025" dates goals, also where OCR lost "II. MỤC TIÊU"
      info.area = parent_area == Area::none ? Area::goals : parent_area;
    else if (kind == "category" || kind == "funding" || kind == "reporting")
      info.area = parent_area;
    else if (kind == "appendix")
      info.area = Area::none;
    else
      info.area = parent_area;
    // "2. Mục tiêu cụ thể đến năm 2030" gives its year to what it holds.
    std::optional<int> title_year;
    if (info.area == Area::goals) title_year = ctx_.measures.year(in().folder.fold_string(s.title));
    info.year = s.year ? s.year : title_year;
    info.own_year = kind == "horizon" || title_year;
    if (!info.year && info.parent) info.year = info_[*info.parent].year;
    // OCR output: a heading among dated horizons that reads as none ("2.2."
    // read apart from its "Đến hết năm 2035", with a target taken for its
    // title) goes on with the horizon before it, until a horizon line says
    // otherwise (lone_horizon_year).
    if (!info.year && info.area == Area::goals && kind != "horizon" && in().text.looks_ocr())
      if (auto before = previous_sibling(i); before && sections[*before].kind == "horizon")
        info.year = info_[*before].year;
    if (kind == "category")
      info.category = s.title;
    else if (info.parent)
      info.category = info_[*info.parent].category;
  }
  // A dispatch, a directive or a notice of conclusions has no tasks heading:
  // its numbered points are its tasks (header/document_kinds.tsv, "points").
  if (ctx_.model.document.kind && points_are_tasks(in().grammar, *ctx_.model.document.kind))
    for (std::size_t i = 0; i < sections.size(); ++i)
      if (info_[i].area == Area::none && sections[i].kind != "appendix")
        info_[i].area = Area::tasks;
}

std::size_t Walker::folded_offset(std::size_t u, std::size_t text_offset) const {
  const std::string& folded = in().folded(u);
  // The fold works code point by code point: a short prefix (a marker) folds
  // to the folded prefix, without folding the whole unit again for its origins.
  if (text_offset <= 32)
    return std::min(folded.size(),
                    in().folder.fold_string(in().text_of(u).substr(0, text_offset)).size());
  // to_text is monotonic: binary search for the first folded byte at or after it.
  std::size_t lo = 0, hi = folded.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (in().to_text(u, mid) < text_offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

// Where the item text of a unit starts (folded): after the marker, and after
// an inline title ("a) Về phát triển hạ tầng: phần đầu ...").
std::size_t Walker::body_start(std::size_t u, std::optional<std::size_t> section) const {
  const Unit& unit = in().unit(u);
  std::size_t at = folded_offset(u, unit.marker.content_start);
  if (section && ctx_.model.sections[*section].span.start == in().span(u).start) {
    const Section& s = ctx_.model.sections[*section];
    if (s.role == "heading" && s.text.size() > s.title.size() + 2) {
      const std::string& folded = in().folded(u);
      std::size_t colon = folded.find(':', at);
      if (colon != std::string::npos) return colon + 1;
    }
  }
  return at;
}

// The year of a paragraph that is nothing but a horizon ("Đến hết năm 2035"),
// read with the section-kind grammar's horizon patterns; only in OCR output,
// where such a line is a heading whose marker was read elsewhere.
std::optional<int> Walker::lone_horizon_year(std::size_t u) const {
  constexpr std::size_t kMaxHorizonBytes = 48;  // "giai đoạn 2026 - 2030" and the like
  if (!in().text.looks_ocr()) return std::nullopt;
  auto year_of = [&](std::string_view folded) { return horizon_only_year(in().grammar, folded); };
  const std::string& folded = in().folded(u);
  if (folded.size() > kMaxHorizonBytes) return std::nullopt;
  if (auto year = year_of(folded)) return year;
  // Restoration may have made a word of what is left ("én hét nam" → "uốn hết
  // năm"): the text as written still reads.
  Span written = in().span(u);
  if (written.end > in().source.size() || written.start >= written.end) return std::nullopt;
  return year_of(
      in().folder.fold_string(in().source.substr(written.start, written.end - written.start)));
}

bool Walker::keeps_loose_year(std::size_t section) const {
  const Section& s = ctx_.model.sections[section];
  return !info_[section].own_year && s.level >= loose_year_level_;
}

ItemPlace Walker::place_of(std::optional<std::size_t> section) const {
  ItemPlace place;
  if (!section) return place;
  const Section& s = ctx_.model.sections[*section];
  place.section = s.id;
  place.year = loose_year_ ? loose_year_ : info_[*section].year;
  place.category = info_[*section].category;
  return place;
}

std::string Walker::add_agency(const Named& named, const std::string& role) {
  return book_.add(named.name, named.span, role);
}

std::vector<std::string> Walker::ids_of(const std::vector<Named>& names, const std::string& role) {
  std::vector<std::string> ids;
  for (const Named& n : names) {
    std::string id = add_agency(n, role);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

std::vector<Named> Walker::named(std::size_t u, std::size_t text_begin,
                                 const std::vector<AgencyName>& names) const {
  std::vector<Named> out;
  for (const AgencyName& name : names) {
    if (name.text.empty()) continue;
    out.push_back({name, in().text_span(u, text_begin + name.begin, text_begin + name.end)});
  }
  return out;
}

std::optional<Label> Walker::label_of(std::size_t u) const {
  const std::string& folded = in().folded(u);
  if (!ctx_.cues.any_label->matches_at_start(folded))
    return std::nullopt;  // one scan for most units
  for (const auto& entry : in().grammar.patterns("extract/labels.re")) {
    if (auto m = entry.pattern->find(folded, 0, true)) return Label{entry.key, (*m)[0].end};
  }
  return std::nullopt;
}

// "Sở X chủ trì, phối hợp với Y và Z" → lead X, support Y, Z; otherwise the
// whole value is a list of agencies in `role`.
void Walker::read_assignment_value(std::size_t u, std::size_t folded_begin, const std::string& role,
                                   Assigned& into) const {
  // The value runs to the end of the unit: its folded view is the unit's own.
  const std::string& text = in().text_of(u);
  std::string_view folded = std::string_view(in().folded(u)).substr(folded_begin);
  std::size_t text_begin = in().to_text(u, folded_begin);
  std::string_view value = std::string_view(text).substr(text_begin);
  auto text_at = [&](std::size_t f) { return in().to_text(u, folded_begin + f) - text_begin; };
  const auto& agencies = ctx_.agencies;
  if (auto m = ctx_.cues.lead_support.find(folded)) {
    std::size_t lead_end = text_at((*m)[0].begin), support_begin = text_at((*m)[0].end);
    for (auto& n : named(u, text_begin, agencies.split_list(value.substr(0, lead_end), spelling())))
      into.lead.push_back(n);
    for (auto& n : named(u, text_begin + support_begin,
                         agencies.split_list(value.substr(support_begin), spelling())))
      into.support.push_back(n);
    return;
  }
  if (auto m = ctx_.cues.lead_only.find(folded)) {
    for (auto& n : named(u, text_begin,
                         agencies.split_list(value.substr(0, text_at((*m)[0].begin)), spelling())))
      into.lead.push_back(n);
    return;
  }
  auto names = named(u, text_begin, agencies.split_list(value, spelling()));
  auto& target = role == "support"     ? into.support
                 : role == "directing" ? into.directing
                                       : into.lead;
  target.insert(target.end(), names.begin(), names.end());
}

void Walker::read_label(std::size_t u, const Label& label) {
  std::size_t text_begin = in().to_text(u, label.value_begin);
  std::size_t text_end = in().text_of(u).size();
  if (label.role == "deadline") {
    std::string_view value = std::string_view(in().text_of(u)).substr(text_begin);
    Deadline deadline = ctx_.deadlines.read(value);
    deadline.span = in().text_span(u, text_begin, text_end);
    for (auto& part : deadline.parts) part.span = deadline.span;
    labels_.done = labels_.done || ctx_.deadlines.says_done(value);
    if (!deadline.text.empty()) labels_.deadline = std::move(deadline);
  } else {
    read_assignment_value(u, label.value_begin, label.role, labels_);
  }
  in().use[u] = Use::item;
  labels_unit_ = u;
}

void Walker::apply(const Assigned& assigned, const std::vector<ItemRef>& items) {
  auto lead = ids_of(assigned.lead, "lead");
  auto support = ids_of(assigned.support, "support");
  auto directing = ids_of(assigned.directing, "directing");
  for (const ItemRef& ref : items) {
    Assignment& a = ref.kind == ItemKind::task ? ctx_.model.tasks[ref.index].agencies
                                               : ctx_.model.targets[ref.index].agencies;
    auto& deadline = ref.kind == ItemKind::task ? ctx_.model.tasks[ref.index].deadline
                                                : ctx_.model.targets[ref.index].deadline;
    if (!lead.empty()) a.lead = lead;
    if (!support.empty()) a.support = support;
    if (!directing.empty()) a.directing = directing;
    if (assigned.deadline) deadline = assigned.deadline;
    if (assigned.done && ref.kind == ItemKind::task) ctx_.model.tasks[ref.index].status = "done";
  }
}

void Walker::flush_labels() {
  if (!labels_unit_) return;
  if (open_.empty() && pending_heading_unit_) {
    // The heading's body is only labelled lines: the heading is the task.
    add_task(*pending_heading_unit_, body_start(*pending_heading_unit_, pending_heading_section_),
             pending_heading_section_);
    pending_heading_unit_.reset();
  }
  const std::vector<ItemRef>& items = open_.empty() ? last_group_ : open_;
  apply(labels_, items);
  if (!open_.empty()) last_group_ = open_;
  open_.clear();
  labels_ = Assigned{};
  labels_unit_.reset();
}

void Walker::close_heading() {
  if (pending_heading_unit_ && !pending_heading_has_body_)
    add_task(*pending_heading_unit_, body_start(*pending_heading_unit_, pending_heading_section_),
             pending_heading_section_);
  pending_heading_unit_.reset();
  pending_heading_has_body_ = false;
}

// The agencies a heading names ("3. Trách nhiệm của Đảng ủy UBND tỉnh"), or its
// parent's: tasks without a lead of their own take them.
const std::vector<std::string>& Walker::heading_lead(std::size_t section) {
  SectionInfo& info = info_[section];
  if (info.heading_read) return info.heading_lead;
  info.heading_read = true;
  std::optional<std::size_t> unit = info.unit;
  // Only a short heading names who acts; a long one is an item's sentence,
  // unless a short title before a colon names it ("12. Sở Tài chính: Chủ trì, …").
  constexpr std::size_t kHeadingLength = 200;
  std::string_view title;
  if (unit) {
    const std::string& text = in().text_of(*unit);
    title = std::string_view(text).substr(
        std::min<std::size_t>(in().unit(*unit).marker.content_start, text.size()));
    if (text.size() > kHeadingLength) {
      std::size_t colon = title.find(':');
      title = colon < kHeadingLength / 2 ? title.substr(0, colon) : std::string_view();
    }
  }
  if (!title.empty()) {
    std::size_t from = static_cast<std::size_t>(title.data() - in().text_of(*unit).data());
    auto folded = in().folder.fold(title);
    const Pattern& prefix = ctx_.cues.heading_agency;
    std::size_t skip = 0;
    if (auto m = prefix.find(folded.text, 0, true)) skip = folded.origin[(*m)[0].end];
    // The title is a list of agencies ("1. Ủy ban nhân dân tỉnh"), or opens
    // with one that acts ("2. Các cấp ủy, tổ chức đảng chỉ đạo"). A title that
    // assigns ("Chủ trì, phối hợp với các sở, ngành tham mưu …") names its
    // lead before "chủ trì", or none: the heading above names it.
    std::size_t cue = folded.text.size();
    for (const Pattern* assigns :
         {&ctx_.cues.lead_support, &ctx_.cues.lead_only, &ctx_.cues.support_only})
      if (auto m = assigns->find(folded.text)) cue = std::min(cue, (*m)[0].begin);
    std::size_t end = cue < folded.text.size() ? folded.origin[cue] : title.size();
    std::string_view rest = title.substr(skip, end > skip ? end - skip : 0);
    auto listed = ctx_.agencies.split_list(rest, spelling());
    bool all_known = !listed.empty() && std::all_of(listed.begin(), listed.end(),
                                                    [](const AgencyName& n) { return n.known(); });
    auto names =
        named(*unit, from + skip, all_known ? listed : ctx_.agencies.subject(rest, spelling()));
    info.heading_lead = ids_of(names, "lead");
  }
  if (info.heading_lead.empty() && info.parent) info.heading_lead = heading_lead(*info.parent);
  return info.heading_lead;
}

// A task says what to do in words: "9)" (OCR's "g)"), "IV", "Năm 2025", a
// stray syllable or two ("Trách ủy.": words tesseract read as a column of their
// own) are no task; a verb and its object take three words at least.
bool says_something(std::string_view folded) {
  constexpr int kMinWords = 3;
  int words = 0;
  bool in_word = false, letter = false;
  for (char c : folded) {
    if (c == ' ') {
      words += in_word && letter;
      in_word = letter = false;
    } else {
      in_word = true;
      letter = letter || (c >= 'a' && c <= 'z');
    }
  }
  words += in_word && letter;
  return words >= kMinWords;
}

void Walker::add_task(std::size_t u, std::size_t folded_begin, std::optional<std::size_t> section) {
  const std::string& folded = in().folded(u);
  std::size_t fb = folded_begin, fe = folded.size();
  while (fb < fe && (folded[fb] == ' ' || folded[fb] == '-' || folded[fb] == '*')) ++fb;
  while (fe > fb && (folded[fe - 1] == ' ')) --fe;
  if (fe <= fb || !says_something(std::string_view(folded).substr(fb, fe - fb))) return;
  Task task;
  task.section = section ? std::optional(ctx_.model.sections[*section].id) : std::nullopt;
  std::size_t tb = in().to_text(u, fb), te = in().to_text(u, fe);
  task.text = in().text_of(u).substr(tb, te - tb);
  task.span = in().text_span(u, tb, te);
  if (ctx_.deadlines.folded_says_done(std::string_view(folded).substr(fb, fe - fb)))
    task.status = "done";
  ctx_.model.tasks.push_back(std::move(task));
  task_places_.push_back({u, fb, fe, section});
  open_.push_back({ItemKind::task, ctx_.model.tasks.size() - 1});
  in().use[u] = Use::item;
}

void Walker::finish_settled() {
  std::size_t settled = ctx_.model.tasks.size();
  for (const ItemRef& ref : open_)
    if (ref.kind == ItemKind::task) settled = std::min(settled, ref.index);
  for (const ItemRef& ref : last_group_)
    if (ref.kind == ItemKind::task) settled = std::min(settled, ref.index);
  for (; finished_ < settled; ++finished_) finish_task(finished_);
}

// What labelled lines did not say, the task's own sentence may: its subject
// leads ("Sở Tài chính chủ trì, phối hợp với Sở X ..."), a time phrase in it is
// its deadline, and the agency a heading above names leads when nothing else does.
void Walker::finish_task(std::size_t index) {
  Task& task = ctx_.model.tasks[index];
  const TaskPlace& place = task_places_[index];
  std::size_t u = place.unit, fb = place.folded_begin, fe = place.folded_end;
  const std::string& folded = in().folded(u);
  const std::string& whole = in().text_of(u);
  std::size_t tb = in().to_text(u, fb), te = in().to_text(u, fe);
  if (task.agencies.lead.empty()) {
    std::size_t subject_offset = tb;
    // The item's own start: a bullet before it must not hide the cue.
    const Pattern& assign = ctx_.cues.assign;
    std::string_view item = std::string_view(folded).substr(fb, fe - fb);
    if (auto m = assign.find(item, 0, true)) {
      std::size_t directs = assign.group("directs");
      bool heading_directs = directs != Match::npos && (*m)[directs].matched() && place.section &&
                             !heading_lead(*place.section).empty();
      if (!heading_directs) subject_offset = in().to_text(u, fb + (*m)[0].end);
    }
    auto subject =
        named(u, subject_offset,
              ctx_.agencies.subject(
                  opening(std::string_view(whole).substr(subject_offset, te - subject_offset)),
                  spelling()));
    // "Thông tin, báo cáo định kỳ: các cấp ủy ... báo cáo", or a later sentence
    // that opens with the agency ("... nhiệm vụ. Ban Chỉ đạo cấp tỉnh ...").
    std::vector<std::size_t> starts =
        subject.empty() ? later_starts(u, fb, fe) : std::vector<std::size_t>{};
    constexpr std::size_t kLaterStarts = 4;  // the subject comes early or not at all
    if (starts.size() > kLaterStarts) starts.resize(kLaterStarts);
    for (std::size_t start : starts) {
      if (!subject.empty()) break;
      std::size_t at = in().to_text(u, start);
      subject = named(u, at, ctx_.agencies.subject(opening(whole.substr(at, te - at)), spelling()));
    }
    task.agencies.lead = ids_of(subject, "lead");
    if (task.agencies.support.empty()) {
      const Pattern& lead_support = ctx_.cues.lead_support;
      const Pattern& support_only = ctx_.cues.support_only;
      const Pattern& clause_end = ctx_.cues.clause_end;
      std::optional<Match> support_at;
      if (!subject.empty()) {
        support_at = lead_support.find(folded, fb);
      } else {
        // "Chủ trì, phối hợp với Y …": its lead is the heading's, Y supports.
        support_at = lead_support.find(folded, fb, true);
        if (!support_at) support_at = support_only.find(folded, fb, true);
      }
      if (support_at) {
        std::size_t sb = (*support_at)[0].end;
        std::size_t se = fe;
        if (auto stop = clause_end.find(folded, sb)) se = (*stop)[0].begin;
        std::size_t tsb = in().to_text(u, sb), tse = in().to_text(u, se);
        // In running text only known agencies count: "phối hợp với" may be
        // followed by ordinary words ("phối hợp tuyên truyền ...").
        auto listed =
            ctx_.agencies.split_list(std::string_view(whole).substr(tsb, tse - tsb), spelling());
        listed.erase(std::remove_if(listed.begin(), listed.end(),
                                    [](const AgencyName& n) { return !n.known(); }),
                     listed.end());
        task.agencies.support = ids_of(named(u, tsb, listed), "support");
      }
    }
    if (task.agencies.lead.empty() && place.section)
      task.agencies.lead = heading_lead(*place.section);
  }
  if (!task.deadline) {
    if (auto range = ctx_.deadlines.locate(std::string_view(folded).substr(fb, fe - fb))) {
      std::size_t db = in().to_text(u, fb + range->first), de = in().to_text(u, fb + range->second);
      Deadline deadline = ctx_.deadlines.read(std::string_view(whole).substr(db, de - db));
      deadline.span = in().text_span(u, db, de);
      for (auto& part : deadline.parts) part.span = deadline.span;
      task.deadline = std::move(deadline);
    }
  }
}

void Walker::run() {
  classify_sections();
  const auto& sections = ctx_.model.sections;
  std::vector<std::size_t> stack;  // open sections, innermost last
  std::size_t next_section = 0;
  const Pattern& lead_in_list = ctx_.cues.lead_in_list;
  Area last_area = Area::none;
  for (std::size_t u = begin_; u < end_; ++u) {
    const Block& block = in().block(u);
    if (block.kind != BlockKind::paragraph) continue;
    std::uint64_t at = block.span().start;
    while (!stack.empty() && sections[stack.back()].extent.end <= at) stack.pop_back();
    bool is_heading = false;
    while (next_section < sections.size() && sections[next_section].span.start <= at) {
      while (!stack.empty() &&
             sections[stack.back()].extent.end <= sections[next_section].span.start)
        stack.pop_back();
      stack.push_back(next_section);
      is_heading = sections[next_section].span.start == at;
      if (is_heading) info_[next_section].unit = u;
      ++next_section;
    }
    std::optional<std::size_t> section =
        stack.empty() ? std::nullopt : std::optional<std::size_t>(stack.back());
    Area area = section ? info_[*section].area : Area::none;
    if (in().use[u] != Use::content && in().use[u] != Use::heading) area = Area::none;
    // A lone marker OCR read apart from its text went to the paragraph it opens:
    // nothing is here, and nothing ends (a loose horizon's year goes on).
    if (in().unit(u).marker_moved) continue;

    std::optional<Label> label = area == Area::none ? std::nullopt : label_of(u);
    if (!label && area != Area::none && ctx_.cues.not_item.matches_at_start(in().folded(u)))
      continue;
    if (label) {
      read_label(u, *label);
      area_units_.push_back(u);
      continue;
    }
    flush_labels();
    if (loose_year_ && (area != Area::goals || (is_heading && !keeps_loose_year(*section))))
      loose_year_.reset();
    if (loose_year_ && is_heading) ctx_.model.sections[*section].year = loose_year_;
    if (is_heading || area != last_area) {
      close_heading();
      open_.clear();
      last_group_.clear();
    }
    finish_settled();
    last_area = area;
    if (area == Area::none) continue;
    if (!is_heading) area_units_.push_back(u);

    const std::string& folded = in().folded(u);
    std::size_t fb = body_start(u, section);
    // OCR output: a category title whose marker was lost opens the paragraph.
    if (area == Area::goals && !is_heading && in().text.looks_ocr())
      if (auto title = ctx_.cues.inline_category.find(folded, fb, true)) fb = title->groups[0].end;
    bool inline_body = is_heading && fb > folded_offset(u, in().unit(u).marker.content_start);
    // The list intro sits at the end of the paragraph: look only there.
    std::string_view tail =
        std::string_view(folded).substr(folded.size() > 24 ? folded.size() - 24 : 0);
    bool lead_in = lead_in_list.contains(tail) && !has_two_sentences(u, fb);
    if (area == Area::goals) {
      if (auto year = is_heading ? std::nullopt : lone_horizon_year(u)) {
        loose_year_ = year;
        loose_year_level_ = section ? sections[*section].level : 0;
        in().use[u] = Use::heading;
        continue;
      }
      // OCR output can read a marker apart from its title, and the marker
      // then heads the target sentence after it: a childless heading that
      // ends a sentence is read for targets there.
      bool reads = !is_heading || (section && !info_[*section].has_children &&
                                   (sections[*section].role == "item" ||
                                    fb > folded_offset(u, in().unit(u).marker.content_start) ||
                                    (in().text.looks_ocr() && ends_sentence(u))));
      if (!reads || lead_in) continue;
      std::vector<std::size_t> added;
      std::size_t goals_before = ctx_.model.goals.size();
      read_goal_paragraph(ctx_, u, fb, folded.size(), place_of(section), added);
      for (std::size_t i : added) open_.push_back({ItemKind::target, i});
      if (!added.empty() || ctx_.model.goals.size() > goals_before) in().use[u] = Use::item;
      continue;
    }
    // Tasks area.
    if (is_heading && inline_body) {
      add_task(u, fb, section);  // "(3) Văn hóa đổi mới sáng tạo: Hình thành ..."
      continue;
    }
    if (is_heading) {
      if (section && !info_[*section].has_children && !lead_in) {
        pending_heading_unit_ = u;
        pending_heading_section_ = section;
        pending_heading_has_body_ = false;
      }
      continue;
    }
    if (lead_in) continue;  // "... như sau:" opens a list; it is not a task
    if (pending_heading_unit_ && !pending_heading_has_body_ &&
        in().unit(u).marker.type == MarkerType::none && ends_sentence(*pending_heading_unit_)) {
      // A heading sentence continued by plain paragraphs is a task like them.
      add_task(*pending_heading_unit_, body_start(*pending_heading_unit_, pending_heading_section_),
               pending_heading_section_);
      pending_heading_unit_.reset();
    }
    pending_heading_has_body_ = true;
    add_task(u, fb, section);
  }
  flush_labels();
  close_heading();
  for (; finished_ < ctx_.model.tasks.size(); ++finished_) finish_task(finished_);
  count_coverage();
}

void Walker::count_coverage() {
  for (std::size_t u : area_units_) {
    std::uint64_t n = counted_chars(in().text_of(u));
    ctx_.model.item_area_chars += n;
    if (in().use[u] == Use::item) ctx_.model.item_chars += n;
  }
  // A heading that became a task is item text too.
  for (const auto& info : info_)
    if (info.unit && in().use[*info.unit] == Use::item) {
      std::uint64_t n = counted_chars(in().text_of(*info.unit));
      ctx_.model.item_area_chars += n;
      ctx_.model.item_chars += n;
    }
}

}  // namespace
}  // namespace internal

namespace internal {

std::optional<int> horizon_only_year(const Grammar& grammar, std::string_view folded) {
  constexpr std::size_t kMaxStrayBytes = 3;  // a stray "." or ":"
  // What is left of a marker OCR misread (". Dén hét năm 2035", ".3. Dén hét
  // năm 2035" for "2.3.") may come first.
  constexpr std::size_t kMaxStrayMarker = 4;
  std::size_t start = std::min(folded.find_first_not_of(".,:;'\"- 0123456789"), folded.size());
  if (start > kMaxStrayMarker) return std::nullopt;
  std::string_view rest = folded.substr(start);
  for (const auto& entry : grammar.patterns("structure/section_kinds.re")) {
    if (entry.key != "horizon") continue;
    auto match = entry.pattern->find(rest, 0, true);
    std::size_t year = entry.pattern->group("year");
    if (!match || year == Match::npos || !(*match)[year].matched()) continue;
    if (rest.size() - match->groups[0].end > kMaxStrayBytes) continue;
    return std::stoi(std::string(match->text(rest, year)));
  }
  return std::nullopt;
}

Cues::Cues(const Grammar& grammar)
    : lead_support(grammar.pattern("extract/assignments.re", "lead_support")),
      lead_only(grammar.pattern("extract/assignments.re", "lead_only")),
      support_only(grammar.pattern("extract/assignments.re", "support_only")),
      assign(grammar.pattern("extract/assignments.re", "assign")),
      heading_agency(grammar.pattern("extract/assignments.re", "heading_agency")),
      clause_end(grammar.pattern("extract/assignments.re", "clause_end")),
      lead_in_list(grammar.pattern("extract/assignments.re", "lead_in_list")),
      not_item(grammar.pattern("extract/assignments.re", "not_item")),
      inline_category(grammar.pattern("extract/assignments.re", "inline_category")) {
  std::vector<const Pattern*> labels;
  for (const auto& entry : grammar.patterns("extract/labels.re"))
    labels.push_back(entry.pattern.get());
  any_label = Pattern::any_of(labels);
}

}  // namespace internal

struct ItemExtractor::Impl {
  AgencyRegistry agencies;
  DeadlineReader deadlines;
  internal::MeasureReader measures;
  internal::Cues cues;
  Impl(const Grammar& grammar, const Folder& folder)
      : agencies(grammar, folder),
        deadlines(grammar, folder),
        measures(grammar, folder),
        cues(grammar) {}
};

ItemExtractor::ItemExtractor(const Grammar& grammar, const Folder& folder)
    : impl_(std::make_unique<Impl>(grammar, folder)) {}
ItemExtractor::~ItemExtractor() = default;
const AgencyRegistry& ItemExtractor::agencies() const { return impl_->agencies; }
const DeadlineReader& ItemExtractor::deadlines() const { return impl_->deadlines; }

void ItemExtractor::run(const StructureInput& input, std::size_t begin, std::size_t end,
                        DocumentModel& model) const {
  internal::ItemContext ctx{input,           impl_->agencies, impl_->deadlines,
                            impl_->measures, impl_->cues,     model};
  internal::AgencyBook book(ctx);
  internal::Walker(ctx, book, begin, end).run();
  internal::read_table_items(ctx, book);
  std::size_t n = 0;
  for (auto& goal : model.goals) goal.id = "goal" + std::to_string(++n);
  n = 0;
  for (auto& target : model.targets) target.id = "target" + std::to_string(++n);
  n = 0;
  for (auto& task : model.tasks) task.id = "task" + std::to_string(++n);
  internal::link_same_items(ctx);
}

}  // namespace vnplan
