#pragma once
#include "engine/blocks.hpp"
#include "engine/works_plan.hpp"

#include "coron/demography.hpp"
#include "coron/economics.hpp"
#include "coron/engine.hpp"
#include "coron/rng.hpp"
#include "coron/state.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <span>
#include <string_view>

// The year is a fixed sequence of steps. Each is a function of (state, year,
// random key): it reads and writes the state's columns, and knows nothing of
// files or threads (it runs its per-dwelling work through `blocks`). Adding a
// step means adding its files and one line to the list in steps.cpp.

namespace coron::engine {

struct HourlyClimate;  // engine/hourly_step.hpp

/// What a step may read besides the state: the immutable stock and parameters,
/// the year, its random key and how to run over blocks of dwellings.
struct YearContext {
  const Stock& stock;
  const ThermalParams& thermal;
  const DemographyParams& demography;
  const EconomicsParams& economics;
  const YearFactors& factors;  ///< conversion factors in force this year
  int year;                    ///< calendar year
  /// seed, replicate and year set; a step sets the dwelling id and its own stream.
  RngKey key;
  const Blocks& blocks;
  /// The renovation section turned into per-dwelling facts, and this replicate's money
  /// left and works of the year. Null in runs of single steps (tests, benchmarks) that
  /// take no works step.
  const WorksPlan* works = nullptr;
  ReplicateBooks* books = nullptr;
  /// The weather year of the hourly model; null when the scenario runs the monthly one alone.
  const HourlyClimate* hourly = nullptr;
  /// Non-null when the stock is this process's slice of a larger one (RunOptions::slices).
  const SliceExchange* slices = nullptr;
};

using StepFunction = void (*)(DwellingState& state, const YearContext& context);

struct Step {
  std::string_view name;
  StepFunction run;
};

/// The steps of one year, in the order they run.
[[nodiscard]] std::span<const Step> year_steps() noexcept;

}  // namespace coron::engine
