// The agencies of one document, shared by the text walk and the table reader.
#include "internal.hpp"

namespace vnplan::internal {

AgencyBook::AgencyBook(const ItemContext& ctx) : ctx_(ctx) {
  for (std::size_t i = 0; i < ctx.model.agencies.size(); ++i)
    index_.emplace(ctx.model.agencies[i].id, i);
}

std::string AgencyBook::add(const AgencyName& name, const Span& span, const std::string& role) {
  const AgencyInfo& info = name.info;
  auto [it, added] = index_.try_emplace(info.id, ctx_.model.agencies.size());
  if (added) {
    Agency agency;
    agency.id = info.id;
    agency.name = info.name.empty() ? name.text : info.name;
    agency.aliases = info.aliases;
    agency.kind = info.kind;
    agency.level = info.level;
    agency.successor = info.successor;
    agency.parent = info.parent;
    ctx_.model.agencies.push_back(std::move(agency));
    if (!name.known())
      ctx_.input.diagnostics.push_back({Severity::info, "agency.unknown",
                                        "agency not in the registry: \"" + name.text + "\"", span});
  }
  ctx_.model.agencies[it->second].mentions.push_back({name.text, role, span});
  return info.id;
}

}  // namespace vnplan::internal
