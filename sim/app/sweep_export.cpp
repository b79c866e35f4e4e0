#include "app/sweep_export.hpp"

#include "io/dimension_scales.hpp"
#include "io/h5_file.hpp"
#include "util/partial_file.hpp"

#include "coron/aggregates.hpp"

#include <fmt/core.h>

#include <array>
#include <fstream>
#include <stdexcept>

namespace coron::app {

namespace {

// 2: dimension scales on the budget and quantile axes (netCDF-4 readers name them).
constexpr int sweep_schema_version = 2;

void describe(io::Object& object, std::string_view units, std::string_view dimensions,
              std::string_view description) {
  object.set_attribute("units", units);
  object.set_attribute("dimensions", dimensions);
  object.set_attribute("description", description);
}

void write_frontier(io::Group& group, const std::vector<double>& budgets,
                    const std::vector<FrontierSeries>& series) {
  group.set_attribute("quantiles", fmt::format("{}, {}, {}", aggregate_quantiles[0], aggregate_quantiles[1],
                                               aggregate_quantiles[2]));
  const std::size_t points = budgets.size();
  {
    const std::array<std::size_t, 1> shape = {points};
    io::DataSet dataset = group.create_dataset<double>("budget_eur_per_yr", shape);
    dataset.write(std::span<const double>(budgets));
    describe(dataset, "EUR/yr", "budget",
             "The yearly works budget of each point, in every year where the scenario's budget is not 0.");
  }
  const std::array<std::size_t, 2> shape = {points, aggregate_quantiles.size()};
  for (const FrontierSeries& s : series) {
    std::vector<double> values;
    for (const Spread& p : s.points) values.insert(values.end(), {p.p10, p.p50, p.p90});
    io::DataSet dataset = group.create_dataset<double>(s.name, shape);
    dataset.write(std::span<const double>(values));
    describe(dataset, s.units, "budget, quantile", s.description);
  }
}

void write_hdf5(const std::filesystem::path& file, const SweepMeta& meta, const std::vector<double>& budgets,
                const std::vector<FrontierSeries>& series) {
  io::File out = io::File::create(file);
  {
    io::Group group = out.create_group("meta");
    group.set_attribute("sweep_schema_version", sweep_schema_version);
    io::write_provenance(group, meta);
    group.set_attribute("budget_years", meta.budget_years);
  }
  {
    // Every handle closed before the file: HDF5 refuses to close a file with objects open.
    io::Group group = out.create_group("sweep");
    write_frontier(group, budgets, series);
  }
  io::Coordinates axes;
  axes["budget"] = {budgets, "EUR/yr", "The yearly works budget of the point."};
  axes["quantile"] = {std::vector<double>(aggregate_quantiles.begin(), aggregate_quantiles.end()), "1",
                      "Probability of the quantile across replicates."};
  io::attach_dimension_scales(out, axes);
  out.close();
}

void write_csv(const std::filesystem::path& file, const std::vector<double>& budgets,
               const std::vector<FrontierSeries>& series) {
  std::ofstream out(file);
  // Shortest round-trip decimals: the CSV holds the HDF5 file's values exactly.
  out << "budget_eur_per_yr,indicator,p10,p50,p90\n";
  for (std::size_t p = 0; p < budgets.size(); ++p)
    for (const FrontierSeries& s : series)
      out << fmt::format("{},{},{},{},{}\n", budgets[p], s.name, s.points[p].p10, s.points[p].p50,
                         s.points[p].p90);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

std::filesystem::path sweep_csv_path(const std::filesystem::path& file) {
  std::filesystem::path csv = file;
  csv.replace_extension(".csv");
  return csv;
}

void write_sweep(const std::filesystem::path& file, const SweepMeta& meta, const std::vector<double>& budgets,
                 const std::vector<FrontierSeries>& series) {
  // Both written beside their names, then renamed; any failure removes both partials.
  util::PartialFile h5(file);
  util::PartialFile csv(sweep_csv_path(file));
  write_hdf5(h5.path(), meta, budgets, series);
  write_csv(csv.path(), budgets, series);
  h5.commit();
  csv.commit();
}

}  // namespace coron::app
