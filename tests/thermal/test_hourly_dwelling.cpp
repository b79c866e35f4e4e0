// The stock-to-5R1C mapping (hourly_dwelling) by hand and against a plain reference over a
// varied population; the scalar 5R1C step (zone_5r1c, zone_hour) against the general network
// with ideal loads.
#include "reference_hourly_dwelling.hpp"
#include "thermal/hourly_dwelling.hpp"
#include "thermal/ideal_loads.hpp"
#include "thermal/zone_5r1c.hpp"
#include "thermal_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

using namespace coron;
using namespace coron::hourly;

void expect_near_rel(double actual, double expected, double tol, const char* what) {
  EXPECT_LE(std::abs(actual - expected), tol * std::max(1.0, std::abs(expected)))
      << what << ": " << actual << " vs " << expected;
}

// The fixture's default dwelling (70 m2, heavy, natural vents, several facades), H1a params:
//   H_tr,w  = 4.9 x 11 + 3.5 x 2                           = 60.9 W/K
//   H_tr,op = 2.5 x 60 + 0.9 x 2.5 x 40 + 0.8 x 2 x 40 + 10 = 314 W/K
//   H_vent  = 0.34 x 2.23 x 70 = 53.074; S_dep = 60 + 40 + 11 + 2 = 113,
//   Q4Pa = 3.3 x 113 + 0.45 x 4 x 70 = 498.9, n50 = 498.9/((4/50)^(2/3) x 2.5 x 70) = 15.355,
//   d = -2.23/(2.5 n50), Q_vinf = 175 n50 x 0.07/(1 + (15/0.07) d^2) = 109.16 m3/h,
//   H_perm = 0.34 Q_vinf = 37.114; H_ve = 90.188 W/K
//   heavy: A_m = 210 m2, C_m = 18.2 MJ/K, H_tr,ms = 1911, H_tr,em = 1/(1/314 - 1/1911) = 375.738 W/K
//   apertures: wall 0.6 x 0.04 x 2.5 x 15 = 0.9 m2 per facade; south 0.85 x 6 + 0.9 = 6.0,
//   east and west 0.9, north 0.85 x 5 + 0.9 = 5.15, roof 0.9 x 0.6 x 0.04 x 2.5 x 40 = 2.16 m2
//   sky: 0.04 x 4.5 x 11 x (0.5 x (150 + 60.9) + 90) = 386.991 W
//   internal: N_adeq = 1.75 (S_h = 70), 3.52 x 70 + 132/168 x 90 x 1.75 = 370.15 W
TEST(HourlyDwelling, HandCase) {
  const ThermalParams params = test::h1a_params();
  test::Columns c;
  c.add(test::Dwelling{});
  const HourlyDwelling d = hourly_dwelling(c.inputs(), 0, params);
  expect_near_rel(d.network.h_tr_w_w_per_k, 60.9, 1e-12, "H_tr,w");
  expect_near_rel(d.network.h_ve_w_per_k, 90.18836219426176, 1e-9, "H_ve");
  expect_near_rel(d.network.h_tr_em_w_per_k, 375.7382592360676, 1e-9, "H_tr,em");
  expect_near_rel(d.network.h_tr_ms_w_per_k, 1911.0, 1e-12, "H_tr,ms");
  expect_near_rel(d.network.c_m_j_per_k, 18.2e6, 1e-12, "C_m");
  const std::array<double, facade_count> apertures = {6.0, 0.9, 0.9, 5.15, 2.16};
  for (std::size_t f = 0; f < facade_count; ++f)
    expect_near_rel(d.solar_aperture_m2[f], apertures[f], 1e-12, "aperture");
  expect_near_rel(d.sky_loss_w, 386.991, 1e-9, "sky loss");
  expect_near_rel(d.internal_w, 370.15, 1e-12, "internal");
  // 100 W/m2 on every surface: 100 x 15.11 - 386.991 W.
  expect_near_rel(solar_gain_w(d, {100, 100, 100, 100, 100}), 1511.0 - 386.991, 1e-12, "solar gain");
}

TEST(HourlyDwelling, EqualsThePlainReferenceOverAVariedPopulation) {
  const ThermalParams params = test::h1a_params();
  const test::Columns c = test::varied_population(3000);
  const ThermalInputs in = c.inputs();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const HourlyDwelling d = hourly_dwelling(in, i, params);
    const reference::HourlyDwellingReference r = reference::hourly_dwelling(in, i, params);
    expect_near_rel(d.network.h_tr_w_w_per_k, r.h_tr_w_w_per_k, 1e-12, "H_tr,w");
    expect_near_rel(d.network.h_ve_w_per_k, r.h_ve_w_per_k, 1e-9, "H_ve");
    expect_near_rel(d.network.h_tr_em_w_per_k, r.h_tr_em_w_per_k, 1e-9, "H_tr,em");
    expect_near_rel(d.network.c_m_j_per_k, r.c_m_j_per_k, 1e-12, "C_m");
    expect_near_rel(d.network.mass_area_m2, r.mass_area_m2, 1e-12, "A_m");
    for (std::size_t f = 0; f < facade_count; ++f)
      expect_near_rel(d.solar_aperture_m2[f], r.solar_aperture_m2[f], 1e-12, "aperture");
    expect_near_rel(d.sky_loss_w, r.sky_loss_w, 1e-12, "sky loss");
    expect_near_rel(d.internal_w, r.internal_w, 1e-12, "internal");
    if (HasFailure()) FAIL() << "dwelling " << i;
  }
}

TEST(Zone5r1c, EqualsTheGeneralNetworkWithIdealLoadsOverAPopulation) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> area(20.0, 160.0), u(0.2, 3.0), ach(0.0, 2.0), outdoor(-12.0, 36.0),
      internal(0.0, 800.0), solar(-400.0, 5000.0), limit(0.0, 120.0), set_h(14.0, 21.0), band(0.0, 8.0);
  int heated = 0, cooled = 0, floating = 0;
  for (int dwelling = 0; dwelling < 300; ++dwelling) {
    const double a_f = area(rng);
    const auto mass = static_cast<MassClass>(dwelling % 3);
    const Iso13790Parameters p =
        iso13790_parameters(a_f, 1.2 * a_f * u(rng), 0.2 * a_f * u(rng), ach(rng) * 2.5 * a_f / 3.0, mass);
    const RcNetwork net = iso13790_network(p);
    const IdealLoads loads(net, iso13790::air_node, iso13790::air_input, a_f);
    const Zone5r1c zone = zone_5r1c(p);
    const PowerLimits limits{limit(rng) * a_f, limit(rng) * a_f};
    std::array<double, 1> state{15.0}, next{};
    std::array<double, 3> nodes{};
    double mass_c = 15.0;
    for (int hour = 0; hour < 48; ++hour) {
      const double h = set_h(rng);
      const SetPoints set{h, h + band(rng)};
      const double theta_e = outdoor(rng);
      const auto in = iso13790_inputs(split_gains(p, internal(rng), solar(rng)), theta_e, theta_e - 2.0);
      const HourLoad general = loads.step(state, in, set, limits, next, nodes);
      double free_air = 0.0;
      const HourLoad scalar = zone_hour(zone, mass_c, in, set, limits, free_air);
      state = next;
      expect_near_rel(scalar.power_w, general.power_w, 1e-9, "power");
      expect_near_rel(scalar.controlled_c, general.controlled_c, 1e-9, "air");
      expect_near_rel(mass_c, state[0], 1e-9, "mass");
      if (general.power_w > 0) ++heated;
      if (general.power_w < 0) ++cooled;
      if (general.power_w == 0) {
        ++floating;
        expect_near_rel(free_air, general.controlled_c, 1e-9, "free-float air");
      }
    }
    if (HasFailure()) FAIL() << "dwelling " << dwelling;
  }
  EXPECT_GT(heated, 1000);
  EXPECT_GT(cooled, 1000);
  EXPECT_GT(floating, 500);
}

}  // namespace
