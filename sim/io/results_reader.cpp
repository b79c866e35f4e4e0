#include "io/results_reader.hpp"

#include <hdf5.h>
#include <hdf5_hl.h>

namespace coron::io {

ResultsReader::ResultsReader(const std::filesystem::path& file) : file_(File::open(file)) {}

bool ResultsReader::exists(std::string_view path) const { return file_.exists(path); }

std::vector<std::string> ResultsReader::datasets() const { return file_.dataset_paths(); }

bool ResultsReader::is_coordinate(std::string_view dataset) const {
  const DataSet d = file_.open_dataset(dataset);
  return detail::check(H5DSis_scale(d.id()), "H5DSis_scale", dataset) > 0;
}

std::vector<std::size_t> ResultsReader::shape(std::string_view dataset) const {
  return file_.open_dataset(dataset).shape();
}

std::string ResultsReader::type_name(std::string_view dataset) const {
  return file_.open_dataset(dataset).type_name();
}

std::vector<double> ResultsReader::read_double(std::string_view dataset) const {
  return file_.open_dataset(dataset).read<double>();
}

std::vector<std::uint8_t> ResultsReader::read_uint8(std::string_view dataset) const {
  return file_.open_dataset(dataset).read<std::uint8_t>();
}

std::vector<std::int16_t> ResultsReader::read_int16(std::string_view dataset) const {
  return file_.open_dataset(dataset).read<std::int16_t>();
}

std::vector<std::int32_t> ResultsReader::read_int32(std::string_view dataset) const {
  return file_.open_dataset(dataset).read<std::int32_t>();
}

std::vector<std::int64_t> ResultsReader::read_int64(std::string_view dataset) const {
  return file_.open_dataset(dataset).read<std::int64_t>();
}

std::vector<std::string> ResultsReader::read_strings(std::string_view dataset) const {
  return file_.open_dataset(dataset).read_strings();
}

std::vector<std::byte> ResultsReader::raw_bytes(std::string_view dataset) const {
  return file_.open_dataset(dataset).read_raw();
}

template <class F>
decltype(auto) ResultsReader::with_object(std::string_view path, F&& f) const {
  if (file_.is_dataset(path)) return f(file_.open_dataset(path));
  return f(file_.open_group(path));
}

std::vector<std::string> ResultsReader::attribute_names(std::string_view object) const {
  return with_object(object, [](const Object& o) { return o.attribute_names(); });
}

std::string ResultsReader::string_attribute(std::string_view object, std::string_view name) const {
  return with_object(object, [name](const Object& o) { return o.string_attribute(name); });
}

std::vector<std::string> ResultsReader::string_array_attribute(std::string_view object,
                                                               std::string_view name) const {
  return with_object(object, [name](const Object& o) { return o.string_array_attribute(name); });
}

std::int64_t ResultsReader::int_attribute(std::string_view object, std::string_view name) const {
  return with_object(object, [name](const Object& o) { return o.attribute<std::int64_t>(name); });
}

std::uint64_t ResultsReader::uint64_attribute(std::string_view object, std::string_view name) const {
  return with_object(object, [name](const Object& o) { return o.attribute<std::uint64_t>(name); });
}

Stock read_stock(const ResultsReader& in) {
  Stock stock;
  for_each_column(stock, [&in](const ColumnInfo& column, auto& values) {
    using T = typename std::decay_t<decltype(values)>::value_type;
    const std::string path = "/stock/" + std::string(column.name);
    const DataSet dataset = in.file().open_dataset(path);
    // HDF5 would convert silently; a column stored in another type is another schema.
    if (dataset.type_name() != column_type_name(column.type))
      throw H5Error(path + " in " + in.file().file_name().string() + ": expected " +
                    std::string(column_type_name(column.type)) + ", stored as " + dataset.type_name());
    values = dataset.read<T>();
  });
  CiteTable& c = stock.cites;
  c.name = in.read_strings("/cites/name");
  c.communes = in.read_strings("/cites/communes");
  c.epci = in.read_strings("/cites/epci");
  c.category = in.read_uint8("/cites/category");
  c.dwellings = in.read_int32("/cites/dwellings");
  c.heritage_unesco = in.read_uint8("/cites/heritage_unesco");
  c.qpv = in.read_uint8("/cites/qpv");
  return stock;
}

}  // namespace coron::io
