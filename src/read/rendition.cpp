// The text builder shared by the HTML, DOCX and PDF readers.
#include "rendition.hpp"

namespace vnplan::internal {

void RenditionBuilder::anchor(SourceAnchor anchor) {
  anchor.at = static_cast<std::uint32_t>(out_.text.size() + (space_pending_ ? 1 : 0));
  if (!out_.anchors.empty() && out_.anchors.back().at == anchor.at)
    out_.anchors.back() = std::move(anchor);
  else
    out_.anchors.push_back(std::move(anchor));
}

void RenditionBuilder::raw(std::string_view bytes) {
  if (out_.text.size() + bytes.size() > kMaxRenderedBytes) return;
  out_.text.append(bytes);
}

void RenditionBuilder::text(std::string_view text) {
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      if (!line_empty_) space_pending_ = true;
      continue;
    }
    if (space_pending_) raw(" ");
    space_pending_ = false;
    raw(std::string_view(&c, 1));
    line_empty_ = false;
  }
}

void RenditionBuilder::end_line() {
  space_pending_ = false;
  if (line_empty_) return;
  raw("\n");
  line_empty_ = true;
}

void RenditionBuilder::end_paragraph() {
  bool had_text = !line_empty_;
  end_line();
  if (had_text) raw("\n");
}

void RenditionBuilder::table(const std::vector<RenderedRow>& rows) {
  if (rows.empty()) return;
  end_paragraph();
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  auto write_row = [&](const RenderedRow& row) {
    raw("|");
    for (std::size_t c = 0; c < columns; ++c) {
      raw(" ");
      if (c < row.size() && !row[c].text.empty()) {
        anchor(row[c].anchor);
        for (char ch : row[c].text) {
          if (ch == '|')
            raw("\\|");
          else if (ch == '\n' || ch == '\r' || ch == '\t')
            raw(" ");
          else
            raw(std::string_view(&ch, 1));
        }
        raw(" ");
      }
      raw("|");
    }
    raw("\n");
  };
  write_row(rows[0]);
  raw("|");
  for (std::size_t c = 0; c < columns; ++c) raw("---|");
  raw("\n");
  for (std::size_t r = 1; r < rows.size(); ++r) write_row(rows[r]);
  raw("\n");
  line_empty_ = true;
  space_pending_ = false;
}

void RenditionBuilder::note(std::string code, std::string message) {
  Span span;
  span.start = span.end = out_.text.size();
  out_.notes.push_back({Severity::info, std::move(code), std::move(message), span});
}

std::string roman_numeral(long number, bool upper) {
  if (number <= 0 || number >= 4000) return std::to_string(number);
  static const std::pair<long, const char*> numerals[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (auto [value, text] : numerals)
    for (; number >= value; number -= value) out += text;
  if (!upper)
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Rendition RenditionBuilder::take() {
  end_line();
  return std::move(out_);
}

}  // namespace vnplan::internal
