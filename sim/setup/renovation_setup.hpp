#pragma once
#include "coron/engine.hpp"
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

// The checks of a scenario's renovation section that need the data folder or the
// stock, and the names they turn into indices: the measures of a package and its
// target (data/measures.yaml), the cités of the operations and of the funders (the
// stock's cités). Every problem goes to `diag`, located in the scenario file.

namespace coron::setup {

/// Checks `scenario.renovation` against `params.works` and `stock`, and fills the
/// operations' and funders' cite_ids.
void resolve_renovation(Scenario& scenario, ModelParams& params, const Stock& stock, Diagnostics& diag);

}  // namespace coron::setup
