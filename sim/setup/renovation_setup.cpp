#include "setup/renovation_setup.hpp"

#include "io/works_data.hpp"
#include "util/nearest_name.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <vector>

namespace coron::setup {

namespace {

std::string suggestion(std::string_view word, std::span<const std::string> candidates) {
  const std::string near = util::nearest_name(word, candidates);
  return near.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", near);
}

SourceMark mark_at(const std::vector<SourceMark>& marks, std::size_t k) {
  return k < marks.size() ? marks[k] : SourceMark{};
}

/// Index of each cité name of the stock.
std::vector<std::string> cite_names(const Stock& stock) {
  return {stock.cites.name.begin(), stock.cites.name.end()};
}

std::int32_t find_cite(const std::vector<std::string>& names, std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<std::int32_t>(it - names.begin());
}

void resolve_operations(Scenario& scenario, const Stock& stock, Diagnostics& diag) {
  const std::vector<std::string> names = cite_names(stock);
  const std::string file = scenario.source_file.string();
  for (std::size_t o = 0; o < scenario.renovation.operations.size(); ++o) {
    OperationSpec& op = scenario.renovation.operations[o];
    op.cite_ids.clear();
    for (std::size_t k = 0; k < op.cites.size(); ++k) {
      const std::int32_t c = find_cite(names, op.cites[k]);
      if (c >= 0) {
        op.cite_ids.push_back(c);
        continue;
      }
      const SourceMark at = mark_at(op.cite_marks, k);
      diag.add(file, at.line, at.column, fmt::format("renovation.operations[{}].cites", o),
               fmt::format("no cité \"{}\" in the stock{}", op.cites[k], suggestion(op.cites[k], names)));
    }
    if (op.category)
      for (std::size_t c = 0; c < stock.cites.size(); ++c)
        if (stock.cites.category[c] == *op.category) op.cite_ids.push_back(static_cast<std::int32_t>(c));
    std::sort(op.cite_ids.begin(), op.cite_ids.end());
    op.cite_ids.erase(std::unique(op.cite_ids.begin(), op.cite_ids.end()), op.cite_ids.end());
  }
}

void resolve_funders(FundingParams& funding, const Stock& stock, const std::string& funders_file,
                     Diagnostics& diag) {
  const std::vector<std::string> names = cite_names(stock);
  for (Funder& funder : funding.funders) {
    funder.cite_ids.clear();
    for (const std::string& name : funder.cite_names) {
      const std::int32_t c = find_cite(names, name);
      if (c >= 0)
        funder.cite_ids.push_back(c);
      else
        diag.add(funders_file, 0, 0, fmt::format("funders.{}.cites", funder.name),
                 fmt::format("no cité \"{}\" in the stock{}", name, suggestion(name, names)));
    }
    std::sort(funder.cite_ids.begin(), funder.cite_ids.end());
  }
}

}  // namespace

void resolve_renovation(Scenario& scenario, ModelParams& params, const Stock& stock, Diagnostics& diag) {
  params.funding.tenant_contribution.enabled = scenario.renovation.tenant_contribution;
  params.funding.rent_increase_eur_per_m2_month = scenario.renovation.rent_increase_eur_per_m2_month;
  const std::filesystem::path funders_file = scenario.renovation.funders_file.empty()
                                                 ? scenario.data_dir / "economics" / "funders.yaml"
                                                 : scenario.renovation.funders_file;
  // The funders file's cité names carry no position once loaded: the key names the funder.
  resolve_funders(params.funding, stock, funders_file.string(), diag);
  if (!scenario.renovation.enabled) return;
  // The loader checked the measure and target names at their line when it could read the
  // data folder; whatever it could not check is checked here, against the data the run uses.
  for (const std::string& problem : io::check_renovation(scenario.renovation, params.works)) {
    const std::size_t colon = problem.find(": ");  // "key: message"
    diag.add(scenario.source_file.string(), 0, 0, problem.substr(0, colon),
             colon == std::string::npos ? problem : problem.substr(colon + 2));
  }
  resolve_operations(scenario, stock, diag);
}

}  // namespace coron::setup
