#include "io/results_writer.hpp"

#include "io/h5_file.hpp"

#include "coron/error.hpp"
#include "coron/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

constexpr int schema_version = 1;

// What every dataset says about itself: report tools and h5dump users read
// these rather than the source.
struct Describe {
  std::string_view units;
  std::string_view dimensions;
  std::string_view description;
};

void describe(Object& object, const Describe& d) {
  object.set_attribute("units", d.units);
  object.set_attribute("dimensions", d.dimensions);
  object.set_attribute("description", d.description);
}

template <class T>
DataSet write_array(Group& group, std::string_view name, std::span<const std::size_t> shape,
                    const std::vector<T>& data, const Describe& d, const DataSetOptions& options = {}) {
  DataSet dataset = group.create_dataset<T>(name, shape, options);
  dataset.write(std::span<const T>(data));
  describe(dataset, d);
  return dataset;
}

template <std::size_t K>
void set_names(Object& object, const std::array<std::string_view, K>& names) {
  object.set_attribute("names", std::span<const std::string_view>(names));
}

std::array<std::string_view, label_count> label_names() {
  // "A" ... "G" as views of the static letters, so no storage is needed.
  std::array<std::string_view, label_count> names{};
  for (std::size_t i = 0; i < label_count; ++i) names[i] = std::string_view(&label_letters[i], 1);
  return names;
}

void write_meta(File& file, const RunMetadata& meta) {
  Group group = file.create_group("meta");
  group.set_attribute("schema_version", schema_version);
  group.set_attribute("coron_version", meta.coron_version);
  group.set_attribute("scenario", meta.scenario_text);
  group.set_attribute("scenario_name", meta.scenario_name);
  group.set_attribute("seed", meta.seed);
  group.set_attribute("threads", meta.threads);
  group.set_attribute("replicates", meta.replicates);
  group.set_attribute("created_utc", meta.created_utc);
  group.set_attribute("start_year", meta.start_year);
  group.set_attribute("end_year", meta.end_year);
  group.set_attribute("data_dir", meta.data_dir);
}

void write_stock(File& file, const Stock& stock) {
  Group group = file.create_group("stock");
  const std::array<std::size_t, 1> shape{stock.size()};
  constexpr std::string_view dim = "dwelling";
  write_array(
      group, "dwelling_id", shape, stock.dwelling_id,
      {"1", dim, "Stable dwelling identifier; column d of every /dwelling dataset is this dwelling."});
  write_array(group, "cite_id", shape, stock.cite_id,
              {"1", dim, "Row in /cites of the cité the dwelling belongs to."});
  DataSet owner =
      write_array(group, "owner", shape, stock.owner,
                  {"1", dim, "Landlord owning the dwelling, as an index into the names attribute."});
  set_names(owner, owner_names);
  DataSet archetype =
      write_array(group, "archetype", shape, stock.archetype,
                  {"1", dim, "Building form of the dwelling, as an index into the names attribute."});
  set_names(archetype, archetype_names);
  write_array(group, "year_built", shape, stock.year_built, {"year", dim, "Year the dwelling was built."});
  write_array(group, "floor_area_m2", shape, stock.floor_area_m2,
              {"m2", dim, "Living area, also the reference area of the energy label."});
  write_array(group, "heritage_unesco", shape, stock.heritage_unesco,
              {"1", dim, "1 if the dwelling lies inside the 2012 UNESCO World Heritage listing, else 0."});
  write_array(group, "qpv", shape, stock.qpv,
              {"1", dim, "1 if the dwelling lies in a priority urban area (QPV), else 0."});
  write_array(group, "structurally_unfit", shape, stock.structurally_unfit,
              {"1", dim, "1 if the dwelling is flagged structurally unfit, else 0."});
}

void write_cites(File& file, const CiteTable& cites) {
  Group group = file.create_group("cites");
  const std::array<std::size_t, 1> shape{cites.size()};
  constexpr std::string_view dim = "cite";
  auto text = [&](std::string_view name, const std::vector<std::string>& values,
                  std::string_view description) {
    DataSet dataset = group.write_strings(name, values);
    describe(dataset, {"1", dim, description});
  };
  text("name", cites.name, "Name of the cité.");
  text("communes", cites.communes, "Communes of the cité, ';'-separated when it spans several.");
  text("epci", cites.epci, "Intercommunal authority (EPCI) of the cité's first commune.");
  DataSet category =
      write_array(group, "category", shape, cites.category,
                  {"1", dim, "Programme category of the cité, as an index into the names attribute."});
  set_names(category, cite_category_names);
  write_array(group, "dwellings", shape, cites.dwellings,
              {"1", dim, "Number of dwellings of the cité in the stock."});
  write_array(group, "heritage_unesco", shape, cites.heritage_unesco,
              {"1", dim, "1 if the cité lies inside the 2012 UNESCO World Heritage listing, else 0."});
  write_array(group, "qpv", shape, cites.qpv,
              {"1", dim, "1 if the cité lies in a priority urban area (QPV), else 0."});
}

// The per-dwelling columns: name, units and description, in schema order.
struct DwellingColumn {
  std::string_view name;
  std::string_view units;
  std::string_view description;
};
constexpr std::array<DwellingColumn, 5> dwelling_columns = {{
    {"heating_need_kwh", "kWh/yr", "Space-heating need of the dwelling over the year (3CL method)."},
    {"final_energy_kwh", "kWh/yr", "Final energy consumed by the dwelling over the year."},
    {"primary_energy_kwh_m2", "kWh/(m2.yr)",
     "Primary energy use per m2 of floor area over the year, as rated by the DPE."},
    {"ghg_kg_m2", "kgCO2e/(m2.yr)", "Greenhouse-gas emissions per m2 of floor area over the year."},
    {"label", "1", "DPE energy label, 0 = A ... 6 = G (names attribute)."},
}};

const std::vector<double>* double_column(const Results& results, std::string_view name) {
  if (name == "heating_need_kwh") return &results.heating_need_kwh;
  if (name == "final_energy_kwh") return &results.final_energy_kwh;
  if (name == "primary_energy_kwh_m2") return &results.primary_energy_kwh_m2;
  if (name == "ghg_kg_m2") return &results.ghg_kg_m2;
  return nullptr;
}

const DwellingColumn* find_column(std::string_view name) {
  const auto* it = std::find_if(dwelling_columns.begin(), dwelling_columns.end(),
                                [&](const DwellingColumn& c) { return c.name == name; });
  return it == dwelling_columns.end() ? nullptr : it;
}

// Splits `extent` into equal pieces of at most `target`: a last, mostly empty
// chunk would take a whole chunk's space when the data are not compressed.
std::size_t balanced_chunk(std::size_t extent, std::size_t target) {
  target = std::clamp<std::size_t>(target, 1, extent);
  const std::size_t pieces = (extent + target - 1) / target;
  return (extent + pieces - 1) / pieces;
}

void write_dwelling(File& file, const Results& results, const OutputSpec& spec,
                    const detail::DwellingChunk& chunk) {
  Group group = file.create_group("dwelling");
  const std::array<std::size_t, 3> shape{results.replicates, results.years, results.dwellings};
  DataSetOptions options;
  // HDF5 cannot chunk an empty extent; an empty dataset needs no filter either.
  if (results.replicates * results.years * results.dwellings > 0) {
    options.chunk = {1, balanced_chunk(results.years, chunk.years),
                     balanced_chunk(results.dwellings, chunk.dwellings)};
    options.deflate = spec.compression;
  }
  constexpr std::string_view dims = "replicate,year,dwelling";
  for (const std::string& name : spec.dwelling_columns) {
    const DwellingColumn* column = find_column(name);
    const Describe d{column->units, dims, column->description};
    if (name == "label") {
      DataSet label = write_array(group, name, shape, results.label, d, options);
      const auto names = label_names();
      set_names(label, names);
    } else {
      write_array(group, name, shape, *double_column(results, name), d, options);
    }
  }
}

void write_aggregate(File& file, const Results& results) {
  Group group = file.create_group("aggregate");
  const std::array<std::size_t, 3> per_label{results.replicates, results.years, label_count};
  DataSet counts =
      write_array(group, "label_count", per_label, results.label_count,
                  {"1", "replicate,year,label", "Number of dwellings holding each DPE label (A ... G)."});
  const auto names = label_names();
  set_names(counts, names);
  const std::array<std::size_t, 2> per_year{results.replicates, results.years};
  write_array(group, "final_energy_gwh", per_year, results.final_energy_gwh,
              {"GWh/yr", "replicate,year", "Final energy consumed by the whole stock over the year."});
  write_array(group, "ghg_kt", per_year, results.ghg_kt,
              {"ktCO2e/yr", "replicate,year", "Greenhouse-gas emissions of the whole stock over the year."});
}

// Every size mismatch here is a bug in the caller, not bad user input: the
// scenario loader has already rejected unknown columns and bad levels.
void check_sizes(const Stock& stock, const Results& results, const OutputSpec& spec) {
  const std::size_t n = stock.size();
  const std::size_t cells = results.replicates * results.years * results.dwellings;
  const std::size_t rows = results.replicates * results.years;
  CORON_ASSERT(results.dwellings == n);
  CORON_ASSERT(results.year.size() == results.years);
  CORON_ASSERT(spec.compression >= 0 && spec.compression <= 9);
  for (const std::string& name : spec.dwelling_columns) {
    CORON_ASSERT(find_column(name) != nullptr);
    CORON_ASSERT((name == "label" ? results.label.size() : double_column(results, name)->size()) == cells);
  }
  CORON_ASSERT(results.label_count.size() == rows * label_count);
  CORON_ASSERT(results.final_energy_gwh.size() == rows && results.ghg_kt.size() == rows);
  auto all_n = [n](const auto&... column) { return ((column.size() == n) && ...); };
  CORON_ASSERT(all_n(stock.cite_id, stock.owner, stock.archetype, stock.year_built, stock.floor_area_m2,
                     stock.heritage_unesco, stock.qpv, stock.structurally_unfit));
  const CiteTable& c = stock.cites;
  const std::size_t m = c.size();
  CORON_ASSERT(c.communes.size() == m && c.epci.size() == m && c.category.size() == m &&
               c.dwellings.size() == m && c.heritage_unesco.size() == m && c.qpv.size() == m);
}

}  // namespace

namespace detail {

void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec, const DwellingChunk& chunk) {
  check_sizes(stock, results, spec);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::filesystem::path partial = file;
  partial += ".partial";
  try {
    // The scope closes the file before the rename: only a complete, closed
    // file ever carries the final name.
    {
      File out = File::create(partial);
      write_meta(out, meta);
      const std::array<std::size_t, 1> year_shape{results.years};
      write_array(out, "years", year_shape, results.year,
                  {"year", "year", "Simulated calendar years; index y of every year dimension is years[y]."});
      write_stock(out, stock);
      write_cites(out, stock.cites);
      write_dwelling(out, results, spec, chunk);
      write_aggregate(out, results);
      out.close();
    }
    std::filesystem::rename(partial, file);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

}  // namespace detail

void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec) {
  detail::write_results(file, meta, stock, results, spec, detail::DwellingChunk{});
}

}  // namespace coron::io
