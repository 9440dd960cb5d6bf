// The vnplan command line.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "vnplan/vnplan.hpp"

namespace {

constexpr const char* kUsage =
    R"(vnplan: Vietnamese plan documents (Kế hoạch, Chương trình) into structured JSON

Usage:
  vnplan parse [FILE|DIR|-]... [-o OUT] [--jsonl] [--pretty] [--summary] [--grammars DIR]
               [--ocr=auto|always|never]
  vnplan normalize FILE [--grammars DIR] [--ocr=...]
  vnplan render FILE [--ocr=...]
  vnplan restore FILE [--as STATE] [--model FILE] [--grammars DIR] [--ocr=...]
  vnplan --help | --version

parse      Reads each input (a plan file: text, markdown, HTML, DOCX or PDF, or a
           scan: a PNG, TIFF or JPEG image or a PDF without a text layer, read by
           OCR; told apart by content; every text, markdown, HTML, DOCX or PDF file
           under a directory; or - for standard input) and writes its model
           ("vnplan/1" JSON). One input gives one JSON document; several give JSON
           Lines, one input per line.
normalize  Prints the normalised text of FILE: one block (paragraph, heading, item,
           table row) per line, as the later stages see it.
render     Prints the text that spans count bytes of: the file itself for text and
           markdown, the text rendered from it for HTML, DOCX and PDF, the text OCR
           read for a scan.
restore    Prints the text of FILE (as render would) with the diacritics of its
           damaged words restored, line for line; says on standard error how the
           text was judged (clean, stripped, ocr_damaged, mixed) and why.

Options:
  -o, --output OUT   write to OUT instead of standard output
  --jsonl            JSON Lines even for a single input
  --pretty           indent a single JSON document
  --summary          print a short table (targets per horizon, tasks per lead
                     agency, deadlines by year) instead of JSON
  --grammars DIR     grammar directory (default: $VNPLAN_GRAMMARS or the built-in one)
  --restore WHEN     parse: restore diacritics when the text is judged damaged
                     (auto, the default), never, or always (as OCR output)
  --as STATE         restore: treat the text as stripped, ocr_damaged or mixed
                     instead of judging it
  --model FILE       restoration model (default: restore/syllables.lm in the
                     grammar directory)
  --ocr=MODE         OCR of scans with tesseract's Vietnamese model: auto (default:
                     images and PDFs without a text layer), always (also PDFs with
                     one: their pages are read as images), never (refuse scans)

Exit status: 0 all inputs parsed; 1 an input failed (the others still complete,
each error names the file and the line or byte); 2 usage or grammar error.
)";

struct Options {
  std::string command;
  std::vector<std::string> inputs;
  std::string output;
  std::string grammars;
  bool jsonl = false;
  bool pretty = false;
  bool summary = false;
  std::string restore = "auto";
  std::string restore_as;
  std::string model;
  vnplan::ReadOptions read;
};

std::optional<vnplan::OcrMode> ocr_mode(const std::string& name) {
  if (name == "auto") return vnplan::OcrMode::automatic;
  if (name == "always") return vnplan::OcrMode::always;
  if (name == "never") return vnplan::OcrMode::never;
  return std::nullopt;
}

int usage_error(const std::string& message) {
  std::cerr << "vnplan: " << message << "\nTry 'vnplan --help'.\n";
  return 2;
}

// Returns an exit code when parsing the arguments ends the run.
std::optional<int> read_options(int argc, char** argv, Options& options) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)name;
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--version") {
      std::cout << "vnplan " << vnplan::kVersion << " (schema " << vnplan::kSchema << ")\n";
      return 0;
    } else if (arg == "-o" || arg == "--output") {
      auto v = value("-o");
      if (!v) return usage_error(arg + " needs a file name");
      options.output = *v;
    } else if (arg == "--grammars") {
      auto v = value("--grammars");
      if (!v) return usage_error("--grammars needs a directory");
      options.grammars = *v;
    } else if (arg == "--ocr" || arg.rfind("--ocr=", 0) == 0) {
      std::optional<std::string> v =
          arg == "--ocr" ? value("--ocr") : std::optional<std::string>(arg.substr(6));
      if (!v) return usage_error("--ocr needs a mode: auto, always or never");
      auto mode = ocr_mode(*v);
      if (!mode) return usage_error("--ocr: unknown mode '" + *v + "' (auto, always or never)");
      options.read.ocr = *mode;
    } else if (arg == "--restore" || arg == "--as" || arg == "--model") {
      auto v = value(arg.c_str());
      if (!v) return usage_error(arg + " needs a value");
      (arg == "--restore" ? options.restore
       : arg == "--as"    ? options.restore_as
                          : options.model) = *v;
    } else if (arg == "--jsonl") {
      options.jsonl = true;
    } else if (arg == "--pretty") {
      options.pretty = true;
    } else if (arg == "--summary") {
      options.summary = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return usage_error("unknown option '" + arg + "'");
    } else if (options.command.empty()) {
      options.command = arg;
    } else {
      options.inputs.push_back(arg);
    }
  }
  if (options.command != "parse" && options.command != "normalize" && options.command != "render" &&
      options.command != "restore")
    return usage_error("unknown command '" + options.command + "'");
  if (options.restore != "auto" && options.restore != "never" && options.restore != "always")
    return usage_error("--restore takes auto, never or always");
  if (!options.restore_as.empty() && options.restore_as != "stripped" &&
      options.restore_as != "ocr_damaged" && options.restore_as != "mixed")
    return usage_error("--as takes stripped, ocr_damaged or mixed");
  if (options.inputs.empty())
    return usage_error(options.command + " needs an input (a file, a directory or -)");
  if (options.command != "parse" && options.inputs.size() != 1)
    return usage_error(options.command + " takes exactly one file");
  return std::nullopt;
}

int run(const Options& options, std::ostream& out) {
  // `render` prints what the read stage made and needs no grammar: loading it
  // takes longer than rendering a small DOCX or PDF (tools/bench-formats.sh).
  // The legacy-encoding tables are small and loaded for every command.
  std::optional<vnplan::Engine> engine;
  std::shared_ptr<const vnplan::LegacyEncodings> encodings;
  std::string grammars =
      options.grammars.empty() ? vnplan::Grammar::default_directory() : options.grammars;
  try {
    encodings = vnplan::LegacyEncodings::load(grammars);
    if (options.command != "render") {
      vnplan::EngineOptions engine_options;
      engine_options.restore_model = options.model;
      engine_options.restore = options.restore == "never"    ? vnplan::RestoreWhen::never
                               : options.restore == "always" ? vnplan::RestoreWhen::always
                                                             : vnplan::RestoreWhen::automatic;
      engine.emplace(vnplan::Grammar::load(grammars), engine_options);
    }
  } catch (const std::exception& error) {
    std::cerr << "vnplan: grammar error: " << error.what() << "\n";
    return 2;
  }
  vnplan::InputList inputs = vnplan::expand_inputs(options.inputs);
  int status = 0;
  for (const auto& error : inputs.errors) {
    std::cerr << "vnplan: " << error.to_string() << "\n";
    status = 1;
  }
  bool lines = options.jsonl || inputs.paths.size() > 1 || options.inputs.size() > 1;
  for (const auto& path : inputs.paths) {
    vnplan::ReadResult read = vnplan::read_source(path, encodings.get(), options.read);
    if (!read.ok()) {
      std::cerr << "vnplan: " << read.error->to_string() << "\n";
      status = 1;
      continue;
    }
    try {
      if (options.command == "render") {
        out << read.file->bytes;
      } else if (options.command == "normalize") {
        out << engine->normalise(*read.file).joined();
      } else if (options.command == "restore") {
        vnplan::TextState state = engine->assess(*read.file);
        if (!options.restore_as.empty())
          state.kind = options.restore_as == "stripped" ? vnplan::TextStateKind::stripped
                       : options.restore_as == "mixed"  ? vnplan::TextStateKind::mixed
                                                        : vnplan::TextStateKind::ocr_damaged;
        std::cerr << "vnplan: " << path << ": " << state.describe() << "\n";
        auto changes = engine->restorer().restore(read.file->bytes, state.kind);
        out << vnplan::Restorer::apply(read.file->bytes, changes);
      } else {
        vnplan::ParseResult result = engine->parse(*read.file);
        read.file.reset();  // the model no longer needs the input bytes
        if (options.summary) {
          vnplan::write_summary(result, out);
        } else {
          vnplan::write_json(result, options.pretty && !lines, out);
        }
        out << "\n";
      }
      out.flush();
    } catch (const std::exception& error) {
      std::cerr << "vnplan: " << path << ": internal error: " << error.what() << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace

// Opens the -o file on the first write, so that a run in which every input
// fails leaves an existing file as it was.
class LazyFile : public std::streambuf {
 public:
  explicit LazyFile(std::string path) : path_(std::move(path)) {}
  bool failed() const { return failed_; }

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    if (!open()) return 0;
    file_.write(data, size);
    return file_ ? size : 0;
  }
  int overflow(int c) override {
    if (c == traits_type::eof()) return 0;
    char ch = static_cast<char>(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  int sync() override { return file_.is_open() && !file_.flush() ? -1 : 0; }

 private:
  bool open() {
    if (file_.is_open()) return true;
    if (failed_) return false;
    file_.open(path_, std::ios::binary | std::ios::trunc);
    if (!file_) {
      failed_ = true;
      std::cerr << "vnplan: " << path_ << ": cannot open for writing\n";
    }
    return !failed_;
  }
  std::string path_;
  std::ofstream file_;
  bool failed_ = false;
};

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  Options options;
  if (auto code = read_options(argc, argv, options)) return *code;
  if (options.output.empty()) return run(options, std::cout);
  LazyFile file(options.output);
  std::ostream out(&file);
  int status = run(options, out);
  out.flush();
  return file.failed() ? 2 : status;
}
