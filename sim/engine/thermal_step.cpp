#include "engine/thermal_step.hpp"

namespace coron::engine {

void thermal_step(DwellingState& state, const YearContext& context) {
  const ThermalInputs in = thermal_inputs(state);
  const ThermalOutputs out = thermal_outputs(state);
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    evaluate_thermal(in, context.thermal, context.factors, out, begin, end);
  });
}

}  // namespace coron::engine
