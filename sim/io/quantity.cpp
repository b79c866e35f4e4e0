#include "io/quantity.hpp"

#include "util/parse_number.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace coron::io {
namespace {

/// One unit spelling: its dimension and its conversion to the internal unit.
struct Spelling {
  std::string_view text;  ///< normalised (see normalise_unit)
  Dimension dimension;
  double (*to_internal)(double);
};

template <Dimension D, class Unit>
constexpr Spelling spelling(std::string_view text) {
  return {text, D, &qty::to_internal<D, Unit>};
}

using D = Dimension;
namespace q = qty;

/// Percent is a plain ratio: no Boost unit for it, the scale is the whole conversion.
double percent_to_fraction(double value) { return value / 100.0; }

// Canonical spellings first within each dimension: accepted_units() lists them in this order.
const std::array kSpellings = {
    Spelling{"%", D::dimensionless, &percent_to_fraction},
    spelling<D::length_m, q::meter>("m"),
    spelling<D::length_m, q::centimeter>("cm"),
    spelling<D::length_m, q::millimeter>("mm"),
    spelling<D::area_m2, q::square_meter>("m2"),
    spelling<D::u_value_w_per_m2k, q::watt_per_square_meter_kelvin>("W/m2K"),
    spelling<D::u_value_w_per_m2k, q::watt_per_square_meter_kelvin>("W/(m2.K)"),
    spelling<D::u_value_w_per_m2k, q::watt_per_square_meter_kelvin>("W/m2.K"),
    spelling<D::u_value_w_per_m2k, q::watt_per_square_meter_kelvin>("W/m2/K"),
    spelling<D::u_value_w_per_m2k, q::watt_per_square_meter_kelvin>("W/(m2K)"),
    spelling<D::heat_loss_w_per_k, q::watt_per_kelvin>("W/K"),
    spelling<D::power_w_per_m2, q::watt_per_square_meter>("W/m2"),
    spelling<D::energy_kwh, q::kilowatt_hour>("kWh"),
    spelling<D::energy_kwh, q::watt_hour>("Wh"),
    spelling<D::energy_kwh, q::megawatt_hour>("MWh"),
    spelling<D::energy_kwh, q::gigawatt_hour>("GWh"),
    // Energy per area is per year throughout coron, so the year may be written or not.
    spelling<D::energy_per_area_kwh_m2, q::kilowatt_hour_per_square_meter>("kWh/m2"),
    spelling<D::energy_per_area_kwh_m2, q::watt_hour_per_square_meter>("Wh/m2"),
    spelling<D::energy_per_area_kwh_m2, q::kilowatt_hour_per_square_meter>("kWh/m2/yr"),
    spelling<D::energy_per_area_kwh_m2, q::kilowatt_hour_per_square_meter>("kWh/(m2.yr)"),
    spelling<D::temperature_c, q::degree_celsius>("degC"),
    spelling<D::degree_hours_kh, q::kelvin_hour>("K.h"),
    spelling<D::degree_hours_kh, q::kelvin_hour>("Kh"),
    spelling<D::degree_hours_kh, q::kilokelvin_hour>("kK.h"),
    spelling<D::degree_hours_kh, q::kilokelvin_hour>("kKh"),
    spelling<D::time_h, q::hour>("h"),
    spelling<D::air_flow_m3_per_h_m2, q::cubic_meter_per_hour_square_meter>("m3/(h.m2)"),
    spelling<D::air_flow_m3_per_h_m2, q::cubic_meter_per_hour_square_meter>("m3/h/m2"),
    spelling<D::air_flow_m3_per_h_m2, q::cubic_meter_per_hour_square_meter>("m3/h.m2"),
    spelling<D::ghg_kg_per_kwh, q::kilogram_per_kilowatt_hour>("kgCO2e/kWh"),
    spelling<D::ghg_kg_per_kwh, q::gram_per_kilowatt_hour>("gCO2e/kWh"),
    spelling<D::money_eur, q::euro>("EUR"),
    spelling<D::money_eur, q::kilo_euro>("kEUR"),
    spelling<D::money_eur_per_m2, q::euro_per_square_meter>("EUR/m2"),
};

constexpr std::size_t kDimensionCount = static_cast<std::size_t>(Dimension::money_eur_per_m2) + 1;

const std::array<DimensionInfo, kDimensionCount> kInfo = {{
    {"a number", "0.5", ""},
    {"a length", "0.35 m", "m"},
    {"an area", "12.5 m2", "m2"},
    {"a U-value", "2.5 W/m2K", "W/m2K"},
    {"a heat-loss coefficient", "150 W/K", "W/K"},
    {"a power per area", "5 W/m2", "W/m2"},
    {"an energy", "1500 kWh", "kWh"},
    {"an energy per area", "250 kWh/m2", "kWh/m2"},
    {"a temperature", "19 degC", "degC"},
    {"a number of degree-hours", "62000 K.h", "K.h"},
    {"a duration", "5800 h", "h"},
    {"an air flow per area", "1.3 m3/(h.m2)", "m3/(h.m2)"},
    {"an emission factor", "0.079 kgCO2e/kWh", "kgCO2e/kWh"},
    {"an amount of money", "12000 EUR", "EUR"},
    {"a cost per area", "110 EUR/m2", "EUR/m2"},
}};

/// Non-ASCII signs a user may type, and their ASCII spelling.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kFolds = {{
    {"\u00b2", "2"},  // ²
    {"\u00b3", "3"},  // ³
    {"\u00b7", "."},  // ·
    {"\u22c5", "."},  // ⋅
    {"*", "."},
    {"\u00b0C", "degC"},  // °C
    {"\u20ac", "EUR"},    // €
}};

/// One spelling per unit: superscripts, middle dots, the degree and euro signs and
/// spaces are folded, so "W/(m²·K)" and "W/(m2.K)" are the same unit.
std::string normalise_unit(std::string_view unit) {
  std::string text;
  std::size_t at = 0;
  while (at < unit.size()) {
    if (unit[at] == ' ' || unit[at] == '\t') {
      ++at;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (unit.substr(at, from.size()) == from) {
        text.append(to);
        at += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) text.push_back(unit[at++]);
  }
  return text;
}

const Spelling* find_spelling(std::string_view unit) {
  const std::string text = normalise_unit(unit);
  for (const Spelling& s : kSpellings)
    if (s.text == text) return &s;
  return nullptr;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string units_list(Dimension dim) {
  std::string list;
  for (std::string_view u : accepted_units(dim)) {
    if (!list.empty()) list += ", ";
    list += u;
  }
  return list;
}

}  // namespace

const DimensionInfo& dimension_info(Dimension dim) noexcept { return kInfo[static_cast<std::size_t>(dim)]; }

std::vector<std::string_view> accepted_units(Dimension dim) {
  std::vector<std::string_view> units;
  for (const Spelling& s : kSpellings)
    if (s.dimension == dim) units.push_back(s.text);
  return units;
}

std::optional<Dimension> dimension_of_unit(std::string_view unit) {
  if (const Spelling* s = find_spelling(trim(unit))) return s->dimension;
  return std::nullopt;
}

std::optional<double> parse_quantity(std::string_view text, Dimension dim, std::string& error) {
  const DimensionInfo& info = dimension_info(dim);
  const std::string expected = fmt::format("expected {} such as '{}'", info.noun, info.example);
  const std::string_view body = trim(text);

  // The number, by the parser shared with every other number a user writes; it stops
  // where the unit starts.
  std::string_view rest;
  const util::Parsed<double> number = util::parse_leading_double(body, rest);
  if (!number) {
    switch (number.error()) {
      case util::NumberError::not_finite:
      case util::NumberError::plus_sign:
      case util::NumberError::out_of_range:
      case util::NumberError::too_small:
        error = fmt::format("{} ({})", expected, util::expected_number<double>(number.error()));
        break;
      default:
        error = expected;
    }
    return std::nullopt;
  }
  const double value = number.value();
  const std::string_view unit = trim(rest);

  const std::string accepted = dim == Dimension::dimensionless ? std::string("a plain number or %")
                                                               : "accepted units: " + units_list(dim);
  if (unit.empty()) {
    if (dim == Dimension::dimensionless) return value;
    error = fmt::format("{} (the unit is missing; {})", expected, accepted);
    return std::nullopt;
  }
  const Spelling* s = find_spelling(unit);
  if (s == nullptr) {
    error = fmt::format("{} (unknown unit '{}'; {})", expected, unit, accepted);
    return std::nullopt;
  }
  if (s->dimension != dim) {
    // The unit exists but measures something else: say what, so "cm" for an area reads as a slip.
    error = fmt::format(
        "{} ('{}' is a unit of {}; {})", expected, unit,
        dimension_info(s->dimension).noun.substr(dimension_info(s->dimension).noun.find(' ') + 1), accepted);
    return std::nullopt;
  }
  return s->to_internal(value);
}

}  // namespace coron::io
