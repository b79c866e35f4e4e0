#include "app/compare_indicators.hpp"

#include "app/compared_run.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace coron::app {

namespace {

constexpr double not_defined = std::numeric_limits<double>::quiet_NaN();
constexpr double eur_per_meur = 1e6;
// GWh -> MWh and kt -> t alike.
constexpr double thousand = 1e3;

double value_itself(std::span<const double> x) { return x[0]; }

/// Inputs {reference, this}: what this file saves or avoids against the reference.
double reference_minus_this(std::span<const double> x) { return x[0] - x[1]; }

/// Inputs {cumulative works cost MEUR, dwellings renovated}.
double eur_per_dwelling(std::span<const double> x) {
  return x[1] > 0.0 ? x[0] * eur_per_meur / x[1] : not_defined;
}

/// Inputs {this cost MEUR, reference cost MEUR, reference total, this total}: the
/// extra cost in EUR per thousandth of the total's unit saved each year (per MWh/yr
/// of a GWh/yr total, per t/yr of a kt/yr one). Not defined when nothing is saved.
double extra_eur_per_thousandth_saved(std::span<const double> x) {
  const double saved = x[2] - x[3];
  return saved > 0.0 ? (x[0] - x[1]) * eur_per_meur / (saved * thousand) : not_defined;
}

/// Inputs {reference actual, this actual, reference conventional, this conventional}.
double actual_share_of_conventional_saving_pct(std::span<const double> x) {
  const double conventional = x[2] - x[3];
  return conventional > 0.0 ? 100.0 * (x[0] - x[1]) / conventional : not_defined;
}

Quantity at_year(std::string dataset) { return Quantity{std::move(dataset), {}, {}, false, false, false}; }
Quantity so_far(std::string dataset) { return Quantity{std::move(dataset), {}, {}, true, false, false}; }
Quantity of_reference(Quantity q) {
  q.of_reference = true;
  return q;
}
Quantity bins_of(std::string dataset, std::vector<std::size_t> bins) {
  return Quantity{std::move(dataset), std::move(bins), {}, false, false, false};
}
Quantity zero_when_absent(Quantity q) {
  q.zero_when_absent = true;
  return q;
}

Indicator level(std::string id, std::string label, std::string unit, Section section, int decimals,
                Quantity q) {
  return Indicator{std::move(id), std::move(label), std::move(unit), section, decimals,
                   false,         {std::move(q)},   &value_itself};
}

/// reference − this of the same quantity.
Indicator saving(std::string id, std::string label, std::string unit, int decimals, const Quantity& q) {
  return Indicator{
      std::move(id), std::move(label),     std::move(unit),      Section::versus_reference, decimals,
      true,          {of_reference(q), q}, &reference_minus_this};
}

/// The extra works cost (this − reference, cumulative) per unit of yearly saving of
/// `total`. A reference without works datasets (a baseline) spent nothing; a compared
/// file without them has no cost to show.
Indicator cost_per_saving(std::string id, std::string label, std::string unit, const std::string& total) {
  const Quantity cost = so_far("works_cost_meur");
  return Indicator{std::move(id),
                   std::move(label),
                   std::move(unit),
                   Section::versus_reference,
                   0,
                   true,
                   {cost, zero_when_absent(of_reference(cost)), of_reference(at_year(total)), at_year(total)},
                   &extra_eur_per_thousandth_saved};
}

constexpr std::size_t label_e = 4;
constexpr std::string_view label_letters = "ABCDEFG";

/// Funder names of every file's spend_by_funder, in order of first appearance.
std::vector<std::string> funders_of(std::span<const ComparedRun> runs) {
  std::vector<std::string> names;
  for (const ComparedRun& run : runs)
    if (const AggregateSeries* s = run.find("spend_by_funder"))
      for (const std::string& name : s->bin_names)
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

}  // namespace

std::vector<Indicator> indicators_for(std::span<const ComparedRun> runs) {
  const std::vector<std::size_t> e_to_g = {label_e, label_e + 1, label_e + 2};
  std::vector<Indicator> list;
  list.push_back(
      level("renovated", "dwellings renovated so far", "dwellings", Section::works, 0, at_year("renovated")));
  list.push_back(level("works_started_cumulative", "works started so far", "works", Section::works, 0,
                       so_far("started")));
  list.push_back(
      level("works_started", "works started in the year", "works", Section::works, 0, at_year("started")));

  list.push_back(level("works_cost", "works cost", "MEUR", Section::spending, 1, so_far("works_cost_meur")));
  list.push_back(level("grants", "grants", "MEUR", Section::spending, 1, so_far("grants_meur")));
  list.push_back(level("loans", "loans", "MEUR", Section::spending, 1, so_far("loans_meur")));
  list.push_back(
      level("landlord", "landlord's own funds", "MEUR", Section::spending, 1, so_far("landlord_spend")));
  for (const std::string& funder : funders_of(runs)) {
    Quantity q = so_far("spend_by_funder");
    q.bin_name = funder;
    list.push_back(level("spend_by_funder/" + funder, "funder " + funder + " (grants + loans)", "MEUR",
                         Section::spending, 1, std::move(q)));
  }
  list.push_back(Indicator{"cost_per_dwelling",
                           "works cost per dwelling renovated",
                           "EUR/dwelling",
                           Section::spending,
                           0,
                           false,
                           {so_far("works_cost_meur"), at_year("renovated")},
                           &eur_per_dwelling});

  list.push_back(saving("final_energy_saved", "final energy saved, conventional", "GWh/yr", 1,
                        at_year("final_energy_gwh")));
  list.push_back(saving("actual_energy_saved", "final energy saved, actual use", "GWh/yr", 1,
                        at_year("actual_final_energy_gwh")));
  {
    const Quantity actual = at_year("actual_final_energy_gwh");
    const Quantity conventional = at_year("final_energy_gwh");
    list.push_back(Indicator{"actual_to_conventional_saving",
                             "actual saving / conventional saving",
                             "%",
                             Section::versus_reference,
                             0,
                             true,
                             {of_reference(actual), actual, of_reference(conventional), conventional},
                             &actual_share_of_conventional_saving_pct});
  }
  list.push_back(saving("ghg_avoided", "CO2 avoided", "ktCO2e/yr", 1, at_year("ghg_kt")));
  list.push_back(cost_per_saving("cost_per_mwh_saved", "extra works cost per MWh/yr saved", "EUR/(MWh/yr)",
                                 "final_energy_gwh"));
  list.push_back(cost_per_saving("cost_per_tco2_avoided", "extra works cost per tCO2e/yr avoided",
                                 "EUR/(tCO2e/yr)", "ghg_kt"));
  list.push_back(
      saving("out_of_e_to_g", "dwellings out of E-G", "dwellings", 0, bins_of("label_count", e_to_g)));
  list.push_back(
      saving("fuel_poor_avoided", "fuel-poor households avoided", "households", 0, at_year("fuel_poor")));

  list.push_back(level("final_energy", "final energy, conventional", "GWh/yr", Section::energy, 1,
                       at_year("final_energy_gwh")));
  list.push_back(level("actual_final_energy", "final energy, actual use", "GWh/yr", Section::energy, 1,
                       at_year("actual_final_energy_gwh")));
  list.push_back(level("ghg", "CO2", "ktCO2e/yr", Section::energy, 1, at_year("ghg_kt")));

  for (std::size_t k = 0; k < label_letters.size(); ++k)
    list.push_back(level(std::string("label_") + label_letters[k], std::string("label ") + label_letters[k],
                         "dwellings", Section::labels, 0, bins_of("label_count", {k})));
  list.push_back(
      level("e_to_g", "labels E, F or G", "dwellings", Section::labels, 0, bins_of("label_count", e_to_g)));

  list.push_back(level("banned_from_letting", "dwellings banned from a new lease", "dwellings",
                       Section::rental_bans, 0, at_year("banned_from_letting")));
  list.push_back(level("households_in_banned", "households living in them", "households",
                       Section::rental_bans, 0, at_year("households_in_banned")));
  list.push_back(level("relettable", "dwellings that may be let", "dwellings", Section::rental_bans, 0,
                       at_year("relettable")));

  list.push_back(
      level("fuel_poor", "fuel-poor households", "households", Section::households, 0, at_year("fuel_poor")));
  list.push_back(
      level("households", "households", "households", Section::households, 0, at_year("households")));
  list.push_back(level("vacant", "vacant dwellings", "dwellings", Section::households, 0, at_year("vacant")));
  return list;
}

}  // namespace coron::app
