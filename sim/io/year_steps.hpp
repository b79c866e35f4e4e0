#pragma once
#include "io/yaml_reader.hpp"

#include "coron/scenario.hpp"

#include <string_view>
#include <vector>

// A step function of the year written as a YAML mapping {year: value, ...}: prices,
// rents, funders' envelopes. Shared so that every such table is read and reported alike.

namespace coron::io {

inline constexpr int data_min_year = 2000;
inline constexpr int data_max_year = 2100;

/// The mapping `key` of `r` as year steps sorted by year whatever the order written,
/// values in [lo, hi]. Each bad year or value is reported at its own place; a missing
/// key or one that is not a non-empty mapping is reported once. Nothing is returned for
/// the entries in error.
[[nodiscard]] std::vector<YearStep> read_year_steps(MapReader& r, std::string_view key, double lo, double hi);

}  // namespace coron::io
