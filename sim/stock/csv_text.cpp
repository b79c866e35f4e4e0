#include "stock/csv_text.hpp"

namespace coron::stock {

std::vector<CsvRecord> split_csv(std::string_view text, std::string& error, int& error_line,
                                 int& error_column) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  CsvField field;
  int line = 1;
  int column = 1;
  bool at_field_start = true;
  bool record_has_content = false;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field = CsvField{};
    at_field_start = true;
  };
  auto end_record = [&] {
    if (record_has_content) {
      end_field();
      records.push_back(std::move(record));
    }
    record = CsvRecord{};
    field = CsvField{};
    at_field_start = true;
    record_has_content = false;
  };

  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (at_field_start) {
      field.line = line;
      field.column = column;
      if (!record_has_content) record.line = line;
      at_field_start = false;
      if (c == '"') {
        // Quoted field: read up to the closing quote ("" stands for one quote).
        const int quote_line = line;
        const int quote_column = column;
        ++i;
        ++column;
        record_has_content = true;
        bool closed = false;
        while (i < text.size()) {
          const char q = text[i];
          if (q == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              i += 2;
              column += 2;
              continue;
            }
            ++i;
            ++column;
            closed = true;
            break;
          }
          if (q == '\n') {
            ++line;
            column = 1;
          } else {
            ++column;
          }
          field.text += q;
          ++i;
        }
        if (!closed) {
          error = "unterminated quoted field";
          error_line = quote_line;
          error_column = quote_column;
          return records;
        }
        continue;
      }
    }
    if (c == ',') {
      record_has_content = true;
      end_field();
      ++i;
      ++column;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      ++i;
      ++line;
      column = 1;
    } else {
      record_has_content = true;
      field.text += c;
      ++i;
      ++column;
    }
  }
  end_record();
  return records;
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace coron::stock
