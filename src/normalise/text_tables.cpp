// Text tables: columns aligned by runs of spaces, as `pdftotext -layout` writes
// them, rebuilt into pipe rows before joining.
//
// A table starts at a header line of known column names (grammar
// structure/text_tables.re, key column_name) that shows three or more columns,
// each set apart by two spaces or more. The columns are bands of character
// positions; the lines after the header belong to the table while their text
// stays inside the bands (a line running across a gap between two columns is
// prose again). A line with text in the first column starts a row; a line
// whose first column is empty goes on with the cells of the row above (cells
// wrapped over several lines); header lines wrapped above or below the line
// with the column names join the header. Each row becomes one pipe row
// ("| a | b | c |") built from slices of the cleaned lines, so every byte of a
// cell still maps to the input.
//
// A table that runs over pages repeats its header on each (after a form
// feed), often with its columns a few characters elsewhere: the repeat sets
// the new page's bands, becomes a pipe row of its own (the structure stage
// drops repeats of a header), and the lines under it with an empty first
// column go on with the row the page cut. Tight columns may be one space
// apart, or a word a character or two into the next band (kColumnSlack).
#include <algorithm>
#include <cstdint>
#include <set>

#include "internal.hpp"

namespace vnplan::internal {
namespace {

// A stretch of a raw line between runs of two spaces or more, in character
// positions (code points from the line start) and raw byte offsets.
struct Piece {
  std::size_t from = 0, to = 0;            // character positions [from, to)
  std::size_t byte_from = 0, byte_to = 0;  // byte offsets in the raw line
};

struct ColumnBand {
  std::size_t from = 0, to = 0;
};

std::vector<Piece> pieces_of(std::string_view raw) {
  std::vector<Piece> pieces;
  std::size_t position = 0, spaces = 0;
  bool open = false;
  Piece piece;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if ((c & 0xC0) == 0x80) {  // a continuation byte belongs to the character before
      if (open) piece.byte_to = i + 1;
      continue;
    }
    if (c == '\f') continue;  // pdftotext's page break, before a page's first line
    if (c == ' ' || c == '\t' || c == '\r') {
      ++spaces;
      position += c == '\t' ? 8 - position % 8 : 1;
      continue;
    }
    if (open && spaces >= 2) {
      pieces.push_back(piece);
      open = false;
    }
    if (!open) {
      piece = {position, position, i, i};
      open = true;
    }
    spaces = 0;
    ++position;
    piece.to = position;
    piece.byte_to = i + 1;
  }
  if (open) pieces.push_back(piece);
  return pieces;
}

// Characters a word may stand off its column: pdftotext places the words of a
// proportional font a character or two off, and cells of tight columns run up
// to the next one.
constexpr std::size_t kColumnSlack = 3;

std::size_t overlap(const Piece& p, const ColumnBand& band) {
  std::size_t from = std::max(p.from, band.from), to = std::min(p.to, band.to);
  return to > from ? to - from : 0;
}

// Adds a line's pieces to the bands, or says no when one runs across the gap
// between two bands (further than kColumnSlack into the second).
bool fits(const std::vector<Piece>& pieces, std::vector<ColumnBand>& bands) {
  std::vector<ColumnBand> grown = bands;
  for (const Piece& p : pieces) {
    std::size_t touched = 0, at = 0, most = 0;
    for (std::size_t b = 0; b < grown.size(); ++b) {
      std::size_t shared = overlap(p, grown[b]);
      if (shared == 0) continue;
      ++touched;
      if (shared > most) {
        most = shared;
        at = b;
      }
    }
    if (touched == 0) {
      grown.push_back({p.from, p.to});
      continue;
    }
    if (touched > 1 && most + kColumnSlack < p.to - p.from) return false;  // not one band's
    // Its band grows up to its neighbours, not into them.
    std::size_t low = 0, high = SIZE_MAX;
    for (std::size_t b = 0; b < grown.size(); ++b) {
      if (b == at) continue;
      if (grown[b].from < grown[at].from) {
        if (overlap(p, grown[b]) > kColumnSlack) return false;
        low = std::max(low, grown[b].to);
      } else {
        if (overlap(p, grown[b]) > kColumnSlack) return false;
        high = std::min(high, grown[b].from);
      }
    }
    grown[at].from = std::min(grown[at].from, std::max(p.from, low));
    grown[at].to = std::max(grown[at].to, std::min(p.to, high));
  }
  std::sort(grown.begin(), grown.end(),
            [](const ColumnBand& a, const ColumnBand& b) { return a.from < b.from; });
  for (std::size_t b = 1; b < grown.size(); ++b)
    if (grown[b].from < grown[b - 1].to) return false;  // tight columns may touch
  bands = std::move(grown);
  return true;
}

// The words of a piece, split at single spaces.
std::vector<Piece> words_in(std::string_view raw, const Piece& piece) {
  std::vector<Piece> words;
  std::size_t position = piece.from;
  bool in_word = false;
  for (std::size_t i = piece.byte_from; i < piece.byte_to; ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if ((c & 0xC0) == 0x80) {  // a continuation byte belongs to the character before
      if (in_word) words.back().byte_to = i + 1;
      continue;
    }
    if (c == ' ') {
      in_word = false;
    } else {
      if (!in_word) words.push_back({position, position, i, i});
      in_word = true;
      words.back().to = position + 1;
      words.back().byte_to = i + 1;
    }
    ++position;
  }
  return words;
}

// pdftotext sets tight columns one space apart ("lãnh đạo, chỉ giáo và Dân"
// for "lãnh đạo, chỉ" and "giáo và Dân"): a piece that runs over two bands or
// more is cut where a word starts at the next band, when the words before end
// short of it and every part stays inside its band. Prose runs its words over
// the gaps, in one piece: a line of one piece stays whole.
std::vector<Piece> cut_at_bands(std::string_view raw, const std::vector<Piece>& pieces,
                                const std::vector<ColumnBand>& bands) {
  if (pieces.size() < 2) return pieces;
  auto band_at = [&](std::size_t position) {  // the last band starting there or before
    std::size_t found = 0;
    for (std::size_t b = 0; b < bands.size(); ++b)
      if (bands[b].from <= position + kColumnSlack) found = b;
    return found;
  };
  std::vector<Piece> cut;
  for (const Piece& piece : pieces) {
    std::size_t touched = 0;
    for (const ColumnBand& band : bands) touched += overlap(piece, band) > 0;
    if (touched < 2) {
      cut.push_back(piece);
      continue;
    }
    std::vector<Piece> parts;
    std::size_t part_band = 0;
    bool aligned = true;
    for (const Piece& word : words_in(raw, piece)) {
      std::size_t band = band_at(word.from);
      if (parts.empty() || band != part_band) {
        if (!parts.empty() && (band < part_band || parts.back().to > bands[band].from)) {
          aligned = false;
          break;
        }
        parts.push_back(word);
        parts.back().from = std::max(word.from, bands[band].from);
        part_band = band;
        continue;
      }
      parts.back().to = word.to;
      parts.back().byte_to = word.byte_to;
    }
    std::size_t band = 0;
    for (const Piece& part : parts) {
      while (band + 1 < bands.size() && bands[band + 1].from <= part.from) ++band;
      aligned = aligned && part.to <= bands[band].to + kColumnSlack;
    }
    if (aligned)
      cut.insert(cut.end(), parts.begin(), parts.end());
    else
      cut.push_back(piece);
  }
  return cut;
}

std::size_t band_of(const Piece& piece, const std::vector<ColumnBand>& bands) {
  std::size_t best = 0, best_overlap = 0;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    std::size_t from = std::max(piece.from, bands[b].from), to = std::min(piece.to, bands[b].to);
    std::size_t overlap = to > from ? to - from : 0;
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = b;
    }
  }
  return best;
}

// The cleaned bytes of `line` whose origins fall in the raw bytes [from, to).
MappedText cleaned_slice(const CleanLine& line, std::size_t raw_start, const Piece& piece) {
  const MappedText& text = line.text;
  std::uint64_t from = raw_start + piece.byte_from, to = raw_start + piece.byte_to;
  std::size_t a = text.text.size(), b = 0;
  for (std::size_t i = 0; i < text.text.size(); ++i) {
    std::uint64_t origin = text.origin_of(i);
    if (origin >= from && origin < to) {
      a = std::min(a, i);
      b = i + 1;
    }
  }
  if (a >= b) return MappedText{};
  while (a < b && text.text[a] == ' ') ++a;
  while (b > a && text.text[b - 1] == ' ') --b;
  MappedText slice = text.slice(a, b);
  for (std::size_t at = slice.text.find('|'); at != std::string::npos;
       at = slice.text.find('|', at + 2))
    slice.replace(at, at + 1, "\\|");  // a "|" inside a cell is text
  return slice;
}

void put(MappedText& row, std::string_view literal) {
  MappedText none;
  none.end_origin = row.end_origin;
  row.append(none, literal);
}

struct RowDraft {
  std::size_t line = 0;               // the line that will hold the pipe row
  std::vector<MappedText> cells;      // one per band
  std::vector<std::size_t> absorbed;  // other lines whose text went into the cells
};

void add_line_to(RowDraft& row, const CleanLine& line, const std::vector<Piece>& pieces,
                 const std::vector<ColumnBand>& bands) {
  for (const Piece& piece : pieces) {
    MappedText text = cleaned_slice(line, line.raw_start, piece);
    if (text.text.empty()) continue;
    MappedText& cell = row.cells[band_of(piece, bands)];
    if (cell.text.empty())
      cell = std::move(text);
    else
      cell.append(text, " ");
  }
}

MappedText pipe_row(const RowDraft& draft, std::uint32_t origin) {
  MappedText row;
  row.end_origin = origin;
  put(row, "|");
  for (const MappedText& cell : draft.cells) {
    if (!cell.text.empty()) {
      put(row, " ");
      row.append(cell, "");
    }
    put(row, " |");
  }
  return row;
}

bool first_band_empty(const std::vector<Piece>& pieces, const std::vector<ColumnBand>& bands) {
  for (const Piece& p : pieces)
    if (band_of(p, bands) == 0) return false;
  return true;
}

// A line's words, folded, one space apart: a header repeated at the top of a
// page is the same text wherever that page's layout put its columns.
std::string words_of(std::string_view raw, const Folder& folder) {
  std::string words;
  bool gap = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      gap = !words.empty();
      continue;
    }
    if (gap) words += ' ';
    gap = false;
    words += c;
  }
  return folder.fold_string(words);
}

std::size_t column_names_in(std::string_view raw, const Pattern& column_name,
                            const Folder& folder) {
  std::size_t names = 0;
  for (const Piece& p : pieces_of(raw))
    if (column_name.matches_at_start(
            folder.fold_string(raw.substr(p.byte_from, p.byte_to - p.byte_from))))
      ++names;
  return names;
}

// A header's cells are column names, a few words each; a paragraph whose
// sentences hold double spaces ("có  ≥ 10  nhiệm vụ") is no header.
bool short_cells(const std::vector<Piece>& pieces) {
  constexpr std::size_t kLongestHeaderCell = 60;  // characters
  return std::all_of(pieces.begin(), pieces.end(),
                     [](const Piece& p) { return p.to - p.from <= kLongestHeaderCell; });
}

bool starts_page(const CleanLine& line) {
  std::size_t text = line.raw.find_first_not_of(" \t");
  return text != std::string_view::npos && line.raw[text] == '\f';
}

bool is_text_line(const CleanLine& line) { return !line.blank && line.raw.data() != nullptr; }

// The columns of a page: bands from its header lines [from, to), or none when
// they do not line up.
std::vector<ColumnBand> header_bands(const std::vector<CleanLine>& lines, std::size_t from,
                                     std::size_t to) {
  std::vector<ColumnBand> bands;
  for (std::size_t k = from; k < to; ++k)
    if (!fits(pieces_of(lines[k].raw), bands)) return {};
  return bands;
}

// Where the cells of one page's lines fall: a table that runs over pages may
// have its columns at other positions on each page (pdftotext lays each page
// out anew).
struct Page {
  std::size_t first_line = 0;
  std::vector<ColumnBand> bands;
};

}  // namespace

std::size_t rebuild_text_tables(std::vector<CleanLine>& lines, const Pattern& column_name,
                                const Folder& folder) {
  std::size_t tables = 0;
  std::vector<bool> erase(lines.size(), false);
  for (std::size_t h = 0; h < lines.size(); ++h) {
    const CleanLine& head = lines[h];
    if (head.blank || head.raw.data() == nullptr || head.raw.find("  ") == std::string_view::npos)
      continue;
    std::vector<Piece> head_pieces = pieces_of(head.raw);
    if (head_pieces.size() < 3 || !short_cells(head_pieces)) continue;
    if (column_names_in(head.raw, column_name, folder) < 2) continue;

    std::vector<ColumnBand> bands;
    for (const Piece& p : head_pieces) bands.push_back({p.from, p.to});
    // A header wrapped over lines may name columns on more than one of them
    // ("trì phụ  Cơ quan thực  Thời gian" above "TT  Tên nhiệm vụ  trách/chỉ
    // đạo  …"): the last of them closes the header.
    while (h + 1 < lines.size() && is_text_line(lines[h + 1]) &&
           short_cells(pieces_of(lines[h + 1].raw)) &&
           column_names_in(lines[h + 1].raw, column_name, folder) >= 2 &&
           fits(pieces_of(lines[h + 1].raw), bands))
      ++h;
    // Header lines wrapped above the one with the names (cells set at the bottom),
    // on the same page: above a form feed is the end of the page before.
    std::size_t first = h;
    while (first > 0 && h - first < 3 && !starts_page(lines[first]) && !lines[first - 1].blank &&
           lines[first - 1].raw.data() != nullptr && !erase[first - 1] &&
           fits(pieces_of(lines[first - 1].raw), bands))
      --first;
    std::set<std::string> header_words;
    for (std::size_t k = first; k <= h; ++k) header_words.insert(words_of(lines[k].raw, folder));
    auto repeats_header = [&](std::size_t i) {
      return is_text_line(lines[i]) && header_words.count(words_of(lines[i].raw, folder)) > 0;
    };
    // The body: lines that stay inside the bands; one blank line may sit between
    // rows. The header repeated on a new page starts that page's bands.
    std::vector<Page> pages{{first, bands}};
    std::vector<bool> repeated;  // by line - first: a header repeated on a later page
    auto is_repeat = [&](std::size_t i) {
      return i - first < repeated.size() && repeated[i - first];
    };
    std::size_t last = h, multi = 0;
    for (std::size_t i = h + 1; i < lines.size(); ++i) {
      if (lines[i].blank) {
        if (i + 1 < lines.size() && lines[i + 1].blank) break;
        continue;
      }
      if (lines[i].raw.data() == nullptr) break;
      if (repeats_header(i)) {
        std::size_t end = i;
        while (end < lines.size() && repeats_header(end)) ++end;
        std::vector<ColumnBand> page_bands = header_bands(lines, i, end);
        if (page_bands.size() != pages.front().bands.size()) break;
        repeated.resize(end - first, false);
        for (std::size_t k = i; k < end; ++k) repeated[k - first] = true;
        pages.push_back({i, std::move(page_bands)});
        last = end - 1;
        i = end - 1;
        continue;
      }
      std::vector<Piece> pieces =
          cut_at_bands(lines[i].raw, pieces_of(lines[i].raw), pages.back().bands);
      if (!fits(pieces, pages.back().bands)) break;
      multi += pieces.size() >= 2;
      last = i;
    }
    std::size_t columns = 0;
    for (const Page& page : pages) columns = std::max(columns, page.bands.size());
    if (columns < 3 || multi < 1) continue;

    // Rows: the header, then one row per line with text in the first column. A
    // header repeated on a new page is a row of its own (the structure stage
    // knows it for a repeat); the lines under it with an empty first column go
    // on with the row the page break cut.
    std::vector<RowDraft> rows;
    bool header_named = false;  // the header row has reached the line with the names
    std::size_t page = 0, open_row = 0;
    for (std::size_t i = first; i <= last; ++i) {
      if (lines[i].blank) continue;
      while (page + 1 < pages.size() && pages[page + 1].first_line <= i) ++page;
      const std::vector<ColumnBand>& page_bands = pages[page].bands;
      std::vector<Piece> pieces = cut_at_bands(lines[i].raw, pieces_of(lines[i].raw), page_bands);
      bool repeat = is_repeat(i), new_repeat = repeat && (i == first || !is_repeat(i - 1));
      bool starts_row = rows.empty() || new_repeat ||
                        (!repeat && !first_band_empty(pieces, page_bands) && header_named);
      if (i == h) header_named = true;
      if (starts_row) {
        rows.push_back({i, std::vector<MappedText>(columns), {}});
        if (!repeat) open_row = rows.size() - 1;
      }
      RowDraft& row = repeat ? rows.back() : rows[open_row];
      if (!starts_row) row.absorbed.push_back(i);
      add_line_to(row, lines[i], pieces, page_bands);
    }
    for (const RowDraft& row : rows) {
      CleanLine& line = lines[row.line];
      line.text = pipe_row(row, static_cast<std::uint32_t>(line.text.origin_of(0)));
      line.decorated = false;
      for (std::size_t k : row.absorbed) erase[k] = true;
    }
    ++tables;
    h = last;
  }
  if (tables > 0) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (!erase[i]) {
        if (kept != i) lines[kept] = std::move(lines[i]);  // no self-move: it would empty the line
        ++kept;
      }
    lines.resize(kept);
  }
  return tables;
}

}  // namespace vnplan::internal
