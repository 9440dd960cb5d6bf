// The normalise stage: clean every line, then join lines into blocks.
#include <algorithm>
#include <cstring>

#include "internal.hpp"

namespace vnplan {

struct Normaliser::Impl {
  std::shared_ptr<const Grammar> grammar;
  Folder folder;
  internal::LineCleaner cleaner;
  std::shared_ptr<const internal::JoinPatterns> join_patterns;
  explicit Impl(std::shared_ptr<const Grammar> g)
      : grammar(std::move(g)),
        folder(*grammar),
        cleaner(*grammar),
        join_patterns(internal::make_join_patterns(*grammar)) {}
};

Normaliser::Normaliser(std::shared_ptr<const Grammar> grammar)
    : impl_(std::make_unique<Impl>(std::move(grammar))) {}
Normaliser::~Normaliser() = default;

const Folder& Normaliser::folder() const { return impl_->folder; }

NormalisedText Normaliser::run(const SourceFile& source, bool ocr_text) const {
  std::vector<internal::CleanLine> lines;
  const std::string& bytes = source.bytes;
  std::size_t newlines = 0;  // memchr from one to the next: a line costs one call
  for (const char *p = bytes.data(), *e = p + bytes.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))); ++p)
    ++newlines;
  lines.reserve(newlines + 1);
  std::size_t start = 0;
  std::uint32_t number = 1;
  // Converters write some tables as HTML blocks inside markdown; rendered
  // formats have had their tables written as pipe rows already.
  internal::HtmlTableRegions html_tables(is_rendered(source.format) ? std::string_view()
                                                                    : std::string_view(bytes));
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::size_t region_end = html_tables.region_from(start);
    if (region_end != std::string::npos &&
        internal::html_table_lines(bytes, start, region_end, number, impl_->cleaner, lines)) {
      number += static_cast<std::uint32_t>(
          std::count(bytes.begin() + static_cast<std::ptrdiff_t>(start),
                     bytes.begin() + static_cast<std::ptrdiff_t>(region_end), '\n') +
          1);
      start = region_end + 1;
      continue;
    }
    lines.push_back(impl_->cleaner.clean(bytes, start, end, number++));
    start = end + 1;
  }
  return internal::join_lines(std::move(lines), *impl_->join_patterns, impl_->folder, ocr_text,
                              source.format == SourceFormat::pdf);
}

}  // namespace vnplan
