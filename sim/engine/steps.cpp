#include "engine/steps.hpp"

#include "engine/aggregate_step.hpp"
#include "engine/demography_step.hpp"
#include "engine/economics_step.hpp"
#include "engine/thermal_step.hpp"

#include <array>

namespace coron::engine {

namespace {

// The year, in order: households change first (demography), the dwellings are
// evaluated by convention (thermal), the households' actual use and bills follow
// (economics); works will come between thermal and economics; aggregation stays last.
constexpr std::array<Step, 4> steps = {{
    {"demography", demography_step},
    {"thermal", thermal_step},
    {"economics", economics_step},
    {"aggregate", aggregate_step},
}};

}  // namespace

std::span<const Step> year_steps() noexcept { return steps; }

}  // namespace coron::engine
