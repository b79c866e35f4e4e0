// The peak heating power of the stock and of each cité (/aggregate/peak_heating_mw): every
// dwelling's hourly heating power recomputed by the plain references of the 5R1C mapping and of
// ISO 13790 Annex C (tests/thermal/reference_*), summed hour by hour per cité and over the
// stock, and the highest hour of each sum compared with what a run records. The cités
// interleave in stock order, so a grouping that assumed contiguous cités would be caught.
#include "../thermal/reference_hourly_dwelling.hpp"
#include "../thermal/reference_iso13790.hpp"
#include "engine/hourly_step.hpp"
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/results_data.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "io/epw_reader.hpp"

#include "coron/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace coron {
namespace {

using fixtures::column_of;

const std::filesystem::path lille =
    std::filesystem::path(CORON_SOURCE_DIR) / "data" / "climate" / "lille-lesquin-typical.epw";

constexpr std::size_t cites = 3;

/// 90 synthetic houses dealt to three cités in turn: 0, 1, 2, 0, 1, 2, ...
Stock three_cites(std::size_t n) {
  Stock s = fixtures::synthetic_stock(n);
  s.cites.name = {"Cité A", "Cité B", "Cité C"};
  s.cites.communes = {"Lens", "Liévin", "Loos-en-Gohelle"};
  s.cites.epci = {"CA de Lens-Liévin", "CA de Lens-Liévin", "CA de Lens-Liévin"};
  s.cites.category.assign(cites, static_cast<std::uint8_t>(CiteCategory::unnamed));
  s.cites.dwellings.assign(cites, static_cast<std::int32_t>(n / cites));
  s.cites.heritage_unesco.assign(cites, 0);
  s.cites.qpv.assign(cites, 0);
  for (std::size_t i = 0; i < n; ++i) s.cite_id[i] = static_cast<std::int32_t>(i % cites);
  return s;
}

/// One dwelling's heating power (W) for each hour of the weather year, by the references:
/// two weeks of the year's end first from 19 degC in the mass, then the year, as the model
/// documents (docs/model-hourly.md).
std::vector<double> reference_heating_w(const reference::HourlyDwellingReference& d, double floor_area_m2,
                                        const engine::HourlyClimate& climate) {
  const double a_t = 4.5 * floor_area_m2;
  const test::Iso13790Reference p{floor_area_m2,     d.mass_area_m2,   a_t,
                                  3.45 * a_t,        d.h_tr_w_w_per_k, 9.1 * d.mass_area_m2,
                                  d.h_tr_em_w_per_k, d.h_ve_w_per_k,   d.c_m_j_per_k};
  const std::size_t n = climate.size();
  std::vector<double> heating(n, 0.0);
  double theta_m = 19.0;
  for (std::size_t k = n - 14 * 24; k < 2 * n; ++k) {
    const std::size_t h = k % n;
    double sun = -d.sky_loss_w;
    for (std::size_t f = 0; f < 5; ++f) sun += d.solar_aperture_m2[f] * climate.irradiance_w_per_m2[h][f];
    const double outdoor = climate.outdoor_c[h];
    const test::ReferenceHour hour = test::reference_hour_with_loads(p, outdoor, outdoor, theta_m,
                                                                     d.internal_w, sun, 19.0, 28.0, 1e9, 1e9);
    theta_m = hour.theta_m_t;
    if (k >= n && hour.phi_hc > 0.0) heating[h] = hour.phi_hc;
  }
  return heating;
}

/// One replicate of 2022, the monthly model unless the caller asks for the hourly one.
Scenario one_year(std::string name) {
  Scenario s;
  s.name = std::move(name);
  s.start_year = 2022;
  s.years = 1;
  s.replicates = 1;
  s.electricity_primary_factor = {{2018, 2.3}};
  return s;
}

double highest(const std::vector<double>& curve) { return *std::max_element(curve.begin(), curve.end()); }

TEST(HourlyPeaks, TheStockAndEachCiteTakeTheHighestHourOfTheirSummedPower) {
  const std::size_t n = 90;
  const Stock stock = three_cites(n);
  ModelParams params = fixtures::data_model_params();
  params.weather = io::read_epw(lille);
  Scenario s = one_year("hourly-peaks");
  s.output.dwelling_columns = {"heating_need_hourly_kwh", "peak_heating_w"};
  s.thermal.model = ThermalOptions::Model::hourly;
  s.thermal.weather_file = lille;
  const Results r = fixtures::run_collect(s, stock, params, RunOptions{});

  const engine::HourlyClimate climate = engine::hourly_climate(params.weather, s.thermal);
  const DwellingState state = initial_state(stock);
  const ThermalInputs in = thermal_inputs(state);
  std::vector<std::vector<double>> by_cite(cites, std::vector<double>(climate.size(), 0.0));
  std::vector<double> stock_curve(climate.size(), 0.0);
  const auto& need = column_of<double>(r.replicates.at(0), "heating_need_hourly_kwh");
  const auto& dwelling_peak = column_of<double>(r.replicates.at(0), "peak_heating_w");
  double sum_of_dwelling_peaks = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<double> heating = reference_heating_w(reference::hourly_dwelling(in, i, params.thermal),
                                                            stock.floor_area_m2[i], climate);
    double kwh = 0.0;
    for (std::size_t h = 0; h < heating.size(); ++h) {
      by_cite[i % cites][h] += heating[h];
      stock_curve[h] += heating[h];
      kwh += heating[h] / 1000.0;
    }
    EXPECT_NEAR(need[i], kwh, 1e-8 * kwh) << i;
    EXPECT_NEAR(dwelling_peak[i], highest(heating), 1e-8 * highest(heating)) << i;
    sum_of_dwelling_peaks += dwelling_peak[i];
  }

  const std::vector<double>& stock_mw = r.aggregates.of("peak_heating_mw");
  ASSERT_EQ(stock_mw.size(), 1u);
  EXPECT_NEAR(stock_mw[0], 1e-6 * highest(stock_curve), 1e-14 * highest(stock_curve));
  const std::size_t k = aggregate_index("peak_heating_mw");
  const std::vector<double>& cite_mw = r.replicates.at(0).by_cite.at(k);
  ASSERT_EQ(cite_mw.size(), cites);
  double sum_of_cite_peaks = 0.0;
  for (std::size_t c = 0; c < cites; ++c) {
    EXPECT_NEAR(cite_mw[c], 1e-6 * highest(by_cite[c]), 1e-14 * highest(by_cite[c])) << c;
    sum_of_cite_peaks += cite_mw[c];
  }
  // The whole's peak is at most the sum of its parts' (they may fall at other hours) and at
  // least the largest part's.
  EXPECT_LE(stock_mw[0], sum_of_cite_peaks * (1.0 + 1e-12));
  EXPECT_LE(sum_of_cite_peaks, 1e-6 * sum_of_dwelling_peaks * (1.0 + 1e-12));
  EXPECT_GE(stock_mw[0], *std::max_element(cite_mw.begin(), cite_mw.end()));
}

TEST(HourlyPeaks, AreZeroWithTheMonthlyModel) {
  const Stock stock = three_cites(30);
  const Results r =
      fixtures::run_collect(one_year("monthly"), stock, fixtures::data_model_params(), RunOptions{});
  EXPECT_EQ(r.aggregates.of("peak_heating_mw"), std::vector<double>{0.0});
  EXPECT_EQ(r.replicates.at(0).by_cite.at(aggregate_index("peak_heating_mw")),
            std::vector<double>(cites, 0.0));
}

}  // namespace
}  // namespace coron
