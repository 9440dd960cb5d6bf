// vnplan-eval: how well vnplan restores damaged text, and how well it parses it.
//
// For each damaged file listed in tests/fixtures/damaged/documents.tsv (made by
// tools/make-damaged-corpora.sh: a stripped and a tesseract-eng OCR version of
// each clean corpus document), leave-one-document-out:
//   1. the model builder makes a model without the document
//      (build-model.sh --out MODEL --exclude NAME);
//   2. `vnplan restore --model MODEL FILE` restores the damaged file, and its
//      syllables are compared with the clean text's (tools/eval/syllables.hpp);
//   3. `vnplan parse --model MODEL FILE` is compared with `vnplan parse CLEAN`:
//      F1 of targets and of tasks (tools/eval/plan_items.hpp).
// The damaged file as it is (no restoration, no model) is scored the same way:
// the baseline. A markdown report goes to standard output, progress to
// standard error. Exit status: 0 done, 1 a command or a file failed, 2 usage.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "plan_items.hpp"
#include "syllables.hpp"
#include "vnplan/text.hpp"
#include "vnplan/vnplan.hpp"

namespace {

namespace fs = std::filesystem;
using vnplan::eval::Accuracy;
using vnplan::eval::PlanItems;

constexpr const char* kUsage =
    R"(vnplan-eval: syllable accuracy of diacritic restoration and parse F1 on damaged text

Usage:
  vnplan-eval [--vnplan BIN] [--build-model SCRIPT] [--quick | --only NAME...]
              [--baseline-only] [--baseline-flag ARG]... [--work DIR] [--reuse-models]
              [--fixtures DIR] [--root DIR] [--grammars DIR] [--errors N]
  vnplan-eval --compare CLEAN.json OTHER.json [--grammars DIR]

For each document of FIXTURES/documents.tsv, leave-one-document-out: builds a
model without it (SCRIPT --out MODEL --exclude NAME), restores its damaged
versions (BIN restore --model MODEL FILE) and compares their syllables with the
clean text; parses them (BIN parse --model MODEL FILE) and compares targets and
tasks with the parse of the clean text (BIN parse CLEAN). The damaged text as it
is gives the baseline. Writes a markdown report to standard output.

With --compare, scores one parse against another (two outputs of `vnplan
parse`, e.g. of a clean plan and of its scan) the same way, and lists the items
of each that the other lacks: how to measure a document that is not a fixture.

Options:
  --vnplan BIN         the vnplan binary (default: vnplan next to this program)
  --build-model SCRIPT the model builder (default: ROOT/tools/restore/build-model.sh)
  --quick              only the first document of the list
  --only NAME          only this document (repeatable; NAME as in documents.tsv)
  --baseline-only      no model, no restoration: only the damaged text as it is
  --baseline-flag ARG  added to the `vnplan parse` of the baseline and of the
                       clean text (repeatable; e.g. a switch that turns
                       restoration off once parse restores by itself)
  --reuse-models       use WORK/NAME.model when it is there (a model depends on
                       the training texts and the builder, not on the restorer)
  --work DIR           keep models, restored texts and parses in DIR (default:
                       a temporary directory, removed at the end)
  --fixtures DIR       damaged files and documents.tsv (default: ROOT/tests/fixtures/damaged)
  --root DIR           the repository, where documents.tsv's clean paths start
                       (default: the source tree this program was built from)
  --grammars DIR       grammar directory (folding, tone placement)
  --errors N           how many of the most frequent restoration errors to list (default 20)
)";

struct Options {
  std::string vnplan, build_model, fixtures, root = VNPLAN_SOURCE_DIR, grammars, work;
  std::vector<std::string> only, baseline_flags, compare;
  bool quick = false, baseline_only = false, reuse_models = false;
  std::size_t errors = 20;
};

int usage_error(const std::string& message) {
  std::cerr << "vnplan-eval: " << message << "\nTry 'vnplan-eval --help'.\n";
  return 2;
}

std::string directory_of_this_program() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? std::string(".") : self.parent_path().string();
}

std::optional<int> read_options(int argc, char** argv, Options& options) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    std::string* target = nullptr;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--quick") {
      options.quick = true;
      continue;
    } else if (arg == "--baseline-only") {
      options.baseline_only = true;
      continue;
    } else if (arg == "--reuse-models") {
      options.reuse_models = true;
      continue;
    }
    auto v = value();
    if (!v) {
      if (arg.rfind("--", 0) == 0) return usage_error(arg + " needs a value, or is unknown");
      return usage_error("unexpected argument '" + arg + "'");
    }
    if (arg == "--vnplan") target = &options.vnplan;
    if (arg == "--build-model") target = &options.build_model;
    if (arg == "--fixtures") target = &options.fixtures;
    if (arg == "--root") target = &options.root;
    if (arg == "--grammars") target = &options.grammars;
    if (arg == "--work") target = &options.work;
    if (target) {
      *target = *v;
    } else if (arg == "--only") {
      options.only.push_back(*v);
    } else if (arg == "--compare") {
      auto other = value();
      if (!other) return usage_error("--compare needs two files");
      options.compare = {*v, *other};
    } else if (arg == "--baseline-flag") {
      options.baseline_flags.push_back(*v);
    } else if (arg == "--errors") {
      char* end = nullptr;
      unsigned long n = std::strtoul(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0') return usage_error("--errors needs a number");
      options.errors = n;
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  if (options.quick && !options.only.empty())
    return usage_error("--quick and --only exclude each other");
  if (options.vnplan.empty()) options.vnplan = directory_of_this_program() + "/vnplan";
  if (options.build_model.empty())
    options.build_model = options.root + "/tools/restore/build-model.sh";
  if (options.fixtures.empty()) options.fixtures = options.root + "/tests/fixtures/damaged";
  if (options.grammars.empty()) options.grammars = vnplan::Grammar::default_directory();
  return std::nullopt;
}

// ---------------------------------------------------------------- files and commands

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t line_count(const std::string& text) {
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return lines + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

std::string shell_quoted(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& arg : argv) {
    bool plain = !arg.empty() && arg.find_first_not_of(
                                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "0123456789-_./=:+,") == std::string::npos;
    std::string quoted = "'";
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += (out.empty() ? "" : " ") + (plain ? arg : quoted + "'");
  }
  return out;
}

std::string last_lines(const std::string& path, std::size_t count) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string out;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
    out += "    " + lines[i] + "\n";
  return out;
}

// Runs argv with standard output into `output` and standard error into
// `errors`; the seconds it took. Throws, naming the command and quoting its
// last words, when it cannot start or ends with a status other than 0.
double run(const std::vector<std::string>& argv, const std::string& output,
           const std::string& errors) {
  std::cerr << "  $ " << shell_quoted(argv) << " > " << output << "\n";
  auto start = std::chrono::steady_clock::now();
  pid_t child = fork();
  if (child < 0) throw std::runtime_error("cannot fork: " + std::string(std::strerror(errno)));
  if (child == 0) {
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    if (!std::freopen(output.c_str(), "wb", stdout) || !std::freopen(errors.c_str(), "wb", stderr))
      _exit(126);
    execvp(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waitpid: " + std::string(std::strerror(errno)));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return seconds;
  std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                      : "signal " + std::to_string(WTERMSIG(status));
  throw std::runtime_error("command failed (" + how + "): " + shell_quoted(argv) +
                           "\n  its standard error ends with:\n" + last_lines(errors, 8));
}

// ---------------------------------------------------------------- the list of damaged files

struct Damaged {
  std::string name;   // the document, as in the corpus file name
  std::string kind;   // "stripped", "ocr-eng": the damaged file is NAME.KIND.txt
  std::string path;   // the damaged file
  std::string clean;  // the clean text it is compared with
  bool one_to_one() const { return kind == "stripped"; }
};

std::vector<Damaged> read_list(const Options& options) {
  std::string list_path = options.fixtures + "/documents.tsv";
  std::istringstream list(read_file(list_path));
  std::vector<Damaged> out;
  std::size_t number = 0;
  for (std::string line; std::getline(list, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
    std::string where = list_path + ":" + std::to_string(number);
    if (fields.size() != 3) throw std::runtime_error(where + ": expected 3 tab-separated fields");
    const std::string& file = fields[1];
    std::string prefix = fields[0] + ".";
    if (file.rfind(prefix, 0) != 0 || file.size() < prefix.size() + 5 ||
        file.compare(file.size() - 4, 4, ".txt") != 0)
      throw std::runtime_error(where + ": the damaged file should be named NAME.KIND.txt");
    out.push_back({fields[0], file.substr(prefix.size(), file.size() - prefix.size() - 4),
                   options.fixtures + "/" + file, options.root + "/" + fields[2]});
  }
  return out;
}

std::vector<std::string> names_in_order(const std::vector<Damaged>& list) {
  std::vector<std::string> names;
  for (const auto& entry : list)
    if (std::find(names.begin(), names.end(), entry.name) == names.end())
      names.push_back(entry.name);
  return names;
}

// ---------------------------------------------------------------- scores

PlanItems items_of_file(const std::string& path, const vnplan::Folder& folder) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(path + ": not JSON: " + error.what());
  }
  return vnplan::eval::items_of_json(json, folder);
}

struct F1Count {
  std::size_t common = 0, total = 0;  // keys in common; keys of both sides
  F1Count& operator+=(const F1Count& o) {
    common += o.common;
    total += o.total;
    return *this;
  }
  double value() const {
    return total == 0 ? 1.0 : 2.0 * static_cast<double>(common) / static_cast<double>(total);
  }
};

struct ParseScore {
  F1Count targets, tasks;              // folded keys, as tests/corpus/formats_test.cpp
  F1Count exact_targets, exact_tasks;  // keys with the text as written (diacritics count)
  F1Count close_targets, close_tasks;  // same fields, folded texts close (plan_items.hpp)
  ParseScore& operator+=(const ParseScore& o) {
    targets += o.targets;
    tasks += o.tasks;
    exact_targets += o.exact_targets;
    exact_tasks += o.exact_tasks;
    close_targets += o.close_targets;
    close_tasks += o.close_tasks;
    return *this;
  }
};

F1Count count(const vnplan::eval::Keys& clean, const vnplan::eval::Keys& damaged) {
  return {vnplan::eval::common_count(clean, damaged),
          vnplan::eval::size_of(clean) + vnplan::eval::size_of(damaged)};
}

F1Count close_count(const std::vector<vnplan::eval::ItemRecord>& clean,
                    const std::vector<vnplan::eval::ItemRecord>& damaged) {
  return {vnplan::eval::close_common_count(clean, damaged), clean.size() + damaged.size()};
}

ParseScore score(const PlanItems& clean, const PlanItems& damaged) {
  return {count(clean.targets, damaged.targets),
          count(clean.tasks, damaged.tasks),
          count(clean.exact_targets, damaged.exact_targets),
          count(clean.exact_tasks, damaged.exact_tasks),
          close_count(clean.target_records, damaged.target_records),
          close_count(clean.task_records, damaged.task_records)};
}

struct Row {
  std::string name, kind;
  std::size_t clean_targets = 0, clean_tasks = 0;
  Accuracy as_is;
  ParseScore parse_as_is;
  std::optional<Accuracy> restored;
  std::optional<ParseScore> parse_restored;
  bool one_to_one = false;              // compared token for token (stripped text)
  bool aligned_not_one_to_one = false;  // a stripped text whose restoration changed the tokens
  std::size_t damaged_lines = 0, restored_lines = 0;
  double restore_seconds = 0;
  std::size_t bytes = 0;
};

class Evaluation {
 public:
  explicit Evaluation(const Options& options)
      : options_(options),
        grammar_(vnplan::Grammar::load(options.grammars)),
        folder_(*grammar_),
        tokeniser_(*grammar_) {}

  std::vector<Row> run_all(const std::vector<Damaged>& list,
                           const std::vector<std::string>& names) {
    std::vector<Row> rows;
    for (const auto& name : names) {
      std::cerr << "vnplan-eval: " << name << "\n";
      std::optional<std::string> model;
      if (!options_.baseline_only) model = build_model(name);
      for (const auto& entry : list)
        if (entry.name == name) rows.push_back(evaluate(entry, model));
    }
    return rows;
  }

  std::map<std::string, std::map<std::pair<std::string, std::string>, std::size_t>> confusions;

 private:
  std::string work(const std::string& file) const { return options_.work + "/" + file; }

  std::string build_model(const std::string& name) {
    std::string model = work(name + ".model");
    if (options_.reuse_models && fs::exists(model)) return model;
    run({options_.build_model, "--out", model, "--exclude", name}, work(name + ".model.log"),
        work(name + ".model.err"));
    return model;
  }

  PlanItems parse(std::vector<std::string> argv, const std::string& output) {
    argv.insert(argv.begin(), {options_.vnplan, "parse"});
    run(argv, output, output + ".err");
    return items_of_file(output, folder_);
  }

  PlanItems baseline_parse(const std::string& file, const std::string& output) {
    std::vector<std::string> argv = options_.baseline_flags;
    argv.push_back(file);
    return parse(argv, output);
  }

  const std::vector<vnplan::eval::Token>& clean_tokens(const std::string& clean) {
    auto found = clean_tokens_.find(clean);
    if (found == clean_tokens_.end())
      found = clean_tokens_.emplace(clean, tokeniser_.tokens(read_file(clean))).first;
    return found->second;
  }

  const PlanItems& clean_items(const std::string& clean) {
    auto found = clean_items_.find(clean);
    if (found == clean_items_.end()) {
      std::string output = work(fs::path(clean).filename().string() + ".clean.json");
      found = clean_items_.emplace(clean, baseline_parse(clean, output)).first;
    }
    return found->second;
  }

  Row evaluate(const Damaged& entry, const std::optional<std::string>& model) {
    Row row;
    row.name = entry.name;
    row.kind = entry.kind;
    row.one_to_one = entry.one_to_one();
    const auto& clean = clean_tokens(entry.clean);
    const PlanItems& clean_parse = clean_items(entry.clean);
    row.clean_targets = clean_parse.target_count;
    row.clean_tasks = clean_parse.task_count;

    std::string damaged_text = read_file(entry.path);
    row.bytes = damaged_text.size();
    row.damaged_lines = line_count(damaged_text);
    auto damaged = tokeniser_.tokens(damaged_text);
    if (entry.one_to_one()) {
      auto accuracy = vnplan::eval::compare_one_to_one(clean, damaged);
      if (!accuracy)
        throw std::runtime_error(entry.path + ": not as many tokens as " + entry.clean +
                                 " (remake it with tools/make-damaged-corpora.sh)");
      row.as_is = *accuracy;
    } else {
      row.as_is = vnplan::eval::compare_by_alignment(clean, damaged);
    }
    std::string stem = entry.name + "." + entry.kind;
    row.parse_as_is = score(clean_parse, baseline_parse(entry.path, work(stem + ".json")));
    if (!model) return row;

    std::string restored_path = work(stem + ".restored.txt");
    row.restore_seconds = run({options_.vnplan, "restore", "--model", *model, entry.path},
                              restored_path, restored_path + ".err");
    std::string restored_text = read_file(restored_path);
    row.restored_lines = line_count(restored_text);
    auto restored = tokeniser_.tokens(restored_text);
    vnplan::eval::Confusions errors;
    std::optional<Accuracy> accuracy;
    if (entry.one_to_one()) accuracy = vnplan::eval::compare_one_to_one(clean, restored, &errors);
    if (!accuracy) {
      row.aligned_not_one_to_one = entry.one_to_one();
      accuracy = vnplan::eval::compare_by_alignment(clean, restored, &errors);
    }
    row.restored = accuracy;
    for (auto& error : errors) ++confusions[entry.kind][std::move(error)];
    row.parse_restored =
        score(clean_parse, parse({"--model", *model, entry.path}, work(stem + ".restored.json")));
    return row;
  }

  const Options& options_;
  std::shared_ptr<const vnplan::Grammar> grammar_;
  vnplan::Folder folder_;
  vnplan::eval::Tokeniser tokeniser_;
  std::map<std::string, std::vector<vnplan::eval::Token>> clean_tokens_;
  std::map<std::string, PlanItems> clean_items_;
};

// ---------------------------------------------------------------- the report

std::string percent(double share) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << 100.0 * share << "%";
  return out.str();
}

std::string fixed3(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << value;
  return out.str();
}

std::string both(const Accuracy& a) {
  return percent(a.share()) + " / " + percent(a.share_ignoring_case());
}

// "–" when neither side has an item of the kind: nothing to score.
std::string f1_text(const F1Count& count) {
  return count.total == 0 ? std::string("–") : fixed3(count.value());
}

// Folded keys, keys as written, close matches: "targets / tasks | … | …".
std::string both(const ParseScore& s) {
  return f1_text(s.targets) + " / " + f1_text(s.tasks) + " | " + f1_text(s.exact_targets) + " / " +
         f1_text(s.exact_tasks) + " | " + f1_text(s.close_targets) + " / " + f1_text(s.close_tasks);
}

// Only aligned comparisons count syllables in any order.
std::string any_order(const Accuracy& a, bool one_to_one) {
  return one_to_one ? std::string("–") : percent(a.share_in_any_order());
}

std::vector<std::string> kinds_in_order(const std::vector<Row>& rows) {
  std::vector<std::string> kinds;
  for (const auto& row : rows)
    if (std::find(kinds.begin(), kinds.end(), row.kind) == kinds.end()) kinds.push_back(row.kind);
  return kinds;
}

void write_restoration_table(const std::vector<Row>& rows, bool restored, std::ostream& out) {
  out << "## Restoration: syllable accuracy\n\n"
      << "| document | damage | clean syllables | as is (exact / ignoring case) |"
      << (restored ? " restored (exact / ignoring case) | restored, in any order | restore time |"
                   : " in any order |")
      << "\n"
      << "|---|---|---:|---:|---:|" << (restored ? "---:|---:|" : "") << "\n";
  for (const auto& row : rows) {
    out << "| " << row.name << " | " << row.kind << " | " << row.as_is.syllables << " | "
        << both(row.as_is) << " |";
    if (!restored) out << " " << any_order(row.as_is, row.one_to_one) << " |";
    if (restored && row.restored) {
      std::ostringstream time;
      time << std::fixed << std::setprecision(2) << row.restore_seconds << " s";
      out << " " << both(*row.restored) << (row.aligned_not_one_to_one ? " (aligned)" : "") << " | "
          << any_order(*row.restored, row.one_to_one && !row.aligned_not_one_to_one) << " | "
          << time.str() << " |";
    }
    out << "\n";
  }
  for (const auto& kind : kinds_in_order(rows)) {
    Accuracy as_is, restored_sum;
    double seconds = 0;
    std::size_t bytes = 0;
    bool one_to_one = false;
    for (const auto& row : rows) {
      if (row.kind != kind) continue;
      one_to_one = row.one_to_one;
      as_is += row.as_is;
      if (row.restored) restored_sum += *row.restored;
      seconds += row.restore_seconds;
      bytes += row.bytes;
    }
    out << "| **all** | " << kind << " | " << as_is.syllables << " | " << both(as_is) << " |";
    if (!restored) out << " " << any_order(as_is, one_to_one) << " |";
    if (restored) {
      std::ostringstream speed;
      speed << std::fixed << std::setprecision(2)
            << (seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0) << " MB/s";
      out << " " << both(restored_sum) << " | " << any_order(restored_sum, one_to_one) << " | "
          << speed.str() << " |";
    }
    out << "\n";
  }
  out << "\n";
}

void write_parse_table(const std::vector<Row>& rows, bool restored, std::ostream& out) {
  out << "## Parsing: F1 of targets / tasks against the parse of the clean text\n\n"
      << "Folded: keys without diacritics (as tests/corpus/formats_test.cpp; a stripped text "
         "scores as its original). Written: keys with the text as written, so diacritics "
         "count. Close: the same fields, and folded texts at least 80% alike (edit distance; "
         "a task's first 120 bytes), matched one to one: what a reader would count as the "
         "item found, OCR's stray wrong letter aside.\n\n"
      << "| document | damage | clean targets / tasks | as is, folded | as is, written |"
      << " as is, close |"
      << (restored ? " restored, folded | restored, written | restored, close |" : "") << "\n"
      << "|---|---|---:|---:|---:|---:|" << (restored ? "---:|---:|---:|" : "") << "\n";
  for (const auto& row : rows) {
    out << "| " << row.name << " | " << row.kind << " | " << row.clean_targets << " / "
        << row.clean_tasks << " | " << both(row.parse_as_is) << " |";
    if (restored && row.parse_restored) out << " " << both(*row.parse_restored) << " |";
    out << "\n";
  }
  for (const auto& kind : kinds_in_order(rows)) {
    ParseScore as_is, restored_sum;
    std::size_t clean_targets = 0, clean_tasks = 0;
    for (const auto& row : rows) {
      if (row.kind != kind) continue;
      clean_targets += row.clean_targets;
      clean_tasks += row.clean_tasks;
      as_is += row.parse_as_is;
      if (row.parse_restored) restored_sum += *row.parse_restored;
    }
    out << "| **all** (pooled) | " << kind << " | " << clean_targets << " / " << clean_tasks
        << " | " << both(as_is) << " |" << (restored ? " " + both(restored_sum) + " |" : "")
        << "\n";
  }
  out << "\n";
}

void write_errors(const Evaluation& evaluation, std::size_t limit, std::ostream& out) {
  if (limit == 0 || evaluation.confusions.empty()) return;
  out << "## Most frequent restoration errors (clean → restored, count)\n\n";
  for (const auto& [kind, counts] : evaluation.confusions) {
    std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> sorted;
    for (const auto& [pair, count] : counts) sorted.emplace_back(count, pair);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    out << "- " << kind << ":";
    for (std::size_t i = 0; i < sorted.size() && i < limit; ++i)
      out << (i ? "," : "") << " " << sorted[i].second.first << " → " << sorted[i].second.second
          << " " << sorted[i].first;
    out << "\n";
  }
  out << "\n";
}

void write_report(const Options& options, const std::vector<Row>& rows,
                  const Evaluation& evaluation, std::ostream& out) {
  bool restored = !options.baseline_only;
  out << "# vnplan restoration evaluation\n\n"
      << "- vnplan: `" << options.vnplan << "`"
      << (restored ? ", model builder: `" + options.build_model + "`" : "") << "\n"
      << "- damaged files: `" << options.fixtures << "` (tools/make-damaged-corpora.sh)\n"
      << (restored ? "- leave-one-document-out: each document is restored and parsed with a model "
                     "built with `--exclude NAME`\n"
                   : "- baseline only: the damaged text as it is, no restoration\n")
      << "- syllables: tokens of Latin letters only (numbers, punctuation and tokens with digits "
         "are not counted), compared after NFC and one tone placement. Stripped text is compared "
         "token for token; OCR text is aligned to the clean text (common subsequence of equal "
         "tokens), and the figure is the share of the clean text's syllables restored exactly; "
         "\"in any order\" counts them as a bag of syllables, an upper bound that shows what "
         "the OCR read in another order (table cells)\n"
      << "- parse: targets and tasks keyed as in tests/corpus/formats_test.cpp (folded "
         "indicator, value, comparator, unit, year; first 40 bytes of a task's folded text, lead "
         "agencies); F1 against `vnplan parse` of the clean text\n\n";
  write_restoration_table(rows, restored, out);
  write_parse_table(rows, restored, out);
  write_errors(evaluation, options.errors, out);
  for (const auto& row : rows) {
    if (row.restored && row.restored_lines != row.damaged_lines)
      out << "- warning: " << row.name << "." << row.kind << ": the restored text has "
          << row.restored_lines << " lines, the damaged one " << row.damaged_lines << "\n";
    if (row.aligned_not_one_to_one)
      out << "- warning: " << row.name << "." << row.kind
          << ": restoration changed the number of tokens, so it was scored by alignment\n";
  }
}

// --compare: one parse scored against another, and what each lacks.
void compare_parses(const Options& options, std::ostream& out) {
  auto grammar = vnplan::Grammar::load(options.grammars);
  vnplan::Folder folder(*grammar);
  PlanItems clean = items_of_file(options.compare[0], folder);
  PlanItems other = items_of_file(options.compare[1], folder);
  ParseScore s = score(clean, other);
  auto line = [&](const char* what, std::size_t clean_count, std::size_t other_count,
                  const F1Count& close, const F1Count& folded, const F1Count& exact) {
    out << what << ": " << clean_count << " / " << other_count << "  close F1 " << std::fixed
        << std::setprecision(3) << close.value() << "  folded F1 " << folded.value()
        << "  exact F1 " << exact.value() << "\n";
  };
  line("targets", clean.target_count, other.target_count, s.close_targets, s.targets,
       s.exact_targets);
  line("tasks", clean.task_count, other.task_count, s.close_tasks, s.tasks, s.exact_tasks);
  std::size_t limit = options.errors;
  out << "\ntargets only in " << options.compare[0] << ":\n"
      << vnplan::eval::missing(clean.targets, other.targets, limit) << "\ntargets only in "
      << options.compare[1] << ":\n"
      << vnplan::eval::missing(other.targets, clean.targets, limit) << "\ntasks only in "
      << options.compare[0] << ":\n"
      << vnplan::eval::missing(clean.tasks, other.tasks, limit) << "\ntasks only in "
      << options.compare[1] << ":\n"
      << vnplan::eval::missing(other.tasks, clean.tasks, limit);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (auto code = read_options(argc, argv, options)) return *code;
  if (!options.compare.empty()) {
    try {
      compare_parses(options, std::cout);
      return 0;
    } catch (const std::exception& error) {
      std::cerr << "vnplan-eval: " << error.what() << "\n";
      return 1;
    }
  }
  bool temporary_work = options.work.empty();
  try {
    if (temporary_work) {
      std::string pattern = (fs::temp_directory_path() / "vnplan-eval.XXXXXX").string();
      if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary directory");
      options.work = pattern;
    }
    fs::create_directories(options.work);
    if (!options.baseline_only && !fs::exists(options.build_model))
      throw std::runtime_error(options.build_model +
                               ": no model builder (give --build-model, or --baseline-only)");
    std::vector<Damaged> list = read_list(options);
    std::vector<std::string> names = names_in_order(list);
    if (options.quick && !names.empty()) names.resize(1);
    if (!options.only.empty()) {
      for (const auto& name : options.only)
        if (std::find(names.begin(), names.end(), name) == names.end())
          throw std::runtime_error("--only " + name + ": not in " + options.fixtures +
                                   "/documents.tsv");
      names = options.only;
    }
    Evaluation evaluation(options);
    std::vector<Row> rows = evaluation.run_all(list, names);
    write_report(options, rows, evaluation, std::cout);
  } catch (const std::exception& error) {
    std::cerr << "vnplan-eval: " << error.what() << "\n";
    if (temporary_work && !options.work.empty()) fs::remove_all(options.work);
    return 1;
  }
  if (temporary_work) fs::remove_all(options.work);
  return 0;
}
