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
  std::filesystem::path data_dir;             ///< parameters folder: the carriers' GHG contents
  bool quiet = false;                         ///< no progress display
};
/// Imports the certificates, writes the stock CSV atomically, prints the summary.
int stock_import_dpe_command(const DpeImportCommand& cmd);

struct DpeValidationCommand {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path data_dir;
  /// Primary energy factor of electricity for every certificate; 0: the one in force on each
  /// certificate's date (2.3 until 2025, 1.9 from 2026; electricity_pef_in_force).
  double electricity_pef = 0.0;
};
/// Prints each certificate's figures beside the declared ones and the error distribution.
int validate_dpe_command(const DpeValidationCommand& cmd);

}  // namespace coron::app
