#include "io/demography_data.hpp"

#include "io/yaml_reader.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

void read_life_table(MapReader& r, DemographyParams& p) {
  (void)r.optional<std::string>("source");
  const auto read = [&](std::string_view key, std::size_t sex) {
    const auto q = r.required_numbers<double>(key, life_table_ages, 0.0, 1.0);
    if (!q) return;
    for (std::size_t a = 0; a < life_table_ages; ++a) p.q[sex][a] = (*q)[a];
  };
  read("male", 0);
  read("female", 1);
}

/// Bounds (ascending) and values of equal length: a step function of age or tenure.
AgeRates read_steps(MapReader& m, std::string_view bounds_key, std::string_view values_key, double hi) {
  AgeRates out;
  const auto lower = m.required_numbers<int>(bounds_key, 0, 0, 150);
  const auto rate = m.required_numbers<double>(values_key, 0, 0.0, hi);
  if (!lower || !rate) return out;
  if (lower->size() != rate->size()) {
    m.report(m.node(values_key), values_key,
             fmt::format("expected {} values, one per entry of {}, got {}", lower->size(), bounds_key,
                         rate->size()));
    return out;
  }
  for (std::size_t i = 1; i < lower->size(); ++i)
    if ((*lower)[i] <= (*lower)[i - 1]) {
      m.report(m.node(bounds_key), bounds_key, "expected bounds increasing strictly");
      return out;
    }
  out.lower.assign(lower->begin(), lower->end());
  out.rate = *rate;
  return out;
}

void read_households(MapReader& r, DemographyParams& p) {
  p.mortality_multiplier = r.required_in_range<double>("mortality_multiplier", 0.0, 10.0).value_or(1.0);
  if (MapReader m = r.map("care_home"); m.valid()) {
    p.care_home = read_steps(m, "age_lower", "rate", 1.0);
    m.finish();
  }
  if (MapReader m = r.map("move_out"); m.valid()) {
    p.move_out_by_age = read_steps(m, "age_lower", "rate", 1.0);
    p.move_out_factor_by_tenure = read_steps(m, "tenure_lower", "tenure_factor", 10.0);
    m.finish();
  }
  p.relet_same_year = r.required_in_range<double>("relet_same_year", 0.0, 1.0).value_or(1.0);
  p.relet_after_years =
      r.required_numbers<double>("relet_after_years", 0, 0.0, 1.0).value_or(std::vector{1.0});

  if (MapReader m = r.map("entrants"); m.valid()) {
    p.entrant_size_share = m.required_numbers<double>("size_share", 0, 0.0, 1.0).value_or(std::vector{1.0});
    if (p.entrant_size_share.size() > 20)
      m.report(m.node("size_share"), "size_share", "expected at most 20 sizes (1 to 20 persons)");
    const auto spouse = m.required_numbers<double>("spouse_share_by_size", 0, 0.0, 1.0);
    if (spouse) {
      if (spouse->size() != p.entrant_size_share.size())
        m.report(m.node("spouse_share_by_size"), "spouse_share_by_size",
                 fmt::format("expected {} values, one per size of size_share, got {}",
                             p.entrant_size_share.size(), spouse->size()));
      else if ((*spouse)[0] != 0.0)
        m.report(m.node("spouse_share_by_size"), "spouse_share_by_size",
                 "expected 0 first: a household of 1 person has no spouse");
      p.entrant_spouse_share_by_size = *spouse;
    }
    const auto lower = m.required_numbers<int>("age_lower", 0, 16, 120);
    const auto upper = m.required_numbers<int>("age_upper", 0, 16, 120);
    const auto share = m.required_numbers<double>("age_share", 0, 0.0, 1.0);
    if (lower && upper && share) {
      bool ok = lower->size() == upper->size() && lower->size() == share->size();
      for (std::size_t i = 0; ok && i < lower->size(); ++i) ok = (*lower)[i] <= (*upper)[i];
      if (!ok)
        m.report_here("expected age_lower, age_upper and age_share of equal length, lower <= upper");
      else {
        p.entrant_age_lower = *lower;
        p.entrant_age_upper = *upper;
        p.entrant_age_share = *share;
      }
    }
    p.entrant_woman_share_single = m.required_in_range<double>("woman_share_single", 0.0, 1.0).value_or(0.5);
    p.entrant_woman_share_couple = m.required_in_range<double>("woman_share_couple", 0.0, 1.0).value_or(0.5);
    p.spouse_age_gap_mean_y = m.required_in_range<double>("spouse_age_gap_mean", -20.0, 20.0).value_or(0.0);
    p.spouse_age_gap_sd_y = m.required_in_range<double>("spouse_age_gap_sd", 0.0, 20.0).value_or(0.0);
    p.entrant_income_median_eur = m.required_in_range<double>("income_median", 1.0, 1e6).value_or(1.0);
    p.entrant_income_sigma = m.required_in_range<double>("income_sigma", 0.0, 3.0).value_or(0.0);
    p.income_base_year = m.required_in_range<int>("income_base_year", 1900, 2100).value_or(2022);
    m.finish();
  }
  p.income_growth = r.required_in_range<double>("income_growth", -0.5, 0.5).value_or(0.0);
}

}  // namespace

DemographyParams load_demography_files(const std::filesystem::path& life_table,
                                       const std::filesystem::path& households, Diagnostics& diag) {
  DemographyParams p;
  read_yaml_file(life_table, diag, [&](MapReader& top) { read_life_table(top, p); });
  read_yaml_file(households, diag, [&](MapReader& top) { read_households(top, p); });
  return p;
}

DemographyParams load_demography_params(const std::filesystem::path& data_dir, Diagnostics& diag) {
  const std::filesystem::path dir = data_dir / "demography";
  return load_demography_files(dir / "life-table.yaml", dir / "households.yaml", diag);
}

}  // namespace coron::io
