#pragma once
#include <filesystem>
#include <vector>

// `coron stock import-dpe` and `coron validate-dpe`: ADEME DPE certificates as stock rows,
// and the 3CL kernel measured against what they declare (docs/dpe-import.md).

namespace coron::app {

struct DpeImportCommand {
  std::vector<std::filesystem::path> inputs;  ///< certificate files or folders of them
  std::filesystem::path output;               ///< stock CSV to write
  std::filesystem::path cites;                ///< cités table (key,cite); empty: every row in the catch-all
  bool quiet = false;                         ///< no progress display
};
/// Imports the certificates, writes the stock CSV atomically, prints the summary.
int stock_import_dpe_command(const DpeImportCommand& cmd);

struct DpeValidationCommand {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path data_dir;
  /// Primary energy factor of electricity: 2.3 for certificates issued before 2026
  /// (arrêté du 31 mars 2021; shared/reference/thermal-reference.md §4.2).
  double electricity_pef = 2.3;
};
/// Prints each certificate's figures beside the declared ones and the error distribution.
int validate_dpe_command(const DpeValidationCommand& cmd);

}  // namespace coron::app
