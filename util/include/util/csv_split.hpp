#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Splitting CSV text while remembering where each field starts, so that a problem
// can be reported as file:line:column. The dialect is RFC 4180 with these choices:
//  - the separator is ',' and a record ends at "\n", "\r\n" or a lone "\r"
//    (the '\r' of a CRLF file never reaches a field, the last one included);
//  - a field whose first character is '"' is quoted: it may hold commas and line
//    breaks (each read as "\n", whatever the file uses), and "" in it is one '"';
//  - a quote anywhere else is an error, not a literal character: inside an unquoted
//    field (a"b) or text after a closing quote ("a"b). A stray quote usually means
//    quoting went wrong earlier, and reading on would shift every later column;
//  - an unterminated quoted field is an error reported at its opening quote;
//  - empty lines are skipped; empty fields ("a,,b", a trailing comma) are kept;
//  - lines and columns are 1-based, columns count bytes;
//  - spaces are part of fields (callers trim if they wish).
// On the first error, splitting stops: the records completed before it are returned
// and the record in progress is dropped.

namespace coron::util {

/// One field of a CSV record and where it starts in the text (1-based).
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

/// Splits `text` into records (see the rules above). On a malformed quote, `error`
/// says what is wrong and `error_line`:`error_column` where; otherwise `error` is left
/// empty. Pure function, thread-safe.
std::vector<CsvRecord> split_csv(std::string_view text, std::string& error, int& error_line,
                                 int& error_column);

/// Splits `text` as split_csv does, handing each record to `on_record` as it ends instead of
/// keeping them all: a large file's records, each field a string with its place, take ten
/// times the file's size (a stock of a million dwellings, 7 GB). `on_record` sees a record
/// that is reused afterwards.
void for_each_csv_record(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
                         std::string& error, int& error_line, int& error_column);

/// `field` quoted (quotes doubled) when it holds a comma, a quote or a line break,
/// so that split_csv reads it back as one field; otherwise `field` itself.
std::string csv_escape(std::string_view field);

}  // namespace coron::util
