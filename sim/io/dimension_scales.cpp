#include "io/dimension_scales.hpp"

#include <fmt/format.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <map>
#include <numeric>
#include <stdexcept>
#include <string_view>

namespace coron::io {

namespace {

/// "replicate,year,cite" (or "budget, quantile") -> {"replicate", "year", "cite"}.
std::vector<std::string> axis_names(std::string_view dims) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= dims.size()) {
    const std::size_t end = std::min(dims.find(',', begin), dims.size());
    std::string_view name = dims.substr(begin, end - begin);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    out.emplace_back(name);
    begin = end + 1;
  }
  return out;
}

std::string parent_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string child_of(const std::string& group, std::string_view name) {
  return group == "/" ? fmt::format("/{}", name) : fmt::format("{}/{}", group, name);
}

std::size_t length_of(const Coordinate& c) {
  return std::visit([](const auto& values) { return values.size(); }, c.values);
}

/// Writes the coordinate of `axis` at `path` with `length` values: the caller's when they
/// have that length, else the indices.
DataSet write_coordinate(File& file, const std::string& path, std::string_view axis, std::size_t length,
                         const Coordinates& coordinates) {
  const auto known = coordinates.find(axis);
  const bool given = known != coordinates.end() && length_of(known->second) == length;
  const std::array<std::size_t, 1> shape{length};
  DataSet dataset = [&] {
    if (!given) {
      std::vector<std::int64_t> indices(length);
      std::iota(indices.begin(), indices.end(), std::int64_t{0});
      DataSet d = file.create_dataset<std::int64_t>(path, shape);
      d.write<std::int64_t>(indices);
      return d;
    }
    return std::visit(
        [&](const auto& values) {
          using T = typename std::decay_t<decltype(values)>::value_type;
          if constexpr (std::is_same_v<T, std::string>) {
            return file.write_strings(path, values);
          } else {
            DataSet d = file.create_dataset<T>(path, shape);
            d.write<T>(values);
            return d;
          }
        },
        known->second.values);
  }();
  dataset.set_attribute("units", given ? std::string_view(known->second.units) : std::string_view("1"));
  dataset.set_attribute("dimensions", axis);
  dataset.set_attribute("description", given && !known->second.description.empty()
                                           ? known->second.description
                                           : fmt::format("Index along the {} axis, from 0.", axis));
  return dataset;
}

struct Axis {
  std::size_t length = 0;
  /// (dataset path, axis position) of every dataset along it.
  std::vector<std::pair<std::string, unsigned>> users;
};

}  // namespace

void attach_dimension_scales(File& file, const Coordinates& coordinates) {
  // Group -> axis name -> its users, from the `dimensions` attributes.
  std::map<std::string, std::map<std::string, Axis, std::less<>>> groups;
  for (const std::string& path : file.dataset_paths()) {
    const DataSet dataset = file.open_dataset(path);
    if (!dataset.has_attribute("dimensions")) continue;
    const std::vector<std::string> names = axis_names(dataset.string_attribute("dimensions"));
    const std::vector<std::size_t> shape = dataset.shape();
    if (names.size() != shape.size())
      throw std::logic_error(
          fmt::format("{}: {} dimension names for {} axes", path, names.size(), shape.size()));
    for (unsigned k = 0; k < names.size(); ++k) {
      Axis& axis = groups[parent_of(path)][names[k]];
      if (!axis.users.empty() && axis.length != shape[k])
        throw std::logic_error(fmt::format("{}: axis {} has {} values, {} elsewhere in its group", path,
                                           names[k], shape[k], axis.length));
      axis.length = shape[k];
      axis.users.emplace_back(path, k);
    }
  }
  for (const auto& [group, axes] : groups) {
    for (const auto& [axis_name, axis_info] : axes) {
      // Named references, not the structured bindings: lambdas capture bindings only since
      // clang 16, and the sanitizer and fuzzing builds use clang 14.
      const std::string& name = axis_name;
      const Axis& axis = axis_info;
      const std::string path = child_of(group, name);
      DataSet scale = [&] {
        if (!file.exists(path)) return write_coordinate(file, path, name, axis.length, coordinates);
        DataSet own = file.open_dataset(path);
        if (own.shape() != std::vector<std::size_t>{axis.length})
          throw std::logic_error(
              fmt::format("{} cannot be the coordinate of its group's {} axis", path, name));
        return own;
      }();
      detail::check(H5DSset_scale(scale.id(), name.c_str()), "H5DSset_scale", path);
      for (const auto& [user, k] : axis.users) {
        if (user == path) continue;  // a coordinate is its own scale
        const DataSet dataset = file.open_dataset(user);
        detail::check(H5DSattach_scale(dataset.id(), scale.id(), k), "H5DSattach_scale", user);
      }
    }
  }
}

}  // namespace coron::io
