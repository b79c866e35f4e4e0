#pragma once
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <vector>

// A scenario's `stock: {dpe: [...]}`: the certificates imported as `coron stock import-dpe`
// would, straight into the run (docs/dpe-import.md).

namespace coron::setup {

/// The certificates of `source.dpe` (files, and folders of *.xml) as a stock, each assigned to
/// its cité by `source.dpe_cites` or to the catch-all cité. Malformed XML, a bad cités table or
/// no certificate imported at all are added to `diag`; each refused certificate (file:line,
/// element path, reason) and the import's counts are added to `notices`.
[[nodiscard]] Stock load_dpe_stock(const StockSource& source, Diagnostics& diag,
                                   std::vector<Diagnostic>* notices);

}  // namespace coron::setup
