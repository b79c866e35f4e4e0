#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

// What the column registry (coron/columns.hpp) says about one column: its name
// (the C++ member, the CSV header and the HDF5 dataset name are one and the same),
// element type, unit, description, and the values a user may give it. Readers,
// writers, the state hash and the tests iterate over these descriptions instead
// of listing columns by hand.

namespace coron {

/// Element type of a column as stored in memory and in HDF5.
enum class ColumnType : std::uint8_t { f64, i64, i32, i16, u8 };

template <class T>
[[nodiscard]] consteval ColumnType column_type_of() {
  if constexpr (std::is_same_v<T, double>)
    return ColumnType::f64;
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return ColumnType::i64;
  else if constexpr (std::is_same_v<T, std::int32_t>)
    return ColumnType::i32;
  else if constexpr (std::is_same_v<T, std::int16_t>)
    return ColumnType::i16;
  else {
    static_assert(std::is_same_v<T, std::uint8_t>, "column types: double, int64, int32, int16, uint8");
    return ColumnType::u8;
  }
}

/// The HDF5-style name of a column type: "float64", "int64", "int32", "int16", "uint8".
[[nodiscard]] constexpr std::string_view column_type_name(ColumnType type) noexcept {
  switch (type) {
    case ColumnType::f64:
      return "float64";
    case ColumnType::i64:
      return "int64";
    case ColumnType::i32:
      return "int32";
    case ColumnType::i16:
      return "int16";
    case ColumnType::u8:
      break;
  }
  return "uint8";
}

/// How a column's text values are read and which are accepted.
enum class ValueKind : std::uint8_t { real, integer, flag, enumeration };

/// Which tables hold a column: the stock only (identity), the stock and each
/// replicate's state (thermal, household: the stock gives their initial value),
/// or the state only (output: computed every year, recorded in /dwelling).
enum class ColumnGroup : std::uint8_t { identity, thermal, household, works, output };

/// The values a column accepts, and how it appears in the stock CSV. Built with
/// the constexpr factories below, e.g. `ColumnSpec::real(0, 1e4, "an area in m2")`.
struct ColumnSpec {
  ValueKind kind = ValueKind::real;
  double min = 0.0;
  double max = 0.0;
  bool min_open = false;                    ///< min itself excluded
  std::span<const std::string_view> names;  ///< enumeration: the value names, by index
  std::string_view expected;                ///< what a bad value is told it should be
  bool in_csv = true;                       ///< false: derived (cite_id) or computed (outputs)
  /// Stock CSV format in which the column first appeared; older files lack it.
  int since_format = 1;
  /// Its value in a file older than since_format: legacy_factor x the older
  /// column `legacy_column` when one is named, else `fallback`.
  std::string_view legacy_column;
  double legacy_factor = 0.0;
  double fallback = 0.0;

  [[nodiscard]] static constexpr ColumnSpec real(double lo, double hi, std::string_view expected,
                                                 bool lo_open = false) {
    ColumnSpec s;
    s.kind = ValueKind::real;
    s.min = lo;
    s.max = hi;
    s.min_open = lo_open;
    s.expected = expected;
    return s;
  }
  [[nodiscard]] static constexpr ColumnSpec integer(double lo, double hi, std::string_view expected) {
    ColumnSpec s = real(lo, hi, expected);
    s.kind = ValueKind::integer;
    return s;
  }
  [[nodiscard]] static constexpr ColumnSpec flag() {
    ColumnSpec s = integer(0, 1, "0 or 1");
    s.kind = ValueKind::flag;
    return s;
  }
  template <std::size_t N>
  [[nodiscard]] static constexpr ColumnSpec enumeration(const std::array<std::string_view, N>& value_names) {
    ColumnSpec s = integer(0, static_cast<double>(N - 1), {});
    s.kind = ValueKind::enumeration;
    s.names = value_names;
    return s;
  }
  /// Not read from nor written to the stock CSV.
  [[nodiscard]] constexpr ColumnSpec not_in_csv() const {
    ColumnSpec s = *this;
    s.in_csv = false;
    return s;
  }
  /// Added in stock CSV format `format`; older files get `factor` x `legacy` for it.
  [[nodiscard]] constexpr ColumnSpec since(int format, std::string_view legacy, double factor) const {
    ColumnSpec s = *this;
    s.since_format = format;
    s.legacy_column = legacy;
    s.legacy_factor = factor;
    return s;
  }
  /// Added in stock CSV format `format`; older files get the constant `value`.
  [[nodiscard]] constexpr ColumnSpec since(int format, double value) const {
    ColumnSpec s = *this;
    s.since_format = format;
    s.fallback = value;
    return s;
  }
};

/// One column of the registry.
struct ColumnInfo {
  std::string_view name;  ///< C++ member, CSV header, HDF5 dataset name
  ColumnType type;
  std::string_view unit;  ///< "m2", "W/(m2.K)", "kWh/yr", "1" for counts, flags and enums
  ColumnSpec spec;
  std::string_view description;
  ColumnGroup group;
};

}  // namespace coron
