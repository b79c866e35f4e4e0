#include "util/parse_number.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <type_traits>

namespace coron::util {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_front(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = trim_front(s);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// For a decimal number that from_chars found out of range: true when its magnitude
/// is too large, false when too small. Its decimal order of magnitude is the place of
/// the first non-zero digit plus the exponent; out of range means far from zero.
bool too_large(std::string_view number) {
  std::size_t i = 0;
  if (i < number.size() && number[i] == '-') ++i;
  long whole_digits = 0;  // significant digits before the point
  long zeros_after_point = 0;
  bool significant = false;
  for (; i < number.size() && is_digit(number[i]); ++i)
    if (significant || number[i] != '0') {
      significant = true;
      ++whole_digits;
    }
  if (i < number.size() && number[i] == '.') {
    for (++i; i < number.size() && is_digit(number[i]); ++i) {
      if (significant) continue;
      if (number[i] == '0')
        ++zeros_after_point;
      else
        significant = true;
    }
  }
  long order = whole_digits > 0 ? whole_digits - 1 : -(zeros_after_point + 1);
  if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
    std::string_view exponent = number.substr(i + 1);
    if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
    const bool negative = !exponent.empty() && exponent.front() == '-';
    long e = 0;
    const auto [end, ec] = std::from_chars(exponent.data(), exponent.data() + exponent.size(), e);
    if (ec == std::errc::result_out_of_range) e = negative ? -1'000'000 : 1'000'000;
    order += e;
  }
  return order > 0;
}

/// A double at the start of `text` (no blanks before it); `used` is how many characters it took.
Parsed<double> scan_double(std::string_view text, std::size_t& used) noexcept {
  used = 0;
  if (text.empty()) return NumberError::empty;
  if (text.front() == '+') return NumberError::plus_sign;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  used = static_cast<std::size_t>(end - text.data());
  if (ec == std::errc::invalid_argument) return NumberError::not_a_number;
  if (ec == std::errc::result_out_of_range)
    return too_large(text.substr(0, used)) ? NumberError::out_of_range : NumberError::too_small;
  if (!std::isfinite(value)) return NumberError::not_finite;
  if (std::fpclassify(value) == FP_SUBNORMAL) return NumberError::too_small;
  return value;
}

}  // namespace

Parsed<double> parse_leading_double(std::string_view text, std::string_view& rest) noexcept {
  text = trim_front(text);
  std::size_t used = 0;
  Parsed<double> result = scan_double(text, used);
  rest = text.substr(used);
  return result;
}

Parsed<double> parse_double(std::string_view text) noexcept {
  text = trim(text);
  std::size_t used = 0;
  const Parsed<double> result = scan_double(text, used);
  // Trailing garbage outranks what was wrong with the start: "1e999x" is not a number at all.
  if (used > 0 && used != text.size()) return NumberError::not_a_number;
  return result;
}

template <class T>
Parsed<T> parse_integer(std::string_view text) noexcept {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  text = trim(text);
  if (text.empty()) return NumberError::empty;
  if (text.front() == '+') return NumberError::plus_sign;
  const char* const first = text.data();
  const char* const last = first + text.size();
  T value{};
  const auto [end, ec] = std::from_chars(first, last, value);
  if (end == last) {
    if (ec == std::errc{}) return value;
    if (ec == std::errc::result_out_of_range) return NumberError::out_of_range;
  }
  if constexpr (std::is_unsigned_v<T>) {
    // from_chars refuses any '-' for an unsigned type: read it signed to tell "-0" and "-7" apart.
    if (text.front() == '-') {
      long long negative = 0;
      const auto [signed_end, signed_ec] = std::from_chars(first, last, negative);
      if (signed_end == last && signed_ec == std::errc{} && negative == 0) return T{0};
      if (signed_end == last) return NumberError::negative;
    }
  }
  // Not a whole integer: a number all the same ("2.5", "1e3", "inf"), or not even that?
  const Parsed<double> as_double = parse_double(text);
  if (as_double.ok()) return NumberError::not_an_integer;
  switch (as_double.error()) {
    case NumberError::not_finite:
    case NumberError::out_of_range:
    case NumberError::too_small:
      return NumberError::not_an_integer;
    default:
      return as_double.error();
  }
}

template <class T>
std::string_view number_noun() noexcept {
  if constexpr (std::is_floating_point_v<T>)
    return "a number";
  else if constexpr (std::is_unsigned_v<T>)
    return "a non-negative integer";
  else
    return "an integer";
}

template <class T>
std::string expected_number(NumberError error) {
  const std::string noun(number_noun<T>());
  switch (error) {
    case NumberError::plus_sign:
      return noun + " without a '+' sign";
    case NumberError::not_finite:
      return "a finite number";
    case NumberError::too_small: {
      char text[32];
      const std::to_chars_result printed =
          std::to_chars(text, text + sizeof text, std::numeric_limits<double>::min());
      return "a number of magnitude 0 or at least " + std::string(text, printed.ptr);
    }
    case NumberError::out_of_range:
      if constexpr (std::is_floating_point_v<T>) {
        char text[32];
        const std::to_chars_result printed =
            std::to_chars(text, text + sizeof text, std::numeric_limits<T>::max());
        const std::string largest(text, printed.ptr);
        return noun + " in -" + largest + ".." + largest;
      } else {
        return "an integer in " + std::to_string(std::numeric_limits<T>::min()) + ".." +
               std::to_string(std::numeric_limits<T>::max());
      }
    case NumberError::negative:
      return "a non-negative integer";
    case NumberError::empty:
    case NumberError::not_a_number:
    case NumberError::not_an_integer:
      break;
  }
  return noun;
}

template std::string_view number_noun<double>() noexcept;
template std::string expected_number<double>(NumberError);

#define CORON_UTIL_INTEGER(T)                                     \
  template Parsed<T> parse_integer<T>(std::string_view) noexcept; \
  template std::string_view number_noun<T>() noexcept;            \
  template std::string expected_number<T>(NumberError);
CORON_UTIL_INTEGER(int)
CORON_UTIL_INTEGER(unsigned)
CORON_UTIL_INTEGER(long)
CORON_UTIL_INTEGER(unsigned long)
CORON_UTIL_INTEGER(long long)
CORON_UTIL_INTEGER(unsigned long long)
#undef CORON_UTIL_INTEGER

}  // namespace coron::util
