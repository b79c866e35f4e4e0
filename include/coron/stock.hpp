#pragma once
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The housing stock as it stands on 1 January of the first simulated year:
// one column per attribute, one row per dwelling (structure of arrays). The
// thermal columns are everything the 3CL model reads, so a landlord's own data
// can replace the synthetic stock through the CSV format (docs/stock-csv.md).

namespace coron {

/// The cités (rows) with their names and categories.
struct CiteTable {
  std::vector<std::string> name;
  std::vector<std::string> communes;   ///< ';'-separated when a cité spans several
  std::vector<std::string> epci;       ///< intercommunal authority of the first commune
  std::vector<std::uint8_t> category;  ///< CiteCategory
  std::vector<std::int32_t> dwellings;
  std::vector<std::uint8_t> heritage_unesco;  ///< inside the 2012 UNESCO listing
  std::vector<std::uint8_t> qpv;              ///< in a priority urban area

  [[nodiscard]] std::size_t size() const noexcept { return name.size(); }
};

struct Stock {
  // --- identity and flags (cold) ---
  std::vector<std::int64_t> dwelling_id;  ///< stable id: RNG keys, output rows, tie-breaks
  std::vector<std::int32_t> cite_id;      ///< row in `cites`
  std::vector<std::uint8_t> owner;        ///< Owner
  std::vector<std::uint8_t> archetype;    ///< Archetype
  std::vector<std::int32_t> year_built;
  std::vector<std::uint8_t> heritage_unesco;
  std::vector<std::uint8_t> qpv;
  std::vector<std::uint8_t> structurally_unfit;

  // --- thermal description (hot: read by the 3CL kernel) ---
  std::vector<double> floor_area_m2;     ///< living area S_h, also the DPE reference area
  std::vector<double> ceiling_height_m;  ///< mean height under ceiling H_sp
  std::vector<double> wall_area_m2;      ///< opaque walls to outside, net of openings
  std::vector<double> u_wall_w_per_m2k;
  std::vector<double> roof_area_m2;  ///< top floor / roof
  std::vector<double> u_roof_w_per_m2k;
  std::vector<double> b_roof;                ///< 3CL reduction factor (unheated attic < 1)
  std::vector<double> ground_floor_area_m2;  ///< lowest floor
  std::vector<double> u_floor_w_per_m2k;
  std::vector<double> b_floor;          ///< 3CL reduction factor (cellar, crawl space, ground)
  std::vector<double> window_south_m2;  ///< glazed openings by orientation
  std::vector<double> window_east_m2;   ///< azimuth 45-135 degrees
  std::vector<double> window_west_m2;   ///< azimuth 225-315 degrees
  std::vector<double> window_north_m2;
  std::vector<double> u_window_w_per_m2k;
  std::vector<double> g_window;  ///< solar factor S_w of the glazing, 0..1
  std::vector<double> door_area_m2;
  std::vector<double> u_door_w_per_m2k;
  std::vector<double> thermal_bridges_w_per_k;  ///< sum of psi.l
  std::vector<double> q4pa_conv_m3_per_h_m2;    ///< 3CL conventional leakage at 4 Pa per m2 of envelope
  std::vector<std::uint8_t> multiple_exposed_facades;  ///< 1 if more than one facade is exposed
  std::vector<std::uint8_t> ventilation;               ///< Ventilation
  std::vector<std::uint8_t> inertia;                   ///< Inertia
  std::vector<std::uint8_t> heating_system;            ///< HeatingSystem
  std::vector<std::uint8_t> dhw_system;                ///< DhwSystem

  // --- household on 1 January of the first year (becomes per-replicate state) ---
  std::vector<std::uint8_t> occupied;
  std::vector<std::uint8_t> rights_holder;   ///< "ayant droit des Mines": free, non-transferable right
  std::vector<std::int16_t> head_age;        ///< years; 0 when vacant
  std::vector<std::uint8_t> head_sex;        ///< 0 = man, 1 = woman
  std::vector<std::uint8_t> household_size;  ///< persons; 0 when vacant
  std::vector<double> income_per_cu_eur;     ///< yearly disposable income per OECD consumption unit

  CiteTable cites;

  [[nodiscard]] std::size_t size() const noexcept { return dwelling_id.size(); }
  /// Resizes every dwelling column to n (cites untouched).
  void resize(std::size_t n);
};

}  // namespace coron
