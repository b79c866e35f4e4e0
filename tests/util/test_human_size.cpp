#include "util/human_size.hpp"

#include <gtest/gtest.h>

namespace coron::util {
namespace {

TEST(HumanSize, BytesBelowAKibibyteAreCounted) {
  EXPECT_EQ(human_size(0), "0 bytes");
  EXPECT_EQ(human_size(1023), "1023 bytes");
}

TEST(HumanSize, ExactMultiplesAreWholeOthersHaveOneDecimal) {
  EXPECT_EQ(human_size(1024), "1 KiB");
  EXPECT_EQ(human_size(1536), "1.5 KiB");
  EXPECT_EQ(human_size(std::uintmax_t{16} << 20), "16 MiB");
  EXPECT_EQ(human_size((std::uintmax_t{16} << 20) + 1), "16.0 MiB");
  EXPECT_EQ(human_size(std::uintmax_t{3} << 29), "1.5 GiB");
  EXPECT_EQ(human_size(2754424826000), "2.5 TiB");  // 2,754,424,826,000 / 2^40 = 2.505
}

}  // namespace
}  // namespace coron::util
