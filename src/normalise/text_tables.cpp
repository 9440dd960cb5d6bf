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
#include <algorithm>

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

// Adds a line's pieces to the bands, or says no when one runs across the gap
// between two bands (or makes two bands touch).
bool fits(const std::vector<Piece>& pieces, std::vector<ColumnBand>& bands) {
  std::vector<ColumnBand> grown = bands;
  for (const Piece& p : pieces) {
    std::size_t touched = 0, at = 0;
    for (std::size_t b = 0; b < grown.size(); ++b)
      if (p.from < grown[b].to && p.to > grown[b].from) {
        ++touched;
        at = b;
      }
    if (touched > 1) return false;
    if (touched == 1) {
      grown[at].from = std::min(grown[at].from, p.from);
      grown[at].to = std::max(grown[at].to, p.to);
    } else {
      grown.push_back({p.from, p.to});
    }
  }
  std::sort(grown.begin(), grown.end(),
            [](const ColumnBand& a, const ColumnBand& b) { return a.from < b.from; });
  for (std::size_t b = 1; b < grown.size(); ++b)
    if (grown[b].from <= grown[b - 1].to) return false;
  bands = std::move(grown);
  return true;
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
    if (head_pieces.size() < 3) continue;
    std::size_t names = 0;
    for (const Piece& p : head_pieces)
      if (column_name.matches_at_start(
              folder.fold_string(head.raw.substr(p.byte_from, p.byte_to - p.byte_from))))
        ++names;
    if (names < 2) continue;

    std::vector<ColumnBand> bands;
    for (const Piece& p : head_pieces) bands.push_back({p.from, p.to});
    // Header lines wrapped above the one with the names (cells set at the bottom).
    std::size_t first = h;
    while (first > 0 && h - first < 3 && !lines[first - 1].blank &&
           lines[first - 1].raw.data() != nullptr && !erase[first - 1] &&
           fits(pieces_of(lines[first - 1].raw), bands))
      --first;
    // The body: lines that stay inside the bands; one blank line may sit between rows.
    std::size_t last = h, multi = 0;
    for (std::size_t i = h + 1; i < lines.size(); ++i) {
      if (lines[i].blank) {
        if (i + 1 < lines.size() && lines[i + 1].blank) break;
        continue;
      }
      if (lines[i].raw.data() == nullptr) break;
      std::vector<Piece> pieces = pieces_of(lines[i].raw);
      if (!fits(pieces, bands)) break;
      multi += pieces.size() >= 2;
      last = i;
    }
    if (bands.size() < 3 || multi < 1) continue;

    // Rows: the header, then one row per line with text in the first column.
    std::vector<RowDraft> rows;
    bool header_named = false;  // the header row has reached the line with the names
    for (std::size_t i = first; i <= last; ++i) {
      if (lines[i].blank) continue;
      std::vector<Piece> pieces = pieces_of(lines[i].raw);
      bool starts_row = rows.empty() || (!first_band_empty(pieces, bands) && header_named);
      if (i == h) header_named = true;
      if (starts_row) {
        rows.push_back({i, std::vector<MappedText>(bands.size()), {}});
      } else {
        rows.back().absorbed.push_back(i);
      }
      add_line_to(rows.back(), lines[i], pieces, bands);
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
