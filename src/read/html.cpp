// Reads HTML files: renders them as text for the pipeline (see rendition.hpp).
#include "rendition.hpp"

namespace vnplan::internal {

RenderResult render_html(const std::string& path, const std::string&) {
  return {std::nullopt, ReadError{path, "HTML input is not supported yet", {}, {}}};
}

}  // namespace vnplan::internal
