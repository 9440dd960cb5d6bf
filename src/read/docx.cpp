// Reads DOCX files: renders them as text for the pipeline (see rendition.hpp).
#include "rendition.hpp"

namespace vnplan::internal {

RenderResult render_docx(const std::string& path, const std::string&) {
  return {std::nullopt, ReadError{path, "DOCX input is not supported yet", {}, {}}};
}

}  // namespace vnplan::internal
