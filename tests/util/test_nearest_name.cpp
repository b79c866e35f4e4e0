// nearest_name: the suggestion behind "did you mean ...?".
#include "util/nearest_name.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace coron::util {
namespace {

const std::vector<std::string> keys = {"seed", "start_year", "years", "replicates", "output"};

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("u_wal_w_per_m2k", "u_wall_w_per_m2k"), 1u);
  EXPECT_EQ(edit_distance("Seed", "seed"), 1u);  // case counts
  EXPECT_EQ(edit_distance("ab", "ba"), 2u);      // no transpositions
}

TEST(NearestName, SuggestsTheClosestWithinThreeEdits) {
  EXPECT_EQ(nearest_name("sede", keys), "seed");
  EXPECT_EQ(nearest_name("replicate", keys), "replicates");
  EXPECT_EQ(nearest_name("start_yaer", keys), "start_year");
  EXPECT_EQ(nearest_name("outptu", keys), "output");
  EXPECT_EQ(nearest_name("yeras", keys), "years");
  EXPECT_EQ(nearest_name("start-yr", keys), "start_year");
}

TEST(NearestName, NothingWhenTooFar) {
  EXPECT_EQ(nearest_name("compression", keys), "");
  EXPECT_EQ(nearest_name("xyzzy", keys), "");
  EXPECT_EQ(nearest_name("seed", std::vector<std::string>{}), "");
}

TEST(NearestName, MaxEditsIsTheLimitIncluded) {
  EXPECT_EQ(nearest_name("abcd", std::vector<std::string>{"wxyd"}, 3), "wxyd");
  EXPECT_EQ(nearest_name("abcd", std::vector<std::string>{"wxyd"}, 2), "");
  EXPECT_EQ(nearest_name("seed", keys, 0), "seed");
}

TEST(NearestName, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(nearest_name("cat", std::vector<std::string>{"bat", "cab", "car"}), "bat");
  EXPECT_EQ(nearest_name("cat", std::vector<std::string>{"car", "bat"}), "car");
}

TEST(NearestName, OverAVocabularyOfViews) {
  constexpr std::array<std::string_view, 3> heating = {"gas_boiler_standard", "gas_boiler_condensing",
                                                       "coal_stove"};
  EXPECT_EQ(nearest_name("coal_stov", heating), "coal_stove");
  EXPECT_EQ(nearest_name("gas_boiler", heating), "");
}

}  // namespace
}  // namespace coron::util
