#pragma once
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <vector>

// A scenario's `stock: {dpe: [...]}`: the certificates imported as `coron stock import-dpe`
// would, straight into the run (docs/dpe-import.md).

namespace coron::setup {

/// The certificates of `source.dpe` (files, and folders of *.xml) as a stock, each assigned to
/// its cité by `source.dpe_cites` or to the catch-all cité, each use burning its certificate's
/// carrier's GHG content from `params` (stock/dpe_carriers.hpp). Malformed XML, a bad cités table or
/// no certificate imported at all are added to `diag`; each refused certificate (file:line,
/// element path, reason) and the import's counts are added to `notices`.
[[nodiscard]] Stock load_dpe_stock(const StockSource& source, const ThermalParams& params, Diagnostics& diag,
                                   std::vector<Diagnostic>* notices);

}  // namespace coron::setup
