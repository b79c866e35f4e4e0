// data/demography: the shipped files load and say what the model documents; broken
// files are reported with file:line:col, every problem at once.
#include "io/demography_data.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace coron {
namespace {

using ::testing::HasSubstr;

const std::string bad_dir = std::string(CORON_TEST_DATA_DIR) + "/demography/";
const std::string life_table = std::string(CORON_DATA_DIR) + "/demography/life-table.yaml";
const std::string households = std::string(CORON_DATA_DIR) + "/demography/households.yaml";

std::string all_messages(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.items()) out += d.format() + "\n";
  return out;
}

TEST(DemographyData, TheShippedFilesLoad) {
  Diagnostics diag;
  const DemographyParams p = io::load_demography_params(CORON_DATA_DIR, diag);
  ASSERT_TRUE(diag.empty()) << all_messages(diag);
  EXPECT_EQ(p.mortality_multiplier, 1.3);
  EXPECT_EQ(p.q[0][60], 0.008968);  // HMD 2019, men aged 60
  EXPECT_EQ(p.q[1][110], 0.496462);
  EXPECT_EQ(p.care_home.at(74), 0.0);
  EXPECT_EQ(p.care_home.at(92), 0.08);
  EXPECT_EQ(p.move_out_factor_by_tenure.at(3), 1.1);
  EXPECT_EQ(p.entrant_size_share.size(), p.entrant_spouse_share_by_size.size());
  EXPECT_EQ(p.income_growth, 0.008);
}

TEST(DemographyData, EveryProblemOfABrokenHouseholdsFileIsReportedWithItsPlace) {
  Diagnostics diag;
  (void)io::load_demography_files(life_table, bad_dir + "bad_households.yaml", diag);
  const std::string text = all_messages(diag);
  EXPECT_THAT(text, HasSubstr("bad_households.yaml:4:23: mortality_multiplier: expected a number"));
  EXPECT_THAT(text,
              HasSubstr("bad_households.yaml:9:10: care_home.rate[2]: expected a number in 0..1, got '1.5'"));
  EXPECT_THAT(text, HasSubstr("move_out.rate: expected 6 values, one per entry of age_lower, got 5"));
  EXPECT_THAT(text, HasSubstr("move_out.tenure_lower: expected bounds increasing strictly"));
  EXPECT_THAT(text, HasSubstr("relet_same_year"));
  EXPECT_THAT(text, HasSubstr("entrants.spouse_share_by_size: expected 0 first"));
  EXPECT_THAT(text, HasSubstr("income_groth"));  // unknown key, with a suggestion
  EXPECT_THAT(text, HasSubstr("income_growth"));
  EXPECT_GE(diag.size(), 8u) << text;
}

TEST(DemographyData, ALifeTableOfTheWrongLengthIsReported) {
  Diagnostics diag;
  (void)io::load_demography_files(bad_dir + "bad_life_table.yaml", households, diag);
  const std::string text = all_messages(diag);
  EXPECT_THAT(text, HasSubstr("bad_life_table.yaml:2:7: male: expected a list of 111 numbers"));
  EXPECT_THAT(text, HasSubstr("bad_life_table.yaml:3:"));  // female[1] = 1.5
  EXPECT_EQ(diag.size(), 2u) << text;
}

}  // namespace
}  // namespace coron
