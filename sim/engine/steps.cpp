#include "engine/steps.hpp"

#include "engine/aggregate_step.hpp"
#include "engine/demography_step.hpp"
#include "engine/economics_step.hpp"
#include "engine/thermal_step.hpp"
#include "engine/works_step.hpp"

#include <array>

namespace coron::engine {

namespace {

// The year, in order: households end (departures), the dwellings are evaluated by
// convention (thermal: this year's labels), works start where their turn has come or a
// house fell vacant and the rental bans are applied (works), vacant dwellings are let
// where allowed (lettings), the households' actual use and bills follow (economics),
// the year is totalled (aggregate), and the works take effect for next year.
constexpr std::array<Step, 7> steps = {{
    {"departures", departures_step},
    {"thermal", thermal_step},
    {"works", works_step},
    {"lettings", lettings_step},
    {"economics", economics_step},
    {"aggregate", aggregate_step},
    {"works_completion", works_completion_step},
}};

}  // namespace

std::span<const Step> year_steps() noexcept { return steps; }

}  // namespace coron::engine
