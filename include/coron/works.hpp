#pragma once
#include "coron/columns.hpp"
#include "coron/thermal.hpp"
#include "coron/vocabulary.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Renovation works (docs/model-works.md): the measures a dwelling can receive,
// what each does to the dwelling's thermal columns and what it costs, the rules
// that restrict them (listed facades, unfit dwellings) and the packages a scenario
// asks for. The numbers come from data/measures.yaml (loaded by sim/io), each with
// its source. A dwelling's components are its thermal columns; the state keeps the
// year of each component's last works (coron/columns.hpp, CORON_WORKS_COLUMNS).

namespace coron {

/// The parts of a dwelling a measure treats.
enum class Component : std::uint8_t { wall, roof, floor, windows, ventilation, heating, dhw, structure };
inline constexpr std::size_t component_count = 8;
inline constexpr std::array<std::string_view, component_count> component_names = {
    "wall", "roof", "floor", "windows", "ventilation", "heating", "dhw", "structure"};

/// What the per-m2 part of a measure's cost is counted on.
enum class CostBasis : std::uint8_t {
  none,         ///< a fixed cost per dwelling only
  wall_area,    ///< the opaque walls to the outside (party walls are not counted)
  roof_area,    ///< the top floor or roof
  floor_area,   ///< the lowest floor
  window_area,  ///< all glazed openings
  living_area,  ///< the living area S_h
};
inline constexpr std::size_t cost_basis_count = 6;
inline constexpr std::array<std::string_view, cost_basis_count> cost_basis_names = {
    "none", "wall_area", "roof_area", "floor_area", "window_area", "living_area"};

/// A measure's cost in euros incl. VAT: fixed + eur_per_m2 x basis area, times an
/// uncertainty factor drawn uniformly in [low, high] once per (replicate, cité, measure).
struct MeasureCost {
  double fixed_eur = 0.0;
  double eur_per_m2 = 0.0;
  CostBasis basis = CostBasis::none;
  double low = 1.0;
  double high = 1.0;
};

struct Measure {
  std::string name;
  Component component = Component::wall;
  // What the component becomes (only the fields of the measure's component apply):
  double u_w_per_m2k = 0.0;  ///< wall, roof, floor, windows: U after works
  double g_window = 0.0;     ///< windows: solar factor after works
  double q4pa_conv_m3_per_h_m2 =
      0.0;                          ///< windows, ventilation: air leakage after works if lower; 0 unchanged
  bool from_outside = false;        ///< wall: insulation on the facade (forbidden on listed facades)
  double lining_thickness_m = 0.0;  ///< wall from inside: depth lost along the outside walls
  std::uint8_t system = 0;  ///< ventilation, heating, dhw: the system installed (index into its names)
  bool rebuild = false;     ///< structure: demolition and rebuilding to the catalog's rebuilt envelope
  MeasureCost cost;
  int lifetime_years = 0;
  double duration_months = 0.0;  ///< on site
  bool occupants_leave = false;  ///< the household is rehoused (or the dwelling stays vacant) during works
  std::string source;            ///< where the numbers come from
};

/// The envelope and systems of a dwelling after demolition and rebuilding.
struct RebuiltEnvelope {
  double u_wall_w_per_m2k = 0.0, u_roof_w_per_m2k = 0.0, u_floor_w_per_m2k = 0.0;
  double u_window_w_per_m2k = 0.0, g_window = 0.0, u_door_w_per_m2k = 0.0;
  double q4pa_conv_m3_per_h_m2 = 0.0;
  double thermal_bridges_w_per_k_per_m2 = 0.0;  ///< psi.l per m2 of living area
  std::uint8_t ventilation = 0, heating_system = 0, dhw_system = 0, inertia = 0;
};

/// What a `reach:` package must achieve: a label at most `label_max` (energy and
/// climate classes, the DPE's double threshold) and a primary energy at most
/// `primary_energy_max_kwh_m2`.
struct PackageTarget {
  std::string name;  ///< "A" ... "G", or a named level of data/measures.yaml ("BBC")
  std::uint8_t label_max = label_count - 1;
  double primary_energy_max_kwh_m2 = std::numeric_limits<double>::infinity();
};

/// A label a dwelling may not be let with from a year on (loi Climat et résilience).
struct RentalBan {
  std::uint8_t label = label_count - 1;  ///< this label and worse
  int from_year = 0;
};

/// At most this many measures in a catalog: a package is a bit set of them in an int32 column.
inline constexpr std::size_t max_measures = 31;

/// Every parameter of the works (data/measures.yaml, each number with its source).
struct WorksParams {
  std::vector<Measure> measures;  ///< at most max_measures
  RebuiltEnvelope rebuilt;
  std::vector<PackageTarget> named_targets;  ///< levels beyond the labels, e.g. BBC
  std::vector<RentalBan> rental_bans;        ///< data/economics/rental-bans.yaml
  double rehousing_eur_per_household = 0.0;  ///< moving a household out and back for works
  std::string rehousing_source;

  /// Index of the measure named `name`, or nothing.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const noexcept;
  /// The target `name` means: "A" ... "G" or a named level; nothing if unknown.
  [[nodiscard]] std::optional<PackageTarget> target(std::string_view name) const;
  /// False when a rental ban in force in `year` covers `label` (a new lease is forbidden).
  [[nodiscard]] bool may_let(std::uint8_t label, int year) const noexcept;
};

/// One dwelling's thermal columns by value: what a measure changes.
struct ThermalRow {
#define CORON_ROW_MEMBER(T, name, unit, spec, text) T name{};
  CORON_THERMAL_COLUMNS(CORON_ROW_MEMBER)
#undef CORON_ROW_MEMBER
};

/// Row i of `in`.
[[nodiscard]] ThermalRow thermal_row(const ThermalInputs& in, std::size_t i) noexcept;

/// True when `measure` would change the dwelling: an element already at least as good
/// (U no higher, the same system) is left alone and not paid for twice.
[[nodiscard]] bool improves(const Measure& measure, const ThermalRow& row) noexcept;

/// The dwelling after `measure` (the measure must improve it). Lining walls from inside
/// loses floor area: the inner perimeter of the outside walls times the lining depth.
void apply_measure(const Measure& measure, const RebuiltEnvelope& rebuilt, ThermalRow& row) noexcept;

/// Area of the basis in the dwelling's current state, m2.
[[nodiscard]] double basis_area_m2(CostBasis basis, const ThermalRow& row) noexcept;

/// The measure's cost in the dwelling's current state, euros, before the uncertainty factor.
[[nodiscard]] double measure_cost_eur(const Measure& measure, const ThermalRow& row) noexcept;

}  // namespace coron
