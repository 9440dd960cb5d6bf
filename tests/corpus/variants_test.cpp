// Format invariance: the same document hard-wrapped as PDF text, without blank
// lines, or without markdown decoration gives the same section tree and header.
// The variants are made here from the corpus files, so nothing is tuned to them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <sstream>

#include "fixtures.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Length in code points.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Greedy wrap at `columns` code points, breaking at spaces (as a PDF text dump does).
std::string hard_wrap(const std::string& text, std::size_t columns) {
  std::string out;
  for (const auto& line : split_lines(text)) {
    if (width(line) <= columns + 10 || line.rfind("|", 0) == 0) {
      out += line + "\n";
      continue;
    }
    std::string current;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      if (!current.empty() && width(current) + 1 + width(word) > columns) {
        out += current + "\n";
        current.clear();
      }
      current += (current.empty() ? "" : " ") + word;
    }
    out += current + "\n";
  }
  return out;
}

std::string without_blank_lines(const std::string& text) {
  std::string out;
  for (const auto& line : split_lines(text))
    if (line.find_first_not_of(" \t\r") != std::string::npos) out += line + "\n";
  return out;
}

std::string without_markdown(const std::string& text) {
  return std::regex_replace(std::regex_replace(text, std::regex("[*]+"), ""),
                            std::regex("(^|\n)#+ "), "$1");
}

struct Shape {
  std::vector<std::string> sections;
  std::vector<std::string> numbers;
};

Shape shape_of(const std::string& text, const std::string& name) {
  auto result = vnplan::test::parse_text(text, name);
  Shape shape;
  for (const auto& document : result.documents) {
    shape.numbers.push_back(document.document.number ? document.document.number->text : "-");
    for (const auto& s : document.sections)
      shape.sections.push_back(s.number + "/" + std::to_string(s.level) + "/" + s.kind);
  }
  return shape;
}

}  // namespace

TEST_CASE("wrapped, blank-free and undecorated versions parse to the same tree",
          "[corpus][variants]") {
  for (const auto& entry :
       fs::directory_iterator(fs::path(vnplan::test::source_dir()) / "corpora")) {
    std::string name = entry.path().filename().string();
    if (name == "README.md" || name.find(".ocr.") != std::string::npos)
      continue;  // OCR: lines already wrapped
    std::string text = vnplan::test::read_file(entry.path().string());
    Shape original = shape_of(text, name);
    std::string plain = name + ".txt";
    SECTION(name) {
      Shape wrapped = shape_of(hard_wrap(without_markdown(text), 80), plain);
      CHECK(wrapped.sections == original.sections);
      CHECK(wrapped.numbers == original.numbers);
      Shape dense = shape_of(without_blank_lines(text), name);
      CHECK(dense.sections == original.sections);
      CHECK(dense.numbers == original.numbers);
    }
  }
}
