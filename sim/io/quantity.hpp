#pragma once
#include "io/yaml_reader.hpp"

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/base_units/metric/hour.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si.hpp>
#include <boost/units/systems/temperature/celsius.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Physical quantities at the input boundary. Every unit spelling a user may write
// is tied to a Boost.Units unit, and its conversion to coron's internal unit
// (include/coron/units.hpp) is a Boost.Units conversion: a spelling registered
// under the wrong dimension does not compile. Kernels never see these types.

namespace coron::io::qty {

namespace bu = boost::units;

/// Money is not an SI dimension: a base dimension of its own, so that EUR/m2
/// cannot be mistaken for anything else.
struct currency_base_dimension : bu::base_dimension<currency_base_dimension, 401> {};
using currency_dimension = currency_base_dimension::dimension_type;

/// The euro, base unit of currency_dimension.
struct euro_base_unit : bu::base_unit<euro_base_unit, currency_dimension, 401> {
  static constexpr const char* name() { return "euro"; }
  static constexpr const char* symbol() { return "EUR"; }
};

template <class A, class B>
using times = typename bu::multiply_typeof_helper<A, B>::type;
template <class A, class B>
using per = typename bu::divide_typeof_helper<A, B>::type;
template <class U, long Exponent>
using scaled = typename bu::make_scaled_unit<U, bu::scale<10, bu::static_rational<Exponent>>>::type;

// Units a user may write (and the internal ones among them).
using meter = bu::si::length;
using centimeter = scaled<meter, -2>;
using millimeter = scaled<meter, -3>;
using square_meter = bu::si::area;
using cubic_meter = bu::si::volume;
using kelvin = bu::si::temperature;
using watt = bu::si::power;
using kilogram = bu::si::mass;
using gram = scaled<kilogram, -3>;
using hour = bu::metric::hour_base_unit::unit_type;
using watt_hour = times<watt, hour>;
using kilowatt_hour = scaled<watt_hour, 3>;
using megawatt_hour = scaled<watt_hour, 6>;
using gigawatt_hour = scaled<watt_hour, 9>;
using degree_celsius = bu::celsius::temperature;
using euro = euro_base_unit::unit_type;
using kilo_euro = scaled<euro, 3>;

using watt_per_square_meter_kelvin = per<watt, times<square_meter, kelvin>>;
using watt_per_kelvin = per<watt, kelvin>;
using watt_per_square_meter = per<watt, square_meter>;
using kilowatt_hour_per_square_meter = per<kilowatt_hour, square_meter>;
using watt_hour_per_square_meter = per<watt_hour, square_meter>;
using kelvin_hour = times<kelvin, hour>;
using kilokelvin_hour = scaled<kelvin_hour, 3>;
using cubic_meter_per_hour_square_meter = per<cubic_meter, times<hour, square_meter>>;
using kilogram_per_kilowatt_hour = per<kilogram, kilowatt_hour>;
using gram_per_kilowatt_hour = per<gram, kilowatt_hour>;
using euro_per_square_meter = per<euro, square_meter>;
using dimensionless = bu::si::dimensionless;

/// coron's internal unit for each Dimension (the unit of the doubles kernels see).
template <Dimension D>
struct internal;
template <>
struct internal<Dimension::dimensionless> {
  using type = dimensionless;
};
template <>
struct internal<Dimension::length_m> {
  using type = meter;
};
template <>
struct internal<Dimension::area_m2> {
  using type = square_meter;
};
template <>
struct internal<Dimension::u_value_w_per_m2k> {
  using type = watt_per_square_meter_kelvin;
};
template <>
struct internal<Dimension::heat_loss_w_per_k> {
  using type = watt_per_kelvin;
};
template <>
struct internal<Dimension::power_w_per_m2> {
  using type = watt_per_square_meter;
};
template <>
struct internal<Dimension::energy_kwh> {
  using type = kilowatt_hour;
};
template <>
struct internal<Dimension::energy_per_area_kwh_m2> {
  using type = kilowatt_hour_per_square_meter;
};
template <>
struct internal<Dimension::temperature_c> {
  using type = degree_celsius;
};
template <>
struct internal<Dimension::degree_hours_kh> {
  using type = kelvin_hour;
};
template <>
struct internal<Dimension::time_h> {
  using type = hour;
};
template <>
struct internal<Dimension::air_flow_m3_per_h_m2> {
  using type = cubic_meter_per_hour_square_meter;
};
template <>
struct internal<Dimension::ghg_kg_per_kwh> {
  using type = kilogram_per_kilowatt_hour;
};
template <>
struct internal<Dimension::money_eur> {
  using type = euro;
};
template <>
struct internal<Dimension::money_eur_per_m2> {
  using type = euro_per_square_meter;
};
template <Dimension D>
using internal_t = typename internal<D>::type;

/// A quantity of `D` in the internal unit.
template <Dimension D>
using quantity = bu::quantity<internal_t<D>>;

/// `value` of `Unit` in the internal unit of `D`; does not compile when `Unit` is not of dimension `D`.
template <Dimension D, class Unit>
double to_internal(double value) {
  const bu::quantity<Unit> given = value * Unit();
  return quantity<D>(given).value();
}

}  // namespace coron::io::qty

namespace coron::io {

/// How a Dimension is spoken of in messages and documentation.
struct DimensionInfo {
  std::string_view noun;     ///< "a U-value"
  std::string_view example;  ///< "2.5 W/m2K"
  std::string_view symbol;   ///< internal unit, "W/m2K"
};

/// Words for `dim` in messages.
[[nodiscard]] const DimensionInfo& dimension_info(Dimension dim) noexcept;

/// The unit spellings accepted for `dim` (canonical ones; "²", "³", "·", "°C", "€"
/// and spaces around operators are accepted too).
[[nodiscard]] std::vector<std::string_view> accepted_units(Dimension dim);

/// The Dimension of a unit spelling, if it is one coron knows.
[[nodiscard]] std::optional<Dimension> dimension_of_unit(std::string_view unit);

}  // namespace coron::io
