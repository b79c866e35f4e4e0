#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace coron::test {
namespace {

double need_of(const Dwelling& d) { return evaluate_one(d, h1a_params(), factors_2025()).need[0]; }

TEST(ThermalMonotonic, BetterEnvelopeLowersNeed) {
  const std::vector<std::pair<std::string, std::function<void(Dwelling&)>>> improvements = {
      {"walls", [](Dwelling& d) { d.u_wall_w_per_m2k = 0.25; }},
      {"roof", [](Dwelling& d) { d.u_roof_w_per_m2k = 0.15; }},
      {"floor", [](Dwelling& d) { d.u_floor_w_per_m2k = 0.3; }},
      {"windows", [](Dwelling& d) { d.u_window_w_per_m2k = 1.4; }},
      {"door", [](Dwelling& d) { d.u_door_w_per_m2k = 1.5; }},
      {"bridges", [](Dwelling& d) { d.thermal_bridges_w_per_k = 2.0; }},
      {"airtightness", [](Dwelling& d) { d.q4pa_conv_m3_per_h_m2 = 1.3; }},
      {"ventilation", [](Dwelling& d) { d.ventilation = Ventilation::mechanical_hygro; }},
      {"solar factor", [](Dwelling& d) { d.g_window = 0.95; }},
      {"glazing turned south",
       [](Dwelling& d) {
         d.window_south_m2 += d.window_north_m2;
         d.window_north_m2 = 0.0;
       }},
  };
  for (const Dwelling& base : {Dwelling{}, [] {
                                 Dwelling d;
                                 d.u_wall_w_per_m2k = 0.4;
                                 d.inertia = Inertia::light;
                                 d.multiple_exposed_facades = 0;
                                 return d;
                               }()}) {
    const double reference = need_of(base);
    ASSERT_GT(reference, 0.0);
    for (const auto& [name, improve] : improvements) {
      Dwelling better = base;
      improve(better);
      EXPECT_LT(need_of(better), reference) << name;
    }
  }
}

TEST(ThermalMonotonic, NeedFallsStrictlyAsWallUFalls) {
  Dwelling d;
  double previous = 1e300;
  for (double u = 3.0; u > 0.1; u -= 0.2) {
    d.u_wall_w_per_m2k = u;
    const double need = need_of(d);
    EXPECT_LT(need, previous) << "U " << u;
    previous = need;
  }
}

}  // namespace
}  // namespace coron::test
