#pragma once
// Results files written by hand, with known values, for `coron compare`: the
// /meta attributes, /years, a tiny /stock and whichever /aggregate datasets a
// case needs, laid out as docs/hdf5-schema.md says.
#include "io/h5_file.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace coron::testing {

struct HandDataset {
  std::vector<std::size_t> shape;  ///< [R, Y] or [R, Y, bins]
  std::vector<double> values;      ///< row-major
  bool integer = false;            ///< stored int64 (counts), else float64
  std::string bins_attribute;      ///< "funders" or "names" when the bins are named
  std::vector<std::string> bin_names;
};

struct HandRun {
  std::string scenario = "hand";
  std::uint64_t seed = 5;
  int replicates = 3;
  std::vector<std::int32_t> years = {2018, 2019, 2020};
  int schema_version = 2;
  std::vector<std::int64_t> dwelling_ids = {1, 2, 3};  ///< /stock/dwelling_id: the stock
  std::map<std::string, HandDataset> aggregates;       ///< by NAME under /aggregate

  /// A count [R, Y] given replicate by replicate ({{y0, y1, ...}, ...}).
  void counts(const std::string& name, const std::vector<std::vector<double>>& by_replicate) {
    add(name, by_replicate, true);
  }
  /// A float64 sum [R, Y] given replicate by replicate.
  void sums(const std::string& name, const std::vector<std::vector<double>>& by_replicate) {
    add(name, by_replicate, false);
  }
  /// label_count [R, Y, 7], the same histogram every year but the last, which gets `last`.
  void labels(const std::vector<std::vector<double>>& steady, const std::vector<std::vector<double>>& last) {
    HandDataset d{{steady.size(), years.size(), 7}, {}, true, "names", {"A", "B", "C", "D", "E", "F", "G"}};
    for (std::size_t r = 0; r < steady.size(); ++r)
      for (std::size_t y = 0; y < years.size(); ++y)
        for (const double v : (y + 1 == years.size() ? last : steady)[r]) d.values.push_back(v);
    aggregates["label_count"] = d;
  }

 private:
  void add(const std::string& name, const std::vector<std::vector<double>>& by_replicate, bool integer) {
    HandDataset d{{by_replicate.size(), years.size()}, {}, integer, {}, {}};
    for (const auto& row : by_replicate) d.values.insert(d.values.end(), row.begin(), row.end());
    aggregates[name] = d;
  }
};

inline void write_hand_run(const std::filesystem::path& file, const HandRun& run) {
  io::File out = io::File::create(file);
  {  // every group and dataset closed before the file is
    io::Group meta = out.create_group("meta");
    meta.set_attribute("schema_version", run.schema_version);
    meta.set_attribute("scenario_name", run.scenario);
    meta.set_attribute("seed", run.seed);
    meta.set_attribute("replicates", run.replicates);
    meta.set_attribute("start_year", run.years.front());
    meta.set_attribute("end_year", run.years.back());
    const std::vector<std::size_t> year_shape = {run.years.size()};
    out.create_dataset<std::int32_t>("years", year_shape).write(std::span<const std::int32_t>(run.years));
    io::Group stock = out.create_group("stock");
    const std::vector<std::size_t> stock_shape = {run.dwelling_ids.size()};
    stock.create_dataset<std::int64_t>("dwelling_id", stock_shape)
        .write(std::span<const std::int64_t>(run.dwelling_ids));
    io::Group aggregate = out.create_group("aggregate");
    for (const auto& [name, d] : run.aggregates) {
      io::DataSet ds = d.integer ? aggregate.create_dataset<std::int64_t>(name, d.shape)
                                 : aggregate.create_dataset<double>(name, d.shape);
      if (d.integer) {
        std::vector<std::int64_t> values;
        for (const double v : d.values) values.push_back(static_cast<std::int64_t>(v));
        ds.write(std::span<const std::int64_t>(values));
      } else {
        ds.write(std::span<const double>(d.values));
      }
      if (!d.bins_attribute.empty()) {
        const std::vector<std::string_view> names(d.bin_names.begin(), d.bin_names.end());
        ds.set_attribute(d.bins_attribute, std::span<const std::string_view>(names));
      }
    }
  }
  out.close();
}

}  // namespace coron::testing
