#pragma once
#include "io/h5_file.hpp"

#include "coron/stock.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// Reading back a results file written by write_results (docs/hdf5-schema.md):
// for tests and for comparing two runs. Dataset and object names are HDF5
// paths such as "/dwelling/label" or "/meta".

namespace coron::io {

/// A results file opened read-only. Every failure throws H5Error naming the
/// file and object. One thread at a time (HDF5 serialises calls anyway).
class ResultsReader {
 public:
  explicit ResultsReader(const std::filesystem::path& file);

  /// True when `path` names an existing group or dataset.
  [[nodiscard]] bool exists(std::string_view path) const;
  /// Absolute paths of every dataset in the file, in name order, coordinates included.
  [[nodiscard]] std::vector<std::string> datasets() const;
  /// True when the dataset is the coordinate of an axis (an HDF5 dimension scale, schema 4 on):
  /// not data, but the values along the axis its group's datasets name.
  [[nodiscard]] bool is_coordinate(std::string_view dataset) const;
  /// Extent of each dimension of a dataset.
  [[nodiscard]] std::vector<std::size_t> shape(std::string_view dataset) const;
  /// "float64", "int64", "int32", "uint8", "uint64" or "string".
  [[nodiscard]] std::string type_name(std::string_view dataset) const;

  /// Whole dataset, row-major, converted by HDF5 to the requested type.
  [[nodiscard]] std::vector<double> read_double(std::string_view dataset) const;
  [[nodiscard]] std::vector<std::uint8_t> read_uint8(std::string_view dataset) const;
  [[nodiscard]] std::vector<std::int16_t> read_int16(std::string_view dataset) const;
  [[nodiscard]] std::vector<std::int32_t> read_int32(std::string_view dataset) const;
  [[nodiscard]] std::vector<std::int64_t> read_int64(std::string_view dataset) const;
  [[nodiscard]] std::vector<std::string> read_strings(std::string_view dataset) const;
  /// Values as stored, without conversion: equal bytes mean bit-identical data.
  [[nodiscard]] std::vector<std::byte> raw_bytes(std::string_view dataset) const;

  /// Attributes of a group or dataset ("/" for the root).
  [[nodiscard]] std::vector<std::string> attribute_names(std::string_view object) const;
  [[nodiscard]] std::string string_attribute(std::string_view object, std::string_view name) const;
  [[nodiscard]] std::vector<std::string> string_array_attribute(std::string_view object,
                                                                std::string_view name) const;
  [[nodiscard]] std::int64_t int_attribute(std::string_view object, std::string_view name) const;
  [[nodiscard]] std::uint64_t uint64_attribute(std::string_view object, std::string_view name) const;

  /// The underlying file, for anything not covered above.
  [[nodiscard]] const File& file() const noexcept { return file_; }

 private:
  // A dataset or a group, whichever `path` names, to read attributes from.
  template <class F>
  decltype(auto) with_object(std::string_view path, F&& f) const;

  File file_;
};

/// The stock a results file was run on: every registry column of /stock and the
/// /cites table. Throws H5Error when a column is missing or of another type.
[[nodiscard]] Stock read_stock(const ResultsReader& in);

}  // namespace coron::io
