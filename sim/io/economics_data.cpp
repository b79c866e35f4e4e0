#include "io/economics_data.hpp"

#include "io/yaml_reader.hpp"
#include "io/year_steps.hpp"

#include "coron/vocabulary.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

constexpr int min_year = data_min_year;
constexpr int max_year = data_max_year;

void read_prices(MapReader& r, EconomicsParams& p) {
  (void)r.optional<std::string>("source");
  r.each_map("carriers", carrier_names, [&](MapReader& m, std::size_t c) {
    (void)m.optional<std::string>("source");
    CarrierPrices& cp = p.prices[c];
    cp.eur_per_kwh = read_year_steps(m, "eur_per_kwh", 0.0, 5.0);
    cp.subscription_eur_per_yr = read_year_steps(m, "subscription_eur_per_yr", 0.0, 10000.0);
    cp.trend_per_yr = m.required_in_range<double>("trend_per_yr", -0.2, 0.2).value_or(0.0);
  });
  // Every carrier must be priced: a missing one would silently cost nothing.
  if (!r.has("carriers")) return;  // reported by each_map
  MapReader carriers = r.map("carriers");
  if (carriers.valid())
    for (const std::string_view name : carrier_names)
      if (!carriers.has(name)) carriers.report_here(fmt::format("missing carrier '{}'", name));
}

void read_households(MapReader& r, EconomicsParams& p) {
  (void)r.optional<std::string>("source");
  MapReader hi = r.map("heating_intensity");
  if (hi.valid()) {
    (void)hi.optional<std::string>("source");
    p.intensity_coefficient = hi.required_in_range<double>("coefficient", 0.0, 10.0).value_or(0.0);
    p.intensity_exponent = hi.required_in_range<double>("exponent", -2.0, 0.0).value_or(0.0);
    hi.finish();
  }
  p.dhw_litres_per_person_day =
      r.required_in_range<double>("dhw_litres_per_person_day", 0.0, 500.0).value_or(0.0);
  p.rent_eur_per_m2_month = read_year_steps(r, "rent_eur_per_m2_month", 0.0, 100.0);
  MapReader cu = r.map("consumption_units");
  if (cu.valid()) {
    p.cu_first_person = cu.required_in_range<double>("first_person", 0.1, 2.0).value_or(1.0);
    p.cu_other_person = cu.required_in_range<double>("other_person", 0.0, 2.0).value_or(0.5);
    cu.finish();
  }
  MapReader income = r.map("income");
  if (income.valid()) {
    p.income_base_year = income.required_in_range<int>("base_year", min_year, max_year).value_or(2022);
    p.income_growth_per_yr = income.required_in_range<double>("growth_per_yr", -0.2, 0.2).value_or(0.0);
    income.finish();
  }
  MapReader fp = r.map("fuel_poverty");
  if (fp.valid()) {
    p.effort_rate_threshold = fp.required_in_range<double>("effort_rate_threshold", 0.0, 1.0).value_or(0.08);
    p.decile3_income_per_cu_eur =
        fp.required_in_range<double>("decile3_income_per_cu_eur", 0.0, 1e6).value_or(0.0);
    p.poverty_line_per_cu_eur =
        fp.required_in_range<double>("poverty_line_per_cu_eur", 0.0, 1e6).value_or(0.0);
    p.median_energy_spending_eur_per_m2 =
        fp.required_in_range<double>("median_energy_spending_eur_per_m2", 0.0, 1000.0).value_or(0.0);
    fp.finish();
  }
}

}  // namespace

EconomicsParams load_economics_params(const std::filesystem::path& data_dir, Diagnostics& diag) {
  EconomicsParams p;
  const fs::path dir = data_dir / "economics";
  read_yaml_file(dir / "prices.yaml", diag, [&](MapReader& top) { read_prices(top, p); });
  read_yaml_file(dir / "households.yaml", diag, [&](MapReader& top) { read_households(top, p); });
  return p;
}

}  // namespace coron::io
