// A small JSON Schema validator for the tests: just the keywords
// docs/schema/vnplan-1.schema.json uses.
//
// Supported: $schema, $id, title, description, $defs (annotations, not checked),
// type (a name or a list of names), properties, required, additionalProperties
// (boolean only), items (one schema), enum, minimum, maximum, and $ref to
// "#/..." inside the same schema (2020-12 rules: keywords next to $ref apply
// too). Any other keyword is reported as an error, so a schema cannot rely on
// a check this validator does not make.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vnplan::test {

// Errors, one per failure, each starting with the JSON pointer of the failing
// value ("/sections/3/kind: ..."; "(root)" for the whole instance). Empty: valid.
std::vector<std::string> validate(const nlohmann::json& schema, const nlohmann::json& instance);

}  // namespace vnplan::test
