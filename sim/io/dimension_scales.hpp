#pragma once
#include "io/h5_file.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

// NetCDF-4 readers (xarray with h5netcdf, R's ncdf4, Panoply) name a dataset's axes by the HDF5
// dimension scales attached to them; without scales they invent "phony_dim_N" names. Every
// dataset coron writes says its axes in its `dimensions` attribute ("replicate,year,cite"):
// this pass reads those attributes, puts in each group one coordinate dataset per axis name
// used there (the netCDF rule: a variable's dimensions are visible from its own group), makes
// it a dimension scale and attaches it. A group's own one-dimensional dataset of that name and
// length serves as the coordinate when there is one.

namespace coron::io {

/// The values along one named axis, with their unit and meaning.
struct Coordinate {
  std::variant<std::vector<std::int64_t>, std::vector<double>, std::vector<std::string>> values;
  std::string units = "1";
  std::string description;
};

/// Coordinates by axis name; an axis not listed (or listed with another length than a
/// dataset's extent along it) gets its indices 0 .. n-1.
using Coordinates = std::map<std::string, Coordinate, std::less<>>;

/// Attaches scales to every dataset of `file` that has a `dimensions` attribute. Throws
/// H5Error on a failed HDF5 call, std::logic_error when a group holds a dataset named after an
/// axis that cannot serve as its coordinate (not one-dimensional, or another length).
void attach_dimension_scales(File& file, const Coordinates& coordinates);

}  // namespace coron::io
