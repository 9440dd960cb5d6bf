// Small text helpers for the structure stage.
#include <unicode/uchar.h>

#include <sstream>

#include "internal.hpp"

namespace vnplan::internal {

bool is_uppercase_text(const std::string& text) {
  std::size_t letters = 0, upper = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code;
    i += utf8_decode(text, i, code);
    if (u_isalpha(code)) {
      ++letters;
      if (u_isupper(code)) ++upper;
    }
  }
  return letters >= 2 && upper == letters;
}

// `characters` may hold UTF-8 ("•"): its bytes are matched one by one, so a cut
// is moved out of any character it would split ("‹" shares "•"'s first two bytes).
std::string trim(const std::string& text, const char* characters) {
  auto continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  std::size_t a = text.find_first_not_of(characters);
  if (a == std::string::npos) return "";
  std::size_t b = text.find_last_not_of(characters);
  while (a > 0 && continuation(a)) --a;
  while (b + 1 < text.size() && continuation(b + 1)) ++b;
  return text.substr(a, b - a + 1);
}

}  // namespace vnplan::internal

namespace vnplan {

std::optional<std::string> iso_date(int day, int month, int year) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1])
    return std::nullopt;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return std::nullopt;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

DocumentNumber parse_document_number(const std::string& written) {
  DocumentNumber number;
  for (char c : written)
    if (c != ' ') number.text += c;
  std::size_t digits = 0;
  while (digits < number.text.size() &&
         std::isdigit(static_cast<unsigned char>(number.text[digits])))
    ++digits;
  if (digits == 0 || digits > 6) return number;
  number.number = std::stol(number.text.substr(0, digits));
  std::string rest = number.text.substr(digits);
  if (rest.size() >= 6 && rest[0] == '/' && std::isdigit(static_cast<unsigned char>(rest[1])) &&
      rest[5] == '/') {
    number.year = std::stoi(rest.substr(1, 4));
    rest = rest.substr(5);
  }
  if (rest.empty()) return number;
  rest = rest.substr(1);  // the separator after the number
  std::size_t split = rest.find_first_of("-/");
  if (split == std::string::npos) {
    number.issuer = rest;  // "193/2025/QH15": the issuer alone
  } else {
    number.type = rest.substr(0, split);
    number.issuer = rest.substr(split + 1);
  }
  return number;
}

}  // namespace vnplan

namespace vnplan::internal {

bool is_label(const StructureInput& input, std::size_t u) {
  for (const auto& entry : input.grammar.patterns("structure/line_roles.re"))
    if ((entry.key == "label" || entry.key == "capital_label") &&
        entry.pattern->matches_at_start(input.folded(u)))
      return true;
  return false;
}

void settle_type_code(const StructureInput& input, DocumentNumber& number) {
  if (number.type.empty()) return;
  std::string code = input.folder.fold_string(number.type);
  for (const auto& entry : input.grammar.entries("header/document_codes"))
    if (entry.key == code) return;
  number.issuer = number.type + "-" + number.issuer;
  number.type.clear();
}

std::optional<std::pair<std::string, std::string>> document_kind(const Grammar& grammar,
                                                                 const std::string& folded) {
  std::optional<std::pair<std::string, std::string>> best;
  std::size_t best_length = 0;
  for (const auto& entry : grammar.entries("header/document_kinds")) {
    if (folded.compare(0, entry.key.size(), entry.key) != 0) continue;
    if (folded.size() > entry.key.size() &&
        std::isalpha(static_cast<unsigned char>(folded[entry.key.size()])))
      continue;
    if (entry.key.size() <= best_length) continue;
    std::istringstream parts(entry.value);
    std::string kind, code;
    parts >> kind >> code;
    best = std::make_pair(kind, code);
    best_length = entry.key.size();
  }
  return best;
}

}  // namespace vnplan::internal
