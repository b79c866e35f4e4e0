#include "engine/aggregate.hpp"

#include "engine/thermal_driver.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <vector>

namespace coron::engine {

namespace {

YearTotals block_totals(std::span<const double> final_energy_kwh, std::span<const double> ghg_kg_m2,
                        std::span<const double> floor_area_m2, std::span<const std::uint8_t> label,
                        std::size_t begin, std::size_t end) {
  YearTotals t;
  for (std::size_t i = begin; i < end; ++i) {
    t.final_energy_kwh += final_energy_kwh[i];
    t.ghg_kg += ghg_kg_m2[i] * floor_area_m2[i];
    ++t.per_label[label[i]];
  }
  return t;
}

}  // namespace

YearTotals aggregate_year(std::span<const double> final_energy_kwh, std::span<const double> ghg_kg_m2,
                          std::span<const double> floor_area_m2, std::span<const std::uint8_t> label,
                          bool parallel) {
  const std::size_t n = label.size();
  const std::size_t blocks = (n + block_dwellings - 1) / block_dwellings;
  std::vector<YearTotals> partial(blocks);
  auto run_block = [&](std::size_t b) {
    const std::size_t begin = b * block_dwellings;
    partial[b] = block_totals(final_energy_kwh, ghg_kg_m2, floor_area_m2, label, begin,
                              std::min(n, begin + block_dwellings));
  };
  if (parallel) {
    tbb::parallel_for(std::size_t{0}, blocks, run_block);
  } else {
    for (std::size_t b = 0; b < blocks; ++b) run_block(b);
  }
  YearTotals total;
  for (const YearTotals& p : partial) {  // block order: the fixed reduction tree
    total.final_energy_kwh += p.final_energy_kwh;
    total.ghg_kg += p.ghg_kg;
    for (std::size_t c = 0; c < label_count; ++c) total.per_label[c] += p.per_label[c];
  }
  return total;
}

}  // namespace coron::engine
