#include "app/dpe_commands.hpp"

#include "app/dpe_validation.hpp"
#include "app/progress.hpp"
#include "io/thermal_data.hpp"
#include "stock/dpe_import.hpp"
#include "stock/stock_csv.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>

namespace coron::app {

int stock_import_dpe_command(const DpeImportCommand& cmd) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(cmd.data_dir, diag);
  diag.throw_if_any();
  const stock::DpeCiteTable cites =
      cmd.cites.empty() ? stock::DpeCiteTable{} : stock::read_dpe_cite_table(cmd.cites);
  const std::vector<std::filesystem::path> files = stock::dpe_files(cmd.inputs);
  const stock::DpeImport result = [&] {
    // Closed (its bar's line ended) before the summary prints.
    Progress progress("importing certificates", static_cast<double>(files.size()), "certificates",
                      !cmd.quiet);
    return stock::import_dpe(files, cites, params,
                             [&progress](std::size_t done) { progress.update(static_cast<double>(done)); });
  }();
  fmt::print("{}", stock::dpe_import_summary(result));
  for (const stock::DpeImported& d : result.imported)
    for (const std::string& note : d.mapping.approximations)
      fmt::print("  {}: {}\n", d.certificate.file, note);
  if (result.stock.size() == 0) {
    diag.add(cmd.output.string(), 0, 0, "", "no certificate could be imported: nothing to write");
    diag.throw_if_any();
  }
  stock::write_stock_csv_file(result.stock, cmd.output);
  fmt::print("wrote {} ({} dwellings, {} cités)\n", cmd.output.string(), result.stock.size(),
             result.stock.cites.size());
  return 0;
}

int validate_dpe_command(const DpeValidationCommand& cmd) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(cmd.data_dir, diag);
  diag.throw_if_any();
  const stock::DpeImport result = stock::import_dpe(stock::dpe_files(cmd.inputs), {}, params);
  fmt::print("{}", stock::dpe_import_summary(result));
  fmt::print("{}", dpe_validation_report(compare_with_certificates(result, params, cmd.electricity_pef)));
  return 0;
}

}  // namespace coron::app
