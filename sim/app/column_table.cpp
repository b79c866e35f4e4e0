#include "app/column_table.hpp"

#include <fmt/core.h>

namespace coron::app {

std::string column_table(std::span<const ColumnInfo> columns) {
  std::string out = "| column | type | units | content |\n|---|---|---|---|\n";
  for (const ColumnInfo& c : columns) {
    std::string content(c.description);
    if (c.spec.kind == ValueKind::enumeration) {
      content += " `names` =";
      for (std::size_t k = 0; k < c.spec.names.size(); ++k)
        content += fmt::format("{} {}", k ? "," : "", c.spec.names[k]);
      content += ".";
    }
    if (!c.spec.in_csv && c.group != ColumnGroup::output && c.group != ColumnGroup::works)
      content += " Not in the stock CSV.";
    out += fmt::format("| `{}` | {} | {} | {} |\n", c.name, column_type_name(c.type), c.unit, content);
  }
  return out;
}

}  // namespace coron::app
