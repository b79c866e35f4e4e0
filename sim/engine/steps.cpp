#include "engine/steps.hpp"

#include "engine/aggregate_step.hpp"
#include "engine/economics_step.hpp"
#include "engine/thermal_step.hpp"

#include <array>

namespace coron::engine {

namespace {

// The year, in order. Households (demography) will come before the thermal
// evaluation, works after the bills; aggregation stays last.
constexpr std::array<Step, 3> steps = {{
    {"thermal", thermal_step},
    {"economics", economics_step},
    {"aggregate", aggregate_step},
}};

}  // namespace

std::span<const Step> year_steps() noexcept { return steps; }

}  // namespace coron::engine
