#pragma once
#include <filesystem>
#include <string>

// `coron bestest`: ASHRAE Standard 140 cases 600, 900, 600FF and 900FF with the hourly 5R1C
// model, each figure beside the reference programs' (docs/validation.md).

namespace coron::app {

struct BestestCommand {
  std::string case_name = "all";  ///< 600, 900, 600FF, 900FF or all
  std::filesystem::path weather;  ///< EPW file (the default is ASHRAE 140's 725650TYCST)
};

/// Runs the case or cases and prints the table. An unreadable weather file throws InputError.
int bestest_command(const BestestCommand& cmd);

}  // namespace coron::app
