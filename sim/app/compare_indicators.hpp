#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What `coron compare` shows: the planner's indicators, each a formula over a few
// whole-stock totals (/aggregate/NAME) of the compared file and, for figures
// relative to the reference (the first file), of the reference. docs/compare.md
// gives each one's meaning, unit and formula.

namespace coron::app {

struct ComparedRun;

/// Where an indicator is listed in the printed table.
enum class Section : unsigned char {
  works,
  spending,
  versus_reference,
  energy,
  labels,
  rental_bans,
  households
};

/// One input of an indicator: a whole-stock total of one file at the chosen year.
struct Quantity {
  std::string dataset;            ///< NAME of /aggregate/NAME
  std::vector<std::size_t> bins;  ///< bins summed ([R, Y, bins] datasets); empty: bin 0
  std::string bin_name;           ///< else the bin of that name (`funders`, `names` attribute)
  bool cumulative = false;        ///< summed over the years from the file's first to the chosen one
  bool of_reference = false;      ///< the reference's total, not the compared file's
  bool zero_when_absent = false;  ///< a file without the dataset counts 0 (no works, no spending)
};

/// Combines the inputs (in the order of Indicator::inputs) into the figure; NaN
/// when it is not defined (a ratio over nothing). Pure function.
using Formula = double (*)(std::span<const double> inputs);

struct Indicator {
  std::string id;     ///< stable name for CSV and JSON, e.g. "renovated", "spend_by_funder/anah"
  std::string label;  ///< what the printed table says
  std::string unit;
  Section section = Section::works;
  int decimals = 0;       ///< printed decimals
  bool relative = false;  ///< uses the reference: paired or unpaired, see Pairing
  std::vector<Quantity> inputs;
  Formula formula = nullptr;
};

/// The indicators for these files, in printed order: the fixed list plus one row
/// per funder named by any file's /aggregate/spend_by_funder.
[[nodiscard]] std::vector<Indicator> indicators_for(std::span<const ComparedRun> runs);

}  // namespace coron::app
