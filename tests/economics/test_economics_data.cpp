#include "fixtures/temp_dir.hpp"
#include "io/economics_data.hpp"

#include "coron/economics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

// data/economics loads; a bad file is reported at its file:line:col with the key.

namespace coron::test {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

TEST(EconomicsData, RealDataLoadsWithEveryCarrierPriced) {
  Diagnostics diag;
  const EconomicsParams p = io::load_economics_params(CORON_DATA_DIR, diag);
  ASSERT_TRUE(diag.empty()) << diag.items().front().format();
  for (std::size_t c = 0; c < carrier_count; ++c) EXPECT_FALSE(p.prices[c].eur_per_kwh.empty()) << c;
  EXPECT_DOUBLE_EQ(p.intensity_exponent, -0.244);
  EXPECT_DOUBLE_EQ(
      year_step_value(p.prices[static_cast<std::size_t>(Carrier::electricity)].eur_per_kwh, 2025), 0.2016);
  EXPECT_DOUBLE_EQ(
      year_step_value(p.prices[static_cast<std::size_t>(Carrier::electricity)].eur_per_kwh, 2019), 0.2516);
}

/// A data folder whose economics/FILE is tests/data/economics/BAD, the other file the real one.
std::string load_error(const std::string& file, const std::string& bad) {
  const fs::path dir = fixtures::unique_temp_path("econ_" + bad);
  fs::remove_all(dir);
  fs::create_directories(dir / "economics");
  for (const char* f : {"prices.yaml", "households.yaml"})
    fs::copy_file(fs::path(CORON_DATA_DIR) / "economics" / f, dir / "economics" / f);
  fs::copy_file(fs::path(CORON_TEST_DATA_DIR) / "economics" / bad, dir / "economics" / file,
                fs::copy_options::overwrite_existing);
  Diagnostics diag;
  (void)io::load_economics_params(dir, diag);
  std::string all;
  for (const Diagnostic& d : diag.items()) all += d.format() + "\n";
  fs::remove_all(dir);
  return all;
}

TEST(EconomicsData, BadInputIsReportedAtItsPlace) {
  EXPECT_THAT(
      load_error("prices.yaml", "bad_price_year.yaml"),
      HasSubstr(
          "prices.yaml:4:31: carriers.electricity.eur_per_kwh: expected a year in 2000..2100, got '1850'"));
  EXPECT_THAT(
      load_error("prices.yaml", "bad_price_value.yaml"),
      HasSubstr(
          "prices.yaml:3:37: carriers.natural_gas.eur_per_kwh.2024: expected a number in 0..5, got 'cheap'"));
  EXPECT_THAT(load_error("prices.yaml", "bad_missing_carrier.yaml"), HasSubstr("missing carrier 'lpg'"));
  EXPECT_THAT(load_error("households.yaml", "bad_intensity_exponent.yaml"),
              HasSubstr("households.yaml:9:13: heating_intensity.exponent:"));
  EXPECT_THAT(load_error("households.yaml", "bad_unknown_key.yaml"), HasSubstr("dhw_litres_per_person"));
}

}  // namespace
}  // namespace coron::test
