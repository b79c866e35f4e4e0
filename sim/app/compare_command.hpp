#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace coron::app {

struct CompareCommand {
  std::vector<std::filesystem::path> files;  ///< results files; the first is the reference
  std::vector<int> years;                    ///< empty: default_years of the reference
  std::string csv;                           ///< long CSV to this file; "-": standard output
  std::string json;                          ///< JSON to this file; "-": standard output
};

/// `coron compare`: reads every file, refuses (InputError, exit code 2) missing or
/// unreadable files, other stocks and other schema versions (all problems at
/// once), then prints the side-by-side table and writes the CSV and JSON asked
/// for. When an export goes to standard output the table is not printed.
int compare_command(const CompareCommand& cmd);

}  // namespace coron::app
