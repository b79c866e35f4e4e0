#pragma once
#include "rc_network.hpp"

#include <array>
#include <cstddef>

// The ISO 13790:2008 5R1C network (§7.2.2, Annex C) as one instance of the general RC network:
//
//   theta_sup --H_ve-- air --H_tr,is-- surface --H_tr,ms-- mass --H_tr,em-- theta_e
//                                         |                  |
//                                      H_tr,w              C_m
//                                         |
//                                      theta_e
//
// Sources: shared reference thermal-reference.md §1.1-1.3 (ISO 13790:2008 Annex C, as
// transcribed from its 2006 FDIS draft and from RC_BuildingSimulator and Modelica Buildings).

namespace coron::hourly {

/// The network's parameters, SI units (ISO 13790 §7.2.2, Table 12).
struct Iso13790Parameters {
  double floor_area_m2 = 0.0;    ///< A_f, conditioned floor area
  double h_tr_is_w_per_k = 0.0;  ///< air <-> surface (star) node, h_is A_t
  double h_tr_w_w_per_k = 0.0;   ///< windows and doors, surface node <-> outdoor air
  double h_tr_ms_w_per_k = 0.0;  ///< surface <-> mass, h_ms A_m
  double h_tr_em_w_per_k = 0.0;  ///< mass <-> outdoor air, the opaque envelope less H_tr,ms in series
  double h_ve_w_per_k = 0.0;     ///< ventilation and infiltration, supply air <-> air node
  double c_m_j_per_k = 0.0;      ///< internal heat capacity C_m
  double mass_area_m2 = 0.0;     ///< A_m, effective mass area
  double total_area_m2 = 0.0;    ///< A_t, area of all surfaces facing the zone
};

/// Table 12 classes whose values the reference confirms (Modelica Buildings ISO13790/Data).
enum class MassClass { light, medium, heavy };

/// The standard's defaults from the inputs of the monthly method: A_t = 4.5 A_f, h_is =
/// 3.45 W/(m2K), h_ms = 9.1 W/(m2K), A_m and C_m per m2 of floor from Table 12 (light 2.5 /
/// 110 kJ, medium 2.5 / 165 kJ, heavy 3.0 / 260 kJ), H_tr,em = 1/(1/H_tr,op - 1/H_tr,ms).
/// Throws std::invalid_argument unless 0 < H_tr,op < H_tr,ms (H_tr,em would not be positive).
[[nodiscard]] Iso13790Parameters iso13790_parameters(double floor_area_m2, double h_tr_op_w_per_k,
                                                     double h_tr_w_w_per_k, double h_ve_w_per_k,
                                                     MassClass mass);

/// H_tr,ms = h_ms A_m of a zone of that floor area and class (W/K): iso13790_parameters needs
/// H_tr,op below it.
[[nodiscard]] double iso13790_h_tr_ms_w_per_k(double floor_area_m2, MassClass mass) noexcept;

/// Node indices of the 5R1C network, boundaries, and the inputs u of RcNetwork::step.
namespace iso13790 {
inline constexpr std::size_t air_node = 0, surface_node = 1, mass_node = 2;
inline constexpr std::size_t outdoor_boundary = 0, supply_boundary = 1;
/// u = [theta_e, theta_sup, Phi_ia, Phi_st, Phi_m]: the boundaries, then the heat into each node.
inline constexpr std::size_t outdoor_input = 0, supply_input = 1, air_input = 2, surface_input = 3,
                             mass_input = 4;
inline constexpr std::size_t input_count = 5;
}  // namespace iso13790

/// Heat flows into the three nodes (W).
struct Iso13790Gains {
  double air_w = 0.0, surface_w = 0.0, mass_w = 0.0;
};

/// The gain split of Annex C.2 (C.1-C.3), without heating or cooling (a convective system
/// adds its power to the air node): Phi_ia = Phi_int/2, Phi_m = A_m/A_t (Phi_int/2 + Phi_sol),
/// Phi_st = (1 - A_m/A_t - H_tr,w/(9.1 A_t)) (Phi_int/2 + Phi_sol). Internal and solar gains in W.
[[nodiscard]] Iso13790Gains split_gains(const Iso13790Parameters& p, double internal_w,
                                        double solar_w) noexcept;

/// The inputs u of one step from the gains and the outdoor and supply air temperatures (degC).
[[nodiscard]] inline std::array<double, iso13790::input_count> iso13790_inputs(const Iso13790Gains& g,
                                                                               double outdoor_c,
                                                                               double supply_c) noexcept {
  return {outdoor_c, supply_c, g.air_w, g.surface_w, g.mass_w};
}

/// The 5R1C network factorised for steps of step_s seconds (one hour by default). Throws
/// std::invalid_argument on a negative or non-finite parameter or a zero C_m.
[[nodiscard]] RcNetwork iso13790_network(const Iso13790Parameters& p, double step_s = 3600.0);

}  // namespace coron::hourly
