// parse_double / parse_integer: what is accepted, why the rest is refused, and
// how the refusal is worded (see util/parse_number.hpp for the rules).
#include "util/parse_number.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace coron::util {
namespace {

TEST(ParseDouble, DecimalAndScientific) {
  EXPECT_EQ(parse_double("2.5").value(), 2.5);
  EXPECT_EQ(parse_double("-3").value(), -3.0);
  EXPECT_EQ(parse_double("-.5").value(), -0.5);
  EXPECT_EQ(parse_double("5.").value(), 5.0);
  EXPECT_EQ(parse_double("1E5").value(), 1e5);
  EXPECT_EQ(parse_double("1e-3").value(), 1e-3);
  EXPECT_EQ(parse_double("1e+3").value(), 1e3);
  EXPECT_EQ(parse_double("007").value(), 7.0);
  EXPECT_EQ(parse_double("0.1").value(), 0.1);  // correctly rounded
  EXPECT_EQ(parse_double("1.7976931348623157e308").value(), std::numeric_limits<double>::max());
  EXPECT_EQ(parse_double("2.2250738585072014e-308").value(), std::numeric_limits<double>::min());
  EXPECT_EQ(parse_double("0").value(), 0.0);
  EXPECT_EQ(parse_double("0e-999").value(), 0.0);  // zero written small is still zero
}

TEST(ParseDouble, BlanksAroundAreIgnoredNothingElse) {
  EXPECT_EQ(parse_double("  2.5\t").value(), 2.5);
  EXPECT_EQ(parse_double("2 .5").error(), NumberError::not_a_number);
  EXPECT_EQ(parse_double("2.5\n").error(), NumberError::not_a_number);
  EXPECT_EQ(parse_double("\t ").error(), NumberError::empty);
  EXPECT_EQ(parse_double("").error(), NumberError::empty);
}

TEST(ParseDouble, TheWholeTextMustBeTheNumber) {
  for (const std::string_view text :
       {"abc", "1.5.2", "1,5", "2.5kg", "1e", "1e+", "0x1A", "-", ".", "1_000", ".inf", "--1", "1e999x"}) {
    const Parsed<double> p = parse_double(text);
    ASSERT_FALSE(p.ok()) << text;
    EXPECT_EQ(p.error(), NumberError::not_a_number) << text;
  }
}

TEST(ParseDouble, PlusSignIsRefused) {
  EXPECT_EQ(parse_double("+5").error(), NumberError::plus_sign);
  EXPECT_EQ(parse_double(" +1e3").error(), NumberError::plus_sign);
}

TEST(ParseDouble, InfinityAndNanAreNotFinite) {
  for (const std::string_view text : {"inf", "-inf", "INF", "infinity", "nan", "-nan", "NaN", "nan(1)"})
    EXPECT_EQ(parse_double(text).error(), NumberError::not_finite) << text;
}

TEST(ParseDouble, OverflowIsOutOfRange) {
  EXPECT_EQ(parse_double("1e999").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_double("-1e309").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_double("1e99999999999999999999").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_double("0.0000001e316").error(), NumberError::out_of_range);
}

TEST(ParseDouble, SubnormalOrUnderflowingToZeroIsTooSmall) {
  // A floor area of 5e-324 m2 once gave nan results: such a value is refused, not stored.
  for (const std::string_view text : {"5e-324", "4.9e-324", "-5e-324", "2.2250738585072009e-308", "1e-310",
                                      "1e-400", "12345e-400", "-1e-400", "1e-99999999999999999999"})
    EXPECT_EQ(parse_double(text).error(), NumberError::too_small) << text;
  std::string_view rest;
  EXPECT_EQ(parse_leading_double("5e-324 m2", rest).error(), NumberError::too_small);
  EXPECT_EQ(parse_integer<int>("5e-324").error(), NumberError::not_an_integer);
  EXPECT_EQ(expected_number<double>(NumberError::too_small),
            "a number of magnitude 0 or at least 2.2250738585072014e-308");
}

TEST(ParseLeadingDouble, StopsWhereTheUnitStarts) {
  std::string_view rest;
  EXPECT_EQ(parse_leading_double(" 2.5 W/m2K", rest).value(), 2.5);
  EXPECT_EQ(rest, " W/m2K");
  EXPECT_EQ(parse_leading_double("20degC", rest).value(), 20.0);
  EXPECT_EQ(rest, "degC");
  EXPECT_EQ(parse_leading_double("1.5e3 kWh", rest).value(), 1500.0);
  EXPECT_EQ(rest, " kWh");
  EXPECT_EQ(parse_leading_double("7", rest).value(), 7.0);
  EXPECT_EQ(rest, "");
  EXPECT_EQ(parse_leading_double("+2 m", rest).error(), NumberError::plus_sign);
  EXPECT_EQ(parse_leading_double("inf m", rest).error(), NumberError::not_finite);
  EXPECT_EQ(parse_leading_double("m2", rest).error(), NumberError::not_a_number);
  EXPECT_EQ(parse_leading_double("  ", rest).error(), NumberError::empty);
}

TEST(ParseInteger, WholeNumbersInTheType) {
  EXPECT_EQ(parse_integer<int>("-3").value(), -3);
  EXPECT_EQ(parse_integer<int>(" 42 ").value(), 42);
  EXPECT_EQ(parse_integer<int>("010").value(), 10);  // decimal, never octal
  EXPECT_EQ(parse_integer<int>("2147483647").value(), 2147483647);
  EXPECT_EQ(parse_integer<int>("-2147483648").value(), std::numeric_limits<int>::min());
  EXPECT_EQ(parse_integer<std::uint64_t>("18446744073709551615").value(), 18446744073709551615ULL);
  EXPECT_EQ(parse_integer<std::int64_t>("-9223372036854775808").value(),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(parse_integer<unsigned>("-0").value(), 0u);
}

TEST(ParseInteger, AFractionOrAnExponentIsNotAnInteger) {
  for (const std::string_view text : {"2.5", "2.0", "1e3", "2.", ".5", "inf", "nan", "1e999"})
    EXPECT_EQ(parse_integer<int>(text).error(), NumberError::not_an_integer) << text;
  EXPECT_EQ(parse_integer<unsigned>("-2.5").error(), NumberError::not_an_integer);
}

TEST(ParseInteger, NotANumberAtAll) {
  for (const std::string_view text : {"abc", "0x10", "12abc", "1 000", "1,000", "-", "thirty"})
    EXPECT_EQ(parse_integer<int>(text).error(), NumberError::not_a_number) << text;
  EXPECT_EQ(parse_integer<int>("").error(), NumberError::empty);
  EXPECT_EQ(parse_integer<int>("+5").error(), NumberError::plus_sign);
}

TEST(ParseInteger, BeyondTheTypeIsOutOfRange) {
  EXPECT_EQ(parse_integer<int>("2147483648").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_integer<int>("-2147483649").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_integer<std::uint64_t>("18446744073709551616").error(), NumberError::out_of_range);
  EXPECT_EQ(parse_integer<unsigned>("4294967296").error(), NumberError::out_of_range);
}

TEST(ParseInteger, NegativeForUnsigned) {
  EXPECT_EQ(parse_integer<unsigned>("-1").error(), NumberError::negative);
  EXPECT_EQ(parse_integer<std::uint64_t>("-5").error(), NumberError::negative);
  EXPECT_EQ(parse_integer<std::uint64_t>("-99999999999999999999999").error(), NumberError::negative);
}

TEST(ExpectedNumber, SaysWhatWouldHaveBeenAccepted) {
  EXPECT_EQ(expected_number<double>(NumberError::not_a_number), "a number");
  EXPECT_EQ(expected_number<double>(NumberError::empty), "a number");
  EXPECT_EQ(expected_number<double>(NumberError::not_finite), "a finite number");
  EXPECT_EQ(expected_number<double>(NumberError::plus_sign), "a number without a '+' sign");
  EXPECT_EQ(expected_number<double>(NumberError::out_of_range),
            "a number in -1.7976931348623157e+308..1.7976931348623157e+308");
  EXPECT_EQ(expected_number<int>(NumberError::not_an_integer), "an integer");
  EXPECT_EQ(expected_number<int>(NumberError::not_a_number), "an integer");
  EXPECT_EQ(expected_number<int>(NumberError::out_of_range), "an integer in -2147483648..2147483647");
  EXPECT_EQ(expected_number<unsigned>(NumberError::out_of_range), "an integer in 0..4294967295");
  EXPECT_EQ(expected_number<std::uint64_t>(NumberError::negative), "a non-negative integer");
  EXPECT_EQ(expected_number<std::uint64_t>(NumberError::not_an_integer), "a non-negative integer");
  EXPECT_EQ(expected_number<int>(NumberError::plus_sign), "an integer without a '+' sign");
}

TEST(ExpectedNumber, EachParseFailureIsWordedForItsType) {
  // An integer given 2.5 is told "an integer", not "a number".
  EXPECT_EQ(expected_number<int>(parse_integer<int>("2.5").error()), "an integer");
  EXPECT_EQ(expected_number<double>(parse_double("nan").error()), "a finite number");
  EXPECT_EQ(expected_number<std::int64_t>(parse_integer<std::int64_t>("99999999999999999999").error()),
            "an integer in -9223372036854775808..9223372036854775807");
}

}  // namespace
}  // namespace coron::util
