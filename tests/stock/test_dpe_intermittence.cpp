// The heating intermittence I0 of the 3CL method (sim/stock/dpe_intermittence.hpp) against rows
// of tv.js `intermittence` (Open3CL, commit bb583ee7) picked by hand, each case naming the row
// the table gives and why.
#include "stock/dpe_intermittence.hpp"

#include <gtest/gtest.h>

namespace coron::stock {
namespace {

// IntermittenceKey: method, installation, heating type, equipment, regulation, emitters,
// inertia, metering.

// A house (method 1), its own installation (1), central heating (2), no programmer (1), no
// room-by-room control (1), heavy inertia (2). Radiators (emitters 39, which no row lists)
// take the rows whose emitters are empty: row 60, "Radiateur", heavy, I0 0.93. Open3CL's tv()
// would give row 59 (blown air) instead, whose emitters it counts as the one unmet criterion.
TEST(DpeIntermittence, RadiatorsTakeTheRowsWithoutEmitters) {
  const IntermittenceMatch m = intermittence_i0({1, 1, 2, 1, 1, 39, 2, false});
  EXPECT_EQ(m.row, 60);
  EXPECT_DOUBLE_EQ(m.i0, 0.93);
}

// The same house with blown air (emitters 5): row 59, I0 0.91.
TEST(DpeIntermittence, ListedEmittersTakeTheirOwnRow) {
  const IntermittenceMatch m = intermittence_i0({1, 1, 2, 1, 1, 5, 2, false});
  EXPECT_EQ(m.row, 59);
  EXPECT_DOUBLE_EQ(m.i0, 0.91);
}

// A house with a floor (emitters 14), a central programmer with minimum temperature (3), room
// control (2), light or medium inertia (3): row 32, "Plancher chauffant", I0 0.88; the heavy
// inertia's row differs.
TEST(DpeIntermittence, InertiaCountsForAHouse) {
  const IntermittenceMatch light = intermittence_i0({1, 1, 2, 3, 2, 14, 3, false});
  EXPECT_EQ(light.row, 32);
  EXPECT_DOUBLE_EQ(light.i0, 0.88);
  EXPECT_NE(intermittence_i0({1, 1, 2, 3, 2, 14, 2, false}).row, 32);
}

// A flat (method 5) on a collective installation (2), central, collective programmer (6), room
// control (2), radiators (37): with individual metering row 179, I0 0.93; without, row 160,
// I0 1.01 (above 1: the method charges unmetered collective heating for its waste).
TEST(DpeIntermittence, AFlatsCollectiveHeatingDependsOnItsMetering) {
  const IntermittenceMatch metered = intermittence_i0({5, 2, 2, 6, 2, 37, 1, true});
  EXPECT_EQ(metered.row, 179);
  EXPECT_DOUBLE_EQ(metered.i0, 0.93);
  const IntermittenceMatch unmetered = intermittence_i0({5, 2, 2, 6, 2, 37, 1, false});
  EXPECT_EQ(unmetered.row, 160);
  EXPECT_DOUBLE_EQ(unmetered.i0, 1.01);
  EXPECT_TRUE(intermittence_row_meters(179));
  EXPECT_FALSE(intermittence_row_meters(160));
  EXPECT_FALSE(intermittence_row_meters(60));   // a house's rows say nothing of it
  EXPECT_FALSE(intermittence_row_meters(999));  // no such row
}

// A key no row meets whole (an unknown method) still gets the row meeting most of it, never
// nothing: I0 stays within the table's values.
TEST(DpeIntermittence, AnUnknownCriterionFallsBackOnTheClosestRow) {
  const IntermittenceMatch m = intermittence_i0({99, 1, 2, 1, 1, 39, 2, false});
  EXPECT_GT(m.row, 0);
  EXPECT_GE(m.i0, 0.7);
  EXPECT_LE(m.i0, 1.1);
}

}  // namespace
}  // namespace coron::stock
