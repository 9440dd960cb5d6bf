// vnplan-bench: throughput and peak memory of the engine on the real corpora.
//
// Builds one input from every corpus file (*.txt and *.md in the corpus
// directory, README.md excepted, in name order) repeated N times, then times,
// on one core:
//   check      vnplan::check_source (UTF-8 checks, SHA-256)
//   normalise  vnplan::Engine::normalise
//   parse      vnplan::Engine::parse (all stages: normalise to model; damaged
//              text, here the OCR document, restored as by default)
//   parse -R   the same with restoration off (--restore never)
//   parse+json parse, then vnplan::write_json (the work of `vnplan parse` after reading)
//   restore    vnplan::Restorer::restore on the corpus with its diacritics stripped
//              (ICU: NFD, marks removed, đ→d), repeated --restore-repeat times
// and reports the peak resident memory (getrusage ru_maxrss) after each.
//
//   vnplan-bench [CORPUS_DIR] [--repeat N] [--grammars DIR] [--check]
//
// MB are 10^6 bytes. With --check the exit status is 1 when a target is missed.
#include <sys/resource.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "vnplan/vnplan.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double kTargetMBps = 20.0;
constexpr double kTargetBaseMB = 60.0;
constexpr double kTargetPerInputByte = 10.0;
constexpr double kTargetRestoreMBps = 1.0;

// The text as typed without an input method: every mark gone, đ written d.
std::string stripped(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> strip(icu::Transliterator::createFromRules(
      "strip", icu::UnicodeString::fromUTF8("::NFD; [:Nonspacing Mark:] > ; đ > d; Đ > D; ::NFC;"),
      UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status)) throw std::runtime_error("cannot build the strip transform");
  std::string out;
  std::size_t start = 0;  // line by line: ICU rewrites a long string in place, slowly
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    icu::UnicodeString line = icu::UnicodeString::fromUTF8(text.substr(start, end - start));
    strip->transliterate(line);
    line.toUTF8String(out);
    start = end;
  }
  return out;
}

constexpr const char* kUsage =
    "usage: vnplan-bench [CORPUS_DIR] [--repeat N] [--grammars DIR] [--check]\n"
    "  CORPUS_DIR      directory of .txt/.md corpus files (default: corpora)\n"
    "  --repeat N      repeat the concatenated corpus N times (default: 100)\n"
    "  --grammars DIR  grammar directory (default: grammars)\n"
    "  --restore-repeat N  repeat the stripped corpus N times for restore (default: 2)\n"
    "  --check         exit 1 when a target is missed\n";

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6;  // ru_maxrss is in KiB on Linux
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Row {
  std::string stage;
  double seconds = 0;
  double peak_mb = 0;
};

template <typename F>
Row measure(const std::string& stage, F&& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  auto stop = std::chrono::steady_clock::now();
  return {stage, std::chrono::duration<double>(stop - start).count(), peak_rss_mb()};
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir = "corpora";
  std::string grammar_dir = "grammars";
  long repeat = 100;
  long restore_repeat = 2;
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--repeat" && i + 1 < argc) {
      char* end = nullptr;
      repeat = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || repeat < 1) {
        std::cerr << "vnplan-bench: --repeat needs a positive number\n" << kUsage;
        return 2;
      }
    } else if (arg == "--restore-repeat" && i + 1 < argc) {
      restore_repeat = std::max(1L, std::strtol(argv[++i], nullptr, 10));
    } else if (arg == "--grammars" && i + 1 < argc) {
      grammar_dir = argv[++i];
    } else if (arg == "--check") {
      check = true;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "vnplan-bench: unknown or incomplete option '" << arg << "'\n" << kUsage;
      return 2;
    } else {
      corpus_dir = arg;
    }
  }

  try {
    // The corpus files, in name order.
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus_dir)) {
      if (!entry.is_regular_file()) continue;
      const fs::path& path = entry.path();
      std::string extension = path.extension().string();
      if ((extension == ".txt" || extension == ".md") && path.filename() != "README.md")
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      std::cerr << "vnplan-bench: " << corpus_dir << ": no .txt or .md corpus file\n";
      return 1;
    }

    // One pass over the corpus; a newline ends each file that lacks one, so
    // files do not run into each other.
    std::string corpus;
    for (const auto& path : files) {
      corpus += read_file(path);
      if (!corpus.empty() && corpus.back() != '\n') corpus += '\n';
    }
    std::uint64_t total = static_cast<std::uint64_t>(corpus.size()) * repeat;
    if (total >= (std::uint64_t{1} << 32)) {
      std::cerr << "vnplan-bench: " << total
                << " bytes: too large (the engine's offsets are 32-bit); lower --repeat\n";
      return 2;
    }
    std::string input;
    input.reserve(total);
    for (long r = 0; r < repeat; ++r) input += corpus;
    std::string damaged;
    {
      std::string plain = stripped(corpus);
      for (long r = 0; r < restore_repeat; ++r) damaged += plain;
    }
    corpus.clear();
    corpus.shrink_to_fit();
    const double input_mb = static_cast<double>(input.size()) / 1e6;

    auto grammar = vnplan::Grammar::load(grammar_dir);
    vnplan::Engine engine(grammar);
    // The restoration model is loaded once per engine, before the first
    // damaged text: load it here, so that parse times the parsing.
    engine.restorer();
    vnplan::EngineOptions without_restoration;
    without_restoration.restore = vnplan::RestoreWhen::never;
    vnplan::Engine plain_engine(grammar, without_restoration);
    const double baseline_mb = peak_rss_mb();

    std::vector<Row> rows;
    std::optional<vnplan::SourceFile> source;
    rows.push_back(measure("check", [&] {
      vnplan::ReadResult read = vnplan::check_source(
          "bench-input (" + std::to_string(repeat) + "x corpus)", std::move(input));
      if (!read.ok()) throw std::runtime_error(read.error->to_string());
      source = std::move(*read.file);
    }));

    std::size_t blocks = 0;
    rows.push_back(measure("normalise", [&] { blocks = engine.normalise(*source).blocks.size(); }));

    std::size_t documents = 0, sections = 0, tables = 0, references = 0, diagnostics = 0;
    rows.push_back(measure("parse", [&] {
      vnplan::ParseResult result = engine.parse(*source);
      documents = result.documents.size();
      diagnostics = result.diagnostics.size();
      for (const auto& document : result.documents) {
        sections += document.sections.size();
        tables += document.tables.size();
        references += document.document.references.size();
      }
    }));

    // The same without restoration (--restore never): the corpus has an OCR
    // document, whose restoration is most of the time above.
    rows.push_back(measure("parse -R", [&] { plain_engine.parse(*source); }));

    // What `vnplan parse FILE -o OUT` does after reading: parse, then write the
    // JSON (streamed; here into a stream that only counts the bytes).
    std::size_t json_bytes = 0;
    rows.push_back(measure("parse+json", [&] {
      struct Counter : std::streambuf {
        std::size_t count = 0;
        std::streamsize xsputn(const char*, std::streamsize n) override {
          count += static_cast<std::size_t>(n);
          return n;
        }
        int overflow(int c) override {
          ++count;
          return c;
        }
      } counter;
      std::ostream sink(&counter);
      vnplan::write_json(engine.parse(*source), false, sink);
      json_bytes = counter.count;
    }));

    const double peak_mb = peak_rss_mb();
    // Restoration, on the same core, the model loaded beforehand.
    const vnplan::Restorer& restorer = engine.restorer();
    std::size_t restored = 0;
    Row restore_row = measure("restore", [&] {
      restored = restorer.restore(damaged, vnplan::TextStateKind::stripped).size();
    });
    const double damaged_mb = static_cast<double>(damaged.size()) / 1e6;
    const double peak_target_mb = kTargetBaseMB + kTargetPerInputByte * input_mb;
    double parse_mbps = 0;

    std::printf("vnplan-bench %s: %zu corpus files from %s, repeated %ld times\n", vnplan::kVersion,
                files.size(), corpus_dir.c_str(), repeat);
    std::printf("input: %.1f MB (%zu bytes, %s)\n", input_mb, source->bytes.size(),
                vnplan::format_name(source->format));
    std::printf("peak RSS before the input was checked: %.1f MB (input + engine)\n\n", baseline_mb);
    std::printf("%-11s %10s %10s %12s %14s\n", "stage", "input MB", "seconds", "MB/s",
                "peak RSS MB");
    for (const auto& row : rows) {
      double mbps = row.seconds > 0 ? input_mb / row.seconds : 0;
      if (row.stage == "parse") parse_mbps = mbps;
      std::printf("%-11s %10.1f %10.3f %12.2f %14.1f\n", row.stage.c_str(), input_mb, row.seconds,
                  mbps, row.peak_mb);
    }
    double restore_mbps = restore_row.seconds > 0 ? damaged_mb / restore_row.seconds : 0;
    std::printf("%-11s %10.1f %10.3f %12.2f %14.1f\n", restore_row.stage.c_str(), damaged_mb,
                restore_row.seconds, restore_mbps, restore_row.peak_mb);
    std::printf(
        "\nrestore: %zu words rewritten in the stripped corpus\n"
        "result: %zu blocks, %zu documents, %zu sections, %zu tables, %zu references, "
        "%zu diagnostics\n",
        restored, blocks, documents, sections, tables, references, diagnostics);
    std::printf("peak RSS: %.1f MB (%.1f x input)\n", peak_mb, peak_mb / input_mb);
    bool speed_ok = parse_mbps >= kTargetMBps;
    bool memory_ok = peak_mb <= peak_target_mb;
    std::printf("target: >= %.0f MB/s parse, one core: %.2f MB/s %s\n", kTargetMBps, parse_mbps,
                speed_ok ? "(met)" : "(NOT met)");
    std::printf("target peak <= %.0f MB + %.0f x input = %.1f MB: %.1f MB %s\n", kTargetBaseMB,
                kTargetPerInputByte, peak_target_mb, peak_mb, memory_ok ? "(met)" : "(NOT met)");
    bool restore_ok = restore_mbps >= kTargetRestoreMBps;
    std::printf("target: >= %.0f MB/s restore, one core: %.2f MB/s %s\n", kTargetRestoreMBps,
                restore_mbps, restore_ok ? "(met)" : "(NOT met)");
    return check && !(speed_ok && memory_ok && restore_ok) ? 1 : 0;
  } catch (const std::exception& error) {
    std::cerr << "vnplan-bench: " << error.what() << "\n";
    return 1;
  }
}
