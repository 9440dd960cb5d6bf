// See schema_validator.hpp.
#include "schema_validator.hpp"

#include <cmath>
#include <set>

namespace vnplan::test {
namespace {

using nlohmann::json;

const std::set<std::string> kKeywords = {"$schema",     "$id",      "title",
                                         "description", "$defs",    "type",
                                         "properties",  "required", "additionalProperties",
                                         "items",       "enum",     "minimum",
                                         "maximum",     "$ref"};

// One JSON pointer token: "~" → "~0", "/" → "~1".
std::string escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

bool has_type(const json& value, const std::string& type) {
  if (type == "null") return value.is_null();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "number") return value.is_number();
  if (type == "integer") {
    if (value.is_number_integer()) return true;
    if (!value.is_number_float()) return false;
    double d = value.get<double>();
    return std::isfinite(d) && std::floor(d) == d;  // 1.0 is an integer in JSON Schema
  }
  return false;
}

class Validator {
 public:
  explicit Validator(const json& root) : root_(root) {}

  std::vector<std::string> errors;

  // `at`: JSON pointer of `value` in the instance; `where`: location of `schema`, for schema
  // errors.
  void check(const json& schema, const json& value, const std::string& at, const std::string& where,
             int depth = 0) {
    if (!schema.is_object()) return fail(at, "schema at " + where + " is not an object");
    for (const auto& [keyword, argument] : schema.items())
      if (!kKeywords.count(keyword))
        fail(at, "schema at " + where + " uses unsupported keyword '" + keyword + "'");

    if (schema.contains("$ref")) check_ref(schema["$ref"], value, at, where, depth);
    if (schema.contains("type")) check_type(schema["type"], value, at, where);
    if (schema.contains("enum")) check_enum(schema["enum"], value, at, where);
    if (value.is_number()) check_bounds(schema, value, at);
    if (value.is_object()) check_object(schema, value, at, where, depth);
    if (value.is_array() && schema.contains("items")) {
      for (std::size_t i = 0; i < value.size(); ++i)
        check(schema["items"], value[i], at + "/" + std::to_string(i), where + "/items", depth);
    }
  }

 private:
  const json& root_;

  void fail(const std::string& at, const std::string& message) {
    errors.push_back((at.empty() ? "(root)" : at) + ": " + message);
  }

  void check_ref(const json& ref, const json& value, const std::string& at,
                 const std::string& where, int depth) {
    if (!ref.is_string() || ref.get<std::string>().rfind("#/", 0) != 0)
      return fail(at, "schema at " + where + " has a $ref that is not \"#/...\"");
    if (depth > 64) return fail(at, "schema at " + where + ": $ref nesting too deep (a cycle?)");
    std::string target = ref.get<std::string>();
    const json* resolved = nullptr;
    try {
      json::json_pointer pointer(target.substr(1));
      if (root_.contains(pointer)) resolved = &root_.at(pointer);
    } catch (const json::exception&) {
    }
    if (!resolved) return fail(at, "schema at " + where + ": $ref " + target + " not found");
    check(*resolved, value, at, target, depth + 1);
  }

  void check_type(const json& type, const json& value, const std::string& at,
                  const std::string& where) {
    std::vector<std::string> allowed;
    if (type.is_string()) {
      allowed.push_back(type.get<std::string>());
    } else if (type.is_array()) {
      for (const auto& t : type)
        if (t.is_string()) allowed.push_back(t.get<std::string>());
    }
    if (allowed.empty()) return fail(at, "schema at " + where + " has a bad \"type\"");
    for (const auto& t : allowed)
      if (has_type(value, t)) return;
    std::string names;
    for (const auto& t : allowed) names += (names.empty() ? "" : " or ") + t;
    fail(at, "expected " + names + ", got " + value.type_name() + " " + value.dump());
  }

  void check_enum(const json& options, const json& value, const std::string& at,
                  const std::string& where) {
    if (!options.is_array())
      return fail(at, "schema at " + where + " has an \"enum\" that is not an array");
    for (const auto& option : options)
      if (option == value) return;
    fail(at, value.dump() + " is not one of " + options.dump());
  }

  void check_bounds(const json& schema, const json& value, const std::string& at) {
    double v = value.get<double>();
    if (schema.contains("minimum") && schema["minimum"].is_number() &&
        v < schema["minimum"].get<double>())
      fail(at, value.dump() + " is less than the minimum " + schema["minimum"].dump());
    if (schema.contains("maximum") && schema["maximum"].is_number() &&
        v > schema["maximum"].get<double>())
      fail(at, value.dump() + " is greater than the maximum " + schema["maximum"].dump());
  }

  void check_object(const json& schema, const json& value, const std::string& at,
                    const std::string& where, int depth) {
    static const json kNone = json::object();
    const json& properties = schema.contains("properties") ? schema["properties"] : kNone;
    for (const auto& [name, subschema] : properties.items())
      if (value.contains(name))
        check(subschema, value[name], at + "/" + escape(name),
              where + "/properties/" + escape(name), depth);
    if (schema.contains("required")) {
      for (const auto& name : schema["required"])
        if (name.is_string() && !value.contains(name.get<std::string>()))
          fail(at, "missing required property '" + name.get<std::string>() + "'");
    }
    if (schema.contains("additionalProperties")) {
      const json& additional = schema["additionalProperties"];
      if (!additional.is_boolean())
        return fail(at,
                    "schema at " + where + ": only a boolean additionalProperties is supported");
      if (additional.get<bool>()) return;
      for (const auto& [name, ignored] : value.items())
        if (!properties.contains(name)) fail(at, "unexpected property '" + name + "'");
    }
  }
};

}  // namespace

std::vector<std::string> validate(const nlohmann::json& schema, const nlohmann::json& instance) {
  Validator validator(schema);
  validator.check(schema, instance, "", "#");
  return validator.errors;
}

}  // namespace vnplan::test
