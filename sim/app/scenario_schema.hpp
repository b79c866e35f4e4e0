#pragma once
#include "io/key_schema.hpp"

#include <string>

// `coron schema`: the scenario format as a JSON Schema (draft 2020-12), written from what the
// loader itself asks for (io::describe_scenario), for editors' YAML language servers and for
// checking scenarios outside coron.

namespace coron::app {

/// `schema` as a JSON Schema node, indented by `indent` spaces (no "$schema" line).
[[nodiscard]] std::string json_schema_node(const io::KeySchema& schema, int indent);

/// The whole scenario schema: draft 2020-12, titled, ending with a newline.
[[nodiscard]] std::string scenario_json_schema();

/// Prints scenario_json_schema() on standard output; returns the exit code.
int schema_command();

}  // namespace coron::app
