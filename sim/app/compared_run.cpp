#include "app/compared_run.hpp"

#include "app/stock_fingerprint.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace coron::app {

std::optional<std::size_t> AggregateSeries::bin(std::string_view name) const {
  const auto it = std::find(bin_names.begin(), bin_names.end(), name);
  if (it == bin_names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - bin_names.begin());
}

const AggregateSeries* ComparedRun::find(std::string_view name) const {
  const auto it = aggregates.find(name);
  return it == aggregates.end() ? nullptr : &it->second;
}

std::optional<std::size_t> ComparedRun::year_index(int year) const {
  const auto it = std::find(years.begin(), years.end(), year);
  if (it == years.end()) return std::nullopt;
  return static_cast<std::size_t>(it - years.begin());
}

namespace {

constexpr std::string_view aggregate_prefix = "/aggregate/";

/// Reads every /aggregate/NAME directly under the group (not quantiles/ nor
/// by_cite/), checking its leading extents against R and Y.
void read_aggregates(const io::ResultsReader& in, ComparedRun& run, Diagnostics& diag) {
  const std::string file = run.file.string();
  for (const std::string& path : in.datasets()) {
    if (path.compare(0, aggregate_prefix.size(), aggregate_prefix) != 0) continue;
    const std::string name = path.substr(aggregate_prefix.size());
    if (name.find('/') != std::string::npos || in.type_name(path) == "string" || in.is_coordinate(path))
      continue;
    const std::vector<std::size_t> shape = in.shape(path);
    if (shape.size() < 2 || shape.size() > 3 || shape[0] != run.replicates || shape[1] != run.years.size()) {
      diag.add(file, 0, 0, path,
               fmt::format("expected shape [{}, {}] or [{}, {}, bins] (/meta replicates, /years), got [{}]",
                           run.replicates, run.years.size(), run.replicates, run.years.size(),
                           fmt::join(shape, ", ")));
      continue;
    }
    AggregateSeries series;
    series.replicates = shape[0];
    series.years = shape[1];
    series.width = shape.size() == 3 ? shape[2] : 1;
    series.values = in.read_double(path);
    for (const char* attribute : {"funders", "names"}) {
      if (!series.bin_names.empty()) break;
      const std::vector<std::string> names = in.attribute_names(path);
      if (std::find(names.begin(), names.end(), attribute) != names.end())
        series.bin_names = in.string_array_attribute(path, attribute);
    }
    run.aggregates.emplace(name, std::move(series));
  }
}

bool has_attribute(const io::ResultsReader& in, std::string_view object, std::string_view name) {
  const std::vector<std::string> names = in.attribute_names(object);
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool results_file_exists(const std::filesystem::path& file, Diagnostics& diag) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    diag.add(file.string(), 0, 0, "", "no such file");
    return false;
  }
  if (!std::filesystem::is_regular_file(file, ec)) {
    diag.add(file.string(), 0, 0, "", "not a file (expected a results file written by coron run)");
    return false;
  }
  return true;
}

std::optional<ComparedRun> read_compared_run(const std::filesystem::path& file, Diagnostics& diag) {
  const std::string name = file.string();
  if (!results_file_exists(file, diag)) return std::nullopt;
  const std::size_t problems_before = diag.size();
  try {
    const io::ResultsReader in(file);
    ComparedRun run;
    run.file = file;
    if (!in.exists("/meta") || !in.exists("/years")) {
      diag.add(name, 0, 0, "/meta", "not a coron results file: expected the /meta group and /years");
      return std::nullopt;
    }
    for (const char* attribute : {"schema_version", "scenario_name", "seed", "replicates"})
      if (!has_attribute(in, "/meta", attribute))
        diag.add(name, 0, 0, std::string("/meta ") + attribute, "missing attribute");
    if (diag.size() != problems_before) return std::nullopt;
    run.schema_version = in.int_attribute("/meta", "schema_version");
    run.scenario_name = in.string_attribute("/meta", "scenario_name");
    run.seed = in.uint64_attribute("/meta", "seed");
    const std::int64_t replicates = in.int_attribute("/meta", "replicates");
    if (replicates < 1) {
      diag.add(name, 0, 0, "/meta replicates", fmt::format("expected at least 1, got {}", replicates));
      return std::nullopt;
    }
    run.replicates = static_cast<std::size_t>(replicates);
    for (const std::int32_t year : in.read_int32("/years")) run.years.push_back(year);
    run.stock_fingerprint = stock_fingerprint(in);
    read_aggregates(in, run, diag);
    if (diag.size() != problems_before) return std::nullopt;
    return run;
  } catch (const io::H5Error& e) {
    diag.add(name, 0, 0, "", std::string("cannot be read as a coron results file: ") + e.what());
    return std::nullopt;
  }
}

void check_comparable(const std::vector<ComparedRun>& runs, Diagnostics& diag) {
  if (runs.empty()) return;
  const ComparedRun& reference = runs.front();
  for (std::size_t k = 1; k < runs.size(); ++k) {
    const ComparedRun& run = runs[k];
    if (run.schema_version != reference.schema_version)
      diag.add(run.file.string(), 0, 0, "/meta schema_version",
               fmt::format("schema version {} differs from {} of the reference {}; results files of "
                           "different versions are not compared",
                           run.schema_version, reference.schema_version, reference.file.string()));
    if (run.stock_fingerprint != reference.stock_fingerprint)
      diag.add(run.file.string(), 0, 0, "/stock",
               fmt::format("was run on another stock than the reference {} (stock fingerprints {:016x} and "
                           "{:016x}); scenarios are compared on the same stock only",
                           reference.file.string(), run.stock_fingerprint, reference.stock_fingerprint));
  }
}

}  // namespace coron::app
