// `coron bestest` as a user meets it: the table of one case, and a bad case name refused.
#include "app/cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

TEST(BestestCli, Case600PrintsItsFiguresBesideTheReference) {
  TempDir dir("bestest");
  const auto r = run_coron("bestest --case 600", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("725650TYCST"));
  EXPECT_THAT(r.output, HasSubstr("annual heating (MWh)"));
  EXPECT_THAT(r.output, HasSubstr("3.993-4.504"));  // reference programs' heating range
  EXPECT_THAT(r.output, HasSubstr("3.750-4.980"));  // 140-2020 acceptance range
  EXPECT_THAT(r.output, HasSubstr("peak cooling (kW)"));
  EXPECT_THAT(r.output, Not(HasSubstr("\n900 ")));  // one case only
  EXPECT_EQ(0u, testing::count_files(dir.path()));  // prints, writes nothing
}

TEST(BestestCli, UnknownCaseIsBadInput) {
  TempDir dir("bestest-bad");
  const auto r = run_coron("bestest --case 610", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("--case"));
  EXPECT_THAT(r.output, HasSubstr("610"));
}

TEST(BestestCli, MissingWeatherFileIsBadInput) {
  TempDir dir("bestest-weather");
  const auto r = run_coron("bestest --case 600 --weather nowhere.epw", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("nowhere.epw"));
}

}  // namespace
}  // namespace coron
