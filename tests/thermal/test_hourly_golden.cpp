// The single-hour cases of RC_BuildingSimulator's unit tests (protocatlabs/RC_BuildingSimulator,
// rc_simulator/tests/testRCmodel.py; thermal-reference.md §2.6), through the general network.
//
// The office of those tests, in RC_BuildingSimulator's own conventions (not the ISO defaults):
// 7 x 4.9 x 3.1 m room, A_f = 34.3 m2, V = 106.33 m3, A_t = the box's inner surface
// 2 (7 4.9 + 7 3.1 + 4.9 3.1) = 142.38 m2, A_m = 2.5 A_f = 85.75 m2, C_m = 165 000 A_f =
// 5 659 500 J/K, H_tr,w = 1.1 x 13.5 = 14.85 W/K, H_tr,em = 0.2 x (15.19 - 13.5) = 0.338 W/K,
// H_tr,ms = 9.1 A_m = 780.325 W/K, H_tr,is = 3.45 A_t = 491.211 W/K, H_ve = 1200 x ach x V/3600
// with ach = 1.5 (1 - eta_rec) + 0.5: 70.8867 W/K (eta 0), 38.9877 W/K (eta 0.6).
// Set-points 20 / 26 degC, limits +-12 W/m2 = +-411.6 W, power on the air node.
//
// Tolerance: the Python tests assert round(x, 2); the table's figures carry 3 decimals for
// temperatures and 2 for power. We accept half a unit of the last digit given plus 1e-6 for
// the float rounding of a different evaluation order: 0.0005 K and 0.005 W.
#include "thermal/ideal_loads.hpp"
#include "thermal/iso13790_network.hpp"

#include <gtest/gtest.h>

#include <array>

namespace {

using namespace coron::hourly;

Iso13790Parameters office(double heat_recovery) {
  const double a_f = 7.0 * 4.9;
  const double volume = a_f * 3.1;
  const double ach = 1.5 * (1.0 - heat_recovery) + 0.5;
  Iso13790Parameters p;
  p.floor_area_m2 = a_f;
  p.total_area_m2 = 2.0 * (7.0 * 4.9 + 7.0 * 3.1 + 4.9 * 3.1);
  p.mass_area_m2 = 2.5 * a_f;
  p.c_m_j_per_k = 165'000.0 * a_f;
  p.h_tr_w_w_per_k = 1.1 * 13.5;
  p.h_tr_em_w_per_k = 0.2 * (15.19 - 13.5);
  p.h_tr_ms_w_per_k = 9.1 * p.mass_area_m2;
  p.h_tr_is_w_per_k = 3.45 * p.total_area_m2;
  p.h_ve_w_per_k = 1200.0 * ach * volume / 3600.0;
  return p;
}

struct GoldenHour {
  const char* name;
  double heat_recovery, outdoor_c, mass_prev_c, internal_w, solar_w;
  double power_w, mass_mean_c, mass_end_c, air_c;
};

// thermal-reference.md §2.6.
constexpr std::array<GoldenHour, 7> golden{{
    {"no_hvac", 0.0, 10, 22, 10, 2000, 0.0, 22.334, 22.668, 20.616},
    {"heating", 0.0, 10, 20, 10, 2000, 328.09, 20.459, 20.918, 20.000},
    {"cooling", 0.0, 25, 24, 10, 4000, -264.75, 25.146, 26.292, 26.000},
    {"max_cooling", 0.0, 30, 25, 10, 5000, -411.60, 26.494, 27.988, 28.096},
    {"max_heating", 0.0, 5, 19, 10, 2000, 411.60, 19.392, 19.784, 18.352},
    {"heating_recovery", 0.6, 10, 20, 10, 2000, 9.10, 20.459, 20.918, 20.000},
    {"cooling_recovery", 0.6, 25, 24, 10, 4000, -296.65, 25.146, 26.292, 26.000},
}};

TEST(HourlyGolden, RcBuildingSimulatorSingleHours) {
  for (const GoldenHour& g : golden) {
    SCOPED_TRACE(g.name);
    const Iso13790Parameters p = office(g.heat_recovery);
    const RcNetwork network = iso13790_network(p);
    const IdealLoads loads(network, iso13790::air_node, network.heat_input(iso13790::air_node),
                           p.floor_area_m2);
    const auto u = iso13790_inputs(split_gains(p, g.internal_w, g.solar_w), g.outdoor_c, g.outdoor_c);
    const std::array<double, 1> begin{g.mass_prev_c};
    std::array<double, 1> end{};
    std::array<double, 3> nodes{};
    const HourLoad h =
        loads.step(begin, u, {20.0, 26.0}, {12.0 * p.floor_area_m2, 12.0 * p.floor_area_m2}, end, nodes);
    EXPECT_NEAR(h.power_w, g.power_w, 0.005);
    EXPECT_NEAR(nodes[iso13790::mass_node], g.mass_mean_c, 0.0005);
    EXPECT_NEAR(end[0], g.mass_end_c, 0.0005);
    EXPECT_NEAR(nodes[iso13790::air_node], g.air_c, 0.0005);
    EXPECT_DOUBLE_EQ(h.controlled_c, nodes[iso13790::air_node]);
  }
}

}  // namespace
