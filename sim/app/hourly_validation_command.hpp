#pragma once
#include <filesystem>

// `coron validate-hourly`: the annual heating need of each archetype by the monthly 3CL method
// and by the hourly 5R1C model, before and after standard packages of works (docs/validation.md).

namespace coron::app {

struct HourlyValidationCommand {
  std::filesystem::path weather;     ///< EPW file; empty: DATA/climate/lille-lesquin-typical.epw
  std::filesystem::path stock_file;  ///< stock CSV; empty: the stock generated from DATA/stock (seed 2017)
  std::filesystem::path data_dir;    ///< parameters folder (data/)
  bool csv = false;                  ///< CSV instead of the aligned table
};

/// Loads the data, the stock and the weather, runs every dwelling in every state and prints
/// the table. Bad input (data, stock, weather) throws InputError with every problem found.
int hourly_validation_command(const HourlyValidationCommand& cmd);

}  // namespace coron::app
