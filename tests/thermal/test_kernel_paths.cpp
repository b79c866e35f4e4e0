#include "fixtures/data_params.hpp"
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
// does not depend on the range (and so the chunks and vector lanes) it is evaluated in, nor on
// which climates share its chunk: each population is evaluated once all in H1a below 400 m
// and once spread over the 24 climates of data/thermal.

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

void evaluate_path(detail::KernelPath path, Columns& c, std::size_t block, const ThermalParams& p) {
  for (std::size_t b = 0; b < c.size(); b += block) {
    const std::size_t e = b + block < c.size() ? b + block : c.size();
    detail::evaluate_thermal_path(path, c.inputs(), p, factors_2025(), c.outputs(), b, e);
  }
}

void evaluate_path(detail::KernelPath path, Columns& c, std::size_t block) {
  evaluate_path(path, c, block, h1a_params());
}

/// The parameters for a population: H1a's alone, or data/thermal's 24 climates.
const ThermalParams& params_for(bool every_climate) {
  static const ThermalParams h1a = h1a_params();
  return every_climate ? fixtures::data_thermal_params() : h1a;
}

TEST(ThermalKernelPaths, BaselineAndAvx2GiveTheSameBits) {
  if (!detail::kernel_path_available(detail::KernelPath::avx2)) GTEST_SKIP() << "no AVX2 on this processor";
  for (const bool every_climate : {false, true}) {
    Columns baseline = varied_population(5003, every_climate);
    Columns avx2 = baseline;
    evaluate_path(detail::KernelPath::baseline, baseline, baseline.size(), params_for(every_climate));
    evaluate_path(detail::KernelPath::avx2, avx2, avx2.size(), params_for(every_climate));
    EXPECT_TRUE(same_bits(baseline, avx2)) << "every climate " << every_climate;
    EXPECT_GT(baseline.need[0], 0.0);
  }
}

TEST(ThermalKernelPaths, ResultsDoNotDependOnTheRange) {
  for (const bool every_climate : {false, true}) {
    for (const auto path : {detail::KernelPath::baseline, detail::KernelPath::avx2}) {
      if (!detail::kernel_path_available(path)) continue;
      const ThermalParams& p = params_for(every_climate);
      Columns whole = varied_population(3001, every_climate);
      evaluate_path(path, whole, whole.size(), p);
      // Blocks that cut chunks and vector lanes anywhere, down to one dwelling.
      for (const std::size_t block : {1u, 3u, 63u, 65u, 127u, 2048u}) {
        Columns split = varied_population(3001, every_climate);
        evaluate_path(path, split, block, p);
        EXPECT_TRUE(same_bits(whole, split)) << "block " << block << ", every climate " << every_climate;
      }
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
