#include "engine/steps.hpp"

#include "engine/aggregate_step.hpp"
#include "engine/demography_step.hpp"
#include "engine/economics_step.hpp"
#include "engine/hourly_step.hpp"
#include "engine/thermal_step.hpp"
#include "engine/works_step.hpp"

#include <array>

namespace coron::engine {

namespace {

// The year, in order: last year's works take effect (works_completion), households end
// (departures), the dwellings are evaluated by convention (thermal: this year's labels) and,
// when the scenario asks, hour by hour on its weather (hourly: columns only, no label),
// works start where their turn has come or a house fell vacant and the rental bans are
// applied (works), vacant dwellings are let where allowed (lettings), the households'
// actual use and bills follow (economics), and the year is totalled (aggregate). A
// year's /dwelling row is thus the dwelling as it was evaluated that year, with the
// works that started in it.
constexpr std::array<Step, 8> steps = {{
    {"works_completion", works_completion_step},
    {"departures", departures_step},
    {"thermal", thermal_step},
    {"hourly", hourly_step},
    {"works", works_step},
    {"lettings", lettings_step},
    {"economics", economics_step},
    {"aggregate", aggregate_step},
}};

}  // namespace

std::span<const Step> year_steps() noexcept { return steps; }

}  // namespace coron::engine
