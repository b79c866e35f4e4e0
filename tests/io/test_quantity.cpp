// Units at the input boundary: every accepted spelling converts to coron's
// internal unit, and a unit of the wrong dimension is refused by name.
#include "io/quantity.hpp"
#include "io/yaml_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace coron::io {
namespace {

using ::testing::HasSubstr;

struct RoundTrip {
  std::string text;
  Dimension dim;
  double internal;  ///< expected value in the internal unit
};

void PrintTo(const RoundTrip& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class QuantityRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(QuantityRoundTrip, ConvertsToInternalUnit) {
  const RoundTrip& c = GetParam();
  std::string error;
  const std::optional<double> value = parse_quantity(c.text, c.dim, error);
  ASSERT_TRUE(value.has_value()) << error;
  EXPECT_DOUBLE_EQ(*value, c.internal);
  EXPECT_TRUE(error.empty());
}

INSTANTIATE_TEST_SUITE_P(
    EveryUnit, QuantityRoundTrip,
    ::testing::Values(
        RoundTrip{"0.3", Dimension::dimensionless, 0.3}, RoundTrip{"5 %", Dimension::dimensionless, 0.05},
        RoundTrip{"12.5%", Dimension::dimensionless, 0.125}, RoundTrip{"2.5 m", Dimension::length_m, 2.5},
        RoundTrip{"35 cm", Dimension::length_m, 0.35}, RoundTrip{"120 mm", Dimension::length_m, 0.12},
        RoundTrip{"64.5 m2", Dimension::area_m2, 64.5}, RoundTrip{"64.5 m²", Dimension::area_m2, 64.5},
        RoundTrip{"0.25 W/m2K", Dimension::u_value_w_per_m2k, 0.25},
        RoundTrip{"0.25 W/(m2.K)", Dimension::u_value_w_per_m2k, 0.25},
        RoundTrip{"0.25 W/m²K", Dimension::u_value_w_per_m2k, 0.25},
        RoundTrip{"0.25 W/(m²·K)", Dimension::u_value_w_per_m2k, 0.25},
        RoundTrip{"0.25 W/m2/K", Dimension::u_value_w_per_m2k, 0.25},
        RoundTrip{"150 W/K", Dimension::heat_loss_w_per_k, 150.0},
        RoundTrip{"5 W/m2", Dimension::power_w_per_m2, 5.0}, RoundTrip{"2500 Wh", Dimension::energy_kwh, 2.5},
        RoundTrip{"1500 kWh", Dimension::energy_kwh, 1500.0},
        RoundTrip{"1.5 MWh", Dimension::energy_kwh, 1500.0}, RoundTrip{"2 GWh", Dimension::energy_kwh, 2.0e6},
        RoundTrip{"250 kWh/m2", Dimension::energy_per_area_kwh_m2, 250.0},
        RoundTrip{"250 kWh/m²", Dimension::energy_per_area_kwh_m2, 250.0},
        RoundTrip{"250 kWh/(m2.yr)", Dimension::energy_per_area_kwh_m2, 250.0},
        RoundTrip{"4000 Wh/m2", Dimension::energy_per_area_kwh_m2, 4.0},
        RoundTrip{"19 degC", Dimension::temperature_c, 19.0},
        RoundTrip{"-7 °C", Dimension::temperature_c, -7.0},
        RoundTrip{"62000 K.h", Dimension::degree_hours_kh, 62000.0},
        RoundTrip{"62000 Kh", Dimension::degree_hours_kh, 62000.0},
        RoundTrip{"62 kK.h", Dimension::degree_hours_kh, 62000.0},
        RoundTrip{"5800 h", Dimension::time_h, 5800.0},
        RoundTrip{"1.3 m3/(h.m2)", Dimension::air_flow_m3_per_h_m2, 1.3},
        RoundTrip{"1.3 m³/(h·m²)", Dimension::air_flow_m3_per_h_m2, 1.3},
        RoundTrip{"0.079 kgCO2e/kWh", Dimension::ghg_kg_per_kwh, 0.079},
        RoundTrip{"79 gCO2e/kWh", Dimension::ghg_kg_per_kwh, 0.079},
        RoundTrip{"12000 EUR", Dimension::money_eur, 12000.0},
        RoundTrip{"12 kEUR", Dimension::money_eur, 12000.0},
        RoundTrip{"12000 €", Dimension::money_eur, 12000.0},
        RoundTrip{"12000€", Dimension::money_eur, 12000.0},
        RoundTrip{"110 EUR/m2", Dimension::money_eur_per_m2, 110.0},
        RoundTrip{"110 €/m²", Dimension::money_eur_per_m2, 110.0},
        RoundTrip{"1e3 kWh", Dimension::energy_kwh, 1000.0}, RoundTrip{"  3 m  ", Dimension::length_m, 3.0}));

TEST(Quantity, EveryDimensionHasUnitsAndItsExampleParses) {
  for (int i = 0; i <= static_cast<int>(Dimension::money_eur_per_m2); ++i) {
    const auto dim = static_cast<Dimension>(i);
    const DimensionInfo& info = dimension_info(dim);
    std::string error;
    EXPECT_TRUE(parse_quantity(info.example, dim, error).has_value()) << info.example << ": " << error;
    if (dim != Dimension::dimensionless) {
      EXPECT_FALSE(accepted_units(dim).empty()) << info.noun;
      EXPECT_EQ(accepted_units(dim).front(), info.symbol) << "the internal unit is listed first";
    }
  }
}

TEST(Quantity, LengthWhereAreaIsExpectedNamesBoth) {
  std::string error;
  EXPECT_FALSE(parse_quantity("35 cm", Dimension::area_m2, error).has_value());
  EXPECT_THAT(error, HasSubstr("expected an area such as '12.5 m2'"));
  EXPECT_THAT(error, HasSubstr("'cm' is a unit of length"));
  EXPECT_THAT(error, HasSubstr("accepted units: m2"));
}

TEST(Quantity, EnergyWhereUValueIsExpected) {
  std::string error;
  EXPECT_FALSE(parse_quantity("2.5 kWh", Dimension::u_value_w_per_m2k, error).has_value());
  EXPECT_THAT(error, HasSubstr("expected a U-value"));
  EXPECT_THAT(error, HasSubstr("W/m2K"));
  EXPECT_THAT(error, HasSubstr("'kWh' is a unit of energy"));
}

TEST(Quantity, MissingUnitIsAnErrorExceptForPlainNumbers) {
  std::string error;
  EXPECT_FALSE(parse_quantity("2.5", Dimension::u_value_w_per_m2k, error).has_value());
  EXPECT_THAT(error, HasSubstr("the unit is missing"));
  error.clear();
  EXPECT_TRUE(parse_quantity("2.5", Dimension::dimensionless, error).has_value());
}

TEST(Quantity, UnitOnAPlainNumberIsRefused) {
  std::string error;
  EXPECT_FALSE(parse_quantity("3 m", Dimension::dimensionless, error).has_value());
  EXPECT_THAT(error, HasSubstr("a plain number or %"));
}

TEST(Quantity, GarbageIsRefused) {
  for (const char* text : {"", "abc", "W/m2K", "1.5 parsecs", "nan W/m2K", "inf kWh", "1,5 kWh", "--2 m"}) {
    std::string error;
    EXPECT_FALSE(parse_quantity(text, Dimension::u_value_w_per_m2k, error).has_value()) << text;
    EXPECT_THAT(error, HasSubstr("expected a U-value such as '2.5 W/m2K'")) << text;
  }
  std::string error;
  parse_quantity("1.5 parsecs", Dimension::length_m, error);
  EXPECT_THAT(error, HasSubstr("unknown unit 'parsecs'; accepted units: m, cm, mm"));
}

TEST(Quantity, TheNumberFollowsTheSharedRules) {
  std::string error;
  EXPECT_FALSE(parse_quantity("+1e3 kWh", Dimension::energy_kwh, error).has_value());
  EXPECT_THAT(error, HasSubstr("expected an energy such as '1500 kWh' (a number without a '+' sign)"));
  EXPECT_FALSE(parse_quantity("inf kWh", Dimension::energy_kwh, error).has_value());
  EXPECT_THAT(error, HasSubstr("(a finite number)"));
  EXPECT_FALSE(parse_quantity("1e999 kWh", Dimension::energy_kwh, error).has_value());
  EXPECT_THAT(error, HasSubstr("(a number in -1.7976931348623157e+308..1.7976931348623157e+308)"));
  EXPECT_FALSE(parse_quantity("0x10 kWh", Dimension::energy_kwh, error).has_value());
  EXPECT_THAT(error, HasSubstr("unknown unit 'x10 kWh'"));
}

TEST(Quantity, DimensionOfUnit) {
  EXPECT_EQ(dimension_of_unit("W/(m²·K)"), Dimension::u_value_w_per_m2k);
  EXPECT_EQ(dimension_of_unit("MWh"), Dimension::energy_kwh);
  EXPECT_EQ(dimension_of_unit("furlong"), std::nullopt);
}

TEST(Quantity, BoostConversionMatchesNamedConstant) {
  // The internal energy unit and units.hpp agree: 1 kWh = 3.6e6 J through Boost.Units.
  namespace bu = boost::units;
  const bu::quantity<bu::si::energy> joules = 3.6e6 * bu::si::joule;
  EXPECT_DOUBLE_EQ(qty::quantity<Dimension::energy_kwh>(joules).value(), 1.0);
}

}  // namespace
}  // namespace coron::io
