// Stage 5, extract: the readers that turn phrases into data. They work on one
// phrase of normalised text at a time (an assignment list, a deadline clause)
// and return byte ranges into that phrase, so callers can map every result
// back to the original input. All words and patterns come from grammars/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/grammar.hpp"
#include "vnplan/model.hpp"
#include "vnplan/text.hpp"

namespace vnplan {

// A registry entry: one agency with its canonical name and known spellings.
struct AgencyInfo {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;  // state | party | party_committee | mass_organisation | group | enterprise |
                     // person | unknown
  std::optional<std::string> level;      // central | province | district | commune
  std::optional<std::string> successor;  // id after the 2025 mergers
  std::optional<std::string> parent;     // party committee: the agency it sits in
};

// One agency name found in a phrase: [begin, end) are bytes of that phrase.
struct AgencyName {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;  // the phrase bytes [begin, end), trimmed
  AgencyInfo info;   // resolved; kind "unknown" when the registry has no match
  bool known() const { return info.kind != "unknown"; }
};

// How names are spelled in the text read. In OCR text one word of a name of
// three words or more may be one edit away from the registry's ("Sở Tài
// nguyên và Môi trudng"): not a one-letter word, not a word that some name
// spells as it is, and the first word only right after a head ("Đảng ủy").
enum class Spelling { exact, ocr };

// The agency registry of grammars/agencies/ and the readers built on it.
class AgencyRegistry {
 public:
  AgencyRegistry(const Grammar& grammar, const Folder& folder);
  ~AgencyRegistry();
  AgencyRegistry(const AgencyRegistry&) = delete;
  AgencyRegistry& operator=(const AgencyRegistry&) = delete;

  // The entry a name resolves to ("UBND tỉnh", "Ủy ban nhân dân tỉnh" → one id;
  // "Đảng ủy Sở Tài chính" → the party committee of Sở Tài chính). An unknown
  // name gets kind "unknown" and an id made from its folded text.
  AgencyInfo resolve(std::string_view name, Spelling spelling = Spelling::exact) const;

  // An assignment list split into agencies: "Sở Tài chính, Sở Khoa học và Công
  // nghệ và các sở, ngành có liên quan" → two agencies and one group. Words
  // that only tie the list together ("phối hợp với", "và", "các ... liên quan"
  // endings kept with their group) are not agencies.
  std::vector<AgencyName> split_list(std::string_view phrase,
                                     Spelling spelling = Spelling::exact) const;

  // The agency that opens a sentence ("Sở Khoa học và Công nghệ chủ trì ...",
  // "Các huyện, thị, thành ủy cập nhật ..."): the subject, when it is one.
  // A list of subjects ("Sở A, Sở B tham mưu") gives several.
  std::vector<AgencyName> subject(std::string_view sentence,
                                  Spelling spelling = Spelling::exact) const;

  // Every agency named anywhere in a text (for mentions).
  std::vector<AgencyName> find_all(std::string_view text,
                                   Spelling spelling = Spelling::exact) const;

  // The registry entry with this id, or nullptr.
  const AgencyInfo* find(const std::string& id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads deadlines ("Thời gian thực hiện: Trong tháng 7/2025 (nội dung đã hoàn
// thành)", "ban hành trước ngày 07/5/2025", "Hằng năm") with
// grammars/extract/deadlines.re.tsv.
class DeadlineReader {
 public:
  DeadlineReader(const Grammar& grammar, const Folder& folder);
  ~DeadlineReader();
  DeadlineReader(const DeadlineReader&) = delete;
  DeadlineReader& operator=(const DeadlineReader&) = delete;

  // The whole phrase is a deadline (the value of a "Thời gian thực hiện:" line).
  // `span` of the result is left empty for the caller to fill.
  Deadline read(std::string_view phrase) const;

  // A deadline inside a sentence, if the sentence holds one: its byte range
  // in `sentence` and the reading.
  struct Found {
    std::size_t begin = 0;
    std::size_t end = 0;
    Deadline deadline;
  };
  std::optional<Found> find(std::string_view sentence) const;

  // Whether a phrase says the work is already done ("(nội dung đã hoàn thành)").
  bool says_done(std::string_view phrase) const;

  // The same two on text already folded (a unit's folded view), for callers
  // that have it: find's range in folded bytes, and says_done.
  std::optional<std::pair<std::size_t, std::size_t>> locate(std::string_view folded_sentence) const;
  bool folded_says_done(std::string_view folded_phrase) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct StructureInput;

// Goals, targets and tasks of one document, with their assignments, deadlines
// and the agencies they name (see docs/model.md for the rules). Owns the
// readers above; built once per engine.
class ItemExtractor {
 public:
  ItemExtractor(const Grammar& grammar, const Folder& folder);
  ~ItemExtractor();
  ItemExtractor(const ItemExtractor&) = delete;
  ItemExtractor& operator=(const ItemExtractor&) = delete;

  // Reads units [begin, end) of `input` into model.goals, targets, tasks and
  // agencies; model.sections must be built already.
  void run(const StructureInput& input, std::size_t begin, std::size_t end,
           DocumentModel& model) const;

  const AgencyRegistry& agencies() const;
  const DeadlineReader& deadlines() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnplan
