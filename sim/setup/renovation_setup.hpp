#pragma once
#include "coron/engine.hpp"
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

// The checks of a scenario's renovation section that need the stock, and the names
// they turn into indices: the cités of the operations and of the funders (the
// stock's cités). Every problem goes to `diag`, located in the scenario file. (The
// measure and target names are checked against data/measures.yaml by the loader.)

namespace coron::setup {

/// Fills the operations' and funders' cite_ids from their cité names, and the scenario's
/// funding options into `params.funding`.
void resolve_renovation(Scenario& scenario, ModelParams& params, const Stock& stock, Diagnostics& diag);

}  // namespace coron::setup
