// The 5R1C network as an instance of the general network, against the closed-form Annex C
// step (reference_iso13790.cpp) over a varied population of parameter sets and hours.
#include "reference_iso13790.hpp"
#include "thermal/iso13790_network.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>
#include <stdexcept>

namespace {

using namespace coron::hourly;
using coron::test::Iso13790Reference;

struct Pair {
  Iso13790Parameters p;
  Iso13790Reference ref;
};

// Floor areas 20-200 m2, light to very heavy mass, envelopes from passive to leaky, with and
// without windows: drawn around the standard's defaults, each term perturbed independently.
Pair random_parameters(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> area(20.0, 200.0), per_m2(0.05, 4.0), ach(0.05, 3.0),
      ratio(0.6, 1.6), cm(50'000.0, 400'000.0), am(2.0, 3.6);
  Pair r;
  Iso13790Parameters& p = r.p;
  p.floor_area_m2 = area(rng);
  p.total_area_m2 = 4.5 * p.floor_area_m2 * ratio(rng);
  p.mass_area_m2 = std::min(am(rng) * p.floor_area_m2, 0.9 * p.total_area_m2);
  p.c_m_j_per_k = cm(rng) * p.floor_area_m2;
  p.h_tr_is_w_per_k = 3.45 * p.total_area_m2 * ratio(rng);
  p.h_tr_ms_w_per_k = 9.1 * p.mass_area_m2 * ratio(rng);
  p.h_tr_w_w_per_k = 0.15 * p.floor_area_m2 * per_m2(rng) * 0.5;
  p.h_tr_em_w_per_k = p.floor_area_m2 * per_m2(rng);
  p.h_ve_w_per_k = 1200.0 * ach(rng) * 2.5 * p.floor_area_m2 / 3600.0;
  r.ref = {p.floor_area_m2,   p.mass_area_m2,    p.total_area_m2, p.h_tr_is_w_per_k, p.h_tr_w_w_per_k,
           p.h_tr_ms_w_per_k, p.h_tr_em_w_per_k, p.h_ve_w_per_k,  p.c_m_j_per_k};
  return r;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

TEST(HourlyIso13790, NetworkStepEqualsTheClosedFormOverAPopulation) {
  std::mt19937_64 rng(2008);
  std::uniform_real_distribution<double> outdoor(-15.0, 38.0), supply_offset(-2.0, 12.0), start(5.0, 35.0),
      internal(0.0, 1500.0), solar(0.0, 6000.0), power(-4000.0, 8000.0);
  int compared = 0;
  for (int dwelling = 0; dwelling < 500; ++dwelling) {
    const Pair pair = random_parameters(rng);
    const RcNetwork net = iso13790_network(pair.p);
    ASSERT_EQ(net.state_size(), 1u);
    ASSERT_EQ(net.input_size(), iso13790::input_count);
    double mass_c = start(rng), reference_mass_c = mass_c;
    for (int hour = 0; hour < 24; ++hour) {
      const double theta_e = outdoor(rng), theta_sup = theta_e + (hour % 3 == 0 ? supply_offset(rng) : 0.0);
      const double phi_int = internal(rng), phi_sol = hour % 4 == 0 ? 0.0 : solar(rng);
      const double phi_hc = hour % 2 == 0 ? power(rng) : 0.0;
      const auto ref = coron::test::reference_step(pair.ref, theta_e, theta_sup, reference_mass_c, phi_int,
                                                   phi_sol, phi_hc);
      Iso13790Gains g = split_gains(pair.p, phi_int, phi_sol);
      g.air_w += phi_hc;  // a convective emitter heats the air node (C.1)
      const auto u = iso13790_inputs(g, theta_e, theta_sup);
      const std::array<double, 1> begin{mass_c};
      std::array<double, 1> end{};
      std::array<double, 3> nodes{};
      net.step(begin, u, end, nodes);
      ASSERT_TRUE(close(end[0], ref.theta_m_t)) << end[0] << " vs " << ref.theta_m_t;
      ASSERT_TRUE(close(nodes[iso13790::mass_node], ref.theta_m));
      ASSERT_TRUE(close(nodes[iso13790::surface_node], ref.theta_s)) << nodes[1] << " vs " << ref.theta_s;
      ASSERT_TRUE(close(nodes[iso13790::air_node], ref.theta_air)) << nodes[0] << " vs " << ref.theta_air;
      mass_c = end[0];
      reference_mass_c = ref.theta_m_t;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 500 * 24);
}

TEST(HourlyIso13790, DefaultsFromTheEnvelope) {
  // Hand case: A_f = 100 m2, medium mass, H_tr,op = 150, H_tr,w = 40, H_ve = 50 W/K.
  // A_t = 450, A_m = 250 m2, C_m = 16.5 MJ/K, H_tr,is = 3.45 x 450 = 1552.5, H_tr,ms = 9.1 x 250 =
  // 2275, H_tr,em = 1/(1/150 - 1/2275) = 160.588... W/K.
  const Iso13790Parameters p = iso13790_parameters(100.0, 150.0, 40.0, 50.0, MassClass::medium);
  EXPECT_DOUBLE_EQ(p.total_area_m2, 450.0);
  EXPECT_DOUBLE_EQ(p.mass_area_m2, 250.0);
  EXPECT_DOUBLE_EQ(p.c_m_j_per_k, 16.5e6);
  EXPECT_NEAR(p.h_tr_is_w_per_k, 1552.5, 1e-9);
  EXPECT_NEAR(p.h_tr_ms_w_per_k, 2275.0, 1e-9);
  EXPECT_NEAR(p.h_tr_em_w_per_k, 160.58823529411765, 1e-9);
  EXPECT_DOUBLE_EQ(p.h_tr_w_w_per_k, 40.0);
  EXPECT_DOUBLE_EQ(p.h_ve_w_per_k, 50.0);
  EXPECT_DOUBLE_EQ(iso13790_parameters(100.0, 150.0, 40.0, 50.0, MassClass::heavy).mass_area_m2, 300.0);
  EXPECT_DOUBLE_EQ(iso13790_parameters(100.0, 150.0, 40.0, 50.0, MassClass::light).c_m_j_per_k, 11.0e6);
  EXPECT_THROW((void)iso13790_parameters(100.0, 3000.0, 40.0, 50.0, MassClass::medium),
               std::invalid_argument);
}

TEST(HourlyIso13790, GainSplit) {
  // Hand case on the defaults above: A_m/A_t = 250/450 = 0.5556, H_tr,w/(9.1 A_t) = 40/4095 =
  // 0.009768; internal 400 W, solar 1000 W: radiant part 1200 W -> mass 666.67 W, surface
  // (1 - 0.5556 - 0.009768) x 1200 = 521.61 W, air 200 W.
  const Iso13790Parameters p = iso13790_parameters(100.0, 150.0, 40.0, 50.0, MassClass::medium);
  const Iso13790Gains g = split_gains(p, 400.0, 1000.0);
  EXPECT_DOUBLE_EQ(g.air_w, 200.0);
  EXPECT_NEAR(g.mass_w, 666.6666666666667, 1e-9);
  EXPECT_NEAR(g.surface_w, 521.6117216117216, 1e-9);
}

}  // namespace
