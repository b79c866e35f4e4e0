#include "engine/steps.hpp"

#include "engine/aggregate_step.hpp"
#include "engine/demography_step.hpp"
#include "engine/thermal_step.hpp"

#include <array>

namespace coron::engine {

namespace {

// The year, in order. Households (demography) come before the thermal
// evaluation, bills and works will come after it; aggregation stays last.
constexpr std::array<Step, 3> steps = {{
    {"demography", demography_step},
    {"thermal", thermal_step},
    {"aggregate", aggregate_step},
}};

}  // namespace

std::span<const Step> year_steps() noexcept { return steps; }

}  // namespace coron::engine
