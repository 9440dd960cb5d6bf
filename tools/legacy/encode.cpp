// vnplan-encode: writes UTF-8 text in a legacy Vietnamese encoding, with the
// tables the read stage decodes with (grammars/encodings/), for test fixtures.
//
//   vnplan-encode ENCODING [--look-alike] [--grammars DIR] < text.txt > out.txt
//
// ENCODING is a table encoding of grammars/encodings/encodings.tsv (tcvn3,
// vni-windows, viscii). --look-alike writes what a user gets when the legacy
// file is opened as Windows-1252 and saved as UTF-8 ("Céng hoµ x· héi").
#include <unicode/ucnv.h>

#include <iostream>
#include <iterator>
#include <string>

#include "vnplan/encoding.hpp"
#include "vnplan/grammar.hpp"
#include "vnplan/text.hpp"

namespace {

// The legacy bytes as Windows-1252 characters, in UTF-8.
std::string as_windows1252(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1252", &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no windows-1252 converter");
  std::string out;
  for (unsigned char b : bytes) {
    char byte = static_cast<char>(b);
    const char* source = &byte;
    UErrorCode s = U_ZERO_ERROR;
    UChar32 c = ucnv_getNextUChar(converter, &source, source + 1, &s);
    ucnv_reset(converter);
    if (U_FAILURE(s) || c == 0xFFFD || c == 0x1A) c = b;  // undefined: its Latin-1 C1 control
    vnplan::utf8_append(out, static_cast<char32_t>(c));
  }
  ucnv_close(converter);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string encoding, grammars = vnplan::Grammar::default_directory();
  bool look_alike = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--look-alike")
      look_alike = true;
    else if (arg == "--grammars" && i + 1 < argc)
      grammars = argv[++i];
    else if (encoding.empty() && arg[0] != '-')
      encoding = arg;
    else {
      std::cerr << "usage: vnplan-encode ENCODING [--look-alike] [--grammars DIR] < in > out\n";
      return 2;
    }
  }
  if (encoding.empty()) {
    std::cerr << "usage: vnplan-encode ENCODING [--look-alike] [--grammars DIR] < in > out\n";
    return 2;
  }
  try {
    auto tables = vnplan::LegacyEncodings::load(grammars);
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::string bytes = tables->encode(encoding, text);
    std::cout << (look_alike ? as_windows1252(bytes) : bytes);
  } catch (const std::exception& error) {
    std::cerr << "vnplan-encode: " << error.what() << "\n";
    return 1;
  }
  return std::cout ? 0 : 1;
}
