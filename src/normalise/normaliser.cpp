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

NormalisedText Normaliser::run(const SourceFile& source) const {
  std::vector<internal::CleanLine> lines;
  const std::string& bytes = source.bytes;
  std::size_t newlines = 0;  // memchr from one to the next: a line costs one call
  for (const char *p = bytes.data(), *e = p + bytes.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))); ++p)
    ++newlines;
  lines.reserve(newlines + 1);
  std::size_t start = 0;
  std::uint32_t number = 1;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    lines.push_back(impl_->cleaner.clean(bytes, start, end, number++));
    start = end + 1;
  }
  return internal::join_lines(std::move(lines), *impl_->join_patterns, impl_->folder);
}

}  // namespace vnplan
