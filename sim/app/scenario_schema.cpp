#include "app/scenario_schema.hpp"

#include "app/json_text.hpp"
#include "io/scenario_loader.hpp"

#include "coron/scenario.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string_view>
#include <vector>

namespace coron::app {
namespace {

std::string_view type_name(io::KeySchema::Type type) {
  switch (type) {
    case io::KeySchema::Type::boolean:
      return "boolean";
    case io::KeySchema::Type::integer:
      return "integer";
    case io::KeySchema::Type::number:
      return "number";
    case io::KeySchema::Type::string:
      return "string";
    case io::KeySchema::Type::array:
      return "array";
    case io::KeySchema::Type::object:
      return "object";
    case io::KeySchema::Type::any:
      break;
  }
  return "";
}

/// Writes one JSON object member by member, with commas and indentation.
class ObjectWriter {
 public:
  ObjectWriter(fmt::memory_buffer& out, int indent) : out_(out), indent_(indent) { out_.push_back('{'); }
  /// Starts member `name`; the caller then appends its value.
  void key(std::string_view name) {
    fmt::format_to(std::back_inserter(out_), "{}\n{:{}}", first_ ? "" : ",", "", indent_ + 2);
    append_json_string(out_, name);
    fmt::format_to(std::back_inserter(out_), ": ");
    first_ = false;
  }
  void string(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(out_, value);
  }
  void raw(std::string_view name, std::string_view value) {
    key(name);
    out_.append(value);
  }
  void strings(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    out_.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i != 0) out_.append(std::string_view(", "));
      append_json_string(out_, values[i]);
    }
    out_.push_back(']');
  }
  void close() {
    if (!first_) fmt::format_to(std::back_inserter(out_), "\n{:{}}", "", indent_);
    out_.push_back('}');
  }
  [[nodiscard]] int inner() const noexcept { return indent_ + 2; }

 private:
  fmt::memory_buffer& out_;
  int indent_;
  bool first_ = true;
};

/// A bound as JSON: whole numbers without a decimal point, so that integer keys read naturally.
std::string number(double value) { return fmt::format("{}", value); }

void write_node(fmt::memory_buffer& out, const io::KeySchema& s, int indent);

/// `[schema, ...]` of `schemas`, one per line.
template <class Range>
void write_list(fmt::memory_buffer& out, const Range& schemas, int indent) {
  out.push_back('[');
  bool first = true;
  for (const io::KeySchema& s : schemas) {
    fmt::format_to(std::back_inserter(out), "{}\n{:{}}", first ? "" : ",", "", indent + 2);
    write_node(out, s, indent + 2);
    first = false;
  }
  fmt::format_to(std::back_inserter(out), "\n{:{}}]", "", indent);
}

/// "Exactly one of these keys": one `{"required": [key]}` branch per key.
std::vector<io::KeySchema> one_of_branches(const std::vector<std::string>& keys) {
  std::vector<io::KeySchema> branches;
  for (const std::string& key : keys) branches.emplace_back().required = {key};
  return branches;
}

void write_node(fmt::memory_buffer& out, const io::KeySchema& s, int indent) {
  ObjectWriter w(out, indent);
  if (!s.description.empty()) w.string("description", s.description);
  if (s.type != io::KeySchema::Type::any) w.string("type", type_name(s.type));
  if (!s.enumeration.empty()) w.strings("enum", s.enumeration);
  if (s.minimum) w.raw("minimum", number(*s.minimum));
  if (s.maximum) w.raw("maximum", number(*s.maximum));
  if (s.min_items) w.raw("minItems", fmt::format("{}", *s.min_items));
  if (s.max_items) w.raw("maxItems", fmt::format("{}", *s.max_items));
  if (!s.items.empty()) {
    w.key("items");
    write_node(out, s.items.front(), w.inner());
  }
  if (!s.properties.empty()) {
    w.key("properties");
    ObjectWriter properties(out, w.inner());
    for (const io::KeyProperty& p : s.properties) {
      properties.key(p.name);
      write_node(out, p.schema, properties.inner());
    }
    properties.close();
  }
  if (!s.required.empty()) w.strings("required", s.required);
  if (s.one_of.size() == 1) {
    w.key("oneOf");
    write_list(out, one_of_branches(s.one_of.front()), w.inner());
  } else if (s.one_of.size() > 1) {
    // Each group is its own "exactly one".
    w.key("allOf");
    out.push_back('[');
    for (std::size_t g = 0; g < s.one_of.size(); ++g) {
      fmt::format_to(std::back_inserter(out), "{}\n{:{}}", g == 0 ? "" : ",", "", w.inner() + 2);
      ObjectWriter one(out, w.inner() + 2);
      one.key("oneOf");
      write_list(out, one_of_branches(s.one_of[g]), one.inner());
      one.close();
    }
    fmt::format_to(std::back_inserter(out), "\n{:{}}]", "", w.inner());
  }
  if (!s.year_values.empty()) {
    // YAML's year keys (2018:) are names in JSON's data model.
    w.raw("propertyNames", R"({"pattern": "^[0-9]{4}$"})");
    w.raw("minProperties", "1");
    w.key("additionalProperties");
    write_node(out, s.year_values.front(), w.inner());
  } else if (s.closed) {
    w.raw("additionalProperties", "false");
  }
  if (!s.any_of.empty()) {
    w.key("anyOf");
    write_list(out, s.any_of, w.inner());
  }
  w.close();
}

}  // namespace

std::string json_schema_node(const io::KeySchema& schema, int indent) {
  fmt::memory_buffer out;
  write_node(out, schema, indent);
  return fmt::to_string(out);
}

std::string scenario_json_schema() {
  io::KeySchema schema = io::describe_scenario();
  schema.description = fmt::format(
      "A coron scenario, schema version {} (docs/scenarios.md); written by `coron schema` from the "
      "loader's own reading of each key",
      scenario_schema_version);
  fmt::memory_buffer out;
  ObjectWriter w(out, 0);
  w.string("$schema", "https://json-schema.org/draft/2020-12/schema");
  w.string("title", "coron scenario");
  // The rest of the root's members follow the loader's description.
  std::string body = json_schema_node(schema, 0);
  CORON_ASSERT(body.size() >= 2 && body.front() == '{');
  body.erase(0, 1);  // the two members above open the same object
  out.push_back(',');
  out.append(body);
  out.push_back('\n');
  return fmt::to_string(out);
}

int schema_command() {
  const std::string text = scenario_json_schema();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace coron::app
