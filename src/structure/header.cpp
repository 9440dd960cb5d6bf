// Document header and footer.
#include <unicode/uchar.h>

#include <algorithm>

#include "internal.hpp"

namespace vnplan::internal {
namespace {

constexpr const char* kHeader = "header/header.re";

const Pattern& header_pattern(const StructureInput& input, const char* key) {
  return input.grammar.pattern(kHeader, key);
}

bool starts_lowercase(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t code;
    i += utf8_decode(text, i, code);
    if (u_isalpha(code)) return u_islower(code);
    if (u_isdigit(code)) return true;
  }
  return false;
}

// The place before ", ngày": the longest run of plain words at its end, so that
// OCR debris in front of it ("x U;O Ba Dinh") is left out.
std::string clean_place(const std::string& written) {
  std::vector<std::string> words;
  std::string word;
  for (char c : written + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  std::string place;
  for (auto it = words.rbegin(); it != words.rend() && it - words.rbegin() < 6; ++it) {
    bool plain = true;
    for (std::size_t i = 0; i < it->size();) {
      char32_t code;
      i += utf8_decode(*it, i, code);
      if (!u_isalpha(code)) plain = false;
    }
    if (!plain || it->size() < 2) break;
    place = place.empty() ? *it : *it + " " + place;
  }
  return place;
}

// "KẾ HOẠCH HÀNH ĐỘNG thực hiện ..." → the leading words written in capitals.
// Whether the line of `text` names the document's type: in capitals ("KẾ
// HOẠCH", "CHỈ THỊ"); in OCR text also a line that is only the type, whatever
// its case (tesseract reads the capital Ỉ of "CHỈ THỊ" as an "i", and "CHi THI"
// comes back from restoration as "Chỉ Thị"). `upper` tells which.
bool names_the_type(const StructureInput& input, const std::string& text, const std::string& folded,
                    bool& upper) {
  auto type = header_pattern(input, "type_line").find(folded, 0, true);
  if (!type) return false;
  upper = is_uppercase_text(text.substr(0, text.find(' ', text.find(' ') + 1)));
  return upper || (input.text.looks_ocr() &&
                   folded.find_first_not_of(' ', type->groups[0].end) == std::string::npos);
}

std::size_t uppercase_prefix_length(const std::string& text) {
  std::size_t end = 0, i = 0;
  while (i < text.size()) {
    std::size_t next = text.find(' ', i);
    if (next == std::string::npos) next = text.size();
    std::string word = text.substr(i, next - i);
    if (!is_uppercase_text(word) && word.find_first_not_of("-,.:") != std::string::npos) break;
    end = next;
    i = next + 1;
  }
  return end;
}

void add_title_part(NamedSpan& title, const std::string& text, const Span& span, bool first) {
  if (first) {
    title.text = text;
    title.span = span;
  } else {
    title.text += " " + text;
    title.span.end = span.end;
  }
}

bool ends_with_any(const std::string& text, const char* characters) {
  std::size_t end = text.find_last_not_of(' ');
  return end != std::string::npos && std::string(characters).find(text[end]) != std::string::npos;
}

// Following blocks that continue a title: short, not a preamble sentence.
void read_title_continuation(StructureInput& input, DocumentRange& range, std::size_t from,
                             std::size_t zone_end, NamedSpan& title, bool have_first,
                             bool subject) {
  bool previous_upper = have_first && is_uppercase_text(title.text);
  for (std::size_t k = from; k < zone_end && range.title_units.size() < 5; ++k) {
    const std::string& text = input.text_of(k);
    if (input.block(k).kind != BlockKind::paragraph ||
        input.unit(k).marker.type != MarkerType::none)
      break;
    if (is_label(input, k) || text.size() > 600 || ends_with_any(text, ":;")) break;
    if (header_pattern(input, "place_date").contains(input.folded(k))) break;
    bool continues = !have_first || starts_lowercase(text) ||
                     (previous_upper && is_uppercase_text(text)) ||
                     (subject && !input.block(k).blank_before);
    if (!continues) break;
    add_title_part(title, text, input.span(k), !have_first);
    have_first = true;
    previous_upper = is_uppercase_text(text);
    input.use[k] = Use::title;
    range.title_units.push_back(k);
  }
}

Recipient make_recipient(const StructureInput& input, std::size_t u, std::size_t from,
                         const std::string& role) {
  const std::string& text = input.text_of(u);
  std::string name = trim(text.substr(from), " -+*•,;.");
  Recipient recipient;
  recipient.role = role;
  if (auto note = header_pattern(input, "recipient_note").find(name)) {
    recipient.note = std::string(note->text(name, 1));
    name = trim(name.substr(0, note->groups[0].begin), " ,;.");
  }
  recipient.name = name;
  recipient.span = input.text_span(u, from, text.size());
  return recipient;
}

// A short line that ends like a list entry (one of `endings`), neither in
// capitals nor a signature line ("T/M ...", "CHỦ TỊCH").
bool ends_like_recipient(const StructureInput& input, std::size_t u, std::string_view endings) {
  constexpr std::size_t kMaxRecipient = 150;  // bytes
  const std::string& text = input.text_of(u);
  const std::string& folded = input.folded(u);
  return !text.empty() && text.size() <= kMaxRecipient &&
         endings.find(text.back()) != std::string_view::npos && !is_uppercase_text(text) &&
         !header_pattern(input, "signature_mode").contains(folded) &&
         !header_pattern(input, "signature_position").matches_at_start(folded);
}

// "Kính gửi: - A; - B" or "Nơi nhận:" followed by one bullet per recipient.
// OCR loses the bullets of a recipient list ("Nơi nhận:"): a short line in lower
// case that ends like a list entry still is one, while a line in capitals or one
// naming a signature ends the list.
bool unbulleted_recipient(const StructureInput& input, std::size_t u) {
  return input.unit(u).marker.type == MarkerType::none && ends_like_recipient(input, u, ",;.");
}

std::size_t read_recipient_list(StructureInput& input, std::size_t label_unit,
                                std::size_t rest_start, std::size_t limit, const std::string& role,
                                std::vector<Recipient>& out) {
  const std::string& text = input.text_of(label_unit);
  std::string rest = trim(text.substr(rest_start), " ");
  if (!rest.empty() && !header_pattern(input, "signature_mode").contains(input.folded(label_unit)))
    out.push_back(make_recipient(input, label_unit, rest_start, role));
  std::size_t k = label_unit + 1;
  for (; k < limit; ++k) {
    if (input.block(k).kind != BlockKind::paragraph) break;
    if (input.unit(k).marker.type != MarkerType::bullet &&
        (role != "copy" || !unbulleted_recipient(input, k)))
      break;
    out.push_back(make_recipient(input, k, input.unit(k).marker.content_start, role));
    input.use[k] = Use::footer;
  }
  return k;
}

bool looks_like_name(const std::string& text) {
  if (text.empty() || text.size() > 60) return false;
  std::size_t words = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), ' '));
  if (words < 2 || words > 6) return false;
  bool lower = false;
  bool word_start = true;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code;
    i += utf8_decode(text, i, code);
    if (code == ' ') {
      word_start = true;
      continue;
    }
    if (u_isdigit(code) || code == ',' || code == ';' || code == ':') return false;
    if (word_start && !u_isupper(code)) return false;
    if (u_islower(code)) lower = true;
    word_start = false;
  }
  return lower;
}

// pdftotext -layout reads the two footer columns as one: "- Bộ Khoa học và Công
// nghệ; KT. CHỦ TỊCH". A recipient ending in a signature line (a mode or a
// position, after its own ';' ',' or '.') gives that line back to the signature.
void split_signature_column(const StructureInput& input, DocumentHeader& header) {
  const Pattern& mode = header_pattern(input, "signature_mode");
  const Pattern& position = header_pattern(input, "signature_position");
  std::vector<std::string> column;
  for (auto& recipient : header.recipients) {
    const std::string& name = recipient.name;
    for (std::size_t p = name.find_first_of(";,."); p != std::string::npos;
         p = name.find_first_of(";,.", p + 1)) {
      std::string tail = trim(name.substr(p + 1), " ");
      if (tail.empty() || !is_uppercase_text(tail)) continue;
      std::string folded = input.folder.fold_string(tail);
      if (!mode.matches_at_start(" " + folded) && !position.matches_at_start(folded)) continue;
      column.push_back(tail);
      recipient.name = trim(name.substr(0, p), " ,;.");
      break;
    }
  }
  for (const auto& line : column) {
    std::string folded = " " + input.folder.fold_string(line);
    if (!header.signature) header.signature = Signature{};
    Signature& signature = *header.signature;
    auto m = mode.find(folded);
    if (m && !signature.mode) {
      std::string written = line.substr(0, line.find(' '));
      signature.mode = written;
      signature.on_behalf_of = trim(line.substr(written.size()), " ");
    } else {
      signature.position = line;  // the last capital line is the signer's own position
    }
  }
}

}  // namespace

void read_header(StructureInput& input, DocumentRange& range, DocumentHeader& header) {
  // The header runs to the first section marker; in a document without any
  // (a resolution of "Điều 1.", "Điều 2."), at the latest to its "Nơi nhận:".
  const Pattern& copy = header_pattern(input, "recipients_copy");
  std::size_t zone_end = range.begin;
  while (zone_end < range.end) {
    MarkerType type = input.unit(zone_end).marker.type;
    if (type == MarkerType::part || type == MarkerType::roman || type == MarkerType::arabic ||
        type == MarkerType::appendix || type == MarkerType::letter)
      break;
    if (zone_end > range.begin && input.block(zone_end).kind == BlockKind::paragraph &&
        copy.matches_at_start(input.folded(zone_end)))
      break;
    ++zone_end;
  }
  bool type_seen = false;
  for (std::size_t u = range.begin; u < zone_end; ++u) {
    if (input.block(u).kind != BlockKind::paragraph || input.use[u] != Use::none) continue;
    const std::string& folded = input.folded(u);
    const std::string& text = input.text_of(u);
    // Mottos may share a line with the issuer (two columns read as one line).
    // What is left of the line once mottos are cut out: [keep_from, keep_to).
    std::size_t keep_from = 0, keep_to = text.size();
    for (const auto& entry : input.grammar.patterns(kHeader)) {
      if (entry.key != "motto") continue;
      if (auto m = entry.pattern->find(folded)) {
        header.mottos.push_back({input.original(u, m->groups[0].begin, m->groups[0].end),
                                 input.span(u, m->groups[0].begin, m->groups[0].end)});
        std::size_t a = input.to_text(u, m->groups[0].begin),
                    b = input.to_text(u, m->groups[0].end);
        if (a - keep_from >= keep_to - b)
          keep_to = std::min(keep_to, a);  // keep the larger side
        else
          keep_from = std::max(keep_from, b);
        input.use[u] = Use::header;
      }
    }
    while (keep_from < keep_to && text[keep_from] == ' ') ++keep_from;
    while (keep_to > keep_from && text[keep_to - 1] == ' ') --keep_to;
    std::string remaining = text.substr(keep_from, keep_to - keep_from);
    if (remaining.empty()) continue;
    if (!header.number) {
      if (auto m = header_pattern(input, "number").find(folded)) {
        std::size_t g = header_pattern(input, "number").group("sym");
        DocumentNumber number =
            parse_document_number(input.original(u, (*m)[g].begin, (*m)[g].end));
        number.span = input.span(u, (*m)[g].begin, (*m)[g].end);
        settle_type_code(input, number);
        header.number = number;
        input.use[u] = Use::header;
      }
    }
    if (!header.date) {
      const Pattern& p = header_pattern(input, "place_date");
      if (auto m = p.find(folded)) {
        auto group = [&](const char* name) {
          return std::atoi(std::string(m->text(folded, p.group(name, *m))).c_str());
        };
        header.date = iso_date(group("day"), group("month"), group("year"));
        if (!header.date)
          input.diagnostics.push_back({Severity::warning, "header.invalid_date",
                                       "the issue date does not exist in the calendar",
                                       input.span(u, m->groups[0].begin, m->groups[0].end)});
        std::size_t date_from = (*m)[p.group("place", *m)].end;
        while (date_from < folded.size() && (folded[date_from] == ',' || folded[date_from] == ' '))
          ++date_from;
        header.date_span = input.span(u, date_from, m->groups[0].end);
        std::string place = clean_place(
            input.original(u, (*m)[p.group("place", *m)].begin, (*m)[p.group("place", *m)].end));
        if (!place.empty()) header.place = place;
        input.use[u] = Use::header;
        continue;
      }
    }
    if (auto m = header_pattern(input, "subject").find(folded, 0, true)) {
      NamedSpan title;
      std::size_t from = input.to_text(u, m->groups[0].end);
      add_title_part(title, text.substr(from), input.text_span(u, from, text.size()), true);
      input.use[u] = Use::title;
      range.title_units.push_back(u);
      read_title_continuation(input, range, u + 1, zone_end, title, true, true);
      header.title = title;
      continue;
    }
    if (auto m = header_pattern(input, "recipients_to").find(folded, 0, true)) {
      input.use[u] = Use::header;
      u = read_recipient_list(input, u, input.to_text(u, m->groups[0].end), zone_end, "addressee",
                              header.recipients) -
          1;
      continue;
    }
    if (input.use[u] != Use::none && remaining == text) continue;
    bool type_upper = false;
    if (!type_seen && names_the_type(input, text, folded, type_upper)) {
      type_seen = true;
      std::size_t length = type_upper ? uppercase_prefix_length(text) : text.size();
      header.type_name = trim(text.substr(0, length), " ");
      if (auto kind = document_kind(input.grammar, input.folder.fold_string(*header.type_name)))
        header.kind = kind->first;
      input.use[u] = Use::title;
      NamedSpan title;
      std::string rest = trim(text.substr(length), " ");
      bool have_first = !rest.empty();
      if (have_first) {
        std::size_t from = text.size() - rest.size();
        add_title_part(title, rest, input.text_span(u, from, text.size()), true);
      }
      read_title_continuation(input, range, u + 1, zone_end, title, have_first, false);
      if (!title.text.empty()) header.title = title;
      continue;
    }
    if (!type_seen && !header.title && remaining.size() < 160 && is_uppercase_text(remaining)) {
      header.issuers.push_back({remaining, input.text_span(u, keep_from, keep_to)});
      input.use[u] = Use::header;
      continue;
    }
    if (input.use[u] == Use::none && (type_seen || header.title)) {
      input.use[u] = Use::preamble;
      range.preamble_units.push_back(u);
    }
  }
  range.body_begin = zone_end;
  if (header.issuers.empty()) {  // "..., Ban Thường vụ Tỉnh ủy ban hành Kế hoạch ..."
    const Pattern& p = header_pattern(input, "preamble_issuer");
    // The issuing sentence usually closes the preamble: read it from the end.
    for (auto it = range.preamble_units.rbegin(); it != range.preamble_units.rend(); ++it) {
      std::size_t u = *it;
      std::optional<Match> last;
      for (auto m = p.find(input.folded(u)); m; m = p.find(input.folded(u), m->groups[0].end))
        last = m;
      if (!last) continue;
      std::size_t g = p.group("issuer");
      header.issuers.push_back({trim(input.original(u, (*last)[g].begin, (*last)[g].end), " ,;"),
                                input.span(u, (*last)[g].begin, (*last)[g].end)});
      header.inferred.push_back("issuers");
      break;
    }
  }
  if (!header.kind && header.number && !header.number->type.empty()) {
    std::string code = input.folder.fold_string(header.number->type);
    for (const auto& entry : input.grammar.entries("header/document_codes"))
      if (entry.key == code) header.kind = entry.value;
  }
  if (!header.kind && header.title && !header.type_name) header.kind = "dispatch";
}

// The signature mode of a footer line ("T/M BAN THƯỜNG VỤ"), with the pattern
// that read it: OCR's "TIM" counts on a line in capitals only.
struct ModeMatch {
  Match match;
  const Pattern* pattern;
};
std::optional<ModeMatch> signature_mode(const StructureInput& input, std::size_t u) {
  const Pattern& mode = header_pattern(input, "signature_mode");
  if (auto m = mode.find(input.folded(u))) return ModeMatch{*m, &mode};
  const Pattern& ocr = header_pattern(input, "signature_mode_ocr");
  if (auto m = ocr.find(input.folded(u), 0, true); m && is_uppercase_text(input.text_of(u)))
    return ModeMatch{*m, &ocr};
  return std::nullopt;
}

// A recipient list whose "Nơi nhận:" OCR lost: right above the signature, a
// "Lưu ..." line (header.re `recipients_archive`) and above it the short lines
// that end like list entries. Returns the list's first unit; `signature` when
// there is none.
std::size_t unlabelled_recipients(StructureInput& input, std::size_t body_begin,
                                  std::size_t signature, std::vector<Recipient>& out) {
  constexpr std::size_t kMinEntries = 2;  // the "Lưu" line and one recipient at least
  if (signature <= body_begin) return signature;
  std::size_t archive = signature - 1;
  if (input.block(archive).kind != BlockKind::paragraph ||
      !header_pattern(input, "recipients_archive").matches_at_start(input.folded(archive)))
    return signature;
  std::size_t first = archive;
  // Above the "Lưu" line every entry goes on the list: it ends with "," or ";".
  auto entry = [&](std::size_t u) {
    MarkerType type = input.unit(u).marker.type;
    return input.block(u).kind == BlockKind::paragraph &&
           (type == MarkerType::bullet || type == MarkerType::none) &&
           ends_like_recipient(input, u, ",;");
  };
  while (first > body_begin && entry(first - 1)) --first;
  if (archive + 1 - first < kMinEntries) return signature;
  for (std::size_t u = first; u <= archive; ++u) {
    out.push_back(make_recipient(input, u, input.unit(u).marker.content_start, "copy"));
    input.use[u] = Use::footer;
  }
  return first;
}

void read_footer(StructureInput& input, DocumentRange& range, DocumentHeader& header) {
  range.footer_begin = range.footer_end = range.end;
  const Pattern& copy = header_pattern(input, "recipients_copy");
  const Pattern& position = header_pattern(input, "signature_position");
  std::size_t start = range.end;
  for (std::size_t u = range.body_begin; u < range.end; ++u) {
    if (input.block(u).kind != BlockKind::paragraph ||
        input.unit(u).marker.type != MarkerType::none)
      continue;
    const std::string& folded = input.folded(u);
    // The length first: the mode pattern is slow to rule out on a long paragraph.
    if (copy.matches_at_start(folded) ||
        (input.text_of(u).size() < 160 && signature_mode(input, u))) {
      start = u;
      break;
    }
  }
  if (start == range.end) {  // no "Nơi nhận", no "T/M": a bare position line near the end
    for (std::size_t u = range.body_begin; u < range.end; ++u)
      if (position.matches_at_start(input.folded(u)) && is_uppercase_text(input.text_of(u))) {
        start = u;
        break;
      }
  }
  if (start == range.end) return;
  if (!copy.matches_at_start(input.folded(start)))
    range.footer_begin = unlabelled_recipients(input, range.body_begin, start, header.recipients);
  else
    range.footer_begin = start;
  std::size_t u = start;
  std::size_t last = start;
  if (auto m = copy.find(input.folded(u), 0, true)) {
    input.use[u] = Use::footer;
    last = read_recipient_list(input, u, input.to_text(u, m->groups[0].end), range.end, "copy",
                               header.recipients) -
           1;
  }
  // The signature block: "T/M <body>", the position, the signer's name.
  for (std::size_t k = start; k < std::min(range.end, start + 40); ++k) {
    if (input.block(k).kind != BlockKind::paragraph ||
        input.unit(k).marker.type == MarkerType::appendix)
      break;
    const std::string& folded = input.folded(k);
    Signature signature;
    std::size_t next = k + 1;
    if (auto found = signature_mode(input, k)) {
      const Match& m = found->match;
      const Pattern& mode = *found->pattern;
      // OCR's "TIM" (restoration may make "TÌM" of it) is given as what it stands for.
      signature.mode =
          found->pattern == &header_pattern(input, "signature_mode")
              ? input.original(k, m[mode.group("mode")].begin, m[mode.group("mode")].end)
              : "T/M";
      signature.on_behalf_of =
          trim(input.original(k, m[mode.group("body")].begin, m[mode.group("body")].end), " ");
      signature.span = input.span(k, m.groups[0].begin, m.groups[0].end);
      // "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH": the last line is the signer's own position.
      for (int lines = 0;
           lines < 3 && next < range.end && input.block(next).kind == BlockKind::paragraph &&
           is_uppercase_text(input.text_of(next)) && input.text_of(next).size() < 100 &&
           input.unit(next).marker.type == MarkerType::none;
           ++lines, ++next) {
        signature.position = input.text_of(next);
        signature.span.end = input.span(next).end;
        input.use[next] = Use::footer;
      }
    } else if (position.matches_at_start(folded) && is_uppercase_text(input.text_of(k))) {
      signature.position = input.text_of(k);
      signature.span = input.span(k);
    } else {
      continue;
    }
    input.use[k] = Use::footer;
    // "(Đã ký)" and seal notes between the position and the name
    while (next < range.end && input.block(next).kind == BlockKind::paragraph &&
           header_pattern(input, "signature_note").matches_at_start(input.folded(next))) {
      input.use[next] = Use::footer;
      ++next;
    }
    if (next < range.end && input.block(next).kind == BlockKind::paragraph &&
        looks_like_name(input.text_of(next))) {
      signature.name = input.text_of(next);
      signature.span.end = input.span(next).end;
      input.use[next] = Use::footer;
      ++next;
    }
    header.signature = signature;
    last = std::max(last, next - 1);
    break;
  }
  split_signature_column(input, header);
  range.footer_end = last + 1;
}

void infer_from_attachment_lines(StructureInput& input, const DocumentRange& range,
                                 DocumentHeader& header) {
  if (header.number && header.date) return;
  const Pattern& attachment = header_pattern(input, "attachment_of");
  const Pattern& reference = input.grammar.pattern("references/references.re", "reference");
  for (std::size_t u = range.body_begin; u < range.end; ++u) {
    const std::string& folded = input.folded(u);
    auto m = attachment.find(folded, 0, true);
    if (!m) continue;
    auto r = reference.find(folded, m->groups[0].begin);
    if (!r) continue;
    // "Ban hành kèm theo Quyết định số ..." names the covering decision, not this plan.
    auto named =
        document_kind(input.grammar, std::string(r->text(folded, reference.group("type"))));
    if (named && header.kind && named->first != *header.kind) continue;
    std::size_t g = reference.group("number");
    if (!header.number) {
      DocumentNumber number = parse_document_number(input.original(u, (*r)[g].begin, (*r)[g].end));
      number.span = input.span(u, (*r)[g].begin, (*r)[g].end);
      header.number = number;
      header.inferred.push_back("number");
    }
    if (!header.date) {
      if (auto date = citation_date(reference, *r, folded)) {
        header.date = date->iso;
        header.date_span = input.span(u, date->begin, date->end);
        header.inferred.push_back("date");
      }
    }
    input.diagnostics.push_back({Severity::info, "header.inferred_from_appendix",
                                 "number or date taken from an appendix line naming this document",
                                 input.span(u)});
    if (!header.kind) header.kind = "plan";
    return;
  }
}

}  // namespace vnplan::internal
