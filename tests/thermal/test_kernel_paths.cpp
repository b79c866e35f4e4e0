#include "kernel.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

// The kernel's baseline (SSE2) and AVX2 paths give the same bits, and a dwelling's result
// does not depend on the range (and so the chunks and vector lanes) it is evaluated in.

namespace coron::test {
namespace {

/// A varied population: every system, inertia and exposure, small and large houses,
/// airtight ones, no glazing, and gain ratios from ~0 to well above 1.
Columns varied_population(std::size_t n) {
  std::mt19937_64 rng(99);
  auto u = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  Columns c;
  for (std::size_t i = 0; i < n; ++i) {
    Dwelling d;
    d.floor_area_m2 = i % 17 == 0 ? u(5.0, 45.0) : u(25.0, 140.0);
    d.ceiling_height_m = u(2.2, 3.0);
    d.wall_area_m2 = d.floor_area_m2 * u(0.3, 1.6);
    d.u_wall_w_per_m2k = u(0.15, 3.0);
    d.roof_area_m2 = d.floor_area_m2 * u(0.4, 0.8);
    d.u_roof_w_per_m2k = u(0.1, 3.0);
    d.b_roof = i % 11 == 0 ? 0.0 : u(0.5, 1.0);
    d.ground_floor_area_m2 = d.floor_area_m2 * u(0.4, 0.7);
    d.u_floor_w_per_m2k = u(0.2, 2.5);
    d.b_floor = u(0.5, 1.0);
    d.window_south_m2 = i % 13 == 0 ? 0.0 : d.floor_area_m2 * u(0.0, 0.4);
    d.window_east_m2 = d.floor_area_m2 * u(0.0, 0.1);
    d.window_west_m2 = d.floor_area_m2 * u(0.0, 0.1);
    d.window_north_m2 = d.floor_area_m2 * u(0.0, 0.1);
    d.u_window_w_per_m2k = u(0.8, 5.5);
    d.g_window = u(0.3, 0.9);
    d.door_area_m2 = u(1.5, 2.5);
    d.u_door_w_per_m2k = u(1.0, 4.0);
    d.thermal_bridges_w_per_k = u(0.0, 20.0);
    d.q4pa_conv_m3_per_h_m2 = i % 19 == 0 ? 0.0 : u(0.3, 4.0);
    d.multiple_exposed_facades = static_cast<std::uint8_t>(i % 2);
    d.ventilation = static_cast<Ventilation>(i % ventilation_count);
    d.inertia = static_cast<Inertia>((i / 2) % inertia_count);
    d.heating = static_cast<HeatingSystem>((i / 3) % 5);  // the five systems of the fixture
    d.dhw = static_cast<DhwSystem>((i / 5) % dhw_system_count);
    c.add(d);
  }
  return c;
}

bool same_bits(const Columns& a, const Columns& b) {
  const auto eq = [](const std::vector<double>& x, const std::vector<double>& y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
  };
  return eq(a.need, b.need) && eq(a.final_energy, b.final_energy) && eq(a.heating_final, b.heating_final) &&
         eq(a.dhw_final, b.dhw_final) && eq(a.electricity_other, b.electricity_other) && eq(a.cep, b.cep) &&
         eq(a.eges, b.eges) && a.label == b.label;
}

void evaluate_path(detail::KernelPath path, Columns& c, std::size_t block) {
  for (std::size_t b = 0; b < c.size(); b += block) {
    const std::size_t e = b + block < c.size() ? b + block : c.size();
    detail::evaluate_thermal_path(path, c.inputs(), h1a_params(), factors_2025(), c.outputs(), b, e);
  }
}

TEST(ThermalKernelPaths, BaselineAndAvx2GiveTheSameBits) {
  if (!detail::kernel_path_available(detail::KernelPath::avx2)) GTEST_SKIP() << "no AVX2 on this processor";
  Columns baseline = varied_population(5003);
  Columns avx2 = baseline;
  evaluate_path(detail::KernelPath::baseline, baseline, baseline.size());
  evaluate_path(detail::KernelPath::avx2, avx2, avx2.size());
  EXPECT_TRUE(same_bits(baseline, avx2));
  EXPECT_GT(baseline.need[0], 0.0);
}

TEST(ThermalKernelPaths, ResultsDoNotDependOnTheRange) {
  for (const auto path : {detail::KernelPath::baseline, detail::KernelPath::avx2}) {
    if (!detail::kernel_path_available(path)) continue;
    Columns whole = varied_population(3001);
    evaluate_path(path, whole, whole.size());
    // Blocks that cut chunks and vector lanes anywhere, down to one dwelling.
    for (const std::size_t block : {1u, 3u, 63u, 65u, 127u, 2048u}) {
      Columns split = varied_population(3001);
      evaluate_path(path, split, block);
      EXPECT_TRUE(same_bits(whole, split)) << "block " << block;
    }
  }
}

TEST(ThermalKernelPaths, PublicEntryPointUsesAnAvailablePath) {
  Columns a = varied_population(300);
  Columns b = a;
  a.evaluate(h1a_params(), factors_2025());
  evaluate_path(detail::KernelPath::baseline, b, b.size());
  EXPECT_TRUE(same_bits(a, b));  // whatever the path, the same bits
}

}  // namespace
}  // namespace coron::test
