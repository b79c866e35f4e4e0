#pragma once
#include "coron/works.hpp"

// A plain, scalar statement of what a measure does to a dwelling and what it costs,
// written from docs/model-works.md without looking at models/policy: the tests compare
// the library against it.

namespace coron::reference_works {

/// Whether `m` would change `d`.
bool improves(const Measure& m, const ThermalRow& d);

/// `d` after `m`.
ThermalRow apply(const Measure& m, const RebuiltEnvelope& rebuilt, ThermalRow d);

/// fixed + eur_per_m2 x the basis area of `d`, euros.
double cost(const Measure& m, const ThermalRow& d);

}  // namespace coron::reference_works
