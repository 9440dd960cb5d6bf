// vnplan: Vietnamese government plan documents into structured data.
//
// The pipeline, one stage per folder under src/:
//   read       bytes, checked (UTF-8, not binary, not empty)        → SourceFile
//   normalise  clean lines, join hard wraps, drop page furniture    → NormalisedText
//   segment    fold each block for matching, read its marker        → SegmentedText
//   structure  documents, header, footer, section tree, tables      → DocumentModel
//   extract    references (later: goals, targets, tasks, agencies)  → DocumentModel
//   model      assemble the result, coverage, diagnostics           → ParseResult
//   export     JSON ("vnplan/1")                                    → text
//
// Typical use:
//   auto engine = vnplan::Engine(vnplan::Grammar::load(dir));
//   vnplan::ReadResult read = vnplan::read_source("plan.md");
//   if (read.ok()) std::cout << vnplan::to_json(engine.parse(*read.file), true);
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "vnplan/encoding.hpp"
#include "vnplan/grammar.hpp"
#include "vnplan/model.hpp"
#include "vnplan/restore.hpp"
#include "vnplan/source.hpp"
#include "vnplan/text.hpp"

namespace vnplan {

inline constexpr const char* kVersion = "0.1.0";
inline constexpr const char* kSchema = "vnplan/1";

// When parse restores diacritics: when the text is judged damaged (stripped,
// OCR-damaged or mixed), never, or always (every word read as OCR output).
enum class RestoreWhen { automatic, never, always };

struct EngineOptions {
  RestoreWhen restore = RestoreWhen::automatic;
  std::string restore_model;  // "" → restore/syllables.lm in the grammar directory
};

// Holds the loaded grammar and the ICU objects built from it; reuse one Engine
// for many inputs. Not thread-safe: use one Engine per thread.
class Engine {
 public:
  explicit Engine(std::shared_ptr<const Grammar> grammar, EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  ParseResult parse(const SourceFile& source) const;
  // `ocr_text` as in Normaliser::run.
  NormalisedText normalise(const SourceFile& source, bool ocr_text = false) const;
  // How damaged the text of `source` is (see restore.hpp); loads the model.
  TextState assess(const SourceFile& source) const;
  // The restorer parse uses (loads the model on first use; throws GrammarError
  // when the model file is missing or bad).
  const Restorer& restorer() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The model as JSON text: one document (pretty or compact, one line).
std::string to_json(const ParseResult& result, bool pretty);
// The same, written to `out` as it is produced (no whole-document string).
void write_json(const ParseResult& result, bool pretty, std::ostream& out);
// A short table for people who read rather than parse: targets per horizon,
// tasks per lead agency, deadlines by year (`vnplan parse --summary`).
void write_summary(const ParseResult& result, std::ostream& out);

}  // namespace vnplan
