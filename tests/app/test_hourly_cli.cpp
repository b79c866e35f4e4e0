// A scenario run hour by hour from the shell: a sample of the generated stock (every 400th
// house, from many cités) on the shipped Lille-Lesquin year. The file holds the hourly
// columns and /aggregate/peak_heating_mw for the stock and each cité, in MW, and the summary
// prints the stock's peak.
#include "app/cli_runner.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/results_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <string>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;

/// The header lines and every `step`-th dwelling of `in`.
void sample_stock(const std::filesystem::path& in, const std::filesystem::path& out, std::size_t step) {
  std::ifstream from(in);
  std::ofstream to(out);
  std::string line;
  std::size_t row = 0;
  while (std::getline(from, line)) {
    const bool header = line.starts_with('#') || line.starts_with("dwelling_id");
    if (header || row++ % step == 0) to << line << '\n';
  }
}

TEST(HourlyCli, TheFileHoldsThePeakOfTheStockAndOfEachCite) {
  TempDir dir("hourly_cli");
  ASSERT_EQ(run_coron("stock generate --seed 2017 -o full.csv", dir.path()).exit_code, 0);
  sample_stock(dir.path() / "full.csv", dir.path() / "sample.csv", 400);
  const std::filesystem::path scenario = dir.path() / "hourly.yaml";
  std::ofstream(scenario) << "coron: 1\nname: hourly-sample\nseed: 1\nstart_year: 2022\nyears: 2\n"
                          << "replicates: 1\ndata: " << (source_dir / "data").string()
                          << "\nstock:\n  file: " << (dir.path() / "sample.csv").string()
                          << "\nenergy:\n  electricity_primary_factor: {2018: 2.3}\n"
                          << "thermal:\n  model: hourly\n  weather: "
                          << (source_dir / "data" / "climate" / "lille-lesquin-typical.epw").string()
                          << "\noutput:\n  file: hourly.h5\n  dwelling_columns: [peak_heating_w]\n";
  const auto r = run_coron("run " + scenario.string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("peak heating of the stock (hourly model)"));

  const io::ResultsReader file(dir.path() / "hourly.h5");
  EXPECT_EQ(file.shape("/aggregate/peak_heating_mw"), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(file.string_attribute("/aggregate/peak_heating_mw", "units"), "MW");
  const std::size_t cites = file.shape("/cites/name").at(0);
  ASSERT_GT(cites, 10u);
  EXPECT_EQ(file.shape("/aggregate/by_cite/peak_heating_mw"), (std::vector<std::size_t>{1, 2, cites}));
  EXPECT_EQ(file.shape("/aggregate/quantiles/peak_heating_mw"), (std::vector<std::size_t>{3, 2}));

  const std::vector<double> stock_mw = file.read_double("/aggregate/peak_heating_mw");
  const std::vector<double> cite_mw = file.read_double("/aggregate/by_cite/peak_heating_mw");
  const std::vector<double> dwelling_w = file.read_double("/dwelling/peak_heating_w");
  const std::size_t n = dwelling_w.size() / 2;
  // The first year: at least the largest cité's peak, at most the sum of the cités' peaks,
  // which is at most the sum of the dwellings' own.
  const auto first_cites = std::span(cite_mw).first(cites);
  const double cite_sum = std::accumulate(first_cites.begin(), first_cites.end(), 0.0);
  const double dwelling_sum =
      std::accumulate(dwelling_w.begin(), dwelling_w.begin() + static_cast<long>(n), 0.0);
  EXPECT_GT(stock_mw[0], 0.0);
  EXPECT_GE(stock_mw[0], *std::max_element(first_cites.begin(), first_cites.end()));
  EXPECT_LE(stock_mw[0], cite_sum * (1.0 + 1e-12));
  EXPECT_LE(cite_sum, 1e-6 * dwelling_sum * (1.0 + 1e-12));
  // No works: the second year is the same weather on the same houses.
  EXPECT_EQ(stock_mw[0], stock_mw[1]);
}

TEST(HourlyCli, AMalformedWeatherFileIsBadInputAtItsLineAndWritesNothing) {
  TempDir dir("hourly_bad_weather");
  const std::filesystem::path weather =
      std::filesystem::path(CORON_TEST_DATA_DIR) / "weather" / "bad_epw_not_a_number.epw";
  const std::filesystem::path scenario = dir.path() / "bad-weather.yaml";
  std::ofstream(scenario) << "coron: 1\nname: bad-weather\nseed: 1\nstart_year: 2022\nyears: 1\n"
                          << "replicates: 1\ndata: " << (source_dir / "data").string()
                          << "\nstock:\n  generate: {seed: 2017}\n"
                          << "energy:\n  electricity_primary_factor: {2018: 2.3}\n"
                          << "thermal:\n  model: hourly\n  weather: " << weather.string()
                          << "\noutput:\n  file: out.h5\n";
  const auto r = run_coron("run " + scenario.string(), dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("bad_epw_not_a_number.epw:11:65: dry_bulb_temperature"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.h5"));
  const auto bestest = run_coron("bestest --case 600 --weather " + weather.string(), dir.path());
  EXPECT_EQ(bestest.exit_code, 2) << bestest.output;
  EXPECT_THAT(bestest.output, HasSubstr("bad_epw_not_a_number.epw:11:65"));
}

}  // namespace
}  // namespace coron
