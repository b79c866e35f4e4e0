#pragma once
#include "io/yaml_reader.hpp"

#include "coron/error.hpp"
#include "coron/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>

// Reading a scenario (schema version 1, docs/scenarios.md). Every problem in the
// file is collected before anything is thrown, so one run of `coron validate`
// lists them all.

namespace coron::io {

/// Reads and checks `file`; throws InputError carrying every problem found, in file order.
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& file);

/// Reads a scenario from `text` as if from `display_path`; relative paths in it
/// (data, stock.file) are resolved against `folder`. Throws like load_scenario.
[[nodiscard]] Scenario parse_scenario(std::string text, std::string display_path,
                                      const std::filesystem::path& folder);

/// Reads a scenario from a parsed file, recording problems in `diag` instead of
/// throwing; nothing is returned when there was any.
[[nodiscard]] std::optional<Scenario> read_scenario(const YamlFile& file, Diagnostics& diag);

/// Every key read_scenario asks for, with its type, range and vocabulary, recorded by running
/// the same reading code over no document (scenario_schema.hpp writes it as a JSON Schema).
[[nodiscard]] KeySchema describe_scenario();

}  // namespace coron::io
