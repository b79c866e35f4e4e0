// heating_needs_by_archetype against a plain loop over a few hand houses: each dwelling's
// works, its 3CL need, its hourly year, then sums, ratios and type-7 quantiles written out
// here without the library's grouping or statistics.
#include "app/hourly_validation.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/hand_stock.hpp"
#include "io/epw_reader.hpp"
#include "policy/package_search.hpp"
#include "thermal/hourly_dwelling.hpp"

#include "coron/error.hpp"
#include "coron/state.hpp"
#include "coron/vocabulary.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace coron {
namespace {

using app::NeedsRow;
using app::PackageState;

const std::filesystem::path lille =
    std::filesystem::path(CORON_SOURCE_DIR) / "data" / "climate" / "lille-lesquin-typical.epw";

const engine::HourlyClimate& lille_climate() {
  static const engine::HourlyClimate climate = engine::hourly_climate(io::read_epw(lille), ThermalOptions{});
  return climate;
}

YearFactors factors_2018() {
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] = 2.3;
  return f;
}

/// Six uninsulated houses, one of each archetype and a second coron; the walls are the
/// only thing hand_houses sets, the rest is what synthetic_stock drew.
Stock six_houses() {
  Stock s = fixtures::hand_houses({70.0, 55.0, 90.0, 40.0, 62.0, 48.0});
  const std::uint8_t forms[] = {0, 1, 2, 3, 4, 0};
  for (std::size_t i = 0; i < s.size(); ++i) s.archetype[i] = forms[i];
  return s;
}

/// Type-7 quantile, written out: sort, then interpolate between the order statistics.
double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double h = q * static_cast<double>(v.size() - 1);
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  const double next = i + 1 < v.size() ? v[i + 1] : v[i];
  return v[i] + (h - lo) * (next - v[i]);
}

/// One dwelling in one state, by the models directly.
struct Plain {
  std::uint8_t archetype = 0;
  double floor_m2 = 0.0, monthly_kwh = 0.0, hourly_kwh = 0.0;
};

/// The dwellings of `stock` after `package`, each evaluated alone.
std::vector<Plain> plain_needs(const Stock& stock, const PackageState& package) {
  const ModelParams& params = fixtures::data_model_params();
  const DwellingState initial = initial_state(stock);
  const ThermalInputs in = thermal_inputs(initial);
  const PackageSearch search(params.works, params.thermal);
  const std::vector<double> ones(params.works.measures.size(), 1.0);
  std::vector<Plain> out;
  for (std::size_t i = 0; i < stock.size(); ++i) {
    ThermalRow row = thermal_row(in, i);
    if (package.reach)
      row =
          search.cheapest(row, PackageRules{}, package.measures, *package.reach, factors_2018(), ones).after;
    else if (package.measures != 0)
      row = apply_package(params.works, row, package.measures);
    // One row as kernel columns.
    ThermalInputs one;
#define ONE_SPAN(T, name, unit, spec, text) one.name = std::span<const T>(&row.name, 1);
    CORON_THERMAL_COLUMNS(ONE_SPAN)
#undef ONE_SPAN
    double need = 0.0, final_energy = 0.0, heating = 0.0, backup = 0.0, dhw = 0.0, other = 0.0, cep = 0.0,
           eges = 0.0;
    std::uint8_t label = 0;
    const ThermalOutputs o{{&need, 1},  {&final_energy, 1}, {&heating, 1}, {&backup, 1}, {&dhw, 1},
                           {&other, 1}, {&cep, 1},          {&eges, 1},    {&label, 1}};
    evaluate_thermal(one, params.thermal, factors_2018(), o, 0, 1);
    const double hourly =
        engine::run_hourly_dwelling(hourly::hourly_dwelling(one, 0, params.thermal), lille_climate())
            .heating_kwh;
    out.push_back({stock.archetype[i], row.floor_area_m2, need, hourly});
  }
  return out;
}

std::vector<NeedsRow> library_rows(const Stock& stock, const std::vector<PackageState>& states) {
  const ModelParams& params = fixtures::data_model_params();
  return app::heating_needs_by_archetype(stock, params.thermal, params.works, lille_climate(), factors_2018(),
                                         states, engine::Blocks(true));
}

std::int32_t bits_of(std::initializer_list<const char*> names) {
  std::int32_t bits = 0;
  for (const char* name : names) {
    const auto& measures = fixtures::data_model_params().works.measures;
    const auto it =
        std::find_if(measures.begin(), measures.end(), [&](const Measure& m) { return m.name == name; });
    EXPECT_NE(it, measures.end()) << name;
    bits |= std::int32_t{1} << (it - measures.begin());
  }
  return bits;
}

bool near(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(a)); }

TEST(HourlyValidation, StandardStatesAreTheNamedMeasures) {
  const auto states = app::standard_package_states(fixtures::data_model_params().works, "measures.yaml");
  ASSERT_EQ(states.size(), 4u);
  EXPECT_EQ(states[0].name, "before");
  EXPECT_EQ(states[0].measures, 0);
  EXPECT_EQ(states[1].name, "envelope");
  EXPECT_EQ(states[1].measures, bits_of({"wall_outside", "attic", "floor", "windows", "ventilation_hygro"}));
  EXPECT_FALSE(states[1].reach.has_value());
  EXPECT_EQ(states[2].name, "to_C");
  ASSERT_TRUE(states[2].reach.has_value());
  EXPECT_EQ(states[2].reach->label_max, 2);  // C
  // Every measure but the two structure ones.
  EXPECT_EQ(states[2].measures & bits_of({"heavy_rehabilitation", "demolition_rebuild"}), 0);
  EXPECT_EQ(states[2].measures | bits_of({"heavy_rehabilitation", "demolition_rebuild"}),
            (std::int32_t{1} << fixtures::data_model_params().works.measures.size()) - 1);
  EXPECT_EQ(states[3].name, "rebuilt");
  EXPECT_EQ(states[3].measures, bits_of({"demolition_rebuild"}));
}

TEST(HourlyValidation, AMissingMeasureIsBadInputNamingTheCatalog) {
  WorksParams works = fixtures::data_model_params().works;
  works.measures.erase(works.measures.begin());  // wall_outside
  try {
    (void)app::standard_package_states(works, "data/measures.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("data/measures.yaml"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("wall_outside"));
  }
}

TEST(HourlyValidation, EveryRowIsThePlainLoopsSumsRatioAndQuantiles) {
  const Stock stock = six_houses();
  const auto states = app::standard_package_states(fixtures::data_model_params().works, "measures.yaml");
  const std::vector<NeedsRow> rows = library_rows(stock, states);
  // Per state: five archetypes (each present) and "all".
  ASSERT_EQ(rows.size(), states.size() * 6);
  std::size_t r = 0;
  for (const PackageState& state : states) {
    const std::vector<Plain> plain = plain_needs(stock, state);
    for (std::size_t group = 0; group <= archetype_names.size(); ++group, ++r) {
      const bool all = group == archetype_names.size();
      const NeedsRow& row = rows[r];
      SCOPED_TRACE(state.name + " " + row.archetype);
      EXPECT_EQ(row.state, state.name);
      EXPECT_EQ(row.archetype, all ? "all" : std::string(archetype_names[group]));
      std::size_t n = 0;
      double floor_m2 = 0.0, monthly = 0.0, hourly = 0.0;
      std::vector<double> ratios;
      for (const Plain& p : plain) {
        if (!all && p.archetype != group) continue;
        ++n;
        floor_m2 += p.floor_m2;
        monthly += p.monthly_kwh;
        hourly += p.hourly_kwh;
        ratios.push_back(p.hourly_kwh / p.monthly_kwh);
      }
      EXPECT_EQ(row.dwellings, n);
      EXPECT_TRUE(near(row.floor_area_m2, floor_m2)) << row.floor_area_m2 << " vs " << floor_m2;
      EXPECT_TRUE(near(row.monthly_kwh, monthly)) << row.monthly_kwh << " vs " << monthly;
      EXPECT_TRUE(near(row.hourly_kwh, hourly)) << row.hourly_kwh << " vs " << hourly;
      EXPECT_TRUE(near(row.monthly_kwh_per_m2(), monthly / floor_m2));
      EXPECT_TRUE(near(row.hourly_kwh_per_m2(), hourly / floor_m2));
      EXPECT_TRUE(near(row.ratio(), hourly / monthly));
      EXPECT_TRUE(near(row.ratio_spread.p10, quantile(ratios, 0.1)));
      EXPECT_TRUE(near(row.ratio_spread.p50, quantile(ratios, 0.5)));
      EXPECT_TRUE(near(row.ratio_spread.p90, quantile(ratios, 0.9)));
    }
  }
}

TEST(HourlyValidation, HandCaseOfTwoCoronsQuantiles) {
  // Two corons: P10/P50/P90 of two ratios r1 < r2 are r1 + 0.1 (r2 - r1), their mean and
  // r1 + 0.9 (r2 - r1) (type 7 with n = 2: h = q).
  const Stock stock = six_houses();
  const std::vector<PackageState> before = {{"before", 0, std::nullopt}};
  const std::vector<NeedsRow> rows = library_rows(stock, before);
  const std::vector<Plain> plain = plain_needs(stock, before[0]);
  const double a = plain[0].hourly_kwh / plain[0].monthly_kwh, b = plain[5].hourly_kwh / plain[5].monthly_kwh;
  const double lo = std::min(a, b), hi = std::max(a, b);
  ASSERT_EQ(rows[0].archetype, "coron");
  EXPECT_EQ(rows[0].dwellings, 2u);
  EXPECT_TRUE(near(rows[0].ratio_spread.p10, lo + 0.1 * (hi - lo)));
  EXPECT_TRUE(near(rows[0].ratio_spread.p50, 0.5 * (lo + hi)));
  EXPECT_TRUE(near(rows[0].ratio_spread.p90, lo + 0.9 * (hi - lo)));
}

TEST(HourlyValidation, EnvelopeCutsBothNeedsOfAnUninsulatedHouse) {
  Stock stock = fixtures::hand_houses({80.0});
  stock.u_roof_w_per_m2k = {2.5};
  stock.u_floor_w_per_m2k = {1.5};
  stock.u_window_w_per_m2k = {4.2};
  stock.g_window = {0.75};
  const auto states = app::standard_package_states(fixtures::data_model_params().works, "measures.yaml");
  const std::vector<PackageState> two(states.begin(), states.begin() + 2);
  const std::vector<NeedsRow> rows = library_rows(stock, two);
  ASSERT_EQ(rows.size(), 4u);  // its archetype and "all", before and after
  const NeedsRow& before = rows[1];
  const NeedsRow& after = rows[3];
  ASSERT_EQ(before.archetype, "all");
  ASSERT_EQ(after.state, "envelope");
  EXPECT_GT(before.monthly_kwh, 0.0);
  EXPECT_GT(before.hourly_kwh, 0.0);
  // Walls 2.0 -> 0.24, roof 2.5 -> 0.13, floor 1.5 -> 0.26, windows 4.2 -> 1.4: well under half.
  EXPECT_LT(after.monthly_kwh, 0.5 * before.monthly_kwh);
  EXPECT_LT(after.hourly_kwh, 0.5 * before.hourly_kwh);
  EXPECT_EQ(after.floor_area_m2, before.floor_area_m2);  // insulated from outside: no area lost
}

}  // namespace
}  // namespace coron
