#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// One strict number parser for every number a user writes: YAML scalars, the
// number of a "value unit" quantity and stock CSV fields, so that they all accept
// and refuse the same texts and word the refusal the same way.
//
// Rules (std::from_chars underneath: no locale, no octal, no hex):
//  - spaces and tabs around the number are ignored, nothing else is: " 2.5\t" is 2.5;
//  - the whole rest must be the number: "2.5kg", "1.5.2", "1,5" and "1e" are refused;
//  - a leading '+' is refused (from_chars refuses it): "+5" is not a number here;
//  - hexadecimal ("0x1A") and YAML spellings (".inf", "1_000") are refused;
//  - doubles: decimal or scientific ("-.5", "5.", "1E5"); "inf" and "nan" are refused
//    as not finite, a magnitude beyond 1.8e308 as out of range, and a number other than
//    zero whose magnitude is below the smallest normal double (2.2e-308: "5e-324",
//    "1e-400") as too small: such a value is subnormal or rounds to zero, and either
//    turns a later division or product into inf or nan without any sign of it;
//  - integers: decimal digits with an optional '-' ("007" is 7); a fraction or an
//    exponent ("2.5", "1e3", "2.0") is refused as not an integer; a value beyond the
//    type is out of range; for unsigned types any negative value but "-0" is refused.

namespace coron::util {

/// Why a text is not a number of the kind asked for.
enum class NumberError : std::uint8_t {
  empty,           ///< nothing but blanks
  not_a_number,    ///< "abc", "1,5", "0x1A", "2.5kg"
  plus_sign,       ///< "+5": a leading '+'
  not_finite,      ///< "inf", "nan" (doubles)
  not_an_integer,  ///< a number, but not a whole one: "2.5", "1e3", "inf" (integers)
  negative,        ///< "-1" for an unsigned type
  out_of_range,    ///< beyond the type: "1e999" for a double, "4294967296" for a 32-bit int
  too_small,       ///< not zero, but below the smallest normal double: "5e-324", "1e-400"
};

/// The value parsed, or why there is none.
template <class T>
class Parsed {
 public:
  Parsed(T value) : value_(value) {}            // NOLINT(google-explicit-constructor)
  Parsed(NumberError error) : error_(error) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  /// The value; only when ok().
  [[nodiscard]] T value() const noexcept { return value_; }
  /// Why not; only when !ok().
  [[nodiscard]] NumberError error() const noexcept { return *error_; }
  [[nodiscard]] std::optional<T> optional() const { return ok() ? std::optional<T>(value_) : std::nullopt; }

 private:
  T value_{};
  std::optional<NumberError> error_;
};

/// A finite double from the whole of `text` (rules above). Thread-safe.
[[nodiscard]] Parsed<double> parse_double(std::string_view text) noexcept;

/// A double at the start of `text` (blanks before it skipped), as for "2.5 W/m2K":
/// same rules as parse_double except that text may follow the number; `rest` is
/// set to what follows it. Thread-safe.
[[nodiscard]] Parsed<double> parse_leading_double(std::string_view text, std::string_view& rest) noexcept;

/// An integer of type T from the whole of `text` (rules above). T is one of int,
/// unsigned, long, unsigned long, long long, unsigned long long. Thread-safe.
template <class T>
[[nodiscard]] Parsed<T> parse_integer(std::string_view text) noexcept;

/// "a number", "an integer" or "a non-negative integer": what a T is called in messages.
template <class T>
[[nodiscard]] std::string_view number_noun() noexcept;

/// What was expected, for "expected ..., got '...'" after `error` parsing a T:
/// "a number", "a finite number", "an integer", "a non-negative integer", for too_small
/// "a number of magnitude 0 or at least 2.2250738585072014e-308", and for
/// out_of_range the range of T ("an integer in -2147483648..2147483647").
/// A caller checking its own range [lo, hi] words that failure itself, with the range.
template <class T>
[[nodiscard]] std::string expected_number(NumberError error);

}  // namespace coron::util
