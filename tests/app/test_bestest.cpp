// ASHRAE 140 cases 600, 900, 600FF and 900FF on the hourly 5R1C model: the case parameters
// against the figures the reference derives, the solar gains against a plain transcription,
// the year's loop against the closed-form Annex C hour, and the annual loads against the
// 140-2020 acceptance ranges (docs/validation.md).
#include "app/bestest_report.hpp"
#include "app/bestest_run.hpp"
#include "climate/solar_position.hpp"
#include "io/epw_reader.hpp"
#include "thermal/reference_iso13790.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace coron::bestest {
namespace {

constexpr double pi = std::numbers::pi;

const HourlyWeather& denver() {
  static const HourlyWeather w =
      io::read_epw(std::filesystem::path(CORON_TEST_DATA_DIR) / "weather/725650TYCST.epw");
  return w;
}
const climate::SolarHours& denver_sun() {
  static const climate::SolarHours h = climate::solar_hours(denver());
  return h;
}

TEST(Bestest, ParametersAreTheReferenceDerivedFigures) {
  // thermal-reference.md §2.4, "Derived": H_tr,ms 1975.2 (600) / 1179.4 (900), H_tr,em 52.84 /
  // 53.82, H_tr,is 453.6, H_tr,w 37.2, H_ve 17.97 W/K.
  const BestestCase light = bestest_case("600"), heavy = bestest_case("900");
  EXPECT_NEAR(light.network.h_tr_ms_w_per_k, 1975.2, 0.05);
  EXPECT_NEAR(heavy.network.h_tr_ms_w_per_k, 1179.4, 0.05);
  EXPECT_NEAR(light.network.h_tr_em_w_per_k, 52.84, 0.005);
  EXPECT_NEAR(heavy.network.h_tr_em_w_per_k, 53.82, 0.005);
  for (const BestestCase* c : {&light, &heavy}) {
    EXPECT_NEAR(c->network.h_tr_is_w_per_k, 453.6, 1e-9);
    EXPECT_NEAR(c->network.h_tr_w_w_per_k, 37.2, 1e-9);
    EXPECT_NEAR(c->network.h_ve_w_per_k, 17.97, 0.005);
  }
  EXPECT_NEAR(light.network.c_m_j_per_k, 51'289.8 * 48.0, 1e-6);
  EXPECT_NEAR(heavy.network.c_m_j_per_k, 249'272.0 * 48.0, 1e-6);
  EXPECT_FALSE(light.free_float());
  EXPECT_TRUE(bestest_case("900FF").free_float());
  EXPECT_EQ(bestest_case("600FF").network.c_m_j_per_k, light.network.c_m_j_per_k);
  EXPECT_THROW((void)bestest_case("610"), std::invalid_argument);
}

TEST(Bestest, BeamIncidenceFactorHandCases) {
  EXPECT_DOUBLE_EQ(beam_incidence_factor(0.0), 1.0);
  // theta = 1 rad: 1 - 0.189 + 0.644 - 0.596 = 0.859.
  EXPECT_NEAR(beam_incidence_factor(1.0), 0.859, 1e-12);
  // theta = 0.5 rad: 1 - 0.0945 + 0.161 - 0.0745 = 0.992.
  EXPECT_NEAR(beam_incidence_factor(0.5), 0.992, 1e-12);
  // At grazing incidence the polynomial is -0.019: floored at 0.
  EXPECT_EQ(beam_incidence_factor(pi / 2.0), 0.0);
}

/// 2 x integral over the hemisphere of F(t) cos t sin t, by Simpson's rule on 20,000 intervals,
/// with the polynomial written out again: the diffuse share of the window's g.
double plain_diffuse_factor() {
  const int n = 20'000;
  const double h = (pi / 2.0) / n;
  auto g = [](double t) {
    const double f = 1.0 - 0.189 * t + 0.644 * t * t - 0.596 * t * t * t;
    return (f > 0.0 ? f : 0.0) * std::cos(t) * std::sin(t);
  };
  double sum = g(0.0) + g(pi / 2.0);
  for (int k = 1; k < n; ++k) sum += (k % 2 == 1 ? 4.0 : 2.0) * g(k * h);
  return 2.0 * sum * h / 3.0;
}

TEST(Bestest, DiffuseIncidenceFactorIsTheHemisphericalAverage) {
  EXPECT_NEAR(diffuse_incidence_factor(), plain_diffuse_factor(), 1e-6);
  // 0.871225 by the same integral in Python (scipy-free midpoint sum on 100,000 intervals).
  EXPECT_NEAR(diffuse_incidence_factor(), 0.871225, 1e-5);
}

// ISO 13790 §11.3 written out term by term for one hour, from the irradiance components.
double plain_solar_gain_w(std::size_t i) {
  const HourlyWeather& w = denver();
  const climate::SolarHours& h = denver_sun();
  const climate::SunPosition sun{h.zenith_rad[i], h.azimuth_rad[i]};
  const climate::PerezSky sky{h.circumsolar_f1[i], h.horizon_f2[i], 0};
  auto on = [&](double tilt, double azimuth) {
    return climate::surface_irradiance(sun, sky, w.direct_normal_w_per_m2[i],
                                       w.diffuse_horizontal_w_per_m2[i], w.global_horizontal_w_per_m2[i],
                                       {tilt, azimuth}, 0.2);
  };
  const double hr = 5.0 * 0.9, dt_sky = 11.0, rse = 0.04, alpha = 0.6;
  double total = 0.0;
  const double walls[4][2] = {{0.0, 21.6}, {pi / 2, 16.2}, {pi, 9.6}, {3 * pi / 2, 16.2}};
  for (const auto& wall : walls) {
    total += alpha * rse * 0.534 * wall[1] * on(pi / 2, wall[0]).total_w_per_m2();
    total -= 0.5 * rse * 0.534 * wall[1] * hr * dt_sky;
  }
  total +=
      alpha * rse * 0.327 * 48.0 * on(0.0, 0.0).total_w_per_m2() - 1.0 * rse * 0.327 * 48.0 * hr * dt_sky;
  const climate::SurfaceIrradiance s = on(pi / 2, pi);
  const double cos_t = climate::cos_incidence(sun, pi / 2, pi);
  double f = 0.0;
  if (cos_t > 0.0) {
    const double t = std::acos(cos_t);
    f = std::max(0.0, 1.0 - 0.189 * t + 0.644 * t * t - 0.596 * t * t * t);
  }
  static const double diffuse = plain_diffuse_factor();
  total += 0.789 * 12.0 * (s.beam_w_per_m2 * f + diffuse * (s.sky_diffuse_w_per_m2 + s.ground_w_per_m2));
  total -= 0.5 * rse * 3.1 * 12.0 * hr * dt_sky;
  return total;
}

TEST(Bestest, SolarGainsEqualThePlainTranscriptionEveryHour) {
  const std::vector<double> gains = solar_gains_w(bestest_case("600"), denver(), denver_sun());
  ASSERT_EQ(gains.size(), denver().size());
  for (std::size_t i = 0; i < gains.size(); ++i) ASSERT_NEAR(gains[i], plain_solar_gain_w(i), 1e-6) << i;
  // Hand case, a night hour (1 January 00-01h): only the sky losses, F_r R_se U A h_r 11 K:
  // roof 1 x 0.04 x 0.327 x 48 x 4.5 x 11 = 31.07808; walls 0.5 x 0.04 x 0.534 x 63.6 x 4.5 x 11
  // = 33.622776; window 0.5 x 0.04 x 3.1 x 12 x 4.5 x 11 = 36.828. Sum 101.528856 W lost.
  EXPECT_NEAR(gains[0], -101.528856, 1e-6);
}

// The year's loop with the closed-form Annex C hour (C.1-C.13) of tests/thermal, itself
// independent of the network code: two passes, the second reported.
BestestResult plain_year(const BestestCase& c) {
  const HourlyWeather& w = denver();
  const std::vector<double> solar = solar_gains_w(c, w, denver_sun());
  const hourly::Iso13790Parameters& p = c.network;
  const test::Iso13790Reference ref{p.floor_area_m2,   p.mass_area_m2,   p.total_area_m2,
                                    p.h_tr_is_w_per_k, p.h_tr_w_w_per_k, p.h_tr_ms_w_per_k,
                                    p.h_tr_em_w_per_k, p.h_ve_w_per_k,   p.c_m_j_per_k};
  const double heat_set = c.set_points ? c.set_points->heating_c : -1e9;
  const double cool_set = c.set_points ? c.set_points->cooling_c : 1e9;
  BestestResult r;
  double mass = 20.0;
  for (int pass = 0; pass < 2; ++pass) {
    r = BestestResult{};
    r.min_air_c = 1e9;
    r.max_air_c = -1e9;
    double sum = 0.0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const test::ReferenceHour h = test::reference_hour_with_loads(
          ref, w.dry_bulb_c[i], w.dry_bulb_c[i], mass, 200.0, solar[i], heat_set, cool_set, 1e9, 1e9);
      mass = h.theta_m_t;
      if (h.phi_hc > 0) r.heating_mwh += h.phi_hc / 1e6;
      if (h.phi_hc < 0) r.cooling_mwh -= h.phi_hc / 1e6;
      r.peak_heating_kw = std::max(r.peak_heating_kw, h.phi_hc / 1000.0);
      r.peak_cooling_kw = std::max(r.peak_cooling_kw, -h.phi_hc / 1000.0);
      r.min_air_c = std::min(r.min_air_c, h.theta_air);
      r.max_air_c = std::max(r.max_air_c, h.theta_air);
      sum += h.theta_air;
    }
    r.mean_air_c = sum / static_cast<double>(w.size());
  }
  return r;
}

TEST(Bestest, YearEqualsTheClosedFormHourByHour) {
  for (const std::string& name : bestest_case_names()) {
    const BestestCase c = bestest_case(name);
    const BestestResult fast = run_bestest(c, denver(), denver_sun()), plain = plain_year(c);
    EXPECT_NEAR(fast.heating_mwh, plain.heating_mwh, 1e-6) << name;
    EXPECT_NEAR(fast.cooling_mwh, plain.cooling_mwh, 1e-6) << name;
    EXPECT_NEAR(fast.peak_heating_kw, plain.peak_heating_kw, 1e-6) << name;
    EXPECT_NEAR(fast.peak_cooling_kw, plain.peak_cooling_kw, 1e-6) << name;
    EXPECT_NEAR(fast.min_air_c, plain.min_air_c, 1e-6) << name;
    EXPECT_NEAR(fast.max_air_c, plain.max_air_c, 1e-6) << name;
    EXPECT_NEAR(fast.mean_air_c, plain.mean_air_c, 1e-6) << name;
  }
}

}  // namespace
}  // namespace coron::bestest

namespace coron::bestest {
namespace {

TEST(Bestest, AnnualLoadsAgainstTheAcceptanceRangesOf140_2020) {
  const BestestResult light = run_bestest(bestest_case("600"), denver(), denver_sun());
  const BestestResult heavy = run_bestest(bestest_case("900"), denver(), denver_sun());
  // thermal-reference.md §2.2, 140-2020 acceptance ranges (MWh).
  EXPECT_GE(light.heating_mwh, 3.75);
  EXPECT_LE(light.heating_mwh, 4.98);
  EXPECT_GE(light.cooling_mwh, 5.00);
  EXPECT_LE(light.cooling_mwh, 6.83);
  EXPECT_GE(heavy.heating_mwh, 1.04);
  EXPECT_LE(heavy.heating_mwh, 2.28);
  EXPECT_GE(heavy.cooling_mwh, 2.35);
  EXPECT_LE(heavy.cooling_mwh, 2.60);
  // What the method gives (docs/validation.md), pinned so that any change shows: heating above
  // the programs' mean (the constant sky loss), cooling near it.
  EXPECT_NEAR(light.heating_mwh, 4.723, 0.005);
  EXPECT_NEAR(light.cooling_mwh, 5.652, 0.005);
  EXPECT_NEAR(heavy.heating_mwh, 2.174, 0.005);
  EXPECT_NEAR(heavy.cooling_mwh, 2.438, 0.005);
  // The mass lowers both loads, as in every reference program.
  EXPECT_LT(heavy.heating_mwh, light.heating_mwh);
  EXPECT_LT(heavy.cooling_mwh, light.cooling_mwh);
}

TEST(Bestest, FreeFloatSwingsLessWithMass) {
  const BestestResult light = run_bestest(bestest_case("600FF"), denver(), denver_sun());
  const BestestResult heavy = run_bestest(bestest_case("900FF"), denver(), denver_sun());
  EXPECT_EQ(light.heating_mwh, 0.0);
  EXPECT_EQ(light.cooling_mwh, 0.0);
  EXPECT_GT(light.max_air_c - light.min_air_c, heavy.max_air_c - heavy.min_air_c + 25.0);
  // Reference programs' ranges (§2.2): 600FF max 62.4-68.4, min -13.8..-9.9, mean 24.3-26.1;
  // 900FF max 43.3-46.0, min 0.6-2.2, mean 24.5-25.7. 600FF's max and both means fall a little
  // under theirs, 900FF's min 2.4 K under (the constant sky loss: docs/validation.md); pinned.
  EXPECT_NEAR(light.max_air_c, 62.109, 0.005);
  EXPECT_GE(light.min_air_c, -13.8);
  EXPECT_LE(light.min_air_c, -9.9);
  EXPECT_NEAR(light.mean_air_c, 24.291, 0.005);
  EXPECT_GE(heavy.max_air_c, 43.3);
  EXPECT_LE(heavy.max_air_c, 46.0);
  EXPECT_NEAR(heavy.mean_air_c, 24.291, 0.005);
  EXPECT_NEAR(heavy.min_air_c, -1.803, 0.005);
}

TEST(Bestest, ReportMarksWhatFallsOutside) {
  BestestResult r;
  r.heating_mwh = 5.1;  // above 600's acceptance 4.98
  r.cooling_mwh = 5.9;
  r.peak_heating_kw = 3.1;
  r.peak_cooling_kw = 7.0;  // above the reference programs' 6.481
  const std::vector<ReportRow> rows = report_rows("600", r, denver());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_FALSE(rows[0].in_range());
  EXPECT_TRUE(rows[1].in_range());
  EXPECT_TRUE(rows[2].in_range());
  EXPECT_FALSE(rows[3].in_range());
  const std::string text = format_report(rows);
  EXPECT_NE(text.find("OUT of acceptance"), std::string::npos);
  EXPECT_NE(text.find("outside ref. range"), std::string::npos);
  EXPECT_NE(text.find("2 of 4 figures outside"), std::string::npos);
  // Distance to the reference mean: 5.9 / 5.856 - 1 = +0.75 %.
  EXPECT_NE(text.find("+0.8%"), std::string::npos);
  EXPECT_THROW((void)report_rows("610", r, denver()), std::invalid_argument);
}

}  // namespace
}  // namespace coron::bestest
