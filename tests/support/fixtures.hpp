// Shared test helpers: the grammar, an engine, and parsing a string or a corpus file.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "vnplan/vnplan.hpp"

namespace vnplan::test {

inline std::string source_dir() { return VNPLAN_SOURCE_DIR; }

inline std::shared_ptr<const Grammar> grammar() {
  static auto loaded = Grammar::load(source_dir() + "/grammars");
  return loaded;
}

inline const Engine& engine() {
  static Engine instance(grammar());
  return instance;
}

inline SourceFile source_from(const std::string& text, const std::string& path = "test.txt") {
  ReadResult read = check_source(path, text);
  if (!read.ok()) throw std::runtime_error(read.error->to_string());
  return *read.file;
}

inline ParseResult parse_text(const std::string& text, const std::string& path = "test.txt") {
  return engine().parse(source_from(text, path));
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace vnplan::test
