#pragma once
#include "app/export_tables.hpp"

#include <ostream>
#include <string>
#include <string_view>

// Writing export tables as CSV or JSON, in English or French (docs/export.md).

namespace coron::app {

enum class ExportLanguage : unsigned char {
  en,  ///< `,` between fields, `.` in numbers, English column names
  fr,  ///< `;` between fields, `,` in numbers, French column names, UTF-8 with a BOM (Excel)
};

/// A table's column name in `language`; names the translation does not know (the
/// /dwelling columns, p10 ...) are kept.
[[nodiscard]] std::string column_title(std::string_view column, ExportLanguage language);

/// A real in the shortest form that reads back to the same double; `,` for `.` in French.
/// Not finite: "NaN", "inf" or "-inf".
[[nodiscard]] std::string format_real(double value, ExportLanguage language);

/// `table` as CSV: a header row, then a row per observation (RFC 4180 quoting, `\n`
/// line ends). French: `;`, decimal commas, a UTF-8 BOM first.
void write_table_csv(std::ostream& out, const ExportTable& table, ExportLanguage language);

/// `table` as a JSON array of records, one object per row, keyed by the column titles;
/// numbers as numbers, an empty cell as null, a non-finite real as null.
void write_table_json(std::ostream& out, const ExportTable& table, ExportLanguage language);

/// The provenance as a two-column table (attribute, value), for CSV.
[[nodiscard]] ExportTable meta_table(const ExportMeta& meta);

/// The provenance as one JSON object {attribute: value}.
void write_meta_json(std::ostream& out, const ExportMeta& meta);

}  // namespace coron::app
