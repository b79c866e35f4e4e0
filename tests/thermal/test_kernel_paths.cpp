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
