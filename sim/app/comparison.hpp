#pragma once
#include "app/compare_indicators.hpp"
#include "app/replicate_stats.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

// The numbers `coron compare` reports, computed from the files and kept apart from
// how they are printed (compare_text) or exported (compare_export).

namespace coron::app {

struct ComparedRun;

/// How a file's figures relative to the reference are taken.
enum class Pairing : unsigned char {
  reference,  ///< the reference itself (its differences are 0)
  paired,     ///< same seed and replicates: replicate r against replicate r, then P10/P50/P90
  unpaired,   ///< otherwise: a single difference of medians, no interval
};

/// Same seed and replicate count mean common random numbers: replicate r of each
/// file is driven by the same draws, so r against r removes their shared noise.
[[nodiscard]] Pairing pairing_of(const ComparedRun& run, const ComparedRun& reference);

/// One figure of one file at one year.
struct Cell {
  enum class Kind : unsigned char {
    missing,            ///< the file lacks the data, or the figure is not defined
    spread,             ///< P10/P50/P90 across replicates (or of paired differences)
    median_difference,  ///< unpaired figure: from the medians of its inputs
  };
  Kind kind = Kind::missing;
  Spread spread;           ///< spread: the quantiles; median_difference: all three the value
  std::size_t sample = 0;  ///< spread: replicates summarised
};

/// One column of the comparison: a file.
struct ComparedFile {
  std::string file;
  std::string scenario;
  std::size_t replicates = 0;
  std::uint64_t seed = 0;
  int first_year = 0;
  int last_year = 0;
  Pairing pairing = Pairing::reference;
};

struct ComparisonRow {
  Indicator indicator;
  int year = 0;
  std::vector<Cell> cells;  ///< one per file
};

struct Comparison {
  std::vector<ComparedFile> files;  ///< files[0] is the reference
  std::vector<int> years;
  std::vector<ComparisonRow> rows;  ///< by year, then in indicator order; rows with no value dropped
};

/// The years shown when none are asked for: the reference's first year + 10 when
/// simulated, and its last year.
[[nodiscard]] std::vector<int> default_years(const ComparedRun& reference);

/// Every indicator of indicators_for(runs) at each year for each file, against
/// runs[0]. `runs` is not empty. Pure function.
[[nodiscard]] Comparison compare_runs(std::span<const ComparedRun> runs, std::span<const int> years);

/// One indicator of `run` at `year` against `reference` (exposed for tests).
[[nodiscard]] Cell evaluate(const Indicator& indicator, const ComparedRun& run, const ComparedRun& reference,
                            int year);

}  // namespace coron::app
