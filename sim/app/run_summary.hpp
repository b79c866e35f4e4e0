#pragma once
#include "coron/results.hpp"
#include "coron/scenario.hpp"

#include <cstddef>
#include <string>

namespace coron::app {

/// The table printed after a run: dwellings per label, final energy and CO2 of
/// the first replicate, every fifth year and the last one.
[[nodiscard]] std::string format_run_summary(const Scenario& scenario, std::size_t dwellings,
                                             const Aggregates& aggregates);

}  // namespace coron::app
