#include "io/works_writer.hpp"

#include "coron/aggregates.hpp"
#include "coron/error.hpp"
#include "coron/scenario.hpp"

#include <fmt/core.h>

#include <array>
#include <string_view>

namespace coron::io {

namespace {

constexpr double meur_per_eur = 1e-6;

template <class T>
void write_column(Group& group, std::string_view name, std::span<const std::size_t> shape,
                  const std::vector<T>& values, std::string_view units, std::string_view dims,
                  std::string_view description) {
  DataSet dataset = group.create_dataset<T>(name, shape, {});
  dataset.write(std::span<const T>(values));
  dataset.set_attribute("units", units);
  dataset.set_attribute("dimensions", dims);
  dataset.set_attribute("description", description);
}

std::vector<std::string_view> views(std::span<const std::string> names) {
  return {names.begin(), names.end()};
}

}  // namespace

void WorksBuffer::add(std::size_t r, const WorksTable& works) {
  if (!started_) {
    rows_.clear(works.funders);
    started_ = true;
  }
  replicate_.insert(replicate_.end(), works.size(), static_cast<std::int32_t>(r));
  rows_.append(works);
}

void WorksBuffer::write(File& file, const Stock& stock, std::span<const std::string> funders,
                        std::span<const std::string> measures) const {
  Group group = file.create_group("works");
  const std::vector<std::string_view> funder_names = views(funders);
  const std::vector<std::string_view> measure_names = views(measures);
  group.set_attribute("funders", std::span<const std::string_view>(funder_names));
  group.set_attribute("measures", std::span<const std::string_view>(measure_names));
  group.set_attribute(
      "description",
      "One row per renovation started, for the replicates /dwelling holds "
      "(output.dwelling_replicates): where, when, which measures, what they cost and who paid.");
  const std::size_t n = rows_.size();
  const std::size_t f = funders.size();
  CORON_ASSERT(!started_ || rows_.funders == f);
  std::vector<std::int64_t> dwelling(n);
  for (std::size_t r = 0; r < n; ++r) dwelling[r] = stock.dwelling_id[static_cast<std::size_t>(rows_.row[r])];
  std::vector<double> grants(rows_.grant_eur), loans(rows_.loan_eur);
  grants.resize(n * f);
  loans.resize(n * f);
  const std::array<std::size_t, 1> rows{n};
  const std::array<std::size_t, 2> by_funder{n, f};
  write_column(group, "replicate", rows, replicate_, "1", "works", "Replicate of the row.");
  write_column(group, "year", rows, rows_.year, "year", "works", "Year the works started.");
  write_column(group, "dwelling", rows, rows_.row, "1", "works", "Row of the dwelling in /stock.");
  write_column(group, "dwelling_id", rows, dwelling, "1", "works", "The dwelling's dwelling_id.");
  write_column(group, "package", rows, rows_.package, "1", "works",
               "Measures of the works: bit k set for measure k of the measures attribute.");
  write_column(group, "cost_eur", rows, rows_.cost_eur, "EUR", "works",
               "Cost of the works incl. VAT, outdoor spaces and rehousing included.");
  write_column(group, "grant_eur", by_funder, grants, "EUR", "works,funder",
               "Grants per funder (funders attribute); 0 for lenders.");
  write_column(group, "loan_eur", by_funder, loans, "EUR", "works,funder",
               "Loans per lender (funders attribute); 0 for grant givers.");
  write_column(group, "landlord_eur", rows, rows_.landlord_eur, "EUR", "works",
               "The landlord's own money: cost less grants and loans.");
  write_column(group, "label_before", rows, rows_.label_before, "1", "works",
               "DPE label before works, 0 = A ... 6 = G.");
  write_column(group, "label_after", rows, rows_.label_after, "1", "works",
               "DPE label the works give (3CL kernel on the dwelling after works), 0 = A ... 6 = G.");
  write_column(group, "primary_before_kwh_m2", rows, rows_.primary_before_kwh_m2, "kWh/(m2.yr)", "works",
               "Primary energy per m2 before works.");
  write_column(group, "primary_after_kwh_m2", rows, rows_.primary_after_kwh_m2, "kWh/(m2.yr)", "works",
               "Primary energy per m2 after works.");
  write_column(group, "target_reached", rows, rows_.target_reached, "1", "works",
               "1 if the works reach the package's target, 0 if no allowed combination could.");
}

DataSet create_spend_by_cite(Group& by_cite, std::size_t replicates, std::size_t years, std::size_t cites,
                             std::span<const std::string> funders, int compression) {
  const std::array<std::size_t, 4> shape{replicates, years, cites, funders.size()};
  DataSetOptions options;
  if (replicates * years * cites * funders.size() > 0) {
    options.chunk = {1, years, cites, funders.size()};
    options.deflate = compression;
  }
  DataSet dataset = by_cite.create_dataset<double>("spend_by_funder", shape, options);
  dataset.set_attribute("units", "MEUR");
  dataset.set_attribute("dimensions", "replicate,year,cite,funder");
  dataset.set_attribute("description",
                        "Grants and loans to the works started in the year, per cité and funder.");
  const std::vector<std::string_view> names = views(funders);
  dataset.set_attribute("funders", std::span<const std::string_view>(names));
  return dataset;
}

void write_spend_by_cite(DataSet& dataset, std::size_t r, const ReplicateRecord* record,
                         detail::hid transfer) {
  // Without funders the dataset is empty, for every process alike: nothing to take part in.
  if (dataset.size() == 0) return;
  std::vector<double> meur;
  if (record != nullptr) meur = record->spend_by_funder_by_cite;
  for (double& v : meur) v *= meur_per_eur;
  const std::array<std::size_t, 4> offset{record ? r : 0, 0, 0, 0};
  const std::array<std::size_t, 4> count =
      record ? std::array<std::size_t, 4>{1, record->years, record->cites, record->funders}
             : std::array<std::size_t, 4>{0, 0, 0, 0};
  dataset.write_slab<double>(offset, count, meur, transfer);
}

void write_spend_by_funder(Group& aggregate, const Aggregates& aggregates) {
  const std::size_t f = aggregates.funders.size();
  const std::vector<std::string_view> names = views(aggregates.funders);
  std::vector<double> meur(aggregates.spend_by_funder);
  for (double& v : meur) v *= meur_per_eur;
  const std::array<std::size_t, 3> shape{aggregates.replicates, aggregates.years, f};
  constexpr std::string_view description = "Grants and loans to the works started in the year, per funder.";
  DataSet dataset = aggregate.create_dataset<double>("spend_by_funder", shape, {});
  dataset.write(std::span<const double>(meur));
  dataset.set_attribute("units", "MEUR");
  dataset.set_attribute("dimensions", "replicate,year,funder");
  dataset.set_attribute("description", description);
  dataset.set_attribute("funders", std::span<const std::string_view>(names));

  std::vector<double> q(aggregate_quantiles.size() * aggregates.years * f, 0.0);
  if (aggregates.replicates > 0)
    for (std::size_t i = 0; i < aggregate_quantiles.size(); ++i)
      for (std::size_t y = 0; y < aggregates.years; ++y)
        for (std::size_t k = 0; k < f; ++k)
          q[(i * aggregates.years + y) * f + k] =
              aggregates.spend_quantile(aggregate_quantiles[i], y, k) * meur_per_eur;
  Group quantiles = aggregate.open_group("quantiles");
  const std::array<std::size_t, 3> q_shape{aggregate_quantiles.size(), aggregates.years, f};
  DataSet qset = quantiles.create_dataset<double>("spend_by_funder", q_shape, {});
  qset.write(std::span<const double>(q));
  qset.set_attribute("units", "MEUR");
  qset.set_attribute("dimensions", "quantile,year,funder");
  qset.set_attribute(
      "description",
      fmt::format("P10, P50 and P90 across replicates (linear between order statistics) of: {}",
                  description));
  qset.set_attribute("funders", std::span<const std::string_view>(names));
}

void write_allocation(File& file, const Aggregates& aggregates) {
  const AllocationSeries& a = aggregates.allocation;
  if (!a.enabled()) return;
  Group group = file.create_group("allocation");
  group.set_attribute("objective", std::string_view(a.objective));
  group.set_attribute("description",
                      "The yearly works budget (renovation.allocation) and what it bought, per replicate "
                      "and year.");
  const std::array<std::size_t, 2> shape{aggregates.replicates, aggregates.years};
  constexpr std::string_view dims = "replicate,year";
  write_column(group, "budget_eur", shape, a.budget_eur, "EUR", dims,
               "The year's works budget (package cost, before grants).");
  write_column(group, "spent_eur", shape, a.spent_eur, "EUR", dims,
               "Package cost of the candidates funded; never above budget_eur.");
  write_column(group, "funded", shape, a.funded, "1", dims,
               "Candidates funded with works (not those already at the target).");
  write_column(group, "objective", shape, a.objective_value, a.objective_units, dims,
               fmt::format("The objective ({}) summed over the candidates funded.", a.objective));
  write_column(group, "bound", shape, a.bound, a.objective_units, dims,
               "Rule optimal: no choice of the candidates within the budget reaches more than this "
               "(the optimum itself when solved exactly, else the LP bound); 0 for the other rules.");
  if (a.stage_gate_year == 0) return;
  group.set_attribute("stage_gate_year", static_cast<std::int64_t>(a.stage_gate_year));
  group.set_attribute("stage_gate_actions", std::span<const std::string_view>(stage_gate_action_names));
  const std::array<std::size_t, 1> per_replicate{aggregates.replicates};
  write_column(group, "stage_gate_indicator", per_replicate, a.stage_gate_indicator, a.stage_gate_units,
               "replicate",
               "The stage gate's indicator over the years before stage_gate_year (EUR per dwelling, a "
               "share, or the objective per MEUR, as the scenario's indicator).");
  write_column(group, "stage_gate_held", per_replicate, a.stage_gate_held, "1", "replicate",
               "1 when the gate's condition held on the indicator, else 0.");
  write_column(group, "stage_gate_action", per_replicate, a.stage_gate_action, "1", "replicate",
               "The action taken from stage_gate_year on, an index into the stage_gate_actions attribute "
               "(continue, cut, switch_rule); -1 when the run ended before stage_gate_year.");
}

}  // namespace coron::io
