#include "io/results_writer.hpp"

#include "io/chunk_deflate.hpp"
#include "io/dimension_scales.hpp"
#include "io/replicate_slabs.hpp"
#include "io/works_writer.hpp"

#include "coron/error.hpp"
#include "coron/parallel_for.hpp"
#include "coron/vocabulary.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

namespace coron::io {
namespace {

// 4: dimension scales attach a coordinate to every axis of every dataset (netCDF-4 readers).
constexpr int schema_version = 4;

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

/// A registry column's enumeration names as the dataset's names attribute.
void set_names(Object& object, const ColumnInfo& column) {
  if (column.spec.kind == ValueKind::enumeration) object.set_attribute("names", column.spec.names);
}

// Splits `extent` into equal pieces of at most `target`: a last, mostly empty
// chunk would take a whole chunk's space when the data are not compressed.
std::size_t balanced_chunk(std::size_t extent, std::size_t target) {
  target = std::clamp<std::size_t>(target, 1, extent);
  const std::size_t pieces = (extent + target - 1) / target;
  return (extent + pieces - 1) / pieces;
}

void write_meta(File& file, const RunMetadata& meta) {
  Group group = file.create_group("meta");
  group.set_attribute("schema_version", schema_version);
  write_provenance(group, meta);
  group.set_attribute("threads", meta.threads);
  group.set_attribute("ranks", meta.ranks);
  group.set_attribute("data_dir", meta.data_dir);
}

// Every stock column of the registry, as the run started from it. Codes, flags and
// integers are deflated (they shrink tenfold, quickly); the doubles are stored as they
// are: drawn per dwelling, they would shrink by a fifth for most of the run's writing
// time (measured on the baseline: deflating them took 0.6 s of a 1.2 s run to save
// 6 MB; the codes and integers cost 4 % of the run and save 2 MB).
void write_stock(File& file, const Stock& stock, int compression) {
  Group group = file.create_group("stock");
  const std::array<std::size_t, 1> shape{stock.size()};
  DataSetOptions packed;
  if (stock.size() > 0 && compression > 0) {
    packed.chunk = {balanced_chunk(stock.size(), 65536)};
    packed.deflate = compression;
  }
  for_each_column(stock, [&](const ColumnInfo& column, const auto& values) {
    const DataSetOptions& options = column.type == ColumnType::f64 ? DataSetOptions{} : packed;
    DataSet dataset = write_array(group, column.name, shape, values,
                                  {column.unit, "dwelling", column.description}, options);
    set_names(dataset, column);
  });
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

template <class T>
DataSet create_typed(Group& group, std::string_view name, std::span<const std::size_t> shape,
                     const DataSetOptions& options) {
  return group.create_dataset<T>(name, shape, options);
}

DataSet create_column(Group& group, const ColumnInfo& column, std::span<const std::size_t> shape,
                      const DataSetOptions& options) {
  switch (column.type) {
    case ColumnType::f64:
      return create_typed<double>(group, column.name, shape, options);
    case ColumnType::i64:
      return create_typed<std::int64_t>(group, column.name, shape, options);
    case ColumnType::i32:
      return create_typed<std::int32_t>(group, column.name, shape, options);
    case ColumnType::i16:
      return create_typed<std::int16_t>(group, column.name, shape, options);
    case ColumnType::u8:
      break;
  }
  return create_typed<std::uint8_t>(group, column.name, shape, options);
}

/// Shape of an aggregate: `lead` extents, then the aggregate's bins when it has them.
std::vector<std::size_t> aggregate_shape(std::initializer_list<std::size_t> lead, const AggregateInfo& a) {
  std::vector<std::size_t> shape(lead);
  if (a.kind == AggregateKind::histogram) shape.push_back(a.bins);
  return shape;
}

std::string aggregate_dims(std::string_view lead, const AggregateInfo& a) {
  std::string dims(lead);
  if (a.kind == AggregateKind::histogram) dims.append(",").append(a.bin_axis);
  return dims;
}

void name_bins(Object& object, const AggregateInfo& a) {
  if (a.kind == AggregateKind::histogram && a.bin_axis == "label") set_names(object, label_names);
}

/// An aggregate's values as stored: counts as int64 (exact in the doubles they are
/// summed in), sums as float64.
DataSet write_aggregate_values(Group& group, const AggregateInfo& a, std::span<const std::size_t> shape,
                               const std::vector<double>& values, std::string_view dims) {
  DataSet dataset = [&] {
    if (!a.is_count()) return write_array(group, a.name, shape, values, {a.unit, dims, a.description});
    return write_array(group, a.name, shape, as_counts(values), {a.unit, dims, a.description});
  }();
  name_bins(dataset, a);
  return dataset;
}

void write_aggregate(Group& group, const Aggregates& aggregates) {
  for (std::size_t k = 0; k < aggregate_columns.size(); ++k) {
    const AggregateInfo& a = aggregate_columns[k];
    const std::vector<std::size_t> shape = aggregate_shape({aggregates.replicates, aggregates.years}, a);
    write_aggregate_values(group, a, shape, aggregates.values[k], aggregate_dims("replicate,year", a));
  }
  // Quantiles across replicates, for report tools that want the spread without the draws.
  Group quantiles = group.create_group("quantiles");
  quantiles.set_attribute("quantiles", fmt::format("{}, {}, {}", aggregate_quantiles[0],
                                                   aggregate_quantiles[1], aggregate_quantiles[2]));
  for (const AggregateInfo& a : aggregate_columns) {
    const std::size_t width = a.width();
    std::vector<double> q(aggregate_quantiles.size() * aggregates.years * width, 0.0);
    if (aggregates.replicates > 0)
      for (std::size_t i = 0; i < aggregate_quantiles.size(); ++i)
        for (std::size_t y = 0; y < aggregates.years; ++y)
          for (std::size_t b = 0; b < width; ++b)
            q[(i * aggregates.years + y) * width + b] =
                aggregates.quantile(a.name, aggregate_quantiles[i], y, b);
    const std::vector<std::size_t> shape = aggregate_shape({aggregate_quantiles.size(), aggregates.years}, a);
    const std::string description = fmt::format(
        "P10, P50 and P90 across replicates (linear between order statistics) of: {}", a.description);
    DataSet dataset =
        write_array(quantiles, a.name, shape, q, {a.unit, aggregate_dims("quantile,year", a), description});
    name_bins(dataset, a);
  }
}

/// The values along each named axis of a results file (dimension_scales.hpp); replicates, works
/// rows and anything else not listed are numbered from 0.
Coordinates result_coordinates(const ResultsLayout& layout, const Stock& stock) {
  Coordinates c;
  c["year"] = {std::vector<std::int64_t>(layout.years.begin(), layout.years.end()), "year", "Calendar year."};
  c["dwelling"] = {stock.dwelling_id, "1", "The dwelling's identifier (/stock/dwelling_id)."};
  c["cite"] = {stock.cites.name, "1", "The cité's name (/cites/name)."};
  c["label"] = {std::vector<std::string>(label_names.begin(), label_names.end()), "1", "DPE label."};
  c["quantile"] = {std::vector<double>(aggregate_quantiles.begin(), aggregate_quantiles.end()), "1",
                   "Probability of the quantile across replicates."};
  c["funder"] = {layout.funders, "1", "The funder's name, as in the run's funding file."};
  return c;
}

}  // namespace

ResultsWriter::ResultsWriter(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                             const ResultsLayout& layout, const detail::DwellingChunk& chunk)
    : file_(file),
      partial_(file),
      layout_(layout),
      dwellings_(stock.size()),
      stock_(&stock),
      cites_(stock.cites.size()) {
  CORON_ASSERT(layout.compression >= 0 && layout.compression <= 9);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  try {
    out_.emplace(File::create(partial_.path()));
    write_meta(*out_, meta);
    const std::array<std::size_t, 1> year_shape{layout.years.size()};
    write_array(*out_, "years", year_shape, layout.years,
                {"year", "year", "Simulated calendar years; index y of every year dimension is years[y]."});
    write_stock(*out_, stock, layout.compression);
    write_cites(*out_, stock.cites);

    Group group = out_->create_group("dwelling");
    const std::size_t years = layout.years.size();
    const std::size_t recorded = std::min(layout.replicates, layout.dwelling_replicates);
    const std::array<std::size_t, 3> shape{recorded, years, dwellings_};
    DataSetOptions options;
    // HDF5 cannot chunk an empty extent; an empty dataset needs no filter either.
    if (recorded * years * dwellings_ > 0) {
      options.chunk = {1, balanced_chunk(years, chunk.years), balanced_chunk(dwellings_, chunk.dwellings)};
      dwelling_chunk_ = {1, options.chunk[1], options.chunk[2]};
      options.deflate = layout.compression;
    }
    for (const ColumnInfo* column : layout.columns) {
      DataSet dataset = create_column(group, *column, shape, options);
      describe(dataset, {column->unit, "replicate,year,dwelling", column->description});
      set_names(dataset, *column);
      dwelling_.push_back(std::move(dataset));
    }

    // Per cité, written replicate by replicate like /dwelling; /aggregate's own
    // datasets (small: R x Y) are written by commit().
    Group aggregate = out_->create_group("aggregate");
    Group by_cite = aggregate.create_group("by_cite");
    for (const AggregateInfo& a : aggregate_columns) {
      const std::vector<std::size_t> cite_shape = aggregate_shape({layout.replicates, years, cites_}, a);
      DataSetOptions cite_options;
      if (layout.replicates * years * cites_ > 0) {
        cite_options.chunk = cite_shape;
        cite_options.chunk[0] = 1;
        cite_options.deflate = layout.compression;
      }
      DataSet dataset = a.is_count() ? by_cite.create_dataset<std::int64_t>(a.name, cite_shape, cite_options)
                                     : by_cite.create_dataset<double>(a.name, cite_shape, cite_options);
      describe(dataset, {a.unit, aggregate_dims("replicate,year,cite", a), a.description});
      name_bins(dataset, a);
      by_cite_.push_back(std::move(dataset));
    }
    spend_by_cite_.emplace(
        create_spend_by_cite(by_cite, layout.replicates, years, cites_, layout.funders, layout.compression));
  } catch (...) {
    spend_by_cite_.reset();
    by_cite_.clear();
    dwelling_.clear();
    out_.reset();
    partial_.discard();
    throw;
  }
}

ResultsWriter::~ResultsWriter() {
  if (committed_) return;
  spend_by_cite_.reset();
  by_cite_.clear();
  dwelling_.clear();
  out_.reset();  // closes, swallowing errors: the file is being discarded
  partial_.discard();
}

void ResultsWriter::write_replicate(std::size_t r, const ReplicateRecord& record) {
  CORON_ASSERT(!committed_ && r < layout_.replicates);
  CORON_ASSERT(record.years == layout_.years.size() && record.dwellings == dwellings_ &&
               record.cites == cites_);
  if (r < std::min(layout_.replicates, layout_.dwelling_replicates)) {
    CORON_ASSERT(record.columns == layout_.columns);
    for (std::size_t k = 0; k < dwelling_.size(); ++k)
      std::visit([&](const auto& values) { write_dwelling_rows(dwelling_[k], r, values); }, record.values[k]);
    works_.add(r, record.works);
  }
  CORON_ASSERT(record.funders == layout_.funders.size());
  write_cite_totals(by_cite_, *spend_by_cite_, r, &record);
}

void ResultsWriter::suspend() {
  CORON_ASSERT(out_.has_value() && !committed_);
  spend_by_cite_.reset();
  by_cite_.clear();
  dwelling_.clear();
  out_->close();
  out_.reset();
}

void ResultsWriter::resume() {
  CORON_ASSERT(!out_.has_value() && !committed_);
  out_.emplace(File::open_to_write(partial_.path()));
}

void ResultsWriter::add_works(std::size_t r, const WorksTable& works) {
  CORON_ASSERT(r < std::min(layout_.replicates, layout_.dwelling_replicates));
  works_.add(r, works);
}

template <class T>
void ResultsWriter::write_dwelling_rows(DataSet& dataset, std::size_t r, const std::vector<T>& values) {
  const std::size_t years = layout_.years.size();
  if (layout_.compression == 0 || years * dwellings_ == 0) {
    const std::array<std::size_t, 3> offset{r, 0, 0};
    const std::array<std::size_t, 3> count{1, years, dwellings_};
    dataset.write_slab<T>(offset, count, std::span<const T>(values));
    return;
  }
  // Deflate dominates the writing time when values change every year (about 60 MB/s on
  // one core), so the chunks of a replicate are shuffled and deflated on every core, then
  // handed to HDF5 as stored, one after another. Same bytes as HDF5's own filters.
  const std::size_t cy = dwelling_chunk_[1];
  const std::size_t cd = dwelling_chunk_[2];
  struct Chunk {
    std::size_t y0, d0;
    std::vector<std::byte> stored;
  };
  std::vector<Chunk> chunks;
  for (std::size_t y0 = 0; y0 < years; y0 += cy)
    for (std::size_t d0 = 0; d0 < dwellings_; d0 += cd) chunks.push_back({y0, d0, {}});
  coron::parallel_for(chunks.size(), [&](std::size_t i) {
    Chunk& c = chunks[i];
    std::vector<T> raw(cy * cd, T{});  // a chunk past the edge is padded, as HDF5 pads it
    for (std::size_t y = c.y0; y < std::min(years, c.y0 + cy); ++y) {
      const std::size_t n = std::min(dwellings_, c.d0 + cd) - c.d0;
      std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(y * dwellings_ + c.d0), n,
                  raw.begin() + static_cast<std::ptrdiff_t>((y - c.y0) * cd));
    }
    c.stored = shuffle_deflate(std::as_bytes(std::span<const T>(raw)), sizeof(T), layout_.compression);
  });
  for (const Chunk& c : chunks) {
    const std::array<std::size_t, 3> offset{r, c.y0, c.d0};
    dataset.write_chunk(offset, c.stored);
  }
}

void ResultsWriter::commit(const Aggregates& aggregates) {
  CORON_ASSERT(!committed_);
  CORON_ASSERT(aggregates.replicates == layout_.replicates && aggregates.years == layout_.years.size());
  {
    Group group = out_->open_group("aggregate");
    write_aggregate(group, aggregates);
    write_spend_by_funder(group, aggregates);
  }
  write_allocation(*out_, aggregates);
  works_.write(*out_, *stock_, layout_.funders, layout_.measures);
  spend_by_cite_.reset();
  by_cite_.clear();
  dwelling_.clear();
  attach_dimension_scales(*out_, result_coordinates(layout_, *stock_));
  // Closed before the rename: only a complete, closed file carries the final name.
  out_->close();
  out_.reset();
  partial_.commit();
  committed_ = true;
}

void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec, const detail::DwellingChunk& chunk) {
  ResultsLayout layout;
  layout.replicates = results.aggregates.replicates;
  layout.years = results.aggregates.year;
  layout.columns = recorded_columns(spec.dwelling_columns);
  layout.dwelling_replicates = static_cast<std::size_t>(std::max(0, spec.dwelling_replicates));
  layout.compression = spec.compression;
  layout.funders = results.aggregates.funders;
  layout.measures = results.measures;
  CORON_ASSERT(results.replicates.size() == layout.replicates);
  ResultsWriter writer(file, meta, stock, layout, chunk);
  for (std::size_t r = 0; r < results.replicates.size(); ++r)
    writer.write_replicate(r, results.replicates[r]);
  writer.commit(results.aggregates);
}

}  // namespace coron::io
