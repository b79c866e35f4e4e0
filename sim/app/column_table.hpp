#pragma once
#include "coron/column.hpp"

#include <span>
#include <string>

namespace coron::app {

/// The registry columns as a Markdown table (name, type, units, content), as
/// `coron columns` prints it and docs/hdf5-schema.md shows it.
[[nodiscard]] std::string column_table(std::span<const ColumnInfo> columns);

}  // namespace coron::app
