// `coron validate-hourly` as a user meets it, on a small stock file: the table's header and
// one row per archetype and state, the CSV, and a missing weather or stock file refused.
#include "app/cli_runner.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "stock/stock_csv.hpp"

#include "coron/vocabulary.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using testing::run_coron;

/// Twelve houses written as the stock CSV `stock.csv` in `dir`; the archetypes they hold.
std::set<std::string> write_small_stock(const std::filesystem::path& dir) {
  const Stock stock = fixtures::synthetic_stock(12, 3);
  stock::write_stock_csv_file(stock, dir / "stock.csv");
  std::set<std::string> forms;
  for (const std::uint8_t a : stock.archetype) forms.insert(std::string(archetype_names[a]));
  return forms;
}

/// The lines of `text` that start with `state` then `archetype` (columns separated by spaces).
int rows_of(const std::string& text, const std::string& state, const std::string& archetype) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string s, a;
    if (words >> s >> a && s == state && a == archetype) ++n;
  }
  return n;
}

TEST(HourlyValidationCli, SmallStockPrintsEveryArchetypeInEveryState) {
  TempDir dir("validate-hourly");
  const std::set<std::string> forms = write_small_stock(dir.path());
  const auto r = run_coron("validate-hourly --stock stock.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("lille-lesquin-typical.epw"));
  EXPECT_THAT(r.output, HasSubstr("12 dwellings"));
  EXPECT_THAT(r.output, HasSubstr("state     archetype         dwellings"));
  EXPECT_THAT(r.output, HasSubstr("3CL MWh"));
  EXPECT_THAT(r.output, HasSubstr("5R1C MWh"));
  for (const char* state : {"before", "envelope", "to_C", "rebuilt"}) {
    for (const std::string_view form : archetype_names)
      EXPECT_EQ(rows_of(r.output, state, std::string(form)), forms.count(std::string(form)) ? 1 : 0)
          << state << " " << form;
    EXPECT_EQ(rows_of(r.output, state, "all"), 1) << state;
  }
  EXPECT_EQ(1u, testing::count_files(dir.path()));  // prints, writes nothing beside the stock
}

TEST(HourlyValidationCli, CsvHasOneLinePerRow) {
  TempDir dir("validate-hourly-csv");
  const std::set<std::string> forms = write_small_stock(dir.path());
  const auto r = run_coron("validate-hourly --stock stock.csv --csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.rfind("state,archetype,dwellings,floor_area_m2,monthly_need_kwh,", 0), 0u) << r.output;
  EXPECT_THAT(r.output, HasSubstr("\nbefore,all,12,"));
  EXPECT_THAT(r.output, HasSubstr("\nrebuilt,all,12,"));
  const auto lines = static_cast<std::size_t>(std::count(r.output.begin(), r.output.end(), '\n'));
  EXPECT_EQ(lines, 1 + 4 * (forms.size() + 1));
}

TEST(HourlyValidationCli, MissingWeatherFileIsBadInputNamingIt) {
  TempDir dir("validate-hourly-weather");
  write_small_stock(dir.path());
  const auto r = run_coron("validate-hourly --stock stock.csv --weather nowhere.epw", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("nowhere.epw"));
  EXPECT_THAT(r.output, HasSubstr("nothing was written"));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("3CL MWh")));
}

TEST(HourlyValidationCli, MissingStockAndWeatherAreReportedTogether) {
  TempDir dir("validate-hourly-both");
  const auto r = run_coron("validate-hourly --stock none.csv --weather nowhere.epw", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("none.csv"));
  EXPECT_THAT(r.output, HasSubstr("nowhere.epw"));
  EXPECT_THAT(r.output, HasSubstr("2 problems found"));
}

}  // namespace
}  // namespace coron
