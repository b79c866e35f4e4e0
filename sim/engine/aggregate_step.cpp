#include "engine/aggregate_step.hpp"

#include <vector>

namespace coron::engine {

void aggregate_step(DwellingState& state, const YearContext& context) {
  const std::size_t n = state.size();
  std::vector<YearTotals> partial(Blocks::count(n));
  context.blocks.for_each(n, [&](std::size_t block, std::size_t begin, std::size_t end) {
    YearTotals t;
    for (std::size_t i = begin; i < end; ++i) {
      t.final_energy_kwh += state.final_energy_kwh[i];
      t.ghg_kg += state.ghg_kg_m2[i] * state.floor_area_m2[i];
      ++t.per_label[state.label[i]];
    }
    partial[block] = t;
  });
  YearTotals total;
  for (const YearTotals& p : partial) {  // block order: the fixed reduction tree
    total.final_energy_kwh += p.final_energy_kwh;
    total.ghg_kg += p.ghg_kg;
    for (std::size_t c = 0; c < label_count; ++c) total.per_label[c] += p.per_label[c];
  }
  state.totals = total;
}

}  // namespace coron::engine
