#pragma once
#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <cstdint>
#include <functional>

namespace coron {

enum class Kernel { parallel, reference };

struct RunOptions {
  int threads = 0;                   ///< 0: all cores
  Kernel kernel = Kernel::parallel;  ///< reference: serial, same results
  /// Called from the driving thread with the fraction done, 0..1.
  std::function<void(double)> progress;
};

/// Runs every replicate and year of the scenario over the stock.
/// Bit-identical results for any thread count and either kernel.
[[nodiscard]] Results run_simulation(const Scenario& scenario, const Stock& stock,
                                     const ThermalParams& params, const RunOptions& options);

/// The thermal inputs of a stock (views on its columns).
[[nodiscard]] ThermalInputs thermal_inputs(const Stock& stock) noexcept;

/// Hash of the bit patterns of every result array: equal hashes, equal results.
[[nodiscard]] std::uint64_t state_hash(const Results& results) noexcept;

}  // namespace coron
