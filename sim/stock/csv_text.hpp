#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Splitting CSV text (RFC 4180: comma separator, fields in double quotes may hold
// commas, quotes doubled, and line breaks) while remembering where each field
// starts, so that a problem can be reported as file:line:column.

namespace coron::stock {

/// One field of a CSV record and where it starts in the file (1-based).
struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;
};

/// One record: its fields and the line it starts on.
struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;
};

/// Splits `text` into records. Empty lines are skipped; a trailing '\r' is dropped.
/// An unterminated quote is reported through `error` (line:column of the quote).
std::vector<CsvRecord> split_csv(std::string_view text, std::string& error, int& error_line,
                                 int& error_column);

/// `field` quoted when it holds a comma, a quote or a line break.
std::string csv_escape(std::string_view field);

}  // namespace coron::stock
