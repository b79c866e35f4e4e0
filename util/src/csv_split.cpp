#include "util/csv_split.hpp"

#include <cstddef>
#include <utility>

namespace coron::util {
namespace {

/// Walks the text once, keeping the line and column of the next character.
class Splitter {
 public:
  Splitter(std::string_view text, const std::function<void(const CsvRecord&)>& on_record)
      : text_(text), on_record_(on_record) {}

  void run(std::string& error, int& error_line, int& error_column) {
    while (i_ < text_.size()) {
      if (at_field_start_) {
        start_field();
        if (peek() == '"') {
          if (!quoted_field()) break;
          continue;
        }
      }
      const char c = peek();
      if (c == ',') {
        has_content_ = true;
        advance();
        end_field();
      } else if (c == '\n' || c == '\r') {
        line_end();
      } else if (c == '"') {
        fail("quote inside an unquoted field (quote the whole field and double the quote)");
        break;
      } else {
        has_content_ = true;
        field_.text += c;
        advance();
      }
    }
    if (error_.empty()) end_record();
    error = std::move(error_);
    error_line = error_line_;
    error_column = error_column_;
  }

 private:
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0';
  }
  [[nodiscard]] bool at_line_end() const { return peek() == '\n' || peek() == '\r'; }

  void advance() {
    ++i_;
    ++column_;
  }
  /// Consumes "\n", "\r\n" or "\r".
  void skip_line_end() {
    if (peek() == '\r' && peek(1) == '\n') ++i_;
    ++i_;
    ++line_;
    column_ = 1;
  }

  void start_field() {
    field_.line = line_;
    field_.column = column_;
    if (!has_content_) record_.line = line_;
    at_field_start_ = false;
  }
  void end_field() {
    record_.fields.push_back(std::move(field_));
    field_ = CsvField{};
    at_field_start_ = true;
  }
  void line_end() {
    end_record();
    skip_line_end();
  }
  void end_record() {
    if (has_content_) {
      end_field();
      on_record_(record_);
    }
    record_.fields.clear();  // keeps its room for the next record
    field_ = CsvField{};
    at_field_start_ = true;
    has_content_ = false;
  }

  /// Reads a quoted field up to its closing quote and what must follow it.
  bool quoted_field() {
    const int quote_line = line_;
    const int quote_column = column_;
    has_content_ = true;
    advance();
    while (i_ < text_.size()) {
      const char c = peek();
      if (c == '"') {
        if (peek(1) == '"') {  // "" stands for one quote
          field_.text += '"';
          advance();
          advance();
          continue;
        }
        advance();
        if (i_ < text_.size() && peek() != ',' && !at_line_end()) {
          fail("unexpected text after a closing quote (double a quote inside a quoted field)");
          return false;
        }
        return true;
      }
      if (c == '\n' || c == '\r') {
        field_.text += '\n';
        skip_line_end();
        continue;
      }
      field_.text += c;
      advance();
    }
    error_line_ = quote_line;
    error_column_ = quote_column;
    error_ = "unterminated quoted field (no closing quote)";
    return false;
  }

  void fail(std::string message) {
    error_ = std::move(message);
    error_line_ = line_;
    error_column_ = column_;
  }

  std::string_view text_;
  const std::function<void(const CsvRecord&)>& on_record_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  CsvRecord record_;
  CsvField field_;
  bool at_field_start_ = true;
  bool has_content_ = false;  ///< the current record has a field or a separator
  std::string error_;
  int error_line_ = 0;
  int error_column_ = 0;
};

}  // namespace

std::vector<CsvRecord> split_csv(std::string_view text, std::string& error, int& error_line,
                                 int& error_column) {
  std::vector<CsvRecord> records;
  for_each_csv_record(
      text, [&records](const CsvRecord& record) { records.push_back(record); }, error, error_line,
      error_column);
  return records;
}

void for_each_csv_record(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
                         std::string& error, int& error_line, int& error_column) {
  Splitter(text, on_record).run(error, error_line, error_column);
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

}  // namespace coron::util
