#include "io/replicate_slabs.hpp"

#include "io/works_writer.hpp"

#include "coron/aggregates.hpp"
#include "coron/error.hpp"

#include <algorithm>
#include <array>
#include <variant>

namespace coron::io {

std::vector<std::int64_t> as_counts(const std::vector<double>& values) {
  std::vector<std::int64_t> counts(values.size());
  std::transform(values.begin(), values.end(), counts.begin(),
                 [](double v) { return static_cast<std::int64_t>(v); });
  return counts;
}

void write_cite_totals(std::span<DataSet> by_cite, DataSet& spend_by_funder, std::size_t r,
                       const ReplicateRecord* record, detail::hid transfer) {
  CORON_ASSERT(by_cite.size() == aggregate_columns.size());
  CORON_ASSERT(record == nullptr || record->by_cite.size() == by_cite.size());
  for (std::size_t k = 0; k < by_cite.size(); ++k) {
    const AggregateInfo& a = aggregate_columns[k];
    std::vector<std::size_t> offset{record ? r : 0, 0, 0};
    std::vector<std::size_t> count{record ? 1U : 0U, record ? record->years : 0, record ? record->cites : 0};
    if (a.kind == AggregateKind::histogram) {
      offset.push_back(0);
      count.push_back(record ? a.bins : 0);
    }
    const std::vector<double> none;
    const std::vector<double>& values = record ? record->by_cite[k] : none;
    if (a.is_count())
      by_cite[k].write_slab<std::int64_t>(offset, count, as_counts(values), transfer);
    else
      by_cite[k].write_slab<double>(offset, count, values, transfer);
  }
  write_spend_by_cite(spend_by_funder, r, record, transfer);
}

ReplicateSlabs::ReplicateSlabs(const std::filesystem::path& file, const ResultsLayout& layout,
                               detail::hid access, detail::hid transfer)
    : layout_(layout), transfer_(transfer), file_(File::open_to_write(file, access)) {
  for (const ColumnInfo* column : layout.columns)
    dwelling_.push_back(file_->open_dataset(std::string("/dwelling/") + std::string(column->name)));
  for (const AggregateInfo& a : aggregate_columns)
    by_cite_.push_back(file_->open_dataset(std::string("/aggregate/by_cite/") + std::string(a.name)));
  spend_by_cite_.emplace(file_->open_dataset("/aggregate/by_cite/spend_by_funder"));
}

void ReplicateSlabs::write(std::size_t r, const ReplicateRecord* record, bool dwelling_rows,
                           std::size_t first_dwelling, bool cite_totals) {
  if (dwelling_rows) {
    const bool own = record != nullptr && r < std::min(layout_.replicates, layout_.dwelling_replicates);
    CORON_ASSERT(!own || record->columns == layout_.columns);
    for (std::size_t k = 0; k < dwelling_.size(); ++k) {
      const std::size_t years = own ? record->years : 0, dwellings = own ? record->dwellings : 0;
      const std::array<std::size_t, 3> offset{own ? r : 0, 0, own ? first_dwelling : 0};
      const std::array<std::size_t, 3> count{own ? 1U : 0U, years, dwellings};
      // HDF5 deflates each chunk as it writes it: every chunk holds one replicate's rows, so
      // one rank's, or, with slices, those of the ranks whose slices it spans, which parallel
      // HDF5 (1.10.2 and later) brings together on one of them.
      const ColumnValues none = zeros_of(layout_.columns[k]->type, 0);
      std::visit(
          [&](const auto& values) {
            using T = typename std::decay_t<decltype(values)>::value_type;
            dwelling_[k].write_slab<T>(offset, count, values, transfer_);
          },
          own ? record->values[k] : none);
    }
  }
  write_cite_totals(by_cite_, *spend_by_cite_, r, cite_totals ? record : nullptr, transfer_);
}

void ReplicateSlabs::close() {
  dwelling_.clear();
  by_cite_.clear();
  spend_by_cite_.reset();
  file_->close();
  file_.reset();
}

}  // namespace coron::io
