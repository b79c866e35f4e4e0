// Ideal heating and cooling (ISO 13790 C.4.2) against the literal three-evaluation procedure
// of the reference, power limits, and set-back schedules.
#include "reference_iso13790.hpp"
#include "thermal/ideal_loads.hpp"
#include "thermal/iso13790_network.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>
#include <stdexcept>

namespace {

using namespace coron::hourly;

Iso13790Parameters house(double floor_area_m2, double h_tr_op, double h_tr_w, double h_ve, MassClass mass) {
  return iso13790_parameters(floor_area_m2, h_tr_op, h_tr_w, h_ve, mass);
}

coron::test::Iso13790Reference reference_of(const Iso13790Parameters& p) {
  return {p.floor_area_m2,   p.mass_area_m2,    p.total_area_m2, p.h_tr_is_w_per_k, p.h_tr_w_w_per_k,
          p.h_tr_ms_w_per_k, p.h_tr_em_w_per_k, p.h_ve_w_per_k,  p.c_m_j_per_k};
}

TEST(HourlyLoads, EqualTheStandardsProcedureAndRespectTheLimits) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> area(30.0, 150.0), u(0.3, 3.0), ach(0.1, 2.0), outdoor(-12.0, 36.0),
      internal(0.0, 800.0), solar(0.0, 5000.0), limit_per_m2(0.0, 120.0), set_h(14.0, 21.0), band(0.0, 8.0);
  int heated = 0, cooled = 0, capped = 0, floating = 0;
  for (int dwelling = 0; dwelling < 300; ++dwelling) {
    const double a_f = area(rng);
    const auto mass = static_cast<MassClass>(dwelling % 3);
    const Iso13790Parameters p =
        house(a_f, 1.2 * a_f * u(rng), 0.2 * a_f * u(rng), ach(rng) * 2.5 * a_f / 3.0, mass);
    const auto ref = reference_of(p);
    const RcNetwork net = iso13790_network(p);
    const IdealLoads loads(net, iso13790::air_node, net.heat_input(iso13790::air_node), a_f);
    const PowerLimits limits{limit_per_m2(rng) * a_f, limit_per_m2(rng) * a_f};
    double mass_c = 18.0, reference_mass_c = 18.0;
    for (int hour = 0; hour < 48; ++hour) {
      const double theta_e = outdoor(rng), phi_int = internal(rng), phi_sol = solar(rng) * (hour % 24 > 7);
      const double h = set_h(rng);
      const SetPoints set{h, h + band(rng)};
      const auto expected = coron::test::reference_hour_with_loads(
          ref, theta_e, theta_e, reference_mass_c, phi_int, phi_sol, set.heating_c, set.cooling_c,
          limits.heating_max_w, limits.cooling_max_w);
      const auto in = iso13790_inputs(split_gains(p, phi_int, phi_sol), theta_e, theta_e);
      const std::array<double, 1> begin{mass_c};
      std::array<double, 1> end{};
      std::array<double, 3> nodes{};
      const HourLoad got = loads.step(begin, in, set, limits, end, nodes);
      const double tol = 1e-8 * std::max(1.0, std::abs(expected.phi_hc));
      ASSERT_NEAR(got.power_w, expected.phi_hc, tol) << "dwelling " << dwelling << " hour " << hour;
      ASSERT_NEAR(got.controlled_c, expected.theta_air, 1e-9 * std::max(1.0, std::abs(expected.theta_air)));
      ASSERT_NEAR(end[0], expected.theta_m_t, 1e-9 * std::max(1.0, std::abs(expected.theta_m_t)));
      ASSERT_NEAR(nodes[iso13790::surface_node], expected.theta_s,
                  1e-9 * std::max(1.0, std::abs(expected.theta_s)));
      // Limits respected; the set-point reached whenever the power is not at a limit.
      ASSERT_LE(got.power_w, limits.heating_max_w);
      ASSERT_GE(got.power_w, -limits.cooling_max_w);
      const bool at_limit = got.power_w == limits.heating_max_w || got.power_w == -limits.cooling_max_w;
      if (got.power_w > 0.0 && !at_limit) {
        EXPECT_NEAR(got.controlled_c, set.heating_c, 1e-9);
      }
      if (got.power_w < 0.0 && !at_limit) {
        EXPECT_NEAR(got.controlled_c, set.cooling_c, 1e-9);
      }
      if (got.power_w > 0.0 && at_limit) {
        EXPECT_LT(got.controlled_c, set.heating_c + 1e-9);
      }
      if (got.power_w < 0.0 && at_limit) {
        EXPECT_GT(got.controlled_c, set.cooling_c - 1e-9);
      }
      if (got.power_w == 0.0) {
        ++floating;
      } else if (at_limit) {
        ++capped;
      } else if (got.power_w > 0.0) {
        ++heated;
      } else {
        ++cooled;
      }
      mass_c = end[0];
      reference_mass_c = expected.theta_m_t;
    }
  }
  // The population reaches every branch of the procedure.
  EXPECT_GT(heated, 100);
  EXPECT_GT(cooled, 100);
  EXPECT_GT(capped, 100);
  EXPECT_GT(floating, 100);
}

TEST(HourlyLoads, UnlimitedPowerHoldsTheBand) {
  // A cold night and a hot afternoon with unlimited power: the air sits on the set-points.
  const Iso13790Parameters p = house(80.0, 120.0, 30.0, 40.0, MassClass::heavy);
  const RcNetwork net = iso13790_network(p);
  const IdealLoads loads(net, iso13790::air_node, net.heat_input(iso13790::air_node), 80.0);
  const PowerLimits unlimited{1e9, 1e9};
  const std::array<double, 1> begin{19.0};
  std::array<double, 1> end{};
  std::array<double, 3> nodes{};
  const auto cold = iso13790_inputs(split_gains(p, 300.0, 0.0), -10.0, -10.0);
  const HourLoad h = loads.step(begin, cold, {20.0, 26.0}, unlimited, end, nodes);
  EXPECT_GT(h.power_w, 0.0);
  EXPECT_NEAR(nodes[iso13790::air_node], 20.0, 1e-9);
  const std::array<double, 1> warm{27.0};
  const auto hot = iso13790_inputs(split_gains(p, 300.0, 6000.0), 34.0, 34.0);
  const HourLoad c = loads.step(warm, hot, {20.0, 26.0}, unlimited, end, nodes);
  EXPECT_LT(c.power_w, 0.0);
  EXPECT_NEAR(nodes[iso13790::air_node], 26.0, 1e-9);
  // No power: the limits at zero leave the free-float hour.
  const HourLoad none = loads.step(begin, cold, {20.0, 26.0}, {0.0, 0.0}, end, nodes);
  EXPECT_EQ(none.power_w, 0.0);
  EXPECT_LT(none.controlled_c, 20.0);
}

TEST(HourlyLoads, SetBackScheduleLowersTheNightsNeed) {
  // 16 degC from 23 h to 7 h, 20 degC otherwise: a winter day needs less heat than at a
  // constant 20 degC, and the first night hour less than the same hour at 20 degC.
  std::vector<double> heating(24, 20.0), cooling(24, 27.0);
  for (int h = 0; h < 7; ++h) heating[static_cast<std::size_t>(h)] = 16.0;
  heating[23] = 16.0;
  const SetPointSchedule setback(heating, cooling);
  const SetPointSchedule constant = SetPointSchedule::constant(20.0, 27.0);
  EXPECT_EQ(setback.period_h(), 24u);
  EXPECT_EQ(setback.at(24 + 3).heating_c, 16.0);
  EXPECT_EQ(setback.at(24 * 40 + 12).heating_c, 20.0);
  EXPECT_EQ(constant.at(12345).cooling_c, 27.0);

  const Iso13790Parameters p = house(80.0, 120.0, 30.0, 40.0, MassClass::heavy);
  const RcNetwork net = iso13790_network(p);
  const IdealLoads loads(net, iso13790::air_node, net.heat_input(iso13790::air_node), 80.0);
  const auto in = iso13790_inputs(split_gains(p, 300.0, 0.0), 0.0, 0.0);
  auto day_need_wh = [&](const SetPointSchedule& s, double& first_night_hour_w) {
    std::array<double, 1> x{20.0}, next{};
    std::array<double, 3> nodes{};
    double total = 0.0;
    for (std::size_t h = 0; h < 24 * 5; ++h) {  // 5 days, the last one counted
      const HourLoad l = loads.step(x, in, s.at(h), {8000.0, 0.0}, next, nodes);
      if (h == 24 * 4 + 23) first_night_hour_w = l.power_w;
      if (h >= 24 * 4) total += l.power_w;
      x = next;
    }
    return total;
  };
  double setback_night = -1.0, constant_night = -1.0;
  const double with_setback = day_need_wh(setback, setback_night);
  const double at_constant = day_need_wh(constant, constant_night);
  EXPECT_LT(with_setback, at_constant);
  EXPECT_GE(setback_night, 0.0);
  EXPECT_LT(setback_night, constant_night);

  EXPECT_THROW(SetPointSchedule({21.0}, {20.0}), std::invalid_argument);
  EXPECT_THROW(SetPointSchedule({20.0, 20.0}, {26.0}), std::invalid_argument);
  EXPECT_THROW(SetPointSchedule({}, {}), std::invalid_argument);
}

}  // namespace
