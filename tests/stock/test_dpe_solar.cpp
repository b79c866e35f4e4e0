// Each facade's sun factor (sim/stock/dpe_solar.hpp): masks, tilts, glazing onto other spaces
// and a veranda, against the hand case dpe_solar_cases.py recomputes month by month from the
// tv.js tables (ctest DpeSolarCasesScript checks the constants below against it).
#include "stock/dpe_solar.hpp"

#include <gtest/gtest.h>

namespace coron::stock {
namespace {

constexpr double solar_south = 1.0169252522225434;
constexpr double solar_east = 3.7091073016903975;
constexpr double solar_west = 0.0;
constexpr double solar_north = 0.7941176470588237;

io::DpeSurface window(int orientation, int tilt, double area, double sw, double masks, int adjacency) {
  io::DpeSurface w;
  w.orientation = orientation;
  w.tilt = tilt;
  w.area_m2 = area;
  w.solar_factor = sw;
  w.masks = masks;
  w.adjacency = adjacency;
  w.u_w_per_m2k = 2.0;
  return w;
}

// enum_orientation_id: 1 south, 2 north, 3 east, 4 west, 5 horizontal; tilt 2: 25-75 degrees.
io::DpeCertificate hand_case() {
  io::DpeCertificate c;
  c.windows = {window(1, 3, 4.0, 0.5, 1.0, 1),  window(1, 3, 2.0, 0.5, 0.4, 1),
               window(1, 2, 1.0, 0.6, 1.0, 1),  window(2, 3, 3.0, 0.5, 0.8, 1),
               window(3, 3, 2.0, 0.5, 1.0, 10), window(4, 3, 1.0, 0.5, 1.0, 3),
               window(5, 3, 0.5, 0.4, 1.0, 1)};
  io::DpeVeranda v;
  v.transparency = 0.48;
  v.b_ver = 0.55;
  v.glazing = {{6.0, 3, 3, 1.0}, {3.0, 1, 2, 1.0}};
  c.verandas = {v};
  return c;
}

TEST(DpeSolar, MasksTiltsOtherSpacesAndAVerandaGiveTheMonthByMonthSum) {
  const FacadeSun sun = facade_sun(hand_case(), 0, 0, 0);  // H1a, below 400 m, ilpa 0
  EXPECT_NEAR(sun.factor[0], solar_south, 1e-12);
  EXPECT_NEAR(sun.factor[1], solar_east, 1e-12);
  EXPECT_NEAR(sun.factor[2], solar_west, 1e-12);
  EXPECT_NEAR(sun.factor[3], solar_north, 1e-12);
  EXPECT_TRUE(sun.horizontal);
  EXPECT_FALSE(sun.several_verandas);
  EXPECT_FALSE(sun.veranda_elsewhere);
}

// Unshaded vertical windows of one S_w collect what the row's area and g do: factor 1 in every
// zone, altitude and variant; a facade without windows keeps 1 (it multiplies nothing).
TEST(DpeSolar, UnshadedVerticalGlazingIsOneEverywhere) {
  io::DpeCertificate c;
  c.windows = {window(1, 3, 5.0, 0.6, 1.0, 1), window(3, 3, 2.0, 0.6, 1.0, 1),
               window(2, 3, 1.5, 0.6, 1.0, 1)};
  for (std::size_t zone = 0; zone < 8; ++zone)
    for (std::size_t ilpa = 0; ilpa < 2; ++ilpa) {
      const FacadeSun sun = facade_sun(c, zone, 0, ilpa);
      for (std::size_t f = 0; f < facade_count; ++f) EXPECT_DOUBLE_EQ(sun.factor[f], 1.0) << zone << " " << f;
    }
}

// A window onto a veranda the certificate does not describe, or onto an unheated room,
// collects nothing (Open3CL counts adjacency 10 only through an ets element).
TEST(DpeSolar, GlazingOntoAnUndescribedVerandaCollectsNothing) {
  io::DpeCertificate c;
  c.windows = {window(1, 3, 4.0, 0.5, 1.0, 1), window(1, 3, 4.0, 0.5, 1.0, 10)};
  const FacadeSun sun = facade_sun(c, 2, 1, 1);
  EXPECT_DOUBLE_EQ(sun.factor[0], 0.5);
}

// Windows with b = 0 (onto a heated space) are neither area nor sun; several verandas: the
// first, said when they differ; a veranda with no window onto it puts its gains on the south
// facade.
TEST(DpeSolar, NamesWhatItApproximates) {
  io::DpeCertificate c = hand_case();
  c.verandas.push_back(c.verandas.front());  // written twice: the same gains, no note
  const FacadeSun twice = facade_sun(c, 0, 0, 0);
  EXPECT_FALSE(twice.several_verandas);
  EXPECT_NEAR(twice.factor[1], solar_east, 1e-12);
  c.verandas.back().b_ver = 0.3;  // another one
  EXPECT_TRUE(facade_sun(c, 0, 0, 0).several_verandas);
  EXPECT_NEAR(facade_sun(c, 0, 0, 0).factor[1], solar_east, 1e-12);  // the first one's
  for (io::DpeSurface& w : c.windows)
    if (w.adjacency == 10) w.b = 0.0;
  const FacadeSun sun = facade_sun(c, 0, 0, 0);
  EXPECT_TRUE(sun.veranda_elsewhere);
  EXPECT_GT(sun.factor[0], solar_south);
  EXPECT_DOUBLE_EQ(sun.factor[1], 1.0);  // no east glazing left
}

}  // namespace
}  // namespace coron::stock
