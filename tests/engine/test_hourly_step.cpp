// The stock hour by hour: a small synthetic stock on the shipped Lille-Lesquin year fills the
// hourly columns, its heating need stays near the monthly method's, and the run gives the same
// bits on one thread and two. Without the scenario's key the columns stay 0.
#include "engine/hourly_step.hpp"
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/results_data.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "io/epw_reader.hpp"

#include "coron/engine.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace coron {
namespace {

using fixtures::column_of;

const std::filesystem::path lille =
    std::filesystem::path(CORON_SOURCE_DIR) / "data" / "climate" / "lille-lesquin-typical.epw";

Scenario hourly_scenario(int years) {
  Scenario s;
  s.name = "hourly-test";
  s.start_year = 2022;
  s.years = years;
  s.replicates = 1;
  s.electricity_primary_factor = {{2018, 2.3}};
  s.output.dwelling_columns = {"heating_need_kwh", "heating_need_hourly_kwh", "cooling_need_hourly_kwh",
                               "peak_heating_w", "hours_above_28"};
  s.thermal.model = ThermalOptions::Model::hourly;
  s.thermal.weather_file = lille;
  return s;
}

ModelParams params_with_weather() {
  ModelParams p = fixtures::data_model_params();
  p.weather = io::read_epw(lille);
  return p;
}

/// A weather year of `hours` identical hours: outdoor air at `outdoor_c`, no sun.
engine::HourlyClimate still_climate(double outdoor_c, std::size_t hours) {
  engine::HourlyClimate c;
  c.outdoor_c.assign(hours, outdoor_c);
  c.irradiance_w_per_m2.assign(hours, {});
  c.set_points = {19.0, 28.0};
  c.warm_up_hours = 336;
  return c;
}

hourly::HourlyDwelling still_house() {
  hourly::HourlyDwelling d;
  d.network = hourly::iso13790_parameters(80.0, 250.0, 40.0, 60.0, hourly::MassClass::heavy);
  d.solar_aperture_m2 = {5.0, 1.0, 1.0, 4.0, 2.0};
  d.sky_loss_w = 150.0;
  d.internal_w = 320.0;
  return d;
}

TEST(HourlyDwellingYear, ASteadyColdYearNeedsTheSteadyStatePowerEveryHour) {
  // Outdoor 0 degC, no sun, air held at 19 degC: after the warm-up the mass has settled and
  // every hour needs the power P of the steady network, solved here by hand (ISO 13790 5R1C):
  //   mass:    H_ms (s - m) - H_em m + Phi_m = 0                    -> m = (H_ms s + Phi_m)/(H_ms + H_em)
  //   surface: H_is (19 - s) - H_w s + H_ms (m - s) + Phi_st = 0     -> s
  //   air:     P = H_ve 19 + H_is (19 - s) - Phi_int/2
  // with Phi_sol = -sky loss split as C.2-C.3: Phi_m = A_m/A_t (Phi_int/2 + Phi_sol),
  // Phi_st = (1 - A_m/A_t - H_w/(9.1 A_t)) (Phi_int/2 + Phi_sol).
  const hourly::HourlyDwelling d = still_house();
  const hourly::Iso13790Parameters& p = d.network;
  const double radiant = 0.5 * d.internal_w - d.sky_loss_w;
  const double phi_m = p.mass_area_m2 / p.total_area_m2 * radiant;
  const double phi_st =
      (1.0 - p.mass_area_m2 / p.total_area_m2 - p.h_tr_w_w_per_k / (9.1 * p.total_area_m2)) * radiant;
  const double h_ms = p.h_tr_ms_w_per_k, h_em = p.h_tr_em_w_per_k, h_is = p.h_tr_is_w_per_k;
  const double s = (h_is * 19.0 + h_ms * phi_m / (h_ms + h_em) + phi_st) /
                   (h_is + p.h_tr_w_w_per_k + h_ms - h_ms * h_ms / (h_ms + h_em));
  const double power_w = p.h_ve_w_per_k * 19.0 + h_is * (19.0 - s) - 0.5 * d.internal_w;
  ASSERT_GT(power_w, 0.0);
  const engine::HourlyYear y = engine::run_hourly_dwelling(d, still_climate(0.0, 8760));
  EXPECT_NEAR(y.heating_kwh, 8760.0 * power_w / 1000.0, 1e-9 * 8760.0 * power_w / 1000.0);
  EXPECT_NEAR(y.peak_heating_w, power_w, 1e-6 * power_w) << "the warm-up started from 19 degC";
  EXPECT_EQ(y.cooling_kwh, 0.0);
  EXPECT_EQ(y.hours_above_28, 0);
}

TEST(HourlyDwellingYear, AHotYearCountsEveryHourAboveTwentyEightAndCoolsEveryHour) {
  const engine::HourlyYear y = engine::run_hourly_dwelling(still_house(), still_climate(35.0, 8760));
  EXPECT_EQ(y.hours_above_28, 8760);
  EXPECT_EQ(y.heating_kwh, 0.0);
  EXPECT_EQ(y.peak_heating_w, 0.0);
  EXPECT_GT(y.cooling_kwh, 0.0);
}

TEST(HourlyStock, FillsTheColumnsNearTheMonthlyHeatingNeed) {
  const std::size_t n = 400;
  const Stock stock = fixtures::synthetic_stock(n);
  const Results r = fixtures::run_collect(hourly_scenario(2), stock, params_with_weather(), RunOptions{});
  const ReplicateRecord& rec = r.replicates.at(0);
  const auto& monthly = column_of<double>(rec, "heating_need_kwh");
  const auto& heating = column_of<double>(rec, "heating_need_hourly_kwh");
  const auto& cooling = column_of<double>(rec, "cooling_need_hourly_kwh");
  const auto& peak = column_of<double>(rec, "peak_heating_w");
  const auto& hot = column_of<std::int16_t>(rec, "hours_above_28");
  ASSERT_EQ(heating.size(), 2 * n);
  double monthly_sum = 0.0, hourly_sum = 0.0;
  int with_cooling = 0, with_hot_hours = 0;
  for (std::size_t i = 0; i < heating.size(); ++i) {
    EXPECT_GT(heating[i], 0.0) << i;
    // The peak hour's power times the year's 8,760 hours bounds the year's need from above.
    EXPECT_GT(peak[i], 0.0) << i;
    EXPECT_LE(heating[i], peak[i] * 8.760) << i;
    EXPECT_GE(cooling[i], 0.0) << i;
    EXPECT_GE(hot[i], 0) << i;
    EXPECT_LE(hot[i], 8760) << i;
    with_cooling += cooling[i] > 0.0;
    with_hot_hours += hot[i] > 0;
    monthly_sum += monthly[i];
    hourly_sum += heating[i];
  }
  EXPECT_GT(with_cooling, 0) << "a Lille summer brings some dwellings above 28 degC";
  EXPECT_GT(with_hot_hours, 0);
  // No works: the second year repeats the first bit for bit (the same weather year).
  for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(heating[i], heating[n + i]) << i;
  // Two models, two climates (3CL's H1a tables, a typical Lille year) and the hourly model
  // loses heat to the sky the monthly one ignores: the same order, not the same number.
  const double ratio = hourly_sum / monthly_sum;
  std::printf("hourly / monthly heating need over %zu dwelling-years: %.3f\n", heating.size(), ratio);
  EXPECT_GT(ratio, 0.6);
  EXPECT_LT(ratio, 1.5);
}

TEST(HourlyStock, OneAndTwoThreadsGiveTheSameBits) {
  // More than one block of 2,048 dwellings, the last one partial.
  const Stock stock = fixtures::synthetic_stock(2'100);
  const ModelParams params = params_with_weather();
  RunOptions one;
  one.threads = 1;
  one.execution = Execution::serial;
  RunOptions two;
  two.threads = 2;
  const Results a = fixtures::run_collect(hourly_scenario(1), stock, params, one);
  const Results b = fixtures::run_collect(hourly_scenario(1), stock, params, two);
  EXPECT_TRUE(a == b);
  EXPECT_EQ(column_of<double>(a.replicates.at(0), "peak_heating_w"),
            column_of<double>(b.replicates.at(0), "peak_heating_w"));
}

TEST(HourlyStock, TheMonthlyModelLeavesTheHourlyColumnsAtZero) {
  const Stock stock = fixtures::synthetic_stock(50);
  Scenario s = hourly_scenario(1);
  s.thermal = ThermalOptions{};
  const Results r = fixtures::run_collect(s, stock, fixtures::data_model_params(), RunOptions{});
  for (const double v : column_of<double>(r.replicates.at(0), "heating_need_hourly_kwh")) EXPECT_EQ(v, 0.0);
  for (const std::int16_t v : column_of<std::int16_t>(r.replicates.at(0), "hours_above_28")) EXPECT_EQ(v, 0);
}

TEST(HourlyStock, TheWeatherIsRequiredWithTheHourlyModel) {
  EXPECT_THROW((void)run_simulation(hourly_scenario(1), fixtures::synthetic_stock(5),
                                    fixtures::data_model_params(), RunOptions{}),
               std::invalid_argument);
}

}  // namespace
}  // namespace coron
