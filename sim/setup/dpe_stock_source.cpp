#include "setup/dpe_stock_source.hpp"

#include "stock/dpe_import.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace coron::setup {

namespace {

void add_all(const InputError& e, Diagnostics& diag) {
  for (const Diagnostic& d : e.diagnostics()) diag.add(d);
}

}  // namespace

Stock load_dpe_stock(const StockSource& source, const ThermalParams& params, Diagnostics& diag,
                     std::vector<Diagnostic>* notices) {
  // The table and the certificates are both read before giving up, so that one run reports
  // the problems of each.
  stock::DpeCiteTable cites;
  bool cites_read = true;
  if (!source.dpe_cites.empty()) {
    try {
      cites = stock::read_dpe_cite_table(source.dpe_cites);
    } catch (const InputError& e) {
      add_all(e, diag);
      cites_read = false;
    }
  }
  const std::string first = source.dpe.empty() ? std::string() : source.dpe.front().string();
  stock::DpeImport result;
  try {
    const std::vector<std::filesystem::path> files = stock::dpe_files(source.dpe);
    if (files.empty()) {
      diag.add(first, 0, 0, "stock.dpe", "expected certificates (.xml files), found none");
      return Stock{};
    }
    result = stock::import_dpe(files, cites, params);
  } catch (const InputError& e) {
    add_all(e, diag);
    return Stock{};
  }
  if (!cites_read) return Stock{};

  if (result.stock.size() == 0) {
    diag.add(first, 0, 0, "stock.dpe",
             fmt::format("no certificate could be imported ({} refused): the run has no dwelling",
                         result.refused.size()));
    return Stock{};
  }
  if (notices != nullptr) {
    const auto approximated =
        std::count_if(result.imported.begin(), result.imported.end(),
                      [](const stock::DpeImported& d) { return !d.mapping.approximations.empty(); });
    notices->push_back(
        {first, 0, 0, "stock.dpe",
         fmt::format(
             "imported {} certificates, {} of them approximated (`coron stock import-dpe` lists what), "
             "refused {}",
             result.imported.size(), approximated, result.refused.size())});
    for (const stock::DpeRefusal& r : result.refused)
      notices->push_back({r.file, r.line, 0, r.path, "certificate refused: " + r.reason});
  }
  return std::move(result.stock);
}

}  // namespace coron::setup
