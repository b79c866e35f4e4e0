#pragma once
#include "coron/thermal.hpp"

#include <cstddef>
#include <cstdint>

// An independent, plain scalar implementation of the 3CL-DPE 2021 method, one dwelling at
// a time, written from shared/reference/thermal-reference.md §3.2 and §4 (and Open3CL
// 14_generateur_ecs.js for the hot-water generators) with if branches and std::pow. It
// shares nothing with the kernel (models/thermal) but the input and parameter structs:
// its own N_adeq, H_perm, utilisation factor, hot-water efficiency, and its own reading of
// the label tables. The tests compare the kernel with it over a varied population.

namespace coron::reference {

/// Which branches of the method one evaluation took (the tests count them).
struct Trace {
  int occupancy_branch = 0;       ///< 0: S_h < 30, 1: 30 <= S_h < 70, 2: S_h >= 70
  bool occupancy_damped = false;  ///< N_max >= 1.75: N_adeq = 1.75 + 0.3 (N_max - 1.75)
  bool several_facades = false;
  bool airtight = false;  ///< Q4Pa = 0: no infiltration term
  int ilpa = 0;
  bool small_dwelling = false;    ///< limits of the 2024 small-dwelling table
  int worse_side = 0;             ///< -1: energy class worse, 0: equal, 1: climate class worse
  bool gain_ratio_one = false;    ///< a month with X = 1 exactly
  bool part_load = false;         ///< a boiler's R_g by the 3CL load bins (generator year known)
  double recovered_kwh = 0.0;     ///< hot-water losses recovered over the heating months
  bool recovery_clipped = false;  ///< a month whose recovered losses exceed its losses left by the gains
};

struct Result {
  double heating_need_kwh = 0.0, final_energy_kwh = 0.0, primary_energy_kwh_m2 = 0.0, ghg_kg_m2 = 0.0;
  double heating_final_kwh = 0.0, dhw_final_kwh = 0.0, electricity_other_kwh = 0.0;  ///< final by use
  double heating_backup_final_kwh = 0.0;  ///< the second generator's part of heating_final_kwh
  int energy_class = 0, climate_class = 0, label = 0;
};

/// Dwelling `i` of `in`, year factors `year`.
[[nodiscard]] Result evaluate(const ThermalInputs& in, std::size_t i, const ThermalParams& params,
                              const YearFactors& year, Trace* trace = nullptr);

}  // namespace coron::reference
