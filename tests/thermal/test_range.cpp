#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cstddef>

namespace coron::test {
namespace {

TEST(ThermalRange, WritesOnlyItsRows) {
  const ThermalParams p = h1a_params();
  Columns c;
  for (int i = 0; i < 6; ++i) {
    Dwelling d;
    d.floor_area_m2 = 50.0 + 10.0 * i;
    d.u_wall_w_per_m2k = 2.5 - 0.3 * i;
    c.add(d);
  }
  evaluate_thermal(c.inputs(), p, factors_2025(), c.outputs(), 2, 4);
  for (std::size_t i : {0u, 1u, 4u, 5u}) {
    EXPECT_EQ(c.need[i], -1.0) << i;
    EXPECT_EQ(c.final_energy[i], -1.0) << i;
    EXPECT_EQ(c.heating_final[i], -1.0) << i;
    EXPECT_EQ(c.dhw_final[i], -1.0) << i;
    EXPECT_EQ(c.electricity_other[i], -1.0) << i;
    EXPECT_EQ(c.cep[i], -1.0) << i;
    EXPECT_EQ(c.eges[i], -1.0) << i;
    EXPECT_EQ(c.label[i], 255) << i;
  }
  for (std::size_t i : {2u, 3u}) {
    EXPECT_GT(c.need[i], 0.0) << i;
    EXPECT_LE(c.label[i], 6) << i;
  }
  // A row's result does not depend on the range it was computed in.
  Columns all = c;
  all.evaluate(p, factors_2025());
  for (std::size_t i : {2u, 3u}) {
    EXPECT_EQ(all.need[i], c.need[i]);
    EXPECT_EQ(all.cep[i], c.cep[i]);
    EXPECT_EQ(all.eges[i], c.eges[i]);
  }
  // An empty range touches nothing.
  Columns untouched = c;
  evaluate_thermal(untouched.inputs(), p, factors_2025(), untouched.outputs(), 3, 3);
  EXPECT_EQ(untouched.need, c.need);
}

}  // namespace
}  // namespace coron::test
