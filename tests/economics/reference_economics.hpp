#pragma once
#include "coron/economics.hpp"
#include "coron/thermal.hpp"

// An independent, plain scalar reference of one household-year of the economics model,
// written from docs/model-economics.md with if branches and std::pow. It shares nothing
// with models/economics but the parameter structs: its own step-function lookup, price
// trends, carrier sets, consumption units, adequate occupants and thresholds.

namespace coron::reference {

struct Household {
  double floor_area_m2 = 0.0;
  int heating_system = 0, dhw_system = 0;
  bool occupied = false, rights_holder = false;
  int persons = 0;
  double income_per_cu_eur = 0.0;
  double heating_kwh = 0.0, dhw_kwh = 0.0, other_kwh = 0.0;  ///< conventional final energy by use
  int backup_system = 0;
  double backup_kwh = 0.0;  ///< the second heating generator's part of heating_kwh
};

struct Economics {
  double actual_kwh = 0.0, actual_heating_kwh = 0.0, bill_eur = 0.0, rent_eur = 0.0, effort = 0.0;
  bool fuel_poor = false, lihc = false;
};

[[nodiscard]] Economics household_year(const Household& h, const EconomicsParams& p, const ThermalParams& t,
                                       int year);

}  // namespace coron::reference
