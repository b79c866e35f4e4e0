#include "stock/summary.hpp"
#include "stock_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coron::stock {
namespace {

using ::testing::HasSubstr;

TEST(Summary, DescribesTheStock) {
  const std::string text = summarize(testing::default_stock());
  std::printf("%s", text.c_str());
  EXPECT_THAT(text, HasSubstr("stock: 70000 dwellings in 543 cités"));
  EXPECT_THAT(text, HasSubstr("maisons_et_cites           62000"));
  EXPECT_THAT(text, HasSubstr("sia_habitat                 7300"));
  EXPECT_THAT(text, HasSubstr("UNESCO heritage"));
  EXPECT_THAT(text, HasSubstr("in a QPV"));
  EXPECT_THAT(text, HasSubstr("structurally unfit"));
  EXPECT_THAT(text, HasSubstr("rights holders"));
  EXPECT_THAT(text, HasSubstr("mean head age 7"));
  EXPECT_THAT(text, HasSubstr("median income"));
  EXPECT_THAT(text, HasSubstr("floor area: mean"));
  EXPECT_THAT(text, HasSubstr("priority 25"));
}

TEST(Summary, EmptyStock) {
  const std::string text = summarize(Stock{});
  EXPECT_THAT(text, HasSubstr("stock: 0 dwellings in 0 cités"));
}

}  // namespace
}  // namespace coron::stock
