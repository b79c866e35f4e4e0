#pragma once
#include "coron/error.hpp"
#include "coron/funding.hpp"
#include "coron/scenario.hpp"
#include "coron/works.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading the works and their funding from data/: the measures, the rebuilt envelope,
// the named targets and the rehousing cost (data/measures.yaml), the rental bans
// (data/economics/rental-bans.yaml) and a funders file (data/economics/funders.yaml or a
// scenario's own). Every key is checked (type, unit, range, vocabulary, unknown keys);
// all problems go to the diagnostics, file:line:col first. docs/model-works.md, "Data".

namespace coron::io {

/// Reads `data_dir`/measures.yaml and `data_dir`/economics/rental-bans.yaml. Problems are
/// added to `diag`; the caller calls diag.throw_if_any(). Not thread-safe w.r.t. `diag`.
[[nodiscard]] WorksParams load_works_params(const std::filesystem::path& data_dir, Diagnostics& diag);
/// Same, throwing InputError with every problem.
[[nodiscard]] WorksParams load_works_params(const std::filesystem::path& data_dir);

/// The funders file a scenario uses when it names none.
[[nodiscard]] std::filesystem::path default_funders_file(const std::filesystem::path& data_dir);

/// Reads a funders file. The tenant contribution's `enabled` and the rent increase are
/// the scenario's (left at their defaults here). Problems are added to `diag`.
[[nodiscard]] FundingParams load_funding_params(const std::filesystem::path& file, Diagnostics& diag);
/// Same, throwing InputError with every problem.
[[nodiscard]] FundingParams load_funding_params(const std::filesystem::path& file);

/// Why `name` is not a measure of `works` ("unknown measure 'atic'; did you mean
/// 'attic'?"), or nothing when it is one.
[[nodiscard]] std::optional<std::string> measure_name_problem(std::string_view name,
                                                              const WorksParams& works);
/// Why `name` is not a target a package may reach (a label A..G or a named level of
/// `works`), or nothing when it is one.
[[nodiscard]] std::optional<std::string> target_name_problem(std::string_view name, const WorksParams& works);

/// The problems of a scenario's `renovation:` section against the works data, as
/// "renovation.package.measures[1]: unknown measure ..." (no position: for a scenario built
/// in code or checked against another data folder; the scenario loader reports the same
/// problems at their line:column when the data folder can be read).
[[nodiscard]] std::vector<std::string> check_renovation(const RenovationOptions& renovation,
                                                        const WorksParams& works);

}  // namespace coron::io
