#pragma once
#include "coron/columns.hpp"
#include "coron/criterion_weights.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A scenario as read from YAML (docs/scenarios.md lists every key). Paths are
// resolved against the scenario file's folder when read.

namespace coron {

inline constexpr int scenario_schema_version = 1;

struct StockSource {
  enum class Kind { generate, file, dpe };
  Kind kind = Kind::generate;
  std::uint64_t seed = 0;      ///< generate: generator seed
  std::filesystem::path file;  ///< file: stock CSV (docs/stock-csv.md)
  /// dpe: certificate files and folders of them (docs/dpe-import.md), imported in this order
  std::vector<std::filesystem::path> dpe;
  std::filesystem::path dpe_cites;  ///< dpe: the cités table; empty: every dwelling in the catch-all cité
};

/// A step function of the year: value applies from `from_year` on.
struct YearStep {
  int from_year = 0;
  double value = 0.0;
};

struct OutputSpec {
  std::filesystem::path file;                 ///< the .h5 to write
  std::vector<std::string> dwelling_columns;  ///< which /dwelling datasets to write
  int dwelling_replicates = 1;                ///< for how many replicates (the first ones)
  int compression = 1;                        ///< deflate level 0..9 of /dwelling
};

/// The scenario's `demography:` section (docs/scenarios.md).
struct DemographyOptions {
  bool enabled = true;                         ///< false: households stay as the stock has them
  std::optional<double> mortality_multiplier;  ///< replaces data/demography's when given
};

/// The scenario's `thermal:` section (docs/scenarios.md). Labels always come from the
/// conventional monthly method; `hourly` adds a year of the 5R1C model per dwelling on an
/// hourly weather file (docs/model-hourly.md).
struct ThermalOptions {
  enum class Model : std::uint8_t { monthly, hourly };
  Model model = Model::monthly;
  std::filesystem::path weather_file;  ///< EPW; set (and required) with Model::hourly
  double heating_set_point_c = 19.0;   ///< the conventional heating temperature of 3CL
  double cooling_set_point_c = 28.0;   ///< the threshold of the summer-comfort hours
};
inline constexpr std::array<std::string_view, 2> thermal_model_names = {"monthly", "hourly"};

/// Where a value was written in the scenario file (1-based; 0 when unknown), for the
/// checks that need the data or the stock and so run after loading.
struct SourceMark {
  int line = 0;
  int column = 0;
};

/// What a renovation does: an explicit list of measures, or a target reached by the
/// cheapest combination of allowed measures (docs/scenarios.md, `renovation.package`).
struct PackageSpec {
  std::vector<std::string> measures;  ///< explicit list; empty when `reach` is given
  std::string reach;                  ///< "A" ... "G" or a named level ("BBC"); empty with a list
};

/// A cité renovated as one operation (the 2017 mission's integrated operations):
/// its dwellings started in equal shares over `years` years from `start_year`.
struct OperationSpec {
  std::vector<std::string> cites;  ///< names (data/stock cités); or, with category, all of that category
  std::optional<std::uint8_t> category;  ///< CiteCategory
  int start_year = 0;
  int years = 1;
  double outdoor_eur_per_dwelling = 0.0;  ///< outdoor spaces of the integrated operation
  std::vector<std::int32_t> cite_ids;     ///< resolved by setup, sorted
  std::vector<SourceMark> cite_marks;     ///< where each name of `cites` was written
};

/// Renovation of a house when it falls vacant (the landlord's practice since 2018).
struct AtVacancySpec {
  bool enabled = false;
  std::uint8_t label_min = 4;  ///< E: houses labelled this or worse
  int from_year = 0;
  int to_year = 9999;
};

/// A yearly works budget and the rule that shares it among the year's candidates
/// (docs/scenarios.md, `renovation.allocation`; docs/model-allocation.md). Absent (no
/// budget steps): every candidate is funded, as without the section.
struct AllocationSpec {
  enum class Rule : std::uint8_t { stock_order, worst_first, weighted, cost_effectiveness, optimal };
  /// What the works buy, summed over the funded candidates. The first four are the terms
  /// (allocation_objective_terms); `weighted` is their sum under objective_weights.
  enum class Objective : std::uint8_t {
    primary_energy_saved,  ///< kWh/yr of primary energy (conventional, five uses)
    co2_avoided,           ///< kgCO2e/yr
    out_of_efg,            ///< dwellings taken from label E, F or G to D or better
    out_of_fuel_poverty,   ///< households fuel poor (TEE_3D) with the bill before the works, not after
    weighted,              ///< Σ objective_weights[t] x term t
  };
  static constexpr std::size_t objective_term_count = 4;
  std::vector<YearStep> budget_eur_per_yr;  ///< EUR of package cost per year; empty: no budget
  /// Or one envelope for the whole run (EUR of package cost): each year may spend what
  /// the years before have left of it.
  std::optional<double> budget_eur_total;
  Rule rule = Rule::stock_order;
  CriterionWeights weights;  ///< for Rule::weighted (and Rule::optimal, which also tries that ranking)
  Objective objective = Objective::primary_energy_saved;
  /// Objective::weighted: the value the planner puts on one unit of each term, in the order
  /// of the enum (e.g. EUR per kWh/yr, per kgCO2e/yr, per dwelling, per household), so
  /// that the terms add up. Each >= 0, at least one > 0.
  std::array<double, objective_term_count> objective_weights{};
  /// What a candidate is: a dwelling, or a cité's dwellings due that year taken together
  /// (the 2017 mission's integrated operations: all of them, with one kind of package, or none).
  enum class Candidates : std::uint8_t { dwellings, cites };
  Candidates candidates = Candidates::dwellings;
  /// Packages `optimal` may choose instead of the renovation's package: for each target
  /// (a label or a named level), the cheapest allowed measures reaching it. The rankings
  /// take the renovation's package.
  std::vector<std::string> alternatives;

  /// A decision at the start of `year` on what the years before it achieved
  /// (docs/model-allocation.md, "Stage gate"): when the indicator is above (or below) the
  /// threshold, the budget is cut or the rule switched for `year` and every year after.
  struct StageGate {
    enum class Indicator : std::uint8_t {
      cost_per_dwelling_out_of_efg,  ///< EUR of works per dwelling taken out of E-G by them
      spent_share,                   ///< package cost spent / budget
      objective_per_meur,            ///< objective per million EUR spent
    };
    /// What the gate did; `continue_` also when the condition did not hold.
    enum class Action : std::uint8_t { continue_, cut, switch_rule };
    int year = 0;  ///< 0: no gate
    Indicator indicator = Indicator::spent_share;
    bool above = true;  ///< the condition: indicator > threshold (else indicator < threshold)
    double threshold = 0.0;
    Action action = Action::cut;
    double cut_factor = 1.0;         ///< Action::cut: the budget from `year` on is multiplied by it
    Rule switch_to = Rule::optimal;  ///< Action::switch_rule: the rule from `year` on
    [[nodiscard]] bool enabled() const noexcept { return year != 0; }
  };
  StageGate stage_gate;

  [[nodiscard]] bool enabled() const noexcept { return !budget_eur_per_yr.empty() || budget_eur_total; }
};

inline constexpr std::array<std::string_view, 5> allocation_rule_names = {
    "stock_order", "worst_first", "weighted", "cost_effectiveness", "optimal"};
/// The objectives a scenario names alone, or weighs in `objective: {name: weight, ...}`.
inline constexpr std::array<std::string_view, AllocationSpec::objective_term_count>
    allocation_objective_terms = {"primary_energy_saved", "co2_avoided", "out_of_efg", "out_of_fuel_poverty"};
/// In the order of AllocationSpec::Objective: the terms, then the weighted sum.
inline constexpr std::array<std::string_view, 5> allocation_objective_names = {
    "primary_energy_saved", "co2_avoided", "out_of_efg", "out_of_fuel_poverty", "weighted"};
inline constexpr std::array<std::string_view, 2> allocation_candidate_names = {"dwellings", "cites"};
inline constexpr std::array<std::string_view, 3> stage_gate_indicator_names = {
    "cost_per_dwelling_out_of_efg", "spent_share", "objective_per_meur"};
/// In the order of AllocationSpec::StageGate::Action.
inline constexpr std::array<std::string_view, 3> stage_gate_action_names = {"continue", "cut", "switch_rule"};
/// Units of each objective, in the order of allocation_objective_names.
/// A weighted sum's unit is whatever the weights price one unit of each term in.
inline constexpr std::array<std::string_view, 5> allocation_objective_units = {
    "kWh/yr", "kgCO2e/yr", "dwellings", "households", "weighted"};

/// The scenario's `renovation:` section. Absent: no works.
struct RenovationOptions {
  bool enabled = false;
  PackageSpec package;
  bool heritage_strict = true;  ///< no outside wall insulation on UNESCO-listed facades
  enum class Unfit : std::uint8_t { heavy, rebuild };
  Unfit unfit = Unfit::heavy;  ///< what structurally unfit dwellings get with their package
  int capacity_per_year = 0;   ///< dwellings started per year; 0: no limit
  std::vector<OperationSpec> operations;
  AtVacancySpec at_vacancy;
  std::filesystem::path funders_file;  ///< replaces data/economics/funders.yaml when set
  bool tenant_contribution = false;    ///< tenants pay the contribution after works
  double rent_increase_eur_per_m2_month = 0.0;
  AllocationSpec allocation;
};

struct Scenario {
  int schema_version = scenario_schema_version;
  std::filesystem::path source_file;  ///< as given on the command line
  std::string text;                   ///< the YAML text, stored in /meta
  std::string name;
  std::string description;
  std::uint64_t seed = 0;  ///< replicate randomness
  int start_year = 2018;   ///< state on 1 January of this year
  int years = 30;
  int replicates = 1;
  std::filesystem::path data_dir;  ///< parameters folder (data/)
  StockSource stock;
  /// Primary energy factor of electricity by year (others are 1).
  std::vector<YearStep> electricity_primary_factor;
  OutputSpec output;
  DemographyOptions demography;
  RenovationOptions renovation;
  bool rental_bans = true;  ///< the labels' rental bans of data/economics/rental-bans.yaml apply
  ThermalOptions thermal;

  [[nodiscard]] int end_year() const noexcept { return start_year + years - 1; }
  /// The replicates that record /dwelling rows and works: the first output.dwelling_replicates.
  [[nodiscard]] std::size_t recorded_replicates() const noexcept {
    return static_cast<std::size_t>(std::clamp(output.dwelling_replicates, 0, std::max(0, replicates)));
  }
  /// The factor in force in `year` (the last step whose from_year <= year).
  [[nodiscard]] double electricity_primary_factor_in(int year) const noexcept;
};

/// The /dwelling columns recorded when a scenario names none: the label and its
/// energy, who lives there, and what they actually use and pay.
inline const std::vector<std::string>& default_dwelling_columns() {
  static const std::vector<std::string> names = {"heating_need_kwh",
                                                 "final_energy_kwh",
                                                 "primary_energy_kwh_m2",
                                                 "ghg_kg_m2",
                                                 "label",
                                                 "occupied",
                                                 "rights_holder",
                                                 "head_age",
                                                 "household_size",
                                                 "income_per_cu_eur",
                                                 "actual_final_energy_kwh",
                                                 "energy_bill_eur",
                                                 "rent_eur",
                                                 "fuel_poor"};
  return names;
}

/// The /dwelling columns a scenario may ask for: every column of the state
/// (coron/columns.hpp), recorded once a year.
inline const std::vector<std::string>& known_dwelling_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const ColumnInfo& c : state_columns()) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

}  // namespace coron
