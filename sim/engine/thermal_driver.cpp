#include "engine/thermal_driver.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

namespace coron::engine {

void evaluate_reference(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                        const ThermalOutputs& out) noexcept {
  evaluate_thermal(in, params, year, out, 0, in.size());
}

void evaluate_parallel(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                       const ThermalOutputs& out) {
  // simple_partitioner with a fixed grain: ranges are split down to at most
  // block_dwellings, whatever the number of workers.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, in.size(), block_dwellings),
      [&](const tbb::blocked_range<std::size_t>& r) {
        evaluate_thermal(in, params, year, out, r.begin(), r.end());
      },
      tbb::simple_partitioner{});
}

}  // namespace coron::engine
