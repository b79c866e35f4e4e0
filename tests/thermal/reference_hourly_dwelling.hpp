#pragma once
#include "coron/thermal.hpp"

#include <array>
#include <cstddef>

// A plain scalar transcription of the stock-to-5R1C mapping of docs/model-hourly.md ("The stock
// hour by hour"), sharing no code with models/thermal/hourly_dwelling.cpp: its own H_perm,
// N_adeq, Table 12 row and ISO 13790 §11.3 coefficients, written with if branches and std::pow.

namespace coron::reference {

struct HourlyDwellingReference {
  double h_tr_op_w_per_k, h_tr_w_w_per_k, h_ve_w_per_k, h_tr_em_w_per_k, c_m_j_per_k, mass_area_m2;
  std::array<double, 5> solar_aperture_m2;  ///< south, east, west, north, roof
  double sky_loss_w, internal_w;
};

[[nodiscard]] HourlyDwellingReference hourly_dwelling(const ThermalInputs& in, std::size_t i,
                                                      const ThermalParams& p);

}  // namespace coron::reference
