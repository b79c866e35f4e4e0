#pragma once
// The one internal unit system of coron. Kernels see plain doubles whose names carry
// these units; Boost.Units quantities appear only where input is read (sim/io).
//
//   length m, area m2, volume m3, temperature degC (differences in K), power W,
//   heat-loss coefficient W/K, thermal transmittance W/(m2.K), energy kWh,
//   mass of CO2-equivalent kg, money EUR, time step one calendar year.

namespace coron::units {

inline constexpr double wh_per_kwh = 1000.0;
inline constexpr double joule_per_kwh = 3.6e6;
inline constexpr double kwh_per_gwh = 1.0e6;
inline constexpr double kg_per_kt = 1.0e6;
inline constexpr double hours_per_year = 8760.0;
/// Volumetric heat capacity of air used by 3CL: 0.34 Wh/(m3.K).
inline constexpr double air_wh_per_m3k = 0.34;

}  // namespace coron::units
