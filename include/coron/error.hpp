#pragma once
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace coron {

/// One problem found in a user's input: where it is and what was expected.
struct Diagnostic {
  std::string file;  ///< path as given by the user
  int line = 0;      ///< 1-based; 0 when the file itself is the problem
  int column = 0;    ///< 1-based; 0 when unknown
  std::string key;   ///< dotted path of the key, e.g. "stock.generate.seed"
  std::string message;

  /// "file:line:column: key: message" (line/column omitted when 0).
  [[nodiscard]] std::string format() const;
};

/// Bad user input (scenario, data file, stock CSV, command line). Carries every
/// problem found, so the user can fix them all at once. Maps to exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Collects diagnostics while a file is read; throws them together at the end.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(std::string file, int line, int column, std::string key, std::string message) {
    items_.push_back({std::move(file), line, column, std::move(key), std::move(message)});
  }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return items_; }
  /// Throws InputError with everything collected so far, if anything was.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace coron

/// Programmer error: prints file:line and aborts. On in every build type.
#define CORON_ASSERT(cond)                                                              \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (false)
