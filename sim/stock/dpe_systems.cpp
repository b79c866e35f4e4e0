#include "stock/dpe_systems.hpp"

namespace coron::stock {

namespace {

// One row per run of consecutive ids: [first, last] -> value. Ids and their labels:
// Open3CL engine, src/enums.js (commit bb583ee), which copies the ADEME DPE 2021
// enumeration tables.
template <class E>
struct IdRange {
  int first, last;
  E value;
  bool exact;
  std::string_view why;
};

using H = HeatingSystem;
constexpr IdRange<H> heating_ranges[] = {
    {1, 3, H::heat_pump_air_water, false,
     "air/air heat pump as air/water (with its water network's circulator)"},
    {4, 7, H::heat_pump_air_water, true, ""},
    {8, 19, H::heat_pump_air_water, false, "water or ground heat pump as air/water"},
    {20, 43, H::wood_stove, true, ""},  // log stoves, inserts, closed fires, cookers
    {44, 46, H::wood_stove, false, "pellet stove as a log stove"},
    {47, 47, H::coal_stove, false, "oil, LPG or coal stove as a coal stove"},
    {48, 49, H::wood_stove, false, "log stove with boiler as a log stove"},
    {50, 54, H::gas_boiler_standard, false, "gas air heater or room heater as a standard gas boiler"},
    {55, 68, H::pellet_boiler, false, "log or chip wood boiler as a pellet boiler"},
    {69, 74, H::pellet_boiler, true, ""},
    {75, 84, H::oil_boiler, true, ""},
    {85, 93, H::gas_boiler_standard, true, ""},  // classic, standard, low temperature
    {94, 97, H::gas_boiler_condensing, true, ""},
    {98, 103, H::electric_direct, true, ""},
    {104, 105, H::electric_direct, false, "storage or dual-mode electric heater as direct electric"},
    {106, 106, H::electric_direct, false, "electric boiler as direct electric"},
    {107, 112, H::district_heat, true, ""},  // networks, multi-building plants modelled as one
    {113, 113, H::gas_boiler_standard, false, "other gas combustion system as a standard gas boiler"},
    {114, 114, H::oil_boiler, false, "other oil combustion system as an oil boiler"},
    {115, 115, H::wood_stove, false, "other wood combustion system as a wood stove"},
    {116, 116, H::coal_stove, false, "other fossil combustion system as a coal stove"},
    {117, 117, H::heat_pump_air_water, false, "other electric thermodynamic system as a heat pump"},
    {118, 118, H::gas_boiler_condensing, false, "gas thermodynamic system as a condensing gas boiler"},
    {119, 119, H::oil_boiler, true, ""},  // default collective system: penalising oil boiler
    {120, 126, H::coal_boiler, true, ""},
    {127, 135, H::gas_boiler_standard, false, "LPG boiler as a natural gas boiler"},
    {136, 139, H::gas_boiler_condensing, false, "LPG condensing boiler as a natural gas one"},
    {140, 141, H::wood_stove, false, "pellet stove with boiler as a log stove"},
    {142, 142, H::district_heat, true, ""},
    {143, 143, H::heat_pump_air_water, false, "hybrid heat pump as its heat pump alone"},
    {144, 144, H::gas_boiler_condensing, false, "hybrid heat pump as its boiler alone"},
    {145, 147, H::heat_pump_air_water, false, "hybrid heat pump as its heat pump alone"},
    {148, 149, H::gas_boiler_condensing, false, "hybrid heat pump as its boiler alone"},
    {150, 151, H::oil_boiler, false, "hybrid heat pump as its boiler alone"},
    {152, 159, H::pellet_boiler, false, "hybrid heat pump as its wood boiler alone"},
    {160, 161, H::gas_boiler_condensing, false, "hybrid heat pump as its LPG boiler alone"},
    {162, 170, H::heat_pump_air_water, false, "hybrid heat pump as its heat pump alone"},
};

using D = DhwSystem;
constexpr IdRange<D> dhw_ranges[] = {
    {1, 9, D::thermodynamic, true, ""},  // thermodynamic water heaters on air
    {10, 12, D::thermodynamic, false, "dual-service heat pump as a thermodynamic water heater"},
    {13, 34, D::gas_boiler, false, "wood boiler or stove as a gas boiler"},
    {35, 44, D::gas_boiler, false, "oil boiler as a gas boiler"},
    {45, 57, D::gas_boiler, true, ""},
    {58, 62, D::gas_boiler, false, "gas storage water heater as a gas boiler"},
    {63, 67, D::gas_boiler, false, "instantaneous gas water heater as a gas boiler"},
    {68, 71, D::electric_storage, true, ""},
    {72, 77, D::gas_boiler, false, "district heat as a gas boiler"},
    {78, 78, D::gas_boiler, false, "other gas system as a gas boiler"},
    {79, 81, D::gas_boiler, false, "other combustion system as a gas boiler"},
    {82, 83, D::thermodynamic, false, "other thermodynamic system as a thermodynamic water heater"},
    {84, 84, D::gas_boiler, false, "default penalising oil boiler as a gas boiler"},
    {85, 91, D::gas_boiler, false, "coal boiler as a gas boiler"},
    {92, 114, D::gas_boiler, false, "LPG boiler or water heater as a gas boiler"},
    {115, 116, D::gas_boiler, false, "pellet stove with boiler as a gas boiler"},
    {117, 118, D::electric_storage, false, "instantaneous electric heater or boiler as a storage tank"},
    {119, 119, D::gas_boiler, false, "district heat as a gas boiler"},
    {120, 133, D::gas_boiler, false, "hybrid heat pump's boiler as a gas boiler"},
};

using V = Ventilation;
// Every type its own row of the 3CL air-flow table (data/thermal/systems.yaml); 25, natural
// duct ventilation, has the flows of 2 (tv.js debits_ventilation rows 2 and 25).
constexpr IdRange<V> ventilation_ranges[] = {
    {1, 1, V::window_opening, true, ""},
    {2, 2, V::natural_vents, true, ""},
    {3, 3, V::mechanical_pre1982, true, ""},
    {4, 4, V::mechanical_1982_2000, true, ""},
    {5, 5, V::mechanical_2001_2012, true, ""},
    {6, 6, V::mechanical_post2012, true, ""},
    {7, 7, V::hygro_a_pre2001, true, ""},
    {8, 8, V::hygro_a_2001_2012, true, ""},
    {9, 9, V::hygro_a_post2012, true, ""},
    {10, 10, V::gas_extract_pre2001, true, ""},
    {11, 11, V::gas_extract_2001_2012, true, ""},
    {12, 12, V::gas_extract_post2012, true, ""},
    {13, 13, V::hygro_b_pre2001, true, ""},
    {14, 14, V::hygro_b_2001_2012, true, ""},
    {15, 15, V::mechanical_hygro, true, ""},
    {16, 16, V::low_pressure_self_regulating, true, ""},
    {17, 17, V::low_pressure_hygro_a, true, ""},
    {18, 18, V::low_pressure_hygro_b, true, ""},
    {19, 19, V::double_flow_pre2013, true, ""},
    {20, 20, V::mechanical_double_flow, true, ""},
    {21, 21, V::double_flow_collective_pre2013, true, ""},
    {22, 22, V::double_flow_collective_post2012, true, ""},
    {23, 23, V::double_flow_no_exchanger_pre2013, true, ""},
    {24, 24, V::double_flow_no_exchanger_post2012, true, ""},
    {25, 25, V::natural_vents, true, ""},
    {26, 26, V::hybrid_pre2001, true, ""},
    {27, 27, V::hybrid_2001_2012, true, ""},
    {28, 28, V::hybrid_post2012, true, ""},
    {29, 29, V::hybrid_hygro_pre2001, true, ""},
    {30, 30, V::hybrid_hygro_2001_2012, true, ""},
    {31, 31, V::hybrid_hygro_post2012, true, ""},
    {32, 32, V::existing_duct_extract_pre2013, true, ""},
    {33, 33, V::existing_duct_extract_post2012, true, ""},
    {34, 34, V::natural_duct_hygro, true, ""},
    {35, 35, V::earth_tube_pre2013, true, ""},
    {36, 36, V::earth_tube_post2012, true, ""},
    {37, 37, V::earth_tube_exchanger_pre2013, true, ""},
    {38, 38, V::earth_tube_exchanger_post2012, true, ""},
};

template <class E, std::size_t N>
std::optional<DpeMapped<E>> lookup(const IdRange<E> (&ranges)[N], int id) noexcept {
  for (const IdRange<E>& r : ranges)
    if (id >= r.first && id <= r.last) return DpeMapped<E>{r.value, r.exact, r.why};
  return std::nullopt;
}

}  // namespace

std::optional<DpeMapped<HeatingSystem>> heating_system_of(int type_id) noexcept {
  return lookup(heating_ranges, type_id);
}
std::optional<Carrier> carrier_of_energy(int energy_id) noexcept {
  switch (energy_id) {
    case 1:
    case 12:  // renewable electricity used in the building
      return Carrier::electricity;
    case 2:
      return Carrier::natural_gas;
    case 3:
    case 14:  // other fossil fuel
      return Carrier::fuel_oil;
    case 4:
    case 5:
    case 6:
    case 7:  // logs, pellets, forest and industry chips
      return Carrier::wood;
    case 8:
      return Carrier::district_heat;
    case 9:
    case 10:
    case 13:  // propane, butane, LPG
      return Carrier::lpg;
    case 11:
      return Carrier::coal;
    default:
      return std::nullopt;
  }
}

int generator_year_of(int type_id) noexcept {
  // Open3CL src/enums.js type_generateur_ch: each id names a period; the year is its first
  // (before 1970, 1981 or 2008: a year inside it). LPG boilers (127-139) repeat the gas periods.
  struct Period {
    int first, last, year;
  };
  // clang-format off
  static constexpr Period periods[] = {
      {69, 69, 1970},   {70, 70, 1978},   {71, 71, 1995},   {72, 72, 2004},
      {73, 73, 2013},  // pellets
      {74, 74, 2020},  // pellets after 2019
      {75, 75, 1960},   {76, 76, 1970},   {77, 77, 1976},   {78, 78, 1981},
      {79, 79, 1991},  // oil classic, standard
      {80, 80, 2016},  // oil standard after 2015
      {85, 85, 1975},   {86, 86, 1981},   {87, 87, 1986},   {88, 88, 1991},
      {89, 89, 2001},                                                        // gas classic, standard
      {90, 90, 2016},                                                        // gas standard after 2015
      {94, 94, 1981},   {95, 95, 1986},   {96, 96, 2001},   {97, 97, 2016},  // gas condensing
      {127, 127, 1975}, {128, 128, 1981}, {129, 129, 1986}, {130, 130, 1991},
      {131, 131, 2001}, {132, 132, 2016}, {136, 136, 1981}, {137, 137, 1986},
      {138, 138, 2001}, {139, 139, 2016},
      {120, 120, 1970}, {121, 121, 1978}, {122, 122, 1995}, {123, 123, 2004},
      {124, 124, 2013}, {125, 125, 2018}, {126, 126, 2020},  // coal boilers
      // Heat pumps (tv.js scop): before 2008 (a year inside it), 2008-2014, 2015-2016, from
      // 2017; air/air has no 2017 row. Hybrids' heat pumps by the same periods.
      {1, 1, 2000},     {2, 2, 2008},     {3, 3, 2015},                      // air/air
      {4, 4, 2000},     {5, 5, 2008},     {6, 6, 2015},     {7, 7, 2017},    // air/water
      {8, 8, 2000},     {9, 9, 2008},     {10, 10, 2015},   {11, 11, 2017},  // water/water
      {12, 12, 2000},   {13, 13, 2008},   {14, 14, 2015},   {15, 15, 2017},  // brine/water
      {16, 16, 2000},   {17, 17, 2008},   {18, 18, 2015},   {19, 19, 2017},  // ground
      {143, 143, 2000}, {145, 145, 2008}, {146, 146, 2015}, {147, 147, 2017},
      {162, 162, 2008}, {163, 163, 2015}, {164, 164, 2017}, {165, 165, 2008},
      {166, 166, 2015}, {167, 167, 2017}, {168, 168, 2008}, {169, 169, 2015},
      {170, 170, 2017},
  };
  // clang-format on
  for (const Period& p : periods)
    if (type_id >= p.first && type_id <= p.last) return p.year;
  return 0;
}

std::optional<DpeMapped<DhwSystem>> dhw_system_of(int type_id) noexcept {
  return lookup(dhw_ranges, type_id);
}
std::optional<DpeMapped<Ventilation>> ventilation_of(int type_id) noexcept {
  return lookup(ventilation_ranges, type_id);
}

std::optional<DpeMapped<Inertia>> inertia_of(int class_id) noexcept {
  switch (class_id) {
    case 1:
      return DpeMapped<Inertia>{Inertia::heavy, false, "very heavy inertia as heavy"};
    case 2:
      return DpeMapped<Inertia>{Inertia::heavy, true, ""};
    case 3:
      return DpeMapped<Inertia>{Inertia::medium, true, ""};
    case 4:
      return DpeMapped<Inertia>{Inertia::light, true, ""};
    default:
      return std::nullopt;
  }
}

}  // namespace coron::stock
