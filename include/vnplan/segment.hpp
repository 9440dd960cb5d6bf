// Stage 3, segment: each block with its folded view and its structural marker.
#pragma once

#include <string>
#include <vector>

#include "vnplan/text.hpp"

namespace vnplan {

enum class MarkerType { none, appendix, part, roman, arabic, letter, paren, bullet };

const char* marker_type_name(MarkerType type);

struct Marker {
  MarkerType type = MarkerType::none;
  std::string text;    // as written, e.g. "Il.", "2.1.", "đ)"
  std::string number;  // canonical: "II", "2.1", "đ", "(1)", "-"; "" for a bare "PHỤ LỤC"
  int value = 0;       // Roman/letter/number value of the last level, for order checks
  int depth = 1;       // levels of an Arabic number ("2.2.1" → 3)
  std::size_t content_start = 0;  // byte in the block text where the title starts
};

// A block ready for the structure stage.
struct Unit {
  std::size_t block = 0;
  Marker marker;
  // Folded view of the block text. Its byte origins are not kept (four bytes per
  // byte, for every block); StructureInput::to_text folds again when it needs one.
  std::string folded;
  // The block held only a marker ("a)", "II.") that OCR read apart from its
  // text; the marker now opens the block it belongs to (see Segmenter::run).
  bool marker_moved = false;
};

struct SegmentedText {
  NormalisedText text;
  std::vector<Unit> units;  // one per block, same order
  // Characters the contextual OCR folds changed, and the bytes of text looked
  // at: a text with many ("C6 > 60%", "s6", "Pang uy") is OCR output, where
  // ">" and "=" before a number stand for "≥".
  std::size_t ocr_folds = 0;
  std::size_t text_bytes = 0;
  // Set by the engine when the restore stage judged the text OCR output (or
  // partly so): restoration mends the words, so few folds are left to count.
  bool judged_ocr = false;
  bool looks_ocr() const;
  const Block& block(const Unit& unit) const { return text.blocks[unit.block]; }
};

class Segmenter {
 public:
  Segmenter(const Grammar& grammar, const Folder& folder);
  // `judged_ocr`: the restore stage judged the text OCR output (see
  // SegmentedText::judged_ocr).
  SegmentedText run(NormalisedText text, bool judged_ocr = false) const;

 private:
  const Grammar& grammar_;
  const Folder& folder_;
};

// The value of an upper-case Roman number ("IV" → 4); 0 when it is not one.
int roman_value(std::string_view upper);

// A Roman number as written, in capitals, with OCR's forms read back: each
// character listed in `misread` (structure/roman_letters: l, 1, | → I, h → II)
// is the letters it stands for ("Il" → "II", "HI" → "III"). For roman_value.
std::string canonical_roman(std::string_view written, const std::vector<Entry>& misread);

}  // namespace vnplan
